/* Unit tests for lib/assignment.c, in a temporary client folder: a file read and written
 * back byte for byte, load errors placed at line:col, finding an assignment by id, id
 * prefix or type name (with the messages for ambiguous, ended and unknown ones), and
 * changes recorded in the history, and an ended assignment's stay in its folder and
 * year folder. Times are in Europe/Berlin. */
#define _GNU_SOURCE

#include "assignment.h"
#include "entries.h"
#include "err.h"
#include "capture.h"
#include "tap.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *emit(const hwk_assignment *a)
{
	hwk_buf b = {0};
	hwk_assignment_emit(a, &b);
	return b.s;
}

/* 2026-12-04T16:40:00+01:00 (date -d ... +%s) */
#define NOW 1796398800L

#define SLEEP_ID "2026-11-27-sleep-3fa9"

/* The canonical file's history: assigned, then every changed once. */
#define SLEEP_HISTORY \
	"history:\n" \
	"- at: 2026-11-27T17:02:11+01:00\n" \
	"  change: assigned\n" \
	"- at: 2026-12-01T09:00:00+01:00\n" \
	"  change: every\n" \
	"  from: 5/week\n" \
	"  to: day\n"

/* The canonical text: what emit writes, key order fixed. */
static const char *const canonical =
	"# hwk assignment (see hwk(5)); its entries are in " SLEEP_ID ".csv\n"
	"id: " SLEEP_ID "\n"
	"client: alex\n"
	"type: sleep\n"
	"title: Sleep diary\n"
	"every: day\n"
	"start: 2026-11-27\n"
	"until: 2026-12-25\n"
	"when: on waking\n"
	"where: kitchen table\n"
	"minimum: bed and wake times only\n"
	"instructions: |\n"
	"  Fill it in within an hour of getting up.\n"
	"  Bring it to the next session.\n"
	"status: active\n"
	"fields:\n"
	TU_FIELDS_BED_SOL
	"  prompt: Minutes to fall asleep\n"
	SLEEP_HISTORY;

static void test_round_trip(void)
{
	tu_write_str("c/" SLEEP_ID ".yaml", canonical);
	hwk_assignment a;
	cap_start();
	int rc = hwk_assignment_load("c/" SLEEP_ID ".yaml", &a);
	const char *msg = cap_end();
	is_int(rc, 0, "the canonical file loads");
	is_str(msg, "", "no message");
	if (rc < 0)
		return;
	is_str(a.id, SLEEP_ID, "id");
	is_str(a.client, "alex", "client");
	is_str(a.type, "sleep", "type");
	is_str(a.instructions, "Fill it in within an hour of getting up.\nBring it to the next session.\n",
	       "instructions, two lines");
	is_str(a.yaml_path, "c/" SLEEP_ID ".yaml", "yaml_path");
	is_str(a.csv_path, "c/" SLEEP_ID ".csv", "csv_path next to it");
	is_int(a.start_day, hwk_day_from_ymd(2026, 11, 27), "start day");
	is_int(a.until_day, hwk_day_from_ymd(2026, 12, 25), "until day");
	is_int(a.ev.kind, HWK_EVERY_DAY, "every day");
	is_int(a.fields.n, 2, "two fields");
	is_int(a.nhistory, 2, "two history records");
	is_str(a.history[1].from, "5/week", "history from");
	char *out = emit(&a);
	is_str(out, canonical, "emit gives the file back byte for byte");
	free(out);
	char *hdr = hwk_entries_header(&a);
	is_str(hdr, "at,logged,status,reason,note,bed,sol,replaces\n", "the entries header");
	free(hdr);
	ok(hwk_assignment_active_on(&a, hwk_day_from_ymd(2026, 11, 27)), "active on its start");
	ok(hwk_assignment_active_on(&a, hwk_day_from_ymd(2026, 12, 25)), "active on its last day");
	ok(!hwk_assignment_active_on(&a, hwk_day_from_ymd(2026, 11, 26)), "not the day before");
	ok(!hwk_assignment_active_on(&a, hwk_day_from_ymd(2026, 12, 26)), "not the day after");
	hwk_assignment_free(&a);

	/* optional keys left out; values that look typed are quoted; flow style read */
	const char *loose = "{id: 2026-11-28-task-0a0b, client: alex, type: task, every: once,\n"
			    " start: '2026-11-28', when: '21:30', where: 'yes', status: active,\n"
			    " fields: [], history: []}\n";
	tu_write_str("c/2026-11-28-task-0a0b.yaml", loose);
	rc = hwk_assignment_load("c/2026-11-28-task-0a0b.yaml", &a);
	is_int(rc, 0, "a flow-style file loads");
	if (rc < 0)
		return;
	is_int(a.until_day, HWK_DAY_NONE, "no until: open");
	out = emit(&a);
	const char *want = "# hwk assignment (see hwk(5)); its entries are in 2026-11-28-task-0a0b.csv\n"
			   "id: 2026-11-28-task-0a0b\n"
			   "client: alex\n"
			   "type: task\n"
			   "every: once\n"
			   "start: 2026-11-28\n"
			   "when: '21:30'\n"
			   "where: 'yes'\n"
			   "status: active\n"
			   "fields: []\n"
			   "history: []\n";
	is_str(out, want, "emit: canonical form, optional keys left out, typed-looking text quoted");
	/* and the canonical text reads back to the same */
	tu_write_str("c/2026-11-28-task-0a0b.yaml", out);
	hwk_assignment b;
	is_int(hwk_assignment_load("c/2026-11-28-task-0a0b.yaml", &b), 0, "canonical form reads back");
	char *out2 = emit(&b);
	is_str(out2, want, "and emits the same text");
	is_str(b.when, "21:30", "'21:30' read as text");
	is_str(b.where, "yes", "'yes' read as text");
	free(out2);
	hwk_assignment_free(&b);
	free(out);
	hwk_assignment_free(&a);
	unlink("c/2026-11-28-task-0a0b.yaml");
}

