-- 0007_search_norm: search keys, so that search is case- and
-- accent-insensitive and the same on every engine.
--
-- description_fold and name_fold hold fold_search_key() (src/core/fold.h)
-- of cases.description and tracks.name: lower case, accents folded
-- ("Désa" -> "desa").  The store writes them on insert; the rows before
-- this migration are filled by the store right after it runs
-- (store_search_backfill(), src/store/search.c).  The case list and the
-- export compare the key of the query with plain LIKE ... ESCAPE '\' on
-- them (docs/internals/store.md, "Search").  NULL only until the fill.
-- Twin: src/store/pgsql/0007_search_norm.sql.

ALTER TABLE cases ADD COLUMN description_fold TEXT;
ALTER TABLE tracks ADD COLUMN name_fold TEXT;
