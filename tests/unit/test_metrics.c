/* Unit tests for lib/metrics.c: sleep nights by hand (crossing midnight, without
 * lights_out, after midnight, DST nights in Europe/Berlin, missing values), the sleep
 * means and each branch of the sleep-window hint with its exact text, and every type's
 * numbers on small hand-made sets (partial entries count, skipped ones never do),
 * including a custom type with integer, number and yesno fields.
 *
 * Every expected number is worked out by hand in the comment beside it. Times are in
 * minutes unless said otherwise. */
#define _GNU_SOURCE

#include "assignment.h"
#include "entries.h"
#include "metrics.h"
#include "types.h"
#include "ydoc.h"
#include "rows.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- helpers ---- */

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
	hwk_time_zone_changed();
}

static hwk_day ymd(int y, int m, int d)
{
	return hwk_day_from_ymd(y, m, d);
}

/* An assignment of a custom type whose fields are given as YAML. */
static void custom(hwk_assignment *a, const char *type, const char *fields_yaml)
{
	hwk_ynode *root = NULL;
	memset(a, 0, sizeof *a);
	if (hwk_yaml_parse("t.yaml", fields_yaml, strlen(fields_yaml), &root) < 0 ||
	    hwk_fields_parse("t.yaml", root, &a->fields) < 0) {
		fprintf(stderr, "# bad fields for %s\n", type);
		exit(2);
	}
	hwk_ynode_free(root);
	a->id = hwk_xasprintf("2026-11-20-%s-cd34", type);
	a->client = hwk_xstrdup("alex");
	a->type = hwk_xstrdup(type);
}

/* One entry: at, status, then the values in field order (fewer than the fields are
 * padded with "" = absent). A skipped entry gets the reason busy. */
static void add_row(rowset *s, const hwk_assignment *a, const char *at, const char *status,
		    const char *const *vals, size_t nv)
{
	hwk_entry *e = rows_add(s, at, status, strcmp(status, "skipped") ? "" : "busy");
	for (size_t i = 0; i < a->fields.n; i++)
		hwk_strs_push(&e->cols, hwk_xstrdup(i < nv ? vals[i] : ""));
}

#define VALS(...) (const char *const[]){__VA_ARGS__}
#define NVALS(...) (sizeof(VALS(__VA_ARGS__)) / sizeof(const char *))
#define ROW(s, a, at, status, ...) add_row((s), (a), (at), (status), VALS(__VA_ARGS__), \
					   NVALS(__VA_ARGS__))

static const hwk_metric *get(const hwk_metrics *m, const char *key)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].key, key))
			return &m->v[i];
	return NULL;
}

/* The keys in order, joined by ",". */
static char *keys(const hwk_metrics *m)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	for (size_t i = 0; i < m->n; i++)
		hwk_buf_printf(&b, "%s%s", i ? "," : "", m->v[i].key);
	return b.s;
}

static int near(double a, double b)
{
	double d = a - b;
	return (d < 0 ? -d : d) < 1e-9;
}

/* A number with its count and decimals. */
static void is_metric(const hwk_metrics *m, const char *key, double want, long n, int decimals)
{
	const hwk_metric *x = get(m, key);
	ok(x && !x->text && near(x->value, want) && x->n == n && x->decimals == decimals,
	   "%s = %g (n %ld, %d decimals)", key, want, n, decimals);
	if (x && !(near(x->value, want) && x->n == n && x->decimals == decimals))
		fprintf(stderr, "#   got %.12g (n %ld, %d decimals)\n", x->value, x->n,
			x->decimals);
}

/* Nothing to compute from: NAN with n 0. */
static void is_none(const hwk_metrics *m, const char *key, int decimals)
{
	const hwk_metric *x = get(m, key);
	ok(x && isnan(x->value) && x->n == 0 && x->decimals == decimals, "%s: none (NAN, n 0)",
	   key);
}

static void is_label(const hwk_metrics *m, const char *key, const char *want)
{
	const hwk_metric *x = get(m, key);
	is_str(x ? x->label : NULL, want, "label of %s", key);
}

static void is_night(hwk_night nt, double tib, double tst, double se, const char *what)
{
	ok(near(nt.tib, tib) && near(nt.tst, tst) && near(nt.se, se),
	   "%s: TIB %g, TST %g, SE %g", what, tib, tst, se);
	if (!(near(nt.tib, tib) && near(nt.tst, tst) && near(nt.se, se)))
		fprintf(stderr, "#   got TIB %.12g, TST %.12g, SE %.12g\n", nt.tib, nt.tst, nt.se);
}

/* ---- one night ---- */