static void bad_file(const char *text, const char *want, const char *why)
{
	tu_write_str("c/2026-11-29-task-1111.yaml", text);
	hwk_assignment a;
	cap_start();
	int rc = hwk_assignment_load("c/2026-11-29-task-1111.yaml", &a);
	const char *msg = cap_end();
	is_int(rc, -1, "load refused: %s", why);
	is_str(msg, want, "load message: %s", why);
	if (rc == 0)
		hwk_assignment_free(&a);
	unlink("c/2026-11-29-task-1111.yaml");
}

static void test_load_errors(void)
{
#define HEAD "id: 2026-11-29-task-1111\nclient: alex\ntype: task\n"
#define F "hwk: c/2026-11-29-task-1111.yaml:"
	bad_file("id: 2026-11-29-task-2222\nclient: alex\ntype: task\nevery: day\nstart: 2026-11-29\nstatus: active\n",
		 F "1:5: 'id' is '2026-11-29-task-2222' but the file is 2026-11-29-task-1111.yaml (ID.yaml, or ID.ended-UNTIL.yaml once ended)\n",
		 "id differs from the file name");
	bad_file(HEAD "every: day\nstart: 2026-11-29\nstatus: paused\n",
		 F "6:9: 'status' must be active or ended\n", "bad status");
	bad_file(HEAD "every: often\nstart: 2026-11-29\nstatus: active\n",
		 F "4:8: 'every' is not a frequency\n", "bad every");
	bad_file(HEAD "every: day\nstart: 2026-11-31\nstatus: active\n",
		 F "5:8: 'start' must be a date (YYYY-MM-DD)\n", "bad start");
	bad_file(HEAD "every: day\nstart: 2026-11-29\nuntil: soon\nstatus: active\n",
		 F "6:8: 'until' must be a date (YYYY-MM-DD)\n", "bad until");
	bad_file("id: 2026-11-29-task-1111\ntype: task\nevery: day\nstart: 2026-11-29\nstatus: active\n",
		 F "1:1: 'client' is missing\n", "no client");
	bad_file(HEAD "every: day\nstart: 2026-11-29\nstatus: active\ncolour: red\n",
		 F "7:1: unknown key 'colour'\n", "unknown key");
	bad_file(HEAD "every: day\nstart: 2026-11-29\nstatus: active\nhistory: yes\n",
		 F "7:10: 'history' must be a list\n", "history not a list");
	bad_file(HEAD "every: day\nstart: 2026-11-29\nstatus: active\nhistory:\n- change: assigned\n",
		 F "8:3: 'at' is missing\n", "a history record without at");
	bad_file(HEAD "every: day\nstart: 2026-11-29\nstatus: active\nfields:\n- {name: note, type: text}\n",
		 F "8:10: 'note' is a column of every entry; choose another field name\n",
		 "a reserved field name");
	bad_file("- a\n", F "1:1: an assignment file must be a mapping\n", "a list");
	bad_file("", "hwk: c/2026-11-29-task-1111.yaml: an assignment file must be a mapping\n",
		 "an empty file");
#undef HEAD
#undef F
}

