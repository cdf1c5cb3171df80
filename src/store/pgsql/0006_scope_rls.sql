-- 0006_scope_rls (PostgreSQL): the region scope enforced a second time, by
-- row-level security.  (src/store/sql/0006_scope_rls.sql is its no-op twin.)
--
-- Every query already carries the scope (SCOPE_WHERE in store_internal.h,
-- ITEM_SCOPE_WHERE in screening.c); these policies make a query that forgot
-- it see nothing outside the officer's scope anyway.  They bind only the
-- application role (netra_app members: not the owner, no BYPASSRLS); the
-- owner, which runs migrations and owns the functions below, is not
-- subject to them.  Never FORCE ROW LEVEL SECURITY: the policy functions
-- read tracks and cases as the owner, and forced policies would recurse.
--
-- The scope is set per transaction by the engine:
--   SELECT set_config('netra.scope', S, true)
-- where S is
--   all                         system work: everything (also when unset or "")
--   none                        the public: no case, no screened item
--   r=PREFIX;rec=0|1;ppk=ID     an officer: PREFIX "" = national, else a
--                               Kemendagri code ("64", "64.08"); rec=1 only
--                               recommended cases; ppk=ID > 0 only cases with
--                               a track addressed to PPK office ID
-- The same rule as struct store_scope; a string of any other shape is an
-- engine bug and raises an error instead of guessing.  Functions of the
-- store that take no scope (the public status page by code, the audit
-- chain, sessions) run with "all".
--
-- The audit chain: events about a case are read only with their case;
-- events without a case by anyone.  The chain head must not depend on the
-- scope of the transaction that appends, so it is read through
-- netra_events_head() (owner rights), never by a scoped SELECT on events.

-- "Is region inside prefix": the region rule of the scope, one home in SQL.
CREATE FUNCTION netra_region_within(region text, prefix text) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN prefix = '' OR region = prefix OR starts_with(region, prefix || '.');

-- The transaction's scope, parsed: kind is all, none or officer.
CREATE FUNCTION netra_scope_current(OUT kind text, OUT prefix text, OUT rec bigint,
				    OUT ppk bigint)
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	s text := coalesce(current_setting('netra.scope', true), '');
	m text[];
BEGIN
	IF s = '' OR s = 'all' THEN
		kind := 'all';
		RETURN;
	END IF;
	IF s = 'none' THEN
		kind := 'none';
		RETURN;
	END IF;
	m := regexp_match(s, '^r=((?:[0-9]+(?:\.[0-9]+)*)?);rec=([01]);ppk=([0-9]{1,18})$');
	IF m IS NULL THEN
		RAISE EXCEPTION 'netra.scope tidak dikenal: %', s
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	kind := 'officer';
	prefix := m[1];
	rec := m[2]::bigint;
	ppk := m[3]::bigint;
END
$$;

-- A case (its region, recommended flag and id) under the transaction's
-- scope: the rule of SCOPE_WHERE.
CREATE FUNCTION netra_scope_allows(region_code text, recommended bigint, case_id bigint)
	RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	sc record;
BEGIN
	SELECT * INTO sc FROM netra_scope_current();
	IF sc.kind = 'all' THEN
		RETURN true;
	END IF;
	IF sc.kind = 'none' THEN
		RETURN false;
	END IF;
	RETURN netra_region_within(netra_scope_allows.region_code, sc.prefix)
		AND (sc.rec = 0 OR netra_scope_allows.recommended = 1)
		AND (sc.ppk = 0 OR EXISTS (SELECT 1 FROM tracks t
					   WHERE t.case_id = netra_scope_allows.case_id
					     AND t.ppk_office_id = sc.ppk));
END
$$;

-- A screened item under the transaction's scope (docs/internals/screening.md):
-- inside the prefix, or of unknown region ("") for a national or provincial
-- scope; rec and ppk do not apply to screened items.
CREATE FUNCTION netra_scope_allows_item(region_code text) RETURNS boolean
	LANGUAGE plpgsql STABLE SECURITY DEFINER
	SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
	sc record;
BEGIN
	SELECT * INTO sc FROM netra_scope_current();
	IF sc.kind = 'all' THEN
		RETURN true;
	END IF;
	IF sc.kind = 'none' THEN
		RETURN false;
	END IF;
	RETURN netra_region_within(netra_scope_allows_item.region_code, sc.prefix)
		OR (netra_scope_allows_item.region_code = '' AND length(sc.prefix) = 2);
END
$$;

-- The newest event's id and hash whatever the scope (0 rows: empty log).
CREATE FUNCTION netra_events_head(OUT id bigint, OUT hash bytea) RETURNS SETOF record
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
	AS $$ SELECT e.id, e.hash FROM events e ORDER BY e.id DESC LIMIT 1 $$;

REVOKE ALL ON FUNCTION netra_scope_current(), netra_scope_allows(text, bigint, bigint),
	netra_scope_allows_item(text), netra_events_head() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION netra_region_within(text, text), netra_scope_current(),
	netra_scope_allows(text, bigint, bigint), netra_scope_allows_item(text),
	netra_events_head() TO netra_app;

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_scope ON cases
	USING (netra_scope_allows(region_code, recommended, id));

-- the tables that hang off a case follow it (the cases policy above applies
-- inside the subquery; it reads tracks with owner rights, so no recursion)
ALTER TABLE tracks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tracks_scope ON tracks
	USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = tracks.case_id));
ALTER TABLE witnesses ENABLE ROW LEVEL SECURITY;
CREATE POLICY witnesses_scope ON witnesses
	USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = witnesses.case_id));
ALTER TABLE evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY evidence_scope ON evidence
	USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = evidence.case_id));
ALTER TABLE deadlines ENABLE ROW LEVEL SECURITY;
CREATE POLICY deadlines_scope ON deadlines
	USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = deadlines.case_id));
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_scope ON notes
	USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = notes.case_id));

-- events: read with their case; appended by whoever acts (the row that
-- changed was checked by its own policy); never updated or deleted (0002)
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON events FOR SELECT
	USING (case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = events.case_id));
CREATE POLICY events_append ON events FOR INSERT
	WITH CHECK (true);

ALTER TABLE screened_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY screened_items_scope ON screened_items
	USING (netra_scope_allows_item(region_code));
