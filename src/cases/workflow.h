/*
 * workflow.h - the states of a case and of each terlapor track, and the
 * transitions between them, as one table.
 *
 * Deadline rule names are "{e}.x" (the case's election kind), or fixed
 * ("pemilu.x", "bkn.x"); a rule of the other election kind is skipped, so
 * a Pilkada case never runs a Pemilu clock.  An extension starts its
 * longer clock from the start date of the clock it replaces.
 * Until the kajian is decided a case moves as a whole (scope CASE); then
 * each terlapor has a track of its own (scope TRACK): recommended,
 * verified by KASN or BKN (by date), sent to the PPK, sanctioned or not,
 * escalated.  Each transition names who may perform it, which deadline
 * rules it starts and stops ("{e}" stands for the election kind, pemilu
 * or pilkada), and which fields it requires.  A case whose tracks have all
 * ended becomes "selesai".
 */
#ifndef NETRA_CASES_WORKFLOW_H
#define NETRA_CASES_WORKFLOW_H

#include <stdbool.h>

#include "auth/auth.h"

enum wf_scope { WF_CASE, WF_TRACK };

enum wf_require {
	WF_REQ_REASON = 1 << 0,    /* "alasan" */
	WF_REQ_RECOMMEND = 1 << 1, /* recommendation items (or the evaluator's) */
	WF_REQ_SANCTION = 1 << 2,  /* SK number, date, form and level */
	WF_REQ_ACTION = 1 << 3,    /* escalation action: pemblokiran / teguran */
	WF_REQ_REFERRAL = 1 << 4,  /* where a non-ASN matter goes, from the catalog's route */
};

#define WF_MAX_RULES 3

struct wf_transition {
	const char *action; /* stable id used by the API: "registrasi" */
	const char *label;  /* Indonesian button text */
	enum wf_scope scope;
	const char *from[6]; /* states it leaves; NULL-terminated */
	const char *to;      /* NULL: stays (extension) */
	unsigned roles;      /* bit (1 << enum role) */
	unsigned requires;
	const char *starts[WF_MAX_RULES]; /* deadline rules started, "{e}.x" */
	const char *stops[WF_MAX_RULES];  /* deadline rules closed as met */
	const char *extends;              /* a rule closed as "extended" */
};

struct wf_state {
	const char *id;
	enum wf_scope scope;
	const char *label_id;  /* Indonesian */
	const char *public_id; /* what the public status page says */
	bool terminal;
};

const struct wf_transition *wf_find(const char *action);
size_t wf_count(void);
const struct wf_transition *wf_at(size_t i);
const struct wf_state *wf_state_find(const char *id);
size_t wf_state_count(void);
const struct wf_state *wf_state_at(size_t i);
/* true when state is one of t->from */
bool wf_allows_from(const struct wf_transition *t, const char *state);
bool wf_role_allowed(const struct wf_transition *t, enum role r);
/* "{e}.tindak_lanjut" -> "pemilu.tindak_lanjut" into out; returns false when
 * the rule belongs to the other election kind and does not apply. */
bool wf_rule_name(const char *pattern, const char *election_kind, char *out, size_t outsz);
/* Severity order of sanction levels: moral < ringan < sedang < berat < ptdh;
 * -1 for unknown. */
int wf_level_rank(const char *level);

#endif
