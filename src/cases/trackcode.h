/*
 * trackcode.h - the public tracking code of a report.
 *
 * Eight random symbols and one check symbol from a 32-letter alphabet
 * without 0/O and 1/I (easy to read aloud and to type), shown as
 * "ABCD-EFGH-J".  The check symbol (Luhn mod 32) catches every single
 * wrong symbol and most swaps of neighbours.  Input is normalised:
 * case-insensitive, spaces and dashes ignored.
 *
 * Detection (measured by tests/unit/test_trackcode.c, docs/internals/
 * intake.md): every single-symbol substitution; every swap of adjacent
 * different symbols except '2'<->'Z' (990 of 992 ordered pairs); no swap
 * of symbols two apart (abc -> cba), which Luhn cannot see.
 *
 * The 8 random symbols carry 40 bits: codes are not unique by
 * construction, so the store keeps them UNIQUE and the caller draws again
 * on a collision.  Thread-safe (libsodium's randombytes).
 */
#ifndef NETRA_CASES_TRACKCODE_H
#define NETRA_CASES_TRACKCODE_H

#include "core/err.h"

#define TRACKCODE_LEN 12 /* "ABCD-EFGH-J" + NUL */

#define TRACKCODE_ALPHABET     "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#define TRACKCODE_RADIX        32
#define TRACKCODE_DATA_SYMBOLS 8
#define TRACKCODE_SYMBOLS      9  /* data + check */
#define TRACKCODE_MAX_INPUT    64 /* bytes of typed input looked at */

void trackcode_new(char out[TRACKCODE_LEN]);
/* Canonical form of a typed code, or -1 with code "invalid_code"
 * (ERR_INVALID_INPUT) and an Indonesian message naming the first wrong
 * position: separators ' ', '\t', '-', '.' are ignored, letters are
 * upper-cased, nothing else is mapped (0, O, 1, I are refused, not
 * guessed).  out is "" on failure. */
int trackcode_normalize(const char *in, char out[TRACKCODE_LEN], struct errbuf *eb);

/* The check value (0..31) of 8 symbol values (0..31): Luhn mod 32. */
int trackcode_check_value(const int v[TRACKCODE_DATA_SYMBOLS]);

#endif
