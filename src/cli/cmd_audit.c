/*
 * cmd_audit.c - `netra audit verify`: walk the hash-chained event log and
 * say where it breaks, if it does.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit/audit.h"
#include "cli/cli.h"
#include "store/store.h"

static const struct cli_opt audit_opts[] = {
	{"json", NULL, "print the result as JSON"},
	{NULL, NULL, NULL},
};

static int
run_audit(struct cli *cli)
{
	struct store_opts so = {cli->cfg.data_dir, cli->cfg.db_url, 1, 1, true};
	struct audit_report r;
	struct store_status ss;
	struct store *st;
	struct errbuf eb;
	char head[AUDIT_HASH_LEN * 2 + 1];
	int rc;

	if (cli->nargs != 1 || strcmp(cli->args[0], "verify") != 0)
		return cli_usage_error(cli, "expected: verify");
	if (store_open(&st, &so, &eb) < 0)
		return cli_fail("%s", eb.msg);
	/* verify reads, it never migrates: a database without the current
	 * schema (no events table yet) is named as such, not as a SQL error */
	if (store_status_get(st, false, &ss, &eb) < 0) {
		store_close(st);
		return cli_fail("audit: %s", eb.msg);
	}
	if (ss.schema_version < ss.latest_version) {
		store_close(st);
		return cli_fail("audit: basis data %s belum dimigrasi (skema %d dari %d); "
				"jalankan `netra db migrate` lebih dulu",
				ss.path, ss.schema_version, ss.latest_version);
	}
	rc = audit_verify(st, &r, &eb);
	store_close(st);
	if (rc < 0)
		return cli_fail("audit: %s", eb.msg);
	sodium_bin2hex(head, sizeof(head), r.head, AUDIT_HASH_LEN);
	if (cli_flag(cli, "json")) {
		printf("{\"intact\":%s,\"checked\":%lld,\"head\":\"%s\"",
		       rc == 0 ? "true" : "false", (long long)r.checked, head);
		if (rc)
			printf(",\"first_bad_id\":%lld", (long long)r.bad_id);
		printf("}\n");
	} else if (rc == 0 && r.checked == 0) {
		printf("log audit utuh: 0 entri (log masih kosong)\n");
	} else if (rc == 0) {
		printf("log audit utuh: %lld entri diperiksa; hash terakhir %s\n",
		       (long long)r.checked, head);
	} else {
		printf("log audit RUSAK pada entri %lld: %s\n(%lld entri diperiksa sampai titik "
		       "itu)\n",
		       (long long)r.bad_id, r.problem, (long long)r.checked);
	}
	return rc == 0 ? CLI_OK : CLI_FAIL;
}

const struct cli_cmd cmd_audit = {
	.name = "audit",
	.usage = "verify [--json]",
	.summary = "Check the hash-chained audit log for altered, removed or reordered entries.",
	.description =
		"Exits 0 when the chain is intact, 1 when it is broken (and names the first\n"
		"entry where it breaks).",
	.opts = audit_opts,
	.run = run_audit,
};
