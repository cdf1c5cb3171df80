/*
 * test_multipart.c - multipart/form-data parsing: bodies captured from
 * curl 7.88 (-F) and Chromium 156 (fetch with FormData), boundaries,
 * delimiters inside data, limits, part headers and filename sanitizing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"

/* curl -F judul=... -F 'uraian=...; "resmi".' -F 'bukti=@foto bukti – kampanye.png;type=image/png'
 *      -F catatan=@note.txt -F kosong=   (curl cuts uraian at the ';') */
static const char curl_ct[] =
	"multipart/form-data; boundary=------------------------3996c6952124bc72";
static const char curl_body[] =
	"--------------------------3996c6952124bc72\r\n"
	"Content-Disposition: form-data; name=\"judul\"\r\n"
	"\r\n"
	"ASN hadir kampanye\r\n"
	"--------------------------3996c6952124bc72\r\n"
	"Content-Disposition: form-data; name=\"uraian\"\r\n"
	"\r\n"
	"Camat memakai atribut partai\r\n"
	"--------------------------3996c6952124bc72\r\n"
	"Content-Disposition: form-data; name=\"bukti\"; filename=\"foto bukti \342\200\223"
	" kampanye.png\"\r\n"
	"Content-Type: image/png\r\n"
	"\r\n"
	"\211PNG\r\n"
	"\032\n"
	"\000\000\000\rIHDR\000\000\000\002\000\000\000\002\010\002\000\000\000\375\324\232"
	"s\000\000\000\026IDAT\010\327c8\301\300\300P\301\300\310\300\360\377\377\177\006\000"
	"\027l\004?c(c8\000\000\000\000IEND\256B`\202\r\n"
	"--------------------------3996c6952124bc72\r\n"
	"Content-Disposition: form-data; name=\"catatan\"; filename=\"note.txt\"\r\n"
	"Content-Type: text/plain\r\n"
	"\r\n"
	"Kepala dinas hadir di kampanye pada 10 Februari 2024.\n"
	"\r\n"
	"--------------------------3996c6952124bc72\r\n"
	"Content-Disposition: form-data; name=\"kosong\"\r\n"
	"\r\n"
	"\r\n"
	"--------------------------3996c6952124bc72--\r\n";

/* Chromium: FormData with a string holding a newline, a File named
 * 'foto "bukti"\r\nx – kampanye.png', a second file under the same name and
 * an empty file input (filename="") */
static const char chrome_ct[] =
	"multipart/form-data; boundary=----WebKitFormBoundarylkqki8solvnk62FA";
static const char chrome_body[] =
	"------WebKitFormBoundarylkqki8solvnk62FA\r\n"
	"Content-Disposition: form-data; name=\"judul\"\r\n"
	"\r\n"
	"Lurah hadir kampanye\r\n"
	"------WebKitFormBoundarylkqki8solvnk62FA\r\n"
	"Content-Disposition: form-data; name=\"uraian\"\r\n"
	"\r\n"
	"Baris satu\r\n"
	"Baris dua \"kutip\" & <b>\r\n"
	"------WebKitFormBoundarylkqki8solvnk62FA\r\n"
	"Content-Disposition: form-data; name=\"bukti\"; filename=\"foto %22bukti%22%0D%0A"
	"x \342\200\223 kampanye.png\"\r\n"
	"Content-Type: image/png\r\n"
	"\r\n"
	"\211PNG\r\n"
	"\032\n"
	"\000\000\000\rIHDR\000\000\000\002\000\000\000\002\010\002\000\000\000\375\324\232"
	"s\000\000\000\026IDAT\010\327c8\301\300\300P\301\300\310\300\360\377\377\177\006\000"
	"\027l\004?c(c8\000\000\000\000IEND\256B`\202\r\n"
	"------WebKitFormBoundarylkqki8solvnk62FA\r\n"
	"Content-Disposition: form-data; name=\"bukti\"; filename=\"catatan.txt\"\r\n"
	"Content-Type: text/plain\r\n"
	"\r\n"
	"teks polos\n"
	"\r\n"
	"------WebKitFormBoundarylkqki8solvnk62FA\r\n"
	"Content-Disposition: form-data; name=\"kosong\"; filename=\"\"\r\n"
	"Content-Type: application/octet-stream\r\n"
	"\r\n"
	"\r\n"
	"------WebKitFormBoundarylkqki8solvnk62FA--\r\n";

