/*
 * cmd_serve.c - `netra serve`: the HTTP server.
 *
 * SIGTERM and SIGINT are blocked in every thread and taken by sigwait()
 * here, so shutdown runs in plain code: stop accepting, let in-flight
 * requests finish (10 s at most), close the store (which finishes queued
 * writes and checkpoints the WAL), exit 0.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "auth/auth.h"
#include "cases/calendar_admin.h"
#include "cli/cli.h"
#include "core/log.h"
#include "core/version.h"
#include "http/http.h"
#include "web/web.h"

static int
write_port_file(const char *path, int port)
{
	char tmp[600];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "%d\n", port);
	if (fclose(f) != 0 || rename(tmp, path) < 0)
		return -1;
	return 0;
}

static pthread_t main_thread;

/* a store_notify_fn (writer or listener thread): wake the loop below,
 * which every thread leaves SIGHUP to (it is blocked everywhere) */
static void
calendar_notified(void *arg, const char *topic)
{
	(void)arg;
	if (strcmp(topic, STORE_TOPIC_CALENDAR) == 0 || strcmp(topic, STORE_TOPIC_ALL) == 0)
		pthread_kill(main_thread, SIGHUP);
}

static int
run_serve(struct cli *cli)
{
	struct http_server_opts ho;
	struct http_server *srv;
	struct app app;
	struct errbuf eb;
	sigset_t set;
	int sig = 0;

	if (cli->nargs)
		return cli_usage_error(cli, "no arguments expected");
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (app_open(&app, &cli->cfg, APP_STORE | APP_STORE_CREATE | APP_WEB, &eb) < 0)
		return cli_fail("%s", eb.msg);
	/* a calendar changed by another node: reload now, as on SIGHUP */
	main_thread = pthread_self();
	if (store_subscribe(app.store, calendar_notified, NULL, &eb) < 0) {
		app_close(&app);
		return cli_fail("%s", eb.msg);
	}
	memset(&ho, 0, sizeof(ho));
	ho.listen = cli->cfg.listen;
	ho.max_body = (size_t)cli->cfg.max_body;
	ho.max_header = (size_t)cli->cfg.max_header;
	ho.threads = (unsigned)cli->cfg.threads;
	ho.max_connections = (unsigned)cli->cfg.max_connections;
	ho.timeout_s = (unsigned)cli->cfg.timeout_s;
	ho.access_log = cli->cfg.access_log;
	ho.log_client_ip = cli->cfg.log_client_ip;
	ho.routes = app_routes;
	ho.nroutes = app_routes_count;
	ho.app = &app;
	ho.auth = app.auth;
	ho.before = auth_http_before;
	ho.not_found = web_not_found;
	if (http_server_start(&srv, &ho, &eb) < 0) {
		app_close(&app);
		return cli_fail("%s", eb.msg);
	}
	app_bound_port(&app, http_server_port(srv));
	if (cli->cfg.port_file[0] && write_port_file(cli->cfg.port_file, http_server_port(srv)) < 0)
		log_warn("cannot write port file %s: %s", cli->cfg.port_file, strerror(errno));
	log_info("netra %s listening on http://%.*s:%d/", NETRA_VERSION,
		 (int)(strrchr(cli->cfg.listen, ':') - cli->cfg.listen), cli->cfg.listen,
		 http_server_port(srv));
	/* between signals, every [server] calendar_refresh seconds, and at
	 * once on SIGHUP: a calendar changed by the CLI or another process is
	 * loaded (calendar_admin.h) */
	for (;;) {
		struct timespec ts = {cli->cfg.calendar_refresh_s > 0 ? cli->cfg.calendar_refresh_s
								      : CALENDAR_REFRESH_S,
				      0};
		bool reloaded;

		sig = sigtimedwait(&set, NULL, &ts);
		if (sig > 0 && sig != SIGHUP)
			break;
		if (sig < 0 && errno != EAGAIN)
			continue;
		if (cases_calendar_refresh(&app.cases, &reloaded, &eb) < 0)
			log_error("calendar: reload failed, keeping the current one: %s", eb.msg);
	}
	log_info("signal %d: shutting down", sig);
	http_server_stop(srv, 10000);
	app_close(&app);
	log_info("stopped cleanly");
	return CLI_OK;
}

const struct cli_cmd cmd_serve = {
	.name = "serve",
	.usage = "[--listen ADDR:PORT] [--port-file FILE] [--data DIR]",
	.summary = "Serve the web interface and the JSON API.",
	.description = "Listens on 127.0.0.1:8080 unless told otherwise.  SIGTERM or SIGINT stops\n"
		       "the server after in-flight requests finish; SIGHUP loads a calendar\n"
		       "changed by the CLI or another node now instead of at the next check\n"
		       "([server] calendar_refresh seconds, default 5).",
	.run = run_serve,
};
