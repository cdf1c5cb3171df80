/*
 * tool_fsync.c - the disk's durable-write rate, the yardstick for the
 * durable intake figure of bench/04-engines.sh: for SECONDS (default 3) it
 * appends 4 KB to a scratch file in DIR and fdatasync()s it, again and
 * again, then prints how many of those it did per second.  A commit of
 * either engine costs at least one such write, so intake above this rate
 * means several reports shared a commit.  The scratch file is removed.
 *
 * usage: tool_fsync DIR [SECONDS]
 * prints: "<rate> fdatasync/s (<n> x 4 KB in <s> s)"
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/datetime.h"

int
main(int argc, char **argv)
{
	char path[4096], block[4096];
	double seconds = argc > 2 ? atof(argv[2]) : 3.0;
	int64_t t0, t;
	long n = 0;
	int fd;

	if (argc < 2 || argc > 3 || seconds <= 0) {
		fprintf(stderr, "usage: tool_fsync DIR [SECONDS]\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/netra-fsync-probe.%ld", argv[1], (long)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(path);
		return 1;
	}
	memset(block, 'n', sizeof(block));
	t0 = clock_mono_ms();
	do {
		if (write(fd, block, sizeof(block)) != (ssize_t)sizeof(block) ||
		    fdatasync(fd) != 0) {
			perror(path);
			close(fd);
			unlink(path);
			return 1;
		}
		n++;
		t = clock_mono_ms();
	} while ((double)(t - t0) < seconds * 1000.0);
	close(fd);
	unlink(path);
	printf("%.0f fdatasync/s (%ld x 4 KB in %.1f s)\n", (double)n * 1000.0 / (double)(t - t0),
	       n, (double)(t - t0) / 1000.0);
	return 0;
}
