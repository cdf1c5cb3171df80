/*
 * labels.h - the words a person reads for the codes netra stores, in
 * Bahasa Indonesia or English: the one place the pages, the exports
 * (CSV/XLSX) and the printable case file turn a code into words.
 *
 * Where each word lives (its one home):
 *   states, kinds, levels, comparisons, deadline statuses, office levels
 *   and office kinds   the catalog, keys "label.<set>.<code>"
 *                      (assets/i18n/{id,en}.label.ini)
 *   election names     the calendar (data/calendars/elections: name, name_en)
 *   deadline titles    the calendar (data/calendars/deadlines.json: title, title_en)
 *   employment status  the rule catalog (data/rules/statuses.json: name, name_en)
 *   catalog items      the rule catalog (items: title; Indonesian legal text)
 * A code without words comes back as itself, so a gap shows rather than
 * blanks; NULL or "" comes back as "".  Every pointer returned lives as
 * long as the catalog, calendar and rule catalog it came from.
 */
#ifndef NETRA_WEB_LABELS_H
#define NETRA_WEB_LABELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/datetime.h"

struct i18n;
struct calendar;
struct rules_catalog;
struct http_request;
struct export_words;

enum label_set {
	LABEL_STATE,        /* case and terlapor states: diterima, rekomendasi_ppk, ... */
	LABEL_KIND,         /* laporan, temuan, informasi_awal */
	LABEL_LEVEL,        /* sanction levels: moral, ringan, sedang, berat, ptdh */
	LABEL_CMP,          /* sanction against the recommendation: lower, equal, higher, none */
	LABEL_DEADLINE,     /* deadline status: open, met, missed, stopped, extended */
	LABEL_OFFICE_LEVEL, /* ri, provinsi, kabkota, kecamatan, instansi */
	LABEL_OFFICE_KIND,  /* bawaslu, bkn, kasn, ppk, lain */
	LABEL_STATUS,       /* employment status: PNS, PPPK, non_asn, ... (rule catalog) */
	LABEL_ELECTION,     /* pemilu2024, ... (calendar) */
	LABEL_RULE,         /* deadline rules: pemilu.laporan, ... (calendar) */
	LABEL_ITEM,         /* catalog items: KE-1, D-4, ... (rule catalog) */
};

/* What the words come from; cal and cat may be NULL (their codes stay). */
struct labels {
	const struct i18n *lang;
	const struct calendar *cal;
	const struct rules_catalog *cat;
};

/* The words for code in set. */
const char *label_word(const struct labels *lb, enum label_set set, const char *code);
bool labels_en(const struct labels *lb);

/* "Selasa, 8 Desember 2026" / "Tuesday, 8 December 2026" */
void label_date(const struct i18n *lang, struct date d, char *out, size_t outsz);
/* "Selasa, 8 Desember 2026 09.34 WITA" / "Tuesday, 8 December 2026 09:34 WITA" in zone */
void label_time(const struct i18n *lang, int64_t t, const struct tz *zone, char *out, size_t outsz);

/* The labels of a request: its language (web_lang), the app's calendar
 * and rule catalog. */
void web_labels(struct http_request *req, struct labels *out);

/* The export's words (export.h) from lb, which must outlive the export. */
void labels_export_words(const struct labels *lb, struct export_words *out);

#endif