static void test_nights(void)
{
	hwk_night nt;
	hwk_day nov27 = ymd(2026, 11, 27);
	set_tz("UTC");

	/* bed 23:40, lights out 23:55, asleep after 25, awake 30 in the night, woke 06:40,
	 * up 07:05. TIB 23:40 -> 07:05 = 20 + 7 h 05 = 445. TST = (23:55 -> 06:40 = 5 +
	 * 6 h 40 = 405) - 25 - 30 = 350. SE = 350 / 445 x 100 = 78.6516...% */
	is_int(hwk_sleep_night(nov27, "23:40", "23:55", "25", "30", "06:40", "07:05", &nt), 0,
	       "a normal night is computed");
	is_night(nt, 445, 350, 350.0 / 445.0 * 100.0, "normal night");
	ok(nt.se > 78.65 && nt.se < 78.66, "normal night: SE 78.65%%");

	/* No lights_out: bed 22:30, sol 20, waso 10, wake 06:00, up 06:30.
	 * TIB 22:30 -> 06:30 = 480; TST = (22:30 -> 06:00 = 450) - 20 - 10 = 420;
	 * SE = 420 / 480 = 87.5% */
	is_int(hwk_sleep_night(nov27, "22:30", "", "20", "10", "06:00", "06:30", &nt), 0,
	       "a night without lights_out is computed");
	is_night(nt, 480, 420, 87.5, "without lights_out (empty)");
	hwk_sleep_night(nov27, "22:30", NULL, "20", "10", "06:00", "06:30", &nt);
	is_night(nt, 480, 420, 87.5, "without lights_out (NULL)");

	/* After midnight: bed 00:30, lights out 00:45, sol 15, waso 0, wake 07:15, up 07:30:
	 * all on the morning's day. TIB 00:30 -> 07:30 = 420; TST = (00:45 -> 07:15 = 390)
	 * - 15 = 375; SE = 375 / 420 = 89.2857...% */
	hwk_sleep_night(nov27, "00:30", "00:45", "15", "0", "07:15", "07:30", &nt);
	is_night(nt, 420, 375, 375.0 / 420.0 * 100.0, "bed after midnight");

	/* Bed before midnight, lights out after it: bed 23:50, lights out 00:20, sol 10,
	 * waso 0, wake 06:20, up 06:50. TIB 23:50 -> 06:50 = 420; TST = (00:20 -> 06:20 =
	 * 360) - 10 = 350; SE = 350 / 420 = 83.333...% */
	hwk_sleep_night(nov27, "23:50", "00:20", "10", "0", "06:20", "06:50", &nt);
	is_night(nt, 420, 350, 350.0 / 420.0 * 100.0, "lights out after midnight");

	/* A day sleeper (night shift): bed 08:00, lights out 08:10, sol 20, waso 20, wake
	 * 14:30, up 15:00, all on one day. TIB 08:00 -> 15:00 = 420; TST = (08:10 -> 14:30 =
	 * 380) - 40 = 340; SE = 340 / 420 = 80.952...% */
	hwk_sleep_night(nov27, "08:00", "08:10", "20", "20", "14:30", "15:00", &nt);
	is_night(nt, 420, 340, 340.0 / 420.0 * 100.0, "day sleeper");

	/* Seconds count: bed 23:00:30, wake 06:00:00, up 07:00:00, sol 0, waso 0:
	 * TIB = 8 h - 30 s = 479.5; TST = 7 h - 30 s = 419.5 */
	hwk_sleep_night(nov27, "23:00:30", "", "0", "0", "06:00:00", "07:00:00", &nt);
	is_night(nt, 479.5, 419.5, 419.5 / 479.5 * 100.0, "times with seconds");

	/* Missing sol or waso: TIB only (TST and SE not computed, -1). */
	is_int(hwk_sleep_night(nov27, "23:40", "23:55", "", "30", "06:40", "07:05", &nt), 0,
	       "a night without sol still has its TIB");
	is_night(nt, 445, -1, -1, "without sol");
	hwk_sleep_night(nov27, "23:40", "23:55", "25", NULL, "06:40", "07:05", &nt);
	is_night(nt, 445, -1, -1, "without waso");

	/* sol + waso longer than lights out -> wake: bed 23:00, wake 00:00, up 00:10,
	 * sol 50, waso 30: 60 - 80 < 0, TST left out; TIB 70. */
	hwk_sleep_night(nov27, "23:00", "", "50", "30", "00:00", "00:10", &nt);
	is_night(nt, 70, -1, -1, "sol + waso beyond the night");

	/* Everything at one clock time: TIB 0, TST 0, SE not computable. */
	hwk_sleep_night(nov27, "07:00", "", "0", "0", "07:00", "07:00", &nt);
	is_night(nt, 0, 0, -1, "TIB 0: no SE");

	/* Not computable at all: a required time missing or bad, or no day. */
	is_int(hwk_sleep_night(nov27, "", "23:55", "25", "30", "06:40", "07:05", &nt), -1,
	       "no bed: -1");
	is_night(nt, -1, -1, -1, "no bed");
	is_int(hwk_sleep_night(nov27, "23:40", "23:55", "25", "30", NULL, "07:05", &nt), -1,
	       "no wake: -1");
	is_int(hwk_sleep_night(nov27, "23:40", "23:55", "25", "30", "06:40", "7h", &nt), -1,
	       "a bad out_of_bed: -1");
	is_int(hwk_sleep_night(HWK_DAY_NONE, "23:40", "23:55", "25", "30", "06:40", "07:05", &nt),
	       -1, "no day: -1");
	is_int(hwk_sleep_night(nov27, "23:40", "23:55", "x", "30", "06:40", "07:05", &nt), 0,
	       "an unreadable sol is absent");
	is_night(nt, 445, -1, -1, "unreadable sol");
}

