/*
 * str.h - non-owning string slices for parsers.
 *
 * A struct str points into memory owned by someone else and is never
 * NUL-terminated by contract.  Parsers take (ptr, len) and return slices,
 * so they can be unit-tested and fuzzed without allocation.
 */
#ifndef NETRA_CORE_STR_H
#define NETRA_CORE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct str {
	const char *ptr;
	size_t len;
};

#define STR_LIT(s) ((struct str){(s), sizeof(s) - 1})
#define STR_NULL   ((struct str){NULL, 0})

struct str str_from(const char *s);
struct str str_make(const char *p, size_t n);
bool str_eq(struct str a, struct str b);
bool str_eq_cstr(struct str a, const char *b);
bool str_caseeq_cstr(struct str a, const char *b);
bool str_has_prefix(struct str s, const char *prefix);
struct str str_trim(struct str s);
/* Cut *rest at the first sep: *tok gets the part before it, *rest the part
 * after.  Returns false (tok = STR_NULL) when *rest is already empty. */
bool str_next(struct str *rest, char sep, struct str *tok);
/* Strict decimal integer (optional leading '-'); 0 or -1 on junk/overflow. */
int str_to_i64(struct str s, int64_t *out);
/* Copy into a fixed buffer; returns -1 (and truncates) when it did not fit. */
int str_copy(struct str s, char *dst, size_t dstsz);
/* ASCII classes for byte parsers (never locale-dependent, unlike <ctype.h>) */
static inline bool
char_is_digit(char c)
{
	return c >= '0' && c <= '9';
}
static inline bool
char_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
static inline char
char_ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}
/* true when every byte is an ASCII digit and len > 0 */
bool str_all_digits(struct str s);
/* true when s is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF) */
bool utf8_valid(const char *s, size_t n);
/* Bounded copy of a C string; -1 when truncated.  dst is always terminated. */
int cstr_copy(char *dst, size_t dstsz, const char *src);

#endif
