/*
 * ingest.c - `netra monitor` and POST /api/v1/screening/ingest: feed items
 * are screened and the candidates (at or above the threshold, or by a
 * watched author) are stored in batches.
 *
 * Pipeline: one thread reads and screens; candidates are copied into the
 * current batch (its own arena); a full batch (SCREENING_BATCH_DEFAULT
 * items or SCREENING_BATCH_BYTES of text) is submitted as one write job
 * and screening goes on into the other batch while the writer commits it.
 * Before a batch is reused its job must have finished, so at most two
 * batches exist: memory is the line buffer (FEED_LINE_MAX + a block), the
 * engine's context and two batches, whatever the input size.  A batch's
 * job inserts each item unless its content hash is already stored, counts
 * what was new and appends one audit event for the batch.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit/audit.h"
#include "core/datetime.h"
#include "core/xalloc.h"
#include "screening/screening.h"
#include "store/store_screening.h"

#define READ_BLOCK  (256u << 10)
#define LINEBUF_CAP (FEED_LINE_MAX + READ_BLOCK)

struct row {
	struct store_screened_new n;
	enum scan_label label;
};

struct batch {
	struct screening_ingest *g;
	struct arena arena;
	struct row *rows;
	size_t n, cap, bytes;
	struct store_job job;
	bool pending; /* submitted, results not merged yet */
	bool running; /* the job has not called back yet */
	/* results, written by the job on the writer thread */
	uint64_t stored, duplicates, stored_by_label[SCAN_LABEL__COUNT];
	int rc;
	struct errbuf eb;
};

struct screening_ingest {
	struct screening_ingest_opts o;
	struct scan_ctx *ctx;
	struct buf clean, scratch, json, meta;
	char *linebuf;
	struct batch b[2];
	int cur;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct screening_ingest_stats st;
	bool write_failed;
	struct errbuf write_eb;
};

/* --- the write job --------------------------------------------------------------- */

static int
batch_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct batch *b = arg;
	struct screening_ingest *g = b->g;
	struct audit_event ev;
	size_t i;
	char *data;
	json_t *o;
	int rc;

	b->stored = b->duplicates = 0;
	memset(b->stored_by_label, 0, sizeof(b->stored_by_label));
	for (i = 0; i < b->n; i++) {
		bool inserted;

		if (store_screened_insert(c, &b->rows[i].n, &inserted, NULL, eb) < 0)
			return -1;
		if (inserted) {
			b->stored++;
			b->stored_by_label[b->rows[i].label]++;
		} else {
			b->duplicates++;
		}
	}
	if (b->stored == 0)
		return 0;
	o = json_pack("{s:I, s:I, s:s, s:I, s:I}", "stored", (json_int_t)b->stored, "duplicates",
		      (json_int_t)b->duplicates, "channel", g->o.channel ? g->o.channel : "cli",
		      "possible_violation", (json_int_t)b->stored_by_label[SCAN_LABEL_VIOLATION],
		      "other", (json_int_t)(b->stored - b->stored_by_label[SCAN_LABEL_VIOLATION]));
	data = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	memset(&ev, 0, sizeof(ev));
	ev.at = clock_now();
	ev.user_id = g->o.user_id;
	ev.actor = g->o.actor && g->o.actor[0] ? g->o.actor : "sistem";
	ev.kind = "penyaringan_dimuat";
	ev.data = data;
	rc = data ? audit_append(c, &ev, eb)
		  : errbuf_set(eb, ERR_INTERNAL, "data audit tidak dapat dibentuk");
	free(data);
	return rc;
}

static void
batch_done(void *arg, int rc, const struct errbuf *eb)
{
	struct batch *b = arg;
	struct screening_ingest *g = b->g;

	pthread_mutex_lock(&g->mu);
	b->rc = rc;
	if (rc != 0 && eb)
		b->eb = *eb;
	b->running = false;
	pthread_cond_broadcast(&g->cv);
	pthread_mutex_unlock(&g->mu);
}

