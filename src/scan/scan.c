/*
 * scan.c - the screening context and scan_text(): tokens -> ids ->
 * matches -> score (see scan.h for the contract).
 *
 * Per token the hot path is one tokenizer step and one cache probe; only
 * positions that carry vocabulary ids are stored, so a post without any
 * known word costs no matching at all.  Stretched words ("dukunggg") are
 * looked up as written, with runs of a letter cut to two and to one, and
 * the form that knows more ids wins.  All buffers belong to the context
 * and are reused; nothing is allocated per text once they have grown.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "scan/scan_internal.h"

#define CACHE_ENTRIES 65536

static const char *const label_names[SCAN_LABEL__COUNT] = {
	"unrelated",
	"neutral_mention",
	"possible_violation",
};

static const char *const label_titles[SCAN_LABEL__COUNT] = {
	"tidak terkait",
	"menyebut netralitas",
	"dugaan pelanggaran",
};

static const char *const cat_names[SCAN_CAT__COUNT] = {
	"actor", "facility", "act",      "target",   "election", "appeal",
	"topic", "sanction", "incident", "negation", "ignore",
};

static const char *const cat_titles[SCAN_CAT__COUNT] = {
	"aktor ASN",        "fasilitas negara", "tindakan partisan", "peserta/partai",
	"konteks pemilu",   "imbauan/aturan",   "topik netralitas",  "sanksi",
	"penanda kejadian", "negasi",           "diabaikan",
};

const char *
scan_label_name(enum scan_label l)
{
	return (unsigned)l < SCAN_LABEL__COUNT ? label_names[l] : "?";
}

const char *
scan_label_title(enum scan_label l)
{
	return (unsigned)l < SCAN_LABEL__COUNT ? label_titles[l] : "?";
}

int
scan_label_parse(const char *s, size_t n, enum scan_label *out)
{
	int i;

	for (i = 0; i < SCAN_LABEL__COUNT; i++) {
		if (strlen(label_names[i]) == n && memcmp(label_names[i], s, n) == 0) {
			*out = (enum scan_label)i;
			return 0;
		}
	}
	return -1;
}

const char *
scan_cat_name(enum scan_cat c)
{
	return (unsigned)c < SCAN_CAT__COUNT ? cat_names[c] : "?";
}

const char *
scan_cat_title(enum scan_cat c)
{
	return (unsigned)c < SCAN_CAT__COUNT ? cat_titles[c] : "?";
}

int
scan_cat_parse(const char *s, enum scan_cat *out)
{
	int i;

	for (i = 0; i < SCAN_CAT__COUNT; i++) {
		if (strcmp(cat_names[i], s) == 0) {
			*out = (enum scan_cat)i;
			return 0;
		}
	}
	return -1;
}

struct scan_ctx *
scan_ctx_new(const struct scan_lexicon *lex)
{
	struct scan_ctx *sc = xcalloc(1, sizeof(*sc));

	sc->lex = lex;
	sc->threshold = lex->model.threshold;
	scan_cache_init(&sc->cache, CACHE_ENTRIES);
	sc->itok_cap = 256;
	sc->itoks = xcalloc(sc->itok_cap, sizeof(*sc->itoks));
	sc->match_cap = 64;
	sc->matches = xcalloc(sc->match_cap, sizeof(*sc->matches));
	scan_scorer_init(&sc->scorer, lex);
	return sc;
}

void
scan_ctx_free(struct scan_ctx *sc)
{
	if (sc == NULL)
		return;
	scan_cache_release(&sc->cache);
	scan_scorer_release(&sc->scorer);
	free(sc->itoks);
	free(sc->matches);
	free(sc);
}

void
scan_ctx_set_threshold(struct scan_ctx *sc, float t)
{
	if (t > 0 && t <= 1)
		sc->threshold = t;
}

const struct scan_lexicon *
scan_ctx_lexicon(const struct scan_ctx *sc)
{
	return sc->lex;
}

void
scan_ctx_get_stats(const struct scan_ctx *sc, struct scan_ctx_stats *st)
{
	st->tokens = sc->tokens;
	st->cache_hits = sc->cache.hits;
	st->cache_misses = sc->cache.misses;
	st->stems = sc->cache.stems;
	st->cache_resets = sc->cache.resets;
}

static size_t
ids_of(const struct scan_info *in)
{
	size_t k, n = 0;

	for (k = 0; k < in->nwords; k++)
		n += in->nids[k];
	return n;
}

/* Lookup with the stretched-letter variants; the result is copied. */
static void
lookup_stretched(struct scan_ctx *sc, const struct scan_token *tok, struct scan_info *out)
{
	char buf[SCAN_TOKEN_MAX + 16];
	size_t best;
	int keep;

	*out = *scan_cache_lookup(&sc->cache, sc->lex, tok->text, tok->len, tok->kind);
	best = ids_of(out);
	for (keep = 2; keep >= 1; keep--) {
		const struct scan_info *in;
		size_t n = scan_collapse_runs(tok->text, tok->len, keep, buf), k;

		memset(buf + n, 0, 8);
		in = scan_cache_lookup(&sc->cache, sc->lex, buf, n, tok->kind);
		k = ids_of(in);
		if (k > best || (k == best && keep == 1 && k > 0)) {
			best = k;
			*out = *in;
		}
	}
}