static const char png_head[] = "\211PNG\r\n\032\n";

struct fixture {
	struct arena a;
	struct multipart_part *p;
	size_t n;
	struct errbuf eb;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	arena_init(&f->a, 4096);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_release(&f->a);
	free(f);
	return 0;
}

/* Parse a body with boundary XyZ and the default limits. */
static int
parse(struct fixture *f, const char *body)
{
	return multipart_parse(&f->a, "multipart/form-data; boundary=XyZ", body, strlen(body), NULL,
			       &f->p, &f->n, &f->eb);
}

static void
expect_fail(struct fixture *f, const char *body, const char *code)
{
	assert_int_equal(parse(f, body), -1);
	assert_string_equal(errbuf_code(&f->eb), code);
	assert_null(f->p);
	assert_int_equal(f->n, 0);
}

static void
test_curl(void **state)
{
	struct fixture *f = *state;
	const char *body = curl_body;

	assert_int_equal(multipart_parse(&f->a, curl_ct, body, sizeof(curl_body) - 1, NULL, &f->p,
					 &f->n, &f->eb),
			 0);
	assert_int_equal(f->n, 5);
	assert_string_equal(f->p[0].name, "judul");
	assert_null(f->p[0].filename);
	assert_string_equal(f->p[0].content_type, "");
	assert_int_equal(f->p[0].len, strlen("ASN hadir kampanye"));
	assert_memory_equal(f->p[0].data, "ASN hadir kampanye", f->p[0].len);
	assert_string_equal(f->p[1].name, "uraian");
	assert_memory_equal(f->p[1].data, "Camat memakai atribut partai", f->p[1].len);
	assert_string_equal(f->p[2].name, "bukti");
	assert_string_equal(f->p[2].filename, "foto bukti \xe2\x80\x93 kampanye.png");
	assert_string_equal(f->p[2].content_type, "image/png");
	assert_int_equal(f->p[2].len, 79);
	assert_memory_equal(f->p[2].data, png_head, 8);
	assert_memory_equal(f->p[2].data + 75, "\xae\x42\x60\x82", 4); /* IEND CRC */
	assert_string_equal(f->p[3].filename, "note.txt");
	assert_string_equal(f->p[3].content_type, "text/plain");
	assert_int_equal(f->p[3].len, 54);
	assert_int_equal(f->p[3].data[53], '\n');
	assert_string_equal(f->p[4].name, "kosong");
	assert_int_equal(f->p[4].len, 0);
	/* zero-copy: the data point into the body */
	assert_true(f->p[2].data > body && f->p[2].data < body + sizeof(curl_body));
}

static void
test_chromium(void **state)
{
	struct fixture *f = *state;
	const struct multipart_part *b;

	assert_int_equal(multipart_parse(&f->a, chrome_ct, chrome_body, sizeof(chrome_body) - 1,
					 NULL, &f->p, &f->n, &f->eb),
			 0);
	assert_int_equal(f->n, 5);
	assert_memory_equal(f->p[1].data, "Baris satu\r\nBaris dua \"kutip\" & <b>", f->p[1].len);
	/* %22 decoded, the decoded CR LF dropped as control characters */
	assert_string_equal(f->p[2].filename, "foto \"bukti\"x \xe2\x80\x93 kampanye.png");
	assert_int_equal(f->p[2].len, 79);
	assert_memory_equal(f->p[2].data, png_head, 8);
	assert_string_equal(f->p[3].name, "bukti");
	assert_string_equal(f->p[3].filename, "catatan.txt");
	assert_memory_equal(f->p[3].data, "teks polos\n", f->p[3].len);
	/* an empty file input */
	assert_string_equal(f->p[4].filename, "");
	assert_string_equal(f->p[4].content_type, "application/octet-stream");
	assert_int_equal(f->p[4].len, 0);
	/* duplicate names: both kept, find returns the first */
	b = multipart_find(f->p, f->n, "bukti");
	assert_ptr_equal(b, &f->p[2]);
	assert_null(multipart_find(f->p, f->n, "tidak-ada"));
}