static const char *const ids[] = {
	/* id, type, status */
	"2026-11-01-sleep-aaaa", "sleep", "ended",
	"2026-11-20-sleep-bbbb", "sleep", "active",
	"2026-11-20-thought-record-cccc", "thought-record", "active",
	"2026-11-21-activity-dddd", "activity", "active",
	"2026-11-22-activity-eeee", "activity", "active",
	"2026-11-23-exposure-ffff", "exposure", "ended",
	NULL,
};

static void find_err(const hwk_assignments *l, const char *spec, const char *want)
{
	cap_start();
	long i = hwk_assignments_find(l, spec);
	const char *msg = cap_end();
	is_int(i, -1, "find '%s': -1", spec);
	is_str(msg, want, "find '%s': message", spec);
}

static void test_find(void)
{
	mkdir("f", 0700);
	/* written out of order: the list comes back sorted by id */
	for (int k = 5; k >= 0; k--) {
		const char *const *r = &ids[k * 3];
		char *path = hwk_xasprintf("f/%s.yaml", r[0]);
		char *text = hwk_xasprintf("id: %s\nclient: alex\ntype: %s\nevery: day\n"
					   "start: 2026-11-01\nstatus: %s\n",
					   r[0], r[1], r[2]);
		tu_write_str(path, text);
		free(path);
		free(text);
	}
	tu_write_str("f/client.yaml", "id: alex\n");
	tu_write_str("f/.hidden.yaml", "not: an assignment\n");
	tu_write_str("f/notes.txt", "x\n");
	hwk_assignments l;
	cap_start();
	int rc = hwk_assignments_load("f", HWK_CURRENT, &l);
	const char *msg = cap_end();
	is_int(rc, 0, "the folder loads");
	is_str(msg, "", "no message (client.yaml and dot files skipped)");
	is_int(l.n, 6, "six assignments");
	int sorted = 1;
	for (size_t i = 0; i < l.n && i < 6; i++)
		sorted &= !strcmp(l.v[i].id, ids[i * 3]);
	ok(sorted, "sorted by id");

	is_int(hwk_assignments_find(&l, "2026-11-01-sleep-aaaa"), 0, "an exact id (even ended)");
	is_int(hwk_assignments_find(&l, "sleep"), 1, "a type with one active assignment");
	is_int(hwk_assignments_find(&l, "thought-record"), 2, "thought-record");
	is_int(hwk_assignments_find(&l, "2026-11-21"), 3, "a unique id prefix");
	is_int(hwk_assignments_find(&l, "2026-11-20-t"), 2, "a longer unique prefix");
	is_int(hwk_assignments_find(&l, "2026-11-23-exposure-ffff"), 5, "an ended one by id");
	find_err(&l, "activity",
		 "hwk: activity: more than one active activity assignment; give its id:\n"
		 "  2026-11-21-activity-dddd\n"
		 "  2026-11-22-activity-eeee\n");
	/* 2026-11-2 starts indexes 1 to 5 */
	find_err(&l, "2026-11-2",
		 "hwk: 2026-11-2: ambiguous; it starts 5 assignment ids:\n"
		 "  2026-11-20-sleep-bbbb\n"
		 "  2026-11-20-thought-record-cccc\n"
		 "  2026-11-21-activity-dddd\n"
		 "  2026-11-22-activity-eeee\n"
		 "  2026-11-23-exposure-ffff\n");
	find_err(&l, "exposure",
		 "hwk: exposure: the exposure assignment 2026-11-23-exposure-ffff has ended\n");
	find_err(&l, "nosuch", "hwk: nosuch: no such assignment (see 'hwk list assignments')\n");
	find_err(&l, "2027", "hwk: 2027: no such assignment (see 'hwk list assignments')\n");
	find_err(&l, "Sleep", "hwk: Sleep: no such assignment (see 'hwk list assignments')\n");

	size_t idx = 99;
	is_int(hwk_assignments_match(&l, "sleep", &idx), 1, "match: one");
	is_int(idx, 1, "match: its index");
	is_int(hwk_assignments_match(&l, "activity", &idx), 2, "match: ambiguous");
	is_int(hwk_assignments_match(&l, "nosuch", &idx), 0, "match: none");
	hwk_assignments_free(&l);
	is_int(l.n, 0, "assignments_free empties");

	hwk_assignments none;
	is_int(hwk_assignments_load("missing-folder", HWK_CURRENT, &none), 0,
	       "a missing folder: no assignments");
	is_int(none.n, 0, "none");

	/* one bad file spoils the folder, with its message */
	tu_write_str("f/2026-11-24-task-0000.yaml", "id: 2026-11-24-task-0000\n");
	cap_start();
	rc = hwk_assignments_load("f", HWK_CURRENT, &l);
	msg = cap_end();
	is_int(rc, -1, "a bad file in the folder: -1");
	is_str(msg, "hwk: f/2026-11-24-task-0000.yaml:1:1: 'client' is missing\n", "its message");
	is_int(l.n, 0, "nothing loaded");

	for (int k = 0; ids[k * 3]; k++) {
		char *path = hwk_xasprintf("f/%s.yaml", ids[k * 3]);
		unlink(path);
		free(path);
	}
	unlink("f/2026-11-24-task-0000.yaml");
	unlink("f/client.yaml");
	unlink("f/.hidden.yaml");
	unlink("f/notes.txt");
	rmdir("f");
}

