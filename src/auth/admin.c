/*
 * admin.c - offices, users and API tokens: validation and writes (see
 * admin.h for the rules).
 *
 * Invariants: everything is validated before a job is queued, and the job
 * re-reads what it depends on (parent office, user) inside the writer's
 * transaction, so two administrators racing cannot break a rule; password
 * hashing happens on the caller's thread, never inside a job.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/admin.h"
#include "auth/auth_internal.h"
#include "core/datetime.h"
#include "core/str.h"
#include "store/store_users.h"

static const char *const office_kinds[] = {"bawaslu", "bkn", "kasn", "ppk", "lain", NULL};
static const char *const office_levels[] = {"ri",        "provinsi", "kabkota",
					    "kecamatan", "instansi", NULL};
static const char *const zones[] = {"WIB", "WITA", "WIT", NULL};

static bool
in_list(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; s && list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

bool
auth_name_valid(const char *s)
{
	size_t i, n;

	if (s == NULL)
		return false;
	n = strnlen(s, 64);
	if (n < 2 || n > 63)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return false;
	}
	return true;
}

int
auth_region_depth(const char *s)
{
	static const int widths[] = {2, 2, 2, 4};
	size_t pos = 0;
	int seg;

	if (s == NULL)
		return -1;
	if (s[0] == '\0')
		return 0;
	for (seg = 0; seg < 4; seg++) {
		int k;

		for (k = 0; k < widths[seg]; k++, pos++)
			if (s[pos] < '0' || s[pos] > '9')
				return -1;
		if (s[pos] == '\0')
			return seg + 1;
		if (s[pos] != '.')
			return -1;
		pos++;
	}
	return -1;
}

bool
auth_region_code_valid(const char *s)
{
	return auth_region_depth(s) >= 0;
}

/* UTF-8, no control characters, 1..max-1 bytes (0 allowed when empty_ok) */
static bool
text_ok(const char *s, size_t max, bool empty_ok)
{
	size_t i, n;

	if (s == NULL)
		return empty_ok;
	n = strnlen(s, max);
	if (n >= max || (n == 0 && !empty_ok) || !utf8_valid(s, n))
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

int
auth_office_check(const struct auth_office_new *o, struct errbuf *eb)
{
	const char *region = o->region ? o->region : "";
	int depth = auth_region_depth(region);

	if (!auth_name_valid(o->code))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "code",
					"kode kantor harus 2..63 huruf kecil, angka, '.', '_' "
					"atau '-', diawali huruf atau angka");
	if (!text_ok(o->name, sizeof(((struct store_office *)0)->name), false))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "name",
					"nama kantor wajib diisi (teks UTF-8, paling panjang "
					"159 byte)");
	if (!in_list(o->kind, office_kinds))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "kind",
					"jenis kantor harus bawaslu, bkn, kasn, ppk atau lain");
	if (!in_list(o->level, office_levels))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "level",
					"tingkat kantor harus ri, provinsi, kabkota, kecamatan "
					"atau instansi");
	if (depth < 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "region",
					"kode wilayah '%s' tidak sah; gunakan kode Kemendagri "
					"bertitik seperti 64, 64.08 atau 64.08.01",
					region);
	if ((strcmp(o->level, "ri") == 0 && depth != 0) ||
	    (strcmp(o->level, "provinsi") == 0 && depth != 1) ||
	    (strcmp(o->level, "kabkota") == 0 && depth != 2) ||
	    (strcmp(o->level, "kecamatan") == 0 && depth != 3) ||
	    (strcmp(o->level, "instansi") == 0 && depth > 3))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "region",
					"kode wilayah '%s' tidak cocok dengan tingkat %s (ri: "
					"kosong, provinsi: 64, kabkota: 64.08, kecamatan: "
					"64.08.01)",
					region, o->level);
	if (o->tz && !in_list(o->tz, zones))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "tz",
					"zona waktu harus WIB, WITA atau WIT");
	if (o->tz == NULL && o->parent_code == NULL)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "tz",
					"zona waktu (WIB, WITA atau WIT) wajib untuk kantor "
					"tanpa kantor induk");
	if (o->parent_code && !auth_name_valid(o->parent_code))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "parent",
					"kode kantor induk tidak sah");
	return 0;
}

