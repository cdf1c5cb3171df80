/*
 * eval.c - the conduct evaluator: facts -> verdict, ranked items, level,
 * forms, legal basis, route and explanation.
 *
 * Steps: validate the facts; analyse the free text; settle each modifier
 * (given, else detected in the text, else unknown); score every item
 * (sum of the weights of its keywords found in the text, at least one
 * anchor required) or take the named item; decide for each candidate
 * whether it applies, does not apply, or depends on facts not given; let
 * an SKB item cover the PP 94 provision it details; rank; decide the
 * verdict; take the most severe applicable level and its forms at the act
 * date; pick the route by status and date.
 *
 * Invariants: no global state; everything returned is allocated from the
 * caller's arena or points into the catalog; the answer is
 * tidak_cukup_informasi whenever the outcome depends on a fact not given.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "rules/rules_internal.h"

#define MAX_LIST_OUT 12 /* notes / missing per match and per result */
#define MAX_ITEMS_OUT 10

struct list {
	const char **v;
	size_t n;
};

static void
list_add(struct arena *a, struct list *l, const char *s)
{
	size_t i;

	if (l->v == NULL)
		l->v = arena_array(a, MAX_LIST_OUT, sizeof(*l->v));
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	if (l->n < MAX_LIST_OUT)
		l->v[l->n++] = s;
}

static void ATTR_PRINTF(3, 4)
list_addf(struct arena *a, struct list *l, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = arena_vprintf(a, fmt, ap);
	va_end(ap);
	list_add(a, l, s);
}

