/*
 * auth.c - roles, the permission table, region prefixes and the store
 * scope of a principal.
 *
 * Invariants: the anonymous principal (ROLE_NONE) has no permission and no
 * region; a region prefix matches on dot boundaries only; every role but
 * the PPK is confined to its office's region, and an office at level "ri"
 * (region "") is national.  The table below is documented, row for row,
 * in docs/internals/auth.md: change both together.
 */
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "auth/auth_internal.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/store_users.h"

static const char *const role_names[ROLE__COUNT] = {
	[ROLE_NONE] = "anonim",     [ROLE_ADMIN] = "admin", [ROLE_PENGAWAS] = "pengawas",
	[ROLE_ANALIS] = "analis",   [ROLE_PPK] = "ppk",     [ROLE_CUSTODIAN] = "custodian",
	[ROLE_AUDITOR] = "auditor",
};

static const char *const perm_names[PERM__COUNT] = {
	[PERM_CASE_READ] = "case_read",
	[PERM_CASE_TRIAGE] = "case_triage",
	[PERM_CASE_TRANSITION] = "case_transition",
	[PERM_TEMUAN_CREATE] = "temuan_create",
	[PERM_PELAPOR_UNSEAL] = "pelapor_unseal",
	[PERM_AUDIT_READ] = "audit_read",
	[PERM_USER_ADMIN] = "user_admin",
	[PERM_EXPORT] = "export",
	[PERM_DASHBOARD] = "dashboard",
	[PERM_SCREENING] = "screening",
};

#define P(x) (1u << (x))

/*
 * role x permission.  Reading is further limited by auth_scope(): region
 * for everyone, recommendation stage for analis, track address for ppk.
 *  - admin: users and offices; reads cases and the audit log of its region
 *    (national at an RI office); never unseals, never handles cases.
 *  - pengawas: the Bawaslu handler: reads, triages, transitions, temuan.
 *  - analis (BKN/KASN): reads recommended cases, moves its own steps.
 *  - ppk: reads tracks addressed to it, records the sanction step.
 *  - custodian: reads and may open a sealed reporter identity.
 *  - auditor: reads cases and the audit log, exports.
 */
static const unsigned perm_table[ROLE__COUNT] = {
	[ROLE_NONE] = 0,
	[ROLE_ADMIN] = P(PERM_CASE_READ) | P(PERM_AUDIT_READ) | P(PERM_USER_ADMIN) |
		       P(PERM_EXPORT) | P(PERM_DASHBOARD),
	[ROLE_PENGAWAS] = P(PERM_CASE_READ) | P(PERM_CASE_TRIAGE) | P(PERM_CASE_TRANSITION) |
			  P(PERM_TEMUAN_CREATE) | P(PERM_EXPORT) | P(PERM_DASHBOARD) |
			  P(PERM_SCREENING),
	[ROLE_ANALIS] = P(PERM_CASE_READ) | P(PERM_CASE_TRANSITION) | P(PERM_EXPORT) |
			P(PERM_DASHBOARD) | P(PERM_SCREENING),
	[ROLE_PPK] = P(PERM_CASE_READ) | P(PERM_CASE_TRANSITION) | P(PERM_DASHBOARD),
	[ROLE_CUSTODIAN] = P(PERM_CASE_READ) | P(PERM_PELAPOR_UNSEAL) | P(PERM_DASHBOARD),
	[ROLE_AUDITOR] =
		P(PERM_CASE_READ) | P(PERM_AUDIT_READ) | P(PERM_EXPORT) | P(PERM_DASHBOARD),
};

const char *
role_name(enum role r)
{
	if ((unsigned)r >= ROLE__COUNT)
		return "?";
	return role_names[r];
}

int
role_parse(const char *s, enum role *out)
{
	int r;

	/* ROLE_NONE is not a role a user can hold */
	for (r = ROLE_NONE + 1; s && r < ROLE__COUNT; r++) {
		if (strcmp(s, role_names[r]) == 0) {
			*out = (enum role)r;
			return 0;
		}
	}
	return -1;
}

