/*
 * kantor_util.c - small helpers shared by the officers' pages (see
 * kantor_internal.h): path parameters, the return path of a form, local
 * dates, the officers offered for assignment, form fields.
 */
#include <string.h>

#include "app/app.h"
#include "core/str.h"
#include "store/store.h"
#include "store/store_users.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/web.h"

int64_t
kantor_param_id(const struct http_request *req, size_t i)
{
	int64_t id;

	if (i >= req->nparams || req->params[i] == NULL ||
	    str_to_i64(str_from(req->params[i]), &id) < 0 || id <= 0)
		return -1;
	return id;
}

int
kantor_error(struct http_request *req, const struct errbuf *eb)
{
	const struct err_info *info = err_info(eb->kind);
	const struct i18n *lang = web_lang(req);
	char detail[sizeof(eb->msg)];
	json_t *ctx;

	if (auth_principal(req)->user_id == 0)
		return web_error_page(req, eb);
	ctx = web_officer_ctx(req, "error.title");
	if (ctx == NULL)
		return 0;
	/* service messages start in lower case: they are also parts of sentences */
	cstr_copy(detail, sizeof(detail), eb->msg);
	if (detail[0] >= 'a' && detail[0] <= 'z')
		detail[0] = (char)(detail[0] - 'a' + 'A');
	json_object_set_new(ctx, "status", json_integer(info->http_status));
	json_object_set_new(
		ctx, "heading",
		json_string(strcmp(i18n_lang(lang), "en") == 0 ? info->title_en : info->title_id));
	json_object_set_new(ctx, "detail", json_string(detail));
	return web_render(req, info->http_status, "kantor_galat", ctx);
}

int
kantor_not_found(struct http_request *req, const char *msg)
{
	struct errbuf eb;

	errbuf_clear(&eb);
	errbuf_set(&eb, ERR_NOT_FOUND, "%s", msg);
	return kantor_error(req, &eb);
}

const char *
kantor_back(const char *back, const char *dflt)
{
	/* "/kantor" or "/kantor/..." or "/kantor?...", never "//host" or a scheme */
	if (back && strncmp(back, "/kantor", 7) == 0 &&
	    (back[7] == '\0' || back[7] == '/' || back[7] == '?') && strstr(back, "//") == NULL &&
	    strchr(back, '\\') == NULL && strpbrk(back, "\r\n") == NULL)
		return back;
	return dflt;
}

void
kantor_today(const char *tz, char today[DATE_STRLEN], char soon[DATE_STRLEN])
{
	const struct tz *z = tz_find(str_from(tz));
	struct date d = time_local_date(clock_now(), (z ? z : &tz_wita)->offset_min);

	date_format(d, today);
	date_format(date_add_days(d, KANTOR_SOON_DAYS), soon);
}

struct officers {
	json_t *arr;
	struct store_conn *c;
};

static int
add_officer(void *arg, const struct store_user *u)
{
	struct officers *o = arg;

	if (json_array_size(o->arr) >= KANTOR_OFFICERS_MAX)
		return 1;
	if (u->active && strcmp(u->role, "pengawas") == 0)
		json_array_append_new(o->arr, json_pack("{s:s, s:s}", "username", u->username,
							"full_name", u->full_name));
	return 0;
}

static int
add_office_officers(void *arg, const struct store_office *off)
{
	struct officers *o = arg;

	store_user_list(o->c, off->id, add_officer, o, NULL);
	return 0;
}

json_t *
kantor_officers(struct app *app, const struct principal *p)
{
	struct officers o = {json_array(), NULL};

	if (!auth_can(p, PERM_CASE_TRIAGE) || app->store == NULL)
		return o.arr;
	o.c = store_reader(app->store);
	store_user_list(o.c, p->office_id, add_officer, &o, NULL);
	store_office_children(o.c, p->office_id, add_office_officers, &o, NULL);
	store_reader_done(app->store, o.c);
	return o.arr;
}

const char *
kantor_field(const struct form *f, const char *name, size_t max, bool *too_long)
{
	const char *v = form_get(f, name);
	size_t n;

	if (too_long)
		*too_long = false;
	if (v == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	if (n > max) {
		if (too_long)
			*too_long = true;
		return NULL;
	}
	return n ? v : NULL;
}

json_t *
kantor_option(const char *value, const char *label, const char *current)
{
	return json_pack("{s:s, s:s, s:b}", "value", value, "label", label, "selected",
			 current != NULL && strcmp(value, current) == 0);
}
