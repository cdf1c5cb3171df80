/*
 * ident_internal.h - private to src/ident/ident*.c: the readings of an
 * all-digit number and the helpers that record faults and warnings.
 *
 * A reading function gets exactly the right number of ASCII digits (the
 * caller checked), fills its part of the result and never touches the
 * others.  Warnings are added only for readings that are valid.
 */
#ifndef NETRA_IDENT_INTERNAL_H
#define NETRA_IDENT_INTERNAL_H

#include "core/compat.h"
#include "ident/ident.h"

#define IDENT_CODE_INVALID "invalid_identifier"
#define IDENT_CODE_NIP     "invalid_nip"
#define IDENT_CODE_NI_PPPK "invalid_ni_pppk"
#define IDENT_CODE_NIK     "invalid_nik"

/* Value of n ASCII digits. */
int ident_digits(const char *s, int n);
void ident_fault_set(struct ident_fault *f, const char *code, int from, int to, const char *fmt,
		     ...) ATTR_PRINTF(5, 6);
void ident_warn(struct ident_result *r, const char *code, enum ident_kind reading, int from, int to,
		const char *fmt, ...) ATTR_PRINTF(6, 7);
/* Whole years from birth to d (d not before birth). */
int ident_age_on(struct date birth, struct date d);
/* "26 September 1986" */
void ident_date_text(struct date d, char *out, size_t outsz);

/* d holds 18 digits */
void ident_read_nip(const char *d, const struct ident_opts *o, struct ident_result *r);
void ident_read_pppk(const char *d, const struct ident_opts *o, struct ident_result *r);
/* d holds 16 digits; o->regions is not NULL */
void ident_read_nik(const char *d, const struct ident_opts *o, struct ident_result *r);

#endif
