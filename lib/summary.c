#define _GNU_SOURCE
#include "summary.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
	time_t at;
	size_t idx;
} order;

static int by_time(const void *x, const void *y)
{
	const order *a = x, *b = y;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx; /* the file's order between equals */
}

/* Was the row logged in w's window (w->logged)? */
static int logged_in(const hwk_entry *e, const hwk_window *w)
{
	time_t t;
	const char *const *c = (const char *const *)e->cols.v;
	if (hwk_time_parse_iso(c[HWK_E_LOGGED], &t) < 0)
		return 0;
	return (!w->has_after || t > w->after) && t <= w->until;
}

/* Keep the rows dated from..to (with w, those logged in its window), in the order of
 * `at`; free the rest. */
static void keep_period(hwk_entry *all, size_t n, hwk_day from, hwk_day to,
			const hwk_window *w, hwk_summary *s)
{
	order *o = hwk_xcalloc(n + 1, sizeof *o);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		hwk_day d;
		time_t t;
		if (!all[i].cols.n)
			continue; /* taken by an earlier period */
		if (hwk_entry_day(&all[i], &d) == 0 &&
		    (w ? logged_in(&all[i], w) : d >= from && d <= to) &&
		    hwk_entry_at(&all[i], &t) == 0)
			o[k++] = (order){t, i};
	}
	qsort(o, k, sizeof *o, by_time);
	s->rows = hwk_xcalloc(k + 1, sizeof *s->rows);
	for (size_t i = 0; i < k; i++) {
		s->rows[i] = all[o[i].idx];
		memset(&all[o[i].idx], 0, sizeof all[o[i].idx]);
	}
	s->nrows = k;
	free(o);
}

/* Today in progress (w->today_open): while it has no entry, the counts stop the day
 * before; the days since the last entry and the streak already wait for today. */
static void today_open(const hwk_assignment *a, const hwk_entry *rows, size_t n, hwk_day today,
		       int week_start, hwk_adherence *h)
{
	if (today < h->from || today > h->to)
		return;
	for (size_t i = 0; i < n; i++) {
		hwk_day d;
		if (hwk_entry_day(&rows[i], &d) == 0 && d == today)
			return;
	}
	hwk_adherence past;
	hwk_adherence_compute(a, rows, n, h->from, today - 1, today, week_start, &past);
	h->expected = past.expected;
	h->done = past.done;
	h->partial = past.partial;
	h->skipped = past.skipped;
	h->missed = past.missed;
	h->completed = past.completed;
	h->completion = past.completion;
	memcpy(h->reasons, past.reasons, sizeof h->reasons);
}

/* The ladder's progress (hwk_ladder_progress_make) over the done and partial rows of all
 * dated up to to, in the order of at. */
static void ladder_progress(const hwk_assignment *a, const hwk_ladder *l, const hwk_entry *all,
			    size_t n, hwk_day to, hwk_ladder_progress *out)
{
	order *o = hwk_xcalloc(n + 1, sizeof *o);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		hwk_day d;
		time_t t;
		const char *st = all[i].cols.n > HWK_E_STATUS ? all[i].cols.v[HWK_E_STATUS] : "";
		if ((!strcmp(st, "done") || !strcmp(st, "partial")) &&
		    hwk_entry_day(&all[i], &d) == 0 && d <= to && hwk_entry_at(&all[i], &t) == 0)
			o[k++] = (order){t, i};
	}
	qsort(o, k, sizeof *o, by_time);
	hwk_session *ss = hwk_xcalloc(k + 1, sizeof *ss);
	for (size_t i = 0; i < k; i++) {
		const hwk_entry *e = &all[o[i].idx];
		const char *pk = hwk_entry_field(a, e, "suds_peak");
		ss[i].step = hwk_entry_field(a, e, "step");
		if (!pk || hwk_parse_number(pk, &ss[i].peak) < 0)
			ss[i].peak = NAN;
	}
	hwk_ladder_progress_make(l, ss, k, out);
	free(ss);
	free(o);
}