static void test_dst(void)
{
	hwk_night nt;
	set_tz("Europe/Berlin");

	/* 2026-03-29 (a Sunday): clocks go from 02:00 CET to 03:00 CEST. Bed 23:00 on the
	 * 28th (22:00 UTC) to 07:00 on the 29th (05:00 UTC) is 7 h = 420, not 480. */
	hwk_sleep_night(ymd(2026, 3, 29), "23:00", "23:00", "0", "0", "07:00", "07:00", &nt);
	is_night(nt, 420, 420, 100, "spring forward, Berlin: 7 h");

	/* 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET. Bed 23:00 on the 24th
	 * (21:00 UTC) to 07:00 on the 25th (06:00 UTC) is 9 h = 540. */
	hwk_sleep_night(ymd(2026, 10, 25), "23:00", "23:00", "0", "0", "07:00", "07:00", &nt);
	is_night(nt, 540, 540, 100, "fall back, Berlin: 9 h");

	/* Spring, the jump inside the night: bed 01:30 CET (00:30 UTC), lights out 03:30
	 * CEST (01:30 UTC), sol 10, waso 0, wake 06:30 CEST (04:30 UTC), up 07:00 CEST
	 * (05:00 UTC). TIB = 270; TST = 180 - 10 = 170; SE = 170 / 270. */
	hwk_sleep_night(ymd(2026, 3, 29), "01:30", "03:30", "10", "0", "06:30", "07:00", &nt);
	is_night(nt, 270, 170, 170.0 / 270.0 * 100.0, "spring forward between bed and lights out");

	/* Autumn, the repeated hour: bed 22:00 CEST (20:00 UTC), lights out 22:30 CEST,
	 * sol 30, waso 60, wake 06:00 CET (05:00 UTC), up 06:30 CET (05:30 UTC).
	 * TIB = 9 h 30 = 570; TST = (20:30 -> 05:00 UTC = 510) - 90 = 420. */
	hwk_sleep_night(ymd(2026, 10, 25), "22:00", "22:30", "30", "60", "06:00", "06:30", &nt);
	is_night(nt, 570, 420, 420.0 / 570.0 * 100.0, "fall back, longer night");

	/* An ordinary Berlin night: 23:00 -> 07:00 is 8 h. */
	hwk_sleep_night(ymd(2026, 11, 27), "23:00", "", "0", "0", "07:00", "07:00", &nt);
	is_night(nt, 480, 480, 100, "an ordinary Berlin night: 8 h");

	/* The same spring night through hwk_metrics_compute: the entry's at gives the day. */
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "sleep");
	/* bed, lights_out, sol, awakenings, waso, wake, out_of_bed, quality */
	ROW(&s, &a, "2026-03-29T07:10:00+02:00", "done", "23:00", "", "0", "0", "0", "07:00",
	    "07:00", "4");
	hwk_metrics_compute(&a, s.v, s.n, &m);
	is_metric(&m, "tib_mean", 420, 1, 1);
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
	set_tz("UTC");
}

/* ---- sleep over entries ---- */

