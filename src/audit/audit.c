/*
 * audit.c - hashing, appending and verifying the event chain (see
 * audit.h for the construction).
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit/audit.h"
#include "store/store.h"
#include "store/store_events.h"

_Static_assert(AUDIT_HASH_LEN == STORE_EVENT_HASH_LEN, "the store keeps the audit hash whole");

static void
put_u64(crypto_generichash_state *h, int64_t v)
{
	unsigned char b[8];
	uint64_t u = (uint64_t)v;
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(u >> (8 * i));
	crypto_generichash_update(h, b, 8);
}

static void
put_str(crypto_generichash_state *h, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	put_u64(h, (int64_t)n);
	if (n)
		crypto_generichash_update(h, (const unsigned char *)s, n);
}

void
audit_event_hash(const struct audit_event *ev, unsigned char out[AUDIT_HASH_LEN])
{
	static const char domain[] = "netra-audit-v1";
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, AUDIT_HASH_LEN);
	crypto_generichash_update(&h, (const unsigned char *)domain, sizeof(domain) - 1);
	crypto_generichash_update(&h, ev->prev_hash, AUDIT_HASH_LEN);
	put_u64(&h, ev->id);
	put_u64(&h, ev->at);
	put_u64(&h, ev->case_id);
	put_u64(&h, ev->track_id);
	put_u64(&h, ev->user_id);
	put_str(&h, ev->actor);
	put_str(&h, ev->kind);
	put_str(&h, ev->data);
	crypto_generichash_final(&h, out, AUDIT_HASH_LEN);
}

/* The store's row of an event and back: the same fields, one by one. */
static void
to_row(const struct audit_event *ev, struct store_event *row)
{
	row->id = ev->id;
	row->at = ev->at;
	row->case_id = ev->case_id;
	row->track_id = ev->track_id;
	row->user_id = ev->user_id;
	row->actor = ev->actor;
	row->kind = ev->kind;
	row->data = ev->data;
	memcpy(row->prev_hash, ev->prev_hash, AUDIT_HASH_LEN);
	memcpy(row->hash, ev->hash, AUDIT_HASH_LEN);
}

static void
from_row(const struct store_event *row, struct audit_event *ev)
{
	ev->id = row->id;
	ev->at = row->at;
	ev->case_id = row->case_id;
	ev->track_id = row->track_id;
	ev->user_id = row->user_id;
	ev->actor = row->actor;
	ev->kind = row->kind;
	ev->data = row->data;
	memcpy(ev->prev_hash, row->prev_hash, AUDIT_HASH_LEN);
	memcpy(ev->hash, row->hash, AUDIT_HASH_LEN);
}

int
audit_append(struct store_conn *c, struct audit_event *ev, struct errbuf *eb)
{
	struct store_event row;
	int64_t last_id;

	if (store_event_last(c, &last_id, ev->prev_hash, eb) < 0)
		return -1;
	ev->id = last_id + 1;
	audit_event_hash(ev, ev->hash);
	to_row(ev, &row);
	return store_event_insert(c, &row, eb);
}

struct verify_state {
	struct audit_report *r;
	int64_t expect_id;
	unsigned char prev[AUDIT_HASH_LEN];
	int broken;
};

static void
hex8(const unsigned char *h, char out[17])
{
	sodium_bin2hex(out, 17, h, 8);
}

static int
verify_one(void *arg, const struct store_event *row)
{
	struct verify_state *s = arg;
	unsigned char want[AUDIT_HASH_LEN];
	char a[17], b[17];
	struct audit_event e, *ev = &e;

	from_row(row, &e);
	s->r->checked++;
	if (ev->id != s->expect_id) {
		snprintf(s->r->problem, sizeof(s->r->problem),
			 "entri %lld hilang atau urutannya berubah: sesudah entri %lld ditemukan "
			 "entri %lld",
			 (long long)s->expect_id, (long long)(s->expect_id - 1), (long long)ev->id);
		s->r->bad_id = s->expect_id;
		s->broken = 1;
		return 1;
	}
	if (sodium_memcmp(ev->prev_hash, s->prev, AUDIT_HASH_LEN) != 0) {
		hex8(ev->prev_hash, a);
		hex8(s->prev, b);
		snprintf(s->r->problem, sizeof(s->r->problem),
			 "entri %lld tidak menunjuk entri sebelumnya (prev %s..., seharusnya "
			 "%s...): "
			 "ada entri yang dihapus, disisipkan atau ditukar sebelum entri ini",
			 (long long)ev->id, a, b);
		s->r->bad_id = ev->id;
		s->broken = 1;
		return 1;
	}
	audit_event_hash(ev, want);
	if (sodium_memcmp(want, ev->hash, AUDIT_HASH_LEN) != 0) {
		snprintf(s->r->problem, sizeof(s->r->problem),
			 "isi entri %lld (%s) telah diubah: hash tersimpan tidak cocok dengan "
			 "isinya",
			 (long long)ev->id, ev->kind ? ev->kind : "?");
		s->r->bad_id = ev->id;
		s->broken = 1;
		return 1;
	}
	memcpy(s->prev, ev->hash, AUDIT_HASH_LEN);
	s->expect_id++;
	return 0;
}

int
audit_verify(struct store *st, struct audit_report *out, struct errbuf *eb)
{
	struct verify_state s;

	memset(out, 0, sizeof(*out));
	memset(&s, 0, sizeof(s));
	s.r = out;
	s.expect_id = 1;
	if (store_event_each(st, verify_one, &s, eb) < 0)
		return -1;
	memcpy(out->head, s.prev, AUDIT_HASH_LEN);
	return s.broken;
}
