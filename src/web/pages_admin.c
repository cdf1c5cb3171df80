/*
 * pages_admin.c - /kantor/admin: offices, users and roles, for principals
 * with PERM_USER_ADMIN.
 *
 * Every change goes through src/auth/admin.h (the same rules as `netra
 * user` and `netra office`).  An administrator works inside the region of
 * their own office: they see and change only offices whose region lies in
 * it, and only users of those offices (a national office sees all).  A
 * generated one-time password is never put in a URL or a log: after the
 * POST it is kept in memory for at most ADMIN_SECRET_TTL_S seconds under a
 * random id bound to the administrator, the browser is redirected (303) to
 * /kantor/admin/sandi/{id}, and that page shows it once and forgets it.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "auth/admin.h"
#include "auth/auth.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "store/store.h"
#include "store/store_users.h"
#include "web/dasbor_util.h"
#include "web/i18n.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

#define ADMIN_SECRET_TTL_S 600
#define ADMIN_SECRETS      32
#define ADMIN_PASSWORD_LEN 20 /* characters, 100 bits (as `netra user add`) */

/* --- one-time passwords, shown once -------------------------------------- */

struct secret {
	int64_t admin_id;
	int64_t expires_ms;
	char id[33]; /* 16 random bytes, hex; "" = free */
	char username[64];
	char password[ADMIN_PASSWORD_LEN + ADMIN_PASSWORD_LEN / 4 + 1];
	bool reset; /* a new password for an existing user (else a new user) */
};

static struct secret secrets[ADMIN_SECRETS];
static pthread_mutex_t secrets_lock = PTHREAD_MUTEX_INITIALIZER;

static void
secret_clear(struct secret *s)
{
	sodium_memzero(s, sizeof(*s));
}

/* Keep (username, password) for admin; id gets the key to show it by. */
static void
secret_put(int64_t admin_id, const char *username, const char *password, bool reset, char id[33])
{
	unsigned char raw[16];
	struct secret *slot = NULL;
	int64_t now = clock_mono_ms();
	size_t i;

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(id, 33, raw, sizeof(raw));
	pthread_mutex_lock(&secrets_lock);
	for (i = 0; i < ADMIN_SECRETS; i++) {
		if (secrets[i].id[0] && secrets[i].expires_ms < now)
			secret_clear(&secrets[i]);
		if (secrets[i].id[0] == '\0' && slot == NULL)
			slot = &secrets[i];
	}
	if (slot == NULL) { /* full: the oldest goes */
		slot = &secrets[0];
		for (i = 1; i < ADMIN_SECRETS; i++)
			if (secrets[i].expires_ms < slot->expires_ms)
				slot = &secrets[i];
		secret_clear(slot);
	}
	cstr_copy(slot->id, sizeof(slot->id), id);
	slot->admin_id = admin_id;
	slot->expires_ms = now + ADMIN_SECRET_TTL_S * 1000;
	cstr_copy(slot->username, sizeof(slot->username), username);
	cstr_copy(slot->password, sizeof(slot->password), password);
	slot->reset = reset;
	pthread_mutex_unlock(&secrets_lock);
}

/* Take (and forget) the secret id of admin; false when gone. */
static bool
secret_take(int64_t admin_id, const char *id, struct secret *out)
{
	int64_t now = clock_mono_ms();
	bool found = false;
	size_t i;

	if (id == NULL || strlen(id) != 32)
		return false;
	pthread_mutex_lock(&secrets_lock);
	for (i = 0; i < ADMIN_SECRETS; i++) {
		if (secrets[i].id[0] == '\0' || sodium_memcmp(secrets[i].id, id, 32) != 0)
			continue;
		if (secrets[i].admin_id == admin_id && secrets[i].expires_ms >= now) {
			*out = secrets[i];
			found = true;
		}
		secret_clear(&secrets[i]);
	}
	pthread_mutex_unlock(&secrets_lock);
	return found;
}

/* --- the page -------------------------------------------------------------- */

struct listing {
	const struct principal *who;
	json_t *offices; /* in the admin's region */
	json_t *users;
	json_t *ids; /* office id -> code, for the users' rows */
};

