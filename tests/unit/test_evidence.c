/*
 * test_evidence.c - evidence files: libmagic detection on real tiny files,
 * the allow-list (HTML, SVG, scripts, executables, archives refused),
 * hashing, the storage layout and modes, byte-identical storage,
 * idempotence, repair of a damaged file, and the libmagic pool under
 * several threads.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cases/evidence.h"

/* tiny.png: 2x2 RGB, written with libpng for this test */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
	0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00,
	0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x16, 0x49, 0x44, 0x41, 0x54, 0x08,
	0xd7, 0x63, 0x38, 0xc1, 0xc0, 0xc0, 0x50, 0xc1, 0xc0, 0xc8, 0xc0, 0xf0, 0xff, 0xff,
	0x7f, 0x06, 0x00, 0x17, 0x6c, 0x04, 0x3f, 0x63, 0x28, 0x63, 0x38, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* tiny.jpg: 8x8 RGB, written with libjpeg-turbo (quality 50) for this test */
static const unsigned char jpeg[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00,
	0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c,
	0x0a, 0x10, 0x0e, 0x0d, 0x0e, 0x12, 0x11, 0x10, 0x13, 0x18, 0x28, 0x1a, 0x18, 0x16, 0x16,
	0x18, 0x31, 0x23, 0x25, 0x1d, 0x28, 0x3a, 0x33, 0x3d, 0x3c, 0x39, 0x33, 0x38, 0x37, 0x40,
	0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57, 0x45, 0x37, 0x38, 0x50, 0x6d, 0x51, 0x57, 0x5f, 0x62,
	0x67, 0x68, 0x67, 0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64, 0x78, 0x5c, 0x65, 0x67, 0x63, 0xff,
	0xdb, 0x00, 0x43, 0x01, 0x11, 0x12, 0x12, 0x18, 0x15, 0x18, 0x2f, 0x1a, 0x1a, 0x2f, 0x63,
	0x42, 0x38, 0x42, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x08,
	0x00, 0x08, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xc4, 0x00,
	0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0xff, 0xc4, 0x00, 0x20, 0x10, 0x00, 0x01, 0x03, 0x02, 0x07, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x03, 0x05,
	0x41, 0x04, 0x11, 0x21, 0x22, 0x31, 0x51, 0xd1, 0xff, 0xc4, 0x00, 0x15, 0x01, 0x01, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x01, 0xff, 0xc4, 0x00, 0x18, 0x11, 0x01, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x31, 0xb1, 0xff, 0xda, 0x00,
	0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00, 0x42, 0xc3, 0x42, 0xa4,
	0x8c, 0x82, 0x2c, 0xf8, 0xa9, 0x76, 0x40, 0x3a, 0x73, 0x72, 0xcb, 0xa6, 0xf1, 0xae, 0x88,
	0x8a, 0xea, 0xc1, 0x66, 0xb9, 0xc9, 0xff, 0xd9,
};

/* a 1x1 GIF89a, assembled by hand */
static const unsigned char gif[] = {
	0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00,
	0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0x2c, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
};

/* a one-page PDF 1.4 with a correct xref table, written for this test */
static const char pdf[] = "%PDF-1.4\n"
			  "1 0 obj\n"
			  "<< /Type /Catalog /Pages 2 0 R >>\n"
			  "endobj\n"
			  "2 0 obj\n"
			  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
			  "endobj\n"
			  "3 0 obj\n"
			  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>\n"
			  "endobj\n"
			  "xref\n"
			  "0 4\n"
			  "0000000000 65535 f \n"
			  "0000000009 00000 n \n"
			  "0000000058 00000 n \n"
			  "0000000115 00000 n \n"
			  "trailer\n"
			  "<< /Size 4 /Root 1 0 R >>\n"
			  "startxref\n"
			  "186\n"
			  "%%EOF\n";

static const char html[] = "<!DOCTYPE html>\n<html><head><title>x</title></head>"
			   "<body><script>alert(1)</script></body></html>\n";
static const char html_fragment[] = "<script>alert(document.cookie)</script>\n";
static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
			  "<script>alert(1)</script></svg>\n";
static const char svg_xml[] = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
			      "<rect width=\"1\" height=\"1\"/></svg>\n";