static void set_err(hwk_assignment *a, const char *key, const char *value, const char *want)
{
	size_t nh = a->nhistory;
	cap_start();
	int rc = hwk_assignment_set(a, key, value, NOW);
	const char *msg = cap_end();
	is_int(rc, -1, "set %s: refused", key);
	is_str(msg, want, "set %s: message", key);
	is_int(a->nhistory, nh, "set %s: no history record", key);
}

static void test_set(void)
{
	hwk_assignment a;
	if (hwk_assignment_load("c/" SLEEP_ID ".yaml", &a) < 0) {
		ok(0, "canonical file loads for set");
		return;
	}
	is_int(hwk_assignment_set(&a, "when", "after breakfast", NOW), 1, "set when: changed");
	is_str(a.when, "after breakfast", "when is new");
	is_int(hwk_assignment_set(&a, "when", "after breakfast", NOW), 0, "set when again: the same");
	is_int(hwk_assignment_set(&a, "every", "daily", NOW), 0, "every daily is day: the same");
	is_int(hwk_assignment_set(&a, "every", "fri,mon", NOW), 1, "set every fri,mon");
	is_str(a.every, "mon,fri", "stored as mon,fri");
	is_int(a.ev.kind, HWK_EVERY_DAYS, "every derived again");
	is_int(hwk_assignment_set(&a, "until", NULL, NOW), 1, "clear until");
	ok(a.until == NULL && a.until_day == HWK_DAY_NONE, "until cleared, open-ended");
	is_int(hwk_assignment_set(&a, "until", NULL, NOW), 0, "clear until again: the same");
	is_int(hwk_assignment_set(&a, "where", "", NOW), 1, "an empty where clears it");
	ok(a.where == NULL, "where cleared");
	is_int(hwk_assignment_set(&a, "where", "", NOW), 0, "clearing again: the same");
	is_int(hwk_assignment_set(&a, "minimum", "21:30", NOW), 1, "minimum set to 21:30");
	is_int(a.nhistory, 2 + 5, "five changes recorded");

	set_err(&a, "every", "often",
		"hwk: every: often is not a frequency (day, weekday, N/week, mon,wed,fri or once)\n");
	set_err(&a, "until", "2026-11-01", "hwk: until: 2026-11-01 is before the start, 2026-11-27\n");
	set_err(&a, "until", "soon", "hwk: until: soon is not a date\n");
	set_err(&a, "status", "ended", "hwk: status: cannot be changed\n");
	set_err(&a, "start", "2026-11-01", "hwk: start: cannot be changed\n");
	set_err(&a, "when", "bad \xff", "hwk: when: the text is not valid UTF-8\n");

	cap_start();
	int rc = hwk_assignment_end(&a, hwk_day_from_ymd(2026, 11, 26), NOW);
	is_str(cap_end(), "hwk: " SLEEP_ID ": cannot end before its start, 2026-11-27\n",
	       "end before the start: message");
	is_int(rc, -1, "end before the start: -1");
	is_int(hwk_assignment_end(&a, hwk_day_from_ymd(2026, 12, 4), NOW), 0, "end on 4 Dec");
	is_str(a.status, "ended", "status ended");
	is_str(a.until, "2026-12-04", "until the end day");
	cap_start();
	rc = hwk_assignment_end(&a, hwk_day_from_ymd(2026, 12, 5), NOW);
	is_str(cap_end(), "hwk: " SLEEP_ID ": already ended\n", "ending twice: message");
	is_int(rc, -1, "ending twice: -1");

	char *out = emit(&a);
	const char *tail = strstr(out, "history:\n");
	is_str(tail,
	       SLEEP_HISTORY
	       "- at: 2026-12-04T16:40:00+01:00\n"
	       "  change: when\n"
	       "  from: on waking\n"
	       "  to: after breakfast\n"
	       "- at: 2026-12-04T16:40:00+01:00\n"
	       "  change: every\n"
	       "  from: day\n"
	       "  to: mon,fri\n"
	       "- at: 2026-12-04T16:40:00+01:00\n"
	       "  change: until\n"
	       "  from: '2026-12-25'\n"
	       "- at: 2026-12-04T16:40:00+01:00\n"
	       "  change: where\n"
	       "  from: kitchen table\n"
	       "- at: 2026-12-04T16:40:00+01:00\n"
	       "  change: minimum\n"
	       "  from: bed and wake times only\n"
	       "  to: '21:30'\n"
	       "- at: 2026-12-04T16:40:00+01:00\n"
	       "  change: ended\n"
	       "  to: '2026-12-04'\n",
	       "history records, in order, with their times (dates in from/to are text: quoted)");
	ok(strstr(out, "\nevery: mon,fri\n") && strstr(out, "\nuntil: 2026-12-04\n") &&
		   !strstr(out, "\nwhere:") && strstr(out, "\nstatus: ended\n") &&
		   strstr(out, "\nminimum: '21:30'\n"),
	   "the changed keys in the file");

	/* save: an ended assignment's file takes its end day into its name, in the folder
	 * while its stay lasts (HWK_ENDED_STAY days); it reads back the same */
	setenv("HWK_NOW", "2026-12-04T17:00:00+01:00", 1);
	is_int(hwk_assignment_save(&a, 0), 0, "save (replace)");
	is_str(tu_content("c/" SLEEP_ID ".ended-2026-12-04.yaml"), out,
	       "the file is the emitted text");
	ok(access("c/" SLEEP_ID ".yaml", F_OK) != 0 && access("c/ended", F_OK) != 0,
	   "under its new name in the folder only");
	hwk_assignment b;
	is_int(hwk_assignment_load("c/" SLEEP_ID ".ended-2026-12-04.yaml", &b), 0,
	       "it reads back");
	char *out2 = emit(&b);
	is_str(out2, out, "and emits the same");
	free(out2);
	hwk_assignment_free(&b);
	free(a.yaml_path);
	a.yaml_path = hwk_xstrdup("c/" SLEEP_ID ".ended-2026-12-04.yaml");
	cap_start();
	rc = hwk_assignment_save(&a, 1);
	unsetenv("HWK_NOW");
	is_str(cap_end(), "hwk: c/" SLEEP_ID ".ended-2026-12-04.yaml: already exists\n",
	       "save (create) refuses");
	is_int(rc, -1, "save (create) over an existing file: -1");
	free(out);
	hwk_assignment_free(&a);

	/* ending after the last day has passed: it ended on its last day */
	tu_write_str("c/" SLEEP_ID ".yaml", canonical);
	if (hwk_assignment_load("c/" SLEEP_ID ".yaml", &a) == 0) {
		is_int(hwk_assignment_end(&a, hwk_day_from_ymd(2027, 1, 5), NOW), 0,
		       "end after until has passed");
		is_str(a.until, "2026-12-25", "until stays its last day");
		is_str(a.history[a.nhistory - 1].to, "2026-12-25", "recorded as ended then");
		hwk_assignment_free(&a);
	}
}

