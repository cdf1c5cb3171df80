/*
 * asset.h - files compiled into the binary by tools/embed.c.
 *
 * Names are paths relative to their source tree: "templates/base.html",
 * "static/netra.css", "i18n/id.ini", "sql/0001_core.sql",
 * "data/rules/skb2022.json".  The table is sorted by name.  Asset bytes are
 * followed by a NUL (string literal), so text assets are C strings.
 */
#ifndef NETRA_CORE_ASSET_H
#define NETRA_CORE_ASSET_H

#include <stddef.h>

struct asset {
	const char *name;
	const unsigned char *data;
	size_t len;
	const char *etag; /* quoted, ready for the ETag header */
	const char *mime;
};

extern const struct asset asset_table[];
extern const size_t asset_count;

/*
 * Fingerprinted static URLs: "/static/FILE?v=HASH", HASH being the content
 * hash of the embedded "static/FILE" (its ETag without the quotes).  Such a
 * URL names one version of the file for ever, so it may be cached as
 * immutable; a new build with other bytes links a new URL.  A file that is
 * not embedded gets the plain "/static/FILE".  Returns the length written
 * (truncated at outsz - 1).
 */
size_t asset_static_url(const char *file, char *out, size_t outsz);
/* v (the query's "v") is a's current fingerprint. */
int asset_fingerprint_is(const struct asset *a, const char *v);

/* Exact name lookup (binary search), or NULL. */
const struct asset *asset_find(const char *name);
/* First index whose name starts with prefix; iterate while the prefix matches. */
size_t asset_prefix_first(const char *prefix);

#endif
