/*
 * api_util.c - request-body and parameter helpers for the API handlers.
 */
#include <string.h>
#include <strings.h>

#include "api/api_util.h"
#include "core/str.h"

int
api_content_type_is(struct http_request *req, const char *type)
{
	const char *ct = http_header_get(req, "Content-Type");

	return ct && strncasecmp(ct, type, strlen(type)) == 0;
}

json_t *
api_body_json(struct http_request *req)
{
	json_error_t jerr;
	json_t *j;

	if (!api_content_type_is(req, "application/json")) {
		http_reply_error(req, ERR_UNSUPPORTED_MEDIA, "kirim data sebagai application/json");
		return NULL;
	}
	j = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (j == NULL || !json_is_object(j)) {
		json_decref(j);
		http_reply_error(req, ERR_INVALID_INPUT, "JSON tidak valid: %s",
				 j ? "harus berupa objek" : jerr.text);
		return NULL;
	}
	return j;
}

int64_t
api_param_id(struct http_request *req, size_t i)
{
	int64_t v;

	if (i >= req->nparams || str_to_i64(str_from(req->params[i]), &v) < 0 || v <= 0) {
		http_reply_error(req, ERR_NOT_FOUND, "tidak ditemukan");
		return -1;
	}
	return v;
}

const char *
api_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}
