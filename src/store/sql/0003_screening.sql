-- 0003_screening: what `netra monitor` (and POST /api/v1/screening/ingest)
-- loads from screened feeds, the officers' triage decisions on it, and the
-- list of watched accounts that links authors to known persons.
--
-- Times are unix seconds.  score_pct is the engine's score in hundredths
-- (85 = 0.85), an integer so that the queue's keyset cursor compares
-- exactly.  region_code "" means unknown; prov and kabkota repeat its first
-- levels ("" when unknown) so that a scoped, best-first queue is one
-- ordered index scan.  Scope rule (docs/internals/screening.md): an item of
-- region R is seen by scopes whose prefix contains R; an item of unknown
-- region only by national and provincial scopes.
-- content_hash is BLAKE2b-128 of the stored (UTF-8 clean) text: the same
-- text is stored once, whoever posted it again.

CREATE TABLE watch_accounts (
	id          INTEGER PRIMARY KEY,
	platform    TEXT NOT NULL,            -- lower case ("facebook", "x"); "" = any source
	handle      TEXT NOT NULL,            -- lower case, without a leading '@'
	person_id   INTEGER REFERENCES persons(id),
	name        TEXT NOT NULL,
	nip         TEXT,
	agency      TEXT,
	position    TEXT,
	status      TEXT NOT NULL DEFAULT 'unknown',
	region_code TEXT NOT NULL DEFAULT '',
	note        TEXT,
	added_by    TEXT NOT NULL,
	added_at    INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL,
	UNIQUE (platform, handle)
) STRICT;
CREATE INDEX watch_accounts_person ON watch_accounts(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE screened_items (
	id              INTEGER PRIMARY KEY,
	source          TEXT NOT NULL DEFAULT '',
	external_id     TEXT,
	author          TEXT,
	url             TEXT,
	captured_at     INTEGER,              -- the item's own time ("ts"); NULL when absent or unreadable
	seen_at         INTEGER NOT NULL,     -- when netra loaded it
	text            TEXT NOT NULL,
	content_hash    TEXT NOT NULL UNIQUE,
	label           TEXT NOT NULL CHECK (label IN ('possible_violation', 'neutral_mention', 'unrelated')),
	score_pct       INTEGER NOT NULL CHECK (score_pct BETWEEN 0 AND 100),
	items           TEXT NOT NULL DEFAULT '[]',  -- JSON array of catalog item ids
	spans           TEXT NOT NULL DEFAULT '[]',  -- JSON array, the shape of `netra scan --json`
	election        TEXT,
	region_code     TEXT NOT NULL DEFAULT '',
	prov            TEXT NOT NULL DEFAULT '',
	kabkota         TEXT NOT NULL DEFAULT '',
	author_asn      INTEGER NOT NULL DEFAULT 0,  -- the author is on the watch list
	account_id      INTEGER REFERENCES watch_accounts(id),
	person_id       INTEGER REFERENCES persons(id),
	channel         TEXT NOT NULL DEFAULT 'cli',
	state           TEXT NOT NULL DEFAULT 'baru' CHECK (state IN ('baru', 'dikonfirmasi', 'diabaikan')),
	decided_by      INTEGER REFERENCES users(id),
	decided_at      INTEGER,
	decision_reason TEXT,
	case_id         INTEGER REFERENCES cases(id),
	CHECK (state = 'baru' OR decided_at IS NOT NULL),
	CHECK (state <> 'dikonfirmasi' OR case_id IS NOT NULL),
	CHECK (state <> 'diabaikan' OR decision_reason IS NOT NULL)
) STRICT;
CREATE INDEX screened_queue ON screened_items(state, score_pct DESC, id DESC);
CREATE INDEX screened_queue_prov ON screened_items(state, prov, score_pct DESC, id DESC);
CREATE INDEX screened_queue_kab ON screened_items(state, kabkota, score_pct DESC, id DESC);
CREATE INDEX screened_case ON screened_items(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX screened_account ON screened_items(account_id) WHERE account_id IS NOT NULL;
