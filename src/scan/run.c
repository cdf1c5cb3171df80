/*
 * run.c - the file runner behind `netra scan` (see run.h).
 *
 * Line formats: the main thread reads blocks of about RUN_BLOCK bytes cut
 * at a newline into a ring of slots; workers take slots in order, screen
 * every line into the slot's output buffer, and the main thread writes
 * slots back in order.  Memory is the ring (2 slots per worker, each
 * RUN_BLOCK + FEED_LINE_MAX bytes) plus the per-worker contexts, whatever
 * the input size.  With one job everything runs in the calling thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/datetime.h"
#include "core/xalloc.h"
#include "feed/feed.h"
#include "scan/run.h"

#define RUN_BLOCK    (256u << 10)
#define RUN_SLOT_CAP (RUN_BLOCK + FEED_LINE_MAX + 1)
#define JOBS_MAX     64

enum slot_state { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

struct slot {
	char *in;
	size_t len;
	uint64_t first_line;
	struct buf out, err;
	struct scan_run_stats st;
	enum slot_state state;
	uint64_t seq;
};

struct worker {
	struct run *run;
	struct scan_ctx *ctx;
	struct buf scratch;
	pthread_t thread;
};

struct run {
	const struct scan_run_opts *o;
	const char *name;
	enum scan_format fmt;
	struct scan_run_stats *stats;
	/* reader */
	int fd;
	bool eof, skipping;
	int rerr;
	char *carry;
	size_t carry_len;
	uint64_t line; /* number of the next line to be read */
	uint64_t total, done;
	/* pool */
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_done;
	struct slot *slots;
	int nslots;
	uint64_t next_take, next_fill, next_write;
	bool quit;
	/* progress */
	struct timespec last_draw;
	bool drawn;
};

static const char *const format_names[] = {"auto", "jsonl", "rss", "text", "doc"};

int
scan_format_parse(const char *s, enum scan_format *out)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum scan_format)i;
			return 0;
		}
	}
	if (strcmp(s, "atom") == 0 || strcmp(s, "xml") == 0) {
		*out = SCAN_FORMAT_RSS;
		return 0;
	}
	return -1;
}

const char *
scan_format_name(enum scan_format f)
{
	return (unsigned)f < sizeof(format_names) / sizeof(format_names[0]) ? format_names[f] : "?";
}

/* ---- one item ------------------------------------------------------------ */

static void
stats_add(struct scan_run_stats *to, const struct scan_run_stats *from)
{
	int i, j;

	to->items += from->items;
	to->errors += from->errors;
	for (i = 0; i < SCAN_LABEL__COUNT; i++) {
		to->by_label[i] += from->by_label[i];
		for (j = 0; j < SCAN_LABEL__COUNT; j++)
			to->eval.confusion[i][j] += from->eval.confusion[i][j];
	}
	to->eval.n += from->eval.n;
}

/*
 * The item's time for the JSON output: feed_time_parse() (ISO 8601, RFC 822,
 * epoch seconds or milliseconds) written back as ISO 8601 in UTC.  *iso is
 * "" when the item has no time; -1 when it has one that is not a time.
 */
static int
item_time(struct str ts, char iso[TIME_STRLEN])
{
	int64_t t;

	iso[0] = '\0';
	if (ts.ptr == NULL || ts.len == 0)
		return 0;
	if (feed_time_parse(ts.ptr, ts.len, &t) < 0)
		return -1;
	time_format_iso(t, 0, iso);
	return 0;
}

static void
screen(const struct run *r, struct scan_ctx *ctx, const char *id, size_t idlen, const char *text,
       size_t tlen, const struct str *label, const char *ts_iso, struct buf *out,
       struct scan_run_stats *st)
{
	const struct scan_run_opts *o = r->o;
	struct scan_result res;

