-- 0009_scope_rls_inline (PostgreSQL): the cases policy of 0006 as an
-- expression the planner sees through.  (src/store/sql/0009_scope_rls_inline.sql
-- is its no-op twin.)
--
-- 0006 wrote the policy as a call of netra_scope_allows(), a PL/pgSQL
-- SECURITY DEFINER function: PostgreSQL calls it once per row (about 30 us
-- each: it parses netra.scope again every time), so any query on cases
-- paid for every row it read, e.g. 30 s for a count over a million cases,
-- and every table whose policy looks into cases (tracks, deadlines,
-- events ...) paid it again per row.
--
-- Here the same rule (SCOPE_WHERE, struct store_scope) is written inline:
-- the scope is parsed once per statement (each "(SELECT ... FROM
-- netra_scope_current())" is an uncorrelated subquery, an InitPlan run
-- once), and per row only the comparisons remain: netra_region_within() is
-- an SQL function and is inlined.  Only the PPK part still needs a function
-- with owner rights (it reads tracks, whose own policy looks into cases:
-- read as the application role that would recurse), and it is reached only
-- when the scope names a PPK office.  netra_scope_current() keeps raising
-- an error for a scope of any other shape; netra_scope_allows() stays for
-- whoever calls it directly.

-- A case has a track addressed to PPK office ppk (owner rights, see above).
CREATE FUNCTION netra_case_has_ppk(case_id bigint, ppk bigint) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
	AS $$ SELECT EXISTS (SELECT 1 FROM tracks t WHERE t.case_id = $1 AND t.ppk_office_id = $2) $$;
REVOKE ALL ON FUNCTION netra_case_has_ppk(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION netra_case_has_ppk(bigint, bigint) TO netra_app;

DROP POLICY cases_scope ON cases;
CREATE POLICY cases_scope ON cases USING (
	(SELECT s.kind FROM netra_scope_current() s) = 'all'
	OR ((SELECT s.kind FROM netra_scope_current() s) = 'officer'
	    AND netra_region_within(region_code, (SELECT s.prefix FROM netra_scope_current() s))
	    AND ((SELECT s.rec FROM netra_scope_current() s) = 0 OR recommended = 1)
	    AND ((SELECT s.ppk FROM netra_scope_current() s) = 0
		 OR netra_case_has_ppk(id, (SELECT s.ppk FROM netra_scope_current() s)))));
