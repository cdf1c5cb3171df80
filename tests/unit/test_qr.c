/*
 * test_qr.c - QR code SVG: well-formed SVG (parsed with libxml2), the
 * attributes the pages rely on, and the path covering exactly the dark
 * modules of the symbol libqrencode makes for the same text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <qrencode.h>

#include "cases/qr.h"

/* 38 bytes: more than version 2 holds at level M (26 bytes in 8-bit
 * mode), so the symbol is version 3, 29 modules, 37 with the quiet zone. */
static const char url[] = "https://netra.example.id/s/ABCD-EFGH-J";

static char *
attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? strdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* Rebuild the module matrix (w x w, no quiet zone) from the path data,
 * which must be made only of runs "h n v1 h-n z", the first placed with
 * "M x y", the others with "m dx dy" from the previous run's start. */
static unsigned char *
modules_from_path(const char *d, int w)
{
	unsigned char *m = calloc((size_t)w * (size_t)w, 1);
	const char *p = d;
	int x = 0, y = 0;

	while (*p) {
		int dx, dy, n, n2, used = 0, i;
		char cmd;

		assert_int_equal(sscanf(p, "%c%d %dh%dv1h-%dz%n", &cmd, &dx, &dy, &n, &n2, &used),
				 5);
		assert_true(used > 0);
		assert_int_equal(n, n2);
		if (p == d) {
			assert_int_equal(cmd, 'M');
			x = dx - QR_QUIET_ZONE;
			y = dy - QR_QUIET_ZONE;
		} else {
			assert_int_equal(cmd, 'm');
			x += dx;
			y += dy;
		}
		assert_true(x >= 0 && y >= 0 && n > 0 && x + n <= w && y < w);
		for (i = 0; i < n; i++) {
			assert_int_equal(m[y * w + x + i], 0); /* runs never overlap */
			m[y * w + x + i] = 1;
		}
		p += used;
	}
	return m;
}

static void
test_structure(void **state)
{
	struct buf b = BUF_INIT;
	xmlDoc *doc;
	xmlNode *root, *n, *rect = NULL, *path = NULL;
	QRcode *qr;
	unsigned char *m;
	char *v, want[64];
	int x, y, total, nrect = 0, npath = 0;

	(void)state;
	assert_int_equal(qr_svg(url, "Kode QR status laporan", &b, NULL), 0);
	assert_null(strstr(b.data, "style"));
	assert_null(strstr(b.data, "script"));
	doc = xmlReadMemory(b.data, (int)b.len, "qr.svg", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "svg");
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href, "http://www.w3.org/2000/svg");

	qr = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	assert_non_null(qr);
	assert_int_equal(qr->version, 3);
	assert_int_equal(qr->width, 17 + 4 * qr->version);
	total = qr->width + 2 * QR_QUIET_ZONE;
	assert_int_equal(total, 37);

	v = attr(root, "viewBox");
	assert_string_equal(v, "0 0 37 37");
	free(v);
	v = attr(root, "width");
	assert_string_equal(v, "35mm");
	free(v);
	v = attr(root, "height");
	assert_string_equal(v, "35mm");
	free(v);
	v = attr(root, "role");
	assert_string_equal(v, "img");
	free(v);
	v = attr(root, "aria-label");
	assert_string_equal(v, "Kode QR status laporan");
	free(v);
	v = attr(root, "shape-rendering");
	assert_string_equal(v, "crispEdges");
	free(v);

	for (n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "rect") == 0) {
			rect = n;
			nrect++;
		} else if (strcmp((const char *)n->name, "path") == 0) {
			path = n;
			npath++;
		} else {
			fail_msg("unexpected element %s", (const char *)n->name);
		}
	}
	assert_int_equal(nrect, 1);
	assert_int_equal(npath, 1);
	snprintf(want, sizeof(want), "%d", total);
	v = attr(rect, "width");
	assert_string_equal(v, want);
	free(v);
	v = attr(rect, "fill");
	assert_string_equal(v, "#fff");
	free(v);
	v = attr(path, "fill");
	assert_string_equal(v, "#000");
	free(v);

	/* the path is exactly the dark modules */
	v = attr(path, "d");
	m = modules_from_path(v, qr->width);
	for (y = 0; y < qr->width; y++)
		for (x = 0; x < qr->width; x++)
			assert_int_equal(m[y * qr->width + x], qr->data[y * qr->width + x] & 1);
	/* finder pattern top-left: a full row of 7 at the quiet-zone corner */
	assert_true(strncmp(v, "M4 4h7v1h-7z", 12) == 0);
	for (x = 0; x < 7; x++)
		assert_int_equal(m[x], 1);
	assert_int_equal(m[7], 0);
	free(v);
	free(m);
	QRcode_free(qr);
	xmlFreeDoc(doc);
	buf_release(&b);
}

static void
test_deterministic(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;

	(void)state;
	assert_int_equal(qr_svg(url, NULL, &a, NULL), 0);
	assert_int_equal(qr_svg(url, NULL, &b, NULL), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	assert_non_null(strstr(a.data, "aria-label=\"Kode QR\""));
	assert_int_equal(qr_svg("https://netra.example.id/s/ABCD-EFGH-K", NULL, &c, NULL), 0);
	assert_true(c.len != a.len || memcmp(a.data, c.data, a.len) != 0);
	/* compact: one path, not a rect per module (about 15 KB) */
	printf("# version 3 SVG: %zu bytes\n", a.len);
	assert_true(a.len < 3500);
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

static void
test_label_escaped_and_appended(void **state)
{
	struct buf b = BUF_INIT;
	xmlDoc *doc;
	char *v;

	(void)state;
	buf_addstr(&b, "<p>");
	assert_int_equal(qr_svg("ABC", "kode \"<x>\" & 'y'", &b, NULL), 0);
	assert_true(strncmp(b.data, "<p><svg ", 8) == 0);
	assert_non_null(strstr(b.data, "&lt;x&gt;"));
	doc = xmlReadMemory(b.data + 3, (int)b.len - 3, "qr.svg", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	v = attr(xmlDocGetRootElement(doc), "aria-label");
	assert_string_equal(v, "kode \"<x>\" & 'y'");
	free(v);
	xmlFreeDoc(doc);
	buf_release(&b);
}

static void
test_errors(void **state)
{
	struct buf b = BUF_INIT, small;
	struct errbuf eb;
	char *big = malloc(4001);

	(void)state;
	assert_int_equal(qr_svg(NULL, NULL, &b, &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	assert_int_equal(qr_svg("", NULL, &b, &eb), -1);
	memset(big, 'a', 4000);
	big[4000] = '\0';
	assert_int_equal(qr_svg(big, NULL, &b, &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
	assert_int_equal(b.len, 0);
	/* the largest 8-bit payload at level M, version 40 */
	big[2331] = '\0';
	assert_int_equal(qr_svg(big, NULL, &b, &eb), 0);
	assert_non_null(strstr(b.data, "viewBox=\"0 0 185 185\""));
	buf_release(&b);
	/* a capped buffer: error, nothing left behind */
	buf_init(&small, 200);
	buf_addstr(&small, "x");
	assert_int_equal(qr_svg(url, NULL, &small, &eb), -1);
	assert_int_equal(eb.kind, ERR_INTERNAL);
	assert_int_equal(small.len, 1);
	buf_release(&small);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_label_escaped_and_appended),
		cmocka_unit_test(test_errors),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	xmlCleanupParser();
	return rc;
}