int
auth_role_office_check(enum role r, const char *office_kind, struct errbuf *eb)
{
	bool ok;

	switch (r) {
	case ROLE_PENGAWAS:
	case ROLE_CUSTODIAN: ok = strcmp(office_kind, "bawaslu") == 0; break;
	case ROLE_ANALIS:
		ok = strcmp(office_kind, "bkn") == 0 || strcmp(office_kind, "kasn") == 0;
		break;
	case ROLE_PPK: ok = strcmp(office_kind, "ppk") == 0; break;
	case ROLE_ADMIN:
	case ROLE_AUDITOR: ok = true; break;
	default: ok = false; break;
	}
	if (!ok)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "role",
					"peran %s tidak cocok untuk kantor berjenis %s "
					"(pengawas/custodian: bawaslu; analis: bkn atau kasn; "
					"ppk: ppk)",
					role_name(r), office_kind);
	return 0;
}

/* --- offices ---------------------------------------------------------------- */

struct office_job {
	const struct auth_office_new *in;
	struct store_office o;
};

static int
office_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct office_job *j = arg;
	struct store_office parent;

	if (j->in->parent_code) {
		if (store_office_get_by_code(c, j->in->parent_code, &parent, eb) < 0)
			return -1;
		if (!auth_region_within(parent.region_code, j->o.region_code))
			return errbuf_set_field(
				eb, ERR_INVALID_INPUT, "region",
				"wilayah %s tidak berada di dalam wilayah kantor "
				"induk %s (%s)",
				j->o.region_code[0] ? j->o.region_code : "nasional", parent.code,
				parent.region_code[0] ? parent.region_code : "nasional");
		j->o.parent_id = parent.id;
		if (j->o.tz[0] == '\0')
			cstr_copy(j->o.tz, sizeof(j->o.tz), parent.tz);
	}
	if (store_office_insert(c, &j->o, eb) < 0) {
		if (eb && eb->kind == ERR_CONFLICT)
			errbuf_set_field(eb, ERR_CONFLICT, "code", "kode kantor %s sudah dipakai",
					 j->o.code);
		return -1;
	}
	return 0;
}

int
auth_office_add(struct store *st, const struct auth_office_new *o, struct store_office *out,
		struct errbuf *eb)
{
	struct office_job j;

	if (auth_office_check(o, eb) < 0)
		return -1;
	memset(&j, 0, sizeof(j));
	j.in = o;
	cstr_copy(j.o.code, sizeof(j.o.code), o->code);
	cstr_copy(j.o.name, sizeof(j.o.name), o->name);
	cstr_copy(j.o.kind, sizeof(j.o.kind), o->kind);
	cstr_copy(j.o.level, sizeof(j.o.level), o->level);
	cstr_copy(j.o.region_code, sizeof(j.o.region_code), o->region ? o->region : "");
	cstr_copy(j.o.tz, sizeof(j.o.tz), o->tz ? o->tz : "");
	j.o.created_at = clock_now();
	if (store_write(st, office_write, &j, eb) < 0)
		return -1;
	if (out)
		*out = j.o;
	return 0;
}

/* --- users ------------------------------------------------------------------ */

struct user_job {
	const char *office_code;
	enum role role;
	struct store_user u;
};

static int
user_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct user_job *j = arg;
	struct store_office o;

	if (store_office_get_by_code(c, j->office_code, &o, eb) < 0)
		return -1;
	if (auth_role_office_check(j->role, o.kind, eb) < 0)
		return -1;
	j->u.office_id = o.id;
	if (store_user_insert(c, &j->u, eb) < 0) {
		if (eb && eb->kind == ERR_CONFLICT)
			errbuf_set_field(eb, ERR_CONFLICT, "username",
					 "nama pengguna %s sudah dipakai", j->u.username);
		return -1;
	}
	return 0;
}

int
auth_user_add(struct store *st, const struct auth_user_new *u, struct store_user *out,
	      struct errbuf *eb)
{
	struct user_job j;
	int rc;

