/*
 * output.c - what a screening result looks like to the outside: the JSON
 * line of `netra scan --json` (stable shape), the Indonesian explanation
 * of --explain, the short summary of a flagged item, and the content
 * hash used to store and de-duplicate items.
 *
 * Strings from the input are escaped for JSON; invalid UTF-8 in them is
 * written as U+FFFD, so the output is always valid JSON and UTF-8.
 */
#include <math.h>
#include <sodium.h>
#include <string.h>

#include "core/xalloc.h"
#include "scan/scan_internal.h"

#define SNIPPET_MAX 200

/* Append a string literal without strlen(). */
#define buf_lit(b, lit) buf_add((b), (lit), sizeof(lit) - 1)

/* A number with at most two decimals: 0, 1, 0.5, -0.25; at most 24 bytes. */
static char *
w_num(char *w, float v)
{
	long c;

	if (v == 0) {
		*w++ = '0';
		return w;
	}
	c = lroundf(v * 100.0f);
	char tmp[24];
	size_t n = sizeof(tmp);
	long ip;

	if (c < 0) {
		*w++ = '-';
		c = -c;
	}
	ip = c / 100;
	do {
		tmp[--n] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip && n > 0);
	memcpy(w, tmp + n, sizeof(tmp) - n);
	w += sizeof(tmp) - n;
	if (c % 100) {
		*w++ = '.';
		*w++ = (char)('0' + (c % 100) / 10);
		if (c % 10)
			*w++ = (char)('0' + c % 10);
	}
	return w;
}

static void
add_num(struct buf *b, float v)
{
	char tmp[32];

	buf_add(b, tmp, (size_t)(w_num(tmp, v) - tmp));
}

/* Two decimals always, for the arithmetic of explanations: 0.50, -0.25. */
static void
add_fixed(struct buf *b, float v)
{
	long c = lroundf(v * 100.0f);

	buf_addf(b, "%s%ld.%02ld", c < 0 ? "-" : "", (c < 0 ? -c : c) / 100,
		 (c < 0 ? -c : c) % 100);
}

void
scan_content_hash(const char *text, size_t len, char out[33])
{
	unsigned char h[16];

	if (sodium_init() < 0)
		die("libsodium initialisation failed");
	crypto_generichash(h, sizeof(h), (const unsigned char *)text, len, NULL, 0);
	sodium_bin2hex(out, 33, h, sizeof(h));
}

/* ---- the JSON line: sized first, then written without checks ----------- */

#define W_LIT(w, lit) (memcpy((w), (lit), sizeof(lit) - 1), (w) + sizeof(lit) - 1)

/* JSON string with quotes; at most 6 * n + 2 bytes. */
static char *
w_str(char *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	*w++ = '"';
	while (i < n) {
		size_t run = i;

		while (run < n && p[run] >= 0x20 && p[run] < 0x80 && p[run] != '"' &&
		       p[run] != '\\')
			run++;
		if (run > i) {
			memcpy(w, p + i, run - i);
			w += run - i;
			i = run;
			continue;
		}
		if (p[i] >= 0x80) {
			size_t adv;
			uint32_t cp = scan_utf8_next(p + i, n - i, &adv);

			if (cp == SCAN_REPLACEMENT && !(adv == 3 && p[i] == 0xEF)) {
				w = W_LIT(w, "\\ufffd");
			} else {
				memcpy(w, p + i, adv);
				w += adv;
			}
			i += adv;
			continue;
		}
		*w++ = '\\';
		switch (p[i]) {
		case '"': *w++ = '"'; break;
		case '\\': *w++ = '\\'; break;
		case '\n': *w++ = 'n'; break;
		case '\r': *w++ = 'r'; break;
		case '\t': *w++ = 't'; break;
		default:
			*w++ = 'u';
			*w++ = '0';
			*w++ = '0';
			*w++ = hex[p[i] >> 4];
			*w++ = hex[p[i] & 15];
		}
		i++;
	}
	*w++ = '"';
	return w;
}

static char *
w_uint(char *w, uint32_t v)
{
	char tmp[12];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(w, tmp + n, sizeof(tmp) - n);
	return w + sizeof(tmp) - n;
}

