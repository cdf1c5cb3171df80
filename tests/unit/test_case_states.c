/*
 * test_case_states.c - the named sets of case states (domain/case_states.h):
 * their members, the relations between them that the workflow relies on,
 * that every member is a case state of the workflow table, and that the
 * store's IN list is generated and bound from the same definition.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cases/workflow.h"
#include "domain/case_states.h"
#include "store/store_internal.h"

static void
test_members(void **state)
{
	(void)state;
	assert_true(case_state_in(CASE_STATES_EXAMINING, "diregistrasi"));
	assert_true(case_state_in(CASE_STATES_EXAMINING, "klarifikasi"));
	assert_true(case_state_in(CASE_STATES_EXAMINING, "kajian"));
	assert_false(case_state_in(CASE_STATES_EXAMINING, "diputus"));
	assert_false(case_state_in(CASE_STATES_EXAMINING, "diterima"));
	assert_int_equal(case_state_set_size(CASE_STATES_EXAMINING), 3);

	assert_true(case_state_in(CASE_STATES_TRACKS_OPEN, "diputus"));
	assert_false(case_state_in(CASE_STATES_TRACKS_OPEN, "selesai"));
	assert_false(case_state_in(CASE_STATES_TRACKS_OPEN, "kajian_awal"));
	assert_int_equal(case_state_set_size(CASE_STATES_TRACKS_OPEN), 4);

	assert_true(case_state_in(CASE_STATES_CLAIMABLE, "diterima"));
	assert_true(case_state_in(CASE_STATES_CLAIMABLE, "perlu_perbaikan"));
	assert_false(case_state_in(CASE_STATES_CLAIMABLE, "diputus"));
	assert_false(case_state_in(CASE_STATES_CLAIMABLE, "digabung"));
	assert_int_equal(case_state_set_size(CASE_STATES_CLAIMABLE), 6);

	assert_true(case_state_in(CASE_STATES_ENDS_TRACKS, "dihentikan"));
	assert_true(case_state_in(CASE_STATES_ENDS_TRACKS, "tidak_diregistrasi"));
	assert_false(case_state_in(CASE_STATES_ENDS_TRACKS, "selesai"));
	assert_int_equal(case_state_set_size(CASE_STATES_ENDS_TRACKS), 2);

	/* unknown states, NULL and a bad set are members of nothing */
	assert_false(case_state_in(CASE_STATES_CLAIMABLE, "proses"));
	assert_false(case_state_in(CASE_STATES_CLAIMABLE, ""));
	assert_false(case_state_in(CASE_STATES_CLAIMABLE, NULL));
	assert_false(case_state_in(CASE_STATES__COUNT, "diterima"));
	assert_null(case_state_set_at(CASE_STATES__COUNT, 0));
	assert_null(case_state_set_at(CASE_STATES_EXAMINING, 3));
	/* workflow order */
	assert_string_equal(case_state_set_at(CASE_STATES_CLAIMABLE, 0), "diterima");
	assert_string_equal(case_state_set_at(CASE_STATES_TRACKS_OPEN, 3), "diputus");
}

/* what cases_flow.c derives from the sets */
static void
test_relations(void **state)
{
	size_t i;
	const char *s;

	(void)state;
	for (i = 0; (s = case_state_set_at(CASE_STATES_EXAMINING, i)) != NULL; i++) {
		assert_true(case_state_in(CASE_STATES_TRACKS_OPEN, s));
		assert_true(case_state_in(CASE_STATES_CLAIMABLE, s));
	}
	for (i = 0; (s = case_state_set_at(CASE_STATES_ENDS_TRACKS, i)) != NULL; i++) {
		const struct wf_state *w = wf_state_find(s);

		assert_non_null(w);
		assert_true(w->terminal);
		assert_false(case_state_in(CASE_STATES_CLAIMABLE, s));
		assert_false(case_state_in(CASE_STATES_TRACKS_OPEN, s));
	}
}

/* every member of every set is a case state of the workflow table */
static void
test_members_are_workflow_states(void **state)
{
	int set;
	size_t i, seen = 0;
	const char *s;

	(void)state;
	for (set = 0; set < CASE_STATES__COUNT; set++)
		for (i = 0; (s = case_state_set_at((enum case_state_set)set, i)) != NULL; i++) {
			size_t k;
			bool found = false;

			for (k = 0; k < wf_state_count(); k++) {
				const struct wf_state *w = wf_state_at(k);

				if (w->scope == WF_CASE && strcmp(w->id, s) == 0)
					found = true;
			}
			if (!found)
				fail_msg("'%s' is not a case state of the workflow", s);
			assert_true(i < CASE_STATES_MAX);
			seen++;
		}
	assert_int_equal(seen, 3 + 4 + 6 + 2);
}

/* --- the store's IN list: a recording statement ----------------------------- */

struct rec_stmt {
	struct db_stmt base;
	char text[40][32];
	int bound[40];
};

static int
rec_text(struct db_stmt *s, int i, const char *v, size_t n)
{
	struct rec_stmt *r = (struct rec_stmt *)s;

	(void)n;
	assert_true(i > 0 && i < 40);
	snprintf(r->text[i], sizeof(r->text[i]), "%s", v);
	r->bound[i]++;
	return 0;
}

static const struct db_stmt_ops rec_ops = {.bind_text = rec_text};

static void
test_store_in_list(void **state)
{
	struct rec_stmt r;
	struct buf b;
	size_t i, n = case_state_set_size(CASE_STATES_CLAIMABLE);

	(void)state;
	buf_init(&b, 1024);
	store_state_set_sql(&b, CASE_STATES_CLAIMABLE, 10);
	assert_string_equal(buf_cstr(&b), "?10, ?11, ?12, ?13, ?14, ?15");
	buf_release(&b);

	memset(&r, 0, sizeof(r));
	r.base.ops = &rec_ops;
	store_state_set_bind(&r.base, CASE_STATES_CLAIMABLE, 10);
	for (i = 0; i < n; i++) {
		assert_int_equal(r.bound[10 + i], 1);
		assert_string_equal(r.text[10 + i], case_state_set_at(CASE_STATES_CLAIMABLE, i));
	}
	assert_int_equal(r.bound[9], 0);
	assert_int_equal(r.bound[10 + n], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_relations),
		cmocka_unit_test(test_members_are_workflow_states),
		cmocka_unit_test(test_store_in_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
