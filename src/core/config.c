/*
 * config.c - the option table and its loaders (see config.h).
 *
 * INI parsing is libinih's; this file validates each key against the
 * table and converts values.  Unknown keys are errors: a misspelt option
 * silently ignored is a legal reading silently changed.
 */
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "str.h"
#include "xalloc.h"

#define OPT(sec, key, env, type, field, def, help)                                                 \
	{                                                                                          \
		sec, key, env, type, offsetof(struct config, field),                               \
			sizeof(((struct config *)0)->field), def, help                             \
	}

const struct config_option config_options[] = {
	OPT("server", "data", "NETRA_DATA", CONFIG_STRING, data_dir, "./var",
	    "data directory: database, evidence files, keys"),
	OPT("server", "db", "NETRA_DB", CONFIG_STRING, db_url, "",
	    "database URL; empty means SQLite at DATA/netra.db"),
	OPT("server", "listen", "NETRA_LISTEN", CONFIG_STRING, listen, "127.0.0.1:8080",
	    "address and port to listen on; port 0 picks a free port"),
	OPT("server", "port_file", "NETRA_PORT_FILE", CONFIG_STRING, port_file, "",
	    "write the port actually bound to this file"),
	OPT("server", "assets_dir", "NETRA_ASSETS_DIR", CONFIG_STRING, assets_dir, "",
	    "serve templates and static files from this directory (development)"),
	OPT("server", "knowledge_dir", "NETRA_KNOWLEDGE_DIR", CONFIG_STRING, knowledge_dir, "",
	    "read rules, calendars and regions from this directory instead of the built-in copy"),
	OPT("server", "base_url", "NETRA_BASE_URL", CONFIG_STRING, base_url, "",
	    "public URL printed on receipts and QR codes; empty means http://LISTEN"),
	OPT("server", "now", "NETRA_NOW", CONFIG_STRING, now, "",
	    "pretend the clock reads this ISO 8601 moment (replays, demos, training)"),
	OPT("server", "log_level", "NETRA_LOG_LEVEL", CONFIG_STRING, log_level, "info",
	    "debug, info, warn, error or quiet"),
	OPT("server", "threads", "NETRA_THREADS", CONFIG_INT, threads, "4", "HTTP worker threads"),
	OPT("server", "max_body", "NETRA_MAX_BODY", CONFIG_SIZE, max_body, "10M",
	    "largest request body accepted; larger bodies get 413"),
	OPT("server", "max_header", "NETRA_MAX_HEADER", CONFIG_SIZE, max_header, "32K",
	    "memory for one connection's request line and headers"),
	OPT("server", "max_connections", "NETRA_MAX_CONNECTIONS", CONFIG_INT, max_connections,
	    "1024", "simultaneous connections"),
	OPT("server", "timeout", "NETRA_TIMEOUT", CONFIG_INT, timeout_s, "30",
	    "seconds an idle connection is kept"),
	OPT("server", "calendar_refresh", "NETRA_CALENDAR_REFRESH", CONFIG_INT, calendar_refresh_s,
	    "5", "seconds between checks for a calendar changed by the CLI or another node"),
	OPT("server", "access_log", "NETRA_ACCESS_LOG", CONFIG_BOOL, access_log, "true",
	    "log one line per request on stderr"),
	OPT("server", "log_client_ip", "NETRA_LOG_CLIENT_IP", CONFIG_BOOL, log_client_ip, "false",
	    "include client IP addresses in the access log (off: protects reporters)"),
	OPT("store", "readers", "NETRA_STORE_READERS", CONFIG_INT, store_readers, "8",
	    "read connections in the pool"),
	OPT("store", "batch", "NETRA_STORE_BATCH", CONFIG_INT, store_batch, "256",
	    "most writes committed in one group-commit transaction"),
	OPT("store", "files", "NETRA_FILES", CONFIG_STRING, files_dir, "",
	    "directory of evidence files; empty means DATA.  Nodes sharing one PostgreSQL "
	    "database must all name one shared directory here"),
	OPT("rules", "d8_level", "NETRA_D8_LEVEL", CONFIG_STRING, d8_level, "berat",
	    "SKB 2022 D-8 level: berat (Kompas, NTBSatu) or sedang (Tribunnews)"),
	OPT("rules", "d9_reading", "NETRA_D9_READING", CONFIG_STRING, d9_reading, "split",
	    "SKB 2022 D-9/D-10: split (sedang before penetapan, berat after) or merged (berat)"),
	OPT("rules", "pp94_angka1_level", "NETRA_PP94_ANGKA1_LEVEL", CONFIG_STRING,
	    pp94_angka1_level, "sedang", "PP 94/2021 Pasal 5 huruf n angka 1 level (unconfirmed)"),
	OPT("rules", "pemilu_laporan_unit", "NETRA_PEMILU_LAPORAN_UNIT", CONFIG_STRING,
	    pemilu_laporan_unit, "hari_kerja",
	    "unit of the 7-day Pemilu filing limit: hari_kerja (UU 7/2017) or hari"),
	OPT("rules", "cuti_bersama_is_workday", "NETRA_CUTI_BERSAMA_IS_WORKDAY", CONFIG_BOOL,
	    cuti_bersama_is_workday, "false", "count cuti bersama as working days"),
	OPT("rules", "ppk_tindak_lanjut_days", "NETRA_PPK_TINDAK_LANJUT_DAYS", CONFIG_INT,
	    ppk_tindak_lanjut_days, "14", "days the PPK has to act on a recommendation"),
	OPT("intake", "rate_per_min", "NETRA_INTAKE_RATE_PER_MIN", CONFIG_INT, intake_rate_per_min,
	    "20", "public reports accepted per client per minute"),
	OPT("intake", "evidence_max", "NETRA_EVIDENCE_MAX", CONFIG_SIZE, evidence_max_bytes, "8M",
	    "largest single evidence file"),
	OPT("ui", "lang", "NETRA_LANG", CONFIG_STRING, lang, "id", "default UI language: id or en"),
};

