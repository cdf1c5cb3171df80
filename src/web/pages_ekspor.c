/*
 * pages_ekspor.c - GET /kantor/ekspor.csv and /kantor/ekspor.xlsx: the
 * inbox's filter (state, election, kind, q, assigned, overdue, due_soon)
 * and the dashboard's (region, from, to) as a file (src/export/).
 *
 * The CSV is streamed: each time the connection wants more bytes, the
 * next page of cases is read and formatted, so memory stays at one page
 * whatever the size of the store.  The XLSX must be complete before its
 * zip directory can be written: it is built in a temporary file in the
 * data directory (libxlsxwriter in constant-memory mode), the file is
 * unlinked at once, and its descriptor is streamed and closed at the end.
 * Both carry words, not codes, in the page's language (web_lang: the
 * lang= parameter, else the language cookie): web/labels.h.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "auth/auth.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "export/export.h"
#include "web/labels.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

/* "netra-kasus-20240209-1000.<ext>" in the office's zone */
static const char *
disposition(struct http_request *req, const char *ext)
{
	int off = tz_wita.offset_min;
	int64_t now = clock_now();
	struct date d = time_local_date(now, off);
	int s = time_local_seconds(now, off);

	return arena_printf(
		&req->arena, "attachment; filename=\"netra-kasus-%04d%02d%02d-%02d%02d.%s\"",
		d.year % 10000, d.month % 100, d.day % 100, (s / 3600) % 100, (s / 60) % 60, ext);
}

/* The cursor of the request's filter, speaking the words of lb (which
 * must outlive it). */
static int
start(struct http_request *req, struct export_cursor **c, struct labels *lb)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	struct export_query q;
	struct export_words words;
	struct errbuf eb;

	errbuf_clear(&eb);
	if (who->user_id == 0) {
		struct buf next = BUF_INIT;

		buf_addstr(&next, "/masuk?next=");
		buf_add_urlenc(&next, req->raw_url, strlen(req->raw_url));
		http_reply_redirect(req, 303, arena_strdup(&req->arena, buf_cstr(&next)));
		buf_release(&next);
		return -1;
	}
	if (export_query_parse(&req->query, &q, &eb) < 0 ||
	    export_cursor_new(c, app->store, who, &q, &eb) < 0) {
		web_error_page(req, &eb);
		return -1;
	}
	web_labels(req, lb);
	labels_export_words(lb, &words);
	export_cursor_words(*c, &words);
	return 0;
}

/* --- CSV ----------------------------------------------------------------------- */

struct csv_stream {
	struct export_cursor *c;
	struct labels lb; /* the words of the file: kept while it streams */
	struct buf b;
	size_t off;
	bool end;
};

static long
csv_fill(void *arg, uint64_t pos, char *out, size_t max)
{
	struct csv_stream *s = arg;
	struct errbuf eb;
	size_t n;

	(void)pos;
	while (s->off == s->b.len) {
		int k;

		if (s->end)
			return 0;
		buf_reset(&s->b);
		s->off = 0;
		errbuf_clear(&eb);
		k = export_csv_next(s->c, &s->b, &eb);
		if (k < 0) {
			log_error("export: csv stopped after %zu rows: %s",
				  export_cursor_rows(s->c), eb.msg);
			return -1;
		}
		if (k == 0)
			s->end = true;
	}
	n = s->b.len - s->off;
	if (n > max)
		n = max;
	memcpy(out, s->b.data + s->off, n);
	s->off += n;
	return (long)n;
}

static void
csv_done(void *arg)
{
	struct csv_stream *s = arg;

	export_cursor_free(s->c);
	buf_release(&s->b);
	free(s);
}

int
web_ekspor_csv(struct http_request *req)
{
	struct csv_stream *s = xcalloc(1, sizeof(*s));
	struct export_cursor *c;

	if (start(req, &c, &s->lb) < 0) {
		free(s);
		return 0;
	}
	s->c = c;
	buf_init(&s->b, (size_t)-1);
	http_header_add(req, "Content-Disposition", disposition(req, "csv"));
	http_header_add(req, "Cache-Control", "private, no-store");
	return http_reply_stream(req, 200, "text/csv; charset=utf-8", csv_fill, csv_done, s);
}

/* --- XLSX ---------------------------------------------------------------------- */

struct fd_stream {
	int fd;
};

static long
fd_fill(void *arg, uint64_t pos, char *out, size_t max)
{
	struct fd_stream *s = arg;
	ssize_t n = pread(s->fd, out, max, (off_t)pos);

	return n < 0 ? -1 : (long)n;
}

static void
fd_done(void *arg)
{
	struct fd_stream *s = arg;

	close(s->fd);
	free(s);
}

int
web_ekspor_xlsx(struct http_request *req)
{
	struct app *app = req->app;
	struct export_cursor *c;
	struct fd_stream *s;
	struct labels lb;
	struct errbuf eb;
	char *path;
	int fd, rc;

	if (start(req, &c, &lb) < 0)
		return 0;
	errbuf_clear(&eb);
	path = arena_printf(&req->arena, "%s/.ekspor-XXXXXX.xlsx", app->cfg.data_dir);
	fd = mkstemps(path, 5);
	if (fd < 0) {
		export_cursor_free(c);
		errbuf_set(&eb, ERR_UNAVAILABLE, "Berkas sementara tidak dapat dibuat.");
		return web_error_page(req, &eb);
	}
	close(fd);
	rc = export_xlsx_write(c, path, app->cfg.data_dir, &eb);
	export_cursor_free(c);
	fd = rc == 0 ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	unlink(path); /* the open descriptor keeps the bytes until it is closed */
	if (fd < 0) {
		if (rc == 0)
			errbuf_set(&eb, ERR_INTERNAL, "Berkas ekspor tidak dapat dibaca.");
		log_error("export: xlsx: %s", eb.msg);
		return web_error_page(req, &eb);
	}
	s = xmalloc(sizeof(*s));
	s->fd = fd;
	http_header_add(req, "Content-Disposition", disposition(req, "xlsx"));
	http_header_add(req, "Cache-Control", "private, no-store");
	return http_reply_stream(
		req, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		fd_fill, fd_done, s);
}
