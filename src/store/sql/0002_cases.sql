-- 0002_cases: offices, users, sessions, the registry of reported persons,
-- cases with one track per terlapor, evidence, deadlines, notes and the
-- hash-chained event log.
--
-- Times are unix seconds (INTEGER) when they are instants and ISO dates
-- (TEXT 'YYYY-MM-DD') when they are local calendar dates.  Region codes are
-- Kemendagri dotted codes ("64", "64.08", "64.08.01", "64.08.01.2001"); a
-- scope prefix P matches region_code = P or region_code LIKE P || '.%'.
-- The reporter's identity exists only inside cases.pelapor_sealed.

CREATE TABLE offices (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	kind          TEXT NOT NULL CHECK (kind IN ('bawaslu', 'bkn', 'kasn', 'ppk', 'lain')),
	level         TEXT NOT NULL CHECK (level IN ('ri', 'provinsi', 'kabkota', 'kecamatan', 'instansi')),
	region_code   TEXT NOT NULL,
	tz            TEXT NOT NULL CHECK (tz IN ('WIB', 'WITA', 'WIT')),
	parent_id     INTEGER REFERENCES offices(id),
	-- sealing key: crypto_box public key; the secret key wrapped with a key
	-- derived (argon2id) from the custodian passphrase
	seal_public   BLOB,
	seal_wrapped  BLOB,
	seal_salt     BLOB,
	seal_ops      INTEGER,
	seal_mem      INTEGER,
	created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX offices_region ON offices(region_code);

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	username      TEXT NOT NULL UNIQUE,
	full_name     TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'pengawas', 'analis', 'ppk', 'custodian', 'auditor')),
	office_id     INTEGER NOT NULL REFERENCES offices(id),
	password_hash TEXT NOT NULL,
	active        INTEGER NOT NULL DEFAULT 1,
	created_at    INTEGER NOT NULL,
	password_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
	token_hash    BLOB PRIMARY KEY,
	user_id       INTEGER NOT NULL REFERENCES users(id),
	csrf          TEXT NOT NULL,
	created_at    INTEGER NOT NULL,
	expires_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
	token_hash    BLOB PRIMARY KEY,
	user_id       INTEGER NOT NULL REFERENCES users(id),
	name          TEXT NOT NULL,
	created_at    INTEGER NOT NULL,
	expires_at    INTEGER,
	revoked       INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- employing agencies; each answers to a PPK office
CREATE TABLE agencies (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	name_norm     TEXT NOT NULL,
	region_code   TEXT NOT NULL,
	ppk_office_id INTEGER REFERENCES offices(id),
	UNIQUE (name_norm, region_code)
) STRICT;

