/*
 * catalog.h - feed the rule catalog's anchors to the screening lexicon.
 *
 * Ownership: *out is a malloc'd array (free() it) whose strings point into
 * the catalog; pass it to scan_lexicon_load() (which copies what it keeps)
 * before freeing the catalog.  Returns the number of phrases.
 */
#ifndef NETRA_SCAN_CATALOG_H
#define NETRA_SCAN_CATALOG_H

#include <stddef.h>

#include "scan/scan.h"

struct rules_catalog;

size_t scan_catalog_phrases(const struct rules_catalog *cat, struct scan_phrase **out);

#endif
