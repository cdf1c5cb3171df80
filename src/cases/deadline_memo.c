/*
 * deadline_memo.c - a direct-mapped table of computed deadlines (see
 * deadline_memo.h).  The key is the calendar, the rule name, the start
 * date as a day number and the zone; the lock is held only to compare and copy.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cases/deadline_memo.h"
#include "core/xalloc.h"

#define MEMO_SLOTS    256 /* a power of two */
#define MEMO_RULE_MAX 64

struct memo_slot {
	char rule[MEMO_RULE_MAX];
	int64_t start;
	const struct tz *zone;
	const struct calendar *cal;
	char due[DATE_STRLEN];
	bool provisional; /* counted past the holiday data */
	char *text;       /* NULL: empty */
	size_t len;
};

struct deadline_memo {
	pthread_mutex_t lock;
	struct memo_slot slots[MEMO_SLOTS];
};

struct deadline_memo *
deadline_memo_new(void)
{
	struct deadline_memo *m = xcalloc(1, sizeof(*m));

	pthread_mutex_init(&m->lock, NULL);
	return m;
}

void
deadline_memo_free(struct deadline_memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < MEMO_SLOTS; i++)
		free(m->slots[i].text);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

/* FNV-1a over the rule, mixed with the day number and the zone */
static size_t
slot_of(const struct calendar *cal, const char *rule, int64_t start, const struct tz *zone)
{
	uint64_t h = 1469598103934665603ULL;

	h = (h ^ (uint64_t)(uintptr_t)cal) * 1099511628211ULL;
	for (; *rule; rule++)
		h = (h ^ (unsigned char)*rule) * 1099511628211ULL;
	h = (h ^ (uint64_t)start) * 1099511628211ULL;
	h = (h ^ (uint64_t)(uintptr_t)zone) * 1099511628211ULL;
	return (size_t)(h >> 32) & (MEMO_SLOTS - 1);
}

char *
deadline_memo_get(struct deadline_memo *m, const struct calendar *cal, const char *rule,
		  struct date start, const struct tz *zone, char due[DATE_STRLEN],
		  bool *provisional)
{
	int64_t day = date_to_days(start);
	struct memo_slot *s = &m->slots[slot_of(cal, rule, day, zone)];
	char *copy = NULL;

	pthread_mutex_lock(&m->lock);
	if (s->text && s->start == day && s->zone == zone && s->cal == cal &&
	    strcmp(s->rule, rule) == 0) {
		copy = xmalloc(s->len + 1);
		memcpy(copy, s->text, s->len + 1);
		memcpy(due, s->due, DATE_STRLEN);
		*provisional = s->provisional;
	}
	pthread_mutex_unlock(&m->lock);
	return copy;
}

void
deadline_memo_put(struct deadline_memo *m, const struct calendar *cal, const char *rule,
		  struct date start, const struct tz *zone, const char *text,
		  const char due[DATE_STRLEN], bool provisional)
{
	int64_t day = date_to_days(start);
	size_t rlen = strlen(rule), len = strlen(text);
	struct memo_slot *s = &m->slots[slot_of(cal, rule, day, zone)];
	char *copy, *old;

	if (rlen >= MEMO_RULE_MAX)
		return;
	copy = xmalloc(len + 1);
	memcpy(copy, text, len + 1);
	pthread_mutex_lock(&m->lock);
	old = s->text;
	memcpy(s->rule, rule, rlen + 1);
	s->start = day;
	s->zone = zone;
	s->cal = cal;
	memcpy(s->due, due, DATE_STRLEN);
	s->provisional = provisional;
	s->text = copy;
	s->len = len;
	pthread_mutex_unlock(&m->lock);
	free(old);
}

void
deadline_memo_clear(struct deadline_memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	pthread_mutex_lock(&m->lock);
	for (i = 0; i < MEMO_SLOTS; i++) {
		free(m->slots[i].text);
		m->slots[i].text = NULL;
	}
	pthread_mutex_unlock(&m->lock);
}