const char *
perm_name(enum perm p)
{
	if ((unsigned)p >= PERM__COUNT)
		return "?";
	return perm_names[p];
}

bool
auth_can(const struct principal *p, enum perm perm)
{
	if (p == NULL || p->user_id <= 0 || (unsigned)p->role >= ROLE__COUNT ||
	    (unsigned)perm >= PERM__COUNT)
		return false;
	return (perm_table[p->role] & P(perm)) != 0;
}

bool
auth_region_within(const char *prefix, const char *code)
{
	size_t n;

	if (prefix == NULL || code == NULL)
		return false;
	n = strlen(prefix);
	if (n == 0)
		return true; /* national */
	if (strncmp(code, prefix, n) != 0)
		return false;
	return code[n] == '\0' || code[n] == '.';
}

bool
auth_region_allows(const struct principal *p, const char *region_code)
{
	if (p == NULL || region_code == NULL || p->user_id <= 0 || p->role == ROLE_NONE ||
	    p->role == ROLE_PPK || (unsigned)p->role >= ROLE__COUNT)
		return false;
	/* a principal is a plain struct: never trust its string to be terminated */
	if (strnlen(p->region_prefix, sizeof(p->region_prefix)) == sizeof(p->region_prefix))
		return false;
	return auth_region_within(p->region_prefix, region_code);
}

void
auth_scope(const struct principal *p, struct store_scope *out)
{
	memset(out, 0, sizeof(*out));
	if (p == NULL || p->user_id <= 0 || p->role == ROLE_NONE ||
	    (unsigned)p->role >= ROLE__COUNT) {
		out->none = true;
		return;
	}
	switch (p->role) {
	case ROLE_PPK:
		/* a PPK office sees the tracks addressed to it, wherever the
		 * case happened, and only once Bawaslu has recommended */
		if (p->office_id <= 0) {
			out->none = true;
			return;
		}
		out->ppk_office_id = p->office_id;
		out->recommended_only = true;
		return;
	case ROLE_ANALIS: out->recommended_only = true; break;
	default: break;
	}
	cstr_copy(out->region_prefix, sizeof(out->region_prefix), p->region_prefix);
}

void
auth_principal_anonymous(struct principal *p)
{
	memset(p, 0, sizeof(*p));
	p->role = ROLE_NONE;
	cstr_copy(p->username, sizeof(p->username), "anonim");
}

void
auth_principal_from_session(struct principal *p, const struct store_session *s, enum auth_via via)
{
	enum role r;

	auth_principal_anonymous(p);
	if (role_parse(s->user.role, &r) < 0)
		return; /* a role this binary does not know grants nothing */
	p->user_id = s->user.id;
	p->role = r;
	cstr_copy(p->username, sizeof(p->username), s->user.username);
	cstr_copy(p->full_name, sizeof(p->full_name), s->user.full_name);
	p->office_id = s->office.id;
	cstr_copy(p->office_code, sizeof(p->office_code), s->office.code);
	cstr_copy(p->office_name, sizeof(p->office_name), s->office.name);
	cstr_copy(p->office_kind, sizeof(p->office_kind), s->office.kind);
	cstr_copy(p->office_level, sizeof(p->office_level), s->office.level);
	cstr_copy(p->region_prefix, sizeof(p->region_prefix), s->office.region_code);
	cstr_copy(p->tz, sizeof(p->tz), s->office.tz);
	if (via == AUTH_VIA_COOKIE) {
		cstr_copy(p->csrf, sizeof(p->csrf), s->csrf);
		p->via_cookie = true;
	}
}

/* --- libsodium and encoding ---------------------------------------------- */

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;

static void
sodium_start(void)
{
	if (sodium_init() < 0)
		die("libsodium cannot be initialised");
}

void
auth_sodium_ready(void)
{
	pthread_once(&sodium_once, sodium_start);
}

void
auth_b64url(char *out, size_t outsz, const unsigned char *in, size_t n)
{
	sodium_bin2base64(out, outsz, in, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
