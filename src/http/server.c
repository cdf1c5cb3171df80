/*
 * server.c - libmicrohttpd glue: listening socket, request lifecycle,
 * body limits, suspend/resume, access log and graceful shutdown.
 *
 * Lifecycle of one request:
 *   uri_logger()      allocates struct http_request (MHD passes it back as
 *                     *req_cls) and keeps the raw URL;
 *   access_handler()  first call: method, path, Content-Length limit;
 *                     body calls: append to req body (413 when too big);
 *                     final call: route and run the handler, or, after a
 *                     resume, the continuation; queue the response;
 *   completed()       access log line, free everything.
 * In-flight requests are counted so that stop can wait for them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "http/http_internal.h"

struct http_server {
	struct MHD_Daemon *daemon;
	struct http_server_opts o;
	int port;
	int listen_fd;
	atomic_int inflight;
};

static void
mhd_logger(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	log_warn("http: %s", msg);
}

static void *
uri_logger(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct http_server *srv = cls;
	struct http_request *req = xcalloc(1, sizeof(*req));
	struct http_private *p = xcalloc(1, sizeof(*p));

	arena_init(&req->arena, 16384);
	req->priv = p;
	req->app = srv->o.app;
	req->auth = srv->o.auth;
	req->body = "";
	req->raw_url = arena_strdup(&req->arena, uri ? uri : "/");
	p->srv_opts = &srv->o;
	p->conn = conn;
	p->t_start_us = clock_mono_us();
	buf_init(&p->body, srv->o.max_body);
	atomic_fetch_add(&srv->inflight, 1);
	return req;
}

static void
request_free(struct http_request *req)
{
	struct http_private *p = req->priv;

	if (p->response)
		MHD_destroy_response(p->response);
	buf_release(&p->body);
	arena_release(&req->arena);
	free(p);
	free(req);
}

static void
completed(void *cls, struct MHD_Connection *conn, void **req_cls,
	  enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct http_request *req = *req_cls;
	struct http_private *p;

	(void)conn;
	if (req == NULL)
		return;
	p = req->priv;
	if (srv->o.access_log) {
		long ms10 = (long)((clock_mono_us() - p->t_start_us) / 100);
		const char *ip = srv->o.log_client_ip ? http_client_addr(req) : NULL;

		/* a matched route is logged by its pattern ("/api/v1/ident/{number}"), so
		 * identifiers and tracking codes in paths never reach the log */
		log_info("%s%s%s %s %d %zu %ld.%ldms%s", ip ? ip : "", ip ? " " : "",
			 req->method ? req->method : "-",
			 p->route_pattern ? p->route_pattern : (req->path ? req->path : "-"),
			 p->status, p->bytes, ms10 / 10, ms10 % 10,
			 toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
	}
	request_free(req);
	*req_cls = NULL;
	atomic_fetch_sub(&srv->inflight, 1);
}

static int
parse_content_length(const char *v, uint64_t *out)
{
	int64_t n;

	if (str_to_i64(str_trim(str_from(v)), &n) < 0 || n < 0)
		return -1;
	*out = (uint64_t)n;
	return 0;
}

/* Route the request and run its handler (or the before hook's reply). */
static void
dispatch(struct http_server *srv, struct http_request *req)
{
	struct http_private *p = req->priv;
	const struct http_route *route;
	struct errbuf eb;
	char allow[128];
	enum http_match m;
	const char *q;
	int rc;

	q = strchr(req->raw_url, '?');
	if (q && form_parse(&req->arena, q + 1, strlen(q + 1), &req->query, &eb) < 0) {
		http_reply_problem(req, &eb);
		return;
	}
	if (srv->o.before) {
		rc = srv->o.before(req);
		if (rc != 0) {
			if (rc < 0 && p->response == NULL)
				http_reply_error(req, ERR_INTERNAL, "kesalahan internal");
			return;
		}
	}
	m = http_route_find(srv->o.routes, srv->o.nroutes, req->method, req->path, &req->arena,
			    &route, req->params, &req->nparams, &req->rest, allow, sizeof(allow));
	if (m == HTTP_MATCH_WRONG_METHOD) {
		http_header_add(req, "Allow", arena_strdup(&req->arena, allow));
		http_reply_error(req, ERR_METHOD_NOT_ALLOWED, "metode %s tidak diizinkan di sini",
				 req->method);
		return;
	}
	if (m == HTTP_MATCH_NONE) {
		if (srv->o.not_found && srv->o.not_found(req) == 0 && p->response)
			return;
		if (p->response == NULL)
			http_reply_error(req, ERR_NOT_FOUND,
					 "halaman atau sumber daya tidak ditemukan");
		return;
	}
	p->route_pattern = route->pattern;
	rc = route->handler(req);
	if (p->response == NULL && !p->suspended) {
		if (rc == 0)
			log_error("http: handler for %s %s returned without a reply", req->method,
				  req->path);
		http_reply_error(req, ERR_INTERNAL, "kesalahan internal");
	}
}