static bool
office_visible(const struct principal *who, const struct store_office *o)
{
	return auth_region_within(who->region_prefix, o->region_code);
}

static int
on_office(void *arg, const struct store_office *o)
{
	struct listing *l = arg;
	char key[24];

	if (!office_visible(l->who, o))
		return 0;
	snprintf(key, sizeof(key), "%lld", (long long)o->id);
	json_object_set_new(l->ids, key, json_string(o->code));
	json_array_append_new(l->offices,
			      json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I}", "id",
					(json_int_t)o->id, "code", o->code, "name", o->name, "kind",
					o->kind, "level", o->level, "region", o->region_code, "tz",
					o->tz, "parent_id", (json_int_t)o->parent_id));
	return 0;
}

static int
on_user(void *arg, const struct store_user *u)
{
	struct listing *l = arg;
	char key[24];
	const char *office;

	snprintf(key, sizeof(key), "%lld", (long long)u->office_id);
	office = json_string_value(json_object_get(l->ids, key));
	if (office == NULL)
		return 0; /* outside the admin's region */
	json_array_append_new(l->users, json_pack("{s:s, s:s, s:s, s:s, s:b, s:b}", "username",
						  u->username, "full_name", u->full_name, "role",
						  u->role, "office", office, "active", u->active,
						  "self", u->id == l->who->user_id));
	return 0;
}

/* The lists, with parent codes filled in and role labels. */
static int
listing_load(struct http_request *req, struct listing *l, struct errbuf *eb)
{
	struct app *app = req->app;
	struct store_conn *c = store_reader(app->store);
	json_t *o;
	size_t i;
	int rc;

	l->who = auth_principal(req);
	l->offices = json_array();
	l->users = json_array();
	l->ids = json_object();
	rc = store_office_list(c, on_office, l, eb);
	if (rc == 0)
		rc = store_user_list(c, 0, on_user, l, eb);
	store_reader_done(app->store, c);
	json_array_foreach(l->offices, i, o)
	{
		char key[24];
		const char *parent;

		snprintf(key, sizeof(key), "%lld",
			 (long long)json_integer_value(json_object_get(o, "parent_id")));
		parent = json_string_value(json_object_get(l->ids, key));
		json_object_set_new(o, "parent", json_string(parent ? parent : ""));
	}
	return rc;
}

static void
listing_release(struct listing *l)
{
	json_decref(l->offices);
	json_decref(l->users);
	json_decref(l->ids);
}

static const char *
fstr(json_t *f, const char *key)
{
	const char *v = json_string_value(json_object_get(f, key));

	return v ? v : "";
}

static json_t *
choices(const char *const *ids, const char *prefix, const char *selected, const struct i18n *lang)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; ids[i]; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "id", ids[i], "name",
						     dasbor_label(lang, prefix, ids[i], ids[i]),
						     "selected",
						     selected && strcmp(selected, ids[i]) == 0));
	return arr;
}

/* Render the admin page; form (may be NULL) is the rejected form to show
 * again, which_form "user" or "office", with its error. */