	scan_text(ctx, text, tlen, o->flags, &res);
	st->items++;
	st->by_label[res.label]++;
	switch (o->output) {
	case SCAN_OUTPUT_JSON:
		if (res.label >= o->min_label) {
			size_t at = out->len;

			scan_result_json(out, ctx, &res, id, idlen, text, tlen, o->hash);
			if (ts_iso && ts_iso[0] && !buf_failed(out) && out->len > at &&
			    out->data[out->len - 1] == '}') {
				/* the item's time, normalised, as the object's last member */
				out->len--;
				buf_addf(out, ",\"ts\":\"%s\"}", ts_iso);
			}
			buf_addch(out, '\n');
		}
		break;
	case SCAN_OUTPUT_SUMMARY:
		if (res.label >= o->min_label) {
			scan_result_summary(out, ctx, &res, id, idlen, text, tlen);
			buf_addch(out, '\n');
		}
		break;
	case SCAN_OUTPUT_EVAL: {
		enum scan_label truth;

		if (scan_label_parse(label->ptr, label->len, &truth) < 0)
			break; /* checked by the caller */
		scan_eval_add(&st->eval, truth, res.label);
		if (o->show_errors && truth != res.label) {
			struct scan_result tmp = res;

			tmp.nitems = 0;
			buf_addf(out, "SALAH %.*s: benar %s, prediksi %s\n", (int)idlen, id,
				 scan_label_name(truth), scan_label_name(res.label));
			scan_result_summary(out, ctx, &tmp, id, idlen, text, tlen);
		}
		break;
	}
	}
}

static bool
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return false;
	return true;
}

static void
item_error(const struct run *r, struct slot *s, uint64_t line, const char *msg)
{
	buf_addf(&s->err, "%s:%llu: %s\n", r->name, (unsigned long long)line, msg);
	s->st.errors++;
}

static void
screen_line(struct run *r, struct worker *w, struct slot *s, const char *line, size_t len,
	    uint64_t lineno)
{
	char idbuf[600], ts_iso[TIME_STRLEN] = "";
	const char *id = NULL, *text = line;
	size_t idlen = 0, tlen;
	struct str label = STR_NULL;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	tlen = len;
	if (blank(line, len))
		return;
	if (r->fmt == SCAN_FORMAT_JSONL) {
		struct feed_item it;
		struct errbuf eb;

		if (feed_jsonl_parse(line, len, &it, &w->scratch, &eb) < 0) {
			item_error(r, s, lineno, eb.msg);
			return;
		}
		if (it.text.ptr == NULL) {
			item_error(r, s, lineno, "kolom \"text\" tidak ada");
			return;
		}
		if (it.id.ptr) {
			id = it.id.ptr;
			idlen = it.id.len;
		}
		text = it.text.ptr;
		tlen = it.text.len;
		label = it.label;
		if (item_time(it.ts, ts_iso) < 0) {
			char msg[160];

			snprintf(
				msg, sizeof(msg),
				"kolom \"ts\" bukan waktu yang dikenal (%.*s): pakai ISO 8601 "
				"dengan zona, RFC 822, atau detik/milidetik epoch; waktu diabaikan",
				(int)MIN(it.ts.len, 40), it.ts.ptr);
			item_error(r, s, lineno, msg);
		}
	}
	if (id == NULL) {
		id = idbuf;
		idlen = (size_t)snprintf(idbuf, sizeof(idbuf), "%s:%llu", r->name,
					 (unsigned long long)lineno);
		if (idlen >= sizeof(idbuf))
			idlen = sizeof(idbuf) - 1;
	}
	if (r->o->output == SCAN_OUTPUT_EVAL) {
		enum scan_label l;

		if (label.ptr == NULL || scan_label_parse(label.ptr, label.len, &l) < 0) {
			item_error(r, s, lineno,
				   "kolom \"label\" harus possible_violation, neutral_mention atau "
				   "unrelated");
			return;
		}
	}
	screen(r, w->ctx, id, idlen, text, tlen, &label, ts_iso, &s->out, &s->st);
}

static void
screen_block(struct run *r, struct worker *w, struct slot *s)
{
	const char *p = s->in, *end = s->in + s->len;
	uint64_t lineno = s->first_line;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		screen_line(r, w, s, p, (size_t)(e - p), lineno++);
		p = nl ? nl + 1 : end;
	}
}

/* ---- reading blocks of lines -------------------------------------------- */

static uint64_t
count_lines(const char *p, size_t n)
{
	uint64_t k = 0;
	const char *end = p + n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl == NULL)
			break;
		k++;
		p = nl + 1;
	}
	return k;
}