static void test_sleep(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	set_tz("UTC");
	builtin(&a, "sleep");

	/* fields: bed, lights_out, sol, awakenings, waso, wake, out_of_bed, quality */
	/* 27th: TIB 445, TST 350, SE 78.65 (the normal night above); quality 3, 2 awakenings */
	ROW(&s, &a, "2026-11-27T07:10:00+00:00", "done", "23:40", "23:55", "25", "2", "30",
	    "06:40", "07:05", "3");
	/* 28th, partial: TIB 480, TST 420, SE 87.5 (no lights_out); quality 4, no awakenings */
	ROW(&s, &a, "2026-11-28T06:40:00+00:00", "partial", "22:30", "", "20", "", "10",
	    "06:00", "06:30", "4");
	/* 29th: TIB 420, no waso so no TST or SE; sol 15, 1 awakening, no quality */
	ROW(&s, &a, "2026-11-29T07:40:00+00:00", "done", "00:30", "00:45", "15", "1", "",
	    "07:15", "07:30", "");
	/* skipped, with values: never counted */
	ROW(&s, &a, "2026-11-30T09:00:00+00:00", "skipped", "20:00", "", "300", "9", "300",
	    "05:00", "05:00", "1");
	ROW(&s, &a, "2026-12-01T09:00:00+00:00", "skipped");

	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *k = keys(&m);
	is_str(k, "tib_mean,tst_mean,sol_mean,waso_mean,se_mean,quality_mean,awakenings_mean",
	       "sleep keys in order");
	free(k);
	/* TIB (445 + 480 + 420) / 3 = 1345 / 3 = 448.33 */
	is_metric(&m, "tib_mean", 1345.0 / 3, 3, 1);
	/* TST (350 + 420) / 2 = 385 */
	is_metric(&m, "tst_mean", 385, 2, 1);
	/* sol (25 + 20 + 15) / 3 = 20 */
	is_metric(&m, "sol_mean", 20, 3, 1);
	/* waso (30 + 10) / 2 = 20 */
	is_metric(&m, "waso_mean", 20, 2, 1);
	/* SE (78.6517 + 87.5) / 2 = 83.0758 */
	is_metric(&m, "se_mean", (350.0 / 445 * 100 + 87.5) / 2, 2, 1);
	/* quality (3 + 4) / 2 = 3.5 */
	is_metric(&m, "quality_mean", 3.5, 2, 1);
	/* awakenings (2 + 1) / 2 = 1.5 */
	is_metric(&m, "awakenings_mean", 1.5, 2, 1);
	ok(m.hint == NULL, "no hint with fewer than 7 nights");
	is_label(&m, "tib_mean", "time in bed (min)");
	is_label(&m, "tst_mean", "total sleep time (min)");
	is_label(&m, "se_mean", "sleep efficiency (%)");
	hwk_metrics_free(&m);
	ok(m.v == NULL && m.n == 0 && m.hint == NULL, "freed metrics are empty");

	/* rows in any order give the same numbers */
	hwk_entry t = s.v[0];
	s.v[0] = s.v[2];
	s.v[2] = t;
	hwk_metrics_compute(&a, s.v, s.n, &m);
	is_metric(&m, "tib_mean", 1345.0 / 3, 3, 1);
	is_metric(&m, "se_mean", (350.0 / 445 * 100 + 87.5) / 2, 2, 1);
	hwk_metrics_free(&m);
	rows_free(&s);

	/* no entries: every mean NAN with n 0, the same keys */
	hwk_metrics_compute(&a, NULL, 0, &m);
	is_int(m.n, 7, "no entries: still 7 sleep metrics");
	is_none(&m, "tib_mean", 1);
	is_none(&m, "se_mean", 1);
	is_none(&m, "quality_mean", 1);
	ok(m.hint == NULL, "no entries: no hint");
	hwk_metrics_free(&m);
	hwk_assignment_free(&a);
}

/* Seven nights dated 2026-11-23 .. 29, each with the given times; the last night may
 * differ in sol. Returns the hint (owned) or NULL. */
static char *hint_for(const char *bed, const char *lo, const char *sol, const char *waso,
		      const char *wake, const char *oob, const char *last_sol, int nights)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "sleep");
	for (int i = 0; i < nights; i++) {
		char at[40];
		snprintf(at, sizeof at, "2026-11-%02dT08:00:00+00:00", 23 + i);
		ROW(&s, &a, at, i == 3 ? "partial" : "done", bed, lo,
		    i == nights - 1 && last_sol ? last_sol : sol, "1", waso, wake, oob, "3");
	}
	/* a skipped day in between never counts */
	ROW(&s, &a, "2026-11-25T20:00:00+00:00", "skipped", "20:00", "", "0", "0", "0", "08:00",
	    "08:00", "5");
	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *h = m.hint ? hwk_xstrdup(m.hint) : NULL;
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
	return h;
}