const size_t config_options_count = sizeof(config_options) / sizeof(config_options[0]);

static const struct config_option *
find_option(const char *section, const char *name)
{
	size_t i;

	for (i = 0; i < config_options_count; i++) {
		const struct config_option *o = &config_options[i];

		if (strcmp(o->name, name) == 0 &&
		    (section == NULL || strcmp(o->section, section) == 0))
			return o;
	}
	return NULL;
}

static int
parse_size(const char *v, long *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || n < 0)
		return -1;
	if (*end == 'K' || *end == 'k') {
		n = n > (1L << 53) ? -1 : n * 1024;
		end++;
	} else if (*end == 'M' || *end == 'm') {
		n = n > (1L << 43) ? -1 : n * 1024 * 1024;
		end++;
	} else if (*end == 'G' || *end == 'g') {
		n = n > (1L << 33) ? -1 : n * 1024 * 1024 * 1024;
		end++;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end != '\0' || n < 0)
		return -1;
	*out = n;
	return 0;
}

static int
set_option(struct config *c, const struct config_option *o, const char *value, struct errbuf *eb)
{
	char *field = (char *)c + o->offset;

	switch (o->type) {
	case CONFIG_STRING:
		if (cstr_copy(field, o->size, value) < 0)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, o->name,
						"nilai %s.%s terlalu panjang (maksimal %zu byte)",
						o->section, o->name, o->size - 1);
		return 0;
	case CONFIG_INT: {
		int64_t v;

		if (str_to_i64(str_trim(str_from(value)), &v) < 0 || v < 0 || v > 1000000000)
			return errbuf_set_field(
				eb, ERR_INVALID_INPUT, o->name,
				"%s.%s harus bilangan bulat 0..1000000000, bukan '%s'", o->section,
				o->name, value);
		*(long *)(void *)field = (long)v;
		return 0;
	}
	case CONFIG_SIZE:
		if (parse_size(value, (long *)(void *)field) < 0)
			return errbuf_set_field(
				eb, ERR_INVALID_INPUT, o->name,
				"%s.%s harus ukuran seperti 512K, 10M atau 1G, bukan "
				"'%s'",
				o->section, o->name, value);
		return 0;
	case CONFIG_BOOL:
		if (!strcasecmp(value, "true") || !strcasecmp(value, "yes") ||
		    !strcasecmp(value, "on") || !strcmp(value, "1")) {
			*(bool *)(void *)field = true;
		} else if (!strcasecmp(value, "false") || !strcasecmp(value, "no") ||
			   !strcasecmp(value, "off") || !strcmp(value, "0")) {
			*(bool *)(void *)field = false;
		} else {
			return errbuf_set_field(eb, ERR_INVALID_INPUT, o->name,
						"%s.%s harus true atau false, bukan '%s'",
						o->section, o->name, value);
		}
		return 0;
	}
	return errbuf_set(eb, ERR_INTERNAL, "unknown option type");
}

