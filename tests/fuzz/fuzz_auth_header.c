/*
 * fuzz_auth_header.c - the auth layer's parsers on arbitrary bytes: the
 * Authorization header (Bearer), the Cookie header, the "csrf" field of an
 * urlencoded or multipart body, and the CSRF decision built on them.
 *
 * Input layout: the first line (up to '\n', at most 255 bytes) is used as
 * a Content-Type; the whole input is also tried as a header and as a body
 * under fixed content types.  Checks: every returned slice lies inside the
 * input, a bearer token holds only token68 characters, copied fields are
 * NUL-terminated and fit their buffer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
inside(struct str s, const char *base, size_t size)
{
	if (s.ptr == NULL)
		return;
	if (s.ptr < base || s.ptr + s.len > base + size)
		abort();
}

static void
field(const char *ct, const char *body, size_t len, const char *name)
{
	char out[48];

	memset(out, 'x', sizeof(out));
	if (auth_body_field(ct, body, len, name, out, sizeof(out)) == 0 &&
	    strnlen(out, sizeof(out)) >= sizeof(out))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	const char *nl = size ? memchr(in, '\n', size) : NULL;
	struct principal p;
	char ct[256];
	struct str s;
	size_t i, ctlen = nl ? (size_t)(nl - in) : 0;

	if (auth_parse_bearer(in, size, &s) == 0) {
		inside(s, in, size);
		if (s.len == 0)
			abort();
		for (i = 0; i < s.len; i++)
			if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
				   "-._~+/=",
				   s.ptr[i]) == NULL ||
			    s.ptr[i] == '\0')
				abort();
		auth_token_wellformed(s.ptr, s.len);
	}
	if (auth_cookie_find(in, size, AUTH_COOKIE, &s) == 0)
		inside(s, in, size);

	field("application/x-www-form-urlencoded", in, size, "csrf");
	field("multipart/form-data; boundary=b", in, size, "csrf");
	field("multipart/form-data; boundary=\"----netra\"", in, size, "csrf");
	if (nl && ctlen < sizeof(ct) && memchr(in, '\0', ctlen) == NULL) {
		memcpy(ct, in, ctlen);
		ct[ctlen] = '\0';
		field(ct, nl + 1, size - ctlen - 1, "csrf");
		field(ct, nl + 1, size - ctlen - 1, "nama");

		auth_principal_anonymous(&p);
		p.user_id = 1;
		p.role = ROLE_PENGAWAS;
		p.via_cookie = true;
		memcpy(p.csrf, "tok", 4);
		auth_csrf_ok(&p, "POST", NULL, ct, nl + 1, size - ctlen - 1);
	}
	return 0;
}
