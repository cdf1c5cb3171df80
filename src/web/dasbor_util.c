/*
 * dasbor_util.c - see dasbor_util.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "core/xalloc.h"
#include "web/dasbor_util.h"
#include "web/i18n.h"
#include "web/web.h"

void
dasbor_fmt_int(char *out, size_t outsz, int64_t v, bool en)
{
	char tmp[32];
	size_t o = 0;
	int n, i;

	if (outsz == 0)
		return;
	if (v < 0 && o + 1 < outsz) {
		out[o++] = '-';
		v = v == INT64_MIN ? INT64_MAX : -v;
	}
	n = snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
	for (i = 0; i < n && o + 2 < outsz; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = en ? ',' : '.';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

json_t *
dasbor_int_json(int64_t v, bool en)
{
	char s[32];

	dasbor_fmt_int(s, sizeof(s), v, en);
	return json_string(s);
}

const char *
dasbor_label(const struct i18n *l, const char *prefix, const char *id, const char *fallback)
{
	char key[128];
	const char *v;

	snprintf(key, sizeof(key), "%s.%s", prefix, id ? id : "");
	v = i18n_get(l, key);
	return v == key || strcmp(v, key) == 0 ? (fallback ? fallback : id) : v;
}

bool
dasbor_lang_en(struct http_request *req)
{
	return strcmp(i18n_lang(web_lang(req)), "en") == 0;
}

const char *
dasbor_cell_text(struct http_request *req, json_t *cell, int64_t threshold, bool *hidden,
		 int64_t *value)
{
	const char *sup = json_string_value(json_object_get(cell, "suppressed"));
	json_t *n = json_object_get(cell, "n"), *r = json_object_get(cell, "rounded");
	bool en = dasbor_lang_en(req);
	char num[32];

	if (hidden)
		*hidden = true;
	if (value)
		*value = 0;
	if (sup && strcmp(sup, "complementary") == 0) {
		dasbor_fmt_int(num, sizeof(num), threshold, en);
		return arena_printf(&req->arena, "≥ %s", num);
	}
	if (sup) {
		dasbor_fmt_int(num, sizeof(num), threshold, en);
		return arena_printf(&req->arena, "< %s", num);
	}
	if (r) {
		dasbor_fmt_int(num, sizeof(num), json_integer_value(r), en);
		return arena_printf(&req->arena, "≈ %s", num);
	}
	if (hidden)
		*hidden = false;
	if (value)
		*value = json_integer_value(n);
	dasbor_fmt_int(num, sizeof(num), json_integer_value(n), en);
	return arena_strdup(&req->arena, num);
}

json_t *
dasbor_svg_json(struct buf *svg)
{
	json_t *j = json_stringn(buf_cstr(svg), svg->len);

	buf_release(svg);
	return j;
}
