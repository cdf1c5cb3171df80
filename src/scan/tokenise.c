/*
 * tokenise.c - split a UTF-8 text into normalised tokens.
 *
 * Words are runs of letters and digits after folding (normalise.c);
 * apostrophes, combining marks and invisible joiners inside a word are
 * dropped ("Mas'ud" -> "masud", "0️⃣2️⃣" -> "02"); hyphens separate
 * ("guru-guru" -> "guru", "guru").  "#tag" and "@name" keep their sigil,
 * URLs and e-mail addresses become one URL token without text, mapped
 * emoji become their token ("✌🏽" -> "<pose_jari_2>"), '?' becomes
 * "<tanya>".  Sentence boundaries (. ! ? followed by space, newlines) set
 * SCAN_TOKF_SENT on the next token.  Every token carries its exact byte
 * span in the input.  Tokens longer than SCAN_TOKEN_MAX are consumed whole
 * and flagged SCAN_TOKF_LONG.  Never reads outside [text, text + len).
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "scan/scan_internal.h"

void
scan_tok_init(struct scan_tokenizer *t, const char *text, size_t len,
	      const struct scan_emoji *emoji, size_t nemoji)
{
	t->base = (const unsigned char *)text;
	t->p = t->base;
	t->end = t->base + len;
	t->emoji = emoji;
	t->nemoji = nemoji;
	t->boundary = false;
}

static const char *
emoji_find(const struct scan_tokenizer *t, uint32_t cp)
{
	size_t lo = 0, hi = t->nemoji;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->emoji[mid].cp == cp)
			return t->emoji[mid].token;
		if (t->emoji[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static bool
ascii_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool
ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ASCII bytes that only separate: everything but letters, digits, the
 * sigils # and @, sentence ends . ! ? and the newline, and non-ASCII. */
static const bool plain_sep[256] = {
	[0] = 1,   [1] = 1,    [2] = 1,    [3] = 1,    [4] = 1,    [5] = 1,   [6] = 1,   [7] = 1,
	[8] = 1,   ['\t'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [14] = 1,  [15] = 1,  [16] = 1,
	[17] = 1,  [18] = 1,   [19] = 1,   [20] = 1,   [21] = 1,   [22] = 1,  [23] = 1,  [24] = 1,
	[25] = 1,  [26] = 1,   [27] = 1,   [28] = 1,   [29] = 1,   [30] = 1,  [31] = 1,  [' '] = 1,
	['"'] = 1, ['$'] = 1,  ['%'] = 1,  ['&'] = 1,  ['\''] = 1, ['('] = 1, [')'] = 1, ['*'] = 1,
	['+'] = 1, [','] = 1,  ['-'] = 1,  ['/'] = 1,  [':'] = 1,  [';'] = 1, ['<'] = 1, ['='] = 1,
	['>'] = 1, ['['] = 1,  ['\\'] = 1, [']'] = 1,  ['^'] = 1,  ['_'] = 1, ['`'] = 1, ['{'] = 1,
	['|'] = 1, ['}'] = 1,  ['~'] = 1,  [127] = 1,
};

/* Does a word character start at p? */
static bool
word_start(const struct scan_tokenizer *t, const unsigned char *p)
{
	char out[3];
	size_t adv, nout;

	if (p >= t->end)
		return false;
	if (*p < 0x80)
		return ascii_alnum(*p);
	return scan_fold_cp(scan_utf8_next(p, (size_t)(t->end - p), &adv), out, &nout) ==
	       SCAN_FOLD_ALNUM;
}

static bool
prefix_ci(const unsigned char *p, const unsigned char *end, const char *lit)
{
	size_t n = strlen(lit), i;

	if ((size_t)(end - p) < n)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)lit[i])
			return false;
	}
	return true;
}

static void
tok_begin(struct scan_tokenizer *t, struct scan_token *tok, const unsigned char *start, int kind)
{
	tok->start = (uint32_t)(start - t->base);
	tok->len = 0;
	tok->kind = (uint8_t)kind;
	tok->flags = t->boundary ? SCAN_TOKF_SENT : 0;
	tok->wvalid = false;
	t->boundary = false;
}