static void test_new_id(void)
{
	char *id = hwk_assignment_new_id(hwk_day_from_ymd(2026, 11, 27), "thought-record");
	int good = strlen(id) == strlen("2026-11-27-thought-record-") + 4 &&
		   !strncmp(id, "2026-11-27-thought-record-", 26) &&
		   strspn(id + 26, "0123456789abcdef") == 4;
	ok(good, "new id: date, type, four hex digits (%s)", id);
	free(id);
}

/* An assignment file in p/ (until_line NULL: open). */
static void period_file(const char *name, const char *id, const char *start,
			const char *until_line, const char *status)
{
	char *path = hwk_xasprintf("p/%s", name);
	char *text = hwk_xasprintf("id: %s\nclient: alex\ntype: task\nevery: day\nstart: %s\n"
				   "%sstatus: %s\n",
				   id, start, until_line ? until_line : "", status);
	tu_write_str(path, text);
	free(path);
	free(text);
}

/* Is id among what was loaded? */
static int loaded(const hwk_assignments *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].id, id))
			return 1;
	return 0;
}

/* The pre-filters of hwk_assignments_load_period (surely_outside, ended_before) at their
 * boundaries: from 2026-11-10, to 2026-11-20. A file the filters skip holds text that
 * does not parse, so a filter that lets it through fails the load; a file on a boundary
 * that the filters must keep parses and belongs in the period. */