static void test_sleep_hint(void)
{
	char *h;
	set_tz("UTC");

	/* Widen: bed 23:00, lights out 23:00, sol 10, waso 10, wake 06:30, up 06:30.
	 * TIB 450, TST 450 - 20 = 430, SE 430 / 450 = 95.56% -> 95.6; window 450 + 15 = 465
	 * = 7h45. */
	h = hint_for("23:00", "23:00", "10", "10", "06:30", "06:30", NULL, 7);
	is_str(h, "sleep efficiency 95.6% over 7 nights: the sleep window may widen by 15 minutes (to 7h45)",
	       "hint: widen");
	free(h);

	/* Widen at exactly 90: TIB 450, sol 25 + waso 20 -> TST 405, SE 405 / 450 = 90.0%. */
	h = hint_for("23:00", "", "25", "20", "06:30", "06:30", NULL, 7);
	is_str(h, "sleep efficiency 90.0% over 7 nights: the sleep window may widen by 15 minutes (to 7h45)",
	       "hint: widen at exactly 90%%");
	free(h);

	/* Keep: bed 23:00, wake 07:00, up 07:00: TIB 480; sol 30 + waso 30 -> TST 420,
	 * SE 87.5%; window 480 = 8h00. */
	h = hint_for("23:00", "", "30", "30", "07:00", "07:00", NULL, 7);
	is_str(h, "sleep efficiency 87.5% over 7 nights: keep the sleep window (8h00)",
	       "hint: keep");
	free(h);

	/* Keep at exactly 85: TIB 480, sol 36 + waso 36 -> TST 408, SE 408 / 480 = 85.0%. */
	h = hint_for("23:00", "", "36", "36", "07:00", "07:00", NULL, 7);
	is_str(h, "sleep efficiency 85.0% over 7 nights: keep the sleep window (8h00)",
	       "hint: keep at exactly 85%%");
	free(h);

	/* Keep with a window that is not whole hours: bed 23:20, up 06:45: TIB 445;
	 * sol 20, waso 30 -> TST 395, SE 395 / 445 = 88.76% -> 88.8; window 7h25. */
	h = hint_for("23:20", "", "20", "30", "06:45", "06:45", NULL, 7);
	is_str(h, "sleep efficiency 88.8% over 7 nights: keep the sleep window (7h25)",
	       "hint: keep, 7h25");
	free(h);

	/* Narrow: TIB 480, sol 60 + waso 60 -> TST 360 (SE 75%) on six nights; the
	 * seventh sol 53 -> TST 367 (SE 367 / 480 = 76.4583%). Mean SE = (6 x 75 +
	 * 76.4583) / 7 = 75.208 -> 75.2; mean TST = (6 x 360 + 367) / 7 = 2527 / 7 = 361
	 * = 6h01. */
	h = hint_for("23:00", "", "60", "60", "07:00", "07:00", "53", 7);
	is_str(h, "sleep efficiency 75.2% over 7 nights: the sleep window may narrow to 6h01",
	       "hint: narrow");
	free(h);

	/* Narrow, never below 5 h: TIB 480, sol 120 + waso 90 -> TST 270 = 4h30,
	 * SE 56.25% -> 56.3; window 5h00. */
	h = hint_for("23:00", "", "120", "90", "07:00", "07:00", NULL, 7);
	is_str(h, "sleep efficiency 56.3% over 7 nights: the sleep window may narrow to 5h00",
	       "hint: narrow, never below 5 h");
	free(h);

	/* Mean TST rounds to whole minutes: six nights TST 360, one 361 (sol 59): mean
	 * 2521 / 7 = 360.14 -> 6h00. SE (6 x 75 + 75.2083) / 7 = 75.03 -> 75.0. */
	h = hint_for("23:00", "", "60", "60", "07:00", "07:00", "59", 7);
	is_str(h, "sleep efficiency 75.0% over 7 nights: the sleep window may narrow to 6h00",
	       "hint: narrow, window rounded to minutes");
	free(h);

	/* Eight nights count as eight. */
	h = hint_for("23:00", "", "30", "30", "07:00", "07:00", NULL, 8);
	is_str(h, "sleep efficiency 87.5% over 8 nights: keep the sleep window (8h00)",
	       "hint: 8 nights");
	free(h);

	/* Six nights: no hint. */
	h = hint_for("23:00", "", "30", "30", "07:00", "07:00", NULL, 6);
	ok(h == NULL, "no hint after 6 nights");
	free(h);

	/* Seven nights, but one without sol: only 6 have an SE, no hint. */
	h = hint_for("23:00", "", "30", "30", "07:00", "07:00", "", 7);
	ok(h == NULL, "no hint when only 6 of 7 nights have an SE");
	free(h);
}

/* ---- thought records ---- */

static void test_thought_record(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "thought-record");

	/* fields: situation, emotion, intensity, thought, belief, evidence_for,
	 * evidence_against, balanced, balanced_belief, rerate */
	/* 1: 80 -> 40 (drop 40), belief 90, balanced belief 60 */
	ROW(&s, &a, "2026-11-23T20:00:00+00:00", "done", "meeting", "anxious", "80", "they think I'm dull",
	    "90", "", "", "they asked questions", "60", "40");
	/* 2, partial: 70 -> 70 (drop 0, no shift), belief 70 */
	ROW(&s, &a, "2026-11-24T20:00:00+00:00", "partial", "call", "sad", "70", "nobody cares", "70",
	    "", "", "", "", "70");
	/* 3: 50, no rerate (no drop); balanced belief 50 */
	ROW(&s, &a, "2026-11-25T20:00:00+00:00", "done", "bus", "", "50", "I'll faint", "", "", "",
	    "", "50", "");
	/* 4: 60 -> 65 (drop -5, no shift) */
	ROW(&s, &a, "2026-11-26T20:00:00+00:00", "done", "shop", "", "60", "x", "", "", "", "", "",
	    "65");
	/* 5, skipped with values: ignored */
	ROW(&s, &a, "2026-11-27T20:00:00+00:00", "skipped", "work", "", "100", "y", "100", "", "",
	    "", "100", "0");
	/* 6: no intensity, rerate 30 */
	ROW(&s, &a, "2026-11-28T20:00:00+00:00", "done", "home", "", "", "z", "", "", "", "", "",
	    "30");

	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *k = keys(&m);
	is_str(k, "intensity_mean,rerate_mean,drop_mean,belief_mean,balanced_belief_mean,no_shift",
	       "thought-record keys in order");
	free(k);
	/* before (80 + 70 + 50 + 60) / 4 = 65 */
	is_metric(&m, "intensity_mean", 65, 4, 1);
	/* after (40 + 70 + 65 + 30) / 4 = 205 / 4 = 51.25 */
	is_metric(&m, "rerate_mean", 51.25, 4, 1);
	/* drop (40 + 0 - 5) / 3 = 35 / 3 = 11.67, over records 1, 2, 4 */
	is_metric(&m, "drop_mean", 35.0 / 3, 3, 1);
	/* belief (90 + 70) / 2 = 80 */
	is_metric(&m, "belief_mean", 80, 2, 1);
	/* balanced belief (60 + 50) / 2 = 55 */
	is_metric(&m, "balanced_belief_mean", 55, 2, 1);
	/* no shift: records 2 (70 -> 70) and 4 (60 -> 65) of the 3 with both */
	is_metric(&m, "no_shift", 2, 3, 0);
	is_label(&m, "intensity_mean", "intensity before");
	is_label(&m, "rerate_mean", "intensity after (re-rated)");
	is_label(&m, "drop_mean", "drop in intensity");
	hwk_metrics_free(&m);

	/* only skipped entries: nothing */
	hwk_metrics_compute(&a, s.v + 4, 1, &m);
	is_none(&m, "intensity_mean", 1);
	is_none(&m, "drop_mean", 1);
	is_metric(&m, "no_shift", 0, 0, 0);
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
}