static void
test_boundary(void **state)
{
	struct fixture *f = *state;
	char b[MULTIPART_BOUNDARY_MAX + 1];
	char ct[160];

	(void)f;
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=abc", b, NULL), 0);
	assert_string_equal(b, "abc");
	assert_int_equal(
		multipart_boundary("Multipart/Form-Data;charset=utf-8;BOUNDARY=\"a b:c\"", b, NULL),
		0);
	assert_string_equal(b, "a b:c");
	assert_int_equal(multipart_boundary("multipart/form-data ; boundary = x ;", b, NULL), 0);
	assert_string_equal(b, "x");
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%070d", 7);
	assert_int_equal(multipart_boundary(ct, b, NULL), 0);
	assert_int_equal(strlen(b), 70);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 7);
	assert_int_equal(multipart_boundary(ct, b, &f->eb), -1);
	assert_string_equal(errbuf_code(&f->eb), "invalid_multipart");
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"ab \"", b, &f->eb),
			 -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=a<b", b, &f->eb), -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"a\\\"b\"", b, &f->eb),
			 -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"\"", b, &f->eb), -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"abc", b, &f->eb), -1);
	assert_int_equal(multipart_boundary("multipart/form-data", b, &f->eb), -1);
	assert_string_equal(errbuf_code(&f->eb), "invalid_multipart");
	assert_int_equal(
		multipart_boundary("multipart/form-data; boundary=a; boundary=b", b, &f->eb), -1);
	assert_int_equal(multipart_boundary("multipart/mixed; boundary=a", b, &f->eb), -1);
	assert_int_equal(f->eb.kind, ERR_UNSUPPORTED_MEDIA);
	assert_string_equal(errbuf_code(&f->eb), "unsupported_media_type");
	assert_int_equal(multipart_boundary("application/json", b, &f->eb), -1);
	assert_int_equal(f->eb.kind, ERR_UNSUPPORTED_MEDIA);
	assert_int_equal(multipart_boundary(NULL, b, &f->eb), -1);
	assert_int_equal(f->eb.kind, ERR_UNSUPPORTED_MEDIA);
}

static void
test_boundary_in_data(void **state)
{
	struct fixture *f = *state;
	const char *body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
			   "--XyZ at line start\r\n--XyZX\r\n--XyZ-\r\nx--XyZ\r\n--Xy\r\n"
			   "\r\n--XyZ \t\r\n"
			   "Content-Disposition: form-data; name=\"b\"\r\n\r\nlast\r\n--XyZ--";

	assert_int_equal(parse(f, body), 0);
	assert_int_equal(f->n, 2);
	assert_int_equal(f->p[0].len,
			 strlen("--XyZ at line start\r\n--XyZX\r\n--XyZ-\r\nx--XyZ\r\n--Xy\r\n"));
	assert_memory_equal(f->p[0].data, "--XyZ at line start", 19);
	assert_memory_equal(f->p[1].data, "last", 4);
	assert_int_equal(f->p[1].len, 4);
}

static void
test_preamble_epilogue(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(
		parse(f, "preamble --XyZ not here\r\n--XyZ\r\n"
			 "Content-Disposition: form-data; name=a\r\n\r\nsatu\r\n--XyZ--\r\n"
			 "epilogue\r\n--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n"),
		0);
	assert_int_equal(f->n, 1);
	assert_string_equal(f->p[0].name, "a");
	assert_memory_equal(f->p[0].data, "satu", 4);
	/* only the closing delimiter: no parts */
	assert_int_equal(parse(f, "--XyZ--"), 0);
	assert_int_equal(f->n, 0);
	assert_int_equal(parse(f, "junk\r\n--XyZ--\r\n"), 0);
	assert_int_equal(f->n, 0);
}