static const char shell[] = "#!/bin/sh\nrm -rf /\n";
static const char text[] = "Kepala dinas hadir di kampanye pada 10 Februari 2024.";
static const char text_utf8[] = "Camat ikut deklarasi \xe2\x80\x94 foto terlampir.\n";
/* a zip holding one stored file "a.txt" = "hi" */
static const unsigned char zip[] = {
	'P',  'K',  3,   4,    20,  0,    0,    0,    0,    0,   0, 0,  0x21, 0,    0xac, 0x2a,
	0x93, 0xd8, 2,   0,    0,   0,    2,    0,    0,    0,   5, 0,  0,    0,    'a',  '.',
	't',  'x',  't', 'h',  'i', 'P',  'K',  1,    2,    20,  3, 20, 0,    0,    0,    0,
	0,    0,    0,   0x21, 0,   0xac, 0x2a, 0x93, 0xd8, 2,   0, 0,  0,    2,    0,    0,
	0,    5,    0,   0,    0,   0,    0,    0,    0,    0,   0, 0,  0,    0xa4, 0x81, 0,
	0,    0,    0,   'a',  '.', 't',  'x',  't',  'P',  'K', 5, 6,  0,    0,    0,    0,
	1,    0,    1,   0,    51,  0,    0,    0,    37,   0,   0, 0,  0,    0,
};

