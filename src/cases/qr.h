/*
 * qr.h - QR codes (libqrencode) rendered as compact SVG for receipts,
 * on screen and in print.
 */
#ifndef NETRA_CASES_QR_H
#define NETRA_CASES_QR_H

#include "core/buf.h"
#include "core/err.h"

/* Append an <svg> of text, error correction level M, with a quiet zone;
 * module size in user units, scalable by CSS.  The SVG has role="img" and
 * an aria-label. */
int qr_svg(const char *text, const char *label, struct buf *out, struct errbuf *eb);

#endif
