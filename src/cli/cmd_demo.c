/*
 * cmd_demo.c - `netra demo`: a realistic Kalimantan Timur dataset for
 * training, demos and manual testing.
 *
 * It creates the offices (Bawaslu Provinsi and the ten kab/kota, BKN, KASN,
 * the Gubernur and the ten Bupati/Wali Kota as PPK), one user per role and
 * office with a random password printed once, the province's sealing key
 * with a random passphrase printed once, and a few hundred cases in every
 * state.  The cases are made through the case service exactly as people
 * would make them: the public files reports, officers take each step under
 * their own accounts, and the clock override replays the 2023-2024 calendar
 * (Pemilu 2024 and Pilkada 2024) so that every deadline is real.  The same
 * seed gives the same dataset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "auth/seal.h"
#include "cases/cases.h"
#include "cli/cli.h"
#include "core/log.h"
#include "ident/region.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_users.h"

static const struct cli_opt demo_opts[] = {
	{"if-empty", NULL, "do nothing when the database already has offices"},
	{"cases", "N", "how many cases to create (default 300)"},
	{"seed", "N", "random seed (default 2024)"},
	{NULL, NULL, NULL},
};

/* xorshift64*: deterministic and good enough for fake data */
static uint64_t rng_state;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int
pick(int n)
{
	return (int)(rng() % (uint64_t)n);
}

#define PICK(arr) (arr)[pick((int)(sizeof(arr) / sizeof((arr)[0])))]

struct kab {
	const char *code, *name, *ppk;
};

/* Kalimantan Timur's ten kab/kota (Kemendagri codes); their kecamatan come
 * from the region table */
static const struct kab kabs[] = {
	{"64.01", "Kabupaten Paser", "Bupati Paser"},
	{"64.02", "Kabupaten Kutai Kartanegara", "Bupati Kutai Kartanegara"},
	{"64.03", "Kabupaten Berau", "Bupati Berau"},
	{"64.07", "Kabupaten Kutai Barat", "Bupati Kutai Barat"},
	{"64.08", "Kabupaten Kutai Timur", "Bupati Kutai Timur"},
	{"64.09", "Kabupaten Penajam Paser Utara", "Bupati Penajam Paser Utara"},
	{"64.11", "Kabupaten Mahakam Ulu", "Bupati Mahakam Ulu"},
	{"64.71", "Kota Balikpapan", "Wali Kota Balikpapan"},
	{"64.72", "Kota Samarinda", "Wali Kota Samarinda"},
	{"64.74", "Kota Bontang", "Wali Kota Bontang"},
};

static const char *const first_names[] = {
	"Ahmad",    "Budi",    "Siti",    "Dewi",  "Rahmat", "Yusuf",   "Nur",   "Andi",
	"Rina",     "Hendra",  "Agus",    "Fitri", "Sri",    "Bambang", "Wahyu", "Indah",
	"Muhammad", "Syahrul", "Lestari", "Rudi",  "Eko",    "Dian",    "Hasan", "Yuliani",
};
static const char *const last_names[] = {
	"Saputra",  "Wijaya", "Rahman",    "Hidayat", "Pratama",   "Nugroho", "Lestari",  "Santoso",
	"Sulaiman", "Hakim",  "Kurniawan", "Permana", "Syahputra", "Maulana", "Ramadhan", "Gunawan",
};

struct position {
	const char *title, *agency, *status;
};

static const struct position positions[] = {
	{"Guru SD", "Dinas Pendidikan dan Kebudayaan", "PPPK"},
	{"Guru SMP", "Dinas Pendidikan dan Kebudayaan", "PNS"},
	{"Camat", "Sekretariat Daerah", "PNS"},
	{"Lurah", "Kecamatan", "PNS"},
	{"Kepala Bidang", "Dinas Pekerjaan Umum", "PNS"},
	{"Kepala Dinas", "Dinas Kesehatan", "PNS"},
	{"Sekretaris Desa", "Pemerintah Desa", "non_asn"},
	{"Kepala Desa", "Pemerintah Desa", "kepala_desa"},
	{"Staf", "Badan Perencanaan Pembangunan Daerah", "PNS"},
	{"Bidan", "Puskesmas", "PPPK"},
	{"Tenaga Honorer", "Satuan Polisi Pamong Praja", "non_asn"},
	{"Sekretaris Daerah", "Sekretariat Daerah", "PNS"},
};

