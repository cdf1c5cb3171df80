/*
 * cmd_render.c - `netra render TEMPLATE [--lang id|en] < FIXTURE.json`:
 * render one template with a JSON context from stdin, for the golden
 * template tests (tests/golden/templates.sh) and for designing pages.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "web/i18n.h"
#include "web/tmpl.h"

static const struct cli_opt render_opts[] = {
	{"lang", "LANG", "catalog for {{@key}}: id (default) or en"},
	{NULL, NULL, NULL},
};

static int
run_render(struct cli *cli)
{
	const char *lang = cli_opt(cli, "lang") ? cli_opt(cli, "lang") : "id";
	struct tmpl_set *set = NULL;
	struct i18n *cat = NULL;
	struct errbuf eb;
	json_error_t jerr;
	struct buf out = BUF_INIT;
	json_t *ctx;
	int rc = CLI_FAIL;

	if (cli->nargs != 1)
		return cli_usage_error(cli, "expected one TEMPLATE name");
	ctx = json_loadf(stdin, 0, &jerr);
	if (ctx == NULL)
		return cli_fail("fixture: %s (line %d)", jerr.text, jerr.line);
	if (tmpl_set_load(&set, cli->cfg.assets_dir, &eb) < 0 ||
	    i18n_load_embedded(lang, &cat, &eb) < 0 ||
	    tmpl_render(set, cli->args[0], ctx, cat, &out, &eb) < 0) {
		cli_fail("%s", eb.msg);
		goto out;
	}
	fwrite(buf_cstr(&out), 1, out.len, stdout);
	rc = CLI_OK;
out:
	buf_release(&out);
	json_decref(ctx);
	i18n_free(cat);
	tmpl_set_free(set);
	return rc;
}

const struct cli_cmd cmd_render = {
	.name = "render",
	.usage = "TEMPLATE [--lang id|en] < FIXTURE.json",
	.summary = "Render one page template with a JSON context (golden tests, design).",
	.opts = render_opts,
	.run = run_render,
};
