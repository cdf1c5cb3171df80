-- 0007_search_norm (PostgreSQL): search keys, so that search is case- and
-- accent-insensitive and the same on every engine.
-- The twin of src/store/sql/0007_search_norm.sql: same columns, meaning and
-- fill (the store writes the keys in C on insert, and fills the older rows
-- right after this migration with store_search_backfill()).
--
-- The columns belong to tables already granted to netra_app, so no grant is
-- needed.  A trigram index (pg_trgm, package postgresql-contrib) would make
-- "LIKE '%...%'" on these keys and on persons.name_norm an index scan; it
-- is left to a later migration together with the registry search
-- (docs/internals/store.md, "Search").

ALTER TABLE cases ADD COLUMN description_fold text;
ALTER TABLE tracks ADD COLUMN name_fold text;