static void test_load_period(void)
{
	static const char *const bad = "id: [not, an, assignment\n";
	hwk_day from = hwk_day_from_ymd(2026, 11, 10), to = hwk_day_from_ymd(2026, 11, 20);
	mkdir("p", 0700);
	/* kept: starts on to; until == from; ended on from; an odd until line read in full */
	period_file("2026-11-20-task-0001.yaml", "2026-11-20-task-0001", "2026-11-20", NULL,
		    "active");
	period_file("2026-11-01-task-0003.yaml", "2026-11-01-task-0003", "2026-11-01",
		    "until: 2026-11-10\n", "active");
	period_file("2026-11-01-task-0005.ended-2026-11-10.yaml", "2026-11-01-task-0005",
		    "2026-11-01", "until: 2026-11-10\n", "ended");
	period_file("2026-11-01-task-0006.yaml", "2026-11-01-task-0006", "2026-11-01",
		    "until: '2026-11-10'\n", "active");
	period_file("2026-11-01-task-0007.yaml", "2026-11-01-task-0007", "2026-11-01",
		    "until: 2026-11-10 # a comment\n", "active");
	/* dropped after reading in full: the odd until line is before from */
	period_file("2026-11-01-task-0008.yaml", "2026-11-01-task-0008", "2026-11-01",
		    "until: '2026-11-09'\n", "active");
	/* skipped unread: starts the day after to (by its name); until the day before from
	 * (by its until line, the rest unreadable); ended the day before from (by its name) */
	tu_write_str("p/2026-11-21-task-0002.yaml", bad);
	tu_write_str("p/2026-11-01-task-0004.yaml", "id: [\nuntil: 2026-11-09\n"); /* until last */
	tu_write_str("p/2026-11-01-task-0009.ended-2026-11-09.yaml", bad);
	tu_write_str("p/x.ended-2026-11-09.yaml", bad); /* the shortest ended name */
	hwk_strs names = {0};
	hwk_assignments l = {0};
	is_int(hwk_dir_yaml_names("p", &names), 0, "period: names listed");
	cap_start();
	int rc = hwk_assignments_load_period("p", &names, from, to, &l);
	const char *msg = cap_end();
	is_int(rc, 0, "period: loads (what the filters skip is never parsed)");
	is_str(msg, "", "period: no message");
	ok(loaded(&l, "2026-11-20-task-0001"), "period: starting on to is kept");
	ok(loaded(&l, "2026-11-01-task-0003"), "period: until == from is kept");
	ok(loaded(&l, "2026-11-01-task-0005"), "period: ended on from (its name) is kept");
	ok(loaded(&l, "2026-11-01-task-0006"), "period: a quoted until is read in full");
	ok(loaded(&l, "2026-11-01-task-0007"), "period: an until with a comment is read in full");
	ok(!loaded(&l, "2026-11-01-task-0008"), "period: a quoted until before from is dropped");
	is_int(l.n, 5, "period: five in all");
	hwk_assignments_free(&l);

	/* the file starting the day after to is skipped by its name alone: with to a day
	 * later it is read, and fails */
	hwk_strs one = {0};
	hwk_strs_push(&one, hwk_xstrdup("2026-11-21-task-0002.yaml"));
	cap_start();
	rc = hwk_assignments_load_period("p", &one, from, to + 1, &l);
	msg = cap_end();
	is_int(rc, -1, "period: to a day later, the unreadable file is read (and fails)");
	hwk_assignments_free(&l);
	hwk_strs_free(&one);

	/* ended/YYYY/: read too, each known from its name (start in the id, until after
	 * it), for a period that starts HWK_ENDED_RECENT days before today or earlier */
	mkdir("p/ended", 0700);
	mkdir("p/ended/2026", 0700);
	setenv("HWK_NOW", "2026-12-09T09:00:00+01:00", 1); /* from is 29 days before */
	period_file("ended/2026/2026-11-01-task-0010.ended-2026-11-10.yaml", "2026-11-01-task-0010",
		    "2026-11-01", "until: 2026-11-10\n", "ended");
	tu_write_str("p/ended/2026/2026-11-01-task-0011.ended-2026-11-09.yaml", bad);
	tu_write_str("p/ended/2026/2026-11-21-task-0012.ended-2026-11-25.yaml", bad);
	cap_start();
	rc = hwk_assignments_load_period("p", &names, from, to, &l);
	msg = cap_end();
	is_int(rc, 0, "period: ended/ loads (those outside by their names never parsed)");
	is_str(msg, "", "period: ended/: no message");
	ok(loaded(&l, "2026-11-01-task-0010"), "period: one in ended/ ended on from is kept");
	is_int(l.n, 6, "period: six in all");
	hwk_assignments_free(&l);
	/* a day earlier, from is recent: ended/ is not read (what is there ended more than
	 * HWK_ENDED_STAY days before it was moved) */
	setenv("HWK_NOW", "2026-12-08T09:00:00+01:00", 1);
	rc = hwk_assignments_load_period("p", &names, from, to, &l);
	ok(rc == 0 && !loaded(&l, "2026-11-01-task-0010") && l.n == 5,
	   "period: from within HWK_ENDED_RECENT days of today: ended/ not read");
	hwk_assignments_free(&l);
	unsetenv("HWK_NOW");
	unlink("p/ended/2026/2026-11-01-task-0010.ended-2026-11-10.yaml");
	unlink("p/ended/2026/2026-11-01-task-0011.ended-2026-11-09.yaml");
	unlink("p/ended/2026/2026-11-21-task-0012.ended-2026-11-25.yaml");
	rmdir("p/ended/2026");
	rmdir("p/ended");

	for (size_t i = 0; i < names.n; i++) {
		char *path = hwk_xasprintf("p/%s", names.v[i]);
		unlink(path);
		free(path);
	}
	hwk_strs_free(&names);
	rmdir("p");
}