static int ATTR_PRINTF(4, 5)
fail(struct errbuf *eb, const char *code, const char *field, const char *fmt, ...)
{
	char msg[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* a well-formed value that names nothing known is 422, a malformed one 400 */
	errbuf_set_code(eb,
			strncmp(code, "unknown_", 8) == 0 || strcmp(code, "date_out_of_range") == 0
				? ERR_UNPROCESSABLE
				: ERR_INVALID_INPUT,
			code, "%s", msg);
	if (eb)
		cstr_copy(eb->field, sizeof(eb->field), field);
	return -1;
}

void
rules_date_text(struct date d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%d %s %d", d.day, date_month_name_id(d.month), d.year);
}

void
rules_facts_init(struct rules_facts *f)
{
	memset(f, 0, sizeof(*f));
}

/* --- text matching ------------------------------------------------------------ */

struct span {
	size_t first, last;
};

/* Words of the text from token a to b, joined by spaces. */
static const char *
span_words(const struct text_doc *d, struct span s, struct arena *a)
{
	struct buf b = BUF_INIT;
	const char *r;
	size_t i;

	for (i = s.first; i <= s.last && i < d->n; i++) {
		if (i > s.first)
			buf_addch(&b, ' ');
		buf_addstr(&b, d->tok[i].word);
	}
	r = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return r;
}

static bool
overlaps(struct span x, struct span y)
{
	return x.first <= y.last && y.first <= x.last;
}

/* Score one item against the document; fills matched words (longest
 * spans only). */
static double
score_item(const struct rules_item *it, const struct text_doc *d, unsigned gap,
	   struct arena *a, struct rules_match *m, bool *anchor)
{
	struct span spans[64];
	size_t ns = 0, i, k;
	double score = 0;

	*anchor = false;
	for (i = 0; i < it->nkw; i++) {
		const struct rules_keyword *kw = &it->kw[i];
		struct span s;

		if (!text_phrase_find(d, kw->phrase, 0, gap, &s.first, &s.last))
			continue;
		score += kw->weight;
		if (kw->anchor)
			*anchor = true;
		if (ns < sizeof(spans) / sizeof(spans[0]))
			spans[ns++] = s;
	}
	if (ns == 0)
		return 0;
	m->matched = arena_array(a, ns, sizeof(*m->matched));
	for (i = 0; i < ns; i++) {
		bool inside = false, dup = false;

		for (k = 0; k < ns && !inside; k++) {
			bool contains = spans[k].first <= spans[i].first && spans[i].last <= spans[k].last;
			bool same = spans[k].first == spans[i].first && spans[k].last == spans[i].last;

			if (k != i && contains && (!same || k < i))
				inside = true;
		}
		if (inside)
			continue;
		{
			const char *w = span_words(d, spans[i], a);

			for (k = 0; k < m->nmatched; k++)
				if (strcmp(m->matched[k], w) == 0)
					dup = true;
			if (!dup)
				m->matched[m->nmatched++] = w;
		}
	}
	return score;
}

/* Find a phrase occurrence that does not overlap any of the spans in avoid. */
static bool
find_clear(const struct text_doc *d, const struct text_phrase *p, unsigned gap,
	   const struct span *avoid, size_t navoid, struct span *out)
{
	size_t from = 0;

	while (text_phrase_find(d, p, from, gap, &out->first, &out->last)) {
		size_t k;
		bool clash = false;

		for (k = 0; k < navoid; k++)
			if (overlaps(*out, avoid[k]))
				clash = true;
		if (!clash)
			return true;
		from = out->first + 1;
	}
	return false;
}

static void
detect_modifier(const struct rules_modifier *m, const struct text_doc *d, unsigned gap,
		struct arena *a, struct rules_modifier_value *mv, struct list *notes)
{
	struct span no[16], yes;
	const char *no_words = NULL;
	size_t nno = 0, i;
	bool found_yes = false;

	for (i = 0; i < m->nno && nno < 16; i++) {
		size_t from = 0;

		while (nno < 16 && text_phrase_find(d, &m->no[i], from, gap, &no[nno].first,
						    &no[nno].last)) {
			if (no_words == NULL)
				no_words = span_words(d, no[nno], a);
			from = no[nno].first + 1;
			nno++;
		}
	}
	for (i = 0; i < m->nyes && !found_yes; i++)
		found_yes = find_clear(d, &m->yes[i], gap, no, nno, &yes);
	if (found_yes && nno > 0) {
		list_addf(a, notes, "Teks menyebut '%s' dan '%s' sekaligus; apakah %s dianggap tidak diketahui.",
			  span_words(d, yes, a), no_words, m->title);
		return;
	}
	if (found_yes) {
		mv->value = RULES_TRI_YES;
		mv->from_text = true;
		mv->evidence = span_words(d, yes, a);
	} else if (nno > 0) {
		mv->value = RULES_TRI_NO;
		mv->from_text = true;
		mv->evidence = no_words;
	}
}

/* --- applicability ----------------------------------------------------------------- */

struct mctx {
	const struct rules_catalog *cat;
	const struct rules_options *opt;
	const struct rules_facts *f;
	const struct rules_status *st;
	const struct rules_modifier_value *mods;
	struct arena *a;
};

static void
match_notes(struct rules_match *m, struct list *notes, struct list *missing)
{
	m->notes = notes->v;
	m->nnotes = notes->n;
	m->missing = missing->v;
	m->nmissing = missing->n;
}

static void
decide_match(struct mctx *c, struct rules_match *m)
{
	const struct rules_item *it = m->item;
	const struct rules_facts *f = c->f;
	struct list notes = {NULL, 0}, missing = {NULL, 0};
	char ds[64], ps[64];
	size_t i, k;
	int timing;
	bool named = m->score >= RULES_SCORE_EXPLICIT; /* the item the facts name */

	m->applies = true;
	m->level = it->family == RULES_FAMILY_BOLEH
			   ? RULES_LEVEL_NONE
			   : (enum rules_level)rules_switch_value(&it->level, c->opt);
	if (it->level.reading && it->family != RULES_FAMILY_BOLEH)
		list_addf(c->a, &notes, "Tingkat menurut bacaan %s=%s.", it->level.reading->id,
			  rules_options_value(c->opt, it->level.reading));
	if (it->period.has_from || it->period.has_to) {
		if (!f->has_date) {
			m->conditional = true;
			list_add(c->a, &missing, "date");
		} else if (!rules_period_contains(&it->period, f->date)) {
			m->applies = false;
			list_add(c->a, &notes, "Butir ini tidak berlaku pada tanggal perbuatan.");
		}
	}
	timing = rules_switch_value(&it->timing, c->opt);
	if (timing != RULES_TIMING_ANY) {
		if (!f->has_date || !f->has_penetapan) {
			m->conditional = true;
			if (!f->has_date)
				list_add(c->a, &missing, "date");
			if (!f->has_penetapan)
				list_add(c->a, &missing, "election");
			list_addf(c->a, &notes, "Butir ini hanya berlaku %s penetapan calon; tanggal "
						"perbuatan dan tanggal penetapan diperlukan.",
				  timing == RULES_TIMING_BEFORE_PENETAPAN ? "sebelum" : "sesudah");
		} else {
			bool before = date_cmp(f->date, f->penetapan) < 0;

			rules_date_text(f->penetapan, ps, sizeof(ps));
			if (before != (timing == RULES_TIMING_BEFORE_PENETAPAN)) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: perbuatan terjadi %s penetapan calon (%s).",
					  before ? "sebelum" : "sesudah", ps);
			} else {
				list_addf(c->a, &notes, "Perbuatan terjadi %s penetapan calon (%s).",
					  before ? "sebelum" : "sesudah", ps);
			}
		}
		if (it->timing.reading)
			list_addf(c->a, &notes, "Pembagian waktu menurut bacaan %s=%s.",
				  it->timing.reading->id, rules_options_value(c->opt, it->timing.reading));
	}
	for (i = 0; i < it->nconds; i++) {
		const struct rules_condition *cd = &it->conds[i];
		enum rules_tri v = c->mods[cd->index].value;
		const char *t = cd->modifier->title;

		switch (cd->cond) {
		case RULES_COND_YES:
			if (v == RULES_TRI_NO) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: dinyatakan tidak %s.", t);
			} else if (v == RULES_TRI_UNKNOWN && named) {
				list_addf(c->a, &notes, "Diandaikan terlapor %s, sesuai uraian butir yang "
							"dipilih.", t);
			} else if (v == RULES_TRI_UNKNOWN) {
				m->conditional = true;
				list_addf(c->a, &missing, "modifiers.%s", cd->modifier->id);
				list_addf(c->a, &notes, "Bergantung pada apakah terlapor %s (tidak disebut).", t);
			}
			break;
		case RULES_COND_NO:
			if (v == RULES_TRI_YES) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: terlapor %s.", t);
			} else if (v == RULES_TRI_UNKNOWN && named) {
				list_addf(c->a, &notes, "Diandaikan terlapor tidak %s, sesuai uraian butir "
							"yang dipilih.", t);
			} else if (v == RULES_TRI_UNKNOWN) {
				m->conditional = true;
				list_addf(c->a, &missing, "modifiers.%s", cd->modifier->id);
				list_addf(c->a, &notes, "Bergantung pada apakah terlapor %s (tidak disebut).", t);
			}
			break;
		case RULES_COND_NOT_YES:
			if (v == RULES_TRI_YES) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: terlapor %s.", t);
			} else if (v == RULES_TRI_UNKNOWN) {
				list_addf(c->a, &notes, "Diandaikan terlapor tidak %s (tidak disebut).", t);
			}
			break;
		case RULES_COND_NOT_NO:
			if (v == RULES_TRI_NO) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: dinyatakan tidak %s.", t);
			}
			break;
		}
	}
	if (!m->applies) {
		/* a failed condition settles it: what else is unknown no longer matters */
		m->conditional = false;
		missing.n = 0;
	}
	/* legal basis in force at the date, for this status */
	m->basis = arena_array(c->a, it->nbasis + 1, sizeof(*m->basis));
	for (i = 0; i < it->nbasis; i++) {
		const struct rules_basis *b = &it->basis[i];
		bool status_ok = b->nstatuses == 0;

		if (f->has_date && !rules_period_contains(&b->period, f->date))
			continue;
		for (k = 0; k < b->nstatuses && !status_ok; k++)
			status_ok = strcmp(b->statuses[k], c->st->id) == 0;
		if (status_ok)
			m->basis[m->nbasis++] = b;
	}
	if (m->level != RULES_LEVEL_NONE && f->has_date) {
		m->forms = rules_form_set_at(c->cat, m->level, f->date);
		if (m->forms == NULL) {
			date_format(f->date, ds);
			list_addf(c->a, &notes, "Katalog tidak memiliki bentuk hukuman tingkat %s untuk %s.",
				  rules_level_name(m->level), ds);
		}
	}
	match_notes(m, &notes, &missing);
}