static void
push_itok(struct scan_ctx *sc, uint32_t pos, uint32_t sent, const struct scan_token *tok,
	  const struct scan_info *in, size_t w)
{
	struct scan_itok *t;

	if (sc->nitoks == sc->itok_cap) {
		sc->itok_cap *= 2;
		sc->itoks = xreallocarray(sc->itoks, sc->itok_cap, sizeof(*sc->itoks));
	}
	t = &sc->itoks[sc->nitoks++];
	t->pos = pos;
	t->sent = sent;
	t->start = tok->start;
	t->end = tok->end;
	t->nids = in->nids[w];
	memcpy(t->ids, in->ids[w], sizeof(t->ids));
}

void
scan_text(struct scan_ctx *sc, const char *text, size_t len, unsigned flags,
	  struct scan_result *res)
{
	const struct scan_lexicon *lex = sc->lex;
	struct scan_tokenizer tz;
	struct scan_token tok;
	uint32_t pos = 0, sent = 0;
	size_t ntok = 0;
	bool truncated = false;

	memset(res, 0, sizeof(*res));
	if (text == NULL)
		len = 0;
	if (len > SCAN_TEXT_MAX) {
		len = SCAN_TEXT_MAX;
		truncated = true;
	}
	sc->nitoks = 0;
	sc->nmatches = 0;
	scan_tok_init(&tz, text ? text : "", len, lex->emoji, lex->nemoji);
	while (scan_tok_next(&tz, &tok)) {
		const struct scan_info *in;
		struct scan_info tmp;
		size_t w;

		ntok++;
		if (tok.flags & SCAN_TOKF_SENT)
			sent++;
		if (tok.kind == SCAN_TOK_URL)
			continue;
		if (tok.flags & SCAN_TOKF_LONG) {
			pos++;
			continue;
		}
		if (tok.flags & SCAN_TOKF_STRETCHED) {
			lookup_stretched(sc, &tok, &tmp);
			in = &tmp;
		} else {
			in = scan_cache_lookup_tok(&sc->cache, lex, &tok);
		}
		for (w = 0; w < in->nwords; w++, pos++)
			if (in->nids[w])
				push_itok(sc, pos, sent, &tok, in, w);
	}
	sc->tokens += ntok;
	if (!scan_match_phrases(lex, sc->itoks, sc->nitoks, &sc->matches, &sc->nmatches,
				&sc->match_cap))
		truncated = true;
	scan_match_negate(lex, sc->itoks, sc->nitoks, sc->matches, sc->nmatches);
	scan_score(&sc->scorer, lex, sc->threshold, flags, sc->matches, sc->nmatches, sc->itoks,
		   sc->nitoks, res);
	res->matches = sc->matches;
	res->nmatches = sc->nmatches;
	res->ntokens = ntok;
	res->truncated = truncated;
}