/* {c}: the candidate, {n}: the ballot number */
static const char *const conduct[] = {
	"mengunggah foto bersama {c} dengan pose {n} jari dan menulis ajakan memilih di Facebook",
	"menyukai dan membagikan unggahan akun pemenangan {c} di Instagram, lalu berkomentar "
	"\"lanjutkan {n} jari\"",
	"hadir dalam deklarasi dukungan {c} dan ikut berorasi di atas panggung memakai kaos calon "
	"nomor {n}",
	"mengumpulkan guru dan pegawai di kantor lalu mengajak mereka memilih {c} nomor urut {n}",
	"memasang spanduk {c} nomor urut {n} di pagar kantor kelurahan",
	"menjadi admin grup WhatsApp tim pemenangan {c} dan membagikan materi kampanye nomor {n}",
	"menggunakan mobil dinas berpelat merah untuk mengantar tim kampanye {c} nomor urut {n} ke "
	"lokasi acara",
	"mengumpulkan fotokopi KTP warga untuk surat dukungan bakal {c}",
	"membagikan paket sembako bergambar {c} nomor {n} kepada warga desa",
	"memberikan sambutan resmi yang mengarahkan pilihan kepada {c} nomor urut {n}",
};

/* Append template t with {c} and {n} replaced. */
static void
fill(char *out, size_t outsz, const char *t, const char *c, const char *n)
{
	size_t o = strlen(out);

	while (*t && o + 1 < outsz) {
		const char *rep = NULL;

		if (strncmp(t, "{c}", 3) == 0)
			rep = c;
		else if (strncmp(t, "{n}", 3) == 0)
			rep = n;
		if (rep) {
			while (*rep && o + 1 < outsz)
				out[o++] = *rep++;
			t += 3;
			continue;
		}
		out[o++] = *t++;
	}
	out[o] = '\0';
}

static const char *const candidates_pemilu[] = {"calon anggota DPRD Kalimantan Timur",
						"pasangan calon presiden", "calon anggota DPR RI",
						"calon anggota DPD"};
static const char *const candidates_pilkada[] = {"pasangan calon gubernur", "pasangan calon bupati",
						 "pasangan calon wali kota"};

/* --- setup ------------------------------------------------------------------ */

struct office_job {
	struct store_office o;
	const char *parent;
};

static int
office_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct office_job *j = arg;

	if (j->parent) {
		struct store_office p;

		if (store_office_get_by_code(c, j->parent, &p, eb) < 0)
			return -1;
		j->o.parent_id = p.id;
	}
	j->o.created_at = clock_now();
	return store_office_insert(c, &j->o, eb);
}

static int
add_office(struct app *app, const char *code, const char *name, const char *kind, const char *level,
	   const char *region, const char *parent, const char *tz, struct errbuf *eb)
{
	struct office_job j;

	memset(&j, 0, sizeof(j));
	cstr_copy(j.o.code, sizeof(j.o.code), code);
	cstr_copy(j.o.name, sizeof(j.o.name), name);
	cstr_copy(j.o.kind, sizeof(j.o.kind), kind);
	cstr_copy(j.o.level, sizeof(j.o.level), level);
	cstr_copy(j.o.region_code, sizeof(j.o.region_code), region);
	cstr_copy(j.o.tz, sizeof(j.o.tz), tz);
	j.parent = parent;
	return store_write(app->store, office_run, &j, eb);
}

struct user_job {
	struct store_user u;
	const char *office;
};

static int
user_run(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct user_job *j = arg;
	struct store_office o;

	if (store_office_get_by_code(c, j->office, &o, eb) < 0)
		return -1;
	j->u.office_id = o.id;
	j->u.active = true;
	j->u.created_at = j->u.password_at = clock_now();
	return store_user_insert(c, &j->u, eb);
}

