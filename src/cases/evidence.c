/*
 * evidence.c - evidence files: type check, hash, durable content-addressed
 * storage (see evidence.h for the layout and the thread rules).
 *
 * Durability order for a new file, each step checked:
 *   1. mkdir -p DATA/evidence/ab/cd (0700), fsync'ing the parent of every
 *      directory created, under a process-wide lock;
 *   2. open DIR/.tmp-<random> with O_CREAT|O_EXCL (0400), write all,
 *      fsync, close;
 *   3. rename over DIR/<sha> (atomic), fsync DIR.
 * When DIR/<sha> already exists with the right size nothing is written,
 * but DIR is still fsync'd: the writer that renamed it may not have done
 * so yet, and our caller is about to acknowledge.  A wrong size (a damaged
 * file) is logged and replaced through steps 2-3.
 *
 * Invariants: a file named <sha> holds exactly the bytes whose SHA-256 is
 * <sha> (modulo outside damage, which the size check catches in part);
 * a type not on the allow-list is never written.  Messages for users
 * never carry server paths; the paths go to the log.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <magic.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/evidence.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"

#define E_TYPE  "evidence_type"
#define E_LARGE "payload_too_large"

/*
 * The allow-list: what libmagic (MAGIC_MIME_TYPE) calls the formats a
 * phone or a PC produces for photos, screen recordings, voice notes,
 * scanned letters and chat exports.  Never text/html, image/svg+xml,
 * scripts, executables, archives or office documents (macros).
 */
static const char *const allowed_mimes[] = {
	"image/jpeg", "image/png",   "image/webp",      "image/gif",  "image/heic",
	"image/heif", "video/mp4",   "video/x-m4v",     "video/webm", "video/quicktime",
	"video/3gpp", "audio/mpeg",  "audio/ogg",       "audio/mp4",  "audio/x-m4a",
	"audio/wav",  "audio/x-wav", "application/pdf", "text/plain",
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t pool[EVIDENCE_POOL_MAX];
static size_t pool_len;

static pthread_mutex_t mkdir_lock = PTHREAD_MUTEX_INITIALIZER;

static magic_t
magic_take(struct errbuf *eb)
{
	magic_t m = NULL;

	pthread_mutex_lock(&pool_lock);
	if (pool_len > 0)
		m = pool[--pool_len];
	pthread_mutex_unlock(&pool_lock);
	if (m != NULL)
		return m;
	m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
	if (m == NULL) {
		log_error("libmagic: magic_open failed: %s", strerror(errno));
		errbuf_set(eb, ERR_INTERNAL, "jenis berkas tidak dapat diperiksa");
		return NULL;
	}
	if (magic_load(m, NULL) != 0) {
		log_error("libmagic: cannot load the magic database: %s", magic_error(m));
		magic_close(m);
		errbuf_set(eb, ERR_INTERNAL, "jenis berkas tidak dapat diperiksa");
		return NULL;
	}
	return m;
}

static void
magic_give(magic_t m)
{
	pthread_mutex_lock(&pool_lock);
	if (pool_len < EVIDENCE_POOL_MAX) {
		pool[pool_len++] = m;
		m = NULL;
	}
	pthread_mutex_unlock(&pool_lock);
	if (m != NULL)
		magic_close(m);
}

void
evidence_shutdown(void)
{
	pthread_mutex_lock(&pool_lock);
	while (pool_len > 0)
		magic_close(pool[--pool_len]);
	pthread_mutex_unlock(&pool_lock);
}

int
evidence_detect_mime(const void *data, size_t len, char *mime, size_t mimesz, struct errbuf *eb)
{
	magic_t m;
	const char *r;
	int rc = 0;

	if (mimesz > 0)
		mime[0] = '\0';
	m = magic_take(eb);
	if (m == NULL)
		return -1;
	r = magic_buffer(m, data != NULL ? data : "", data != NULL ? len : 0);
	if (r == NULL) {
		log_error("libmagic: magic_buffer failed: %s", magic_error(m));
		rc = errbuf_set(eb, ERR_INTERNAL, "jenis berkas tidak dapat diperiksa");
	} else if (cstr_copy(mime, mimesz, r) < 0) {
		rc = errbuf_set(eb, ERR_INTERNAL, "jenis berkas terlalu panjang: %.40s", r);
	}
	magic_give(m);
	return rc;
}

bool
evidence_mime_allowed(const char *mime)
{
	size_t i;

	if (mime == NULL)
		return false;
	for (i = 0; i < sizeof(allowed_mimes) / sizeof(allowed_mimes[0]); i++)
		if (strcasecmp(mime, allowed_mimes[i]) == 0)
			return true;
	return false;
}

void
evidence_hash(const void *data, size_t len, char out[65])
{
	unsigned char bin[crypto_hash_sha256_BYTES];

	if (sodium_init() < 0)
		die("libsodium could not be initialised");
	crypto_hash_sha256(bin, data != NULL ? data : (const void *)"", data != NULL ? len : 0);
	sodium_bin2hex(out, 65, bin, sizeof(bin));
}

static bool
is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
		      (s[i] >= 'A' && s[i] <= 'F')))
			return false;
	return s[64] == '\0';
}

