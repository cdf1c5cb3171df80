/*
 * err.c - error table and error buffer (see err.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "str.h"

static const struct err_info err_table[ERR__COUNT] = {
	[ERR_NONE] = {200, "ok", "Berhasil", "OK"},
	[ERR_INVALID_INPUT] = {400, "invalid_input", "Masukan tidak valid", "Invalid input"},
	[ERR_NOT_FOUND] = {404, "not_found", "Tidak ditemukan", "Not found"},
	[ERR_METHOD_NOT_ALLOWED] = {405, "method_not_allowed", "Metode tidak diizinkan",
				    "Method not allowed"},
	[ERR_PAYLOAD_TOO_LARGE] = {413, "payload_too_large", "Data terlalu besar",
				   "Payload too large"},
	[ERR_RATE_LIMITED] = {429, "rate_limited", "Terlalu banyak permintaan",
			      "Too many requests"},
	[ERR_INTERNAL] = {500, "internal", "Kesalahan internal", "Internal error"},
	[ERR_UNAUTHORIZED] = {401, "unauthorized", "Perlu masuk", "Login required"},
	[ERR_FORBIDDEN] = {403, "forbidden", "Akses ditolak", "Forbidden"},
	[ERR_CONFLICT] = {409, "conflict", "Konflik data", "Conflict"},
	[ERR_UNPROCESSABLE] = {422, "unprocessable", "Tidak dapat diproses", "Unprocessable"},
	[ERR_UNSUPPORTED_MEDIA] = {415, "unsupported_media_type", "Jenis data tidak didukung",
				   "Unsupported media type"},
	[ERR_UNAVAILABLE] = {503, "unavailable", "Layanan tidak tersedia", "Service unavailable"},
};

const struct err_info *
err_info(enum err e)
{
	if ((unsigned)e >= ERR__COUNT)
		e = ERR_INTERNAL;
	return &err_table[e];
}

const char *
errbuf_code(const struct errbuf *eb)
{
	return eb->code ? eb->code : err_info(eb->kind)->code;
}

void
errbuf_clear(struct errbuf *eb)
{
	eb->kind = ERR_NONE;
	eb->code = NULL;
	eb->field[0] = '\0';
	eb->msg[0] = '\0';
}

static int
errbuf_vset(struct errbuf *eb, enum err kind, const char *code, const char *field, const char *fmt,
	    va_list ap)
{
	if (eb == NULL)
		return -1;
	eb->kind = kind;
	eb->code = code;
	cstr_copy(eb->field, sizeof(eb->field), field);
	vsnprintf(eb->msg, sizeof(eb->msg), fmt, ap);
	return -1;
}

int
errbuf_set(struct errbuf *eb, enum err kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	errbuf_vset(eb, kind, NULL, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
errbuf_set_code(struct errbuf *eb, enum err kind, const char *code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	errbuf_vset(eb, kind, code, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
errbuf_set_field(struct errbuf *eb, enum err kind, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	errbuf_vset(eb, kind, NULL, field, fmt, ap);
	va_end(ap);
	return -1;
}
