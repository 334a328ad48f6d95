/* Unit tests for the shared helpers of issue 8: the name rule, hwk_path, and the review
 * range. */
#define _GNU_SOURCE
#include "practice.h"
#include "review.h"
#include "util.h"
#include "tap.h"

#include <stdlib.h>

static void test_names(void)
{
	ok(hwk_client_id_ok("alex"), "a client id");
	ok(hwk_client_id_ok("2b.c-d_e"), "client ids may start with a digit and hold . - _");
	ok(!hwk_client_id_ok("a..b"), "never ..");
	ok(!hwk_client_id_ok("Alex"), "no capitals");
	ok(!hwk_client_id_ok("-a"), "a letter or digit first");
	ok(!hwk_client_id_ok(""), "not empty");
	ok(hwk_name_ok("thought-record", 32, 0, "-"), "a type name");
	ok(!hwk_name_ok("1st", 32, 0, "-"), "a type name starts with a letter");
	ok(!hwk_name_ok("a_b", 32, 0, "-"), "a type name has no _");
	ok(hwk_name_ok("a_b", 32, 0, "_"), "a field name may");
	ok(!hwk_name_ok("abcde", 4, 0, "_"), "at most max bytes");
}

static void test_path(void)
{
	char *p = hwk_path(".", "client.yaml");
	is_str(p, "client.yaml", "a standalone folder adds no ./");
	free(p);
	p = hwk_path("clients/alex", "client.yaml");
	is_str(p, "clients/alex/client.yaml", "a client folder is joined with /");
	free(p);
}

static void test_range(void)
{
	hwk_assignments l = {0};
	hwk_assignment v[2] = {{0}};
	v[0].start_day = 100;
	v[1].start_day = 90;
	l.v = v;
	l.n = 2;
	time_t now = hwk_time_local(120, 10, 0, 0);
	hwk_review_ref last = {0};
	last.to = 110;
	last.reach = hwk_time_local(110, 9, 0, 0);
	last.reach_at = 1;
	hwk_day from = 0, to = 0;
	hwk_window w;
	is_int(hwk_review_range(&l, NULL, 0, 0, now, &from, &to, &w), 0, "no review: a range");
	is_int(from, 90, "no review: from the first start");
	is_int(to, 120, "up to today");
	ok(w.logged && !w.has_after && w.until == now && w.today_open,
	   "no review: every entry logged up to now, today in progress");
	is_int(hwk_review_range(&l, &last, 0, 0, now, &from, &to, &w), 0, "after a review: a range");
	is_int(from, 110, "after a review: from the day it reached");
	ok(w.logged && w.has_after && w.after == last.reach, "after a review: logged after it");
	from = 50;
	is_int(hwk_review_range(&l, &last, 1, 0, now, &from, &to, &w), 0, "--since: kept");
	is_int(from, 50, "--since is not moved");
	ok(!w.logged && w.today_open, "--since: a range of days, today in progress");
	to = 115;
	is_int(hwk_review_range(&l, &last, 0, 1, now, &from, &to, &w), 0, "--until: kept");
	ok(from == 110 && to == 115 && !w.logged, "--until is not moved, a range of days");
	last.reach = hwk_time_local(121, 0, 0, 0);
	is_int(hwk_review_range(&l, &last, 0, 0, now, &from, &to, &w), 1,
	       "a last review reaching past today: an empty range");
	w.logged = 1;
	ok(hwk_review_nothing_new(&w, 120, 120, NULL, 0), "nothing logged, today alone: nothing new");
	ok(!hwk_review_nothing_new(&w, 119, 120, NULL, 0), "a day over since: news");
	w.logged = 0;
	ok(!hwk_review_nothing_new(&w, 120, 120, NULL, 0), "a range of days is shown");
}

int main(void)
{
	test_names();
	test_path();
	test_range();
	return tap_done();
}