int hwk_summary_make(const hwk_assignment *a, hwk_day from, hwk_day to, hwk_day today,
		     int week_start, const hwk_window *w, hwk_summary *s)
{
	memset(s, 0, sizeof *s);
	s->a = a;
	s->from = from;
	s->to = to;
	s->prev_from = from - (to - from + 1);
	hwk_entry *all;
	size_t n;
	hwk_ladder l;
	hwk_assignment_ladder_on(a, to, &l);
	if (l.n) {
		/* a ladder's steps count every session up to the period's end */
		if (hwk_entries_read(a, &all, &n) < 0) {
			hwk_ladder_free(&l);
			return -1;
		}
		hwk_entries_resolve(all, &n);
		hwk_entries_sift(a, all, &n, HWK_DAY_NONE); /* bad rows named, left out */
		ladder_progress(a, &l, all, n, to, &s->ladder);
		hwk_ladder_free(&l);
	} else {
		if (hwk_entries_tail(a, s->prev_from, &all, &n) < 0)
			return -1;
		hwk_entries_sift(a, all, &n, s->prev_from); /* bad rows named, left out */
	}
	/* the tail may bring a few older rows: only the two periods' count, so that what
	 * is said (days since the last entry above all) does not depend on the file; and
	 * with a window, a row logged in it, whatever its day */
	const hwk_window *lw = w && w->logged ? w : NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		hwk_day d;
		if (hwk_entry_day(&all[i], &d) == 0 &&
		    (d >= s->prev_from || (lw && logged_in(&all[i], lw))))
			all[k++] = all[i];
		else
			hwk_entry_free(&all[i]);
	}
	n = k;
	hwk_adherence_compute(a, all, n, from, to, today, week_start, &s->now);
	hwk_adherence_compute(a, all, n, s->prev_from, from - 1, today, week_start, &s->before);
	if (w && w->today_open)
		today_open(a, all, n, today, week_start, &s->now);

	/* this period's rows (first: a window's may be of any day), then the earlier
	 * period's, for its numbers */
	hwk_summary prev = {0};
	keep_period(all, n, from, to, lw, s);
	keep_period(all, n, s->prev_from, from - 1, NULL, &prev);
	hwk_metrics_compute(a, prev.rows, prev.nrows, &s->metrics_before);
	hwk_entry_rows_free(prev.rows, prev.nrows);
	hwk_metrics_compute(a, s->rows, s->nrows, &s->metrics);
	hwk_entry_rows_free(all, n);

	/* the days kept: where the assignment is active in from..to, and any day of it
	 * with a counted entry (one kept after its until was moved back) */
	s->day_from = a->start_day > from ? a->start_day : from;
	s->day_to = a->until_day != HWK_DAY_NONE && a->until_day < to ? a->until_day : to;
	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			s->per_day = hwk_xcalloc(s->day_to >= s->day_from
							 ? (size_t)(s->day_to - s->day_from + 1)
							 : 1,
						 sizeof *s->per_day);
		for (size_t i = 0; i < s->nrows; i++) {
			hwk_day d;
			const char *const *c = (const char *const *)s->rows[i].cols.v;
			if (hwk_entry_day(&s->rows[i], &d) < 0 || d < from || d > to ||
			    !strcmp(c[HWK_E_STATUS], "skipped"))
				continue;
			if (pass)
				s->per_day[d - s->day_from]++;
			else if (d < s->day_from)
				s->day_from = d;
			else if (d > s->day_to)
				s->day_to = d;
		}
	}
	return 0;
}

void hwk_summary_free(hwk_summary *s)
{
	hwk_metrics_free(&s->metrics);
	hwk_metrics_free(&s->metrics_before);
	hwk_entry_rows_free(s->rows, s->nrows);
	free(s->per_day);
	hwk_ladder_progress_free(&s->ladder);
	memset(s, 0, sizeof *s);
}

int hwk_summaries_make(const hwk_assignments *l, hwk_day from, hwk_day to, hwk_day today,
		       int week_start, const hwk_window *w, hwk_summary **out, size_t *n)
{
	*out = hwk_xcalloc(l->n + 1, sizeof **out);
	*n = 0;
	for (size_t i = 0; i < l->n; i++) {
		const hwk_assignment *a = &l->v[i];
		if (a->start_day > to || (a->until_day != HWK_DAY_NONE && a->until_day < from))
			continue;
		if (hwk_summary_make(a, from, to, today, week_start, w, &(*out)[*n]) < 0) {
			hwk_summaries_free(*out, *n);
			*out = NULL;
			*n = 0;
			return -1;
		}
		++*n;
	}
	return 0;
}

void hwk_summaries_free(hwk_summary *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		hwk_summary_free(&s[i]);
	free(s);
}

long hwk_summary_day(const hwk_summary *s, hwk_day d)
{
	return d >= s->day_from && d <= s->day_to ? (long)s->per_day[d - s->day_from] : 0;
}

char *hwk_sparkline(const hwk_summary *s, int utf8)
{
	static const char *const blocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
					     "\u2585", "\u2586", "\u2587", "\u2588"};
	static const char ascii[] = ".:-=+*#";
	long max = 0;
	for (hwk_day d = s->from; d <= s->to; d++)
		if (hwk_summary_day(s, d) > max)
			max = hwk_summary_day(s, d);
	hwk_buf b = {0};
	for (hwk_day d = s->from; d <= s->to; d++) {
		long v = hwk_summary_day(s, d);
		if (!hwk_assignment_active_on(s->a, d)) {
			hwk_buf_addc(&b, ' ');
		} else {
			/* none is the lowest mark; 1..max spread over the others, max the top */
			int level = v == 0 ? -1 : max == 1 ? 6 : (int)((v - 1) * 6 / (max - 1));
			if (utf8)
				hwk_buf_adds(&b, blocks[level + 1]);
			else
				hwk_buf_addc(&b, level < 0 ? '_' : ascii[level]);
		}
	}
	if (!b.s)
		hwk_buf_adds(&b, "");
	return b.s;
}

void hwk_metric_str(const hwk_metric *m, char *buf, size_t n)
{
	if (m->text)
		snprintf(buf, n, "%s", *m->text ? m->text : "-");
	else if (isnan(m->value) || n < 32)
		snprintf(buf, n, "-");
	else
		hwk_fmt_decimal(buf, m->value, m->decimals); /* as the records write it */
}