static void
test_truncated(void **state)
{
	struct fixture *f = *state;

	expect_fail(f, "", "invalid_multipart");
	expect_fail(f, "tanpa pembatas", "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nsatu",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nsatu\r\n--XyZ",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nsatu\r\n--XyZ\r\n",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n", "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=a", "invalid_multipart");
	expect_fail(f, "--XyZ", "invalid_multipart");
	expect_fail(f, "--XyZ-", "invalid_multipart");
}

static void
test_bare_lf(void **state)
{
	struct fixture *f = *state;

	expect_fail(f, "--XyZ\nContent-Disposition: form-data; name=a\n\nsatu\n--XyZ--\n",
		    "invalid_multipart");
	assert_non_null(strstr(f->eb.msg, "CRLF"));
	/* CRLF delimiters but a bare LF inside the header block */
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=a\nX: y\r\n\r\nsatu\r\n--XyZ--",
		    "invalid_multipart");
	/* a bare LF in the data is data */
	assert_int_equal(parse(f, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n"
				  "satu\ndua\n--XyZ\n\r\n--XyZ--"),
			 0);
	assert_int_equal(f->p[0].len, strlen("satu\ndua\n--XyZ\n"));
}

static void
test_empty_parts(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(f, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\r\n"
				  "--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n--XyZ\r\n"
				  "Content-Disposition: form-data; name=c\r\n\r\n\r\n\r\n--XyZ--"),
			 0);
	assert_int_equal(f->n, 3);
	assert_int_equal(f->p[0].len, 0);
	assert_int_equal(f->p[1].len, 0); /* part ending right after its headers */
	assert_string_equal(f->p[1].name, "b");
	assert_int_equal(f->p[2].len, 2);
	assert_memory_equal(f->p[2].data, "\r\n", 2);
	/* a part without any header */
	expect_fail(f, "--XyZ\r\n\r\nsatu\r\n--XyZ--", "invalid_multipart");
}

static void
test_headers(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(f,
			       "--XyZ\r\ncontent-type:   text/plain; charset=utf-8  \r\n"
			       "X-Unknown: diabaikan\r\nCONTENT-DISPOSITION:form-data;name=\"a\";"
			       "filename=b.txt;;\r\nContent-Transfer-Encoding: binary\r\n\r\n"
			       "x\r\n--XyZ--"),
			 0);
	assert_string_equal(f->p[0].content_type, "text/plain; charset=utf-8");
	assert_string_equal(f->p[0].name, "a");
	assert_string_equal(f->p[0].filename, "b.txt");
	/* folded header line */
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	/* duplicates */
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
		    "Content-Disposition: form-data; name=b\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=a; NAME=b\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Type: a/b\r\n"
		    "Content-Type: c/d\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	/* missing or empty name, wrong disposition type */
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; filename=a\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=\"a%0Ab\"\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition: form-data; name=a b\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	/* base64 would store the wrong bytes: refused */
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
		    "Content-Transfer-Encoding: base64\r\n\r\neA==\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f, "--XyZ\r\nno colon\r\n\r\nx\r\n--XyZ--", "invalid_multipart");
	expect_fail(f, "--XyZ\r\n: empty name\r\n\r\nx\r\n--XyZ--", "invalid_multipart");
	expect_fail(f, "--XyZ\r\nContent-Disposition : form-data; name=a\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
}

