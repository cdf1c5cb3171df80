-- 0001_core (PostgreSQL): bookkeeping every later migration relies on, and
-- the application role.
-- The PostgreSQL twin of src/store/sql/0001_core.sql: same number, name,
-- tables and meaning (conventions: docs/operations.md, "PostgreSQL").
-- Migrations are forward-only; an applied file must never change (the
-- store checks its checksum).
--
-- Roles: these files run as the owner role, which owns every table.  The
-- application connects as a login role that is a member of netra_app: it
-- neither owns the tables nor has BYPASSRLS, so the row-level security of
-- 0006_scope_rls applies to it.  netra_app only gathers the grants; it is
-- created here when the DBA has not created it already (creating it needs
-- CREATEROLE, which the owner then must have).

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'netra_app') THEN
		CREATE ROLE netra_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
	END IF;
END
$$;

CREATE TABLE settings (
	key   text PRIMARY KEY,
	value text NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO netra_app;

-- the migration ledger is made by the store before 0001 runs: the
-- application may read it (`netra db status`), never change it
DO $$
BEGIN
	IF to_regclass('schema_migrations') IS NOT NULL THEN
		GRANT SELECT ON schema_migrations TO netra_app;
	END IF;
END
$$;
