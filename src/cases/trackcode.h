/*
 * trackcode.h - the public tracking code of a report.
 *
 * Eight random symbols and one check symbol from a 32-letter alphabet
 * without 0/O and 1/I (easy to read aloud and to type), shown as
 * "ABCD-EFGH-J".  The check symbol (Luhn mod 32) catches every single
 * wrong symbol and most swaps of neighbours.  Input is normalised:
 * case-insensitive, spaces and dashes ignored.
 */
#ifndef NETRA_CASES_TRACKCODE_H
#define NETRA_CASES_TRACKCODE_H

#include "core/err.h"

#define TRACKCODE_LEN 12 /* "ABCD-EFGH-J" + NUL */

void trackcode_new(char out[TRACKCODE_LEN]);
/* Canonical form of a typed code, or -1 with code "invalid_code". */
int trackcode_normalize(const char *in, char out[TRACKCODE_LEN], struct errbuf *eb);

#endif