/* --- ranking --------------------------------------------------------------------------- */

static int
cmp_match(const void *pa, const void *pb)
{
	const struct rules_match *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	return a->item < b->item ? -1 : (a->item > b->item);
}

static bool
in_play(const struct rules_match *m)
{
	return (m->applies || m->conditional) && m->covered_by == NULL;
}

static bool
prohibited(const struct rules_match *m)
{
	return m->item->family != RULES_FAMILY_BOLEH;
}

/* Routes for st, whatever the date; the one when there is exactly one. */
static const struct rules_route *
route_only(const struct rules_catalog *cat, const struct rules_status *st, size_t *count)
{
	const struct rules_route *found = NULL;
	size_t i, k;

	*count = 0;
	for (i = 0; i < cat->nroutes; i++) {
		const struct rules_route *r = &cat->routes[i];

		if (r->kind == RULES_ROUTE_PIDANA)
			continue;
		for (k = 0; k < r->nstatuses; k++)
			if (strcmp(r->statuses[k], st->id) == 0) {
				found = r;
				(*count)++;
			}
	}
	return *count == 1 ? found : NULL;
}

static const struct rules_route *
pidana_route(const struct rules_catalog *cat)
{
	size_t i;

	for (i = 0; i < cat->nroutes; i++)
		if (cat->routes[i].kind == RULES_ROUTE_PIDANA)
			return &cat->routes[i];
	return NULL;
}