static const char *
last_newline(const char *p, size_t n)
{
	while (n > 0)
		if (p[--n] == '\n')
			return p + n;
	return NULL;
}

static void
overlong(struct run *r, uint64_t line)
{
	fprintf(r->o->err, "%s:%llu: baris lebih dari %u byte, dilewati\n", r->name,
		(unsigned long long)line, FEED_LINE_MAX);
	r->stats->errors++;
}

/* Fill s with whole lines; false when the input is exhausted. */
static bool
fill(struct run *r, struct slot *s)
{
	for (;;) {
		const char *last;

		s->len = 0;
		if (r->carry_len) {
			memcpy(s->in, r->carry, r->carry_len);
			s->len = r->carry_len;
			r->carry_len = 0;
		}
		s->first_line = r->line;
		while (s->len < RUN_BLOCK && !r->eof) {
			ssize_t n = read(r->fd, s->in + s->len, RUN_SLOT_CAP - s->len);

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				if (n < 0)
					r->rerr = errno;
				r->eof = true;
				break;
			}
			r->done += (uint64_t)n;
			if (r->skipping) {
				char *nl = memchr(s->in + s->len, '\n', (size_t)n);

				if (nl == NULL)
					continue; /* still inside the long line */
				r->skipping = false;
				r->line++;
				s->first_line = r->line;
				memmove(s->in, nl + 1, (size_t)(s->in + s->len + n - (nl + 1)));
				s->len = (size_t)(s->in + s->len + n - (nl + 1));
				continue;
			}
			s->len += (size_t)n;
		}
		if (s->len == 0)
			return !r->eof;
		last = last_newline(s->in, s->len);
		if (last) {
			size_t keep = (size_t)(last - s->in) + 1, rest = s->len - keep;

			r->line += count_lines(s->in, keep);
			if (rest > FEED_LINE_MAX) {
				overlong(r, r->line);
				r->skipping = true;
			} else if (rest) {
				memcpy(r->carry, s->in + keep, rest);
				r->carry_len = rest;
			}
			s->len = keep;
			return true;
		}
		if (r->eof) {
			/* the last line, without a newline */
			if (s->len > FEED_LINE_MAX) {
				overlong(r, r->line);
				s->len = 0;
				return false;
			}
			r->line++;
			return true;
		}
		/* a full buffer and no newline: the line is too long */
		overlong(r, r->line);
		r->skipping = true;
		s->len = 0;
	}
}

/* ---- progress ------------------------------------------------------------ */

