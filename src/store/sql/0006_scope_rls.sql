-- 0006_scope_rls: nothing to do on SQLite.  On PostgreSQL this number holds
-- the row-level security that enforces the region scope a second time
-- (src/store/pgsql/0006_scope_rls.sql); SQLite has no roles, so the scope
-- lives only in the queries (SCOPE_WHERE in store_internal.h).  The file
-- exists so that both engines count the same migrations.
SELECT 1;
