/*
 * i18n.h - UI message catalogs: Bahasa Indonesia (default) and English.
 *
 * Catalogs are "key = value" lines in assets/i18n/<lang>.ini.  A missing
 * key renders as the key itself, so a gap is visible rather than blank;
 * `make test` checks that every catalog has the same keys.
 */
#ifndef NETRA_WEB_I18N_H
#define NETRA_WEB_I18N_H

#include <stddef.h>

#include "core/err.h"

struct i18n;

/* Parse catalog text (pure; fuzzed). */
int i18n_parse(const char *lang, const char *text, size_t len, struct i18n **out,
	       struct errbuf *eb);
void i18n_free(struct i18n *c);
const char *i18n_get(const struct i18n *c, const char *key);
const char *i18n_lang(const struct i18n *c);
size_t i18n_count(const struct i18n *c);
const char *i18n_key_at(const struct i18n *c, size_t i);

/* The catalog compiled into the binary: every "i18n/<lang>.*ini" asset
 * (i18n/id.ini, i18n/id.kantor.ini, ...) taken together; a key defined in
 * two files is an error. */
int i18n_load_embedded(const char *lang, struct i18n **out, struct errbuf *eb);

#endif