static void
add_basis(struct arena *a, const struct rules_basis ***v, size_t *n, size_t cap,
	  const struct rules_basis *b)
{
	size_t i;

	if (*v == NULL)
		*v = arena_array(a, cap, sizeof(**v));
	for (i = 0; i < *n; i++)
		if ((*v)[i] == b || strcmp((*v)[i]->label, b->label) == 0)
			return;
	if (*n < cap)
		(*v)[(*n)++] = b;
}

/* --- the evaluator --------------------------------------------------------------------- */

static int
validate_facts(const struct rules_catalog *cat, const struct rules_facts *f,
	       const struct rules_status **st, const struct rules_item **item,
	       struct rules_modifier_value *mods, struct errbuf *eb)
{
	char a[DATE_STRLEN], b[DATE_STRLEN], c[DATE_STRLEN];
	size_t i;

	*item = NULL;
	*st = rules_status_find(cat, f->status && str_trim(str_from(f->status)).len ? f->status
										     : "unknown");
	if (*st == NULL) {
		struct buf l = BUF_INIT;
		int rc;

		for (i = 0; i < cat->nstatuses; i++)
			buf_addf(&l, "%s%s", i ? ", " : "", cat->statuses[i].id);
		rc = fail(eb, "unknown_status", "status",
			  "status kepegawaian '%.60s' tidak dikenal (pilihan: %s)", f->status,
			  buf_cstr(&l));
		buf_release(&l);
		return rc;
	}
	date_format(cat->coverage.from, b);
	date_format(cat->coverage.to, c);
	if (f->has_date && !rules_period_contains(&cat->coverage, f->date)) {
		date_format(f->date, a);
		return fail(eb, "date_out_of_range", "date",
			    "tanggal perbuatan %s di luar cakupan katalog (%s sampai %s); katalog "
			    "tidak menilai perbuatan pada tanggal itu",
			    a, b, c);
	}
	if (f->has_handling_date && !rules_period_contains(&cat->coverage, f->handling_date)) {
		date_format(f->handling_date, a);
		return fail(eb, "date_out_of_range", "handling_date",
			    "tanggal penanganan %s di luar cakupan katalog (%s sampai %s)", a, b, c);
	}
	if (f->text && f->text_len > RULES_MAX_TEXT)
		return fail(eb, "text_too_long", "text",
			    "uraian perbuatan terlalu panjang (%zu bait, paling banyak %d)", f->text_len,
			    RULES_MAX_TEXT);
	*item = NULL;
	if (f->item && f->item[0]) {
		*item = rules_item_find(cat, f->item);
		if (*item == NULL)
			return fail(eb, "unknown_item", "item",
				    "butir '%.40s' tidak ada di katalog (lihat netra rules list)", f->item);
	}
	if (*item == NULL && (f->text == NULL || str_trim(str_make(f->text, f->text_len)).len == 0))
		return fail(eb, "missing_conduct", "text",
			    "isi 'text' (uraian perbuatan) atau 'item' (id butir katalog)");
	for (i = 0; i < cat->nmodifiers; i++) {
		mods[i].modifier = &cat->modifiers[i];
		mods[i].value = RULES_TRI_UNKNOWN;
	}
	for (i = 0; i < f->nmodifiers && i < RULES_MAX_MODIFIERS; i++) {
		size_t idx;

		if (rules_modifier_find(cat, f->modifiers[i].id, &idx) == NULL) {
			struct buf l = BUF_INIT;
			size_t k;
			int rc;

			for (k = 0; k < cat->nmodifiers; k++)
				buf_addf(&l, "%s%s", k ? ", " : "", cat->modifiers[k].id);
			rc = fail(eb, "unknown_modifier", "modifiers",
				  "pengubah '%.40s' tidak dikenal (pilihan: %s)", f->modifiers[i].id,
				  buf_cstr(&l));
			buf_release(&l);
			return rc;
		}
		mods[idx].value = f->modifiers[i].value;
	}
	return 0;
}

