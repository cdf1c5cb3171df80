/*
 * pages_screening.h - the officers' screening pages (/kantor/penyaringan):
 * the queue with filters, one item with its marked text and explanation,
 * and the confirm (temuan) and dismiss forms.  Every page works without
 * JavaScript; the data comes from src/screening, which checks permissions
 * and applies the region scope in the store.
 */
#ifndef NETRA_WEB_PAGES_SCREENING_H
#define NETRA_WEB_PAGES_SCREENING_H

#include "http/http.h"

/* GET /kantor/penyaringan?state=&label=&min_score=&asn=1&cursor= */
int web_screening_queue(struct http_request *req);
/* GET /kantor/penyaringan/{id}[?ok=konfirmasi|abaikan] */
int web_screening_item(struct http_request *req);
/* POST /kantor/penyaringan/{id}/konfirmasi: region, pemilihan, t_nama,
 * t_nip, t_instansi, t_jabatan, t_status, note; 303 to the item on success */
int web_screening_confirm(struct http_request *req);
/* POST /kantor/penyaringan/{id}/abaikan: reason; 303 to the item */
int web_screening_dismiss(struct http_request *req);

#endif
