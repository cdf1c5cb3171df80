/*
 * qr.h - QR codes (libqrencode) rendered as compact SVG for receipts,
 * on screen and in print.
 *
 * Output: one <svg> with viewBox "0 0 W W" where W is the symbol width
 * plus a 4-module quiet zone on each side (1 user unit = 1 module), a
 * white <rect> and one black <path> of horizontal runs, width/height
 * QR_PRINT_MM millimetres (override with CSS), shape-rendering
 * crispEdges, role="img" and the aria-label.  Only presentation
 * attributes (fill=), never style= or script, so the strict CSP of the
 * HTML pages allows it inline.  Deterministic: the same text and label
 * give the same bytes.  Thread-safe (libqrencode is built with pthread).
 */
#ifndef NETRA_CASES_QR_H
#define NETRA_CASES_QR_H

#include "core/buf.h"
#include "core/err.h"

#define QR_QUIET_ZONE 4  /* modules of white around the symbol (ISO/IEC 18004) */
#define QR_PRINT_MM   35 /* printed width and height */

/* Append an <svg> of text, error correction level M, with a quiet zone;
 * module size in user units, scalable by CSS.  The SVG has role="img" and
 * an aria-label (label, HTML-escaped; "Kode QR" when NULL).  Errors:
 * ERR_INVALID_INPUT for empty text or text too long for a QR code
 * (about 2,300 bytes at level M); ERR_INTERNAL when out overflowed its
 * cap.  On error nothing is appended. */
int qr_svg(const char *text, const char *label, struct buf *out, struct errbuf *eb);

#endif