/* A modifier given in the facts (not read from the text) that the item
 * requires stands for an anchor: "ikut kampanye" with state_facilities
 * given as true is PP 94 angka 4 even when the text names no vehicle. */
static double
given_modifiers(const struct rules_catalog *cat, const struct rules_item *it,
		const struct rules_modifier_value *mods, bool *anchor)
{
	double score = 0;
	size_t k;

	for (k = 0; k < it->nconds; k++) {
		const struct rules_modifier_value *mv = &mods[it->conds[k].index];

		if (it->conds[k].cond == RULES_COND_YES && mv->value == RULES_TRI_YES && !mv->from_text) {
			score += cat->modifier_weight;
			*anchor = true;
		}
	}
	return score;
}

/* Candidates: the named item (and what it refers to) or the scored text. */
static size_t
collect(const struct rules_catalog *cat, const struct rules_options *opt,
	const struct rules_item *item, const struct text_doc *doc,
	const struct rules_modifier_value *mods, struct arena *a, struct rules_match *out)
{
	unsigned gap = text_lexicon_max_gap(cat->lx);
	size_t i, n = 0;

	for (i = 0; i < cat->nitems; i++) {
		const struct rules_item *it = &cat->items[i];
		struct rules_match *m = &out[n];
		bool anchor = false;

		if (!rules_switch_value(&it->active, opt))
			continue;
		memset(m, 0, sizeof(*m));
		m->item = it;
		if (item) {
			size_t k;
			bool related = false;

			if (it == item) {
				m->score = RULES_SCORE_EXPLICIT;
				n++;
				continue;
			}
			/* the PP 94 provision the item details, and its related conduct */
			for (k = 0; k < item->nimplements; k++)
				related = related || item->implements[k] == it;
			for (k = 0; k < it->nimplements; k++)
				related = related || it->implements[k] == item;
			for (k = 0; k < item->nsee_also; k++)
				related = related || item->see_also[k] == it;
			for (k = 0; k < it->nsee_also; k++)
				related = related || it->see_also[k] == item;
			if (!related && doc && doc->n) {
				m->score = score_item(it, doc, gap, a, m, &anchor);
				if (!anchor)
					continue;
			} else if (related) {
				m->score = RULES_SCORE_EXPLICIT - 1;
			} else {
				continue;
			}
			n++;
			continue;
		}
		if (doc == NULL)
			continue;
		m->score = score_item(it, doc, gap, a, m, &anchor);
		m->score += given_modifiers(cat, it, mods, &anchor);
		if (anchor && m->score > 0)
			n++;
	}
	return n;
}

int
rules_check(const struct rules_catalog *cat, const struct rules_options *opt,
	    const struct rules_facts *f, struct arena *a, struct rules_result *out,
	    struct errbuf *eb)
{
	struct rules_modifier_value mods[RULES_MAX_MODIFIERS];
	const struct rules_status *st;
	const struct rules_item *item;
	struct text_stemmer *stem = NULL;
	struct text_doc doc;
	struct rules_match *cand;
	struct list notes = {NULL, 0}, missing = {NULL, 0}, readings = {NULL, 0};
	const struct rules_match *top = NULL;
	struct mctx mc;
	size_t n, i, k, eligible = 0;
	unsigned gap = text_lexicon_max_gap(cat->lx);
	bool has_ke = false, has_d = false;
	double cutoff;

	memset(out, 0, sizeof(*out));
	memset(mods, 0, sizeof(mods));
	memset(&doc, 0, sizeof(doc));
	if (validate_facts(cat, f, &st, &item, mods, eb) < 0)
		return -1;
	out->status = st;
	out->has_date = f->has_date;
	out->date = f->date;