static int
add_user(struct app *app, const char *username, const char *full_name, const char *role,
	 const char *office, struct errbuf *eb)
{
	struct user_job j;
	char password[24];

	memset(&j, 0, sizeof(j));
	auth_secret_generate(password, sizeof(password), 16);
	if (auth_password_hash(password, j.u.password_hash, sizeof(j.u.password_hash), eb) < 0)
		return -1;
	cstr_copy(j.u.username, sizeof(j.u.username), username);
	cstr_copy(j.u.full_name, sizeof(j.u.full_name), full_name);
	cstr_copy(j.u.role, sizeof(j.u.role), role);
	j.office = office;
	if (store_write(app->store, user_run, &j, eb) < 0)
		return -1;
	printf("  %-22s %-10s %-16s %s\n", username, role, office, password);
	return 0;
}

static int
setup_offices_users(struct app *app, struct errbuf *eb)
{
	char code[32], name[160], user[48];
	size_t i;

	if (add_office(app, "bawaslu-64", "Bawaslu Provinsi Kalimantan Timur", "bawaslu",
		       "provinsi", "64", NULL, "WITA", eb) < 0 ||
	    add_office(app, "bkn", "Badan Kepegawaian Negara", "bkn", "ri", "", NULL, "WIB", eb) <
		    0 ||
	    add_office(app, "kasn", "Komisi Aparatur Sipil Negara (sampai September 2024)", "kasn",
		       "ri", "", NULL, "WIB", eb) < 0 ||
	    add_office(app, "ppk-64", "Gubernur Kalimantan Timur", "ppk", "provinsi", "64", NULL,
		       "WITA", eb) < 0)
		return -1;
	for (i = 0; i < sizeof(kabs) / sizeof(kabs[0]); i++) {
		snprintf(code, sizeof(code), "bawaslu-%s", kabs[i].code);
		snprintf(name, sizeof(name), "Bawaslu %s", kabs[i].name);
		if (add_office(app, code, name, "bawaslu", "kabkota", kabs[i].code, "bawaslu-64",
			       "WITA", eb) < 0)
			return -1;
		snprintf(code, sizeof(code), "ppk-%s", kabs[i].code);
		if (add_office(app, code, kabs[i].ppk, "ppk", "kabkota", kabs[i].code, NULL, "WITA",
			       eb) < 0)
			return -1;
	}
	printf("Akun demo (kata sandi hanya ditampilkan sekali ini):\n");
	if (add_user(app, "admin", "Administrator Sistem", "admin", "bawaslu-64", eb) < 0 ||
	    add_user(app, "pengawas_prov", "Pengawas Provinsi", "pengawas", "bawaslu-64", eb) < 0 ||
	    add_user(app, "kustodian", "Kustodian Identitas Pelapor", "custodian", "bawaslu-64",
		     eb) < 0 ||
	    add_user(app, "auditor", "Auditor Internal", "auditor", "bawaslu-64", eb) < 0 ||
	    add_user(app, "analis_bkn", "Analis BKN", "analis", "bkn", eb) < 0 ||
	    add_user(app, "analis_kasn", "Analis KASN", "analis", "kasn", eb) < 0 ||
	    add_user(app, "ppk_prov", "Sekretariat Gubernur (PPK)", "ppk", "ppk-64", eb) < 0)
		return -1;
	for (i = 0; i < sizeof(kabs) / sizeof(kabs[0]); i++) {
		snprintf(user, sizeof(user), "pengawas_%c%c", kabs[i].code[3], kabs[i].code[4]);
		snprintf(code, sizeof(code), "bawaslu-%s", kabs[i].code);
		snprintf(name, sizeof(name), "Pengawas %s", kabs[i].name);
		if (add_user(app, user, name, "pengawas", code, eb) < 0)
			return -1;
		snprintf(user, sizeof(user), "ppk_%c%c", kabs[i].code[3], kabs[i].code[4]);
		snprintf(code, sizeof(code), "ppk-%s", kabs[i].code);
		snprintf(name, sizeof(name), "BKPSDM %s (PPK)", kabs[i].name);
		if (add_user(app, user, name, "ppk", code, eb) < 0)
			return -1;
	}
	return 0;
}

