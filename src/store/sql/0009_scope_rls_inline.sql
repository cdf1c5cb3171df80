-- 0009_scope_rls_inline: nothing to do on SQLite.  On PostgreSQL this number
-- rewrites the cases policy of 0006 as an expression the planner can inline
-- (src/store/pgsql/0009_scope_rls_inline.sql); SQLite has no row-level
-- security.  The file exists so that both engines count the same migrations.
SELECT 1;