	/* text and modifiers */
	if (f->text && f->text_len) {
		stem = text_stemmer_new();
		text_analyze(cat->lx, stem, f->text, f->text_len, a, &doc);
		text_stemmer_free(stem);
		if (doc.truncated)
			list_add(a, &notes, "Teks terlalu panjang; hanya bagian awal yang dinilai.");
		for (i = 0; i < cat->nmodifiers; i++)
			if (mods[i].value == RULES_TRI_UNKNOWN)
				detect_modifier(&cat->modifiers[i], &doc, gap, a, &mods[i], &notes);
	}
	memcpy(out->modifiers, mods, sizeof(mods));
	out->nmodifiers = cat->nmodifiers;

	/* candidates and their applicability */
	cand = arena_array(a, cat->nitems + 1, sizeof(*cand));
	n = collect(cat, opt, item, doc.n ? &doc : NULL, mods, a, cand);
	mc.cat = cat;
	mc.opt = opt;
	mc.f = f;
	mc.st = st;
	mc.mods = mods;
	mc.a = a;
	for (i = 0; i < n; i++)
		decide_match(&mc, &cand[i]);
	/* an applicable SKB item covers the PP 94 provision it details */
	for (i = 0; i < n; i++) {
		if (!cand[i].applies || cand[i].conditional)
			continue;
		for (k = 0; k < n; k++) {
			size_t j;

			for (j = 0; j < cand[i].item->nimplements; j++) {
				if (cand[i].item->implements[j] != cand[k].item || cand[k].covered_by)
					continue;
				cand[k].covered_by = cand[i].item;
				if (cand[k].nnotes < MAX_LIST_OUT) {
					const char **nv = arena_array(a, MAX_LIST_OUT, sizeof(*nv));

					memcpy(nv, cand[k].notes, cand[k].nnotes * sizeof(*nv));
					nv[cand[k].nnotes++] = arena_printf(
						a, "Dicakup butir %s, yang menjabarkan ketentuan ini.",
						cand[i].item->id);
					cand[k].notes = nv;
				}
			}
		}
	}
	qsort(cand, n, sizeof(*cand), cmp_match);

	/* eligible: above the item's threshold, first; near misses after */
	for (i = 0; i < n; i++)
		if (cand[i].score >= cand[i].item->min_score)
			eligible++;
	{
		struct rules_match *sorted = arena_array(a, n + 1, sizeof(*sorted));
		size_t e = 0, r = eligible;

		for (i = 0; i < n; i++) {
			if (cand[i].score >= cand[i].item->min_score)
				sorted[e++] = cand[i];
			else
				sorted[r++] = cand[i];
		}
		for (i = eligible; i < n; i++) {
			struct rules_match *m = &sorted[i];
			const char **nv = arena_array(a, MAX_LIST_OUT, sizeof(*nv));

			memcpy(nv, m->notes, MIN(m->nnotes, (size_t)MAX_LIST_OUT - 1) * sizeof(*nv));
			m->nnotes = MIN(m->nnotes, (size_t)MAX_LIST_OUT - 1);
			nv[m->nnotes++] = arena_printf(a, "Kecocokan lemah: skor %.1f di bawah ambang %.1f.",
						       m->score, m->item->min_score);
			m->notes = nv;
			m->applies = false;
			m->conditional = false;
		}
		cand = sorted;
	}
	out->items = cand;
	out->nitems = MIN(n, (size_t)MAX_ITEMS_OUT);

	/* readings that shaped a candidate */
	for (i = 0; i < eligible; i++) {
		const struct rules_item *it = cand[i].item;
		const struct rules_switch *sws[3] = {&it->level, &it->timing, &it->active};

		for (k = 0; k < 3; k++)
			if (sws[k]->reading)
				list_addf(a, &readings, "%s=%s", sws[k]->reading->id,
					  rules_options_value(opt, sws[k]->reading));
	}
	/* merged D-9/D-10 readings hide D-10 entirely; say which reading hid it */
	for (i = 0; i < cat->nitems; i++) {
		const struct rules_item *it = &cat->items[i];

		if (it->active.reading && !rules_switch_value(&it->active, opt) && doc.n) {
			struct rules_match tmp;
			bool anchor;

			memset(&tmp, 0, sizeof(tmp));
			if (score_item(it, &doc, gap, a, &tmp, &anchor) >= it->min_score && anchor)
				list_addf(a, &readings, "%s=%s", it->active.reading->id,
					  rules_options_value(opt, it->active.reading));
		}
	}

