-- 0005_calendar_admin: holidays and elections that administrators add
-- without a release (`netra calendar holiday|election`, /kantor/admin/kalender).
--
-- The data files compiled into the binary (data/calendars/) stay the
-- default; these rows are applied on top of them when the calendar is
-- loaded (merge rule: docs/internals/calendar.md, "Admin additions"): an
-- admin holiday replaces the data-file rows of the same date and kind, an
-- admin election replaces the data-file election of the same id.
-- Rows are never deleted: removal stamps removed_at/removed_by, so the
-- table keeps the history next to the audit chain.  Times are unix
-- seconds; dates YYYY-MM-DD.
--
-- calendar_version is bumped by every change in the same transaction; a
-- server compares it with the version of the calendar it serves and
-- reloads when they differ (a change made by the CLI or another process).
-- deadlines_upto is the highest deadline id when the change was made: the
-- change recomputed those; a server that publishes the new calendar then
-- recomputes the ones above it, started meanwhile on the old calendar.

CREATE TABLE calendar_holidays (
	id          INTEGER PRIMARY KEY,
	date        TEXT NOT NULL CHECK (length(date) = 10),
	kind        TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'libur_pemilu')),
	name        TEXT NOT NULL,
	basis       TEXT NOT NULL,
	source_url  TEXT NOT NULL,
	added_by    TEXT NOT NULL,
	added_at    INTEGER NOT NULL,
	removed_by  TEXT,
	removed_at  INTEGER
) STRICT;
CREATE UNIQUE INDEX calendar_holidays_active ON calendar_holidays(date, kind, name)
	WHERE removed_at IS NULL;

CREATE TABLE calendar_elections (
	id          INTEGER PRIMARY KEY,
	election_id TEXT NOT NULL,
	body        TEXT NOT NULL,              -- the JSON file, as given
	added_by    TEXT NOT NULL,
	added_at    INTEGER NOT NULL,
	removed_by  TEXT,
	removed_at  INTEGER                     -- set when replaced by a newer version
) STRICT;
CREATE UNIQUE INDEX calendar_elections_active ON calendar_elections(election_id)
	WHERE removed_at IS NULL;

CREATE TABLE calendar_version (
	id             INTEGER PRIMARY KEY CHECK (id = 1),
	version        INTEGER NOT NULL,
	deadlines_upto INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO calendar_version(id, version) VALUES (1, 0);