void
scan_result_json(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
		 const char *id, size_t idlen, const char *text, size_t len, bool with_hash)
{
	const struct scan_lexicon *lex = sc->lex;
	size_t i, bound = 160 + 6 * idlen;
	bool first = true;
	char *w;

	for (i = 0; i < r->nitems; i++)
		bound += 6 * strlen(r->items[i]) + 3;
	for (i = 0; i < r->nmatches; i++) {
		const struct scan_phrase_info *pi = &lex->phrases[r->matches[i].phrase].info;
		size_t tl = r->matches[i].end - r->matches[i].start;

		bound += 160 + 6 * (strlen(pi->concept) + strlen(pi->text) + tl);
	}
	if (out->overflow || bound > out->max - out->len) {
		out->overflow = true;
		return;
	}
	buf_grow(out, bound);
	w = out->data + out->len;
	w = W_LIT(w, "{\"id\":");
	if (id)
		w = w_str(w, id, idlen);
	else
		w = W_LIT(w, "null");
	w = W_LIT(w, ",\"label\":\"");
	switch (r->label) {
	case SCAN_LABEL_VIOLATION: w = W_LIT(w, "possible_violation"); break;
	case SCAN_LABEL_NEUTRAL: w = W_LIT(w, "neutral_mention"); break;
	default: w = W_LIT(w, "unrelated"); break;
	}
	w = W_LIT(w, "\",\"score\":");
	w = w_num(w, r->score);
	w = W_LIT(w, ",\"items\":[");
	for (i = 0; i < r->nitems; i++) {
		if (i)
			*w++ = ',';
		w = w_str(w, r->items[i], strlen(r->items[i]));
	}
	w = W_LIT(w, "],\"spans\":[");
	for (i = 0; i < r->nmatches; i++) {
		const struct scan_match *m = &r->matches[i];
		const struct scan_phrase_info *pi = &lex->phrases[m->phrase].info;
		const char *cat = scan_cat_name((enum scan_cat)m->cat);

		if (m->cat == SCAN_CAT_IGNORE)
			continue;
		if (!first)
			*w++ = ',';
		first = false;
		w = W_LIT(w, "{\"start\":");
		w = w_uint(w, m->start);
		w = W_LIT(w, ",\"end\":");
		w = w_uint(w, m->end);
		w = W_LIT(w, ",\"kind\":\"");
		/* w walks a sized output buffer, not a string */
		memcpy(w, cat, strlen(cat)); /* NOLINT(bugprone-not-null-terminated-result) */
		w += strlen(cat);
		w = W_LIT(w, "\",\"concept\":");
		w = w_str(w, pi->concept, strlen(pi->concept));
		w = W_LIT(w, ",\"term\":");
		w = w_str(w, pi->text, strlen(pi->text));
		w = W_LIT(w, ",\"text\":");
		if (m->end <= len && m->start <= m->end)
			w = w_str(w, text + m->start, m->end - m->start);
		else
			w = W_LIT(w, "\"\"");
		w = W_LIT(w, ",\"w\":");
		w = w_num(w, m->weight);
		if (m->flags & SCAN_MATCH_NEGATED)
			w = W_LIT(w, ",\"negated\":true");
		*w++ = '}';
	}
	*w++ = ']';
	if (with_hash) {
		char h[33];

		scan_content_hash(text, len, h);
		w = W_LIT(w, ",\"hash\":\"");
		memcpy(w, h, 32);
		w += 32;
		*w++ = '"';
	}
	*w++ = '}';
	out->len = (size_t)(w - out->data);
	out->data[out->len] = '\0';
}

/* ---- Indonesian text ---------------------------------------------------- */

/* Copy text[a..b) for display: whitespace runs become one space, at most
 * max bytes, cut at a character boundary, invalid UTF-8 replaced. */
static void
add_plain(struct buf *out, const char *text, size_t a, size_t b, size_t max)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = a, n = 0;
	bool space = false;

	while (i < b) {
		size_t adv;
		uint32_t cp = scan_utf8_next(p + i, b - i, &adv);

		if (n + adv > max) {
			buf_lit(out, "…");
			return;
		}
		if (cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t') {
			if (!space && n > 0) {
				buf_addch(out, ' ');
				n++;
			}
			space = true;
		} else if (cp < 0x20) {
			/* drop other control characters */
		} else if (cp == SCAN_REPLACEMENT && !(adv == 3 && p[i] == 0xEF)) {
			buf_lit(out, "\xEF\xBF\xBD");
			n += 3;
			space = false;
		} else {
			buf_add(out, p + i, adv);
			n += adv;
			space = false;
		}
		i += adv;
	}
}

static void
add_items(struct buf *out, const char *const *items, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_lit(out, ", ");
		buf_addstr(out, items[i]);
	}
}

