/*
 * ident.c - the front door of identifier parsing (see ident.h):
 * normalization, detection by length, the character and length checks
 * every kind shares, and the choice between the NIP and NI PPPK readings
 * of an 18-digit number.
 *
 * Invariant: every public parser fills *out completely (memset first), and
 * returns -1 exactly when out->valid is false, with out->fault mirrored in
 * eb as ERR_UNPROCESSABLE.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "ident/ident_internal.h"

/* --- helpers shared by the readings ------------------------------------------ */

int
ident_digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

void
ident_fault_set(struct ident_fault *f, const char *code, int from, int to, const char *fmt, ...)
{
	va_list ap;

	f->code = code;
	f->from = from;
	f->to = to;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
}

void
ident_warn(struct ident_result *r, const char *code, enum ident_kind reading, int from, int to,
	   const char *fmt, ...)
{
	struct ident_warning *w;
	va_list ap;

	if (r->nwarnings >= IDENT_WARNINGS_MAX)
		return;
	w = &r->warnings[r->nwarnings++];
	w->code = code;
	w->reading = reading;
	w->from = from;
	w->to = to;
	va_start(ap, fmt);
	vsnprintf(w->msg, sizeof(w->msg), fmt, ap);
	va_end(ap);
}

int
ident_age_on(struct date birth, struct date d)
{
	int age = d.year - birth.year;

	if (d.month < birth.month || (d.month == birth.month && d.day < birth.day))
		age--;
	return age;
}

void
ident_date_text(struct date d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%d %s %04d", d.day, date_month_name_id(d.month), d.year);
}

const char *
ident_kind_name(enum ident_kind k)
{
	switch (k) {
	case IDENT_NIP: return "nip";
	case IDENT_NI_PPPK: return "ni_pppk";
	case IDENT_AMBIGUOUS: return "ambiguous";
	case IDENT_NIK: return "nik";
	case IDENT_UNKNOWN: break;
	}
	return "unknown";
}

const char *
ident_kind_label(enum ident_kind k)
{
	switch (k) {
	case IDENT_NIP: return "NIP (PNS)";
	case IDENT_NI_PPPK: return "NI PPPK";
	case IDENT_AMBIGUOUS: return "NIP atau NI PPPK";
	case IDENT_NIK: return "NIK";
	case IDENT_UNKNOWN: break;
	}
	return "tidak dikenal";
}

const char *
ident_sex_name(enum ident_sex s)
{
	switch (s) {
	case IDENT_SEX_MALE: return "laki-laki";
	case IDENT_SEX_FEMALE: return "perempuan";
	case IDENT_SEX_UNKNOWN: break;
	}
	return "tidak diketahui";
}

/* --- normalization and detection -------------------------------------------------- */

size_t
ident_normalize(const char *p, size_t len, char *out, size_t outsz)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		char c = p[i];

		if (c == ' ' || c == '\t' || c == '.' || c == '-')
			continue;
		if ((unsigned char)c == 0xc2 && i + 1 < len && (unsigned char)p[i + 1] == 0xa0) {
			i++; /* U+00A0 no-break space */
			continue;
		}
		if (n + 1 < outsz)
			out[n] = c;
		n++;
	}
	if (outsz > 0)
		out[n < outsz ? n : outsz - 1] = '\0';
	return n;
}

enum ident_kind
ident_detect(const char *p, size_t len)
{
	char buf[IDENT_INPUT_MAX + 1];
	size_t n;

	if (len > IDENT_INPUT_MAX)
		return IDENT_UNKNOWN;
	n = ident_normalize(p, len, buf, sizeof(buf));
	if (!str_all_digits(str_make(buf, n)))
		return IDENT_UNKNOWN;
	if (n == 16)
		return IDENT_NIK;
	if (n == 18)
		return IDENT_AMBIGUOUS;
	return IDENT_UNKNOWN;
}

/* --- the shared front part ---------------------------------------------------------- */