static int
setup_seal_key(struct app *app, struct errbuf *eb)
{
	struct store_office o;
	struct store_conn *c = store_reader(app->store);
	char passphrase[40];
	int rc;

	rc = store_office_get_by_code(c, "bawaslu-64", &o, eb);
	store_reader_done(app->store, c);
	if (rc < 0)
		return -1;
	auth_secret_generate(passphrase, sizeof(passphrase), 24);
	if (seal_key_init(app->store, o.id, passphrase, NULL, eb) < 0)
		return -1;
	printf("\nFrasa sandi kunci penyegel identitas pelapor (Bawaslu Provinsi Kalimantan "
	       "Timur),\nhanya ditampilkan sekali ini; simpan di tempat aman:\n  %s\n\n",
	       passphrase);
	return 0;
}

/* --- cases -------------------------------------------------------------------- */

static void
set_clock(int64_t t)
{
	char iso[TIME_STRLEN];

	time_format_iso(t, 8 * 60, iso);
	clock_set_override(iso, NULL);
}

/* The next weekday at a working hour, `days` days after t. */
static int64_t
later(int64_t t, int days)
{
	int64_t n = t + (int64_t)days * 86400 + (int64_t)pick(5 * 3600);
	struct date d = time_local_date(n, 8 * 60);
	int wd = date_weekday(d);

	if (wd == 6)
		n += 2 * 86400;
	else if (wd == 0)
		n += 86400;
	return n;
}

static void
fake_nip(char out[19], bool female)
{
	int y = 1968 + pick(30), m = 1 + pick(12), d = 1 + pick(28), ty = y + 22 + pick(10);

	snprintf(out, 19, "%04d%02d%02d%04d%02d%d%03d", y % 10000, m % 100, d % 100, ty % 10000,
		 (1 + pick(12)) % 100, female ? 2 : 1, (1 + pick(20)) % 1000);
}

struct demo {
	struct app *app;
	struct principal who[40];
	char names[40][48];
	int nwho;
	int made, steps, failed;
};

/* A kecamatan of kab/kota code, from the region table (the code itself when
 * the table has none). */
static const char *
kecamatan(struct demo *d, const char *code)
{
	static char out[REGION_CODE_MAX];
	struct region kids[64];
	size_t n = 0, total = 0;

	if (d->app->regions == NULL ||
	    region_children(d->app->regions, code, kids, 64, &total) < 0 || total == 0)
		return code;
	n = total < 64 ? total : 64;
	cstr_copy(out, sizeof(out), kids[pick((int)n)].code);
	return out;
}

static const struct principal *
as_user(struct demo *d, const char *username)
{
	int i;
	struct errbuf eb;

	for (i = 0; i < d->nwho; i++)
		if (strcmp(d->names[i], username) == 0)
			return &d->who[i];
	if (d->nwho == 40 ||
	    auth_principal_for_user(d->app->store, username, &d->who[d->nwho], &eb) < 0)
		return NULL;
	cstr_copy(d->names[d->nwho], sizeof(d->names[0]), username);
	return &d->who[d->nwho++];
}

static int
step(struct demo *d, const char *username, int64_t case_id, const char *action, int64_t track,
     const struct transition_req *extra)
{
	struct transition_req rq;
	struct errbuf eb;
	json_t *out = NULL;
	const struct principal *p = as_user(d, username);

	if (extra)
		rq = *extra;
	else
		memset(&rq, 0, sizeof(rq));
	rq.action = action;
	rq.track_id = track;
	if (p == NULL || cases_transition(&d->app->cases, p, case_id, &rq, &out, &eb) < 0) {
		log_warn("demo: %s on case %lld: %s", action, (long long)case_id,
			 p ? eb.msg : "no such user");
		d->failed++;
		return -1;
	}
	json_decref(out);
	d->steps++;
	return 0;
}

