/*
 * explain.c - the Indonesian explanation of a check result: the verdict,
 * the facts it rests on, the items that matched and those that did not
 * apply (and why), level and forms at the act date, legal basis, route,
 * what is missing, and the caveats.
 *
 * Every sentence is built from the result and the catalog data; nothing
 * here decides anything.
 */
#include <string.h>

#include "rules/rules_internal.h"

static const char *
family_text(enum rules_family f)
{
	switch (f) {
	case RULES_FAMILY_KE: return "kode etik SKB 2022";
	case RULES_FAMILY_D: return "disiplin SKB 2022";
	case RULES_FAMILY_PP94: return "PP 94/2021 Pasal 5 huruf n";
	case RULES_FAMILY_BOLEH: return "perbuatan yang boleh";
	}
	return "";
}

static void
missing_text(const struct rules_catalog *cat, const char *m, struct buf *b)
{
	size_t idx;

	if (strcmp(m, "date") == 0)
		buf_addstr(b, "tanggal perbuatan (date)");
	else if (strcmp(m, "election") == 0)
		buf_addstr(b,
			   "pemilu/pemilihan (election), untuk mengetahui tanggal penetapan calon");
	else if (strcmp(m, "text") == 0)
		buf_addstr(b,
			   "uraian perbuatan yang lebih rinci (text) atau id butir katalog (item)");
	else if (strncmp(m, "modifiers.", 10) == 0 && rules_modifier_find(cat, m + 10, &idx))
		buf_addf(b, "apakah terlapor %s (%s)", rules_modifier_at(cat, idx)->title, m);
	else
		buf_addstr(b, m);
}

static void
item_line(const struct rules_catalog *cat, const struct rules_match *m, struct buf *b)
{
	size_t k;

	buf_addf(b, "%s (%s", m->item->id, family_text(m->item->family));
	if (m->level != RULES_LEVEL_NONE)
		buf_addf(b, ", %s", rules_level_title(cat, m->level));
	buf_addf(b, ") - %s", m->item->title);
	if (m->score >= RULES_SCORE_EXPLICIT - 1) {
		buf_addstr(b, m->score >= RULES_SCORE_EXPLICIT ? " [butir dipilih]"
							       : " [butir terkait]");
		return;
	}
	if (m->nmatched) {
		buf_addstr(b, " [kata yang cocok: ");
		for (k = 0; k < m->nmatched; k++)
			buf_addf(b, "%s\"%s\"", k ? ", " : "", m->matched[k]);
		buf_addf(b, "; skor %.1f]", m->score);
	}
}

static bool
playing(const struct rules_match *m)
{
	return (m->applies || m->conditional) && m->covered_by == NULL;
}

/* When the answer hangs on a missing fact, say what each answer would be. */
static void
alternatives(const struct rules_catalog *cat, const struct rules_result *r,
	     const struct rules_match *top, struct buf *b)
{
	const struct rules_match *other = NULL;
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		const struct rules_match *m = &r->items[i];

		if (m != top && playing(m) && !m->conditional && m->score >= m->item->min_score &&
		    (m->item->family == RULES_FAMILY_BOLEH) !=
			    (top->item->family == RULES_FAMILY_BOLEH)) {
			other = m;
			break;
		}
	}
	buf_addf(b, "Kemungkinan: bila syarat %s terpenuhi, %s", top->item->id,
		 top->item->family == RULES_FAMILY_BOLEH ? "perbuatan ini BOLEH"
							 : "perbuatan ini pelanggaran");
	if (top->level != RULES_LEVEL_NONE)
		buf_addf(b, " (%s)", rules_level_title(cat, top->level));
	if (other) {
		buf_addf(b, "; bila tidak, butir yang berlaku %s (%s)", other->item->id,
			 other->level != RULES_LEVEL_NONE ? rules_level_title(cat, other->level)
							  : "perbuatan yang boleh");
	}
	buf_addstr(b, ".\n");
}