-- the registry: persons seen as terlapor
CREATE TABLE persons (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL,
	name_norm     TEXT NOT NULL,
	nip           TEXT,
	nik           TEXT,
	status        TEXT NOT NULL,
	agency_id     INTEGER REFERENCES agencies(id),
	position      TEXT,
	region_code   TEXT,
	created_at    INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX persons_nip ON persons(nip) WHERE nip IS NOT NULL;
CREATE INDEX persons_name ON persons(name_norm);

CREATE TABLE cases (
	id             INTEGER PRIMARY KEY,
	code           TEXT NOT NULL UNIQUE,
	kind           TEXT NOT NULL CHECK (kind IN ('laporan', 'temuan', 'informasi_awal')),
	election       TEXT NOT NULL,
	election_kind  TEXT NOT NULL CHECK (election_kind IN ('pemilu', 'pilkada')),
	state          TEXT NOT NULL,
	region_code    TEXT NOT NULL,
	office_id      INTEGER NOT NULL REFERENCES offices(id),
	received_at    INTEGER NOT NULL,
	tz             TEXT NOT NULL,
	occurred_on    TEXT,
	known_on       TEXT,
	place          TEXT,
	description    TEXT NOT NULL,
	pelapor_sealed BLOB,
	sealed_office  INTEGER REFERENCES offices(id),
	missing        TEXT NOT NULL DEFAULT '[]',
	assigned_to    INTEGER REFERENCES users(id),
	merged_into    INTEGER REFERENCES cases(id),
	channel        TEXT NOT NULL DEFAULT 'web',
	updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX cases_region ON cases(region_code, id);
CREATE INDEX cases_state ON cases(state, id);
CREATE INDEX cases_assigned ON cases(assigned_to, id);
CREATE INDEX cases_office ON cases(office_id, id);

-- one track per terlapor: after the kajian each person has their own outcome
CREATE TABLE tracks (
	id              INTEGER PRIMARY KEY,
	case_id         INTEGER NOT NULL REFERENCES cases(id),
	person_id       INTEGER REFERENCES persons(id),
	name            TEXT NOT NULL,
	nip             TEXT,
	nik             TEXT,
	agency          TEXT,
	position        TEXT,
	status          TEXT NOT NULL,
	state           TEXT NOT NULL,
	ppk_office_id   INTEGER REFERENCES offices(id),
	rec_json        TEXT,
	rec_level       TEXT,
	rec_institution TEXT,
	rec_at          INTEGER,
	sanction_form   TEXT,
	sanction_level  TEXT,
	sanction_sk     TEXT,
	sanction_on     TEXT,
	sanction_cmp    TEXT CHECK (sanction_cmp IN ('lower', 'equal', 'higher')),
	sanction_at     INTEGER,
	updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX tracks_case ON tracks(case_id);
CREATE INDEX tracks_person ON tracks(person_id);
CREATE INDEX tracks_ppk ON tracks(ppk_office_id, state);
CREATE INDEX tracks_nip ON tracks(nip) WHERE nip IS NOT NULL;

CREATE TABLE witnesses (
	id        INTEGER PRIMARY KEY,
	case_id   INTEGER NOT NULL REFERENCES cases(id),
	name      TEXT NOT NULL,
	address   TEXT,
	phone     TEXT
) STRICT;
CREATE INDEX witnesses_case ON witnesses(case_id);

CREATE TABLE evidence (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases(id),
	kind        TEXT NOT NULL CHECK (kind IN ('berkas', 'tautan', 'teks')),
	sha256      TEXT,
	mime        TEXT,
	size        INTEGER,
	filename    TEXT,
	url         TEXT,
	note        TEXT,
	added_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX evidence_case ON evidence(case_id);

CREATE TABLE deadlines (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases(id),
	track_id    INTEGER REFERENCES tracks(id),
	rule        TEXT NOT NULL,
	start_on    TEXT NOT NULL,
	due_on      TEXT NOT NULL,
	tz          TEXT NOT NULL,
	explanation TEXT NOT NULL,
	status      TEXT NOT NULL CHECK (status IN ('open', 'met', 'missed', 'stopped', 'extended')),
	closed_at   INTEGER,
	reason      TEXT
) STRICT;
CREATE INDEX deadlines_case ON deadlines(case_id);
CREATE INDEX deadlines_open ON deadlines(status, due_on);

CREATE TABLE notes (
	id        INTEGER PRIMARY KEY,
	case_id   INTEGER NOT NULL REFERENCES cases(id),
	user_id   INTEGER NOT NULL REFERENCES users(id),
	at        INTEGER NOT NULL,
	body      TEXT NOT NULL
) STRICT;
CREATE INDEX notes_case ON notes(case_id);

-- Append-only, hash-chained: hash = BLAKE2b-256(prev_hash || canonical row).
CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	at          INTEGER NOT NULL,
	case_id     INTEGER,
	track_id    INTEGER,
	user_id     INTEGER,
	actor       TEXT NOT NULL,
	kind        TEXT NOT NULL,
	data        TEXT NOT NULL,
	prev_hash   BLOB NOT NULL,
	hash        BLOB NOT NULL
) STRICT;
CREATE INDEX events_case ON events(case_id, id);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;
