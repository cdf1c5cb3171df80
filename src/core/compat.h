/*
 * compat.h - compiler attributes and small portable macros used everywhere.
 *
 * Include this first in every header that declares printf-like or
 * must-check functions.  Nothing here allocates or has state.
 */
#ifndef NETRA_CORE_COMPAT_H
#define NETRA_CORE_COMPAT_H

#if defined(__GNUC__) || defined(__clang__)
#define ATTR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define ATTR_NORETURN          __attribute__((noreturn))
#define ATTR_WUR               __attribute__((warn_unused_result))
#define ATTR_UNUSED            __attribute__((unused))
#define ATTR_MALLOC            __attribute__((malloc))
#define ATTR_RETURNS_NONNULL   __attribute__((returns_nonnull))
#else
#define ATTR_PRINTF(fmt, args)
#define ATTR_NORETURN
#define ATTR_WUR
#define ATTR_UNUSED
#define ATTR_MALLOC
#define ATTR_RETURNS_NONNULL
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)     ((a) < (b) ? (a) : (b))
#define MAX(a, b)     ((a) > (b) ? (a) : (b))

#endif