static void
test_filenames(void **state)
{
	struct fixture *f = *state;

	/* filename* wins; UTF-8 percent-decoded */
	assert_int_equal(parse(f,
			       "--XyZ\r\nContent-Disposition: form-data; name=f; "
			       "filename=\"fallback.txt\"; filename*=UTF-8''laporan%20%E2%82%AC.txt"
			       "\r\n\r\nx\r\n--XyZ--"),
			 0);
	assert_string_equal(f->p[0].filename, "laporan \xe2\x82\xac.txt");
	/* ISO-8859-1 converted to UTF-8 */
	assert_int_equal(parse(f, "--XyZ\r\nContent-Disposition: form-data; name=f; "
				  "filename*=iso-8859-1'id'caf%E9.txt\r\n\r\nx\r\n--XyZ--"),
			 0);
	assert_string_equal(f->p[0].filename, "caf\xc3\xa9.txt");
	/* unknown charset: the plain filename is used */
	assert_int_equal(
		parse(f, "--XyZ\r\nContent-Disposition: form-data; name=f; "
			 "filename*=koi8-r''%C1.txt; filename=\"biasa.txt\"\r\n\r\nx\r\n--XyZ--"),
		0);
	assert_string_equal(f->p[0].filename, "biasa.txt");
	assert_int_equal(parse(f, "--XyZ\r\nContent-Disposition: form-data; name=f; "
				  "filename*=koi8-r''%C1.txt\r\n\r\nx\r\n--XyZ--"),
			 0);
	assert_string_equal(f->p[0].filename, "");
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=f; "
		    "filename*=UTF-8''%E2%8\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	expect_fail(f,
		    "--XyZ\r\nContent-Disposition: form-data; name=f; "
		    "filename*=no-quotes\r\n\r\nx\r\n--XyZ--",
		    "invalid_multipart");
	/* Windows paths, escaped or not, and traversal */
	assert_int_equal(parse(f,
			       "--XyZ\r\nContent-Disposition: form-data; name=f; "
			       "filename=\"C:\\Users\\budi\\foto.jpg\"\r\n\r\nx\r\n--XyZ\r\n"
			       "Content-Disposition: form-data; name=g; "
			       "filename=\"C:\\\\Users\\\\budi\\\\foto2.jpg\"\r\n\r\nx\r\n--XyZ\r\n"
			       "Content-Disposition: form-data; name=h; "
			       "filename=\"../../etc/passwd\"\r\n\r\nx\r\n--XyZ\r\n"
			       "Content-Disposition: form-data; name=i; "
			       "filename=\"a\\\"b.txt\"\r\n\r\nx\r\n--XyZ\r\n"
			       "Content-Disposition: form-data; name=j; "
			       "filename=\"dir/..\"\r\n\r\nx\r\n--XyZ--"),
			 0);
	assert_int_equal(f->n, 5);
	assert_string_equal(f->p[0].filename, "foto.jpg");
	assert_string_equal(f->p[1].filename, "foto2.jpg");
	assert_string_equal(f->p[2].filename, "passwd");
	assert_string_equal(f->p[3].filename, "a\"b.txt");
	assert_string_equal(f->p[4].filename, "");
}