/* One case: report, then walk it to a target chosen by weight. */
static int
one_case(struct demo *d, int n, bool pilkada, int64_t t0, int64_t *case_out)
{
	const struct kab *k = &kabs[pick((int)(sizeof(kabs) / sizeof(kabs[0])))];
	const struct position *pos = &PICK(positions);
	struct arena a;
	struct intake in;
	struct errbuf eb;
	char desc[600], nip[19], name[80], pelapor[80], known[DATE_STRLEN], occ[DATE_STRLEN];
	char pengawas[32], ppk[32], json[4096];
	const char *cand = pilkada ? PICK(candidates_pilkada) : PICK(candidates_pemilu);
	const char *fmt = PICK(conduct);
	struct date dr = time_local_date(t0, 8 * 60);
	int64_t id, track = 0, t = t0;
	int target = pick(100), rc;
	bool female = pick(2) == 1, anonymous = pick(12) == 0, incomplete = pick(8) == 0;
	char nomor[4];

	snprintf(nomor, sizeof(nomor), "%d", 1 + pick(pilkada ? 3 : 3));
	snprintf(name, sizeof(name), "%s %s", PICK(first_names), PICK(last_names));
	snprintf(pelapor, sizeof(pelapor), "%s %s", PICK(first_names), PICK(last_names));
	snprintf(desc, sizeof(desc), "Seorang %s %s di %s ", pos->title, pos->agency, k->name);
	fill(desc, sizeof(desc), fmt, cand, nomor);
	strncat(desc, ".", sizeof(desc) - strlen(desc) - 1);
	date_format(date_add_days(dr, -1 - pick(3)), known);
	{
		struct date kd;

		date_parse(str_from(known), &kd);
		date_format(date_add_days(kd, -pick(3)), occ);
	}
	fake_nip(nip, female);
	{
		json_t *r = json_pack("{s:s, s:s}", "jenis", "laporan", "pemilihan",
				      pilkada ? "pilkada2024" : "pemilu2024");
		char agency[200];
		json_t *tl;

		snprintf(agency, sizeof(agency), "%s %s", pos->agency, k->name);
		tl = json_pack("{s:s, s:s, s:s, s:s}", "nama", name, "instansi", agency, "jabatan",
			       pos->title, "status", pos->status);
		json_t *p =
			json_pack("{s:s, s:s, s:s, s:s}", "uraian", desc, "tempat", k->name,
				  "kode_wilayah", kecamatan(d, k->code), "waktu_diketahui", known);
		char *text;

		if (strcmp(pos->status, "PNS") == 0)
			json_object_set_new(tl, "nip", json_string(nip));
		if (!anonymous)
			json_object_set_new(r, "pelapor",
					    json_pack("{s:s, s:s, s:s}", "nama", pelapor, "alamat",
						      "Jl. Pahlawan No. 10", "telepon",
						      "081200000000"));
		if (!incomplete) {
			json_object_set_new(p, "waktu_kejadian", json_string(occ));
			json_object_set_new(r, "bukti",
					    json_pack("[{s:s, s:s}]", "jenis", "tautan", "url",
						      "https://www.facebook.com/"));
		}
		json_object_set_new(r, "terlapor", json_pack("[o]", tl));
		json_object_set_new(r, "peristiwa", p);
		json_object_set_new(
			r, "saksi",
			json_pack("[{s:s, s:s}]", "nama", PICK(first_names), "alamat", k->name));
		text = json_dumps(r, JSON_COMPACT);
		json_decref(r);
		cstr_copy(json, sizeof(json), text ? text : "{}");
		free(text);
	}
	arena_init(&a, 16384);
	cases_intake_init(&in);
	set_clock(t);
	rc = report_parse_json(&a, json, strlen(json), &in.report, &eb);
	if (rc == 0) {
		in.channel = "demo";
		rc = cases_intake_prepare(&d->app->cases, &a, &in, &eb);
	}
	if (rc == 0)
		rc = cases_intake_write(&d->app->cases, &in, &eb);
	id = in.case_id;
	if (case_out)
		*case_out = id;
	cases_intake_release(&in);
	arena_release(&a);
	if (rc < 0) {
		log_warn("demo: report %d: %s", n, eb.msg);
		d->failed++;
		return -1;
	}
	d->made++;
	snprintf(pengawas, sizeof(pengawas), "pengawas_%c%c", k->code[3], k->code[4]);
	snprintf(ppk, sizeof(ppk), "ppk_%c%c", k->code[3], k->code[4]);
	if (anonymous || target < 8)
		return 0; /* stays diterima */
	t = later(t, pick(2));
	set_clock(t);
	if (incomplete) {
		struct transition_req r = {.reason = ""};

		/* intake already asked for the missing parts (perlu_perbaikan) */
		if (target < 30)
			return 0;
		t = later(t, 2);
		set_clock(t);
		if (target < 40) {
			r.reason = "pelapor tidak melengkapi laporan dalam 3 hari";
			return step(d, pengawas, id, "tidak_registrasi", 0, &r);
		}
		if (step(d, pengawas, id, "perbaikan_diterima", 0, NULL) < 0)
			return -1;
	} else if (step(d, pengawas, id, "mulai_kajian_awal", 0, NULL) < 0 || target < 14) {
		return 0;
	}
	if (target < 18) {
		struct transition_req r = {.reason = "bukan kewenangan: terlapor bukan ASN"};

		return step(d, pengawas, id, "tidak_registrasi", 0, &r);
	}
	if (step(d, pengawas, id, "registrasi", 0, NULL) < 0 || target < 24)
		return 0;
	t = later(t, 1);
	set_clock(t);
	if (step(d, pengawas, id, "mulai_klarifikasi", 0, NULL) < 0 || target < 30)
		return 0;
	if (pick(4) == 0) {
		struct transition_req r = {.reason = "saksi tambahan perlu diklarifikasi"};

		step(d, pengawas, id, "perpanjang", 0, &r);
	}
	t = later(t, 2);
	set_clock(t);
	if (step(d, pengawas, id, "mulai_kajian", 0, NULL) < 0 || target < 36)
		return 0;
	if (target < 40) {
		struct transition_req r = {.reason = "laporan dicabut; tidak cukup bukti"};

		return step(d, pengawas, id, "hentikan", 0, &r);
	}
	{
		struct store_track_row tr[2];
		struct store_conn *c = store_reader(d->app->store);
		size_t nt = 0;

		store_tracks_of_case(c, id, tr, 2, &nt, &eb);
		store_reader_done(d->app->store, c);
		if (nt == 0)
			return -1;
		track = tr[0].id;
	}
	t = later(t, 2);
	set_clock(t);
	if (target < 48) {
		struct transition_req r = {.reason = "perbuatan tidak terbukti dalam klarifikasi"};

		return step(d, pengawas, id, "bukan_pelanggaran", track, &r);
	}
	if (strcmp(pos->status, "PNS") != 0 && strcmp(pos->status, "PPPK") != 0)
		return step(d, pengawas, id, "rujuk", track, NULL);
	if (step(d, pengawas, id, "rekomendasikan", track, NULL) < 0 || target < 54)
		return 0;
	{
		/* KASN analysts before the handover, BKN after */
		const char *analis = t < 1725408000 ? "analis_kasn" : "analis_bkn";
		struct transition_req s;

		t = later(t, 3);
		set_clock(t);
		if (step(d, analis, id, "mulai_verifikasi", track, NULL) < 0 || target < 60)
			return 0;
		t = later(t, 3);
		set_clock(t);
		if (target < 64) {
			struct transition_req r = {.reason = "verifikasi: bukti tidak cukup"};

			return step(d, analis, id, "tidak_terbukti", track, &r);
		}
		if (step(d, analis, id, "rekomendasi_ke_ppk", track, NULL) < 0 || target < 72)
			return 0;
		t = later(t, 5 + pick(20));
		set_clock(t);
		if (target < 80) {
			struct transition_req r = {.reason = "PPK tidak menjatuhkan sanksi"};

			if (step(d, analis, id, "tidak_ditindaklanjuti", track, &r) < 0 ||
			    target < 76)
				return 0;
			r.escalation = pick(2) ? "pemblokiran_data" : "teguran_ppk";
			if (step(d, analis, id, "eskalasi", track, &r) < 0 || target < 78)
				return 0;
			t = later(t, 7);
			set_clock(t);
		}
		memset(&s, 0, sizeof(s));
		s.sk_number = "800/BKPSDM/2024";
		date_format(time_local_date(t, 8 * 60), known);
		s.sk_date = known;
		switch (pick(4)) {
		case 0:
			s.form = "pernyataan secara terbuka (sanksi moral)";
			s.sanction_level = "moral";
			break;
		case 1:
			s.form = "teguran tertulis";
			s.sanction_level = "ringan";
			break;
		case 2:
			s.form = "pemotongan tunjangan kinerja 25% selama 6 bulan";
			s.sanction_level = "sedang";
			break;
		default:
			s.form = "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 "
				 "bulan";
			s.sanction_level = "berat";
			break;
		}
		if (step(d, ppk, id, "catat_sanksi", track, &s) < 0 || target < 90)
			return 0;
		t = later(t, 5);
		set_clock(t);
		return step(d, ppk, id, "keputusan_disampaikan", track, NULL);
	}
}