/* Wait for b's job and take its results; b is empty afterwards. */
static void
batch_settle(struct screening_ingest *g, struct batch *b)
{
	int i;

	if (!b->pending)
		return;
	pthread_mutex_lock(&g->mu);
	while (b->running)
		pthread_cond_wait(&g->cv, &g->mu);
	pthread_mutex_unlock(&g->mu);
	b->pending = false;
	if (b->rc == 0) {
		g->st.stored += b->stored;
		g->st.duplicates += b->duplicates;
		for (i = 0; i < SCAN_LABEL__COUNT; i++)
			g->st.stored_by_label[i] += b->stored_by_label[i];
	} else if (!g->write_failed) {
		g->write_failed = true;
		g->write_eb = b->eb;
	}
	b->n = 0;
	b->bytes = 0;
	arena_reset(&b->arena);
}

static void
batch_flush(struct screening_ingest *g)
{
	struct batch *b = &g->b[g->cur];

	if (b->n == 0)
		return;
	memset(&b->job, 0, sizeof(b->job));
	b->job.fn = batch_run;
	b->job.arg = b;
	b->job.done = batch_done;
	b->job.done_arg = b;
	b->pending = true;
	b->running = true;
	store_submit(g->o.store, &b->job);
	g->cur ^= 1;
	batch_settle(g, &g->b[g->cur]);
}

/* --- one item ------------------------------------------------------------------------ */

static void
item_error(struct screening_ingest *g, const char *where, const char *msg)
{
	g->st.errors++;
	if (g->o.on_error)
		g->o.on_error(g->o.error_arg, where ? where : "-", msg);
}

/* A metadata field, cleaned and cut, in the batch arena; NULL when empty. */
static const char *
meta(struct screening_ingest *g, struct arena *a, struct str s, size_t max)
{
	size_t n;

	if (s.ptr == NULL)
		return NULL;
	s = str_trim(s);
	if (s.len == 0)
		return NULL;
	buf_reset(&g->meta);
	screening_utf8_clean(&g->meta, s.ptr, s.len);
	n = screening_utf8_cut(buf_cstr(&g->meta), g->meta.len, max);
	return arena_strndup(a, buf_cstr(&g->meta), n);
}

/* items and spans of the result, as `netra scan --json` writes them */
static void
result_json(struct screening_ingest *g, struct arena *a, const struct scan_result *res,
	    const char *text, size_t len, struct row *r)
{
	json_t *o;
	char *items = NULL, *spans = NULL;

	buf_reset(&g->json);
	scan_result_json(&g->json, g->ctx, res, NULL, 0, text, len, false);
	o = json_loadb(buf_cstr(&g->json), g->json.len, 0, NULL);
	if (o) {
		items = json_dumps(json_object_get(o, "items"), JSON_COMPACT | JSON_ENCODE_ANY);
		spans = json_dumps(json_object_get(o, "spans"), JSON_COMPACT | JSON_ENCODE_ANY);
	}
	r->n.items_json = arena_strdup(a, items ? items : "[]");
	r->n.spans_json = arena_strdup(a, spans ? spans : "[]");
	free(items);
	free(spans);
	json_decref(o);
}

