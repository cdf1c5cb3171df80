/*
 * workflow.c - the transition table (see workflow.h).  The table follows
 * regulations.md §1.4-1.5 and §5: Bawaslu receives, reviews (kajian awal),
 * asks for completion (perbaikan), registers or not, clarifies, decides;
 * KASN (to 3 Sep 2024) or BKN (from 4 Sep 2024) verifies; the PPK imposes
 * the sanction; when it does not, BKN blocks the employee's data and the
 * PPK is reprimanded.
 */
#include <stdio.h>
#include <string.h>

#include "cases/workflow.h"

#define R(x)    (1u << (x))
#define BAWASLU (R(ROLE_PENGAWAS))
#define ANALIS  (R(ROLE_ANALIS))
#define PPK     (R(ROLE_PPK))

static const struct wf_state states[] = {
	{"diterima", WF_CASE, "Diterima", "Diterima", false},
	{"kajian_awal", WF_CASE, "Kajian awal", "Dalam kajian awal", false},
	{"perlu_perbaikan", WF_CASE, "Perlu perbaikan", "Menunggu perbaikan dari pelapor", false},
	{"diregistrasi", WF_CASE, "Diregistrasi", "Diregistrasi", false},
	{"tidak_diregistrasi", WF_CASE, "Tidak diregistrasi", "Tidak diregistrasi", true},
	{"klarifikasi", WF_CASE, "Klarifikasi", "Dalam klarifikasi", false},
	{"kajian", WF_CASE, "Kajian", "Dalam kajian", false},
	{"diputus", WF_CASE, "Diputus", "Telah diputus; tindak lanjut berjalan", false},
	{"dihentikan", WF_CASE, "Dihentikan", "Dihentikan", true},
	{"selesai", WF_CASE, "Selesai", "Selesai", true},
	{"digabung", WF_CASE, "Digabung", "Digabung dengan laporan lain", true},
	{"proses", WF_TRACK, "Dalam penanganan Bawaslu", NULL, false},
	{"rekomendasi_diteruskan", WF_TRACK, "Rekomendasi diteruskan", NULL, false},
	{"bukan_pelanggaran", WF_TRACK, "Bukan pelanggaran", NULL, true},
	{"dirujuk", WF_TRACK, "Diteruskan ke instansi berwenang (bukan ASN)", NULL, true},
	{"verifikasi", WF_TRACK, "Verifikasi KASN/BKN", NULL, false},
	{"tidak_terbukti", WF_TRACK, "Tidak terbukti (verifikasi)", NULL, true},
	{"rekomendasi_ppk", WF_TRACK, "Rekomendasi ke PPK", NULL, false},
	{"sanksi_dijatuhkan", WF_TRACK, "Sanksi dijatuhkan", NULL, false},
	{"tidak_ditindaklanjuti", WF_TRACK, "Tidak ditindaklanjuti PPK", NULL, false},
	{"eskalasi", WF_TRACK, "Eskalasi (pemblokiran data / teguran PPK)", NULL, false},
	{"selesai", WF_TRACK, "Selesai", NULL, true},
	{"dihentikan", WF_TRACK, "Dihentikan", NULL, true},
};