static enum MHD_Result
queue(struct http_request *req)
{
	struct http_private *p = req->priv;
	enum MHD_Result r;

	r = MHD_queue_response(p->conn, (unsigned)p->status, p->response);
	MHD_destroy_response(p->response);
	p->response = NULL;
	return r;
}

static enum MHD_Result
access_handler(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
	       const char *version, const char *upload_data, size_t *upload_data_size,
	       void **req_cls)
{
	struct http_server *srv = cls;
	struct http_request *req = *req_cls;
	struct http_private *p;

	(void)version;
	if (req == NULL)
		return MHD_NO;
	p = req->priv;
	p->conn = conn;
	if (p->phase == PHASE_NEW) {
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		uint64_t len;

		p->phase = PHASE_BODY;
		req->method = arena_strdup(&req->arena, method);
		req->path = arena_strdup(&req->arena, url);
		if (cl && (parse_content_length(cl, &len) < 0 || len > srv->o.max_body)) {
			p->too_large = true;
			http_reply_error(req, ERR_PAYLOAD_TOO_LARGE,
					 "data yang dikirim melebihi batas %zu byte",
					 srv->o.max_body);
			return queue(req);
		}
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (!p->too_large) {
			buf_add(&p->body, upload_data, n);
			if (buf_failed(&p->body)) {
				p->too_large = true;
				buf_release(&p->body);
			}
		}
		if (p->too_large) {
			p->discarded += n;
			if (p->discarded > 4 * (uint64_t)srv->o.max_body)
				return MHD_NO; /* a flood: drop the connection */
		}
		return MHD_YES;
	}
	if (p->phase == PHASE_BODY) {
		p->phase = PHASE_DISPATCHED;
		if (p->too_large) {
			http_reply_error(req, ERR_PAYLOAD_TOO_LARGE,
					 "data yang dikirim melebihi batas %zu byte",
					 srv->o.max_body);
		} else {
			req->body = buf_cstr(&p->body);
			req->body_len = p->body.len;
			dispatch(srv, req);
		}
	} else if (p->cont && p->resumed) {
		http_handler cont = p->cont;

		p->cont = NULL;
		p->suspended = false;
		p->resumed = false;
		cont(req);
		if (p->response == NULL && !p->suspended)
			http_reply_error(req, ERR_INTERNAL, "kesalahan internal");
	}
	if (p->response)
		return queue(req);
	return p->suspended ? MHD_YES : MHD_NO;
}

void
http_suspend(struct http_request *req, http_handler cont)
{
	struct http_private *p = req->priv;

	p->cont = cont;
	p->suspended = true;
	p->resumed = false;
	MHD_suspend_connection(p->conn);
}

void
http_resume(struct http_request *req)
{
	struct http_private *p = req->priv;

	p->resumed = true;
	MHD_resume_connection(p->conn);
}

static int
open_listener(const char *listen_addr, int *port_out, struct errbuf *eb)
{
	char host[128];
	const char *colon = strrchr(listen_addr, ':');
	struct sockaddr_in sin;
	socklen_t slen = sizeof(sin);
	int64_t port;
	int fd, one = 1;

	if (colon == NULL || (size_t)(colon - listen_addr) >= sizeof(host) ||
	    str_to_i64(str_from(colon + 1), &port) < 0 || port < 0 || port > 65535)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "alamat --listen '%s' tidak valid; gunakan ALAMAT:PORT",
				  listen_addr);
	memcpy(host, listen_addr, (size_t)(colon - listen_addr));
	host[colon - listen_addr] = '\0';
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	if (host[0] == '\0' || strcmp(host, "*") == 0)
		sin.sin_addr.s_addr = htonl(INADDR_ANY);
	else if (strcmp(host, "localhost") == 0)
		sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	else if (inet_pton(AF_INET, host, &sin.sin_addr) != 1)
		return errbuf_set(eb, ERR_INVALID_INPUT, "alamat IPv4 '%s' tidak valid", host);
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return errbuf_set(eb, ERR_UNAVAILABLE, "socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) < 0 || listen(fd, 1024) < 0) {
		errbuf_set(eb, ERR_UNAVAILABLE, "tidak dapat mendengarkan di %s: %s", listen_addr,
			   strerror(errno));
		close(fd);
		return -1;
	}
	if (getsockname(fd, (struct sockaddr *)&sin, &slen) < 0) {
		errbuf_set(eb, ERR_UNAVAILABLE, "getsockname: %s", strerror(errno));
		close(fd);
		return -1;
	}
	*port_out = ntohs(sin.sin_port);
	return fd;
}