void
screening_ingest_item(struct screening_ingest *g, const struct feed_item *it, const char *where)
{
	const struct screening_watch *w;
	struct scan_result res;
	struct batch *b;
	struct row *r;
	const char *text;
	size_t len;
	char hash[33];
	int64_t ts;

	if (it->text.ptr == NULL) {
		item_error(g, where, "kolom \"text\" tidak ada");
		return;
	}
	text = it->text.ptr;
	len = it->text.len;
	if (!utf8_valid(text, len) || memchr(text, '\0', len)) {
		buf_reset(&g->clean);
		screening_utf8_clean(&g->clean, text, len);
		text = buf_cstr(&g->clean);
		len = g->clean.len;
	}
	len = screening_utf8_cut(text, len, SCAN_TEXT_MAX);
	if (str_trim(str_make(text, len)).len == 0) {
		item_error(g, where, "teks kosong");
		return;
	}
	w = screening_accounts_find(g->o.accounts, it->source.ptr, it->source.len, it->author.ptr,
				    it->author.len);
	scan_text(g->ctx, text, len, w ? SCAN_AUTHOR_ASN : 0, &res);
	g->st.read++;
	g->st.bytes += len;
	g->st.by_label[res.label]++;
	if (res.label != SCAN_LABEL_VIOLATION && w == NULL) {
		g->st.below++;
		return;
	}
	if (w)
		g->st.watched++;

	b = &g->b[g->cur];
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->rows = xreallocarray(b->rows, b->cap, sizeof(*b->rows));
	}
	r = &b->rows[b->n];
	memset(r, 0, sizeof(*r));
	r->label = res.label;
	r->n.text = arena_strndup(&b->arena, text, len);
	scan_content_hash(text, len, hash);
	r->n.content_hash = arena_strdup(&b->arena, hash);
	r->n.label = scan_label_name(res.label);
	r->n.score_pct = (int)(res.score * 100.0f + 0.5f);
	if (r->n.score_pct > 100)
		r->n.score_pct = 100;
	result_json(g, &b->arena, &res, text, len, r);
	r->n.source = meta(g, &b->arena, it->source, SCREENING_SOURCE_MAX);
	r->n.external_id = meta(g, &b->arena, it->id, SCREENING_ID_MAX);
	r->n.author = meta(g, &b->arena, it->author, SCREENING_AUTHOR_MAX);
	r->n.url = meta(g, &b->arena, it->url, SCREENING_URL_MAX);
	if (it->ts.ptr && it->ts.len) {
		if (screening_time_parse(it->ts.ptr, it->ts.len, &ts) == 0 && ts > 0)
			r->n.captured_at = ts;
		else
			g->st.untimed++;
	}
	r->n.seen_at = clock_now();
	r->n.election = g->o.election;
	r->n.region_code = w && w->region_code[0] ? w->region_code : g->o.region ? g->o.region : "";
	r->n.author_asn = w != NULL;
	r->n.account_id = w ? w->account_id : 0;
	r->n.person_id = w ? w->person_id : 0;
	r->n.channel = g->o.channel;
	b->n++;
	b->bytes += len;
	if (b->n >= g->o.batch_items || b->bytes >= SCREENING_BATCH_BYTES)
		batch_flush(g);
}

/* --- lines and files ----------------------------------------------------------------- */

static void
ingest_line(struct screening_ingest *g, const char *line, size_t len, const char *name,
	    uint64_t lineno, enum scan_format fmt)
{
	char where[600];
	struct feed_item it;
	struct errbuf eb;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (str_trim(str_make(line, len)).len == 0)
		return;
	snprintf(where, sizeof(where), "%s:%llu", name, (unsigned long long)lineno);
	if (len > FEED_LINE_MAX) {
		item_error(g, where, "baris terlalu panjang, dilewati");
		return;
	}
	if (fmt != SCAN_FORMAT_JSONL) {
		memset(&it, 0, sizeof(it));
		it.text = str_make(line, len);
		screening_ingest_item(g, &it, where);
		return;
	}
	if (feed_jsonl_parse(line, len, &it, &g->scratch, &eb) < 0) {
		item_error(g, where, eb.msg);
		return;
	}
	screening_ingest_item(g, &it, where);
}

void
screening_ingest_lines(struct screening_ingest *g, const char *p, size_t n, const char *name)
{
	const char *end = p + n;
	uint64_t lineno = 1;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;

		ingest_line(g, p, (size_t)(e - p), name, lineno++, SCAN_FORMAT_JSONL);
		p = nl ? nl + 1 : end;
	}
}

/* Lines from fd, after prefix; constant memory (LINEBUF_CAP). */
static int
ingest_fd_lines(struct screening_ingest *g, int fd, const char *prefix, size_t plen,
		const char *name, enum scan_format fmt)
{
	char *buf = g->linebuf;
	size_t len = plen;
	uint64_t lineno = 1;
	bool skipping = false, eof = false;
	int err = 0;

	memcpy(buf, prefix, plen);
	for (;;) {
		size_t off = 0;
		ssize_t r;

		for (;;) {
			const char *nl = memchr(buf + off, '\n', len - off);
			size_t ll;

			if (nl == NULL)
				break;
			ll = (size_t)(nl - (buf + off));
			if (skipping)
				skipping = false;
			else
				ingest_line(g, buf + off, ll, name, lineno, fmt);
			lineno++;
			off += ll + 1;
		}
		memmove(buf, buf + off, len - off);
		len -= off;
		if (eof) {
			if (len && !skipping)
				ingest_line(g, buf, len, name, lineno, fmt);
			break;
		}
		if (len == LINEBUF_CAP) {
			if (!skipping) {
				char where[600];

				snprintf(where, sizeof(where), "%s:%llu", name,
					 (unsigned long long)lineno);
				item_error(g, where, "baris terlalu panjang, dilewati");
			}
			skipping = true;
			len = 0;
		}
		r = read(fd, buf + len, LINEBUF_CAP - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r < 0)
				err = errno;
			eof = true;
			continue;
		}
		len += (size_t)r;
	}
	return err;
}