static const struct wf_transition table[] = {
	/* --- Bawaslu, the whole case ------------------------------------------ */
	{"mulai_kajian_awal",
	 "Mulai kajian awal",
	 WF_CASE,
	 {"diterima"},
	 "kajian_awal",
	 BAWASLU,
	 0,
	 {NULL},
	 {NULL},
	 NULL},
	{"minta_perbaikan",
	 "Minta perbaikan kepada pelapor",
	 WF_CASE,
	 {"diterima", "kajian_awal"},
	 "perlu_perbaikan",
	 BAWASLU,
	 WF_REQ_REASON,
	 {"{e}.perbaikan"},
	 {NULL},
	 NULL},
	{"perbaikan_diterima",
	 "Perbaikan diterima",
	 WF_CASE,
	 {"perlu_perbaikan"},
	 "kajian_awal",
	 BAWASLU,
	 0,
	 {NULL},
	 {"{e}.perbaikan"},
	 NULL},
	/* Pemilu: 7 hari from receipt and registration (UU 7/2017 Pasal 454(7)); the
	 * Pilkada clock of 3 hari runs from receipt and is started at intake */
	{"registrasi",
	 "Registrasi",
	 WF_CASE,
	 {"diterima", "kajian_awal"},
	 "diregistrasi",
	 BAWASLU,
	 0,
	 {"pemilu.tindak_lanjut"},
	 {"{e}.kajian_awal", "{e}.perbaikan"},
	 NULL},
	{"tidak_registrasi",
	 "Tidak diregistrasi",
	 WF_CASE,
	 {"diterima", "kajian_awal", "perlu_perbaikan"},
	 "tidak_diregistrasi",
	 BAWASLU,
	 WF_REQ_REASON,
	 {NULL},
	 {"{e}.kajian_awal", "{e}.perbaikan"},
	 NULL},
	{"mulai_klarifikasi",
	 "Mulai klarifikasi",
	 WF_CASE,
	 {"diregistrasi"},
	 "klarifikasi",
	 BAWASLU,
	 0,
	 {NULL},
	 {NULL},
	 NULL},
	{"mulai_kajian",
	 "Mulai kajian",
	 WF_CASE,
	 {"diregistrasi", "klarifikasi"},
	 "kajian",
	 BAWASLU,
	 0,
	 {NULL},
	 {NULL},
	 NULL},
	/* the longer limit counts from the same start as the one it replaces */
	{"perpanjang",
	 "Perpanjang waktu kajian",
	 WF_CASE,
	 {"diterima", "kajian_awal", "diregistrasi", "klarifikasi", "kajian"},
	 NULL,
	 BAWASLU,
	 WF_REQ_REASON,
	 {"{e}.tindak_lanjut_diperpanjang"},
	 {NULL},
	 "{e}.tindak_lanjut"},
	{"hentikan",
	 "Hentikan penanganan",
	 WF_CASE,
	 {"diregistrasi", "klarifikasi", "kajian"},
	 "dihentikan",
	 BAWASLU,
	 WF_REQ_REASON,
	 {NULL},
	 {"{e}.tindak_lanjut", "{e}.tindak_lanjut_diperpanjang"},
	 NULL},

	/* --- Bawaslu, per terlapor: the decision of the kajian ----------------- */
	{"rekomendasikan",
	 "Nyatakan pelanggaran dan teruskan rekomendasi",
	 WF_TRACK,
	 {"proses"},
	 "rekomendasi_diteruskan",
	 BAWASLU,
	 WF_REQ_RECOMMEND,
	 {"bkn.verifikasi"},
	 {"{e}.tindak_lanjut", "{e}.tindak_lanjut_diperpanjang"},
	 NULL},
	/* kepala desa, honorer, TNI, Polri: not ASN; the catalog says where it goes */
	{"rujuk",
	 "Teruskan ke instansi berwenang (terlapor bukan ASN)",
	 WF_TRACK,
	 {"proses"},
	 "dirujuk",
	 BAWASLU,
	 WF_REQ_REFERRAL,
	 {NULL},
	 {"{e}.tindak_lanjut", "{e}.tindak_lanjut_diperpanjang"},
	 NULL},
	{"bukan_pelanggaran",
	 "Nyatakan bukan pelanggaran",
	 WF_TRACK,
	 {"proses"},
	 "bukan_pelanggaran",
	 BAWASLU,
	 WF_REQ_REASON,
	 {NULL},
	 {"{e}.tindak_lanjut", "{e}.tindak_lanjut_diperpanjang"},
	 NULL},

	/* --- KASN / BKN --------------------------------------------------------- */
	{"mulai_verifikasi",
	 "Mulai verifikasi",
	 WF_TRACK,
	 {"rekomendasi_diteruskan"},
	 "verifikasi",
	 ANALIS,
	 0,
	 {"bawaslu.validasi_sbt"},
	 {NULL},
	 NULL},
	{"rekomendasi_ke_ppk",
	 "Verifikasi selesai: rekomendasi ke PPK",
	 WF_TRACK,
	 {"rekomendasi_diteruskan", "verifikasi"},
	 "rekomendasi_ppk",
	 ANALIS,
	 0,
	 {"ppk.tindak_lanjut"},
	 {"bkn.verifikasi", "bawaslu.validasi_sbt"},
	 NULL},
	{"tidak_terbukti",
	 "Verifikasi: tidak terbukti",
	 WF_TRACK,
	 {"rekomendasi_diteruskan", "verifikasi"},
	 "tidak_terbukti",
	 ANALIS,
	 WF_REQ_REASON,
	 {NULL},
	 {"bkn.verifikasi", "bawaslu.validasi_sbt"},
	 NULL},
	{"tidak_ditindaklanjuti",
	 "Tandai: PPK tidak menindaklanjuti",
	 WF_TRACK,
	 {"rekomendasi_ppk"},
	 "tidak_ditindaklanjuti",
	 ANALIS,
	 WF_REQ_REASON,
	 {NULL},
	 {"ppk.tindak_lanjut"},
	 NULL},
	{"eskalasi",
	 "Eskalasi: blokir data / tegur PPK",
	 WF_TRACK,
	 {"tidak_ditindaklanjuti"},
	 "eskalasi",
	 ANALIS,
	 WF_REQ_ACTION,
	 {NULL},
	 {NULL},
	 NULL},

	/* --- the PPK ------------------------------------------------------------- */
	{"catat_sanksi",
	 "Catat sanksi yang dijatuhkan",
	 WF_TRACK,
	 {"rekomendasi_ppk", "tidak_ditindaklanjuti", "eskalasi"},
	 "sanksi_dijatuhkan",
	 PPK | ANALIS,
	 WF_REQ_SANCTION,
	 {"ppk.penyampaian_keputusan"},
	 {"ppk.tindak_lanjut"},
	 NULL},
	{"keputusan_disampaikan",
	 "Keputusan disampaikan kepada terlapor",
	 WF_TRACK,
	 {"sanksi_dijatuhkan"},
	 "selesai",
	 PPK | ANALIS,
	 0,
	 {NULL},
	 {"ppk.penyampaian_keputusan"},
	 NULL},
};