static char data_dir[256];

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(data_dir, sizeof(data_dir), "%s/netra-evidence-XXXXXX", tmp ? tmp : "/tmp");
	return mkdtemp(data_dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	return nftw(data_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void
expect_mime(const void *data, size_t len, const char *want, bool allowed)
{
	char mime[96];
	struct errbuf eb;

	assert_int_equal(evidence_detect_mime(data, len, mime, sizeof(mime), &eb), 0);
	assert_string_equal(mime, want);
	assert_int_equal(evidence_mime_allowed(mime), allowed);
}

static void
test_detect(void **state)
{
	(void)state;
	expect_mime(png, sizeof(png), "image/png", true);
	expect_mime(jpeg, sizeof(jpeg), "image/jpeg", true);
	expect_mime(gif, sizeof(gif), "image/gif", true);
	expect_mime(pdf, sizeof(pdf) - 1, "application/pdf", true);
	expect_mime(text, sizeof(text) - 1, "text/plain", true);
	expect_mime(text_utf8, sizeof(text_utf8) - 1, "text/plain", true);
	expect_mime(html, sizeof(html) - 1, "text/html", false);
	expect_mime(html_fragment, sizeof(html_fragment) - 1, "text/html", false);
	expect_mime(svg, sizeof(svg) - 1, "image/svg+xml", false);
	expect_mime(svg_xml, sizeof(svg_xml) - 1, "image/svg+xml", false);
	expect_mime(shell, sizeof(shell) - 1, "text/x-shellscript", false);
	expect_mime(zip, sizeof(zip), "application/zip", false);
	expect_mime("", 0, "application/x-empty", false);
}

static void
test_detect_executable(void **state)
{
	char buf[4096], mime[96];
	int fd = open("/proc/self/exe", O_RDONLY);
	ssize_t n;

	(void)state;
	assert_true(fd >= 0);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	assert_true(n > 64);
	assert_int_equal(evidence_detect_mime(buf, (size_t)n, mime, sizeof(mime), NULL), 0);
	assert_true(strncmp(mime, "application/x-", 14) == 0); /* x-pie-executable, ... */
	assert_false(evidence_mime_allowed(mime));
}

static void
test_allow_list(void **state)
{
	static const char *const yes[] = {
		"image/jpeg",      "image/png",  "image/webp",  "image/gif",       "image/heic",
		"image/heif",      "video/mp4",  "video/webm",  "video/quicktime", "audio/mpeg",
		"audio/ogg",       "audio/mp4",  "audio/x-m4a", "audio/wav",       "audio/x-wav",
		"application/pdf", "text/plain", "IMAGE/PNG",
	};
	static const char *const no[] = {
		"text/html",
		"image/svg+xml",
		"application/x-executable",
		"application/x-pie-executable",
		"application/x-sharedlib",
		"application/zip",
		"application/javascript",
		"text/x-shellscript",
		"application/x-msdownload",
		"application/vnd.ms-excel",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		"application/octet-stream",
		"text/xml",
		"application/x-empty",
		"",
		"image/png; x",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(evidence_mime_allowed(yes[i]));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(evidence_mime_allowed(no[i]));
	assert_false(evidence_mime_allowed(NULL));
}

static void
test_hash(void **state)
{
	char hex[65];

	(void)state;
	/* FIPS 180-2 example */
	evidence_hash("abc", 3, hex);
	assert_string_equal(hex,
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	evidence_hash(png, sizeof(png), hex); /* sha256sum tiny.png */
	assert_string_equal(hex,
			    "18712ef540ccf6787a7b754e21b3856e3d0a4bc992306cdf4224491768442934");
}

static void
test_path(void **state)
{
	char out[256];
	const char *sha = "18712ef540ccf6787a7b754e21b3856e3d0a4bc992306cdf4224491768442934";

	(void)state;
	assert_int_equal(evidence_path("/srv/netra", sha, out, sizeof(out)), 0);
	assert_string_equal(out,
			    "/srv/netra/evidence/18/71/"
			    "18712ef540ccf6787a7b754e21b3856e3d0a4bc992306cdf4224491768442934");
	assert_int_equal(evidence_path("var",
				       "18712EF540CCF6787A7B754E21B3856E3D0A4BC992306CDF"
				       "4224491768442934",
				       out, sizeof(out)),
			 0);
	assert_string_equal(out,
			    "var/evidence/18/71/"
			    "18712ef540ccf6787a7b754e21b3856e3d0a4bc992306cdf4224491768442934");
	assert_int_equal(evidence_path("var", "18712ef5", out, sizeof(out)), -1);
	assert_int_equal(evidence_path("var", "../../../../etc/passwd", out, sizeof(out)), -1);
	assert_int_equal(
		evidence_path("var",
			      "g8712ef540ccf6787a7b754e21b3856e3d0a4bc992306cdf4224491768442934",
			      out, sizeof(out)),
		-1);
	assert_int_equal(
		evidence_path("var",
			      "18712ef540ccf6787a7b754e21b3856e3d0a4bc992306cdf42244917684429345",
			      out, sizeof(out)),
		-1);
	assert_int_equal(evidence_path("var", NULL, out, sizeof(out)), -1);
	assert_int_equal(evidence_path("var", sha, out, 40), -1); /* too small */
	assert_string_equal(out, "");
}

/* Read a whole small file. */
static size_t
slurp(const char *path, char *buf, size_t max)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	assert_true(fd >= 0);
	n = read(fd, buf, max);
	close(fd);
	assert_true(n >= 0);
	return (size_t)n;
}

static size_t
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_store(void **state)
{
	struct evidence_file f, g;
	struct errbuf eb;
	struct stat st, st2;
	char path[512], dir[512], back[1024];

	(void)state;
	assert_int_equal(evidence_store(data_dir, pdf, sizeof(pdf) - 1, 1 << 20, &f, &eb), 0);
	assert_string_equal(f.sha256,
			    "90931468894fc1e30c13a209196d41f85d0c86adf8256b809b4c58b4e654887e");
	assert_string_equal(f.mime, "application/pdf");
	assert_int_equal(f.size, sizeof(pdf) - 1);

	/* layout: DATA/evidence/90/93/<sha>, directories 0700, file 0400 */
	snprintf(path, sizeof(path), "%s/evidence/90/93/%s", data_dir, f.sha256);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0400);
	assert_int_equal((size_t)st.st_size, sizeof(pdf) - 1);
	snprintf(dir, sizeof(dir), "%s/evidence/90/93", data_dir);
	assert_int_equal(stat(dir, &st2), 0);
	assert_int_equal(st2.st_mode & 07777, 0700);
	snprintf(dir, sizeof(dir), "%s/evidence", data_dir);
	assert_int_equal(stat(dir, &st2), 0);
	assert_int_equal(st2.st_mode & 07777, 0700);
	assert_int_equal(evidence_path(data_dir, f.sha256, dir, sizeof(dir)), 0);
	assert_string_equal(dir, path);

	/* byte-identical */
	assert_int_equal(slurp(path, back, sizeof(back)), sizeof(pdf) - 1);
	assert_memory_equal(back, pdf, sizeof(pdf) - 1);

	/* idempotent: same result, the file is not rewritten, no temp left */
	assert_int_equal(evidence_store(data_dir, pdf, sizeof(pdf) - 1, 1 << 20, &g, &eb), 0);
	assert_string_equal(g.sha256, f.sha256);
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st2.st_ino, st.st_ino);
	snprintf(dir, sizeof(dir), "%s/evidence/90/93", data_dir);
	assert_int_equal(count_entries(dir), 1);

	/* other types land in their own directories */
	assert_int_equal(evidence_store(data_dir, png, sizeof(png), 1 << 20, &g, &eb), 0);
	assert_string_equal(g.mime, "image/png");
	snprintf(path, sizeof(path), "%s/evidence/18/71/%s", data_dir, g.sha256);
	assert_int_equal(slurp(path, back, sizeof(back)), sizeof(png));
	assert_memory_equal(back, png, sizeof(png));
	assert_int_equal(evidence_store(data_dir, jpeg, sizeof(jpeg), 1 << 20, &g, &eb), 0);
	assert_string_equal(g.mime, "image/jpeg");
	assert_int_equal(evidence_store(data_dir, text, sizeof(text) - 1, 1 << 20, &g, &eb), 0);
	assert_string_equal(g.sha256,
			    "52b1af20b9d534c36475d6b9856800a729f76afe8b7d692dc945fc61277fb6d4");
	snprintf(dir, sizeof(dir), "%s/evidence", data_dir);
	assert_int_equal(count_entries(dir), 4);
}

static void
test_repair(void **state)
{
	struct evidence_file f;
	char path[512], back[1024];
	int fd;

	(void)state;
	assert_int_equal(evidence_store(data_dir, jpeg, sizeof(jpeg), 1 << 20, &f, NULL), 0);
	assert_int_equal(evidence_path(data_dir, f.sha256, path, sizeof(path)), 0);
	/* damage it: a shorter file under the same name */
	assert_int_equal(unlink(path), 0);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, jpeg, 100), 100);
	close(fd);
	assert_int_equal(evidence_store(data_dir, jpeg, sizeof(jpeg), 1 << 20, &f, NULL), 0);
	assert_int_equal(slurp(path, back, sizeof(back)), sizeof(jpeg));
	assert_memory_equal(back, jpeg, sizeof(jpeg));
}

