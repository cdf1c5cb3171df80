/*
 * log.h - process log on stderr.
 *
 * One line per message: "<UTC time> <level> <message>".  Log messages are
 * English.  Never log a reporter's identity or a client IP address; the
 * access log in http/ follows the same rule.
 */
#ifndef NETRA_CORE_LOG_H
#define NETRA_CORE_LOG_H

#include "compat.h"

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR, LOG_QUIET };

void log_set_level(enum log_level lvl);
int log_level_parse(const char *s, enum log_level *out);
void log_msg(enum log_level lvl, const char *fmt, ...) ATTR_PRINTF(2, 3);

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...)  log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