int
evidence_path(const char *data_dir, const char *sha256, char *out, size_t outsz)
{
	char lower[65];
	size_t i;
	int n;

	if (outsz > 0)
		out[0] = '\0';
	if (data_dir == NULL || sha256 == NULL || !is_hex64(sha256))
		return -1;
	for (i = 0; i < 65; i++)
		lower[i] =
			(char)((sha256[i] >= 'A' && sha256[i] <= 'F') ? sha256[i] + 32 : sha256[i]);
	n = snprintf(out, outsz, "%s/evidence/%.2s/%.2s/%s", data_dir, lower, lower + 2, lower);
	if (n < 0 || (size_t)n >= outsz) {
		if (outsz > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

static int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0) {
		log_error("evidence: open %s: %s", dir, strerror(errno));
		return -1;
	}
	rc = fsync(fd);
	if (rc < 0)
		log_error("evidence: fsync %s: %s", dir, strerror(errno));
	close(fd);
	return rc;
}

/* mkdir -p path (0700); the parent of every directory created is fsync'd
 * before the lock is released. */
static int
mkdir_durable(char *path)
{
	char *p;
	int rc = 0;

	pthread_mutex_lock(&mkdir_lock);
	for (p = path + 1;; p++) {
		bool last = *p == '\0';
		struct stat st;

		if (*p != '/' && !last)
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == 0) {
			char *slash = strrchr(path, '/');

			/* fsync the parent: "." for a relative first component */
			if (slash == NULL) {
				rc = fsync_dir(".");
			} else if (slash == path) {
				rc = fsync_dir("/");
			} else {
				*slash = '\0';
				rc = fsync_dir(path);
				*slash = '/';
			}
		} else if (errno != EEXIST) {
			log_error("evidence: mkdir %s: %s", path, strerror(errno));
			rc = -1;
		} else if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
			log_error("evidence: %s exists and is not a directory", path);
			rc = -1;
		}
		if (!last)
			*p = '/';
		if (rc < 0 || last)
			break;
	}
	pthread_mutex_unlock(&mkdir_lock);
	return rc;
}

static int
write_all(int fd, const unsigned char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len > (1u << 30) ? (1u << 30) : len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Steps 2 and 3: a new file at path in dir, durably. */
static int
write_durable(const char *dir, const char *path, const void *data, size_t len)
{
	char tmp[PATH_MAX];
	int fd = -1, tries, n;

	for (tries = 0; tries < 4 && fd < 0; tries++) {
		unsigned char rnd[8];
		char hex[17];

		randombytes_buf(rnd, sizeof(rnd));
		sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
		n = snprintf(tmp, sizeof(tmp), "%s/.tmp-%s", dir, hex);
		if (n < 0 || (size_t)n >= sizeof(tmp))
			return -1;
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0400);
		if (fd < 0 && errno != EEXIST) {
			log_error("evidence: create %s: %s", tmp, strerror(errno));
			return -1;
		}
	}
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) < 0) {
		log_error("evidence: write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (fsync(fd) < 0) {
		log_error("evidence: fsync %s: %s", tmp, strerror(errno));
		goto fail;
	}
	n = close(fd);
	fd = -1;
	if (n < 0) {
		log_error("evidence: close %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (rename(tmp, path) < 0) {
		log_error("evidence: rename %s: %s", path, strerror(errno));
		goto fail;
	}
	return fsync_dir(dir);
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

int
evidence_store(const char *data_dir, const void *data, size_t len, size_t max_bytes,
	       struct evidence_file *out, struct errbuf *eb)
{
	char path[PATH_MAX], dir[PATH_MAX];
	struct stat st;
	char *slash;

	memset(out, 0, sizeof(*out));
	if (len > max_bytes)
		return errbuf_set_code(eb, ERR_PAYLOAD_TOO_LARGE, E_LARGE,
				       "berkas bukti %zu byte melebihi batas %zu byte", len,
				       max_bytes);
	if (len == 0)
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, E_TYPE, "berkas bukti kosong");
	if (evidence_detect_mime(data, len, out->mime, sizeof(out->mime), eb) < 0)
		return -1;
	if (!evidence_mime_allowed(out->mime))
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, E_TYPE,
				       "jenis berkas %s tidak diterima sebagai bukti; kirim foto "
				       "(JPEG, PNG, WebP, GIF, HEIC), video (MP4, WebM, MOV, 3GP), "
				       "rekaman suara (MP3, OGG, M4A, WAV), PDF atau teks biasa",
				       out->mime);
	evidence_hash(data, len, out->sha256);
	out->size = len;
	if (evidence_path(data_dir, out->sha256, path, sizeof(path)) < 0) {
		log_error("evidence: data directory path too long");
		return errbuf_set(eb, ERR_INTERNAL, "bukti tidak dapat disimpan");
	}
	memcpy(dir, path, sizeof(dir));
	slash = strrchr(dir, '/');
	*slash = '\0';
	if (mkdir_durable(dir) < 0)
		return errbuf_set(eb, ERR_INTERNAL, "bukti tidak dapat disimpan");
	if (lstat(path, &st) == 0) {
		if (S_ISREG(st.st_mode) && (size_t)st.st_size == len) {
			if (fsync_dir(dir) < 0)
				return errbuf_set(eb, ERR_INTERNAL, "bukti tidak dapat disimpan");
			return 0;
		}
		log_warn("evidence: %s has %lld bytes, expected %zu; replacing it", out->sha256,
			 (long long)st.st_size, len);
	} else if (errno != ENOENT) {
		log_error("evidence: stat %s: %s", path, strerror(errno));
		return errbuf_set(eb, ERR_INTERNAL, "bukti tidak dapat disimpan");
	}
	if (write_durable(dir, path, data, len) < 0)
		return errbuf_set(eb, ERR_INTERNAL, "bukti tidak dapat disimpan");
	return 0;
}