/* ---- activity ---- */

static void test_activity(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "activity");

	/* fields: activity, planned, predicted_mood, mood_before, mood_after, mastery,
	 * pleasure */
	/* 1: predicted 3, mood 2 -> 5 (change 3, gap 5 - 3 = 2), mastery 6, pleasure 7 */
	ROW(&s, &a, "2026-11-23T10:00:00+00:00", "done", "walk", "yes", "3", "2", "5", "6", "7");
	/* 2, partial: predicted 6, mood 4 -> 5 (change 1, gap -1), mastery 3 */
	ROW(&s, &a, "2026-11-24T10:00:00+00:00", "partial", "call", "no", "6", "4", "5", "3", "");
	/* 3: no prediction, mood 3 -> 6 (change 3), pleasure 5 */
	ROW(&s, &a, "2026-11-25T10:00:00+00:00", "done", "tidy", "", "", "3", "6", "", "5");
	/* 4: predicted 5 but no mood after: no pair; mastery 8, pleasure 4 */
	ROW(&s, &a, "2026-11-26T10:00:00+00:00", "done", "read", "", "5", "", "", "8", "4");
	/* 5, skipped: ignored */
	ROW(&s, &a, "2026-11-27T10:00:00+00:00", "skipped", "gym", "yes", "0", "0", "10", "10",
	    "10");

	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *k = keys(&m);
	is_str(k, "mastery_mean,pleasure_mean,mood_change_mean,predicted_mean,actual_mean,prediction_gap_mean",
	       "activity keys in order");
	free(k);
	/* mastery (6 + 3 + 8) / 3 = 17 / 3 */
	is_metric(&m, "mastery_mean", 17.0 / 3, 3, 1);
	/* pleasure (7 + 5 + 4) / 3 = 16 / 3 */
	is_metric(&m, "pleasure_mean", 16.0 / 3, 3, 1);
	/* change (3 + 1 + 3) / 3 = 7 / 3 */
	is_metric(&m, "mood_change_mean", 7.0 / 3, 3, 1);
	/* predicted (3 + 6) / 2 = 4.5 and actual (5 + 5) / 2 = 5 over entries 1, 2 */
	is_metric(&m, "predicted_mean", 4.5, 2, 1);
	is_metric(&m, "actual_mean", 5, 2, 1);
	/* gap (2 - 1) / 2 = 0.5 */
	is_metric(&m, "prediction_gap_mean", 0.5, 2, 1);
	is_label(&m, "mastery_mean", "mastery");
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
}

/* ---- exposure ---- */

