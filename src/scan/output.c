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

/* JSON string body with escapes; invalid UTF-8 becomes \ufffd. */
static void
json_str(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;

	buf_addch(b, '"');
	while (i < n) {
		unsigned char c = p[i];

		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			run++;
			i++;
			continue;
		}
		if (run) {
			buf_add(b, p + i - run, run);
			run = 0;
		}
		if (c >= 0x80) {
			size_t adv;
			uint32_t cp = scan_utf8_next(p + i, n - i, &adv);

			if (cp == SCAN_REPLACEMENT && !(adv == 3 && p[i] == 0xEF))
				buf_addstr(b, "\\ufffd");
			else
				buf_add(b, p + i, adv);
			i += adv;
			continue;
		}
		switch (c) {
		case '"': buf_addstr(b, "\\\""); break;
		case '\\': buf_addstr(b, "\\\\"); break;
		case '\n': buf_addstr(b, "\\n"); break;
		case '\r': buf_addstr(b, "\\r"); break;
		case '\t': buf_addstr(b, "\\t"); break;
		default: {
			char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};

			buf_add(b, e, 6);
		}
		}
		i++;
	}
	if (run)
		buf_add(b, p + i - run, run);
	buf_addch(b, '"');
}

/* A number in [-10, 10] with at most two decimals: 0, 1, 0.5, -0.25. */
static void
add_num(struct buf *b, float v)
{
	long c = lroundf(v * 100.0f);
	char tmp[24];
	size_t n = 0;

	if (c < 0) {
		tmp[n++] = '-';
		c = -c;
	}
	n += (size_t)snprintf(tmp + n, sizeof(tmp) - n, "%ld", c / 100);
	if (c % 100) {
		tmp[n++] = '.';
		tmp[n++] = (char)('0' + (c % 100) / 10);
		if (c % 10)
			tmp[n++] = (char)('0' + c % 10);
	}
	buf_add(b, tmp, n);
}

static void
add_uint(struct buf *b, uint32_t v)
{
	char tmp[12];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_add(b, tmp + n, sizeof(tmp) - n);
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

void
scan_result_json(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
		 const char *id, size_t idlen, const char *text, size_t len, bool with_hash)
{
	const struct scan_lexicon *lex = sc->lex;
	size_t i;
	bool first = true;

	buf_addstr(out, "{\"id\":");
	if (id)
		json_str(out, id, idlen);
	else
		buf_addstr(out, "null");
	buf_addstr(out, ",\"label\":\"");
	buf_addstr(out, scan_label_name(r->label));
	buf_addstr(out, "\",\"score\":");
	add_num(out, r->score);
	buf_addstr(out, ",\"items\":[");
	for (i = 0; i < r->nitems; i++) {
		if (i)
			buf_addch(out, ',');
		json_str(out, r->items[i], strlen(r->items[i]));
	}
	buf_addstr(out, "],\"spans\":[");
	for (i = 0; i < r->nmatches; i++) {
		const struct scan_match *m = &r->matches[i];
		const struct scan_phrase_info *pi = &lex->phrases[m->phrase].info;

		if (m->cat == SCAN_CAT_IGNORE)
			continue;
		if (!first)
			buf_addch(out, ',');
		first = false;
		buf_addstr(out, "{\"start\":");
		add_uint(out, m->start);
		buf_addstr(out, ",\"end\":");
		add_uint(out, m->end);
		buf_addstr(out, ",\"kind\":\"");
		buf_addstr(out, scan_cat_name((enum scan_cat)m->cat));
		buf_addstr(out, "\",\"concept\":");
		json_str(out, pi->concept, strlen(pi->concept));
		buf_addstr(out, ",\"term\":");
		json_str(out, pi->text, strlen(pi->text));
		buf_addstr(out, ",\"text\":");
		if (m->end <= len && m->start <= m->end)
			json_str(out, text + m->start, m->end - m->start);
		else
			buf_addstr(out, "\"\"");
		buf_addstr(out, ",\"w\":");
		add_num(out, m->weight);
		if (m->flags & SCAN_MATCH_NEGATED)
			buf_addstr(out, ",\"negated\":true");
		buf_addch(out, '}');
	}
	buf_addch(out, ']');
	if (with_hash) {
		char h[33];

		scan_content_hash(text, len, h);
		buf_addstr(out, ",\"hash\":\"");
		buf_addstr(out, h);
		buf_addch(out, '"');
	}
	buf_addch(out, '}');
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
			buf_addstr(out, "…");
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
			buf_addstr(out, "\xEF\xBF\xBD");
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
			buf_addstr(out, ", ");
		buf_addstr(out, items[i]);
	}
}

