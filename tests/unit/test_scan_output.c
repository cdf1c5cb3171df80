/*
 * test_scan_output.c - what leaves the engine: the stable JSON shape, the
 * Indonesian explanation, the content hash, evaluation metrics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "scan/scan.h"

static struct scan_lexicon *lex;
static struct scan_ctx *ctx;

static int
setup(void **state)
{
	struct errbuf eb;

	(void)state;
	if (scan_lexicon_load(&lex, NULL, &eb) < 0)
		return -1;
	ctx = scan_ctx_new(lex);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	scan_ctx_free(ctx);
	scan_lexicon_free(lex);
	return 0;
}

static json_t *
to_json(const char *id, const char *text, bool hash, struct buf *out)
{
	struct scan_result r;
	json_error_t jerr;
	json_t *j;

	buf_reset(out);
	scan_text(ctx, text, strlen(text), 0, &r);
	scan_result_json(out, ctx, &r, id, id ? strlen(id) : 0, text, strlen(text), hash);
	assert_true(utf8_valid(out->data, out->len));
	j = json_loadb(out->data, out->len, 0, &jerr);
	if (j == NULL)
		fail_msg("invalid JSON (%s): %s", jerr.text, out->data);
	return j;
}

static void
test_json_shape(void **state)
{
	const char *text = "Pak \"Camat\" ajak coblos 02 \xE2\x9C\x8C\xEF\xB8\x8F\n#AMIN";
	struct buf out;
	json_t *j, *spans, *s;
	size_t i;
	const char *key;
	json_t *v;
	static const char *const order[] = {"id", "label", "score", "items", "spans"};

	(void)state;
	buf_init(&out, (size_t)-1);
	j = to_json("id-\"1\"\n", text, false, &out);
	/* the stable keys, in this order, nothing else */
	i = 0;
	json_object_foreach(j, key, v)
	{
		(void)v;
		assert_true(i < 5);
		assert_string_equal(key, order[i]);
		i++;
	}
	assert_int_equal(i, 5);
	assert_string_equal(json_string_value(json_object_get(j, "id")), "id-\"1\"\n");
	assert_string_equal(json_string_value(json_object_get(j, "label")), "possible_violation");
	spans = json_object_get(j, "spans");
	assert_true(json_array_size(spans) >= 3);
	/* every span names the exact bytes it covers */
	json_array_foreach(spans, i, s)
	{
		json_int_t a = json_integer_value(json_object_get(s, "start"));
		json_int_t b = json_integer_value(json_object_get(s, "end"));
		const char *t = json_string_value(json_object_get(s, "text"));

		assert_true(a >= 0 && b > a && (size_t)b <= strlen(text));
		assert_int_equal(strlen(t), (size_t)(b - a));
		assert_memory_equal(text + a, t, (size_t)(b - a));
		assert_non_null(json_string_value(json_object_get(s, "kind")));
		assert_non_null(json_string_value(json_object_get(s, "concept")));
		assert_true(json_is_number(json_object_get(s, "w")));
	}
	json_decref(j);

	/* invalid UTF-8 in the input never reaches the output */
	j = to_json(NULL, "Camat \xFF\xFE kampanye \xC3", true, &out);
	assert_true(json_is_null(json_object_get(j, "id")));
	assert_int_equal(strlen(json_string_value(json_object_get(j, "hash"))), 32);
	json_decref(j);
	buf_release(&out);
}

static void
test_hash(void **state)
{
	char a[33], b[33], c[33];

	(void)state;
	scan_content_hash("abc", 3, a);
	scan_content_hash("abc", 3, b);
	scan_content_hash("abd", 3, c);
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 32);
	/* BLAKE2b-128 of the empty string */
	scan_content_hash("", 0, a);
	assert_string_equal(a, "cae66941d9efbd404e4d88758ea67670");
}

static void
test_explain(void **state)
{
	const char *text = "Camat menegaskan tidak mendukung paslon mana pun, ASN harus netral.";
	struct scan_result r;
	struct buf out;

	(void)state;
	buf_init(&out, (size_t)-1);
	scan_text(ctx, text, strlen(text), 0, &r);
	scan_result_explain(&out, ctx, &r, text, strlen(text));
	assert_non_null(strstr(out.data, "Label: menyebut netralitas (neutral_mention)"));
	assert_non_null(strstr(out.data, "× tindakan partisan: \"mendukung\""));
	assert_non_null(strstr(out.data, "dinegasikan"));
	assert_non_null(strstr(out.data, "Kesimpulan:"));
	assert_true(utf8_valid(out.data, out.len));
	buf_reset(&out);
	scan_result_summary(&out, ctx, &r, "x1", 2, text, strlen(text));
	assert_non_null(strstr(out.data, "[menyebut netralitas] x1"));
	buf_release(&out);
}

static void
test_eval(void **state)
{
	struct scan_eval ev;
	struct buf out;
	json_t *j, *v;
	json_error_t jerr;

	(void)state;
	memset(&ev, 0, sizeof(ev));
	/* 3 violations: 2 found, 1 called neutral; 1 unrelated called violation */
	scan_eval_add(&ev, SCAN_LABEL_VIOLATION, SCAN_LABEL_VIOLATION);
	scan_eval_add(&ev, SCAN_LABEL_VIOLATION, SCAN_LABEL_VIOLATION);
	scan_eval_add(&ev, SCAN_LABEL_VIOLATION, SCAN_LABEL_NEUTRAL);
	scan_eval_add(&ev, SCAN_LABEL_UNRELATED, SCAN_LABEL_VIOLATION);
	scan_eval_add(&ev, SCAN_LABEL_UNRELATED, SCAN_LABEL_UNRELATED);
	buf_init(&out, (size_t)-1);
	scan_eval_report(&ev, &out, true);
	j = json_loads(out.data, 0, &jerr);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "n")), 5);
	assert_true(json_number_value(json_object_get(j, "accuracy")) == 0.6);
	v = json_object_get(json_object_get(j, "labels"), "possible_violation");
	assert_true(fabs(json_number_value(json_object_get(v, "precision")) - 0.6667) < 1e-4);
	assert_true(fabs(json_number_value(json_object_get(v, "recall")) - 0.6667) < 1e-4);
	v = json_object_get(json_object_get(j, "labels"), "neutral_mention");
	assert_true(json_number_value(json_object_get(v, "precision")) == 0); /* undefined: 0 */
	v = json_object_get(json_object_get(j, "confusion"), "possible_violation");
	assert_int_equal(json_integer_value(json_object_get(v, "neutral_mention")), 1);
	json_decref(j);
	buf_reset(&out);
	scan_eval_report(&ev, &out, false);
	assert_non_null(strstr(out.data, "Matriks kebingungan"));
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_shape),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_eval),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