	/* the verdict */
	for (i = 0; i < eligible; i++) {
		if (in_play(&cand[i])) {
			top = &cand[i];
			break;
		}
	}
	if (st->kind == RULES_STATUS_NOT_ASN) {
		out->verdict = RULES_VERDICT_BUKAN_ASN;
	} else if (top == NULL) {
		out->verdict = RULES_VERDICT_TIDAK_CUKUP;
		list_add(a, &missing, "text");
	} else {
		const struct rules_match *rival = NULL, *certain = NULL;

		cutoff = top->score * cat->relative_cutoff;
		for (i = 0; i < eligible; i++) {
			const struct rules_match *m = &cand[i];

			if (m == top || !in_play(m))
				continue;
			if (prohibited(m) != prohibited(top) && m->score >= top->score)
				rival = m;
			if (prohibited(m) && !m->conditional && m->score >= cutoff && certain == NULL)
				certain = m;
		}
		if (prohibited(top) && !top->conditional)
			certain = top;
		/* a permitted reading as strong as the certain violation leaves it open */
		for (i = 0; prohibited(top) && certain && certain != top && i < eligible; i++)
			if (in_play(&cand[i]) && !prohibited(&cand[i]) && cand[i].score >= certain->score)
				rival = &cand[i];
		if (rival) {
			out->verdict = RULES_VERDICT_TIDAK_CUKUP;
			list_addf(a, &notes, "%s dan %s sama kuat; fakta tambahan diperlukan.",
				  top->item->id, rival->item->id);
			for (k = 0; k < rival->nmissing; k++)
				list_add(a, &missing, rival->missing[k]);
			for (k = 0; k < top->nmissing; k++)
				list_add(a, &missing, top->missing[k]);
		} else if (!prohibited(top)) {
			if (top->conditional) {
				out->verdict = RULES_VERDICT_TIDAK_CUKUP;
				for (k = 0; k < top->nmissing; k++)
					list_add(a, &missing, top->missing[k]);
			} else {
				out->verdict = RULES_VERDICT_BOLEH;
			}
		} else if (certain == NULL) {
			/* every reading of the facts is a violation, but which one is open */
			out->verdict = RULES_VERDICT_TIDAK_CUKUP;
			for (k = 0; k < top->nmissing; k++)
				list_add(a, &missing, top->missing[k]);
		} else if (!f->has_date) {
			out->verdict = RULES_VERDICT_TIDAK_CUKUP;
			list_add(a, &missing, "date");
			list_add(a, &notes, "Tanggal perbuatan diperlukan: bentuk hukuman, dasar "
					    "hukum dan lembaga tujuan bergantung pada tanggal.");
		} else {
			out->verdict = RULES_VERDICT_PELANGGARAN;
		}
	}