const char *
rules_explain(const struct rules_catalog *cat, const struct rules_facts *f,
	      const struct rules_result *r, struct arena *a)
{
	struct buf b = BUF_INIT;
	const struct rules_match *top = NULL;
	const char *res;
	char ds[64];
	size_t i, k, shown;

	for (i = 0; i < r->nitems; i++)
		if (playing(&r->items[i]) && r->items[i].score >= r->items[i].item->min_score) {
			top = &r->items[i];
			break;
		}

	/* the verdict */
	switch (r->verdict) {
	case RULES_VERDICT_PELANGGARAN:
		buf_addf(&b,
			 "Putusan: PELANGGARAN netralitas ASN; tingkat paling berat yang berlaku: "
			 "%s.\n",
			 rules_level_title(cat, r->level));
		break;
	case RULES_VERDICT_BOLEH:
		buf_addf(&b, "Putusan: BOLEH. %s.\n", top ? top->item->title : "");
		break;
	case RULES_VERDICT_BUKAN_ASN:
		buf_addf(&b,
			 "Putusan: BUKAN ASN. %s bukan ASN, sehingga tidak dijatuhi hukuman "
			 "disiplin "
			 "atau sanksi kode etik ASN; perkara diteruskan ke lembaga yang "
			 "berwenang.\n",
			 r->status->name);
		break;
	case RULES_VERDICT_TIDAK_CUKUP:
		buf_addstr(
			&b,
			"Putusan: TIDAK CUKUP INFORMASI. Fakta yang ada belum cukup untuk menilai "
			"tanpa menebak.\n");
		break;
	}

	/* the facts it rests on */
	buf_addf(&b, "Terlapor: %s (%s).", r->status->id, r->status->name);
	if (f->has_date) {
		rules_date_text(f->date, ds, sizeof(ds));
		buf_addf(&b, " Tanggal perbuatan: %s.", ds);
	} else {
		buf_addstr(&b, " Tanggal perbuatan tidak diberikan.");
	}
	if (f->election_name || f->election_id)
		buf_addf(&b, " Pemilihan: %s",
			 f->election_name ? f->election_name : f->election_id);
	if (f->stage_name)
		buf_addf(&b, ", tahapan %s", f->stage_name);
	if (f->election_name || f->election_id)
		buf_addch(&b, '.');
	if (f->has_penetapan) {
		rules_date_text(f->penetapan, ds, sizeof(ds));
		buf_addf(&b, " Penetapan calon: %s.", ds);
	}
	buf_addch(&b, '\n');
	for (i = 0; i < r->nmodifiers; i++) {
		const struct rules_modifier_value *mv = &r->modifiers[i];

		if (mv->value == RULES_TRI_UNKNOWN)
			continue;
		buf_addf(&b, "Fakta: terlapor %s%s", mv->value == RULES_TRI_YES ? "" : "tidak ",
			 mv->modifier->title);
		if (mv->from_text && mv->evidence)
			buf_addf(&b, " (dari teks: \"%s\")", mv->evidence);
		buf_addstr(&b, ".\n");
	}

	/* items */
	if (top) {
		if (r->verdict == RULES_VERDICT_BUKAN_ASN)
			buf_addstr(&b, "Sebagai gambaran, bila dilakukan ASN perbuatan ini cocok "
				       "dengan: ");
		else
			buf_addstr(&b, top->score >= RULES_SCORE_EXPLICIT - 1
					       ? "Butir: "
					       : "Butir paling cocok: ");
		item_line(cat, top, &b);
		buf_addstr(&b, ".\n");
	}
	shown = 0;
	for (i = 0; i < r->nitems && shown < 4; i++) {
		const struct rules_match *m = &r->items[i];

		if (m == top || !playing(m) || m->score < m->item->min_score)
			continue;
		buf_addstr(&b, shown == 0 ? "Juga cocok: " : "; ");
		item_line(cat, m, &b);
		shown++;
	}
	if (shown)
		buf_addstr(&b, ".\n");
	shown = 0;
	for (i = 0; i < r->nitems && shown < 4; i++) {
		const struct rules_match *m = &r->items[i];

		if (playing(m) || m->score < m->item->min_score)
			continue;
		buf_addf(&b, "%s tidak dihitung:", m->item->id);
		for (k = 0; k < m->nnotes; k++)
			if (strncmp(m->notes[k], "Tidak berlaku", 13) == 0 ||
			    strncmp(m->notes[k], "Dicakup", 7) == 0)
				buf_addf(&b, " %s", m->notes[k]);
		buf_addch(&b, '\n');
		shown++;
	}
	if (top && top->nnotes) {
		for (k = 0; k < top->nnotes; k++)
			if (strstr(top->notes[k], "menurut bacaan") == NULL)
				buf_addf(&b, "%s: %s\n", top->item->id, top->notes[k]);
	}
	if (r->verdict == RULES_VERDICT_TIDAK_CUKUP && top && top->conditional)
		alternatives(cat, r, top, &b);

	/* level and forms */
	if (r->verdict == RULES_VERDICT_PELANGGARAN && r->forms) {
		rules_date_text(f->date, ds, sizeof(ds));
		buf_addf(&b,
			 "Hukuman: untuk perbuatan pada %s berlaku %s (%s); PPK memilih salah "
			 "satu: ",
			 ds, r->forms->regime, r->forms->basis.label);
		for (k = 0; k < r->forms->nforms; k++) {
			const struct rules_form *fm = &r->forms->forms[k];

			buf_addf(&b, "%s%s. %s", k ? "; " : "", fm->code, fm->text);
			if (rules_form_flagged(r->status, fm))
				buf_addf(&b, " [ditandai untuk %s]", r->status->id);
		}
		buf_addstr(&b, ".\n");
	}
	if (r->nbasis) {
		buf_addstr(&b, "Dasar hukum: ");
		for (k = 0; k < r->nbasis; k++) {
			const struct rules_basis *bs = r->basis[k];

			buf_addf(&b, "%s%s", k ? "; " : "", bs->label);
			if (bs->unconfirmed)
				buf_addf(&b, " (belum dikonfirmasi%s%s)", bs->note ? ": " : "",
					 bs->note ? bs->note : "");
		}
		buf_addstr(&b, ".\n");
	}

	/* route */
	if (r->route) {
		buf_addstr(&b, "Jalur: ");
		for (k = 0; k < r->route->nsteps; k++)
			buf_addf(&b, "%s%s", k ? " -> " : "", r->route->steps[k]);
		if (f->has_date || f->has_handling_date) {
			rules_date_text(r->route_date, ds, sizeof(ds));
			buf_addf(&b, " (menurut tanggal %s %s)",
				 r->route_date_given ? "penanganan" : "perbuatan", ds);
		}
		buf_addf(&b, ". %s\n", r->route->text);
	}
	if (r->pidana) {
		buf_addf(&b, "Jalur lain: %s. %s", r->pidana->recommending, r->pidana->text);
		if (r->npidana_basis) {
			buf_addstr(&b, " Ketentuan: ");
			for (k = 0; k < r->npidana_basis; k++)
				buf_addf(&b, "%s%s%s%s", k ? "; " : "", r->pidana_basis[k]->label,
					 r->pidana_basis[k]->note ? " - " : "",
					 r->pidana_basis[k]->note ? r->pidana_basis[k]->note : "");
			buf_addch(&b, '.');
		}
		buf_addch(&b, '\n');
	}

	/* what is missing, caveats, readings */
	if (r->nmissing) {
		buf_addstr(&b, "Yang diperlukan: ");
		for (k = 0; k < r->nmissing; k++) {
			if (k)
				buf_addstr(&b, "; ");
			missing_text(cat, r->missing[k], &b);
		}
		buf_addstr(&b, ".\n");
	}
	for (k = 0; k < r->nnotes; k++)
		buf_addf(&b, "Catatan: %s\n", r->notes[k]);
	if (r->nreadings) {
		buf_addstr(&b, "Bacaan yang dipakai (konfigurasi [rules]): ");
		for (k = 0; k < r->nreadings; k++)
			buf_addf(&b, "%s%s", k ? ", " : "", r->readings[k]);
		buf_addstr(&b, ".\n");
	}
	if (b.len && b.data[b.len - 1] == '\n')
		buf_truncate(&b, b.len - 1);
	res = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return res;
}