const struct wf_transition *
wf_find(const char *action)
{
	size_t i;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i].action, action) == 0)
			return &table[i];
	return NULL;
}

size_t
wf_count(void)
{
	return sizeof(table) / sizeof(table[0]);
}

const struct wf_transition *
wf_at(size_t i)
{
	return i < wf_count() ? &table[i] : NULL;
}

const struct wf_state *
wf_state_find(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strcmp(states[i].id, id) == 0)
			return &states[i];
	return NULL;
}

size_t
wf_state_count(void)
{
	return sizeof(states) / sizeof(states[0]);
}

const struct wf_state *
wf_state_at(size_t i)
{
	return i < wf_state_count() ? &states[i] : NULL;
}

bool
wf_allows_from(const struct wf_transition *t, const char *state)
{
	size_t i;

	for (i = 0; i < sizeof(t->from) / sizeof(t->from[0]) && t->from[i]; i++)
		if (strcmp(t->from[i], state) == 0)
			return true;
	return false;
}

bool
wf_role_allowed(const struct wf_transition *t, enum role r)
{
	return r > ROLE_NONE && r < ROLE__COUNT && (t->roles & R(r));
}

bool
wf_rule_name(const char *pattern, const char *election_kind, char *out, size_t outsz)
{
	static const char *const kinds[] = {"pemilu.", "pilkada."};
	size_t i;

	if (strncmp(pattern, "{e}", 3) == 0) {
		snprintf(out, outsz, "%s%s", election_kind, pattern + 3);
		return true;
	}
	snprintf(out, outsz, "%s", pattern);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t n = strlen(kinds[i]);

		if (strncmp(pattern, kinds[i], n) == 0)
			return strncmp(election_kind, kinds[i], n - 1) == 0 &&
			       election_kind[n - 1] == '\0';
	}
	return true;
}

int
wf_level_rank(const char *level)
{
	static const char *const order[] = {"moral", "ringan", "sedang", "berat", "ptdh"};
	size_t i;

	for (i = 0; level && i < sizeof(order) / sizeof(order[0]); i++)
		if (strcmp(order[i], level) == 0)
			return (int)i;
	return -1;
}