static int
render(struct http_request *req, int status, const char *which_form, const struct form *form,
       const struct errbuf *err)
{
	static const char *const roles[] = {"pengawas", "analis", "ppk", "custodian",
					    "auditor",  "admin",  NULL};
	static const char *const kinds[] = {"bawaslu", "bkn", "kasn", "ppk", "lain", NULL};
	static const char *const levels[] = {"ri",        "provinsi", "kabkota",
					     "kecamatan", "instansi", NULL};
	static const char *const zones[] = {"WIB", "WITA", "WIT", NULL};
	const struct i18n *lang = web_lang(req);
	const char *done = http_query_get(req, "selesai");
	struct listing l;
	struct errbuf eb;
	json_t *ctx, *f = json_object(), *o;
	size_t i;

	ctx = web_officer_ctx(req, "admin.title");
	if (ctx == NULL) {
		json_decref(f);
		return 0;
	}
	errbuf_clear(&eb);
	memset(&l, 0, sizeof(l));
	if (listing_load(req, &l, &eb) < 0) {
		listing_release(&l);
		json_decref(ctx);
		json_decref(f);
		return web_error_page(req, &eb);
	}
	for (i = 0; form && i < form->n; i++)
		if (strcmp(form->fields[i].name, "csrf") != 0)
			json_object_set_new(f, form->fields[i].name,
					    json_string(form->fields[i].value));
	json_array_foreach(l.offices, i, o)
	{
		const char *code = json_string_value(json_object_get(o, "code"));

		json_object_set_new(o, "selected_user",
				    json_boolean(which_form && strcmp(which_form, "user") == 0 &&
						 strcmp(code, fstr(f, "office")) == 0));
		json_object_set_new(o, "selected_parent",
				    json_boolean(which_form && strcmp(which_form, "office") == 0 &&
						 strcmp(code, fstr(f, "parent")) == 0));
		json_object_set_new(o, "kind_label",
				    json_string(dasbor_label(
					    lang, "label.office_kind",
					    json_string_value(json_object_get(o, "kind")), NULL)));
	}
	json_array_foreach(l.users, i, o) json_object_set_new(
		o, "role_label",
		json_string(dasbor_label(lang, "admin.role",
					 json_string_value(json_object_get(o, "role")), NULL)));
	json_object_set_new(ctx, "offices", json_incref(l.offices));
	json_object_set_new(ctx, "users", json_incref(l.users));
	json_object_set_new(ctx, "roles",
			    choices(roles, "admin.role",
				    which_form && strcmp(which_form, "user") == 0
					    ? json_string_value(json_object_get(f, "role"))
					    : NULL,
				    lang));
	json_array_foreach(json_object_get(ctx, "roles"), i, o) json_object_set_new(
		o, "desc",
		json_string(dasbor_label(lang, "admin.role_desc",
					 json_string_value(json_object_get(o, "id")), "")));
	json_object_set_new(ctx, "kinds",
			    choices(kinds, "label.office_kind",
				    json_string_value(json_object_get(f, "kind")), lang));
	json_object_set_new(ctx, "levels",
			    choices(levels, "label.office_level",
				    json_string_value(json_object_get(f, "level")), lang));
	json_object_set_new(
		ctx, "zones",
		choices(zones, "admin.zone", json_string_value(json_object_get(f, "tz")), lang));
	if (which_form && err) {
		json_t *e = json_pack("{s:s, s:s}", "message", err->msg, "field",
				      err->field[0] ? err->field : "");

		json_object_set_new(e, err->field[0] ? err->field : "general", json_true());
		json_object_set_new(
			ctx, strcmp(which_form, "user") == 0 ? "user_error" : "office_error", e);
		json_object_set_new(ctx,
				    strcmp(which_form, "user") == 0 ? "user_form" : "office_form",
				    json_incref(f));
	}
	if (done && (strcmp(done, "aktif") == 0 || strcmp(done, "nonaktif") == 0 ||
		     strcmp(done, "kantor") == 0))
		json_object_set_new(ctx, "done",
				    json_pack("{s:s, s:s?}", "message",
					      dasbor_label(lang, "admin.done", done, done), "who",
					      http_query_get(req, "u")));
	json_object_set_new(ctx, "region", json_string(auth_principal(req)->region_prefix));
	json_object_set_new(ctx, "css", json_pack("[s]", "dasbor.css"));
	listing_release(&l);
	json_decref(f);
	http_header_add(req, "Cache-Control", "private, no-store");
	return web_render(req, status, "admin", ctx);
}

/* Refuse without PERM_USER_ADMIN; 1 when it replied. */
static int
guard(struct http_request *req)
{
	const struct principal *who = auth_principal(req);
	struct errbuf eb;

	if (who->user_id == 0) {
		http_reply_redirect(req, 303, "/masuk?next=%2Fkantor%2Fadmin");
		return 1;
	}
	if (!auth_can(who, PERM_USER_ADMIN)) {
		errbuf_clear(&eb);
		errbuf_set(&eb, ERR_FORBIDDEN, "Halaman ini hanya untuk administrator.");
		web_error_page(req, &eb);
		return 1;
	}
	return 0;
}

int
web_admin(struct http_request *req)
{
	if (guard(req))
		return 0;
	return render(req, 200, NULL, NULL, NULL);
}

