/*
 * score.c - the additive screening model (weights in data/scan/model.json).
 *
 *   election context = an election term, a candidate or party, the
 *       neutrality topic, a non-generic act, or two generic acts of
 *       different concepts within proximity_window positions;
 *   A = weight of the strongest actor or state facility that is not
 *       negated (or author_asn_weight for a known ASN account);
 *   each concept counts once, with its strongest matched term; a generic
 *       act counts only when the text has election context, a generic
 *       appeal only when it talks about rules or neutrality;
 *   per category the concept weights are summed and capped (caps.*);
 *   S = act + facility + target + incident + appeal + topic + sanction
 *       (facilities, targets and incidents only when some act counted:
 *       a facility used for a partisan act is itself evidence; appeals,
 *       topic and sanction weights are negative);
 *   D = 1 when an actor and a counted act are within proximity_window
 *       token positions, else far_factor;
 *   score = clamp(A * D * S, 0, 1), 0 without actor or act.
 *   items = the catalog items of counted acts and facilities, and of the
 *       rule catalog's own phrases (which add no weight), when an act counted;
 *   label = possible_violation when score >= threshold, else
 *       neutral_mention when (an ASN actor - not just a facility - or the
 *       neutrality topic) and election context, else unrelated.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "scan/scan_internal.h"

void
scan_scorer_init(struct scan_scorer *s, const struct scan_lexicon *lex)
{
	size_t n = lex->nconcepts ? lex->nconcepts : 1;

	s->best = xcalloc(n, sizeof(*s->best));
	s->best_match = xcalloc(n, sizeof(*s->best_match));
	s->touched = xcalloc(n, sizeof(*s->touched));
	s->ntouched = 0;
	s->item_seen = xcalloc(lex->nitems ? lex->nitems : 1, 1);
	s->items = xcalloc(lex->nitems ? lex->nitems : 1, sizeof(*s->items));
	s->nitems = 0;
}

void
scan_scorer_release(struct scan_scorer *s)
{
	free(s->best);
	free(s->best_match);
	free(s->touched);
	free(s->item_seen);
	free(s->items);
	memset(s, 0, sizeof(*s));
}

static size_t
item_index(const struct scan_lexicon *lex, const char *item)
{
	size_t lo = 0, hi = lex->nitems;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = scan_item_cmp(lex->items[mid], item);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lex->nitems;
}

static float
clampf(float v, float lo, float hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Keep the strongest (largest magnitude) match of each concept. */
static void
consider(struct scan_scorer *s, const struct scan_lex_phrase *ph, size_t mi)
{
	uint32_t c = ph->concept;

	if (s->best_match[c] == 0) {
		s->touched[s->ntouched++] = c;
		s->best[c] = ph->weight;
		s->best_match[c] = (uint32_t)mi + 1;
		return;
	}
	if (fabsf(ph->weight) > fabsf(s->best[c])) {
		s->best[c] = ph->weight;
		s->best_match[c] = (uint32_t)mi + 1;
	}
}

/* Two generic acts of different concepts close together: election talk. */
static bool
generic_pair(const struct scan_lexicon *lex, const struct scan_match *m, size_t nm)
{
	uint32_t window = lex->model.proximity_window;
	size_t i, j;

	for (i = 0; i < nm; i++) {
		const struct scan_lex_phrase *a = &lex->phrases[m[i].phrase];

		if (m[i].cat != SCAN_CAT_ACT || !a->generic || (m[i].flags & SCAN_MATCH_NEGATED))
			continue;
		for (j = i + 1; j < nm && m[j].pos - m[i].pos <= window; j++) {
			const struct scan_lex_phrase *b = &lex->phrases[m[j].phrase];

			if (m[j].cat == SCAN_CAT_ACT && b->generic && b->concept != a->concept &&
			    !(m[j].flags & SCAN_MATCH_NEGATED))
				return true;
		}
	}
	return false;
}

