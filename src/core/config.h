/*
 * config.h - runtime configuration: one table of options, four sources.
 *
 * Precedence, lowest first: built-in defaults, the INI file (--config),
 * NETRA_* environment variables, command-line flags.  Every option lives
 * in config_options[] (config.c) with its section, key, environment name,
 * type, default and help; nothing else defines an option.
 */
#ifndef NETRA_CORE_CONFIG_H
#define NETRA_CORE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

struct config {
	/* [server] */
	char data_dir[512];
	char db_url[512];
	char listen[128];
	char port_file[512];
	char assets_dir[512];
	char knowledge_dir[512];
	char base_url[256];
	char now[64];
	char log_level[16];
	long threads;
	long max_body;
	long max_header;
	long max_connections;
	long timeout_s;
	long calendar_refresh_s;
	bool access_log;
	bool log_client_ip;
	/* [store] */
	long store_readers;
	long store_batch;
	char files_dir[512]; /* "" = data_dir; see config_files_dir() */
	/* [rules] legal readings that the sources leave open */
	char d8_level[16];
	char d9_reading[16];
	char pp94_angka1_level[16];
	char pemilu_laporan_unit[16];
	bool cuti_bersama_is_workday;
	long ppk_tindak_lanjut_days;
	/* [intake] */
	long intake_rate_per_min;
	long evidence_max_bytes;
	/* [ui] */
	char lang[8];
};

enum config_type { CONFIG_STRING, CONFIG_INT, CONFIG_SIZE, CONFIG_BOOL };

struct config_option {
	const char *section;
	const char *name;
	const char *env;
	enum config_type type;
	size_t offset;
	size_t size; /* for strings: buffer size */
	const char *def;
	const char *help;
};

extern const struct config_option config_options[];
extern const size_t config_options_count;

void config_init(struct config *c);
/* Set one option from text; section may be NULL to match the name alone. */
int config_set(struct config *c, const char *section, const char *name, const char *value,
	       struct errbuf *eb);
/* Parse INI text; errors name the source and line ("netra.conf:12: ..."). */
int config_parse_string(struct config *c, const char *text, const char *source, struct errbuf *eb);
int config_load_file(struct config *c, const char *path, struct errbuf *eb);
/* Apply NETRA_* variables from the environment. */
int config_load_env(struct config *c, struct errbuf *eb);
/* Print every option with its current value (secrets none) as INI. */
void config_dump(const struct config *c, FILE *out);
/* Where evidence files live: [store] files, else the data directory. */
const char *config_files_dir(const struct config *c);

#endif