static int
finish(struct ident_result *r, struct errbuf *eb)
{
	if (r->valid)
		return 0;
	errbuf_set_code(eb, ERR_UNPROCESSABLE, r->fault.code, "%s", r->fault.msg);
	if (eb)
		cstr_copy(eb->field, sizeof(eb->field), "number");
	return -1;
}

static const char *
kind_noun(enum ident_kind want)
{
	switch (want) {
	case IDENT_NIK: return "NIK";
	case IDENT_NIP: return "NIP";
	case IDENT_NI_PPPK: return "NI PPPK";
	case IDENT_AMBIGUOUS: return "NIP/NI PPPK";
	case IDENT_UNKNOWN: break;
	}
	return "nomor identitas";
}

static const char *
code_for(enum ident_kind want)
{
	switch (want) {
	case IDENT_NIK: return IDENT_CODE_NIK;
	case IDENT_NIP:
	case IDENT_AMBIGUOUS: return IDENT_CODE_NIP;
	case IDENT_NI_PPPK: return IDENT_CODE_NI_PPPK;
	case IDENT_UNKNOWN: break;
	}
	return IDENT_CODE_INVALID;
}

/*
 * Normalize into digits[] and check characters and length.  want is the
 * kind expected by the caller, or IDENT_UNKNOWN to decide by length (the
 * decision is returned in *kind).  Returns 0 when digits[] holds the right
 * number of digits, else -1 with r->fault set.
 */
static int
prepare(const char *p, size_t len, enum ident_kind want, char digits[IDENT_INPUT_MAX + 1],
	enum ident_kind *kind, struct ident_result *r)
{
	size_t n, i, need;
	enum ident_kind k;

	if (p == NULL) {
		p = "";
		len = 0;
	}
	if (len > IDENT_INPUT_MAX) {
		ident_fault_set(&r->fault, code_for(want), 0, 0,
				"%s terlalu panjang: lebih dari %d karakter", kind_noun(want),
				IDENT_INPUT_MAX);
		return -1;
	}
	n = ident_normalize(p, len, digits, IDENT_INPUT_MAX + 1);
	if (n == 0) {
		ident_fault_set(&r->fault, code_for(want), 0, 0, "%s kosong: tulis angkanya",
				kind_noun(want));
		return -1;
	}
	k = want;
	if (want == IDENT_UNKNOWN)
		k = n == 16 ? IDENT_NIK : n == 18 ? IDENT_AMBIGUOUS : IDENT_UNKNOWN;
	need = k == IDENT_NIK ? 16 : k == IDENT_UNKNOWN ? 0 : 18;
	*kind = k;
	r->kind = k;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)digits[i];

		if (c >= '0' && c <= '9')
			continue;
		if (c > 0x20 && c < 0x7f)
			ident_fault_set(&r->fault, code_for(k), (int)i + 1, (int)i + 1,
					"%s hanya boleh berisi angka: karakter ke-%zu ('%c') "
					"bukan angka",
					kind_noun(k), i + 1, c);
		else
			ident_fault_set(&r->fault, code_for(k), (int)i + 1, (int)i + 1,
					"%s hanya boleh berisi angka: karakter ke-%zu (byte "
					"0x%02X) bukan angka",
					kind_noun(k), i + 1, c);
		return -1;
	}
	if (need == 0 || n != need) {
		if (need == 0)
			ident_fault_set(&r->fault, IDENT_CODE_INVALID, 0, 0,
					"nomor %zu digit tidak dikenal: NIK 16 digit, NIP dan NI "
					"PPPK 18 digit",
					n);
		else
			ident_fault_set(&r->fault, code_for(k), 0, 0,
					"%s harus %zu digit, yang ditulis %zu digit", kind_noun(k),
					need, n);
		return -1;
	}
	memcpy(r->number, digits, n);
	r->number[n] = '\0';
	return 0;
}

