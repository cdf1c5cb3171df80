/*
 * eval.c - precision, recall and F1 per label against labelled texts.
 *
 * Precision of a label = correct predictions of it / all predictions of
 * it; recall = correct / all texts that truly have it; F1 their harmonic
 * mean; 0 when undefined.  Labels are reported from most to least severe.
 */
#include <string.h>

#include "scan/scan.h"

static const enum scan_label order[SCAN_LABEL__COUNT] = {
	SCAN_LABEL_VIOLATION,
	SCAN_LABEL_NEUTRAL,
	SCAN_LABEL_UNRELATED,
};

void
scan_eval_add(struct scan_eval *ev, enum scan_label truth, enum scan_label predicted)
{
	if ((unsigned)truth >= SCAN_LABEL__COUNT || (unsigned)predicted >= SCAN_LABEL__COUNT)
		return;
	ev->confusion[truth][predicted]++;
	ev->n++;
}

struct prf {
	double p, r, f;
	uint64_t support;
};

static struct prf
metrics(const struct scan_eval *ev, enum scan_label l)
{
	struct prf x = {0, 0, 0, 0};
	uint64_t tp = ev->confusion[l][l], pred = 0;
	int i;

	for (i = 0; i < SCAN_LABEL__COUNT; i++) {
		pred += ev->confusion[i][l];
		x.support += ev->confusion[l][i];
	}
	x.p = pred ? (double)tp / (double)pred : 0;
	x.r = x.support ? (double)tp / (double)x.support : 0;
	x.f = x.p + x.r > 0 ? 2 * x.p * x.r / (x.p + x.r) : 0;
	return x;
}

void
scan_eval_report(const struct scan_eval *ev, struct buf *out, bool json)
{
	struct prf m[SCAN_LABEL__COUNT];
	double mp = 0, mr = 0, mf = 0, acc;
	uint64_t correct = 0;
	int i, j;

	for (i = 0; i < SCAN_LABEL__COUNT; i++) {
		m[i] = metrics(ev, order[i]);
		mp += m[i].p / SCAN_LABEL__COUNT;
		mr += m[i].r / SCAN_LABEL__COUNT;
		mf += m[i].f / SCAN_LABEL__COUNT;
		correct += ev->confusion[i][i];
	}
	acc = ev->n ? (double)correct / (double)ev->n : 0;
	if (json) {
		buf_addf(out,
			 "{\"n\":%llu,\"accuracy\":%.4f,\"macro_precision\":%.4f,"
			 "\"macro_recall\":%.4f,\"macro_f1\":%.4f,\"labels\":{",
			 (unsigned long long)ev->n, acc, mp, mr, mf);
		for (i = 0; i < SCAN_LABEL__COUNT; i++)
			buf_addf(out,
				 "%s\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
				 "\"support\":%llu}",
				 i ? "," : "", scan_label_name(order[i]), m[i].p, m[i].r, m[i].f,
				 (unsigned long long)m[i].support);
		buf_addstr(out, "},\"confusion\":{");
		for (i = 0; i < SCAN_LABEL__COUNT; i++) {
			buf_addf(out, "%s\"%s\":{", i ? "," : "", scan_label_name(order[i]));
			for (j = 0; j < SCAN_LABEL__COUNT; j++)
				buf_addf(out, "%s\"%s\":%llu", j ? "," : "",
					 scan_label_name(order[j]),
					 (unsigned long long)ev->confusion[order[i]][order[j]]);
			buf_addch(out, '}');
		}
		buf_addstr(out, "}}\n");
		return;
	}
	buf_addf(out, "Evaluasi: %llu contoh\n\n", (unsigned long long)ev->n);
	buf_addf(out, "%-20s %8s %8s %8s %8s\n", "label", "presisi", "recall", "F1", "jumlah");
	for (i = 0; i < SCAN_LABEL__COUNT; i++)
		buf_addf(out, "%-20s %8.3f %8.3f %8.3f %8llu\n", scan_label_name(order[i]), m[i].p,
			 m[i].r, m[i].f, (unsigned long long)m[i].support);
	buf_addf(out, "%-20s %8.3f %8.3f %8.3f\n", "rata-rata makro", mp, mr, mf);
	buf_addf(out, "%-20s %8.3f\n\n", "akurasi", acc);
	buf_addstr(out, "Matriks kebingungan (baris = label benar, kolom = prediksi):\n");
	buf_addf(out, "%-20s", "");
	for (j = 0; j < SCAN_LABEL__COUNT; j++)
		buf_addf(out, " %19s", scan_label_name(order[j]));
	buf_addch(out, '\n');
	for (i = 0; i < SCAN_LABEL__COUNT; i++) {
		buf_addf(out, "%-20s", scan_label_name(order[i]));
		for (j = 0; j < SCAN_LABEL__COUNT; j++)
			buf_addf(out, " %19llu",
				 (unsigned long long)ev->confusion[order[i]][order[j]]);
		buf_addch(out, '\n');
	}
}
