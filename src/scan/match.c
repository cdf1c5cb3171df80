/*
 * match.c - phrase matching over token positions, and negation scope.
 *
 * Input: the positions that carry vocabulary ids (struct scan_itok,
 * sorted by pos, at most one entry per position).  A phrase matches when
 * its words sit at consecutive positions and each position has the
 * word's id.  Leftmost-longest, without overlap: at each position the
 * longest matching phrases are kept (all of them when several concepts
 * share that length) and matching resumes after them, so "deklarasi
 * netralitas" hides "deklarasi" and "tidak boleh" hides "tidak".  Phrases
 * are found through the first-word index, longest first.  The rule
 * catalog's phrases get a second pass and may only fill positions the
 * lexicon's matches left free: the lexicon's reading of a word wins.
 *
 * Negation: a negator (or a phrase with negates, such as "dilarang")
 * marks the acts that start within negation_window positions after it,
 * in the same sentence; a negator word (category negation) also marks the
 * actor right after it ("bukan ASN", not "melarang ASN").  A
 * negated term extends the scope, so lists are covered ("dilarang like,
 * komentar, dan share"); contrast words (breaks: tapi, namun) end it.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "scan/scan_internal.h"

#define SAME_LEN_MAX 16 /* phrases of equal length kept at one position */

static bool
has_id(const struct scan_itok *t, uint32_t id)
{
	uint8_t k;

	for (k = 0; k < t->nids; k++)
		if (t->ids[k] == id)
			return true;
	return false;
}

static bool
rest_matches(const struct scan_lex_phrase *ph, const struct scan_itok *it, size_t n, size_t k)
{
	size_t j;

	for (j = 1; j < ph->nwords; j++) {
		if (k + j >= n || it[k + j].pos != it[k].pos + j ||
		    !has_id(&it[k + j], ph->words[j]))
			return false;
	}
	return true;
}

/* One leftmost-longest pass with one index; in the catalog pass a phrase
 * may not overlap any of the first navoid matches (the lexicon's). */
static bool
match_pass(const struct scan_lexicon *lex, const struct scan_index *ix, const struct scan_itok *it,
	   size_t n, struct scan_match **m, size_t *nm, size_t *mcap, size_t navoid)
{
	uint32_t covered = 0; /* first position after the last match */
	size_t k, av = 0;

	for (k = 0; k < n; k++) {
		uint32_t found[SAME_LEN_MAX];
		size_t nfound = 0, best = 0, i;
		uint8_t d;

		if (it[k].pos < covered)
			continue; /* inside the previous match */
		for (d = 0; d < it[k].nids; d++) {
			uint32_t id = it[k].ids[d], a, z;

			if (id >= lex->nids)
				continue;
			a = ix->start[id];
			z = ix->start[id + 1];
			for (; a < z; a++) {
				uint32_t pi = ix->list[a];
				const struct scan_lex_phrase *ph = &lex->phrases[pi];

				if (ph->nwords < best)
					break; /* longest first */
				if (!rest_matches(ph, it, n, k))
					continue;
				if (ph->nwords > best) {
					best = ph->nwords;
					nfound = 0;
				}
				for (i = 0; i < nfound && found[i] != pi; i++)
					;
				if (i == nfound && nfound < SAME_LEN_MAX)
					found[nfound++] = pi;
			}
		}
		if (best == 0)
			continue;
		if (navoid) {
			/* skip the lexicon's matches that end before this one starts */
			while (av < navoid &&
			       (*m)[av].pos + lex->phrases[(*m)[av].phrase].nwords <= it[k].pos)
				av++;
			if (av < navoid && (*m)[av].pos < it[k].pos + best)
				continue; /* overlaps a lexicon match */
		}
		for (i = 0; i < nfound; i++) {
			const struct scan_lex_phrase *ph = &lex->phrases[found[i]];
			struct scan_match *x;

			if (*nm >= SCAN_MATCH_MAX)
				return false;
			if (*nm == *mcap) {
				*mcap = *mcap ? *mcap * 2 : 64;
				*m = xreallocarray(*m, *mcap, sizeof(**m));
			}
			x = &(*m)[(*nm)++];
			x->start = it[k].start;
			x->end = it[k + best - 1].end;
			x->pos = it[k].pos;
			x->phrase = found[i];
			x->cat = ph->cat;
			x->flags = 0;
			x->weight = 0;
		}
		covered = it[k].pos + (uint32_t)best;
	}
	return true;
}

static int
cmp_match(const void *a, const void *b)
{
	const struct scan_match *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

bool
scan_match_phrases(const struct scan_lexicon *lex, const struct scan_itok *it, size_t n,
		   struct scan_match **m, size_t *nm, size_t *mcap)
{
	size_t n1;
	bool ok;

	if (!match_pass(lex, &lex->index[0], it, n, m, nm, mcap, 0))
		return false;
	if (lex->index[1].n == 0)
		return true;
	{
		/* most texts hold no word that starts a catalog phrase */
		size_t k;
		uint8_t d;
		bool any = false;

		for (k = 0; k < n && !any; k++)
			for (d = 0; d < it[k].nids && !any; d++)
				any = it[k].ids[d] < lex->nids &&
				      lex->index[1].start[it[k].ids[d]] !=
					      lex->index[1].start[it[k].ids[d] + 1];
		if (!any)
			return true;
	}
	n1 = *nm;
	ok = match_pass(lex, &lex->index[1], it, n, m, nm, mcap, n1);
	if (*nm > n1)
		qsort(*m, *nm, sizeof(**m), cmp_match);
	return ok;
}

/* Sentence of the itok at pos (binary search). */
static uint32_t
sentence_of(const struct scan_itok *it, size_t n, uint32_t pos)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (it[mid].pos < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n ? it[lo].sent : 0;
}

void
scan_match_negate(const struct scan_lexicon *lex, const struct scan_itok *it, size_t n,
		  struct scan_match *m, size_t nm)
{
	uint32_t neg_end = 0, neg_sent = 0;
	bool active = false, word = false; /* word: a negator word, not a prohibition */
	size_t i;

	for (i = 0; i < nm; i++) {
		const struct scan_lex_phrase *ph = &lex->phrases[m[i].phrase];
		uint32_t sent = sentence_of(it, n, m[i].pos), window;

		if (ph->breaks) {
			active = false;
			continue;
		}
		if (active && sent != neg_sent)
			active = false;
		/* "tidak mendukung", "bukan ASN"; but "melarang ASN" forbids the
		 * ASN something, it does not deny that they are ASN */
		if (active &&
		    (m[i].cat == SCAN_CAT_ACT ||
		     (word && (m[i].cat == SCAN_CAT_ACTOR || m[i].cat == SCAN_CAT_FACILITY)))) {
			window = m[i].cat == SCAN_CAT_ACT ? lex->model.negation_window : 1;
			if (m[i].pos >= neg_end && m[i].pos - neg_end < window) {
				m[i].flags |= SCAN_MATCH_NEGATED;
				neg_end = m[i].pos + ph->nwords;
			}
		}
		if (ph->negates) {
			neg_end = m[i].pos + ph->nwords;
			neg_sent = sent;
			active = true;
			word = m[i].cat == SCAN_CAT_NEGATION;
		}
	}
}
