-- 0004_deadline_provisional (PostgreSQL; the twin of
-- src/store/sql/0004_deadline_provisional.sql): a deadline counted past the holiday data.
--
-- A working-day clock that needs a year the holiday data does not cover yet
-- (data/calendars/holidays.csv, or the years an administrator loads) is
-- counted with weekends and the known holidays only; the due date is then
-- the earliest it can be and is marked provisional, with the reason the
-- engine gave ("data hari libur 2027 belum dimuat; dihitung tanpa libur
-- nasional").  provisional_reason is NULL unless provisional is 1.  The
-- partial index finds the open provisional deadlines to recompute once
-- their year is loaded.

ALTER TABLE deadlines ADD COLUMN provisional bigint NOT NULL DEFAULT 0
	CHECK (provisional IN (0, 1));
ALTER TABLE deadlines ADD COLUMN provisional_reason text;
CREATE INDEX deadlines_provisional ON deadlines(status) WHERE provisional = 1;