static void
progress(struct run *r, bool final)
{
	static const char bar[] = "##############################";
	struct timespec ts;
	double t;

	if (!r->o->progress)
		return;
	if (final) {
		if (r->drawn)
			fputs("\r\033[K", r->o->err);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	t = (double)(ts.tv_sec - r->last_draw.tv_sec) +
	    (double)(ts.tv_nsec - r->last_draw.tv_nsec) / 1e9;
	if (r->drawn && t < 0.2)
		return;
	r->last_draw = ts;
	r->drawn = true;
	if (r->total) {
		int pct = (int)(r->done * 100 / r->total), w = pct * 30 / 100;

		fprintf(r->o->err, "\rmemindai %s %3d%% [%.*s%*s] %.1f/%.1f MB", r->name, pct, w,
			bar, 30 - w, "", (double)r->done / 1e6, (double)r->total / 1e6);
	} else {
		fprintf(r->o->err, "\rmemindai %s %.1f MB", r->name, (double)r->done / 1e6);
	}
	fflush(r->o->err);
}

/* ---- the pool ------------------------------------------------------------ */

static void
flush_slot(struct run *r, struct slot *s)
{
	if (s->err.len)
		fwrite(s->err.data, 1, s->err.len, r->o->err);
	if (s->out.len)
		fwrite(s->out.data, 1, s->out.len, r->o->out);
	stats_add(r->stats, &s->st);
	buf_reset(&s->out);
	buf_reset(&s->err);
	memset(&s->st, 0, sizeof(s->st));
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct run *r = w->run;

	pthread_mutex_lock(&r->mu);
	for (;;) {
		struct slot *s = &r->slots[r->next_take % (uint64_t)r->nslots];

		while (!r->quit && !(r->next_take < r->next_fill && s->state == SLOT_READY)) {
			pthread_cond_wait(&r->cv_work, &r->mu);
			s = &r->slots[r->next_take % (uint64_t)r->nslots];
		}
		if (r->next_take >= r->next_fill || s->state != SLOT_READY)
			break; /* quit with nothing left */
		r->next_take++;
		s->state = SLOT_BUSY;
		pthread_mutex_unlock(&r->mu);
		screen_block(r, w, s);
		pthread_mutex_lock(&r->mu);
		s->state = SLOT_DONE;
		pthread_cond_broadcast(&r->cv_done);
	}
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

static struct worker *
workers_new(struct run *r, int n)
{
	struct worker *w = xcalloc((size_t)n, sizeof(*w));
	int i;

	for (i = 0; i < n; i++) {
		w[i].run = r;
		w[i].ctx = scan_ctx_new(r->o->lex);
		if (r->o->threshold > 0)
			scan_ctx_set_threshold(w[i].ctx, r->o->threshold);
		buf_init(&w[i].scratch, FEED_LINE_MAX + 64);
	}
	return w;
}

static void
workers_free(struct worker *w, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		scan_ctx_free(w[i].ctx);
		buf_release(&w[i].scratch);
	}
	free(w);
}

static void
run_lines(struct run *r)
{
	int jobs = r->o->jobs < 1 ? 1 : r->o->jobs > JOBS_MAX ? JOBS_MAX : r->o->jobs, i;
	struct worker *w = workers_new(r, jobs);

	r->nslots = jobs == 1 ? 1 : 2 * jobs;
	r->slots = xcalloc((size_t)r->nslots, sizeof(*r->slots));
	for (i = 0; i < r->nslots; i++) {
		r->slots[i].in = xmalloc(RUN_SLOT_CAP);
		buf_init(&r->slots[i].out, (size_t)-1);
		buf_init(&r->slots[i].err, (size_t)-1);
	}
	if (jobs == 1) {
		while (fill(r, &r->slots[0])) {
			progress(r, false);
			screen_block(r, &w[0], &r->slots[0]);
			flush_slot(r, &r->slots[0]);
		}
		goto out;
	}
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cv_work, NULL);
	pthread_cond_init(&r->cv_done, NULL);
	for (i = 0; i < jobs; i++)
		if (pthread_create(&w[i].thread, NULL, worker_main, &w[i]) != 0)
			die("cannot start a scan worker thread");
	for (;;) {
		struct slot *s;

		if (!r->eof || r->carry_len) {
			s = &r->slots[r->next_fill % (uint64_t)r->nslots];
			pthread_mutex_lock(&r->mu);
			if (s->state == SLOT_FREE) {
				pthread_mutex_unlock(&r->mu);
				if (fill(r, s)) {
					progress(r, false);
					pthread_mutex_lock(&r->mu);
					s->state = SLOT_READY;
					s->seq = r->next_fill++;
					pthread_cond_broadcast(&r->cv_work);
					pthread_mutex_unlock(&r->mu);
				}
				continue;
			}
			pthread_mutex_unlock(&r->mu);
		}
		if (r->next_write == r->next_fill) {
			if (r->eof && r->carry_len == 0)
				break;
			continue;
		}
		s = &r->slots[r->next_write % (uint64_t)r->nslots];
		pthread_mutex_lock(&r->mu);
		while (s->state != SLOT_DONE)
			pthread_cond_wait(&r->cv_done, &r->mu);
		pthread_mutex_unlock(&r->mu);
		flush_slot(r, s);
		pthread_mutex_lock(&r->mu);
		s->state = SLOT_FREE;
		pthread_mutex_unlock(&r->mu);
		r->next_write++;
	}
	pthread_mutex_lock(&r->mu);
	r->quit = true;
	pthread_cond_broadcast(&r->cv_work);
	pthread_mutex_unlock(&r->mu);
	for (i = 0; i < jobs; i++)
		pthread_join(w[i].thread, NULL);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->cv_work);
	pthread_cond_destroy(&r->cv_done);
out:
	progress(r, true);
	for (i = 0; i < r->nslots; i++) {
		free(r->slots[i].in);
		buf_release(&r->slots[i].out);
		buf_release(&r->slots[i].err);
	}
	free(r->slots);
	workers_free(w, jobs);
}