static uint32_t
distance(const struct scan_match *m, size_t nm)
{
	uint32_t best = UINT32_MAX;
	size_t i, j;

	for (i = 0; i < nm; i++) {
		if ((m[i].cat != SCAN_CAT_ACTOR && m[i].cat != SCAN_CAT_FACILITY) ||
		    (m[i].flags & SCAN_MATCH_NEGATED))
			continue;
		for (j = 0; j < nm; j++) {
			uint32_t d;

			if (m[j].cat != SCAN_CAT_ACT || !(m[j].flags & SCAN_MATCH_COUNTED))
				continue;
			d = m[i].pos > m[j].pos ? m[i].pos - m[j].pos : m[j].pos - m[i].pos;
			if (d < best)
				best = d;
		}
	}
	return best;
}

void
scan_score(struct scan_scorer *s, const struct scan_lexicon *lex, float threshold, unsigned flags,
	   struct scan_match *m, size_t nm, const struct scan_itok *it, size_t nit,
	   struct scan_result *res)
{
	const struct scan_model *mo = &lex->model;
	bool election = false, rules = false, topic = false, asn = false;
	float a = 0, act, sum;
	size_t i;
	int cat;

	(void)it;
	(void)nit;
	res->actor_match = -1;
	res->threshold = threshold;
	res->author_asn = (flags & SCAN_AUTHOR_ASN) != 0;
	if (nm == 0) {
		/* nothing matched: no act, no context, nothing to explain */
		memset(res->sum, 0, sizeof(res->sum));
		res->actor = res->author_asn ? mo->author_asn_weight : 0;
		res->distance = 1;
		res->evidence = res->score = 0;
		res->election_ctx = res->rule_ctx = false;
		res->label = SCAN_LABEL_UNRELATED;
		res->items = s->items;
		res->nitems = 0;
		return;
	}
	for (i = 0; i < nm; i++) {
		const struct scan_lex_phrase *ph = &lex->phrases[m[i].phrase];

		if (ph->topic)
			election = rules = topic = true;
		switch (m[i].cat) {
		case SCAN_CAT_ELECTION: election = true; break;
		case SCAN_CAT_TARGET:
			if (ph->ctx)
				election = true;
			break;
		case SCAN_CAT_ACT:
			if (!ph->generic)
				election = true;
			break;
		case SCAN_CAT_APPEAL:
			if (!ph->generic)
				rules = true;
			break;
		default: break;
		}
	}
	if (!election)
		election = generic_pair(lex, m, nm);
	for (i = 0; i < nm; i++) {
		const struct scan_lex_phrase *ph = &lex->phrases[m[i].phrase];

		switch (m[i].cat) {
		case SCAN_CAT_ACTOR:
		case SCAN_CAT_FACILITY:
			if (m[i].flags & SCAN_MATCH_NEGATED)
				break;
			if (m[i].cat == SCAN_CAT_ACTOR)
				asn = true;
			if (ph->weight > a) {
				a = ph->weight;
				res->actor_match = (int)i;
			}
			if (m[i].cat == SCAN_CAT_FACILITY)
				consider(s, ph, i);
			break;
		case SCAN_CAT_ACT:
			if (m[i].flags & SCAN_MATCH_NEGATED)
				break;
			if (ph->generic && !election) {
				m[i].flags |= SCAN_MATCH_NOCTX;
				break;
			}
			if (ph->catalog && ph->weight == 0) {
				m[i].flags |= SCAN_MATCH_ITEMS; /* names items, no weight */
				break;
			}
			consider(s, ph, i);
			break;
		case SCAN_CAT_APPEAL:
			if (ph->generic && !rules) {
				m[i].flags |= SCAN_MATCH_NOCTX;
				break;
			}
			consider(s, ph, i);
			break;
		case SCAN_CAT_TARGET:
		case SCAN_CAT_INCIDENT:
		case SCAN_CAT_SANCTION:
		case SCAN_CAT_TOPIC: consider(s, ph, i); break;
		default: break;
		}
	}
	if (res->actor_match >= 0) {
		m[res->actor_match].flags |= SCAN_MATCH_COUNTED;
		m[res->actor_match].weight = a;
	}
	if ((flags & SCAN_AUTHOR_ASN) && mo->author_asn_weight > 0) {
		asn = true;
		if (mo->author_asn_weight > a) {
			a = mo->author_asn_weight;
			res->actor_match = -1;
		}
	}
	memset(res->sum, 0, sizeof(res->sum));
	for (i = 0; i < s->ntouched; i++) {
		uint32_t c = s->touched[i];
		struct scan_match *bm = &m[s->best_match[c] - 1];

		bm->flags |= SCAN_MATCH_COUNTED;
		bm->weight = s->best[c];
		res->sum[bm->cat] += s->best[c];
	}
	for (cat = 0; cat < SCAN_CAT__COUNT; cat++) {
		float cap = mo->cap[cat];

		if (cap > 0)
			res->sum[cat] = clampf(res->sum[cat], -cap, cap);
	}
	act = res->sum[SCAN_CAT_ACT];
	if (act <= 0) {
		res->sum[SCAN_CAT_TARGET] = 0;
		res->sum[SCAN_CAT_INCIDENT] = 0;
		res->sum[SCAN_CAT_FACILITY] = 0;
		for (i = 0; i < nm; i++) {
			if (m[i].cat == SCAN_CAT_TARGET || m[i].cat == SCAN_CAT_INCIDENT ||
			    (m[i].cat == SCAN_CAT_FACILITY && (int)i != res->actor_match)) {
				m[i].flags &= (uint8_t)~SCAN_MATCH_COUNTED;
				m[i].weight = 0;
			}
		}
	}
	sum = act + res->sum[SCAN_CAT_FACILITY] + res->sum[SCAN_CAT_TARGET] +
	      res->sum[SCAN_CAT_INCIDENT] + res->sum[SCAN_CAT_APPEAL] + res->sum[SCAN_CAT_TOPIC] +
	      res->sum[SCAN_CAT_SANCTION];
	res->actor = a;
	res->evidence = sum;
	res->distance = 1;
	if (res->actor_match >= 0 && act > 0 && distance(m, nm) > mo->proximity_window)
		res->distance = mo->far_factor;
	res->score = (a > 0 && act > 0) ? clampf(a * res->distance * sum, 0, 1) : 0;
	/* two decimals, so that outputs and thresholds agree exactly */
	res->score = roundf(res->score * 100.0f) / 100.0f;
	res->threshold = threshold;
	res->election_ctx = election;
	res->rule_ctx = rules;
	res->author_asn = (flags & SCAN_AUTHOR_ASN) != 0;
	if (res->score >= threshold && res->score > 0)
		res->label = SCAN_LABEL_VIOLATION;
	else if ((asn || topic) && election)
		res->label = SCAN_LABEL_NEUTRAL;
	else
		res->label = SCAN_LABEL_UNRELATED;

	/* catalog items of counted acts, in catalog order */
	s->nitems = 0;
	for (i = 0; i < nm; i++) {
		const struct scan_phrase_info *pi = &lex->phrases[m[i].phrase].info;
		size_t k;

		if ((m[i].cat != SCAN_CAT_ACT && m[i].cat != SCAN_CAT_FACILITY) ||
		    !(m[i].flags & (SCAN_MATCH_COUNTED | SCAN_MATCH_ITEMS)) || act <= 0)
			continue;
		for (k = 0; k < pi->nitems; k++) {
			size_t x = item_index(lex, pi->items[k]);

			if (x < lex->nitems)
				s->item_seen[x] = 1;
		}
	}
	for (i = 0; i < lex->nitems; i++) {
		if (s->item_seen[i]) {
			s->items[s->nitems++] = lex->items[i];
			s->item_seen[i] = 0;
		}
	}
	res->items = s->items;
	res->nitems = s->nitems;
	for (i = 0; i < s->ntouched; i++) {
		s->best_match[s->touched[i]] = 0;
		s->best[s->touched[i]] = 0;
	}
	s->ntouched = 0;
}