/* Which folder the loaders read: the folder alone for today (HWK_CURRENT), ended/ too for
 * a period; a move into ended/ a crash stopped reads as the ended file in ended/, its
 * entries wherever they are. */
static void test_load_ended(void)
{
	hwk_assignments l = {0};
	hwk_period all = {HWK_DAY_NONE, HWK_DAY_NONE, 0};
	mkdir("p", 0700);
	mkdir("p/ended", 0700);
	mkdir("p/ended/2026", 0700);
	period_file("2026-11-01-task-0001.yaml", "2026-11-01-task-0001", "2026-11-01", NULL,
		    "active");
	tu_write_str("p/ended/2026/2026-11-01-task-0002.ended-2026-11-10.yaml", "id: [\n");
	cap_start();
	int rc = hwk_assignments_load("p", HWK_CURRENT, &l);
	is_str(cap_end(), "", "current: no message (ended/ not read)");
	is_int(rc, 0, "current: loads");
	is_int(l.n, 1, "current: the folder's one");
	hwk_assignments_free(&l);
	cap_start();
	rc = hwk_assignments_load("p", &all, &l);
	cap_end();
	is_int(rc, -1, "a period: ended/ is read (its bad file fails)");
	hwk_assignments_free(&l);

	/* a crash stopped the move: the file in both places, the entries still in the folder */
	period_file("ended/2026/2026-11-01-task-0002.ended-2026-11-10.yaml", "2026-11-01-task-0002",
		    "2026-11-01", "until: 2026-11-10\n", "ended");
	period_file("2026-11-01-task-0002.ended-2026-11-10.yaml", "2026-11-01-task-0002",
		    "2026-11-01", "until: 2026-11-10\n", "ended");
	tu_write_str("p/2026-11-01-task-0002.csv", "at,logged,status,reason,note\n");
	cap_start();
	rc = hwk_assignments_load("p", &all, &l);
	is_str(cap_end(), "", "half moved: no message");
	is_int(rc, 0, "half moved: loads");
	is_int(l.n, 2, "half moved: each once");
	if (l.n == 2) {
		is_str(l.v[1].yaml_path, "p/ended/2026/2026-11-01-task-0002.ended-2026-11-10.yaml",
		       "half moved: the one in ended/ holds");
		is_str(l.v[1].csv_path, "p/2026-11-01-task-0002.csv",
		       "half moved: its entries where they are");
	}
	hwk_assignments_free(&l);
	/* a name the folder has not: found in ended/, to say it has ended */
	unlink("p/2026-11-01-task-0002.ended-2026-11-10.yaml");
	is_int(hwk_assignments_load_for("p", "2026-11-01-task-0002", &l), 0, "by id: loads");
	is_int(l.n, 1, "by id: the one in ended/");
	hwk_assignments_free(&l);
	unlink("p/ended/2026/2026-11-01-task-0002.ended-2026-11-10.yaml");
	unlink("p/2026-11-01-task-0002.csv");
	unlink("p/2026-11-01-task-0001.yaml");
	rmdir("p/ended/2026");
	rmdir("p/ended");
	rmdir("p");
}