int
http_server_start(struct http_server **out, const struct http_server_opts *o, struct errbuf *eb)
{
	struct http_server *srv = xcalloc(1, sizeof(*srv));
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			 MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;

	srv->o = *o;
	if (srv->o.threads == 0)
		srv->o.threads = 1;
	srv->listen_fd = open_listener(o->listen, &srv->port, eb);
	if (srv->listen_fd < 0) {
		free(srv);
		return -1;
	}
	srv->daemon = MHD_start_daemon(
		flags, 0, NULL, NULL, access_handler, srv, MHD_OPTION_EXTERNAL_LOGGER, mhd_logger,
		srv, MHD_OPTION_LISTEN_SOCKET, srv->listen_fd, MHD_OPTION_THREAD_POOL_SIZE,
		(unsigned)srv->o.threads, MHD_OPTION_CONNECTION_LIMIT,
		(unsigned)(o->max_connections ? o->max_connections : 1024),
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout_s ? o->timeout_s : 30),
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(o->max_header ? o->max_header : 32768),
		MHD_OPTION_URI_LOG_CALLBACK, uri_logger, srv, MHD_OPTION_NOTIFY_COMPLETED,
		completed, srv, MHD_OPTION_END);
	if (srv->daemon == NULL) {
		close(srv->listen_fd);
		free(srv);
		return errbuf_set(eb, ERR_UNAVAILABLE, "server HTTP tidak dapat dimulai");
	}
	*out = srv;
	return 0;
}

int
http_server_port(const struct http_server *s)
{
	return s->port;
}

void
http_server_stop(struct http_server *s, int grace_ms)
{
	int fd, waited = 0;

	if (s == NULL)
		return;
	fd = MHD_quiesce_daemon(s->daemon);
	if (fd >= 0)
		close(fd);
	while (atomic_load(&s->inflight) > 0 && waited < grace_ms) {
		usleep(10000);
		waited += 10;
	}
	if (atomic_load(&s->inflight) > 0)
		log_warn("http: stopping with %d requests still in flight",
			 atomic_load(&s->inflight));
	MHD_stop_daemon(s->daemon);
	free(s);
}

/* --- request accessors --------------------------------------------------- */

const char *
http_header_get(struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->priv->conn, MHD_HEADER_KIND, name);
}

const char *
http_query_get(struct http_request *req, const char *name)
{
	return form_get(&req->query, name);
}

const char *
http_cookie_get(struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->priv->conn, MHD_COOKIE_KIND, name);
}

const char *
http_client_addr(struct http_request *req)
{
	struct http_private *p = req->priv;
	const union MHD_ConnectionInfo *ci;

	if (p->client[0])
		return p->client;
	ci = MHD_get_connection_info(p->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || ci->client_addr == NULL)
		return "unknown";
	if (ci->client_addr->sa_family == AF_INET) {
		const struct sockaddr_in *in =
			(const struct sockaddr_in *)(const void *)ci->client_addr;

		inet_ntop(AF_INET, &in->sin_addr, p->client, sizeof(p->client));
	} else if (ci->client_addr->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 =
			(const struct sockaddr_in6 *)(const void *)ci->client_addr;

		inet_ntop(AF_INET6, &in6->sin6_addr, p->client, sizeof(p->client));
	} else {
		cstr_copy(p->client, sizeof(p->client), "unknown");
	}
	return p->client;
}

void
http_header_add(struct http_request *req, const char *name, const char *value)
{
	if (req->nheaders < HTTP_MAX_HEADERS) {
		req->headers[req->nheaders].name = name;
		req->headers[req->nheaders].value = value;
		req->nheaders++;
	}
}

bool
http_is_head(const struct http_request *req)
{
	return req->method && strcmp(req->method, "HEAD") == 0;
}
