/* Unit tests for lib/ladder.c: the done rule (hwk(5) LADDER) at and around each of its
 * edges, --step arguments (good and bad), the history text both ways, the ladder as it
 * was on a day from the history (hwk_assignment_ladder_on), how a step is named when logging (number, exact name,
 * unique start, ambiguous, unknown), and a ladder's progress over hand-made sessions
 * (every expected number worked out by hand beside it). */
#define _GNU_SOURCE

#include "assignment.h"
#include "ladder.h"
#include "types.h"
#include "capture.h"
#include "rows.h" /* builtin() */
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void test_rule(void)
{
	/* no target: the latest at or below half the first, with two peaks or more */
	ok(hwk_step_done(2, 60, 30, HWK_NO_TARGET), "60 then 30: half, done");
	ok(!hwk_step_done(2, 60, 31, HWK_NO_TARGET), "60 then 31: above half, not done");
	ok(hwk_step_done(2, 55, 27, HWK_NO_TARGET), "55 then 27: 27 <= 27.5, done");
	ok(!hwk_step_done(2, 55, 28, HWK_NO_TARGET), "55 then 28: 28 > 27.5, not done");
	ok(!hwk_step_done(1, 60, 10, HWK_NO_TARGET), "one session is never done");
	ok(!hwk_step_done(0, NAN, NAN, HWK_NO_TARGET), "no session: not done");
	ok(hwk_step_done(2, 0, 0, HWK_NO_TARGET), "0 then 0: at half of 0, done");
	/* a target: the latest at or below it, whatever the first */
	ok(hwk_step_done(2, 80, 30, 30), "target 30, latest 30: done");
	ok(!hwk_step_done(2, 80, 31, 30), "target 30, latest 31: not done");
	ok(hwk_step_done(3, 20, 20, 30), "target 30, 20 then 20 (never halved): done");
	ok(!hwk_step_done(2, 80, 40, 30), "target 30, 80 then 40 (halved): not done");
	ok(!hwk_step_done(1, 20, 20, 30), "target 30, one session: not done");
}