struct feed_arg {
	struct screening_ingest *g;
	const char *name;
	uint64_t n;
};

static int
on_feed_item(void *arg, const struct feed_item *it)
{
	struct feed_arg *fa = arg;
	char where[600];

	fa->n++;
	snprintf(where, sizeof(where), "%s#%llu", fa->name, (unsigned long long)fa->n);
	screening_ingest_item(fa->g, it, where);
	return 0;
}

int
screening_ingest_file(struct screening_ingest *g, const char *path, enum scan_format fmt,
		      struct errbuf *eb)
{
	char prefix[SCAN_SNIFF_MAX];
	size_t plen = 0;
	int fd, err = 0, rc = 0;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return errbuf_set(eb, ERR_NOT_FOUND, "tidak dapat membuka %s: %s", path,
					  strerror(errno));
	}
	if (fmt == SCAN_FORMAT_AUTO &&
	    scan_format_detect(path, fd, prefix, sizeof(prefix), &plen, &fmt) < 0)
		err = errno;
	if (err == 0 && fmt == SCAN_FORMAT_RSS) {
		struct feed_arg fa = {g, path, 0};
		struct errbuf xeb;

		if (feed_xml_parse_fd(fd, prefix, plen, on_feed_item, &fa, &xeb) < 0)
			item_error(g, path, xeb.msg);
	} else if (err == 0 && fmt == SCAN_FORMAT_DOC) {
		rc = errbuf_set(eb, ERR_INVALID_INPUT,
				"format doc tidak didukung; gunakan jsonl, rss atau text");
	} else if (err == 0) {
		err = ingest_fd_lines(g, fd, prefix, plen, path, fmt);
	}
	if (err)
		rc = errbuf_set(eb, ERR_INTERNAL, "gagal membaca %s: %s", path, strerror(err));
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

/* --- lifecycle ----------------------------------------------------------------------- */

struct screening_ingest *
screening_ingest_new(const struct screening_ingest_opts *o)
{
	struct screening_ingest *g = xcalloc(1, sizeof(*g));
	int i;

	g->o = *o;
	if (g->o.batch_items == 0)
		g->o.batch_items = SCREENING_BATCH_DEFAULT;
	g->ctx = scan_ctx_new(o->lex);
	if (o->threshold > 0)
		scan_ctx_set_threshold(g->ctx, o->threshold);
	{
		struct scan_lexicon_info info;

		scan_lexicon_get_info(o->lex, &info);
		g->st.threshold = o->threshold > 0 ? o->threshold : info.threshold;
	}
	buf_init(&g->clean, (size_t)-1);
	buf_init(&g->scratch, FEED_LINE_MAX + 64);
	buf_init(&g->json, (size_t)-1);
	buf_init(&g->meta, (size_t)-1);
	g->linebuf = xmalloc(LINEBUF_CAP);
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->cv, NULL);
	for (i = 0; i < 2; i++) {
		g->b[i].g = g;
		arena_init(&g->b[i].arena, 1u << 20);
	}
	return g;
}

int
screening_ingest_finish(struct screening_ingest *g, struct screening_ingest_stats *out,
			struct errbuf *eb)
{
	batch_flush(g);
	batch_settle(g, &g->b[0]);
	batch_settle(g, &g->b[1]);
	if (out)
		*out = g->st;
	if (g->write_failed) {
		if (eb)
			*eb = g->write_eb;
		return -1;
	}
	return 0;
}

void
screening_ingest_free(struct screening_ingest *g)
{
	int i;

	if (g == NULL)
		return;
	/* never free a batch the writer still holds */
	batch_settle(g, &g->b[0]);
	batch_settle(g, &g->b[1]);
	for (i = 0; i < 2; i++) {
		arena_release(&g->b[i].arena);
		free(g->b[i].rows);
	}
	scan_ctx_free(g->ctx);
	buf_release(&g->clean);
	buf_release(&g->scratch);
	buf_release(&g->json);
	buf_release(&g->meta);
	free(g->linebuf);
	pthread_mutex_destroy(&g->mu);
	pthread_cond_destroy(&g->cv);
	free(g);
}
