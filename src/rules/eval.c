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

#define MAX_LIST_OUT  12 /* notes / missing per match and per result */
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

static void ATTR_PRINTF(3, 4) list_addf(struct arena *a, struct list *l, const char *fmt, ...)
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
score_item(const struct rules_item *it, const struct text_doc *d, unsigned gap, struct arena *a,
	   struct rules_match *m, bool *anchor)
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
			bool contains =
				spans[k].first <= spans[i].first && spans[i].last <= spans[k].last;
			bool same =
				spans[k].first == spans[i].first && spans[k].last == spans[i].last;

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

		while (nno < 16 &&
		       text_phrase_find(d, &m->no[i], from, gap, &no[nno].first, &no[nno].last)) {
			if (no_words == NULL)
				no_words = span_words(d, no[nno], a);
			from = no[nno].first + 1;
			nno++;
		}
	}
	for (i = 0; i < m->nyes && !found_yes; i++)
		found_yes = find_clear(d, &m->yes[i], gap, no, nno, &yes);
	if (found_yes && nno > 0) {
		list_addf(a, notes,
			  "Teks menyebut '%s' dan '%s' sekaligus; apakah %s dianggap tidak "
			  "diketahui.",
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
			list_addf(c->a, &notes,
				  "Butir ini hanya berlaku %s penetapan calon; tanggal "
				  "perbuatan dan tanggal penetapan diperlukan.",
				  timing == RULES_TIMING_BEFORE_PENETAPAN ? "sebelum" : "sesudah");
		} else {
			bool before = date_cmp(f->date, f->penetapan) < 0;

			rules_date_text(f->penetapan, ps, sizeof(ps));
			if (before != (timing == RULES_TIMING_BEFORE_PENETAPAN)) {
				m->applies = false;
				list_addf(
					c->a, &notes,
					"Tidak berlaku: perbuatan terjadi %s penetapan calon (%s).",
					before ? "sebelum" : "sesudah", ps);
			} else {
				list_addf(c->a, &notes,
					  "Perbuatan terjadi %s penetapan calon (%s).",
					  before ? "sebelum" : "sesudah", ps);
			}
		}
		if (it->timing.reading)
			list_addf(c->a, &notes, "Pembagian waktu menurut bacaan %s=%s.",
				  it->timing.reading->id,
				  rules_options_value(c->opt, it->timing.reading));
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
				list_addf(c->a, &notes,
					  "Diandaikan terlapor %s, sesuai uraian butir yang "
					  "dipilih.",
					  t);
			} else if (v == RULES_TRI_UNKNOWN) {
				m->conditional = true;
				list_addf(c->a, &missing, "modifiers.%s", cd->modifier->id);
				list_addf(c->a, &notes,
					  "Bergantung pada apakah terlapor %s (tidak disebut).", t);
			}
			break;
		case RULES_COND_NO:
			if (v == RULES_TRI_YES) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: terlapor %s.", t);
			} else if (v == RULES_TRI_UNKNOWN && named) {
				list_addf(c->a, &notes,
					  "Diandaikan terlapor tidak %s, sesuai uraian butir "
					  "yang dipilih.",
					  t);
			} else if (v == RULES_TRI_UNKNOWN) {
				m->conditional = true;
				list_addf(c->a, &missing, "modifiers.%s", cd->modifier->id);
				list_addf(c->a, &notes,
					  "Bergantung pada apakah terlapor %s (tidak disebut).", t);
			}
			break;
		case RULES_COND_NOT_YES:
			if (v == RULES_TRI_YES) {
				m->applies = false;
				list_addf(c->a, &notes, "Tidak berlaku: terlapor %s.", t);
			} else if (v == RULES_TRI_UNKNOWN) {
				list_addf(c->a, &notes,
					  "Diandaikan terlapor tidak %s (tidak disebut).", t);
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
	m->basis = arena_array(c->a, it->nbasis + 1, sizeof(const struct rules_basis *));
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
			list_addf(c->a, &notes,
				  "Katalog tidak memiliki bentuk hukuman tingkat %s untuk %s.",
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
		*v = arena_array(a, cap, sizeof(const struct rules_basis *));
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
			    "tanggal penanganan %s di luar cakupan katalog (%s sampai %s)", a, b,
			    c);
	}
	if (f->text && f->text_len > RULES_MAX_TEXT)
		return fail(eb, "text_too_long", "text",
			    "uraian perbuatan terlalu panjang (%zu bait, paling banyak %d)",
			    f->text_len, RULES_MAX_TEXT);
	*item = NULL;
	if (f->item && f->item[0]) {
		*item = rules_item_find(cat, f->item);
		if (*item == NULL)
			return fail(eb, "unknown_item", "item",
				    "butir '%.40s' tidak ada di katalog (lihat netra rules list)",
				    f->item);
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
				  "pengubah '%.40s' tidak dikenal (pilihan: %s)",
				  f->modifiers[i].id, buf_cstr(&l));
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

		if (it->conds[k].cond == RULES_COND_YES && mv->value == RULES_TRI_YES &&
		    !mv->from_text) {
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

/* The state of one evaluation, passed between its steps. */
struct run {
	const struct rules_catalog *cat;
	const struct rules_options *opt;
	const struct rules_facts *f;
	struct arena *a;
	struct rules_result *out;
	const struct rules_status *st;
	struct rules_modifier_value mods[RULES_MAX_MODIFIERS];
	struct text_doc doc;
	struct rules_match *cand; /* eligible first (best first), then near misses */
	size_t n, eligible;
	const struct rules_match *top; /* best eligible candidate still in play */
	double cutoff;                 /* candidates below it do not set the level */
	struct list notes, missing, readings;
};

static void
add_missing_of(struct run *r, const struct rules_match *m)
{
	size_t k;

	for (k = 0; k < m->nmissing; k++)
		list_add(r->a, &r->missing, m->missing[k]);
}

static void
append_note(struct arena *a, struct rules_match *m, const char *note)
{
	const char **nv = arena_array(a, MAX_LIST_OUT, sizeof(*nv));
	size_t keep = MIN(m->nnotes, (size_t)MAX_LIST_OUT - 1);

	if (keep)
		memcpy(nv, m->notes, keep * sizeof(*nv));
	nv[keep] = note;
	m->notes = nv;
	m->nnotes = keep + 1;
}

/* Analyse the text and settle each modifier not given in the facts. */
static void
read_text(struct run *r)
{
	const struct rules_catalog *cat = r->cat;
	unsigned gap = text_lexicon_max_gap(cat->lx);
	struct text_stemmer *stem;
	size_t i;

	if (r->f->text == NULL || r->f->text_len == 0)
		return;
	stem = text_stemmer_new();
	text_analyze(cat->lx, stem, r->f->text, r->f->text_len, r->a, &r->doc);
	text_stemmer_free(stem);
	if (r->doc.truncated)
		list_add(r->a, &r->notes, "Teks terlalu panjang; hanya bagian awal yang dinilai.");
	for (i = 0; i < cat->nmodifiers; i++)
		if (r->mods[i].value == RULES_TRI_UNKNOWN)
			detect_modifier(&cat->modifiers[i], &r->doc, gap, r->a, &r->mods[i],
					&r->notes);
}

/* An applicable SKB item covers the PP 94 provision it details. */
static void
fold_covered(struct run *r)
{
	size_t i, j, k;

	for (i = 0; i < r->n; i++) {
		const struct rules_item *it = r->cand[i].item;

		if (!r->cand[i].applies || r->cand[i].conditional)
			continue;
		for (k = 0; k < r->n; k++)
			for (j = 0; j < it->nimplements; j++) {
				if (it->implements[j] != r->cand[k].item || r->cand[k].covered_by)
					continue;
				r->cand[k].covered_by = it;
				append_note(
					r->a, &r->cand[k],
					arena_printf(
						r->a,
						"Dicakup butir %s, yang menjabarkan ketentuan ini.",
						it->id));
			}
	}
}

/* Best first; candidates under their item's threshold go last and count
 * for nothing. */
static void
rank(struct run *r)
{
	struct rules_match *sorted = arena_array(r->a, r->n + 1, sizeof(*sorted));
	size_t i, e = 0, weak;

	qsort(r->cand, r->n, sizeof(*r->cand), cmp_match);
	for (i = 0; i < r->n; i++)
		if (r->cand[i].score >= r->cand[i].item->min_score)
			r->eligible++;
	weak = r->eligible;
	for (i = 0; i < r->n; i++) {
		if (r->cand[i].score >= r->cand[i].item->min_score) {
			sorted[e++] = r->cand[i];
			continue;
		}
		sorted[weak] = r->cand[i];
		append_note(r->a, &sorted[weak],
			    arena_printf(r->a, "Kecocokan lemah: skor %.1f di bawah ambang %.1f.",
					 r->cand[i].score, r->cand[i].item->min_score));
		sorted[weak].applies = false;
		sorted[weak].conditional = false;
		weak++;
	}
	r->cand = sorted;
	for (i = 0; i < r->eligible && r->top == NULL; i++)
		if (in_play(&r->cand[i]))
			r->top = &r->cand[i];
	r->cutoff = r->top ? r->top->score * r->cat->relative_cutoff : 0;
}

/* The readings that shaped a candidate, including one that hid an item. */
static void
note_readings(struct run *r)
{
	const struct rules_catalog *cat = r->cat;
	unsigned gap = text_lexicon_max_gap(cat->lx);
	size_t i, k;

	for (i = 0; i < r->eligible; i++) {
		const struct rules_item *it = r->cand[i].item;
		const struct rules_switch *sws[3] = {&it->level, &it->timing, &it->active};

		for (k = 0; k < 3; k++)
			if (sws[k]->reading)
				list_addf(r->a, &r->readings, "%s=%s", sws[k]->reading->id,
					  rules_options_value(r->opt, sws[k]->reading));
	}
	for (i = 0; i < cat->nitems && r->doc.n; i++) {
		const struct rules_item *it = &cat->items[i];
		struct rules_match tmp;
		bool anchor;

		if (!it->active.reading || rules_switch_value(&it->active, r->opt))
			continue;
		memset(&tmp, 0, sizeof(tmp));
		if (score_item(it, &r->doc, gap, r->a, &tmp, &anchor) >= it->min_score && anchor)
			list_addf(r->a, &r->readings, "%s=%s", it->active.reading->id,
				  rules_options_value(r->opt, it->active.reading));
	}
}

static enum rules_verdict
decide_verdict(struct run *r)
{
	const struct rules_match *top = r->top, *rival = NULL, *certain = NULL;
	size_t i;

	if (r->st->kind == RULES_STATUS_NOT_ASN)
		return RULES_VERDICT_BUKAN_ASN;
	if (top == NULL) {
		list_add(r->a, &r->missing, "text");
		return RULES_VERDICT_TIDAK_CUKUP;
	}
	for (i = 0; i < r->eligible; i++) {
		const struct rules_match *m = &r->cand[i];

		if (m == top || !in_play(m))
			continue;
		if (prohibited(m) != prohibited(top) && m->score >= top->score)
			rival = m;
		if (prohibited(m) && !m->conditional && m->score >= r->cutoff && certain == NULL)
			certain = m;
	}
	if (prohibited(top) && !top->conditional)
		certain = top;
	/* a permitted reading as strong as the certain violation leaves it open */
	for (i = 0; prohibited(top) && certain && certain != top && i < r->eligible; i++)
		if (in_play(&r->cand[i]) && !prohibited(&r->cand[i]) &&
		    r->cand[i].score >= certain->score)
			rival = &r->cand[i];
	if (rival) {
		list_addf(r->a, &r->notes, "%s dan %s sama kuat; fakta tambahan diperlukan.",
			  top->item->id, rival->item->id);
		add_missing_of(r, rival);
		add_missing_of(r, top);
		return RULES_VERDICT_TIDAK_CUKUP;
	}
	if (!prohibited(top)) {
		if (!top->conditional)
			return RULES_VERDICT_BOLEH;
		add_missing_of(r, top);
		return RULES_VERDICT_TIDAK_CUKUP;
	}
	if (certain == NULL) {
		/* every reading of the facts is a violation, but which one is open */
		add_missing_of(r, top);
		return RULES_VERDICT_TIDAK_CUKUP;
	}
	if (!r->f->has_date) {
		list_add(r->a, &r->missing, "date");
		list_add(r->a, &r->notes,
			 "Tanggal perbuatan diperlukan: bentuk hukuman, dasar hukum dan "
			 "lembaga tujuan bergantung pada tanggal.");
		return RULES_VERDICT_TIDAK_CUKUP;
	}
	return RULES_VERDICT_PELANGGARAN;
}

/* Whether m counts for the level: applicable, prohibited, near the top. */
static bool
counts(const struct run *r, const struct rules_match *m)
{
	return in_play(m) && !m->conditional && prohibited(m) && m->score >= r->cutoff;
}

/* Level, forms and legal basis over the counted items; caveats. */
static void
set_level(struct run *r)
{
	struct rules_result *out = r->out;
	bool has_ke = false, has_d = false;
	size_t i, k;

	for (i = 0; i < r->eligible; i++) {
		const struct rules_match *m = &r->cand[i];

		if (!counts(r, m))
			continue;
		if (m->level > out->level)
			out->level = m->level;
		if (m->item->family == RULES_FAMILY_KE)
			has_ke = true;
		else
			has_d = true;
		for (k = 0; k < m->nbasis; k++)
			add_basis(r->a, &out->basis, &out->nbasis, 48, m->basis[k]);
		/* an assumption behind a counted item is part of the answer */
		for (k = 0; k < m->nnotes; k++)
			if (strncmp(m->notes[k], "Diandaikan", 10) == 0)
				list_addf(r->a, &r->notes, "%s: %s", m->item->id, m->notes[k]);
	}
	/* a more severe item that hangs on a missing fact: say what would raise it */
	for (i = 0; i < r->eligible; i++) {
		const struct rules_match *m = &r->cand[i];
		struct buf why = BUF_INIT;

		if (!in_play(m) || !m->conditional || !prohibited(m) || m->score < r->cutoff ||
		    m->level <= out->level)
			continue;
		for (k = 0; k < m->nmissing; k++) {
			list_add(r->a, &r->missing, m->missing[k]);
			buf_addf(&why, "%s%s", k ? ", " : "", m->missing[k]);
		}
		list_addf(r->a, &r->notes,
			  "Tingkat dapat menjadi %s (%s) bila fakta berikut terbukti: %s.",
			  rules_level_title(r->cat, m->level), m->item->id, buf_cstr(&why));
		buf_release(&why);
	}
	out->forms = rules_form_set_at(r->cat, out->level, r->f->date);
	if (out->forms) {
		add_basis(r->a, &out->basis, &out->nbasis, 48, &out->forms->basis);
		if (out->forms->note)
			list_add(r->a, &r->notes, out->forms->note);
	}
	if (has_ke && has_d)
		list_add(r->a, &r->notes,
			 "Perbuatan ini cocok dengan daftar kode etik (KE) dan daftar "
			 "disiplin; sumber tidak menjelaskan cara keduanya digabung, "
			 "sehingga tingkat yang ditampilkan adalah yang paling berat.");
	for (k = 0; k < out->nbasis; k++)
		if (out->basis[k]->unconfirmed) {
			list_add(r->a, &r->notes,
				 "Sebagian dasar hukum belum dikonfirmasi dari teks resmi "
				 "(ditandai 'belum dikonfirmasi').");
			break;
		}
	for (k = 0; out->forms && r->st->nflag_forms && k < out->forms->nforms; k++)
		if (rules_form_flagged(r->st, &out->forms->forms[k])) {
			list_addf(r->a, &r->notes,
				  "Untuk %s, sebagian bentuk hukuman ditandai: lihat "
				  "catatan pada bentuk tersebut.",
				  r->st->id);
			break;
		}
}

/* The route by status and date (handling date, else act date). */
static void
set_route(struct run *r)
{
	const struct rules_catalog *cat = r->cat;
	const struct rules_facts *f = r->f;
	struct rules_result *out = r->out;
	struct date d;
	size_t i, k, count;

	if (!f->has_handling_date && !f->has_date) {
		out->route = route_only(cat, r->st, &count);
		if (out->route == NULL && count > 1)
			list_add(r->a, &r->notes,
				 "Lembaga tujuan bergantung pada tanggal penanganan, yang "
				 "tidak diberikan.");
		return;
	}
	d = f->has_handling_date ? f->handling_date : f->date;
	out->route_date = d;
	out->route_date_given = f->has_handling_date;
	out->route = rules_route_at(cat, r->st, d);
	if (f->has_handling_date || out->route == NULL)
		return;
	/* by the act date: say where a later handling would go */
	for (i = 0; i < cat->nroutes; i++) {
		const struct rules_route *rt = &cat->routes[i];
		char ds[64];

		if (rt == out->route || rt->kind == RULES_ROUTE_PIDANA || !rt->period.has_from ||
		    date_cmp(rt->period.from, d) <= 0)
			continue;
		for (k = 0; k < rt->nstatuses; k++) {
			if (strcmp(rt->statuses[k], r->st->id) != 0)
				continue;
			rules_date_text(rt->period.from, ds, sizeof(ds));
			list_addf(r->a, &r->notes,
				  "Rute ditentukan menurut tanggal perbuatan; bila perkara "
				  "ditangani sejak %s, rekomendasi melalui %s.",
				  ds, rt->recommending);
		}
	}
}

/* Sentra Gakkumdu as a further route: election-law provisions of the
 * counted items for this kind of election, after penetapan. */
static void
set_pidana(struct run *r)
{
	const struct rules_facts *f = r->f;
	struct rules_result *out = r->out;
	size_t i, k;

	if (out->route && out->route->also_pidana)
		out->pidana = pidana_route(r->cat);
	if (out->verdict != RULES_VERDICT_PELANGGARAN || f->election == RULES_ELECTION_NONE)
		return;
	if (f->has_penetapan && date_cmp(f->date, f->penetapan) < 0)
		return;
	for (i = 0; i < r->eligible; i++) {
		const struct rules_match *m = &r->cand[i];

		if (!counts(r, m))
			continue;
		for (k = 0; k < m->item->npidana; k++)
			if (m->item->pidana[k].election == f->election)
				add_basis(r->a, &out->pidana_basis, &out->npidana_basis, 8,
					  &m->item->pidana[k].basis);
	}
	if (out->npidana_basis == 0)
		return;
	out->pidana = pidana_route(r->cat);
	if (!f->has_penetapan)
		list_add(r->a, &r->notes,
			 "Jalur pidana pemilu/pemilihan hanya terbuka bila perbuatan "
			 "terjadi sesudah penetapan calon; tanggal penetapan tidak "
			 "diketahui.");
}

int
rules_check(const struct rules_catalog *cat, const struct rules_options *opt,
	    const struct rules_facts *f, struct arena *a, struct rules_result *out,
	    struct errbuf *eb)
{
	const struct rules_item *item;
	struct run r;
	struct mctx mc;
	size_t i;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	r.cat = cat;
	r.opt = opt;
	r.f = f;
	r.a = a;
	r.out = out;
	if (validate_facts(cat, f, &r.st, &item, r.mods, eb) < 0)
		return -1;
	out->status = r.st;
	out->has_date = f->has_date;
	out->date = f->date;
	read_text(&r);
	memcpy(out->modifiers, r.mods, sizeof(r.mods));
	out->nmodifiers = cat->nmodifiers;

	r.cand = arena_array(a, cat->nitems + 1, sizeof(*r.cand));
	r.n = collect(cat, opt, item, r.doc.n ? &r.doc : NULL, r.mods, a, r.cand);
	mc = (struct mctx){cat, opt, f, r.st, r.mods, a};
	for (i = 0; i < r.n; i++)
		decide_match(&mc, &r.cand[i]);
	fold_covered(&r);
	rank(&r);
	out->items = r.cand;
	out->nitems = MIN(r.n, (size_t)MAX_ITEMS_OUT);
	note_readings(&r);

	out->verdict = decide_verdict(&r);
	if (out->verdict == RULES_VERDICT_PELANGGARAN)
		set_level(&r);
	if (r.st->kind != RULES_STATUS_ASN && r.st->note)
		list_add(a, &r.notes, r.st->note);
	set_route(&r);
	set_pidana(&r);

	out->missing = r.missing.v;
	out->nmissing = r.missing.n;
	out->notes = r.notes.v;
	out->nnotes = r.notes.n;
	out->readings = r.readings.v;
	out->nreadings = r.readings.n;
	out->explanation = rules_explain(cat, f, out, a);
	return 0;
}