/* ---- feeds and documents ------------------------------------------------- */

struct feed_ctx {
	struct run *r;
	struct scan_ctx *ctx;
	struct buf out;
	uint64_t n;
};

static int
on_feed_item(void *arg, const struct feed_item *it)
{
	struct feed_ctx *fc = arg;
	struct run *r = fc->r;
	char idbuf[600], ts_iso[TIME_STRLEN];
	const char *id = idbuf;
	size_t idlen;

	fc->n++;
	if (item_time(it->ts, ts_iso) < 0)
		ts_iso[0] = '\0'; /* a feed's own date format we do not read: no time */
	if (it->id.ptr) {
		id = it->id.ptr;
		idlen = it->id.len;
	} else {
		idlen = (size_t)snprintf(idbuf, sizeof(idbuf), "%s#%llu", r->name,
					 (unsigned long long)fc->n);
		if (idlen >= sizeof(idbuf))
			idlen = sizeof(idbuf) - 1;
	}
	if (r->o->output == SCAN_OUTPUT_EVAL) {
		fprintf(r->o->err, "%s#%llu: umpan RSS/Atom tidak berlabel, dilewati\n", r->name,
			(unsigned long long)fc->n);
		r->stats->errors++;
		return 0;
	}
	if (it->truncated)
		fprintf(r->o->err, "%s#%llu: kolom lebih dari %u byte, dipotong\n", r->name,
			(unsigned long long)fc->n, FEED_LINE_MAX);
	screen(r, fc->ctx, id, idlen, it->text.ptr ? it->text.ptr : "", it->text.len, &it->label,
	       ts_iso, &fc->out, r->stats);
	if (fc->out.len >= RUN_BLOCK) {
		fwrite(fc->out.data, 1, fc->out.len, r->o->out);
		buf_reset(&fc->out);
	}
	return 0;
}

static int
run_feed(struct run *r, const char *prefix, size_t plen, struct errbuf *eb)
{
	struct feed_ctx fc;
	int rc;

	memset(&fc, 0, sizeof(fc));
	fc.r = r;
	fc.ctx = scan_ctx_new(r->o->lex);
	if (r->o->threshold > 0)
		scan_ctx_set_threshold(fc.ctx, r->o->threshold);
	buf_init(&fc.out, (size_t)-1);
	rc = feed_xml_parse_fd(r->fd, prefix, plen, on_feed_item, &fc, eb);
	if (fc.out.len)
		fwrite(fc.out.data, 1, fc.out.len, r->o->out);
	if (rc < 0) {
		fprintf(r->o->err, "%s: %s\n", r->name, eb ? eb->msg : "XML tidak valid");
		r->stats->errors++;
	}
	buf_release(&fc.out);
	scan_ctx_free(fc.ctx);
	return 0;
}

static int
run_doc(struct run *r, const char *prefix, size_t plen, struct errbuf *eb)
{
	struct scan_ctx *ctx = scan_ctx_new(r->o->lex);
	struct str label = STR_NULL;
	struct buf text, out;
	bool cut = false;
	char buf[65536];

	buf_init(&text, SCAN_TEXT_MAX);
	buf_init(&out, (size_t)-1);
	buf_add(&text, prefix, plen);
	for (;;) {
		ssize_t n = read(r->fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_release(&text);
			buf_release(&out);
			scan_ctx_free(ctx);
			return errbuf_set(eb, ERR_INTERNAL, "gagal membaca %s: %s", r->name,
					  strerror(errno));
		}
		if (n == 0)
			break;
		if (text.len + (size_t)n > SCAN_TEXT_MAX)
			cut = true;
		buf_add(&text, buf, (size_t)n);
	}
	if (cut || buf_failed(&text)) {
		fprintf(r->o->err,
			"%s: dokumen lebih dari %u byte; hanya bagian awal yang dipindai\n",
			r->name, SCAN_TEXT_MAX);
		text.overflow = false; /* keep the blocks that fitted */
	}
	if (r->o->threshold > 0)
		scan_ctx_set_threshold(ctx, r->o->threshold);
	if (r->o->output == SCAN_OUTPUT_EVAL) {
		fprintf(r->o->err, "%s: dokumen tidak berlabel, dilewati\n", r->name);
		r->stats->errors++;
	} else {
		screen(r, ctx, r->name, strlen(r->name), buf_cstr(&text), text.len, &label, NULL,
		       &out, r->stats);
		fwrite(out.data ? out.data : "", 1, out.len, r->o->out);
	}
	buf_release(&text);
	buf_release(&out);
	scan_ctx_free(ctx);
	return 0;
}