	if (!auth_name_valid(u->username))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "username",
					"nama pengguna harus 2..63 huruf kecil, angka, '.', '_' "
					"atau '-', diawali huruf atau angka");
	if (!text_ok(u->full_name, sizeof(j.u.full_name), true))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "name",
					"nama lengkap harus teks UTF-8 paling panjang 127 byte");
	if ((unsigned)u->role >= ROLE__COUNT || u->role == ROLE_NONE)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "role", "peran tidak dikenal");
	if (!auth_name_valid(u->office_code))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "office", "kode kantor tidak sah");
	if (auth_password_check(u->username, u->password, eb) < 0)
		return -1;
	memset(&j, 0, sizeof(j));
	j.office_code = u->office_code;
	j.role = u->role;
	cstr_copy(j.u.username, sizeof(j.u.username), u->username);
	cstr_copy(j.u.full_name, sizeof(j.u.full_name), u->full_name ? u->full_name : "");
	cstr_copy(j.u.role, sizeof(j.u.role), role_name(u->role));
	j.u.active = true;
	j.u.created_at = j.u.password_at = clock_now();
	if (auth_password_hash(u->password, j.u.password_hash, sizeof(j.u.password_hash), eb) < 0)
		return -1;
	rc = store_write(st, user_write, &j, eb);
	if (rc == 0 && out) {
		*out = j.u;
		out->password_hash[0] = '\0';
	}
	sodium_memzero(j.u.password_hash, sizeof(j.u.password_hash));
	return rc;
}

struct passwd_job {
	const char *username;
	const char *hash;
	int64_t now;
	int active; /* -1: leave, 0/1: set */
};

static int
passwd_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct passwd_job *j = arg;
	struct store_user u;

	if (store_user_get_by_username(c, j->username, &u, eb) < 0)
		return -1;
	sodium_memzero(u.password_hash, sizeof(u.password_hash));
	if (j->hash && store_user_set_password(c, u.id, j->hash, j->now, eb) < 0)
		return -1;
	if (j->active >= 0 && store_user_set_active(c, u.id, j->active == 1, eb) < 0)
		return -1;
	/* a new password or a disabled account ends every session */
	if ((j->hash || j->active == 0) && store_session_delete_user(c, u.id, eb) < 0)
		return -1;
	return 0;
}

int
auth_user_passwd(struct store *st, const char *username, const char *password, struct errbuf *eb)
{
	char hash[AUTH_PASSWORD_BYTES];
	struct passwd_job j = {username, hash, clock_now(), -1};
	int rc;

	if (!auth_name_valid(username))
		return errbuf_set_code(eb, ERR_NOT_FOUND, "user_not_found",
				       "pengguna %s tidak ditemukan", username ? username : "");
	if (auth_password_check(username, password, eb) < 0 ||
	    auth_password_hash(password, hash, sizeof(hash), eb) < 0)
		return -1;
	rc = store_write(st, passwd_write, &j, eb);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int
auth_user_set_active(struct store *st, const char *username, bool active, struct errbuf *eb)
{
	struct passwd_job j = {username, NULL, clock_now(), active ? 1 : 0};

	if (!auth_name_valid(username))
		return errbuf_set_code(eb, ERR_NOT_FOUND, "user_not_found",
				       "pengguna %s tidak ditemukan", username ? username : "");
	return store_write(st, passwd_write, &j, eb);
}

struct revoke_job {
	const char *username;
	const char *name;
	int64_t count;
};

static int
revoke_write(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct revoke_job *j = arg;
	struct store_user u;

	if (store_user_get_by_username(c, j->username, &u, eb) < 0)
		return -1;
	sodium_memzero(u.password_hash, sizeof(u.password_hash));
	return store_api_token_revoke_named(c, u.id, j->name, &j->count, eb);
}

int
auth_token_revoke_named(struct store *st, const char *username, const char *name, int64_t *count,
			struct errbuf *eb)
{
	struct revoke_job j = {username, name, 0};

	if (!auth_name_valid(username))
		return errbuf_set_code(eb, ERR_NOT_FOUND, "user_not_found",
				       "pengguna %s tidak ditemukan", username ? username : "");
	if (store_write(st, revoke_write, &j, eb) < 0)
		return -1;
	if (count)
		*count = j.count;
	return 0;
}