static const char *
why_not_counted(const struct scan_match *m, const struct scan_result *r)
{
	if (m->flags & SCAN_MATCH_NEGATED)
		return "dinegasikan (kata ingkar/larangan di depannya)";
	if (m->flags & SCAN_MATCH_NOCTX)
		return m->cat == SCAN_CAT_ACT ? "istilah umum; teks tidak menyebut pemilu"
					      : "imbauan umum; teks tidak membahas aturan/netralitas";
	if ((m->cat == SCAN_CAT_TARGET || m->cat == SCAN_CAT_INCIDENT) &&
	    r->sum[SCAN_CAT_ACT] <= 0)
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

void
scan_result_explain(struct buf *out, const struct scan_ctx *sc, const struct scan_result *r,
		    const char *text, size_t len)
{
	const struct scan_lexicon *lex = sc->lex;
	size_t i;
	int c;

	buf_addf(out, "Label: %s (%s)\n", scan_label_title(r->label), scan_label_name(r->label));
	buf_addstr(out, "Skor: ");
	add_num(out, r->score);
	buf_addstr(out, " (ambang ");
	add_num(out, r->threshold);
	buf_addstr(out, ")\n\nPerhitungan: skor = A × D × S = ");
	add_num(out, r->actor);
	buf_addstr(out, " × ");
	add_num(out, r->distance);
	buf_addstr(out, " × ");
	add_num(out, r->evidence);
	buf_addstr(out, " → ");
	add_num(out, r->score);
	buf_addstr(out, " (dibatasi 0..1)\n  A, aktor terkuat: ");
	if (r->actor_match >= 0) {
		const struct scan_match *m = &r->matches[r->actor_match];
		const struct scan_phrase_info *pi = &lex->phrases[m->phrase].info;

		buf_addch(out, '"');
		add_plain(out, text, m->start, m->end <= len ? m->end : m->start, SNIPPET_MAX);
		buf_addf(out, "\" = %s, bobot ", pi->note[0] ? pi->note : pi->concept);
		add_num(out, r->actor);
	} else if (r->author_asn && r->actor > 0) {
		buf_addstr(out, "penulis terdaftar sebagai akun ASN, bobot ");
		add_num(out, r->actor);
	} else {
		buf_addstr(out, "tidak ada (tanpa aktor ASN skor selalu 0)");
	}
	buf_addstr(out, "\n  D, jarak aktor-tindakan: ");
	add_num(out, r->distance);
	buf_addstr(out, r->distance < 1 ? " (aktor jauh dari tindakan)" : "");
	buf_addstr(out, "\n  S, bukti:");
	for (c = 0; c < SCAN_CAT__COUNT; c++) {
		if (c == SCAN_CAT_ACTOR || c == SCAN_CAT_FACILITY || c == SCAN_CAT_ELECTION ||
		    c == SCAN_CAT_NEGATION || c == SCAN_CAT_IGNORE)
			continue;
		buf_addf(out, " %s ", scan_cat_title((enum scan_cat)c));
		if (r->sum[c] >= 0)
			buf_addch(out, '+');
		add_num(out, r->sum[c]);
		buf_addch(out, ';');
	}
	buf_addstr(out, " jumlah ");
	add_num(out, r->evidence);
	buf_addstr(out, "\n\nTemuan (+ dihitung, − mengurangi, × dinegasikan, · tidak dihitung):\n");
	if (r->nmatches == 0)
		buf_addstr(out, "  (tidak ada istilah leksikon yang cocok)\n");
	for (i = 0; i < r->nmatches; i++) {
		const struct scan_match *m = &r->matches[i];
		const struct scan_phrase_info *pi = &lex->phrases[m->phrase].info;

		if (m->cat == SCAN_CAT_IGNORE)
			continue;
		buf_addf(out, "  %s %s: \"", match_mark(m), scan_cat_title((enum scan_cat)m->cat));
		add_plain(out, text, m->start, m->end <= len ? m->end : m->start, SNIPPET_MAX);
		buf_addf(out, "\" [%u..%u] ~ %s", (unsigned)m->start, (unsigned)m->end, pi->text);
		if (m->flags & SCAN_MATCH_COUNTED) {
			buf_addstr(out, " (");
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
			buf_addstr(out, "; butir ");
			add_items(out, pi->items, pi->nitems);
		}
		buf_addch(out, '\n');
	}
	buf_addf(out, "\nKonteks pemilu: %s; konteks aturan/netralitas: %s\n",
		 r->election_ctx ? "ya" : "tidak", r->rule_ctx ? "ya" : "tidak");
	if (r->nitems) {
		buf_addstr(out, "Butir katalog yang mungkin relevan: ");
		add_items(out, r->items, r->nitems);
		buf_addch(out, '\n');
	}
	buf_addstr(out, "\nKesimpulan: ");
	switch (r->label) {
	case SCAN_LABEL_VIOLATION:
		buf_addstr(out, "ada aktor ASN (atau fasilitas negara) bersama tindakan partisan; skor ");
		add_num(out, r->score);
		buf_addstr(out, " mencapai ambang ");
		add_num(out, r->threshold);
		buf_addstr(out, ", jadi teks masuk antrean telaah sebagai dugaan pelanggaran.");
		break;
	case SCAN_LABEL_NEUTRAL:
		buf_addstr(out, "teks menyebut ASN atau netralitas dalam konteks pemilu, tetapi skor ");
		add_num(out, r->score);
		buf_addstr(out, " di bawah ambang ");
		add_num(out, r->threshold);
		if (r->sum[SCAN_CAT_ACT] <= 0)
			buf_addstr(out, ": tidak ada tindakan partisan yang dihitung");
		else if (r->sum[SCAN_CAT_APPEAL] + r->sum[SCAN_CAT_TOPIC] + r->sum[SCAN_CAT_SANCTION] < 0)
			buf_addstr(out, ": bahasa imbauan, aturan atau sanksi menurunkan skor");
		else if (r->actor == 0)
			buf_addstr(out, ": tidak ada aktor ASN");
		buf_addch(out, '.');
		break;
	default:
		if (r->actor > 0 && !r->election_ctx)
			buf_addstr(out, "ada aktor ASN tetapi teks tidak berkaitan dengan pemilu.");
		else if (r->election_ctx)
			buf_addstr(out, "teks tentang pemilu tanpa aktor ASN atau topik netralitas.");
		else
			buf_addstr(out, "teks tidak menyebut ASN maupun pemilu.");
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
	static const int order[] = {SCAN_CAT_ACTOR, SCAN_CAT_FACILITY, SCAN_CAT_ACT, SCAN_CAT_TARGET};
	size_t i, k, from = 0, to;

	buf_addf(out, "[%s] ", scan_label_title(r->label));
	add_plain(out, id ? id : "-", 0, id ? idlen : 1, 120);
	buf_addstr(out, "  skor ");
	add_num(out, r->score);
	if (r->nitems) {
		buf_addstr(out, "  butir ");
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
		if (r->matches[i].cat == SCAN_CAT_ACT && (r->matches[i].flags & SCAN_MATCH_COUNTED)) {
			from = r->matches[i].start > 60 ? r->matches[i].start - 60 : 0;
			break;
		}
	}
	while (from > 0 && from < len && ((unsigned char)text[from] & 0xC0) == 0x80)
		from--;
	to = len;
	buf_addstr(out, "    «");
	if (from > 0)
		buf_addstr(out, "…");
	add_plain(out, text, from, to, SNIPPET_MAX);
	buf_addstr(out, "»\n");
}