static enum scan_format
by_extension(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/'))
		return SCAN_FORMAT_AUTO;
	if (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0 || strcmp(dot, ".json") == 0)
		return SCAN_FORMAT_JSONL;
	if (strcmp(dot, ".xml") == 0 || strcmp(dot, ".rss") == 0 || strcmp(dot, ".atom") == 0)
		return SCAN_FORMAT_RSS;
	if (strcmp(dot, ".txt") == 0 || strcmp(dot, ".text") == 0)
		return SCAN_FORMAT_TEXT;
	return SCAN_FORMAT_AUTO;
}

int
scan_format_detect(const char *path, int fd, char *prefix, size_t cap, size_t *plen,
		   enum scan_format *fmt)
{
	size_t i = 0;

	*plen = 0;
	*fmt = by_extension(path);
	if (*fmt != SCAN_FORMAT_AUTO)
		return 0;
	for (;;) {
		ssize_t n = read(fd, prefix + *plen, cap - *plen);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		*plen += (size_t)n;
		while (i < *plen && (prefix[i] == ' ' || prefix[i] == '\t' || prefix[i] == '\r' ||
				     prefix[i] == '\n'))
			i++;
		if (i < *plen || *plen == cap)
			break;
	}
	*fmt = i < *plen && prefix[i] == '{'   ? SCAN_FORMAT_JSONL
	       : i < *plen && prefix[i] == '<' ? SCAN_FORMAT_RSS
					       : SCAN_FORMAT_TEXT;
	return 0;
}

int
scan_run_file(const struct scan_run_opts *opts, const char *path, struct scan_run_stats *stats,
	      struct errbuf *eb)
{
	struct run r;
	char prefix[SCAN_SNIFF_MAX];
	size_t plen = 0;
	struct stat st;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	r.o = opts;
	r.stats = stats;
	r.line = 1;
	if (strcmp(path, "-") == 0) {
		r.fd = STDIN_FILENO;
		r.name = "-";
	} else {
		r.fd = open(path, O_RDONLY | O_CLOEXEC);
		r.name = path;
		if (r.fd < 0)
			return errbuf_set(eb, ERR_NOT_FOUND, "tidak dapat membuka %s: %s", path,
					  strerror(errno));
	}
	if (fstat(r.fd, &st) == 0 && S_ISREG(st.st_mode))
		r.total = (uint64_t)st.st_size;
	if (fstat(r.fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = errbuf_set(eb, ERR_INVALID_INPUT, "%s adalah direktori", path);
		goto out;
	}
	r.fmt = opts->format;
	if (r.fmt == SCAN_FORMAT_AUTO) {
		if (scan_format_detect(path, r.fd, prefix, sizeof(prefix), &plen, &r.fmt) < 0) {
			rc = errbuf_set(eb, ERR_INTERNAL, "gagal membaca %s: %s", path,
					strerror(errno));
			goto out;
		}
		r.done = plen;
	}
	switch (r.fmt) {
	case SCAN_FORMAT_RSS:
		rc = run_feed(&r, prefix, plen, eb);
		r.done = r.total ? r.total : plen;
		break;
	case SCAN_FORMAT_DOC: rc = run_doc(&r, prefix, plen, eb); break;
	default:
		r.carry = xmalloc(RUN_SLOT_CAP);
		memcpy(r.carry, prefix, plen);
		r.carry_len = plen;
		run_lines(&r);
		free(r.carry);
		if (r.rerr)
			rc = errbuf_set(eb, ERR_INTERNAL, "gagal membaca %s: %s", r.name,
					strerror(r.rerr));
		break;
	}
out:
	stats->bytes += r.done;
	if (r.fd != STDIN_FILENO)
		close(r.fd);
	return rc;
}
