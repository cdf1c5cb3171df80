/*
 * names.c - name normalisation and a small text similarity (see names.h).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cases/names.h"

static bool
is_title(const char *w, size_t n)
{
	static const char *const titles[] = {
		"h",   "hj",  "dr",  "drs",  "dra",  "ir",  "prof", "kh",   "ust",  "ustadz",
		"tgh", "st",  "sh",  "se",   "spd",  "sag", "sip",  "sos",  "ssos", "skm",
		"mh",  "msi", "mm",  "mpd",  "mag",  "ssi", "skom", "sst",  "amd",  "bsc",
		"msc", "phd", "apt", "skep", "ners", "mt",  "stp",  "mkes",
	};
	size_t i;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strlen(titles[i]) == n && strncmp(titles[i], w, n) == 0)
			return true;
	return false;
}

/* Whether the word so far and the letters after a '.' make a title
 * ("m" + "si" = "msi"), so "M.Si." is one title but "H.Ahmad" two words. */
static bool
joins_title(const char *w, size_t wl, const char *next)
{
	char cand[16];
	size_t n = wl;

	if (wl >= sizeof(cand))
		return false;
	memcpy(cand, w, wl);
	while (isalpha((unsigned char)*next) && n < sizeof(cand))
		cand[n++] = (char)tolower((unsigned char)*next++);
	return n < sizeof(cand) && !isalnum((unsigned char)*next) && is_title(cand, n);
}

void
name_normalize(const char *in, char *out, size_t outsz)
{
	char word[64];
	size_t o = 0, wl = 0;
	const char *p = in ? in : "";

	if (outsz == 0)
		return;
	out[0] = '\0';
	for (;; p++) {
		unsigned char ch = (unsigned char)*p;

		/* a word is letters and digits; '.' inside titles ("S.Pd") joins */
		if (isalnum(ch) || ch >= 0x80) {
			if (wl + 1 < sizeof(word))
				word[wl++] = (char)(ch < 0x80 ? tolower(ch) : ch);
			continue;
		}
		if (ch == '.' && wl > 0 && isalpha((unsigned char)p[1]) &&
		    (p[2] == '.' || joins_title(word, wl, p + 1)))
			continue; /* "s.h.", "m.si.", "s.pd." keep joining */
		if (wl > 0 && !is_title(word, wl)) {
			if (o && o + 1 < outsz)
				out[o++] = ' ';
			if (o + wl < outsz) {
				memcpy(out + o, word, wl);
				o += wl;
			}
			out[o] = '\0';
		}
		wl = 0;
		if (ch == '\0')
			break;
	}
}

#define SIM_MAX_WORDS 400

static size_t
words(const char *s, char (*w)[24], size_t max)
{
	size_t n = 0, len = 0;
	char cur[24];

	for (;; s++) {
		unsigned char ch = (unsigned char)*s;

		if (isalnum(ch) || ch >= 0x80) {
			if (len + 1 < sizeof(cur))
				cur[len++] = (char)(ch < 0x80 ? tolower(ch) : ch);
			continue;
		}
		if (len >= 3 && n < max) {
			size_t k;
			bool dup = false;

			cur[len] = '\0';
			for (k = 0; k < n && !dup; k++)
				dup = strcmp(w[k], cur) == 0;
			if (!dup)
				memcpy(w[n++], cur, len + 1);
		}
		len = 0;
		if (ch == '\0')
			break;
	}
	return n;
}

double
text_similarity(const char *a, const char *b)
{
	char(*wa)[24] = malloc(sizeof(*wa) * SIM_MAX_WORDS);
	char(*wb)[24] = malloc(sizeof(*wb) * SIM_MAX_WORDS);
	size_t na, nb, i, k, common = 0;
	double r = 0;

	if (wa == NULL || wb == NULL)
		goto out;
	na = words(a ? a : "", wa, SIM_MAX_WORDS);
	nb = words(b ? b : "", wb, SIM_MAX_WORDS);
	for (i = 0; i < na; i++)
		for (k = 0; k < nb; k++)
			if (strcmp(wa[i], wb[k]) == 0) {
				common++;
				break;
			}
	if (na + nb - common > 0)
		r = (double)common / (double)(na + nb - common);
out:
	free(wa);
	free(wb);
	return r;
}
