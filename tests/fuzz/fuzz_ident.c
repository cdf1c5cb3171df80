/*
 * fuzz_ident.c - every identifier parser (auto, NIP, NI PPPK, NIK), the
 * normalizer and detector, and the region lookups and search that take
 * user text (API path and query parameters), over arbitrary bytes.
 *
 * Besides "no crash", it checks the invariants callers rely on: the
 * return code matches out->valid, an invalid result has a stable code and
 * positions within the number, and the result always renders to JSON
 * (jansson refuses invalid UTF-8, so a NULL here means we leaked raw
 * input bytes into a message).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "ident/ident.h"
#include "ident/ident_json.h"
#include "ident/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct region_table *regions;
static struct ident_limits limits;

static void
check(const struct ident_result *r, int rc)
{
	struct buf b = BUF_INIT;
	json_t *j;
	char *s;

	if ((rc == 0) != r->valid)
		abort();
	if (!r->valid && r->fault.code == NULL)
		abort();
	if (r->fault.from < 0 || r->fault.to > IDENT_INPUT_MAX || r->fault.from > r->fault.to)
		abort();
	if (r->valid && r->kind == IDENT_UNKNOWN)
		abort();
	if (r->nwarnings > IDENT_WARNINGS_MAX)
		abort();
	j = r->valid ? ident_result_json(r) : ident_problem_json(r);
	if (j == NULL)
		abort();
	s = json_dumps(j, JSON_COMPACT);
	if (s == NULL)
		abort();
	free(s);
	json_decref(j);
	ident_explain(r, &b);
	if (b.len == 0)
		abort();
	buf_release(&b);
}

static void
regions_with_text(const char *q)
{
	struct region_hit hits[5];
	struct region reg, chain[4], kids[8];
	struct errbuf eb;
	size_t n, total;

	/* name search over one province's subtree: the same scan and ranking as
	 * over the whole table, at a speed that lets the fuzzer explore (ASan's
	 * memmem is slow on the 1.2 MB of names); code prefixes over everything */
	if (region_search(regions, q, 0, "64", 5, hits, &n, &total, &eb) == 0 && n > total)
		abort();
	if (q[0] >= '0' && q[0] <= '9' &&
	    region_search(regions, q, 0, NULL, 5, hits, &n, &total, &eb) == 0 && n > total)
		abort();
	if (region_search(regions, "", 2, q, 5, hits, &n, &total, &eb) == 0 && n > 5)
		abort();
	if (region_find(regions, q, &reg) == 0 && strcmp(reg.code, q) != 0 && strlen(q) != 4 &&
	    strlen(q) != 6 && strlen(q) != 10)
		abort(); /* only the plain-digit forms may differ from the dotted code */
	if (region_parent_chain(regions, q, chain) > 4)
		abort();
	(void)region_children(regions, q, kids, 8, &n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct ident_result *r;
	struct ident_opts o;
	struct errbuf eb;
	char out[IDENT_INPUT_MAX + 1], q[300];

	if (regions == NULL) {
		if (region_table_load(&regions, NULL, &eb) < 0 ||
		    ident_limits_load(&limits, NULL, &eb) < 0)
			abort();
	}
	r = malloc(sizeof(*r));
	if (r == NULL)
		return 0;
	memset(&o, 0, sizeof(o));
	o.regions = regions;
	o.limits = &limits;
	o.today.year = 2025;
	o.today.month = 6;
	o.today.day = 1;
	check(r, ident_parse(p, size, &o, r, &eb));
	check(r, ident_parse_nip(p, size, &o, r, &eb));
	check(r, ident_parse_ni_pppk(p, size, &o, r, &eb));
	check(r, ident_parse_nik(p, size, &o, r, &eb));
	o.today.year = 0; /* no "today": both NIK centuries */
	o.limits = NULL;
	check(r, ident_parse(p, size, &o, r, &eb));
	free(r);

	(void)ident_detect(p, size);
	if (ident_normalize(p, size, out, sizeof(out)) < sizeof(out) && strlen(out) > size)
		abort();
	if (size < sizeof(q)) {
		memcpy(q, data, size);
		q[size] = '\0';
		regions_with_text(q);
	}
	return 0;
}
