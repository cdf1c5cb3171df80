/*
 * ident_data.c - read a knowledge file for the ident module (see
 * ident_data.h).  Invariant: a returned buffer is NUL-terminated and at
 * most max bytes long.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/asset.h"
#include "core/xalloc.h"
#include "ident/ident_data.h"

static int
read_file(const char *path, size_t max, const char **data, size_t *len, struct errbuf *eb)
{
	struct stat st;
	FILE *f = NULL;
	char *buf = NULL;
	size_t n;
	int rc = -1;

	f = fopen(path, "rb");
	if (f == NULL) {
		errbuf_set(eb, ERR_NOT_FOUND, "tidak dapat membuka %s: %s", path, strerror(errno));
		goto out;
	}
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		errbuf_set(eb, ERR_INVALID_INPUT, "%s bukan berkas biasa", path);
		goto out;
	}
	if ((unsigned long long)st.st_size > max) {
		errbuf_set(eb, ERR_PAYLOAD_TOO_LARGE, "%s terlalu besar (%lld byte, batas %zu)",
			   path, (long long)st.st_size, max);
		goto out;
	}
	n = (size_t)st.st_size;
	buf = xmalloc(n + 1);
	if (fread(buf, 1, n, f) != n) {
		errbuf_set(eb, ERR_INVALID_INPUT, "tidak dapat membaca %s", path);
		goto out;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	if (f)
		fclose(f);
	return rc;
}

int
ident_data_read(const char *dir, const char *rel, size_t max, const char **data, size_t *len,
		bool *owned, struct errbuf *eb)
{
	char name[512];
	const struct asset *a;

	*data = NULL;
	*len = 0;
	*owned = false;
	if (dir && dir[0]) {
		if ((size_t)snprintf(name, sizeof(name), "%s/%s", dir, rel) >= sizeof(name))
			return errbuf_set(eb, ERR_INVALID_INPUT, "path terlalu panjang: %s/%s", dir,
					  rel);
		if (read_file(name, max, data, len, eb) < 0)
			return -1;
		*owned = true;
		return 0;
	}
	snprintf(name, sizeof(name), "data/%s", rel);
	a = asset_find(name);
	if (a == NULL)
		return errbuf_set(eb, ERR_INTERNAL, "aset %s tidak tertanam dalam program", name);
	if (a->len > max)
		return errbuf_set(eb, ERR_INTERNAL, "aset %s terlalu besar", name);
	*data = (const char *)a->data;
	*len = a->len;
	return 0;
}