/* Report the same event again (same terlapor, same text) and merge it. */
static void
duplicate(struct demo *d, int64_t first, int64_t t)
{
	struct store_scope all = {.all = true};
	struct store_case_row row = {0};
	struct store_conn *c = store_reader(d->app->store);
	struct errbuf eb;
	json_t *detail = NULL, *r, *tracks, *tr;
	struct arena a;
	struct intake in;
	char *text;
	char pengawas[32];
	int rc;

	rc = store_case_detail(c, &all, first, &detail, &eb);
	if (rc == 0)
		rc = store_case_row_get(c, &all, first, &row, &eb);
	store_reader_done(d->app->store, c);
	if (rc < 0 || row.region_code[0] == '\0')
		goto out;
	tracks = json_object_get(detail, "tracks");
	tr = json_array_get(tracks, 0);
	r = json_pack("{s:s, s:s, s:{s:s, s:s}, s:[{s:O, s:O, s:O, s:O}], s:{s:O, s:s, s:s}, "
		      "s:[{s:s, s:s}]}",
		      "jenis", "laporan", "pemilihan", row.election, "pelapor", "nama",
		      "Warga Pelapor Kedua", "alamat", "Samarinda", "terlapor", "nama",
		      json_object_get(tr, "name"), "instansi", json_object_get(tr, "agency"),
		      "jabatan", json_object_get(tr, "position"), "status",
		      json_object_get(tr, "status"), "peristiwa", "uraian",
		      json_object_get(detail, "description"), "kode_wilayah", row.region_code,
		      "waktu_kejadian", row.occurred_on[0] ? row.occurred_on : row.known_on,
		      "bukti", "jenis", "tautan", "url", "https://www.instagram.com/");
	text = json_dumps(r, JSON_COMPACT);
	json_decref(r);
	arena_init(&a, 16384);
	cases_intake_init(&in);
	set_clock(t);
	rc = text ? report_parse_json(&a, text, strlen(text), &in.report, &eb) : -1;
	free(text);
	if (rc == 0) {
		in.channel = "demo";
		rc = cases_intake_prepare(&d->app->cases, &a, &in, &eb);
	}
	if (rc == 0)
		rc = cases_intake_write(&d->app->cases, &in, &eb);
	if (rc == 0) {
		const struct principal *p;

		d->made++;
		snprintf(pengawas, sizeof(pengawas), "pengawas_%c%c", row.region_code[3],
			 row.region_code[4]);
		p = as_user(d, pengawas);
		set_clock(later(t, 1));
		if (p && cases_merge(&d->app->cases, p, in.case_id, first,
				     "laporan ganda atas peristiwa yang sama", &eb) == 0)
			d->steps++;
		else
			d->failed++;
	} else {
		log_warn("demo: duplicate of %lld: %s", (long long)first, eb.msg);
		d->failed++;
	}
	cases_intake_release(&in);
	arena_release(&a);
out:
	json_decref(detail);
}

