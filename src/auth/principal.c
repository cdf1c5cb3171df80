/*
 * principal.c - a principal for a named user, for work done from the
 * command line (`netra report add --as`, `netra demo`) under that user's
 * role, office and region scope, exactly as their session would have.
 */
#include <string.h>

#include "auth/auth.h"
#include "auth/auth_internal.h"
#include "store/store.h"
#include "store/store_users.h"

int
auth_principal_for_user(struct store *st, const char *username, struct principal *p,
			struct errbuf *eb)
{
	struct store_session s;
	struct store_conn *c = store_reader(st);
	int rc = -1;

	memset(&s, 0, sizeof(s));
	auth_principal_anonymous(p);
	if (store_user_get_by_username(c, username, &s.user, eb) < 0)
		goto out;
	if (!s.user.active) {
		errbuf_set(eb, ERR_FORBIDDEN, "akun '%s' tidak aktif", username);
		goto out;
	}
	if (store_office_get(c, s.user.office_id, &s.office, eb) < 0)
		goto out;
	s.user.password_hash[0] = '\0';
	auth_principal_from_session(p, &s, AUTH_VIA_BEARER);
	rc = p->user_id ? 0
			: errbuf_set(eb, ERR_FORBIDDEN, "peran akun '%s' tidak dikenal", username);
out:
	store_reader_done(st, c);
	return rc;
}
