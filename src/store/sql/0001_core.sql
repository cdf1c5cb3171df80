-- 0001_core: bookkeeping every later migration relies on.
-- Migrations are forward-only; an applied file must never change (the
-- store checks its checksum).

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
