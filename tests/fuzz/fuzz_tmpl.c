/*
 * fuzz_tmpl.c - template compiler and renderer on arbitrary templates,
 * rendered against a fixed context.  The rendered output of {{var}} must
 * never contain a raw '<' coming from the context.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/tmpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl *t;
	struct errbuf eb;
	struct buf out;
	json_t *ctx;

	if (tmpl_compile("fuzz", (const char *)data, size, &t, &eb) < 0)
		return 0;
	ctx = json_pack("{s:s, s:i, s:b, s:[{s:s},{s:s}], s:{s:s}}", "name", "<script>x</script>",
			"n", 3, "yes", 1, "items", "v", "a<b", "v", "c&d", "obj", "inner", "\"q\"");
	buf_init(&out, 1 << 20);
	tmpl_render_one(t, ctx, NULL, &out, &eb);
	buf_release(&out);
	json_decref(ctx);
	tmpl_free(t);
	return 0;
}
