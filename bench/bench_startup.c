/*
 * bench_startup.c - cold start of `netra serve` to the first 200 on
 * /healthz, and the server's resident memory when idle.
 *
 * For each run: a fresh data directory (so the time includes creating the
 * database and migrating it) or the same one again (warm), fork/exec the
 * binary on port 0, poll the port file and GET /healthz over a raw socket
 * until it answers 200.  Prints min/median/max.  Targets (issue 2):
 * cold start < 100 ms, idle RSS < 30 MB.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
healthz(int port)
{
	struct sockaddr_in sin;
	const char *rq = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	char buf[256];
	int fd = socket(AF_INET, SOCK_STREAM, 0), code = 0;
	ssize_t n;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0 &&
	    send(fd, rq, strlen(rq), MSG_NOSIGNAL) > 0 &&
	    (n = recv(fd, buf, sizeof(buf) - 1, 0)) > 0) {
		buf[n] = '\0';
		sscanf(buf, "HTTP/1.%*d %d", &code);
	}
	close(fd);
	return code;
}

static long
rss_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One start; returns ms to first 200, fills *rss (kB, after idling) if asked. */
static double
one_run(const char *bin, const char *dir, long *rss)
{
	char portfile[600];
	double t0 = now_ms(), t = -1;
	pid_t pid;
	int port = 0;

	snprintf(portfile, sizeof(portfile), "%s/port", dir);
	unlink(portfile);
	t0 = now_ms();
	pid = fork();
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);

		if (devnull >= 0)
			dup2(devnull, 2);
		execl(bin, bin, "serve", "--data", dir, "--listen", "127.0.0.1:0", "--port-file",
		      portfile, "--log-level", "error", (char *)NULL);
		_exit(127);
	}
	while (now_ms() - t0 < 5000) {
		if (port == 0) {
			FILE *f = fopen(portfile, "r");

			if (f) {
				if (fscanf(f, "%d", &port) != 1)
					port = 0;
				fclose(f);
			}
			if (port == 0) {
				usleep(200);
				continue;
			}
		}
		if (healthz(port) == 200) {
			t = now_ms() - t0;
			break;
		}
		usleep(200);
	}
	if (rss) {
		int i;

		for (i = 0; i < 20; i++)
			healthz(port);
		sleep(1);
		*rss = rss_kb(pid);
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	return t;
}

int
main(void)
{
	const char *bin = getenv("NETRA_BIN") ? getenv("NETRA_BIN") : "build/bin/netra";
	char dir[] = "/tmp/netra-bench-start.XXXXXX", cmd[128];
	double cold[10], warm[10];
	long rss = -1;
	int i;

	if (mkdtemp(dir) == NULL)
		return 1;
	for (i = 0; i < 10; i++) {
		snprintf(cmd, sizeof(cmd), "rm -rf %s/netra.db*", dir);
		if (system(cmd) != 0)
			return 1;
		cold[i] = one_run(bin, dir, NULL);
	}
	for (i = 0; i < 10; i++)
		warm[i] = one_run(bin, dir, i == 9 ? &rss : NULL);
	qsort(cold, 10, sizeof(double), cmp);
	qsort(warm, 10, sizeof(double), cmp);
	printf("cold start to first 200 on /healthz (new database, 10 runs): min %.1f ms, median "
	       "%.1f ms, max %.1f ms (target < 100 ms)\n",
	       cold[0], (cold[4] + cold[5]) / 2, cold[9]);
	printf("warm start to first 200 on /healthz (existing database, 10 runs): min %.1f ms, "
	       "median %.1f ms, max %.1f ms\n",
	       warm[0], (warm[4] + warm[5]) / 2, warm[9]);
	printf("idle RSS of netra serve after 20 requests and 1 s idle: %.1f MB (target < 30 MB)\n",
	       rss / 1024.0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : 1;
}