	/* level, forms, basis: over the applicable prohibited items near the top */
	if (out->verdict == RULES_VERDICT_PELANGGARAN) {
		cutoff = top->score * cat->relative_cutoff;
		for (i = 0; i < eligible; i++) {
			const struct rules_match *m = &cand[i];

			if (!in_play(m) || m->conditional || !prohibited(m) || m->score < cutoff)
				continue;
			if (m->level > out->level)
				out->level = m->level;
			if (m->item->family == RULES_FAMILY_KE)
				has_ke = true;
			else
				has_d = true;
			for (k = 0; k < m->nbasis; k++)
				add_basis(a, &out->basis, &out->nbasis, 48, m->basis[k]);
			/* an assumption behind a counted item is part of the answer */
			for (k = 0; k < m->nnotes; k++)
				if (strncmp(m->notes[k], "Diandaikan", 10) == 0)
					list_addf(a, &notes, "%s: %s", m->item->id, m->notes[k]);
		}
		/* a more severe item that hangs on a missing fact: say what would raise the level */
		for (i = 0; i < eligible; i++) {
			const struct rules_match *m = &cand[i];
			struct buf why = BUF_INIT;

			if (!in_play(m) || !m->conditional || !prohibited(m) || m->score < cutoff ||
			    m->level <= out->level)
				continue;
			for (k = 0; k < m->nmissing; k++) {
				list_add(a, &missing, m->missing[k]);
				buf_addf(&why, "%s%s", k ? ", " : "", m->missing[k]);
			}
			list_addf(a, &notes, "Tingkat dapat menjadi %s (%s) bila fakta berikut terbukti: %s.",
				  rules_level_title(cat, m->level), m->item->id, buf_cstr(&why));
			buf_release(&why);
		}
		out->forms = rules_form_set_at(cat, out->level, f->date);
		if (out->forms) {
			add_basis(a, &out->basis, &out->nbasis, 48, &out->forms->basis);
			if (out->forms->note)
				list_add(a, &notes, out->forms->note);
		}
		if (has_ke && has_d)
			list_add(a, &notes, "Perbuatan ini cocok dengan daftar kode etik (KE) dan daftar "
					    "disiplin; sumber tidak menjelaskan cara keduanya digabung, "
					    "sehingga tingkat yang ditampilkan adalah yang paling berat.");
		for (k = 0; k < out->nbasis; k++)
			if (out->basis[k]->unconfirmed) {
				list_add(a, &notes, "Sebagian dasar hukum belum dikonfirmasi dari teks resmi "
						    "(ditandai 'belum dikonfirmasi').");
				break;
			}
		if (st->nflag_forms && out->forms) {
			for (k = 0; k < out->forms->nforms; k++)
				if (rules_form_flagged(st, &out->forms->forms[k])) {
					list_addf(a, &notes, "Untuk %s, sebagian bentuk hukuman ditandai: "
							     "lihat catatan pada bentuk tersebut.",
						  st->id);
					break;
				}
		}
	}
	if (st->kind != RULES_STATUS_ASN && st->note)
		list_add(a, &notes, st->note);

	/* the route */
	if (f->has_handling_date || f->has_date) {
		struct date d = f->has_handling_date ? f->handling_date : f->date;

		out->route_date = d;
		out->route_date_given = f->has_handling_date;
		out->route = rules_route_at(cat, st, d);
		if (!f->has_handling_date && out->route) {
			for (i = 0; i < cat->nroutes; i++) {
				const struct rules_route *r = &cat->routes[i];
				char ds[64];

				if (r == out->route || r->kind == RULES_ROUTE_PIDANA ||
				    !r->period.has_from || date_cmp(r->period.from, d) <= 0)
					continue;
				for (k = 0; k < r->nstatuses; k++) {
					if (strcmp(r->statuses[k], st->id) != 0)
						continue;
					rules_date_text(r->period.from, ds, sizeof(ds));
					list_addf(a, &notes, "Rute ditentukan menurut tanggal perbuatan; bila "
							     "perkara ditangani sejak %s, rekomendasi melalui %s.",
						  ds, r->recommending);
				}
			}
		}
	} else {
		size_t count;

		out->route = route_only(cat, st, &count);
		if (out->route == NULL && count > 1)
			list_add(a, &notes, "Lembaga tujuan bergantung pada tanggal penanganan, yang tidak "
					    "diberikan.");
	}

	/* the criminal-law route */
	if (out->verdict == RULES_VERDICT_PELANGGARAN && f->election != RULES_ELECTION_NONE) {
		bool after = !(f->has_penetapan && date_cmp(f->date, f->penetapan) < 0);

		for (i = 0; i < eligible && after; i++) {
			const struct rules_match *m = &cand[i];

			if (!in_play(m) || m->conditional || !prohibited(m) ||
			    m->score < top->score * cat->relative_cutoff)
				continue;
			for (k = 0; k < m->item->npidana; k++)
				if (m->item->pidana[k].election == f->election)
					add_basis(a, &out->pidana_basis, &out->npidana_basis, 8,
						  &m->item->pidana[k].basis);
		}
		if (out->npidana_basis) {
			out->pidana = pidana_route(cat);
			if (!f->has_penetapan)
				list_add(a, &notes, "Jalur pidana pemilu/pemilihan hanya terbuka bila perbuatan "
						    "terjadi sesudah penetapan calon; tanggal penetapan tidak "
						    "diketahui.");
		}
	}
	if (out->route && out->route->also_pidana)
		out->pidana = pidana_route(cat);

	out->missing = missing.v;
	out->nmissing = missing.n;
	out->notes = notes.v;
	out->nnotes = notes.n;
	out->readings = readings.v;
	out->nreadings = readings.n;
	out->explanation = rules_explain(cat, f, out, a);
	return 0;
}