static void
test_sanitize(void **state)
{
	struct fixture *f = *state;
	char longname[700];
	char *s;

	assert_string_equal(multipart_filename_sanitize(&f->a,
							"  a\tb\x7f"
							"c.png ",
							11),
			    "abc.png");
	/* U+202E RIGHT-TO-LEFT OVERRIDE and C1 U+0085 removed */
	s = multipart_filename_sanitize(&f->a, "foto\xe2\x80\xaegpj.exe", 15);
	assert_string_equal(s, "fotogpj.exe");
	s = multipart_filename_sanitize(&f->a, "a\xc2\x85z", 4);
	assert_string_equal(s, "az");
	/* invalid UTF-8 (a Latin-1 byte, an overlong '/', a surrogate) */
	s = multipart_filename_sanitize(&f->a, "caf\xe9.txt", 8);
	assert_string_equal(s, "caf\xef\xbf\xbd.txt");
	s = multipart_filename_sanitize(&f->a,
					"a\xc0\xaf"
					"b",
					4);
	assert_string_equal(s, "a\xef\xbf\xbd\xef\xbf\xbd"
			       "b");
	s = multipart_filename_sanitize(&f->a, "\xed\xa0\x80", 3);
	assert_string_equal(s, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_string_equal(multipart_filename_sanitize(&f->a, "..", 2), "");
	assert_string_equal(multipart_filename_sanitize(&f->a, "x/", 2), "");
	assert_string_equal(multipart_filename_sanitize(&f->a, "", 0), "");
	/* 300 x "é" + ".jpeg": cut to <= 255 bytes on a character boundary,
	 * extension kept */
	memset(longname, 0, sizeof(longname));
	for (size_t i = 0; i < 300; i++)
		memcpy(longname + 2 * i, "\xc3\xa9", 2);
	memcpy(longname + 600, ".jpeg", 5);
	s = multipart_filename_sanitize(&f->a, longname, strlen(longname));
	assert_true(strlen(s) <= MULTIPART_FILENAME_MAX);
	assert_true(strlen(s) >= MULTIPART_FILENAME_MAX - 1);
	assert_string_equal(s + strlen(s) - 5, ".jpeg");
	assert_memory_equal(s + strlen(s) - 7, "\xc3\xa9", 2);
	/* no usable extension: plain cut */
	memset(longname, 'a', 400);
	longname[400] = '\0';
	s = multipart_filename_sanitize(&f->a, longname, 400);
	assert_int_equal(strlen(s), MULTIPART_FILENAME_MAX);
}

static void
test_limits(void **state)
{
	struct fixture *f = *state;
	struct multipart_limits lim = {2, 4, 48};
	const char *two = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1234\r\n"
			  "--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n\r\n--XyZ--";
	const char *ct = "multipart/form-data; boundary=XyZ";

	assert_int_equal(multipart_parse(&f->a, ct, two, strlen(two), &lim, &f->p, &f->n, &f->eb),
			 0);
	assert_int_equal(f->n, 2);
	lim.max_parts = 1;
	assert_int_equal(multipart_parse(&f->a, ct, two, strlen(two), &lim, &f->p, &f->n, &f->eb),
			 -1);
	assert_int_equal(f->eb.kind, ERR_PAYLOAD_TOO_LARGE);
	assert_string_equal(errbuf_code(&f->eb), "payload_too_large");
	lim.max_parts = 2;
	lim.max_part_bytes = 3;
	assert_int_equal(multipart_parse(&f->a, ct, two, strlen(two), &lim, &f->p, &f->n, &f->eb),
			 -1);
	assert_string_equal(errbuf_code(&f->eb), "payload_too_large");
	/* the header block "Content-Disposition: form-data; name=a\r\n" is 40 bytes */
	lim.max_part_bytes = 4;
	lim.max_header_bytes = 40;
	assert_int_equal(multipart_parse(&f->a, ct, two, strlen(two), &lim, &f->p, &f->n, &f->eb),
			 0);
	lim.max_header_bytes = 39;
	assert_int_equal(multipart_parse(&f->a, ct, two, strlen(two), &lim, &f->p, &f->n, &f->eb),
			 -1);
	assert_int_equal(f->eb.kind, ERR_PAYLOAD_TOO_LARGE);
	assert_string_equal(errbuf_code(&f->eb), "payload_too_large");
}

/* A 1 MiB part made of CR, LF, '-', 'X', 'y', 'Z' and spaces: many near
 * misses of the delimiter, each broken after "--XyZ" so that none is real. */
static void
test_large_binary(void **state)
{
	struct fixture *f = *state;
	const char *head =
		"--XyZ\r\nContent-Disposition: form-data; name=f; filename=x.bin\r\n\r\n";
	const char *tail = "\r\n--XyZ--\r\n";
	size_t hl = strlen(head), tl = strlen(tail), dl = 1u << 20, i, near = 0;
	char *body = malloc(hl + dl + tl);
	uint32_t x = 2463534242u;

	memcpy(body, head, hl);
	for (i = 0; i < dl; i++) { /* xorshift32 */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		body[hl + i] = "\r\n-XyZ \t"[x % 8];
		if (x % 97 == 0 && i + 8 < dl) {
			memcpy(body + hl + i, "\r\n--XyZ", 7);
			i += 6;
		}
	}
	for (i = hl; i + 7 <= hl + dl; i++) {
		if (memcmp(body + i, "\r\n--XyZ", 7) == 0) {
			near++;
			if (i + 7 < hl + dl)
				body[i + 7] = 'Q';
		}
	}
	memcpy(body + hl + dl, tail, tl);
	assert_true(near > 1000);
	assert_int_equal(multipart_parse(&f->a, "multipart/form-data; boundary=XyZ", body,
					 hl + dl + tl, NULL, &f->p, &f->n, &f->eb),
			 0);
	assert_int_equal(f->n, 1);
	assert_ptr_equal(f->p[0].data, body + hl);
	assert_int_equal(f->p[0].len, dl);
	free(body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_curl, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chromium, setup, teardown),
		cmocka_unit_test_setup_teardown(test_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_boundary_in_data, setup, teardown),
		cmocka_unit_test_setup_teardown(test_preamble_epilogue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bare_lf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_parts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_headers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filenames, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sanitize, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_binary, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
