/*
 * names.h - normalising personal names for matching terlapor across
 * reports: case, punctuation, spacing, and academic or religious titles
 * (H., Hj., Dr., Drs., Ir., S.Pd., M.Si. ...) that people write or omit.
 */
#ifndef NETRA_CASES_NAMES_H
#define NETRA_CASES_NAMES_H

#include <stddef.h>

/* "Drs. H. Ahmad  Yani, M.Si." -> "ahmad yani" */
void name_normalize(const char *in, char *out, size_t outsz);
/* Word-set similarity of two texts in [0, 1] (Jaccard over words of three
 * letters or more, case-insensitive). */
double text_similarity(const char *a, const char *b);

#endif
