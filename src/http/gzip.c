/*
 * gzip.c - Content-Encoding: gzip for text replies (zlib).
 *
 * What is compressed: replies built in memory (http_reply_bytes/buf/json/
 * problem, so every page and JSON answer) and embedded assets, when the
 * type is text (HTML, CSS, JavaScript, JSON, SVG, CSV), the body is at
 * least HTTP_GZIP_MIN bytes, the client's Accept-Encoding allows gzip, and
 * the result is smaller.  Such replies carry "Vary: Accept-Encoding"
 * whether or not this client got the compressed variant.
 *
 * Not compressed: streamed replies (the CSV and XLSX exports).  They are
 * downloads read once, XLSX is already a zip, and a per-chunk
 * Z_SYNC_FLUSH stream would tie the exporter's paging to zlib's buffering
 * for little gain; they go out as the exporter writes them.
 *
 * ETags: the gzip variant of an asset has its own entity tag (the
 * identity tag with "-gz" inside the quotes), so a cache never answers a
 * client with the other variant's bytes; If-None-Match is compared with
 * the variant being served.
 *
 * Embedded assets are compressed once, on first use, and kept for the
 * life of the process (the table is immutable); files read from
 * --assets-dir are compressed per request.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/str.h"
#include "core/xalloc.h"
#include "http/http_internal.h"

bool
http_gzip_type(const char *content_type)
{
	static const char *const types[] = {
		"text/html",        "text/css",
		"text/javascript",  "text/csv",
		"text/plain",       "application/javascript",
		"application/json", "application/problem+json",
		"image/svg+xml",
	};
	size_t i;

	if (content_type == NULL)
		return false;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		size_t n = strlen(types[i]);

		if (strncmp(content_type, types[i], n) == 0 &&
		    (content_type[n] == '\0' || content_type[n] == ';' || content_type[n] == ' '))
			return true;
	}
	return false;
}

/* One coding of Accept-Encoding: "gzip", "gzip;q=0.5", "*;q=0". */
static bool
coding_allows(struct str item, const char *name, int *verdict)
{
	struct str coding = item, params = {0};
	const char *semi = memchr(item.ptr, ';', item.len);

	if (semi) {
		coding = str_make(item.ptr, (size_t)(semi - item.ptr));
		params = str_make(semi + 1, item.len - (size_t)(semi + 1 - item.ptr));
	}
	coding = str_trim(coding);
	if (!str_caseeq_cstr(coding, name)) /* codings are case-insensitive */
		return false;
	*verdict = 1;
	while (params.len) {
		const char *next = memchr(params.ptr, ';', params.len);
		struct str p =
			str_trim(next ? str_make(params.ptr, (size_t)(next - params.ptr)) : params);

		if (p.len >= 2 && (p.ptr[0] == 'q' || p.ptr[0] == 'Q') && p.ptr[1] == '=') {
			/* q=0, q=0.0, q=0.000 refuse; anything else above zero allows */
			size_t k;
			bool nonzero = false;

			for (k = 2; k < p.len; k++)
				if (p.ptr[k] >= '1' && p.ptr[k] <= '9')
					nonzero = true;
			*verdict = nonzero ? 1 : 0;
		}
		if (next == NULL)
			break;
		params = str_make(next + 1, params.len - (size_t)(next + 1 - params.ptr));
	}
	return true;
}

bool
http_accepts_gzip(const char *accept_encoding)
{
	struct str rest;
	int gzip = -1, star = -1;

	if (accept_encoding == NULL)
		return false;
	rest = str_from(accept_encoding);
	while (rest.len) {
		const char *comma = memchr(rest.ptr, ',', rest.len);
		struct str item = comma ? str_make(rest.ptr, (size_t)(comma - rest.ptr)) : rest;
		int v;

		item = str_trim(item);
		if (item.len) {
			if (coding_allows(item, "gzip", &v) || coding_allows(item, "x-gzip", &v))
				gzip = v;
			else if (coding_allows(item, "*", &v))
				star = v;
		}
		if (comma == NULL)
			break;
		rest = str_make(comma + 1, rest.len - (size_t)(comma + 1 - rest.ptr));
	}
	if (gzip >= 0)
		return gzip == 1;
	return star == 1;
}

int
http_gzip_compress(const void *in, size_t len, unsigned char **out, size_t *outlen)
{
	z_stream z;
	uLong cap;
	unsigned char *buf;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (len > (size_t)UINT32_MAX / 2)
		return -1;
	memset(&z, 0, sizeof(z));
	/* 15 + 16: a gzip wrapper, not zlib's; memLevel 8 is zlib's default */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	cap = deflateBound(&z, (uLong)len);
	buf = xmalloc(cap);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = buf;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);
	if (rc != Z_STREAM_END) {
		deflateEnd(&z);
		free(buf);
		return -1;
	}
	*outlen = (size_t)z.total_out;
	deflateEnd(&z);
	*out = buf;
	return 0;
}

bool
http_gzip_wanted(struct http_request *req, const char *content_type, size_t len)
{
	if (len < HTTP_GZIP_MIN || !http_gzip_type(content_type))
		return false;
	return http_accepts_gzip(http_header_get(req, "Accept-Encoding"));
}

/* --- embedded assets: compressed once ------------------------------------ */

struct gz_asset {
	unsigned char *data; /* NULL: not worth it (no smaller) */
	size_t len;
	char etag[48];
};

static pthread_mutex_t gz_lock = PTHREAD_MUTEX_INITIALIZER;
static struct gz_asset **gz_cache; /* parallel to asset_table, filled lazily */

void
http_gzip_etag(const char *etag, char *out, size_t outsz)
{
	size_t n = strlen(etag);
	bool weak = n > 2 && etag[0] == 'W' && etag[1] == '/';
	const char *tag = weak ? etag + 2 : etag;

	n = strlen(tag);
	if (n >= 2 && tag[0] == '"' && tag[n - 1] == '"')
		snprintf(out, outsz, "%s%.*s-gz\"", weak ? "W/" : "", (int)(n - 1), tag);
	else
		snprintf(out, outsz, "%s\"%s-gz\"", weak ? "W/" : "", tag);
}

int
http_gzip_asset(const struct asset *a, struct http_gzip_blob *out)
{
	struct gz_asset *g;

	memset(out, 0, sizeof(*out));
	if (a >= asset_table && a < asset_table + asset_count) {
		size_t i = (size_t)(a - asset_table);

		pthread_mutex_lock(&gz_lock);
		if (gz_cache == NULL)
			gz_cache = xcalloc(asset_count, sizeof(struct gz_asset *));
		g = gz_cache[i];
		if (g == NULL) {
			g = xcalloc(1, sizeof(*g));
			if (http_gzip_compress(a->data, a->len, &g->data, &g->len) < 0 ||
			    g->len >= a->len) {
				free(g->data);
				g->data = NULL;
			}
			http_gzip_etag(a->etag, g->etag, sizeof(g->etag));
			gz_cache[i] = g;
		}
		pthread_mutex_unlock(&gz_lock);
		if (g->data == NULL)
			return -1;
		out->data = g->data;
		out->len = g->len;
		out->etag = g->etag;
		return 0;
	}
	/* a file read from --assets-dir for this request only */
	if (http_gzip_compress(a->data, a->len, &out->data, &out->len) < 0 || out->len >= a->len) {
		free(out->data);
		out->data = NULL;
		return -1;
	}
	out->owned = true;
	http_gzip_etag(a->etag, out->etag_buf, sizeof(out->etag_buf));
	out->etag = out->etag_buf;
	return 0;
}