/* The office by code, if the admin may work on it. */
static int
office_in_reach(struct http_request *req, const char *code, struct store_office *o,
		struct errbuf *eb)
{
	struct app *app = req->app;
	struct store_conn *c;
	int rc;

	if (code == NULL || !auth_name_valid(code))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "office", "pilih kantor");
	c = store_reader(app->store);
	rc = store_office_get_by_code(c, code, o, eb);
	store_reader_done(app->store, c);
	if (rc < 0 || !office_visible(auth_principal(req), o))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "office",
					"kantor %s tidak ada di wilayah kerja Anda", code);
	return 0;
}

/* The user by name, if their office is within the admin's region. */
static int
user_in_reach(struct http_request *req, const char *username, struct store_user *u,
	      struct errbuf *eb)
{
	struct app *app = req->app;
	struct store_office o;
	struct store_conn *c;
	int rc;

	memset(u, 0, sizeof(*u));
	if (username == NULL || !auth_name_valid(username)) {
		errbuf_set(eb, ERR_NOT_FOUND, "Pengguna tidak ditemukan.");
		return -1;
	}
	c = store_reader(app->store);
	rc = store_user_get_by_username(c, username, u, eb);
	if (rc == 0)
		rc = store_office_get(c, u->office_id, &o, eb);
	store_reader_done(app->store, c);
	sodium_memzero(u->password_hash, sizeof(u->password_hash));
	if (rc < 0 || !office_visible(auth_principal(req), &o)) {
		errbuf_set(eb, ERR_NOT_FOUND, "Pengguna tidak ditemukan.");
		return -1;
	}
	return 0;
}

static int
redirect_secret(struct http_request *req, const char *username, const char *password, bool reset)
{
	char id[33];

	secret_put(auth_principal(req)->user_id, username, password, reset, id);
	return http_reply_redirect(req, 303,
				   arena_printf(&req->arena, "/kantor/admin/sandi/%s", id));
}