void
config_init(struct config *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < config_options_count; i++)
		if (set_option(c, &config_options[i], config_options[i].def, NULL) < 0)
			die("bad default for option %s", config_options[i].name);
}

int
config_set(struct config *c, const char *section, const char *name, const char *value,
	   struct errbuf *eb)
{
	const struct config_option *o = find_option(section, name);

	if (o == NULL)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, name, "opsi tidak dikenal: %s%s%s",
					section ? section : "", section ? "." : "", name);
	return set_option(c, o, value, eb);
}

struct ini_ctx {
	struct config *c;
	struct errbuf *eb;
	int failed;
};

static int
config_ini_entry(void *user, const char *section, const char *name, const char *value)
{
	struct ini_ctx *ctx = user;

	if (ctx->failed)
		return 0;
	if (name == NULL)
		return 1; /* section header alone */
	if (config_set(ctx->c, section, name, value, ctx->eb) < 0) {
		ctx->failed = 1;
		return 0;
	}
	return 1;
}

int
config_parse_string(struct config *c, const char *text, const char *source, struct errbuf *eb)
{
	struct errbuf local;
	struct ini_ctx ctx = {c, &local, 0};
	int line;

	errbuf_clear(&local);
	line = ini_parse_string(text, config_ini_entry, &ctx);
	if (line == 0)
		return 0;
	if (ctx.failed)
		return errbuf_set_field(eb, local.kind, local.field, "%s:%d: %s", source, line,
					local.msg);
	return errbuf_set(eb, ERR_INVALID_INPUT, "%s:%d: baris INI tidak dapat dibaca", source,
			  line);
}

int
config_load_file(struct config *c, const char *path, struct errbuf *eb)
{
	FILE *f = fopen(path, "r");
	char *text;
	long n;
	int rc;

	if (f == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "tidak dapat membuka berkas konfigurasi %s: %s", path,
				  strerror(errno));
	if (fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0 || n > (1 << 20) ||
	    fseek(f, 0, SEEK_SET) < 0) {
		fclose(f);
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "berkas konfigurasi %s terlalu besar atau "
				  "tidak dapat dibaca",
				  path);
	}
	text = xmalloc((size_t)n + 1);
	if (fread(text, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(text);
		return errbuf_set(eb, ERR_INVALID_INPUT, "gagal membaca %s", path);
	}
	text[n] = '\0';
	fclose(f);
	rc = config_parse_string(c, text, path, eb);
	free(text);
	return rc;
}

int
config_load_env(struct config *c, struct errbuf *eb)
{
	size_t i;

	for (i = 0; i < config_options_count; i++) {
		const char *v = getenv(config_options[i].env);

		if (v && set_option(c, &config_options[i], v, eb) < 0)
			return -1;
	}
	return 0;
}

void
config_dump(const struct config *c, FILE *out)
{
	const char *section = "";
	size_t i;

	for (i = 0; i < config_options_count; i++) {
		const struct config_option *o = &config_options[i];
		const char *field = (const char *)c + o->offset;

		if (strcmp(section, o->section) != 0) {
			fprintf(out, "%s[%s]\n", i ? "\n" : "", o->section);
			section = o->section;
		}
		fprintf(out, "; %s (env %s)\n%s = ", o->help, o->env, o->name);
		switch (o->type) {
		case CONFIG_STRING: fprintf(out, "%s\n", field); break;
		case CONFIG_INT:
		case CONFIG_SIZE: fprintf(out, "%ld\n", *(const long *)(const void *)field); break;
		case CONFIG_BOOL:
			fprintf(out, "%s\n", *(const bool *)(const void *)field ? "true" : "false");
			break;
		}
	}
}

const char *
config_files_dir(const struct config *c)
{
	return c->files_dir[0] ? c->files_dir : c->data_dir;
}
