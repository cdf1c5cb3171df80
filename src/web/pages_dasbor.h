/*
 * pages_dasbor.h - handlers of the dashboard, transparency, export,
 * printable case file and administration pages (routes in app/routes.c).
 *
 *   GET  /transparansi                       public figures, suppressed
 *   GET  /kantor/dasbor                      the officer's dashboard (scoped)
 *   GET  /kantor/ekspor.csv, /ekspor.xlsx    the inbox/dashboard filter as a file
 *   GET  /kantor/kasus/{id}/cetak            one case on paper
 *   GET  /kantor/admin                       offices and users (user_admin)
 *   POST /kantor/admin/pengguna              create a user (one-time password)
 *   POST /kantor/admin/pengguna/{u}/sandi    new one-time password
 *   POST /kantor/admin/pengguna/{u}/status   enable or disable
 *   POST /kantor/admin/kantor                create an office
 *   GET  /kantor/admin/sandi/{id}            the one-time password, shown once
 */
#ifndef NETRA_WEB_PAGES_DASBOR_H
#define NETRA_WEB_PAGES_DASBOR_H

#include "http/http.h"

int web_transparansi(struct http_request *req);
int web_dasbor(struct http_request *req);
int web_ekspor_csv(struct http_request *req);
int web_ekspor_xlsx(struct http_request *req);
int web_cetak(struct http_request *req);
int web_admin(struct http_request *req);
int web_admin_user_add(struct http_request *req);
int web_admin_user_passwd(struct http_request *req);
int web_admin_user_status(struct http_request *req);
int web_admin_office_add(struct http_request *req);
int web_admin_secret(struct http_request *req);
/* /kantor/admin/kalender (pages_admin_kalender.c) */
int web_admin_calendar(struct http_request *req);
int web_admin_calendar_add(struct http_request *req);
int web_admin_calendar_remove(struct http_request *req);
int web_admin_calendar_import(struct http_request *req);
int web_admin_calendar_election(struct http_request *req);

#endif