static void test_exposure(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "exposure");

	/* fields: step, suds_before, suds_peak, suds_after, minutes, safety_behaviours.
	 * Rows out of time order; in time order they are B, C, A, D, F, G. */
	/* A, 25th: lift, peak 60, after 20 (20 <= 30: halved), 30 min */
	ROW(&s, &a, "2026-11-25T18:00:00+00:00", "done", "lift", "40", "60", "20", "30", "");
	/* B, 23rd: lift, peak 80, after 50 (50 > 40), 40 min */
	ROW(&s, &a, "2026-11-23T18:00:00+00:00", "done", "lift", "50", "80", "50", "40", "");
	/* C, 24th, partial: shop, peak 70, after 35 (35 <= 35: halved), no minutes */
	ROW(&s, &a, "2026-11-24T18:00:00+00:00", "partial", "shop", "", "70", "35", "", "");
	/* D, 26th: shop, no peak, after 10, 20 min */
	ROW(&s, &a, "2026-11-26T18:00:00+00:00", "done", "shop", "", "", "10", "20", "");
	/* E, 22nd, skipped: ignored (its step never appears) */
	ROW(&s, &a, "2026-11-22T10:00:00+00:00", "skipped", "bus", "90", "90", "0", "60", "");
	/* F, 27th 08:00 UTC (09:00+01:00): lift, peak 40, no after, 25 min */
	ROW(&s, &a, "2026-11-27T09:00:00+01:00", "done", "lift", "", "40", "", "25", "");
	/* G, 27th 08:30 UTC: lift, peak 50, after 25 (halved), 10 min. Its text sorts
	 * before F's, its moment after. */
	ROW(&s, &a, "2026-11-27T08:30:00+00:00", "done", "lift", "", "50", "25", "10", "");

	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *k = keys(&m);
	is_str(k, "peak_by_step,halved,minutes_total,minutes_mean,suds_peak_mean",
	       "exposure keys in order");
	free(k);
	/* lift first on the 23rd (80), then 25th (60), 27th 08:00Z (40), 08:30Z (50);
	 * shop first on the 24th (70; D has no peak). 5 sessions with a peak. */
	const hwk_metric *p = get(&m, "peak_by_step");
	is_str(p ? p->text : NULL, "lift: 80, 60, 40, 50; shop: 70", "peak SUDS by step");
	is_int(p ? p->n : -1, 5, "peak_by_step: n = 5 sessions with a peak");
	ok(p && isnan(p->value), "peak_by_step has no number");
	/* halved: C, A, G of the 4 with both (B, C, A, G) */
	is_metric(&m, "halved", 3, 4, 0);
	/* minutes 30 + 40 + 20 + 25 + 10 = 125 over 5; mean 25 */
	is_metric(&m, "minutes_total", 125, 5, 0);
	is_metric(&m, "minutes_mean", 25, 5, 1);
	/* peak (60 + 80 + 70 + 40 + 50) / 5 = 300 / 5 = 60 */
	is_metric(&m, "suds_peak_mean", 60, 5, 1);
	is_label(&m, "halved", "sessions where SUDS fell by half");
	hwk_metrics_free(&m);
	rows_free(&s);

	/* no sessions: an empty series, NAN means, zero counts */
	hwk_metrics_compute(&a, NULL, 0, &m);
	p = get(&m, "peak_by_step");
	is_str(p ? p->text : NULL, "", "no sessions: empty series");
	is_int(p ? p->n : -1, 0, "no sessions: n 0");
	is_metric(&m, "halved", 0, 0, 0);
	is_metric(&m, "minutes_total", 0, 0, 0);
	is_none(&m, "minutes_mean", 1);
	is_none(&m, "suds_peak_mean", 1);
	hwk_metrics_free(&m);
	hwk_assignment_free(&a);
}

/* ---- mindfulness ---- */

static void test_mindfulness(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "mindfulness");

	/* fields: practice, minutes, before, after */
	/* 1: 10 min, 6 -> 4 (change -2) */
	ROW(&s, &a, "2026-11-23T07:00:00+00:00", "done", "breathing", "10", "6", "4");
	/* 2, partial: 5 min, after 3 only */
	ROW(&s, &a, "2026-11-24T07:00:00+00:00", "partial", "body scan", "5", "", "3");
	/* 3: 20 min, 7 -> 8 (change +1) */
	ROW(&s, &a, "2026-11-25T07:00:00+00:00", "done", "breathing", "20", "7", "8");
	/* 4, skipped: ignored */
	ROW(&s, &a, "2026-11-26T07:00:00+00:00", "skipped", "", "", "", "");

	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *k = keys(&m);
	is_str(k, "sessions,minutes_total,minutes_mean,before_mean,after_mean,change_mean",
	       "mindfulness keys in order");
	free(k);
	/* sessions: 2 done + 1 partial = 3 */
	is_metric(&m, "sessions", 3, 3, 0);
	/* minutes 10 + 5 + 20 = 35; mean 35 / 3 */
	is_metric(&m, "minutes_total", 35, 3, 0);
	is_metric(&m, "minutes_mean", 35.0 / 3, 3, 1);
	/* before (6 + 7) / 2 = 6.5; after (4 + 3 + 8) / 3 = 5 */
	is_metric(&m, "before_mean", 6.5, 2, 1);
	is_metric(&m, "after_mean", 5, 3, 1);
	/* change (-2 + 1) / 2 = -0.5 */
	is_metric(&m, "change_mean", -0.5, 2, 1);
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
}

/* ---- task ---- */

static void test_task(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	builtin(&a, "task");
	ROW(&s, &a, "2026-11-23T07:00:00+00:00", "done", "");
	ROW(&s, &a, "2026-11-24T07:00:00+00:00", "skipped", "");
	hwk_metrics_compute(&a, s.v, s.n, &m);
	is_int(m.n, 0, "task: no metrics");
	ok(m.v == NULL && m.hint == NULL, "task: nothing allocated");
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
}

/* ---- custom types ---- */

