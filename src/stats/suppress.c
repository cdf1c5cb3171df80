/*
 * suppress.c - statistical disclosure control for the public figures:
 * small counts are hidden, and so is one more cell of any table that hides
 * something, so that a hidden count cannot be recomputed from the total.
 *
 * Why the complementary cell: with one hidden cell h and an exact total T,
 * h = T - (sum of the shown cells).  With a second hidden cell c that is
 * itself at least the threshold, only h + c is known, and since c has no
 * upper bound h stays anywhere in [0, threshold - 1] (h is determined only
 * when h + c equals the threshold, which forces h = 0: no person).  Totals
 * of tables with hidden cells are rounded as well (see the page note).
 */
#include "stats/stats.h"

size_t
stats_suppress(struct stats_cell *cells, size_t n, int64_t threshold)
{
	size_t i, hidden = 0, smallest = n;

	for (i = 0; i < n; i++) {
		cells[i].hidden = cells[i].n < threshold ? STATS_SMALL : STATS_SHOWN;
		if (cells[i].hidden)
			hidden++;
		else if (smallest == n || cells[i].n < cells[smallest].n)
			smallest = i;
	}
	if (hidden > 0 && smallest < n) {
		cells[smallest].hidden = STATS_COMPLEMENTARY;
		hidden++;
	}
	return hidden;
}

int64_t
stats_total_display(int64_t total, size_t hidden, int64_t base, bool *rounded)
{
	*rounded = false;
	if (hidden == 0 || base <= 1)
		return total;
	*rounded = true;
	return (total + base / 2) / base * base;
}

int64_t
stats_percentile(const int64_t *sorted, size_t n, int pct)
{
	size_t rank;

	if (n == 0)
		return 0;
	/* nearest rank: ceil(pct / 100 * n), 1-based */
	rank = ((size_t)pct * n + 99) / 100;
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return sorted[rank - 1];
}
