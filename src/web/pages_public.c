/*
 * pages_public.c - public pages that need no account.
 */
#include "web/web.h"

/* GET / - beranda: what netra is for, how to report, what ASN may do. */
int
web_home(struct http_request *req)
{
	json_t *ctx = web_page_ctx(req, "home.title");

	return web_render(req, 200, "home", ctx);
}