static const char *
why_not_counted(const struct scan_match *m, const struct scan_result *r)
{
	if (m->flags & SCAN_MATCH_ITEMS)
		return "frasa katalog aturan: menunjuk butir, tanpa bobot";
	if (m->flags & SCAN_MATCH_NEGATED)
		return "dinegasikan (kata ingkar/larangan di depannya)";
	if (m->flags & SCAN_MATCH_NOCTX)
		return m->cat == SCAN_CAT_ACT
			       ? "istilah umum; teks tidak menyebut pemilu"
			       : "imbauan umum; teks tidak membahas aturan/netralitas";
	if ((m->cat == SCAN_CAT_TARGET || m->cat == SCAN_CAT_INCIDENT) && r->sum[SCAN_CAT_ACT] <= 0)
		return "hanya dihitung bila ada tindakan partisan";
	if (m->cat == SCAN_CAT_ACTOR || m->cat == SCAN_CAT_FACILITY)
		return "ada aktor yang lebih kuat";
	if (m->cat == SCAN_CAT_ELECTION)
		return "konteks saja, tanpa bobot";
	if (m->cat == SCAN_CAT_NEGATION)
		return "mengatur cakupan negasi";
	return "konsep yang sama sudah dihitung";
}

static const char *
match_mark(const struct scan_match *m)
{
	if (m->flags & SCAN_MATCH_NEGATED)
		return "×";
	if (!(m->flags & SCAN_MATCH_COUNTED))
		return "·";
	return m->weight < 0 ? "−" : "+";
}

/* The terms of S, in the order of the model's formula. */
static const int s_order[] = {SCAN_CAT_ACT,      SCAN_CAT_FACILITY, SCAN_CAT_TARGET,
			      SCAN_CAT_INCIDENT, SCAN_CAT_APPEAL,   SCAN_CAT_TOPIC,
			      SCAN_CAT_SANCTION};

void
scan_result_explain(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
		    const char *text, size_t len)
{
	const struct scan_lexicon *lex = sc->lex;
	size_t i;
	int c;

	buf_addf(out, "Label: %s (%s)\n", scan_label_title(r->label), scan_label_name(r->label));
	buf_lit(out, "Skor: ");
	add_num(out, r->score);
	buf_lit(out, " (ambang ");
	add_num(out, r->threshold);
	buf_lit(out, ")\n\nPerhitungan: skor = A × D × S = ");
	add_fixed(out, r->actor);
	buf_lit(out, " × ");
	add_fixed(out, r->distance);
	buf_lit(out, " × ");
	add_fixed(out, r->evidence);
	buf_lit(out, " → ");
	add_fixed(out, r->score);
	buf_lit(out, " (dibatasi 0..1, dua desimal)\n  A, aktor terkuat: ");
	if (r->actor_match >= 0) {
		const struct scan_match *m = &r->matches[r->actor_match];
		const struct scan_phrase_info *pi = &lex->phrases[m->phrase].info;

		buf_addch(out, '"');
		add_plain(out, text, m->start, m->end <= len ? m->end : m->start, SNIPPET_MAX);
		buf_addf(out, "\" = %s, bobot ", pi->note[0] ? pi->note : pi->concept);
		add_fixed(out, r->actor);
	} else if (r->author_asn && r->actor > 0) {
		buf_lit(out, "penulis terdaftar sebagai akun ASN, bobot ");
		add_fixed(out, r->actor);
	} else {
		buf_lit(out, "tidak ada (tanpa aktor ASN skor selalu 0)");
	}
	buf_lit(out, "\n  D, jarak aktor-tindakan: ");
	add_fixed(out, r->distance);
	if (r->distance < 1)
		buf_lit(out, " (aktor jauh dari tindakan)");
	buf_lit(out, "\n  S, bukti:");
	for (c = 0; c < (int)(sizeof(s_order) / sizeof(s_order[0])); c++) {
		float v = r->sum[s_order[c]];

		buf_addf(out, " %s %s", scan_cat_title((enum scan_cat)s_order[c]),
			 v < 0 ? "" : "+");
		add_fixed(out, v);
		buf_addch(out, ';');
	}
	buf_lit(out, " jumlah ");
	add_fixed(out, r->evidence);
	buf_lit(out, "\n\nTemuan (+ dihitung, − mengurangi, × dinegasikan, · tidak dihitung):\n");
	if (r->nmatches == 0)
		buf_lit(out, "  (tidak ada istilah leksikon yang cocok)\n");
	for (i = 0; i < r->nmatches; i++) {
		const struct scan_match *m = &r->matches[i];
		const struct scan_phrase_info *pi = &lex->phrases[m->phrase].info;

		if (m->cat == SCAN_CAT_IGNORE)
			continue;
		buf_addf(out, "  %s %s: \"", match_mark(m), scan_cat_title((enum scan_cat)m->cat));
		add_plain(out, text, m->start, m->end <= len ? m->end : m->start, SNIPPET_MAX);
		buf_addf(out, "\" [%u..%u] ~ %s", (unsigned)m->start, (unsigned)m->end, pi->text);
		if (m->flags & SCAN_MATCH_COUNTED) {
			buf_lit(out, " (");
			if (m->weight > 0)
				buf_addch(out, '+');
			add_num(out, m->weight);
			buf_addch(out, ')');
		} else {
			buf_addf(out, " (%s)", why_not_counted(m, r));
		}
		if (pi->note[0])
			buf_addf(out, " - %s", pi->note);
		if (m->cat == SCAN_CAT_ACT && pi->nitems) {
			buf_lit(out, "; butir ");
			add_items(out, pi->items, pi->nitems);
		}
		buf_addch(out, '\n');
	}
	buf_addf(out, "\nKonteks pemilu: %s; konteks aturan/netralitas: %s\n",
		 r->election_ctx ? "ya" : "tidak", r->rule_ctx ? "ya" : "tidak");
	if (r->nitems) {
		buf_lit(out, "Butir katalog yang mungkin relevan: ");
		add_items(out, r->items, r->nitems);
		buf_addch(out, '\n');
	}
	buf_lit(out, "\nKesimpulan: ");
	switch (r->label) {
	case SCAN_LABEL_VIOLATION:
		buf_lit(out,
			"ada aktor ASN (atau fasilitas negara) bersama tindakan partisan; skor ");
		add_num(out, r->score);
		buf_lit(out, " mencapai ambang ");
		add_num(out, r->threshold);
		buf_lit(out, ", jadi teks masuk antrean telaah sebagai dugaan pelanggaran.");
		break;
	case SCAN_LABEL_NEUTRAL:
		buf_lit(out,
			"teks menyebut ASN atau netralitas dalam konteks pemilu, tetapi skor ");
		add_num(out, r->score);
		buf_lit(out, " di bawah ambang ");
		add_num(out, r->threshold);
		if (r->sum[SCAN_CAT_ACT] <= 0)
			buf_lit(out, ": tidak ada tindakan partisan yang dihitung");
		else if (r->sum[SCAN_CAT_APPEAL] + r->sum[SCAN_CAT_TOPIC] +
				 r->sum[SCAN_CAT_SANCTION] <
			 0)
			buf_lit(out, ": bahasa imbauan, aturan atau sanksi menurunkan skor");
		else if (r->actor == 0)
			buf_lit(out, ": tidak ada aktor ASN");
		buf_addch(out, '.');
		break;
	default:
		if (r->actor > 0 && !r->election_ctx)
			buf_lit(out, "ada aktor ASN tetapi teks tidak berkaitan dengan pemilu.");
		else if (r->election_ctx)
			buf_lit(out, "teks tentang pemilu tanpa aktor ASN atau topik netralitas.");
		else
			buf_lit(out, "teks tidak menyebut ASN maupun pemilu.");
		break;
	}
	buf_addstr(out, "\nCatatan: ini penyaringan otomatis untuk antrean telaah, bukan putusan "
			"pelanggaran.\n");
}

