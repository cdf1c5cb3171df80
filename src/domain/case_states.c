/*
 * case_states.c - the named sets of case states (case_states.h), written
 * once as one table: each case state with the sets it belongs to.  Adding
 * a state to a set is a one-word change here and reaches the workflow,
 * the views and every engine's SQL at once.
 */
#include <string.h>

#include "domain/case_states.h"

#define IN(set) (1u << (set))

static const struct {
	const char *id;
	unsigned sets;
} states[] = {
	/* in the order of the workflow table (src/cases/workflow.c) */
	{"diterima", IN(CASE_STATES_CLAIMABLE)},
	{"kajian_awal", IN(CASE_STATES_CLAIMABLE)},
	{"perlu_perbaikan", IN(CASE_STATES_CLAIMABLE)},
	{"diregistrasi",
	 IN(CASE_STATES_EXAMINING) | IN(CASE_STATES_TRACKS_OPEN) | IN(CASE_STATES_CLAIMABLE)},
	{"tidak_diregistrasi", IN(CASE_STATES_ENDS_TRACKS)},
	{"klarifikasi",
	 IN(CASE_STATES_EXAMINING) | IN(CASE_STATES_TRACKS_OPEN) | IN(CASE_STATES_CLAIMABLE)},
	{"kajian",
	 IN(CASE_STATES_EXAMINING) | IN(CASE_STATES_TRACKS_OPEN) | IN(CASE_STATES_CLAIMABLE)},
	{"diputus", IN(CASE_STATES_TRACKS_OPEN)},
	{"dihentikan", IN(CASE_STATES_ENDS_TRACKS)},
	{"selesai", 0},
	{"digabung", 0},
};

#define NSTATES (sizeof(states) / sizeof(states[0]))

bool
case_state_in(enum case_state_set set, const char *state)
{
	size_t i;

	if (state == NULL || (unsigned)set >= CASE_STATES__COUNT)
		return false;
	for (i = 0; i < NSTATES; i++)
		if (strcmp(states[i].id, state) == 0)
			return (states[i].sets & IN(set)) != 0;
	return false;
}

const char *
case_state_set_at(enum case_state_set set, size_t i)
{
	size_t k, n = 0;

	if ((unsigned)set >= CASE_STATES__COUNT)
		return NULL;
	for (k = 0; k < NSTATES; k++)
		if ((states[k].sets & IN(set)) && n++ == i)
			return states[k].id;
	return NULL;
}

size_t
case_state_set_size(enum case_state_set set)
{
	size_t n = 0;

	while (case_state_set_at(set, n))
		n++;
	return n;
}