/* An ended assignment's 31 days in its folder after its last day, and the path of its
 * year folder. */
static void test_ended_stay(void)
{
	hwk_day today = hwk_day_from_ymd(2026, 12, 28);
	is_int(hwk_ended_stay_over("2026-11-26", today), 1, "stay: over 32 days after its last day");
	is_int(hwk_ended_stay_over("2026-11-27", today), 0, "stay: not over 31 days after");
	is_int(hwk_ended_stay_over("2026-12-28", today), 0, "stay: not over on its last day");
	is_int(hwk_ended_stay_over("2025-12-31", today), 1, "stay: over, a year before");
	is_int(hwk_ended_stay_over("2026-01-01", HWK_DAY_NONE), 0, "stay: not over on no day");
	static const struct {
		const char *dir, *year, *want, *what;
	} years[] = {
		{"clients/alex", "2026-11-26", "clients/alex/ended/2026", "year folder: of an UNTIL"},
		{".", "2025", "./ended/2025", "year folder: of a year folder's name"},
	};
	for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
		char *y = hwk_ended_year_dir(years[i].dir, years[i].year);
		is_str(y, years[i].want, "%s", years[i].what);
		free(y);
	}
}

int main(void)
{
	tu_enter_temp("assignment", "c");
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	hwk_time_zone_changed();
	hwk_err_setcmd(NULL);
	test_round_trip();
	test_load_errors();
	test_find();
	test_set();
	test_new_id();
	test_load_period();
	test_load_ended();
	test_ended_stay();
	unlink("c/" SLEEP_ID ".yaml");
	rmdir("c");
	tu_leave_temp();
	return tap_done();
}