static int
run_demo(struct cli *cli)
{
	struct app app;
	struct demo d;
	struct errbuf eb;
	const char *v;
	int64_t ncases = 300, seed = 2024, i;
	int64_t pemilu_t0, pilkada_t0;
	bool have_data = false;

	if (cli->nargs)
		return cli_usage_error(cli, "no arguments expected");
	if ((v = cli_opt(cli, "cases")) &&
	    (str_to_i64(str_from(v), &ncases) < 0 || ncases < 0 || ncases > 100000))
		return cli_usage_error(cli, "--cases must be 0..100000");
	if ((v = cli_opt(cli, "seed")) && str_to_i64(str_from(v), &seed) < 0)
		return cli_usage_error(cli, "--seed must be a number");
	if (app_open(&app, &cli->cfg, APP_STORE | APP_STORE_CREATE | APP_KNOWLEDGE, &eb) < 0)
		return cli_fail("%s", eb.msg);
	{
		struct store_office o;
		struct store_conn *c = store_reader(app.store);

		have_data = store_office_get_by_code(c, "bawaslu-64", &o, NULL) == 0;
		store_reader_done(app.store, c);
	}
	if (have_data) {
		app_close(&app);
		if (cli_flag(cli, "if-empty")) {
			printf("netra demo: data sudah ada; tidak ada yang diubah\n");
			return CLI_OK;
		}
		return cli_fail("the database already has the demo offices (use a new --data dir)");
	}
	rng_state = (uint64_t)seed * 0x9E3779B97F4A7C15ULL + 1;
	set_clock(1698739200); /* 2023-10-31 */
	if (setup_offices_users(&app, &eb) < 0 || setup_seal_key(&app, &eb) < 0) {
		app_close(&app);
		return cli_fail("demo setup: %s", eb.msg);
	}
	memset(&d, 0, sizeof(d));
	d.app = &app;
	/* Pemilu: reports from 1 Dec 2023 to 31 Jan 2024; Pilkada: 1 Oct to 10 Nov 2024 */
	pemilu_t0 = 1701396000;  /* 2023-12-01T10:00+08:00 */
	pilkada_t0 = 1727748000; /* 2024-10-01T10:00+08:00 */
	for (i = 0; i < ncases; i++) {
		bool pilkada = i % 2 == 1;
		int64_t t = pilkada ? pilkada_t0 + (int64_t)pick(40) * 86400
				    : pemilu_t0 + (int64_t)pick(60) * 86400;

		int64_t first = 0;

		one_case(&d, (int)i, pilkada, later(t, 0), &first);
		/* now and then the same event is reported twice: the second report is
		 * spotted as a duplicate and merged into the first */
		if (first && i % 25 == 0)
			duplicate(&d, first, later(t, 1));
	}
	clock_set_override(cli->cfg.now[0] ? cli->cfg.now : NULL, NULL);
	printf("netra demo: %d kasus dibuat, %d langkah alur kerja, %d gagal\n", d.made, d.steps,
	       d.failed);
	app_close(&app);
	return d.failed ? CLI_FAIL : CLI_OK;
}

const struct cli_cmd cmd_demo = {
	.name = "demo",
	.usage = "[--if-empty] [--cases N] [--seed N]",
	.summary = "Create a realistic Kalimantan Timur dataset (offices, users, cases).",
	.description =
		"Passwords and the sealing passphrase are printed once.  The cases replay\n"
		"Pemilu 2024 and Pilkada 2024 with the clock override, so deadlines are real.",
	.opts = demo_opts,
	.run = run_demo,
};
