/*
 * admin.h - administering offices, users and API tokens: validation plus
 * the writes, shared by the CLI (netra office|user|token) and any later
 * admin API, so the rules live in one place.
 *
 * Rules enforced here (docs/internals/auth.md explains them):
 *  - office codes and usernames are lower case [a-z0-9._-], 2..63 bytes,
 *    starting with a letter or digit; names are UTF-8 without control
 *    characters;
 *  - a region code is a dotted Kemendagri code NN[.NN[.NN[.NNNN]]] whose
 *    depth matches the office level (ri "", provinsi NN, kabkota NN.NN,
 *    kecamatan NN.NN.NN; instansi any of those up to NN.NN.NN) and lies
 *    inside the parent office's region;
 *  - a role needs a matching office kind: pengawas and custodian work at
 *    bawaslu, analis at bkn or kasn, ppk at ppk; admin and auditor anywhere;
 *  - a changed password or a disabled account ends every session of that
 *    user at once (API tokens of a disabled user stop working too).
 * Errors: ERR_INVALID_INPUT with the field name, ERR_NOT_FOUND
 * ("office_not_found", "user_not_found"), ERR_CONFLICT for duplicates.
 */
#ifndef NETRA_AUTH_ADMIN_H
#define NETRA_AUTH_ADMIN_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_users.h"

struct auth_office_new {
	const char *code;
	const char *name;
	const char *kind;        /* bawaslu, bkn, kasn, ppk, lain */
	const char *level;       /* ri, provinsi, kabkota, kecamatan, instansi */
	const char *region;      /* Kemendagri code; "" or NULL for national */
	const char *parent_code; /* NULL: no parent */
	const char *tz;          /* WIB, WITA, WIT; NULL: the parent's */
};

/* out (may be NULL) gets the stored office. */
int auth_office_add(struct store *st, const struct auth_office_new *o, struct store_office *out,
		    struct errbuf *eb);

struct auth_user_new {
	const char *username;
	const char *full_name; /* NULL: "" */
	enum role role;
	const char *office_code;
	const char *password; /* policy of auth_password_check() */
};

int auth_user_add(struct store *st, const struct auth_user_new *u, struct store_user *out,
		  struct errbuf *eb);
int auth_user_passwd(struct store *st, const char *username, const char *password,
		     struct errbuf *eb);
int auth_user_set_active(struct store *st, const char *username, bool active, struct errbuf *eb);
/* Revoke username's live API tokens called name; *count gets how many. */
int auth_token_revoke_named(struct store *st, const char *username, const char *name,
			    int64_t *count, struct errbuf *eb);

/* pure checks */
bool auth_name_valid(const char *s);        /* usernames and office codes */
bool auth_region_code_valid(const char *s); /* NN[.NN[.NN[.NNNN]]] or "" */
int auth_region_depth(const char *s);       /* 0 for "", 1..4, -1 invalid */
int auth_office_check(const struct auth_office_new *o, struct errbuf *eb);
int auth_role_office_check(enum role r, const char *office_kind, struct errbuf *eb);

#endif