void
scan_result_summary(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
		    const char *id, size_t idlen, const char *text, size_t len)
{
	const struct scan_lexicon *lex = sc->lex;
	static const int order[] = {SCAN_CAT_ACTOR, SCAN_CAT_FACILITY, SCAN_CAT_ACT,
				    SCAN_CAT_TARGET};
	size_t i, k, from = 0, to;

	buf_addf(out, "[%s] ", scan_label_title(r->label));
	add_plain(out, id ? id : "-", 0, id ? idlen : 1, 120);
	buf_lit(out, "  skor ");
	add_num(out, r->score);
	if (r->nitems) {
		buf_lit(out, "  butir ");
		add_items(out, r->items, r->nitems);
	}
	buf_addch(out, '\n');
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		bool any = false;

		for (i = 0; i < r->nmatches; i++) {
			const struct scan_match *m = &r->matches[i];

			if (m->cat != order[k] || !(m->flags & SCAN_MATCH_COUNTED))
				continue;
			buf_addstr(out, any ? ", " : "    ");
			if (!any)
				buf_addf(out, "%s: ", scan_cat_title((enum scan_cat)m->cat));
			any = true;
			add_plain(out, text, m->start, m->end <= len ? m->end : m->start, 80);
		}
		if (any)
			buf_addch(out, '\n');
	}
	(void)lex;
	/* a snippet around the first counted act, else the beginning */
	for (i = 0; i < r->nmatches; i++) {
		if (r->matches[i].cat == SCAN_CAT_ACT &&
		    (r->matches[i].flags & SCAN_MATCH_COUNTED)) {
			from = r->matches[i].start > 60 ? r->matches[i].start - 60 : 0;
			break;
		}
	}
	while (from > 0 && from < len && ((unsigned char)text[from] & 0xC0) == 0x80)
		from--;
	to = len;
	buf_lit(out, "    «");
	if (from > 0)
		buf_lit(out, "…");
	add_plain(out, text, from, to, SNIPPET_MAX);
	buf_lit(out, "»\n");
}