static void test_custom(void)
{
	hwk_assignment a;
	rowset s = {0};
	hwk_metrics m;
	custom(&a, "urge-log",
	       "- {name: cravings, type: integer, min: 0, max: 10}\n"
	       "- {name: units, type: number, unit: drinks}\n"
	       "- {name: used, type: yesno}\n"
	       "- {name: where, type: text}\n"
	       "- {name: when_felt, type: time}\n"
	       "- {name: trigger, type: choice, choices: [stress, people, boredom]}\n");

	/* fields: cravings, units, used, where, when_felt, trigger */
	ROW(&s, &a, "2026-11-23T21:00:00+00:00", "done", "7", "2.5", "yes", "home", "21:00", "stress");
	ROW(&s, &a, "2026-11-24T21:00:00+00:00", "partial", "3", "", "no", "", "", "");
	ROW(&s, &a, "2026-11-25T21:00:00+00:00", "done", "", "1.25", "yes", "", "", "");
	ROW(&s, &a, "2026-11-26T21:00:00+00:00", "skipped", "10", "9", "yes", "", "", "");
	ROW(&s, &a, "2026-11-27T21:00:00+00:00", "done", "5", "0", "no", "", "", "");
	ROW(&s, &a, "2026-11-28T21:00:00+00:00", "done", "", "", "", "pub", "", "people");

	hwk_metrics_compute(&a, s.v, s.n, &m);
	char *k = keys(&m);
	is_str(k, "cravings_mean,cravings_min,cravings_max,units_mean,units_min,units_max,used_yes",
	       "custom keys: integer and number fields, then yesno; text, time, choice none");
	free(k);
	/* cravings (7 + 3 + 5) / 3 = 5; min 3, max 7 (the skipped 10 ignored) */
	is_metric(&m, "cravings_mean", 5, 3, 1);
	is_metric(&m, "cravings_min", 3, 3, 0);
	is_metric(&m, "cravings_max", 7, 3, 0);
	/* units (2.5 + 1.25 + 0) / 3 = 1.25; min 0, max 2.5, shown with 2 decimals (1.25) */
	is_metric(&m, "units_mean", 1.25, 3, 1);
	is_metric(&m, "units_min", 0, 3, 2);
	is_metric(&m, "units_max", 2.5, 3, 2);
	/* used: yes on 2 of the 4 with a value = 50% */
	is_metric(&m, "used_yes", 50, 4, 1);
	is_label(&m, "cravings_mean", "cravings mean");
	is_label(&m, "units_max", "units max (drinks)");
	is_label(&m, "used_yes", "used yes (%)");
	hwk_metrics_free(&m);

	/* only skipped and empty entries: NAN, n 0 */
	hwk_metrics_compute(&a, s.v + 3, 1, &m);
	is_none(&m, "cravings_mean", 1);
	is_none(&m, "cravings_min", 0);
	is_none(&m, "units_max", 0);
	is_none(&m, "used_yes", 1);
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);

	/* A custom type with a built-in's field names is not a built-in: it gets the
	 * generic numbers (time fields have none). */
	custom(&a, "sleep-log",
	       "- {name: bed, type: time}\n"
	       "- {name: wake, type: time}\n"
	       "- {name: out_of_bed, type: time}\n"
	       "- {name: quality, type: integer, min: 1, max: 5}\n");
	ROW(&s, &a, "2026-11-23T07:00:00+00:00", "done", "23:00", "06:00", "06:30", "4");
	ROW(&s, &a, "2026-11-24T07:00:00+00:00", "done", "23:30", "06:00", "06:30", "2");
	hwk_metrics_compute(&a, s.v, s.n, &m);
	k = keys(&m);
	is_str(k, "quality_mean,quality_min,quality_max", "custom sleep-log: generic numbers only");
	free(k);
	/* (4 + 2) / 2 = 3 */
	is_metric(&m, "quality_mean", 3, 2, 1);
	ok(m.hint == NULL, "custom sleep-log: no sleep hint");
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);

	/* A row shorter than the fields (an older file): the missing columns are absent. */
	custom(&a, "mood", "- {name: mood, type: integer}\n- {name: energy, type: integer}\n");
	ROW(&s, &a, "2026-11-23T07:00:00+00:00", "done", "6", "4");
	ROW(&s, &a, "2026-11-24T07:00:00+00:00", "done", "8", "2");
	free(s.v[1].cols.v[--s.v[1].cols.n]); /* drop energy from the second row */
	hwk_metrics_compute(&a, s.v, s.n, &m);
	/* mood (6 + 8) / 2 = 7; energy 4 from the first row only */
	is_metric(&m, "mood_mean", 7, 2, 1);
	is_metric(&m, "energy_mean", 4, 1, 1);
	hwk_metrics_free(&m);
	rows_free(&s);
	hwk_assignment_free(&a);
}

int main(void)
{
	test_nights();
	test_dst();
	test_sleep();
	test_sleep_hint();
	test_thought_record();
	test_activity();
	test_exposure();
	test_mindfulness();
	test_task();
	test_custom();
	return tap_done();
}
