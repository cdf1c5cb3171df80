/*
 * case_states.h - the named sets of case states: the one home of "which
 * case states count as ..." for the workflow (src/cases/), the views and
 * the store's SQL (src/store/ binds the members, it never spells them).
 *
 * This module sits just above core/ so that both the store and the case
 * service can include it without the store depending upward on cases/.
 * The states themselves, their labels and their transitions live in
 * src/cases/workflow.c; a unit test checks that every member named here is
 * a case state of that table.
 *
 * Limits: a set has at most CASE_STATES_MAX members.  Everything here is
 * constant data; the functions are pure and thread-safe.
 */
#ifndef NETRA_DOMAIN_CASE_STATES_H
#define NETRA_DOMAIN_CASE_STATES_H

#include <stdbool.h>
#include <stddef.h>

#define CASE_STATES_MAX 16

enum case_state_set {
	/* registered and under examination, the kajian not yet decided:
	 * every track still follows the case */
	CASE_STATES_EXAMINING,
	/* a decision per terlapor track may be taken: examining or decided */
	CASE_STATES_TRACKS_OPEN,
	/* not yet decided, so an officer may still claim it from the inbox */
	CASE_STATES_CLAIMABLE,
	/* reaching one of these ends every track of the case */
	CASE_STATES_ENDS_TRACKS,
	CASE_STATES__COUNT
};

/* Whether state (NULL: no) is a member of set. */
bool case_state_in(enum case_state_set set, const char *state);
/* Number of members of set. */
size_t case_state_set_size(enum case_state_set set);
/* The i-th member of set in workflow order, NULL past the end. */
const char *case_state_set_at(enum case_state_set set, size_t i);

#endif