static void
expect_refused(const void *data, size_t len, size_t max, enum err kind, const char *code)
{
	struct evidence_file f;
	struct errbuf eb;
	char hex[65], path[512];
	struct stat st;

	assert_int_equal(evidence_store(data_dir, data, len, max, &f, &eb), -1);
	assert_int_equal(eb.kind, kind);
	assert_string_equal(errbuf_code(&eb), code);
	/* nothing written */
	evidence_hash(data, len, hex);
	assert_int_equal(evidence_path(data_dir, hex, path, sizeof(path)), 0);
	assert_int_equal(stat(path, &st), -1);
}

static void
test_refused(void **state)
{
	(void)state;
	expect_refused(html, sizeof(html) - 1, 1 << 20, ERR_UNPROCESSABLE, "evidence_type");
	expect_refused(html_fragment, sizeof(html_fragment) - 1, 1 << 20, ERR_UNPROCESSABLE,
		       "evidence_type");
	expect_refused(svg, sizeof(svg) - 1, 1 << 20, ERR_UNPROCESSABLE, "evidence_type");
	expect_refused(svg_xml, sizeof(svg_xml) - 1, 1 << 20, ERR_UNPROCESSABLE, "evidence_type");
	expect_refused(shell, sizeof(shell) - 1, 1 << 20, ERR_UNPROCESSABLE, "evidence_type");
	expect_refused(zip, sizeof(zip), 1 << 20, ERR_UNPROCESSABLE, "evidence_type");
	expect_refused("", 0, 1 << 20, ERR_UNPROCESSABLE, "evidence_type");
	expect_refused(gif, sizeof(gif), sizeof(gif) - 1, ERR_PAYLOAD_TOO_LARGE,
		       "payload_too_large");
}

static void
test_bad_dir(void **state)
{
	struct evidence_file f;
	struct errbuf eb;
	char file[512], under[600];
	int fd;

	(void)state;
	/* DATA/evidence is a file: an internal error, no crash, no path in the message */
	snprintf(file, sizeof(file), "%s/blocked", data_dir);
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	close(fd);
	snprintf(under, sizeof(under), "%s/blocked", data_dir);
	assert_int_equal(mkdir(under, 0700), -1);
	snprintf(under, sizeof(under), "%s/blocked/x", data_dir);
	assert_int_equal(evidence_store(under, png, sizeof(png), 1 << 20, &f, &eb), -1);
	assert_int_equal(eb.kind, ERR_INTERNAL);
	assert_null(strstr(eb.msg, data_dir));
}

#define THREADS 4
#define ROUNDS  100

static void *
detect_many(void *arg)
{
	long ok = 0;
	int i;

	(void)arg;
	for (i = 0; i < ROUNDS; i++) {
		char m1[96], m2[96];

		if (evidence_detect_mime(png, sizeof(png), m1, sizeof(m1), NULL) == 0 &&
		    evidence_detect_mime(html, sizeof(html) - 1, m2, sizeof(m2), NULL) == 0 &&
		    strcmp(m1, "image/png") == 0 && strcmp(m2, "text/html") == 0)
			ok++;
	}
	return (void *)ok;
}

static void
test_threads(void **state)
{
	pthread_t t[THREADS];
	void *r;
	int i;

	(void)state;
	for (i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, detect_many, NULL), 0);
	for (i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(t[i], &r), 0);
		assert_int_equal((long)r, ROUNDS);
	}
	/* shut down and use again: the pool reopens */
	evidence_shutdown();
	expect_mime(png, sizeof(png), "image/png", true);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),     cmocka_unit_test(test_detect_executable),
		cmocka_unit_test(test_allow_list), cmocka_unit_test(test_hash),
		cmocka_unit_test(test_path),       cmocka_unit_test(test_store),
		cmocka_unit_test(test_repair),     cmocka_unit_test(test_refused),
		cmocka_unit_test(test_bad_dir),    cmocka_unit_test(test_threads),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);

	evidence_shutdown();
	return rc;
}