int
web_admin_user_add(struct http_request *req)
{
	struct app *app = req->app;
	struct auth_user_new u;
	struct store_office o;
	struct errbuf eb;
	struct form f;
	char pw[ADMIN_PASSWORD_LEN + ADMIN_PASSWORD_LEN / 4 + 1];
	const char *role;
	int rc;

	if (guard(req))
		return 0;
	if (web_form(req, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	memset(&u, 0, sizeof(u));
	u.username = form_get(&f, "username");
	u.full_name = form_get(&f, "full_name");
	u.office_code = form_get(&f, "office");
	role = form_get(&f, "role");
	if (role == NULL || role_parse(role, &u.role) < 0 || u.role == ROLE_NONE) {
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "role", "pilih peran");
		return render(req, 400, "user", &f, &eb);
	}
	if (office_in_reach(req, u.office_code, &o, &eb) < 0)
		return render(req, 400, "user", &f, &eb);
	auth_secret_generate(pw, sizeof(pw), ADMIN_PASSWORD_LEN);
	u.password = pw;
	rc = auth_user_add(app->store, &u, NULL, &eb);
	if (rc < 0) {
		sodium_memzero(pw, sizeof(pw));
		return render(req, eb.kind == ERR_CONFLICT ? 409 : 400, "user", &f, &eb);
	}
	log_info("admin: %s created user %s (%s, %s)", auth_principal(req)->username, u.username,
		 role, u.office_code);
	rc = redirect_secret(req, u.username, pw, false);
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

int
web_admin_user_passwd(struct http_request *req)
{
	struct app *app = req->app;
	struct store_user u;
	struct errbuf eb;
	char pw[ADMIN_PASSWORD_LEN + ADMIN_PASSWORD_LEN / 4 + 1];
	int rc;

	if (guard(req))
		return 0;
	errbuf_clear(&eb);
	if (user_in_reach(req, req->params[0], &u, &eb) < 0)
		return web_error_page(req, &eb);
	auth_secret_generate(pw, sizeof(pw), ADMIN_PASSWORD_LEN);
	if (auth_user_passwd(app->store, u.username, pw, &eb) < 0) {
		sodium_memzero(pw, sizeof(pw));
		return web_error_page(req, &eb);
	}
	log_info("admin: %s reset the password of %s", auth_principal(req)->username, u.username);
	rc = redirect_secret(req, u.username, pw, true);
	sodium_memzero(pw, sizeof(pw));
	return rc;
}

int
web_admin_user_status(struct http_request *req)
{
	struct app *app = req->app;
	struct store_user u;
	struct errbuf eb;
	struct form f;
	const char *active;
	bool on;

	if (guard(req))
		return 0;
	if (web_form(req, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	active = form_get(&f, "active");
	if (active == NULL || (strcmp(active, "1") != 0 && strcmp(active, "0") != 0)) {
		errbuf_set(&eb, ERR_INVALID_INPUT, "Permintaan tidak lengkap.");
		return web_error_page(req, &eb);
	}
	on = strcmp(active, "1") == 0;
	if (user_in_reach(req, req->params[0], &u, &eb) < 0)
		return web_error_page(req, &eb);
	if (!on && u.id == auth_principal(req)->user_id) {
		errbuf_set(&eb, ERR_CONFLICT,
			   "Anda tidak dapat menonaktifkan akun Anda sendiri; minta administrator "
			   "lain.");
		return web_error_page(req, &eb);
	}
	if (auth_user_set_active(app->store, u.username, on, &eb) < 0)
		return web_error_page(req, &eb);
	log_info("admin: %s %s user %s", auth_principal(req)->username, on ? "enabled" : "disabled",
		 u.username);
	return http_reply_redirect(req, 303,
				   arena_printf(&req->arena, "/kantor/admin?selesai=%s&u=%s",
						on ? "aktif" : "nonaktif", u.username));
}

int
web_admin_office_add(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	struct auth_office_new o;
	struct store_office parent;
	struct errbuf eb;
	struct form f;
	const char *tz, *parent_code;

	if (guard(req))
		return 0;
	if (web_form(req, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	memset(&o, 0, sizeof(o));
	o.code = form_get(&f, "code");
	o.name = form_get(&f, "name");
	o.kind = form_get(&f, "kind");
	o.level = form_get(&f, "level");
	o.region = form_get(&f, "region");
	parent_code = form_get(&f, "parent");
	tz = form_get(&f, "tz");
	o.parent_code = parent_code && parent_code[0] ? parent_code : NULL;
	o.tz = tz && tz[0] ? tz : NULL;
	if (o.parent_code && office_in_reach(req, o.parent_code, &parent, &eb) < 0) {
		eb.field[0] = '\0';
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "parent",
				 "kantor induk %s tidak ada di wilayah kerja Anda", o.parent_code);
		return render(req, 400, "office", &f, &eb);
	}
	if (!auth_region_within(who->region_prefix, o.region ? o.region : "")) {
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "region",
				 "wilayah kantor harus berada di dalam wilayah kerja Anda (%s)",
				 who->region_prefix[0] ? who->region_prefix : "nasional");
		return render(req, 400, "office", &f, &eb);
	}
	if (auth_office_add(app->store, &o, NULL, &eb) < 0)
		return render(req, eb.kind == ERR_CONFLICT ? 409 : 400, "office", &f, &eb);
	log_info("admin: %s created office %s", who->username, o.code);
	return http_reply_redirect(req, 303, "/kantor/admin?selesai=kantor");
}

int
web_admin_secret(struct http_request *req)
{
	struct secret s;
	json_t *ctx;
	bool found;

	if (guard(req))
		return 0;
	ctx = web_officer_ctx(req, "admin.secret_title");
	if (ctx == NULL)
		return 0;
	found = secret_take(auth_principal(req)->user_id, req->params[0], &s);
	if (found) {
		json_object_set_new(ctx, "secret",
				    json_pack("{s:s, s:s, s:b}", "username", s.username, "password",
					      s.password, "reset", s.reset));
		secret_clear(&s);
	}
	json_object_set_new(ctx, "css", json_pack("[s]", "dasbor.css"));
	http_header_add(req, "Cache-Control", "no-store");
	return web_render(req, found ? 200 : 410, "admin_sandi", ctx);
}