/* Combine the NIP and NI PPPK readings of an 18-digit number. */
static void
decide_18(const char *d, const struct ident_opts *o, struct ident_result *r)
{
	size_t i;
	bool nip_doubt = false, pppk_doubt = false;

	r->has_nip = r->has_pppk = true;
	ident_read_nip(d, o, r);
	ident_read_pppk(d, o, r);
	if (r->nip.valid && r->pppk.valid) {
		r->valid = true;
		r->kind = IDENT_AMBIGUOUS;
		for (i = 0; i < r->nwarnings; i++) {
			if (r->warnings[i].reading == IDENT_NIP)
				nip_doubt = true;
			if (r->warnings[i].reading == IDENT_NI_PPPK)
				pppk_doubt = true;
		}
		if (nip_doubt != pppk_doubt)
			r->likely = nip_doubt ? IDENT_NI_PPPK : IDENT_NIP;
		ident_warn(r, "ambiguous_kind", IDENT_UNKNOWN, 9, 14,
			   "nomor ini sah sebagai NIP maupun NI PPPK: digit 9-14 bisa berarti TMT "
			   "CPNS (tahun dan bulan) atau tahun pengangkatan PPPK dan kode 2 digit; "
			   "pastikan status kepegawaiannya dari data instansi");
	} else if (r->nip.valid) {
		r->valid = true;
		r->kind = IDENT_NIP;
	} else if (r->pppk.valid) {
		r->valid = true;
		r->kind = IDENT_NI_PPPK;
	} else {
		r->kind = IDENT_AMBIGUOUS;
		if (strcmp(r->nip.fault.msg, r->pppk.fault.msg) == 0)
			ident_fault_set(&r->fault, IDENT_CODE_NIP, r->nip.fault.from,
					r->nip.fault.to, "bukan NIP maupun NI PPPK yang sah: %s",
					r->nip.fault.msg);
		else
			ident_fault_set(&r->fault, IDENT_CODE_NIP, r->nip.fault.from,
					r->nip.fault.to,
					"bukan NIP yang sah: %s; sebagai NI PPPK pun tidak sah: %s",
					r->nip.fault.msg, r->pppk.fault.msg);
	}
}

static int
parse_as(const char *p, size_t len, enum ident_kind want, const struct ident_opts *o,
	 struct ident_result *out, struct errbuf *eb)
{
	char digits[IDENT_INPUT_MAX + 1];
	enum ident_kind kind = IDENT_UNKNOWN;

	memset(out, 0, sizeof(*out));
	if (prepare(p, len, want, digits, &kind, out) < 0)
		return finish(out, eb);
	switch (kind) {
	case IDENT_NIK:
		out->has_nik = true;
		if (o->regions == NULL) {
			/* a configuration error, not the user's: say so plainly */
			ident_fault_set(&out->fault, "internal", 0, 0,
					"tabel wilayah tidak dimuat: NIK tidak dapat diperiksa");
			errbuf_set(eb, ERR_INTERNAL, "%s", out->fault.msg);
			return -1;
		}
		ident_read_nik(digits, o, out);
		out->valid = out->nik.valid;
		out->fault = out->nik.fault;
		break;
	case IDENT_NIP:
		out->has_nip = true;
		ident_read_nip(digits, o, out);
		out->valid = out->nip.valid;
		out->fault = out->nip.fault;
		break;
	case IDENT_NI_PPPK:
		out->has_pppk = true;
		ident_read_pppk(digits, o, out);
		out->valid = out->pppk.valid;
		out->fault = out->pppk.fault;
		break;
	case IDENT_AMBIGUOUS: decide_18(digits, o, out); break;
	case IDENT_UNKNOWN: break;
	}
	return finish(out, eb);
}

int
ident_parse(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
	    struct errbuf *eb)
{
	return parse_as(p, len, IDENT_UNKNOWN, o, out, eb);
}

int
ident_parse_nip(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
		struct errbuf *eb)
{
	return parse_as(p, len, IDENT_NIP, o, out, eb);
}

int
ident_parse_ni_pppk(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
		    struct errbuf *eb)
{
	return parse_as(p, len, IDENT_NI_PPPK, o, out, eb);
}

int
ident_parse_nik(const char *p, size_t len, const struct ident_opts *o, struct ident_result *out,
		struct errbuf *eb)
{
	return parse_as(p, len, IDENT_NIK, o, out, eb);
}
