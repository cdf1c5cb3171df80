/*
 * qr.c - QR code to SVG (see qr.h).
 *
 * The symbol comes from libqrencode (level M, case-sensitive, mixed
 * modes chosen by the library, 8-bit for non-alphanumeric bytes).  Each
 * row's runs of dark modules become a closed rectangle "h n v1 h-n z" in
 * one path, offset by the quiet zone.  The first run starts with an
 * absolute "M x y"; every later one with "m dx dy" relative to the start
 * of the previous run (where "z" leaves the pen), so a version 3 code
 * (29 modules, the size of a status URL) is under 3 KB.
 * Invariant: the path covers exactly the dark modules.
 */
#include <errno.h>
#include <qrencode.h>
#include <string.h>

#include "cases/qr.h"

int
qr_svg(const char *text, const char *label, struct buf *out, struct errbuf *eb)
{
	QRcode *qr;
	size_t start = out->len;
	int x, y, w, total, px = -1, py = 0;

	if (text == NULL || text[0] == '\0')
		return errbuf_set(eb, ERR_INVALID_INPUT, "teks kode QR kosong");
	errno = 0;
	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL) {
		if (errno == ERANGE || errno == EINVAL)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "teks terlalu panjang untuk kode QR (%zu byte)",
					  strlen(text));
		return errbuf_set(eb, ERR_INTERNAL, "kode QR tidak dapat dibuat");
	}
	w = qr->width;
	total = w + 2 * QR_QUIET_ZONE;
	buf_addf(out,
		 "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%dmm\" "
		 "height=\"%dmm\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"",
		 total, total, QR_PRINT_MM, QR_PRINT_MM);
	label = label ? label : "Kode QR";
	buf_add_html(out, label, strlen(label));
	buf_addf(out, "\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
		 total, total);
	for (y = 0; y < w; y++) {
		const unsigned char *row = qr->data + (size_t)y * (size_t)w;

		for (x = 0; x < w;) {
			int run = 0;

			if (!(row[x] & 1)) {
				x++;
				continue;
			}
			while (x + run < w && (row[x + run] & 1))
				run++;
			if (px < 0)
				buf_addf(out, "M%d %d", x + QR_QUIET_ZONE, y + QR_QUIET_ZONE);
			else
				buf_addf(out, "m%d %d", x - px, y - py);
			buf_addf(out, "h%dv1h-%dz", run, run);
			px = x;
			py = y;
			x += run;
		}
	}
	buf_addstr(out, "\"/></svg>");
	QRcode_free(qr);
	if (buf_failed(out)) {
		buf_truncate(out, start);
		return errbuf_set(eb, ERR_INTERNAL, "kode QR melebihi batas ukuran keluaran");
	}
	return 0;
}
