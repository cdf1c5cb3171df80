/*
 * replay.c - run a libFuzzer target over files without libFuzzer.
 *
 * usage: fuzz_x DIR_OR_FILE ...
 * Feeds every file (directories are walked one level) to
 * LLVMFuzzerTestOneInput and prints one TAP line per input.  A crash or a
 * sanitizer report kills the process, which tests/run.sh counts as a
 * failure.  Built with gcc so that `make test` replays the corpora and the
 * minimised crashers in tests/fuzz/regress/ without clang.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count;

static void
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) < 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) < 0) {
		printf("not ok %d - cannot read %s\n", ++count, path);
		if (f)
			fclose(f);
		return;
	}
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		printf("not ok %d - cannot read %s\n", ++count, path);
		free(buf);
		fclose(f);
		return;
	}
	fclose(f);
	fflush(stdout);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	printf("ok %d - %s\n", ++count, path);
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *de;

		if (stat(argv[i], &st) < 0)
			continue; /* an empty corpus directory may not exist yet */
		if (!S_ISDIR(st.st_mode)) {
			run_file(argv[i]);
			continue;
		}
		d = opendir(argv[i]);
		if (d == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			char path[4096];

			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i], de->d_name);
			run_file(path);
		}
		closedir(d);
	}
	printf("1..%d\n", count);
	return 0;
}