static void test_args(void)
{
	hwk_ladder l = {0};
	is_int(hwk_ladder_add_arg(&l, "lift, 1 floor=40", 0, 100), 0, "a name with a comma");
	is_int(hwk_ladder_add_arg(&l, "a=b=60/30", 0, 100), 0, "the name up to the last '='");
	is_int(l.n, 2, "two steps");
	is_str(l.v[0].name, "lift, 1 floor", "step 1's name");
	is_int(l.v[0].expected, 40, "step 1 expected 40");
	is_int(l.v[0].target, HWK_NO_TARGET, "step 1: no target");
	is_str(l.v[1].name, "a=b", "step 2's name keeps its '='");
	is_int(l.v[1].target, 30, "step 2's target");
	/* each refused with its message, nothing added */
	static const struct {
		const char *arg;
		int lo, hi;
		const char *msg;
	} bad[] = {
		{"stairs", 0, 100, "stairs: give NAME=EXPECTED[/TARGET], the SUDS the client "
				   "expects (0-100), as \"lift, 1 floor\"=40"},
		{"stairs=101", 0, 100, "stairs=101: the expected SUDS must be a whole number "
				       "from 0 to 100"},
		{"stairs=4.5", 0, 100, "stairs=4.5: the expected SUDS must be a whole number "
				       "from 0 to 100"},
		{"stairs=", 0, 100, "stairs=: the expected SUDS must be a whole number from 0 "
				    "to 100"},
		/* the scale is the assignment's */
		{"stairs=40/x", 1, 10, "stairs=40/x: the expected SUDS must be a whole number "
				       "from 1 to 10"},
		{"stairs=5/-1", 1, 10, "stairs=5/-1: the target SUDS must be a whole number "
				       "from 1 to 10"},
		{"lift, 1 floor=50", 0, 100, "lift, 1 floor: a step of that name is already on "
					     "the ladder"},
		{"12=50", 0, 100, "12=50: the name must not be a number (numbers pick steps by "
				  "their place)"},
		{"=50", 0, 100, "=50: a step needs a name"},
		{" lift=50", 0, 100, " lift=50: the name must not start or end with a space"},
		/* a tab made visible in the message */
		{"a\tb=50", 0, 100, "a\\tb=50: the name must be one line without control "
				   "characters"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char want[256];
		snprintf(want, sizeof want, "hwk: --step: %s\n", bad[i].msg);
		is_captured(hwk_ladder_add_arg(&l, bad[i].arg, bad[i].lo, bad[i].hi), -1,
			    "refused", want, "its message");
	}
	is_int(l.n, 2, "nothing added by the refused ones");

	/* the history text, and back */
	char *t = hwk_ladder_text(&l);
	is_str(t, "lift, 1 floor=40\na=b=60/30", "the history text");
	hwk_ladder back;
	is_int(hwk_ladder_from_text(t, &back), 0, "read back");
	ok(hwk_ladder_same(&l, &back), "the same ladder");
	free(t);
	hwk_ladder_free(&back);
	hwk_ladder none = {0};
	ok(hwk_ladder_text(&none) == NULL, "no step: no text");
	is_int(hwk_ladder_from_text(NULL, &back), 0, "no text: no step");
	is_int(back.n, 0, "none");
	is_int(hwk_ladder_from_text("stairs", &back), -1, "not a ladder text");
	hwk_ladder_free(&l);
}

static void test_find(void)
{
	hwk_ladder l = {0};
	hwk_ladder_add_arg(&l, "lift, 1 floor=40", 0, 100);
	hwk_ladder_add_arg(&l, "lift, 3 floors=60", 0, 100);
	hwk_ladder_add_arg(&l, "stairs=70", 0, 100);
	hwk_ladder_add_arg(&l, "lift=30", 0, 100);
	is_int(hwk_ladder_find(&l, "2"), 1, "by number");
	is_int(hwk_ladder_find(&l, "lift"), 3, "an exact name first, though others start so");
	is_int(hwk_ladder_find(&l, "st"), 2, "a unique start");
	is_int(hwk_ladder_find(&l, "lift, 3"), 1, "a unique start with a comma");
	const char *steps = "  1 lift, 1 floor\n  2 lift, 3 floors\n  3 stairs\n  4 lift\n";
	char want[512];
	snprintf(want, sizeof want, "hwk: step: 5 is not a step of the ladder; its steps:\n%s",
		 steps);
	is_captured(hwk_ladder_find(&l, "5"), -1, "5 of 4", want, "5: the steps listed");
	snprintf(want, sizeof want, "hwk: step: 0 is not a step of the ladder; its steps:\n%s",
		 steps);
	is_captured(hwk_ladder_find(&l, "0"), -1, "0", want, "0: the steps listed");
	snprintf(want, sizeof want, "hwk: step: bus is not a step of the ladder; its steps:\n%s",
		 steps);
	is_captured(hwk_ladder_find(&l, "bus"), -1, "unknown name", want, "bus: listed");
	snprintf(want, sizeof want, "hwk: step: Lift is not a step of the ladder; its steps:\n%s",
		 steps);
	is_captured(hwk_ladder_find(&l, "Lift"), -1, "names are matched with their case", want,
		    "Lift: listed");
	snprintf(want, sizeof want, "hwk: step: lift, is more than one step of the ladder; give "
		 "its number or more of its name:\n%s", steps);
	is_captured(hwk_ladder_find(&l, "lift,"), -1, "ambiguous start", want,
		    "ambiguous: listed");
	hwk_ladder_free(&l);
}

static void test_on(void)
{
	hwk_assignment a;
	builtin(&a, "exposure");
	hwk_ladder_add_arg(&a.ladder, "lift=40", 0, 100);
	hwk_ladder_add_arg(&a.ladder, "stairs=70/20", 0, 100);
	/* made with "lift=50" on the 20th; changed on the 23rd to lift=40, stairs=70/20 */
	hwk_assignment_add_change(&a, 0, "assigned", NULL, NULL);
	free(a.history[0].at);
	a.history[0].at = hwk_xstrdup("2026-11-20T10:00:00+01:00");
	hwk_assignment_add_change(&a, 0, "ladder", "lift=50", "lift=40\nstairs=70/20");
	free(a.history[1].at);
	a.history[1].at = hwk_xstrdup("2026-11-23T10:00:00+01:00");
	hwk_ladder l;
	hwk_assignment_ladder_on(&a, hwk_day_from_ymd(2026, 11, 22), &l);
	is_int(l.n, 1, "on the 22nd: the ladder before the change");
	is_int(l.n ? l.v[0].expected : -1, 50, "lift expected 50 then");
	hwk_ladder_free(&l);
	hwk_assignment_ladder_on(&a, hwk_day_from_ymd(2026, 11, 23), &l);
	ok(hwk_ladder_same(&l, &a.ladder), "on the day of the change: the new one");
	hwk_ladder_free(&l);
	hwk_assignment_ladder_on(&a, hwk_day_from_ymd(2026, 12, 1), &l);
	ok(hwk_ladder_same(&l, &a.ladder), "later: the ladder now");
	hwk_ladder_free(&l);
	hwk_assignment_free(&a);
}

static void test_progress(void)
{
	hwk_ladder l = {0};
	hwk_ladder_progress p;
	hwk_ladder_add_arg(&l, "lift=40", 0, 100);
	hwk_ladder_add_arg(&l, "shop=60/30", 0, 100);
	hwk_ladder_add_arg(&l, "bus=70", 0, 100);
	hwk_ladder_add_arg(&l, "train=90", 0, 100);
	/* the sessions (done and partial entries) in the order of at */
	hwk_session s[] = {
		{"lift", 70},
		{"lift", 50},
		{"shop", 80},
		{"lift", NAN},  /* no peak */
		{"lift", 35},   /* 35 <= 70 / 2 */
		{"shop", 40},   /* 40 > target 30 */
		{"walk", 20},   /* on no step */
		{NULL, 20},     /* no step given */
		{"train", 10},  /* one session */
		{"shop", 30},   /* taken in below */
	};
	size_t n = sizeof s / sizeof *s;
	hwk_ladder_progress_make(&l, s, n - 1, &p);
	is_int(p.n, 4, "four steps");
	/* lift: 4 sessions, 3 with a peak: 70 first, 35 latest: done */
	is_int(p.v[0].sessions, 4, "lift: 4 sessions");
	is_int(p.v[0].peaks, 3, "lift: 3 with a peak");
	ok(p.v[0].first == 70 && p.v[0].latest == 35, "lift: 70 to 35");
	ok(p.v[0].done, "lift done");
	/* shop: 80 then 40, target 30: not done */
	is_int(p.v[1].sessions, 2, "shop: 2 sessions");
	ok(!p.v[1].done, "shop not done (40 above its target 30, though halved)");
	/* bus: nothing */
	is_int(p.v[2].sessions, 0, "bus: no session");
	ok(isnan(p.v[2].first) && !p.v[2].done, "bus: no peak, not done");
	ok(!p.v[3].done, "train: one session, not done");
	is_int(p.next, 1, "next: shop, the first not done");
	is_int(p.off, 2, "walk and the one without a step are on no step");
	char *t = hwk_step_progress_str(&p.v[0]);
	is_str(t, "lift (expected 40): 4 sessions, peak 70 to 35, done", "lift as shown");
	free(t);
	t = hwk_step_progress_str(&p.v[1]);
	is_str(t, "shop (expected 60, target 30): 2 sessions, peak 80 to 40", "shop as shown");
	free(t);
	t = hwk_step_progress_str(&p.v[2]);
	is_str(t, "bus (expected 70): 0 sessions", "bus as shown");
	free(t);
	t = hwk_step_progress_str(&p.v[3]);
	is_str(t, "train (expected 90): 1 session, peak 10 to 10", "train as shown");
	free(t);
	hwk_buf b = {0};
	hwk_ladder_progress_json(&p, &b);
	is_str(b.s,
	       "[{\"step\":1,\"name\":\"lift\",\"expected\":40,\"target\":null,\"sessions\":4,"
	       "\"first_peak\":70,\"latest_peak\":35,\"done\":true},"
	       "{\"step\":2,\"name\":\"shop\",\"expected\":60,\"target\":30,\"sessions\":2,"
	       "\"first_peak\":80,\"latest_peak\":40,\"done\":false},"
	       "{\"step\":3,\"name\":\"bus\",\"expected\":70,\"target\":null,\"sessions\":0,"
	       "\"first_peak\":null,\"latest_peak\":null,\"done\":false},"
	       "{\"step\":4,\"name\":\"train\",\"expected\":90,\"target\":null,\"sessions\":1,"
	       "\"first_peak\":10,\"latest_peak\":10,\"done\":false}]",
	       "as JSON");
	hwk_buf_free(&b);
	hwk_ladder_progress_free(&p);

	/* shop down to 30 later: done; bus and train are left: next bus */
	hwk_ladder_progress_make(&l, s, n, &p);
	ok(p.v[1].done, "shop at its target 30: done");
	is_int(p.next, 2, "next: bus");
	hwk_ladder_progress_free(&p);

	/* every step done */
	hwk_ladder two = {0};
	hwk_ladder_add_arg(&two, "lift=40", 0, 100);
	hwk_ladder_add_arg(&two, "shop=60/30", 0, 100);
	hwk_ladder_progress_make(&two, s, n, &p);
	is_int(p.next, -1, "every step done: no next");
	is_int(p.off, 3, "walk, the one without a step and train: on no step of this ladder");
	hwk_ladder_progress_free(&p);
	hwk_ladder_free(&two);
	hwk_ladder_free(&l);
}

int main(void)
{
	test_rule();
	test_args();
	test_find();
	test_on();
	test_progress();
	return tap_done();
}