static void
tok_finish(struct scan_tokenizer *t, struct scan_token *tok)
{
	tok->end = (uint32_t)(t->p - t->base);
	memset(tok->text + tok->len, 0, 16);
	if (!tok->wvalid) {
		memcpy(&tok->w[0], tok->text, 8);
		memcpy(&tok->w[1], tok->text + 8, 8);
	}
}

static void
tok_add(struct scan_token *tok, const char *s, size_t n, char *last, int *run)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == *last) {
			if (++*run >= 3 && s[i] >= 'a' && s[i] <= 'z')
				tok->flags |= SCAN_TOKF_STRETCHED;
		} else {
			*last = s[i];
			*run = 1;
		}
		if (tok->len >= SCAN_TOKEN_MAX) {
			tok->flags |= SCAN_TOKF_LONG;
			continue;
		}
		tok->text[tok->len++] = s[i];
	}
}

/* ASCII letters and digits to lowercase; 0 for everything else. */
static const char ascii_fold[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
	['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd',
	['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k',
	['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
	['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
	['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm',
	['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
};

/* Consume word characters.  keep: ASCII bytes kept inside the word
 * (mentions keep "_."), drop: ASCII bytes skipped inside it (hashtags
 * drop '_'); both only when a word character follows.  The ASCII loop is
 * the hot path of the whole engine. */
#ifdef __SSE2__
/*
 * The common case in one step: an ASCII word of at most 15 bytes starting
 * a fresh token, with at least 18 readable bytes.  Classifies 16 bytes at
 * once, stores the lowercased copy, builds the two hash words in
 * registers and finds runs of three equal letters.  Returns false (and
 * changes nothing) when the word does not fit this case.
 */
static bool
word16(struct scan_tokenizer *t, struct scan_token *tok)
{
	const unsigned char *p = t->p;
	__m128i v, l, letter, digit, low, mask, v1, v2;
	unsigned am, lm, dm, k, keep, run3;

	if (tok->len != 0 || t->end - p < 18)
		return false;
	v = _mm_loadu_si128((const __m128i *)(const void *)p);
	l = _mm_or_si128(v, _mm_set1_epi8(0x20));
	/* 'a' <= l <= 'z' and '0' <= v <= '9' by biased signed compares */
	letter = _mm_cmplt_epi8(_mm_add_epi8(l, _mm_set1_epi8((char)(128 - 'a'))),
				_mm_set1_epi8((char)(-128 + 26)));
	digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - '0'))),
			       _mm_set1_epi8((char)(-128 + 10)));
	am = (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
	k = (unsigned)__builtin_ctz(~am); /* leading letters and digits, 0..16 */
	if (k == 0 || k == 16 || (p[k] >= 0x80) || p[k] == '\'' || p[k] == '@')
		return false; /* empty, long, or continues on a slow path */
	keep = (1u << k) - 1;
	lm = (unsigned)_mm_movemask_epi8(letter) & keep;
	dm = (unsigned)_mm_movemask_epi8(digit) & keep;
	low = _mm_or_si128(_mm_and_si128(letter, l), _mm_and_si128(digit, v));
	/* zero the bytes after the word: the stored text is padded too */
	mask = _mm_cmplt_epi8(_mm_set_epi8(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
			      _mm_set1_epi8((char)k));
	low = _mm_and_si128(low, mask);
	_mm_storeu_si128((__m128i *)(void *)tok->text, low);
	memset(tok->text + 16, 0, 8);
	tok->w[0] = (uint64_t)_mm_cvtsi128_si64(low);
	tok->w[1] = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low));
	tok->wvalid = true;
	tok->len = (uint16_t)k;
	/* three equal letters in a row: compare with the bytes 1 and 2 ahead */
	v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	v2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
	run3 = (unsigned)_mm_movemask_epi8(
		_mm_and_si128(_mm_cmpeq_epi8(v, v1), _mm_cmpeq_epi8(v, v2)));
	if (k >= 3 && (run3 & lm & ((1u << (k - 2)) - 1)))
		tok->flags |= SCAN_TOKF_STRETCHED;
	if (lm && dm)
		tok->flags |= SCAN_TOKF_MIXED;
	if (tok->kind == SCAN_TOK_WORD && dm && !lm)
		tok->kind = SCAN_TOK_NUMBER;
	t->p = p + k;
	return true;
}
#endif

static void
scan_word(struct scan_tokenizer *t, struct scan_token *tok, const char *keep, const char *drop)
{
	char last = 0;
	int run = 0;
	bool alpha = false, digit = false, clean = tok->len == 0;
	uint64_t w0 = 0, w1 = 0;

#ifdef __SSE2__
	if (keep == NULL && drop == NULL && word16(t, tok))
		return;
#endif
	for (;;) {
		const unsigned char *p = t->p, *end = t->end;
		size_t len = tok->len;
		unsigned char c;

		while (p < end) {
			char ch = ascii_fold[*p];

			if (ch == 0)
				break;
			if (ch == last) {
				if (++run >= 3 && ch >= 'a')
					tok->flags |= SCAN_TOKF_STRETCHED;
			} else {
				last = ch;
				run = 1;
			}
			if (ch >= 'a')
				alpha = true;
			else
				digit = true;
			if (len < 8)
				w0 |= (uint64_t)(unsigned char)ch << (len * 8);
			else if (len < 16)
				w1 |= (uint64_t)(unsigned char)ch << ((len - 8) * 8);
			if (len < SCAN_TOKEN_MAX)
				tok->text[len++] = ch;
			else
				tok->flags |= SCAN_TOKF_LONG;
			p++;
		}
		t->p = p;
		tok->len = (uint16_t)len;
		if (p >= end)
			break;
		/* any slow step below that continues the word clears clean:
		 * the words are then rebuilt from text by tok_finish() */
		c = *p;
		if (c < 0x80) {
			if (c == '\'' && tok->len > 0 && word_start(t, p + 1)) {
				t->p++;
				clean = false;
				continue;
			}
			if (keep && c != 0 && strchr(keep, c) && word_start(t, p + 1)) {
				char ch = (char)c;

				tok_add(tok, &ch, 1, &last, &run);
				t->p++;
				clean = false;
				continue;
			}
			if (drop && c != 0 && strchr(drop, c) && word_start(t, p + 1)) {
				t->p++;
				clean = false;
				continue;
			}
			break;
		} else {
			clean = false;
			char out[3];
			size_t adv, nout;
			uint32_t cp = scan_utf8_next(p, (size_t)(end - p), &adv);
			enum scan_fold f = scan_fold_cp(cp, out, &nout);

			if (f == SCAN_FOLD_ALNUM) {
				if (out[0] >= '0' && out[0] <= '9')
					digit = true;
				else
					alpha = true;
				tok_add(tok, out, nout, &last, &run);
				t->p += adv;
				continue;
			}
			if (f == SCAN_FOLD_SKIP) {
				t->p += adv;
				continue;
			}
			break;
		}
	}
	if (alpha && digit)
		tok->flags |= SCAN_TOKF_MIXED;
	if (tok->kind == SCAN_TOK_WORD && digit && !alpha)
		tok->kind = SCAN_TOK_NUMBER;
	if (clean) {
		tok->w[0] = w0;
		tok->w[1] = w1;
		tok->wvalid = true;
	}
}

static void
skip_to_space(struct scan_tokenizer *t)
{
	while (t->p < t->end && !ascii_space(*t->p))
		t->p++;
}

/* After an emoji: swallow its modifiers (skin tone, VS16, ZWJ parts). */
static void
skip_invisible(struct scan_tokenizer *t)
{
	while (t->p < t->end && *t->p >= 0x80) {
		char out[3];
		size_t adv, nout;
		uint32_t cp = scan_utf8_next(t->p, (size_t)(t->end - t->p), &adv);

		if (scan_fold_cp(cp, out, &nout) != SCAN_FOLD_SKIP)
			break;
		t->p += adv;
	}
}

static void
set_text(struct scan_token *tok, const char *s)
{
	size_t n = strlen(s);

	if (n > SCAN_TOKEN_MAX)
		n = SCAN_TOKEN_MAX;
	memcpy(tok->text, s, n);
	tok->len = (uint16_t)n;
}

bool
scan_tok_next(struct scan_tokenizer *t, struct scan_token *tok)
{
	while (t->p < t->end) {
		const unsigned char *start;
		unsigned char c;

		/* plain separators (space, comma, quotes, ...) in a tight loop */
		while (t->p < t->end && plain_sep[*t->p])
			t->p++;
		if (t->p >= t->end)
			break;
		start = t->p;
		c = *t->p;

		if (c < 0x80) {
			if (ascii_alnum(c)) {
				if ((c == 'h' || c == 'H') &&
				    (prefix_ci(t->p, t->end, "http://") ||
				     prefix_ci(t->p, t->end, "https://"))) {
					tok_begin(t, tok, start, SCAN_TOK_URL);
					skip_to_space(t);
					tok_finish(t, tok);
					return true;
				}
				if ((c == 'w' || c == 'W') && prefix_ci(t->p, t->end, "www.")) {
					tok_begin(t, tok, start, SCAN_TOK_URL);
					skip_to_space(t);
					tok_finish(t, tok);
					return true;
				}
				tok_begin(t, tok, start, SCAN_TOK_WORD);
				scan_word(t, tok, NULL, NULL);
				if (t->p < t->end && *t->p == '@' && word_start(t, t->p + 1)) {
					/* an e-mail address */
					tok->kind = SCAN_TOK_URL;
					tok->len = 0;
					tok->flags &= (uint8_t) ~(SCAN_TOKF_STRETCHED |
								  SCAN_TOKF_LONG | SCAN_TOKF_MIXED);
					skip_to_space(t);
				}
				tok_finish(t, tok);
				return true;
			}
			if ((c == '#' || c == '@') && word_start(t, t->p + 1)) {
				tok_begin(t, tok, start,
					  c == '#' ? SCAN_TOK_HASHTAG : SCAN_TOK_MENTION);
				tok->text[tok->len++] = (char)c;
				t->p++;
				if (c == '#')
					scan_word(t, tok, NULL, "_");
				else
					scan_word(t, tok, "_.", NULL);
				tok->kind = c == '#' ? SCAN_TOK_HASHTAG : SCAN_TOK_MENTION;
				tok_finish(t, tok);
				return true;
			}
			t->p++;
			if (c == '\n') {
				t->boundary = true;
			} else if (c == '.' || c == '!') {
				if (t->p >= t->end || ascii_space(*t->p) || *t->p == '"' ||
				    *t->p == '\'' || *t->p >= 0x80)
					t->boundary = true;
			} else if (c == '?') {
				while (t->p < t->end && (*t->p == '?' || *t->p == '!'))
					t->p++;
				tok_begin(t, tok, start, SCAN_TOK_QUESTION);
				set_text(tok, "<tanya>");
				tok_finish(t, tok);
				t->boundary = true;
				return true;
			}
			continue;
		}
		{
			char out[3];
			size_t adv, nout;
			uint32_t cp = scan_utf8_next(t->p, (size_t)(t->end - t->p), &adv);
			enum scan_fold f = scan_fold_cp(cp, out, &nout);

			if (f == SCAN_FOLD_ALNUM) {
				tok_begin(t, tok, start, SCAN_TOK_WORD);
				scan_word(t, tok, NULL, NULL);
				tok_finish(t, tok);
				return true;
			}
			t->p += adv;
			if (f == SCAN_FOLD_SYMBOL) {
				const char *e = emoji_find(t, cp);

				if (e) {
					tok_begin(t, tok, start, SCAN_TOK_EMOJI);
					skip_invisible(t);
					set_text(tok, e);
					tok_finish(t, tok);
					return true;
				}
			} else if (cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF0E ||
				   cp == 0x2028 || cp == 0x2029) {
				t->boundary = true; /* … 。 ！ ． line/paragraph separators */
			} else if (cp == 0xFF1F) {
				tok_begin(t, tok, start, SCAN_TOK_QUESTION);
				set_text(tok, "<tanya>");
				tok_finish(t, tok);
				t->boundary = true;
				return true;
			}
		}
	}
	return false;
}
