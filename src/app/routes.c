/*
 * routes.c - the one route table of `netra serve`.
 *
 * Order matters only where patterns overlap: the first match wins.
 * Public paths printed on posters and receipts (/, /lapor, /status, /boleh,
 * /transparansi, /masuk) and everything under /api/v1 are stable.
 */
#include "api/api.h"
#include "app/app.h"
#include "http/http.h"
#include "web/publik.h"
#include "web/kantor.h"
#include "web/pages_screening.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

static const struct http_route routes[] = {
	/* system */
	{"GET", "/healthz", api_healthz, 0},
	{"GET", "/api/v1/version", api_version, 0},

	/* calendar */
	{"POST", "/api/v1/deadlines", api_deadlines_post, 0},
	{"GET", "/api/v1/calendar/holidays", api_calendar_holidays_get, 0},
	{"POST", "/api/v1/calendar/holidays", api_calendar_holidays_post, 0},
	{"DELETE", "/api/v1/calendar/holidays/{id}", api_calendar_holiday_delete, 0},
	/* sessions */
	{"POST", "/api/v1/session", api_session_create, 0},
	{"DELETE", "/api/v1/session", api_session_delete, 0},
	{"GET", "/api/v1/me", api_me, 0},

	/* intake and public status */
	{"POST", "/api/v1/reports", api_reports_create, 0},
	{"GET", "/api/v1/status/{code}", api_status_get, 0},

	/* cases (officers; scope enforced in the store) */
	{"GET", "/api/v1/cases", api_cases_list, 0},
	{"POST", "/api/v1/cases/claim", api_cases_claim, 0},
	{"POST", "/api/v1/cases/bulk", api_cases_bulk, 0},
	{"GET", "/api/v1/cases/{id}", api_cases_get, 0},
	{"POST", "/api/v1/cases/{id}/transitions", api_cases_transition, 0},
	{"POST", "/api/v1/cases/{id}/assign", api_cases_assign, 0},
	{"POST", "/api/v1/cases/{id}/notes", api_cases_note, 0},
	{"POST", "/api/v1/cases/{id}/merge", api_cases_merge, 0},
	{"GET", "/api/v1/cases/{id}/duplicates", api_cases_duplicates, 0},
	{"POST", "/api/v1/cases/{id}/pelapor", api_cases_unseal, 0},
	{"GET", "/api/v1/cases/{id}/evidence/{sha256}", api_cases_evidence, 0},
	{"GET", "/api/v1/audit/verify", api_audit_verify, 0},
	/* figures: scoped for officers, suppressed for the public */
	{"GET", "/api/v1/stats", api_stats_get, 0},
	{"GET", "/api/v1/stats/public", api_stats_public, 0},

	/* screening queue (officers; scope enforced in the store) */
	{"GET", "/api/v1/screening", api_screening_list, 0},
	{"GET", "/api/v1/screening/stats", api_screening_stats, 0},
	{"POST", "/api/v1/screening/ingest", api_screening_ingest, 0},
	{"GET", "/api/v1/screening/{id}", api_screening_get, 0},
	{"POST", "/api/v1/screening/{id}/confirm", api_screening_confirm, 0},
	{"POST", "/api/v1/screening/{id}/dismiss", api_screening_dismiss, 0},

	/* rules */
	{"POST", "/api/v1/check", api_check_post, 0},
	{"GET", "/api/v1/rules", api_rules_list, 0},
	{"GET", "/api/v1/rules/{id}", api_rules_show, 0},
	/* identifiers and regions */
	{"GET", "/api/v1/ident/{number}", api_ident_get, 0},
	{"GET", "/api/v1/regions", api_regions_search, 0},
	{"GET", "/api/v1/regions/{code}", api_region_get, 0},

	/* public pages */
	{"GET", "/", web_home, 0},
	{"GET", "/lapor", web_lapor_page, 0},
	{"POST", "/lapor", web_lapor_post, 0},
	{"GET", "/status", web_status_page, 0},
	{"POST", "/status", web_status_post, 0},
	{"GET", "/status/{code}", web_status_code, 0},
	{"GET", "/boleh", web_boleh_page, 0},
	{"GET", "/static/*", web_static, HTTP_ROUTE_PREFIX},
	{"GET", "/masuk", web_login_page, 0},
	{"POST", "/masuk", web_login_post, 0},
	{"POST", "/keluar", web_logout_post, 0},

	/* the officers' workspace: inbox, case page, registry, rules, calendar */
	{"GET", "/kantor", kantor_inbox, 0},
	{"POST", "/kantor/klaim", kantor_claim, 0},
	{"POST", "/kantor/massal", kantor_bulk, 0},
	{"GET", "/kantor/kasus/{id}", kantor_case, 0},
	{"POST", "/kantor/kasus/{id}/transisi", kantor_case_transition, 0},
	{"POST", "/kantor/kasus/{id}/tugaskan", kantor_case_assign, 0},
	{"POST", "/kantor/kasus/{id}/catatan", kantor_case_note, 0},
	{"POST", "/kantor/kasus/{id}/gabung", kantor_case_merge, 0},
	{"POST", "/kantor/kasus/{id}/pelapor", kantor_case_unseal, 0},
	{"GET", "/kantor/registri", kantor_registry, 0},
	{"GET", "/kantor/aturan", kantor_rules, 0},
	{"GET", "/kantor/aturan/{id}", kantor_rule, 0},
	{"GET", "/kantor/kalender", kantor_calendar, 0},
	/* officers: screening queue */
	{"GET", "/kantor/penyaringan", web_screening_queue, 0},
	{"GET", "/kantor/penyaringan/{id}", web_screening_item, 0},
	{"POST", "/kantor/penyaringan/{id}/konfirmasi", web_screening_confirm, 0},
	{"POST", "/kantor/penyaringan/{id}/abaikan", web_screening_dismiss, 0},
	{"GET", "/transparansi", web_transparansi, 0},
	/* officers: dashboard, exports, print, administration */
	{"GET", "/kantor/dasbor", web_dasbor, 0},
	{"GET", "/kantor/ekspor.csv", web_ekspor_csv, 0},
	{"GET", "/kantor/ekspor.xlsx", web_ekspor_xlsx, 0},
	{"GET", "/kantor/kasus/{id}/cetak", web_cetak, 0},
	{"GET", "/kantor/admin", web_admin, 0},
	{"POST", "/kantor/admin/pengguna", web_admin_user_add, 0},
	{"POST", "/kantor/admin/pengguna/{username}/sandi", web_admin_user_passwd, 0},
	{"POST", "/kantor/admin/pengguna/{username}/status", web_admin_user_status, 0},
	{"POST", "/kantor/admin/kantor", web_admin_office_add, 0},
	{"GET", "/kantor/admin/sandi/{id}", web_admin_secret, 0},
	{"GET", "/kantor/admin/kalender", web_admin_calendar, 0},
	{"POST", "/kantor/admin/kalender/libur", web_admin_calendar_add, 0},
	{"POST", "/kantor/admin/kalender/libur/{id}/hapus", web_admin_calendar_remove, 0},
	{"POST", "/kantor/admin/kalender/impor", web_admin_calendar_import, 0},
	{"POST", "/kantor/admin/kalender/pemilihan", web_admin_calendar_election, 0},
};

const struct http_route *const app_routes = routes;
const unsigned long app_routes_count = sizeof(routes) / sizeof(routes[0]);
