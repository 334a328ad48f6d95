/* Unit tests for lib/types.c: the built-in types against the brief's table, checking a
 * value against each kind of field (normalised values and exact messages), the fields
 * list of a type or assignment file (its errors placed at line:col), and custom types
 * read from types/NAME.yaml in a temporary practice folder. */
#define _GNU_SOURCE

#include "err.h"
#include "capture.h"
#include "tap.h"
#include "testutil.h"
#include "types.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ---- */

/* "name kind[*] [min-max] [unit]" for each field, joined by "; " (owned). A * marks a
 * required field; the range is what hwk_field_range says for numbers. */
static char *describe(const hwk_fields *fs)
{
	hwk_buf b = {0};
	hwk_buf_adds(&b, "");
	for (size_t i = 0; i < fs->n; i++) {
		const hwk_field *f = &fs->v[i];
		if (i)
			hwk_buf_adds(&b, "; ");
		hwk_buf_printf(&b, "%s %s%s", f->name, hwk_ftype_name(f->type), f->required ? "*" : "");
		if (f->has_min || f->has_max) {
			char *r = hwk_field_range(f);
			hwk_buf_printf(&b, " %s", r);
			free(r);
		}
		if (f->unit)
			hwk_buf_printf(&b, " %s", f->unit);
		if (f->choices.n)
			for (size_t c = 0; c < f->choices.n; c++)
				hwk_buf_printf(&b, "%s%s", c ? "|" : " [", f->choices.v[c]);
		if (f->choices.n)
			hwk_buf_adds(&b, "]");
	}
	return b.s;
}

/* Parse YAML text into fields: 0 and *out, or -1 and the message in *msg. */
static int fields_from(const char *yaml, hwk_fields *out, const char **msg)
{
	hwk_ynode *root;
	cap_start();
	int rc = hwk_yaml_parse("f.yaml", yaml, strlen(yaml), &root);
	if (rc == 0)
		rc = hwk_fields_parse("f.yaml", root, out);
	*msg = cap_end();
	hwk_ynode_free(root);
	return rc;
}

static void bad_fields(const char *yaml, const char *want, const char *why)
{
	hwk_fields fs = {(hwk_field *)1, 99};
	const char *msg;
	int rc = fields_from(yaml, &fs, &msg);
	is_int(rc, -1, "fields refused: %s", why);
	is_str(msg, want, "fields message: %s", why);
	ok(fs.v == NULL && fs.n == 0, "fields left empty: %s", why);
	if (rc == 0)
		hwk_fields_free(&fs);
}

/* s with control characters as \n \r \t \xHH, for test names (rotating buffers). */
static const char *vis(const char *s)
{
	static char bufs[4][256];
	static int k;
	char *b = bufs[k++ % 4];
	size_t n = 0;
	for (; *s && n + 5 < sizeof bufs[0]; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			n += (size_t)snprintf(b + n, 5, "\\n");
		else if (c < 0x20 || c == 0x7f)
			n += (size_t)snprintf(b + n, 5, "\\x%02x", c);
		else
			b[n++] = (char)c;
	}
	b[n] = 0;
	return b;
}

/* Check value against f: want_norm on success, or NULL and the message want_msg. */
static void check(const hwk_field *f, const char *value, const char *want_norm,
		  const char *want_msg)
{
	char *norm = (char *)1;
	cap_start();
	int rc = hwk_field_check(f, value, &norm);
	const char *msg = cap_end();
	if (want_norm) {
		is_int(rc, 0, "%s: '%s' accepted", f->name, vis(value));
		is_str(rc == 0 ? norm : NULL, want_norm, "%s: '%s' stored as '%s'", f->name, vis(value),
		       vis(want_norm));
		is_str(msg, "", "%s: '%s' no message", f->name, vis(value));
		if (rc == 0)
			free(norm);
	} else {
		is_int(rc, -1, "%s: '%s' refused", f->name, vis(value));
		ok(norm == NULL, "%s: '%s' no value", f->name, vis(value));
		is_str(msg, want_msg, "%s: '%s' message", f->name, vis(value));
		if (rc == 0)
			free(norm);
	}
}

/* ---- built-in types ---- */

static void test_builtins(void)
{
	const char *const *names = hwk_builtin_types();
	hwk_buf all = {0};
	hwk_buf_adds(&all, "");
	for (const char *const *n = names; *n; n++)
		hwk_buf_printf(&all, "%s%s", n == names ? "" : " ", *n);
	is_str(all.s, "thought-record activity exposure sleep mindfulness task",
	       "the six built-in types, in order");
	hwk_buf_free(&all);
	ok(hwk_is_builtin_type("sleep"), "sleep is built in");
	ok(!hwk_is_builtin_type("Sleep"), "Sleep (capital) is not");
	ok(!hwk_is_builtin_type("worry-time"), "worry-time is not");
	ok(!hwk_is_builtin_type(""), "the empty name is not");

	/* From the brief's table: required fields marked *, the scales given there. Scales the
	 * table leaves open (sol, awakenings, waso, minutes) are the library's choices:
	 * minutes in a night up to 12 h, up to 50 awakenings, exposure up to a day. */
	static const struct {
		const char *name, *title, *fields;
	} want[] = {
		{"thought-record", "Thought record",
		 "situation text*; emotion text; intensity integer 0-100; thought text*; "
		 "belief integer 0-100; evidence_for text; evidence_against text; balanced text; "
		 "balanced_belief integer 0-100; rerate integer 0-100"},
		{"activity", "Activity (behavioural activation)",
		 "activity text*; planned yesno; predicted_mood integer 0-10; mood_before integer 0-10; "
		 "mood_after integer 0-10; mastery integer 0-10; pleasure integer 0-10"},
		{"exposure", "Exposure",
		 "step text*; suds_before integer 0-100; suds_peak integer 0-100; "
		 "suds_after integer 0-100; minutes integer 0-1440 min; safety_behaviours text"},
		{"sleep", "Sleep diary",
		 "bed time*; lights_out time; sol integer 0-720 min; awakenings integer 0-50; "
		 "waso integer 0-720 min; wake time*; out_of_bed time*; quality integer 1-5"},
		{"mindfulness", "Mindfulness practice",
		 "practice text*; minutes integer* 1-600 min; before integer 0-10; after integer 0-10"},
		{"task", "Task", ""},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		hwk_type t;
		cap_start();
		int rc = hwk_type_load(want[i].name, 0, &t);
		const char *msg = cap_end();
		is_int(rc, 0, "%s loads", want[i].name);
		is_str(msg, "", "%s: no message", want[i].name);
		if (rc < 0)
			continue;
		is_str(t.name, want[i].name, "%s: name", want[i].name);
		is_str(t.title, want[i].title, "%s: title", want[i].name);
		is_str(t.source, "builtin", "%s: source", want[i].name);
		char *d = describe(&t.fields);
		is_str(d, want[i].fields, "%s: fields, kinds, required and ranges", want[i].name);
		free(d);
		for (size_t k = 0; k < t.fields.n; k++)
			ok(t.fields.v[k].prompt && *t.fields.v[k].prompt, "%s.%s has a prompt",
			   want[i].name, t.fields.v[k].name);
		hwk_type_free(&t);
	}

	hwk_type t;
	cap_start();
	int rc = hwk_type_load("nosuch", 0, &t);
	is_str(cap_end(), "hwk: nosuch: no such type (see 'hwk types')\n", "unknown type message");
	is_int(rc, -1, "unknown type: -1");
	cap_start();
	rc = hwk_type_load("Bad_Name", 0, &t);
	is_str(cap_end(), "hwk: Bad_Name: not a type name (letters, digits and -)\n",
	       "bad type name message");
	is_int(rc, -1, "bad type name: -1");
	cap_start();
	rc = hwk_type_load("../etc/passwd", 1, &t);
	is_str(cap_end(), "hwk: ../etc/passwd: not a type name (letters, digits and -)\n",
	       "a path is not a type name");
	is_int(rc, -1, "a path: -1");
}

/* ---- field checks ---- */

static void test_field_checks(void)
{
	hwk_type tr, sl, ac;
	if (hwk_type_load("thought-record", 0, &tr) < 0 || hwk_type_load("sleep", 0, &sl) < 0 ||
	    hwk_type_load("activity", 0, &ac) < 0) {
		ok(0, "built-ins load");
		return;
	}
	const hwk_field *intensity = hwk_fields_find(&tr.fields, "intensity");
	const hwk_field *situation = hwk_fields_find(&tr.fields, "situation");
	const hwk_field *bed = hwk_fields_find(&sl.fields, "bed");
	const hwk_field *quality = hwk_fields_find(&sl.fields, "quality");
	const hwk_field *planned = hwk_fields_find(&ac.fields, "planned");
	ok(intensity && situation && bed && quality && planned, "fields found by name");
	ok(hwk_fields_find(&sl.fields, "nope") == NULL, "an unknown field: NULL");

	/* integer, 0-100; with no command the prefix is "hwk: " */
	hwk_err_setcmd(NULL);
	check(intensity, "140", NULL, "hwk: intensity: 140 is above the maximum 100\n");
	check(intensity, "-1", NULL, "hwk: intensity: -1 is below the minimum 0\n");
	check(intensity, "101", NULL, "hwk: intensity: 101 is above the maximum 100\n");
	check(intensity, "100", "100", NULL);
	check(intensity, "0", "0", NULL);
	check(intensity, "50", "50", NULL);
	check(intensity, "007", "7", NULL); /* stored as plain decimal */
	check(intensity, "-0", "0", NULL);
	check(intensity, "abc", NULL, "hwk: intensity: abc is not a whole number\n");
	check(intensity, "1.5", NULL, "hwk: intensity: 1.5 is not a whole number\n");
	check(intensity, "+5", NULL, "hwk: intensity: +5 is not a whole number\n");
	check(intensity, " 5", NULL, "hwk: intensity:  5 is not a whole number\n");
	check(intensity, "", NULL, "hwk: intensity:  is not a whole number\n");
	check(intensity, "99999999999999999999", NULL,
	      "hwk: intensity: 99999999999999999999 is not a whole number\n");
	check(quality, "0", NULL, "hwk: quality: 0 is below the minimum 1\n");
	check(quality, "6", NULL, "hwk: quality: 6 is above the maximum 5\n");
	check(quality, "5", "5", NULL);
	/* the brief's own example, with the command set */
	hwk_err_setcmd("log");
	check(intensity, "140", NULL, "hwk log: intensity: 140 is above the maximum 100\n");
	hwk_err_setcmd(NULL);

	/* time: H:MM or HH:MM, stored HH:MM */
	check(bed, "7:05", "07:05", NULL);
	check(bed, "07:05", "07:05", NULL);
	check(bed, "23:59", "23:59", NULL);
	check(bed, "0:00", "00:00", NULL);
	check(bed, "00:00", "00:00", NULL);
	check(bed, "24:00", NULL, "hwk: bed: 24:00 is not a time of day (HH:MM)\n");
	check(bed, "7:5", NULL, "hwk: bed: 7:5 is not a time of day (HH:MM)\n");
	check(bed, "12:60", NULL, "hwk: bed: 12:60 is not a time of day (HH:MM)\n");
	check(bed, "7.05", NULL, "hwk: bed: 7.05 is not a time of day (HH:MM)\n");
	check(bed, "123:00", NULL, "hwk: bed: 123:00 is not a time of day (HH:MM)\n");
	check(bed, "-1:00", NULL, "hwk: bed: -1:00 is not a time of day (HH:MM)\n");
	check(bed, "", NULL, "hwk: bed:  is not a time of day (HH:MM)\n");
	check(bed, "7pm", NULL, "hwk: bed: 7pm is not a time of day (HH:MM)\n");

	/* yes/no */
	static const char *const yes[] = {"y", "Y", "yes", "YES", "Yes", "true", "TRUE", "1", NULL};
	static const char *const no[] = {"n", "N", "no", "NO", "false", "False", "0", NULL};
	for (const char *const *v = yes; *v; v++)
		check(planned, *v, "yes", NULL);
	for (const char *const *v = no; *v; v++)
		check(planned, *v, "no", NULL);
	check(planned, "maybe", NULL, "hwk: planned: maybe is not yes or no\n");
	check(planned, "2", NULL, "hwk: planned: 2 is not yes or no\n");
	check(planned, "", NULL, "hwk: planned:  is not yes or no\n");
	check(planned, "yess", NULL, "hwk: planned: yess is not yes or no\n");

	/* text: anything valid UTF-8, kept as given */
	check(situation, "At work, 9:00 \"meeting\"", "At work, 9:00 \"meeting\"", NULL);
	check(situation, "two\nlines\n", "two\nlines\n", NULL);
	check(situation, "caf\xc3\xa9 \xf0\x9f\x99\x82", "caf\xc3\xa9 \xf0\x9f\x99\x82", NULL);
	check(situation, "", "", NULL);
	check(situation, "bad \xff byte", NULL, "hwk: situation: the text is not valid UTF-8\n");
	check(situation, "overlong \xc0\xaf", NULL, "hwk: situation: the text is not valid UTF-8\n");
	check(situation, "surrogate \xed\xa0\x80", NULL,
	      "hwk: situation: the text is not valid UTF-8\n");
	check(situation, "cut \xe6\x97", NULL, "hwk: situation: the text is not valid UTF-8\n");
	check(intensity, "5\xff", NULL, "hwk: intensity: the text is not valid UTF-8\n");

	/* ranges as shown in help and prompts */
	char *r = hwk_field_range(intensity);
	is_str(r, "0-100", "range of intensity");
	free(r);
	r = hwk_field_range(bed);
	is_str(r, "HH:MM", "range of a time");
	free(r);
	r = hwk_field_range(planned);
	is_str(r, "yes/no", "range of yes/no");
	free(r);
	r = hwk_field_range(situation);
	is_str(r, "text", "range of text");
	free(r);

	hwk_type_free(&tr);
	hwk_type_free(&sl);
	hwk_type_free(&ac);
}

static void test_custom_field_checks(void)
{
	hwk_fields fs;
	const char *msg;
	int rc = fields_from("- {name: weight, type: number, min: 0.5, max: 9.5}\n"
			     "- {name: score, type: number}\n"
			     "- {name: count, type: integer}\n"
			     "- {name: floor, type: integer, min: -5}\n"
			     "- {name: ceiling, type: integer, max: 10}\n"
			     "- {name: day, type: date}\n"
			     "- {name: mood, type: choice, choices: [calm, tense, 'very low']}\n",
			     &fs, &msg);
	is_int(rc, 0, "custom fields parse");
	is_str(msg, "", "custom fields: no message");
	if (rc < 0)
		return;
	char *d = describe(&fs);
	is_str(d, "weight number 0.5-9.5; score number; count integer; floor integer -5 or more; "
		  "ceiling integer 10 or less; day date; mood choice [calm|tense|very low]",
	       "custom fields described");
	free(d);
	const hwk_field *weight = &fs.v[0], *score = &fs.v[1], *count = &fs.v[2],
			*floor_ = &fs.v[3], *ceiling = &fs.v[4], *day = &fs.v[5], *mood = &fs.v[6];

	/* number: a plain decimal, stored as given */
	check(weight, "1.5", "1.5", NULL);
	check(weight, "1.50", "1.50", NULL);
	check(weight, "9.5", "9.5", NULL);
	check(weight, "0.5", "0.5", NULL);
	check(weight, "10", NULL, "hwk: weight: 10 is above the maximum 9.5\n");
	check(weight, "0.25", NULL, "hwk: weight: 0.25 is below the minimum 0.5\n");
	check(weight, "1e3", NULL, "hwk: weight: 1e3 is not a number\n");
	check(weight, ".5", NULL, "hwk: weight: .5 is not a number\n");
	check(weight, "5.", NULL, "hwk: weight: 5. is not a number\n");
	check(weight, "1,5", NULL, "hwk: weight: 1,5 is not a number\n");
	check(weight, "nan", NULL, "hwk: weight: nan is not a number\n");
	check(score, "-2.25", "-2.25", NULL);
	check(score, "123456", "123456", NULL);
	check(count, "-40", "-40", NULL);
	check(floor_, "-6", NULL, "hwk: floor: -6 is below the minimum -5\n");
	check(floor_, "-5", "-5", NULL);
	check(ceiling, "11", NULL, "hwk: ceiling: 11 is above the maximum 10\n");
	check(ceiling, "-100", "-100", NULL);

	/* date: a real YYYY-MM-DD */
	check(day, "2026-11-27", "2026-11-27", NULL);
	check(day, "2028-02-29", "2028-02-29", NULL);
	check(day, "2026-02-29", NULL, "hwk: day: 2026-02-29 is not a date (YYYY-MM-DD)\n");
	check(day, "2026-1-5", NULL, "hwk: day: 2026-1-5 is not a date (YYYY-MM-DD)\n");
	check(day, "27.11.2026", NULL, "hwk: day: 27.11.2026 is not a date (YYYY-MM-DD)\n");
	check(day, "2026-11-27T10:00", NULL,
	      "hwk: day: 2026-11-27T10:00 is not a date (YYYY-MM-DD)\n");

	/* choice: exactly one of the words */
	check(mood, "calm", "calm", NULL);
	check(mood, "very low", "very low", NULL);
	check(mood, "Calm", NULL, "hwk: mood: Calm is not one of calm|tense|very low\n");
	check(mood, "", NULL, "hwk: mood:  is not one of calm|tense|very low\n");

	char *r = hwk_field_range(weight);
	is_str(r, "0.5-9.5", "range of a number");
	free(r);
	r = hwk_field_range(score);
	is_str(r, "number", "range of an open number");
	free(r);
	r = hwk_field_range(count);
	is_str(r, "whole number", "range of an open integer");
	free(r);
	r = hwk_field_range(day);
	is_str(r, "YYYY-MM-DD", "range of a date");
	free(r);

	/* names, copy, emit */
	char *names = hwk_fields_names(&fs);
	is_str(names, "weight, score, count, floor, ceiling, day, mood", "fields_names");
	free(names);
	hwk_fields empty = {NULL, 0};
	names = hwk_fields_names(&empty);
	is_str(names, "none", "fields_names of none");
	free(names);

	hwk_fields cp;
	hwk_fields_copy(&cp, &fs);
	char *d1 = describe(&fs), *d2 = describe(&cp);
	is_str(d2, d1, "fields_copy: the same fields");
	ok(cp.v[6].choices.v != fs.v[6].choices.v && cp.v[0].name != fs.v[0].name,
	   "fields_copy: its own memory");
	free(d1);
	free(d2);
	hwk_fields_free(&fs);
	/* the copy outlives the original (ASan sees any shared pointer) */
	check(&cp.v[6], "tense", "tense", NULL);
	hwk_fields_free(&cp);
	is_int(cp.n, 0, "fields_free empties");
}

static void test_fields_emit(void)
{
	hwk_fields fs;
	const char *msg;
	const char *src = TU_FIELDS_BED_SOL
			  "- name: mood\n"
			  "  type: choice\n"
			  "  choices:\n"
			  "  - calm\n"
			  "  - 'yes'\n"
			  "- name: dose\n"
			  "  type: number\n"
			  "  min: 0.25\n"
			  "  max: 2.5\n";
	is_int(fields_from(src, &fs, &msg), 0, "emit source parses");
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_fields_emit(w, &fs);
	hwk_yw_end(w);
	/* keys in the fixed order name, type, required, min, max, unit, choices, prompt */
	is_str(b.s, src, "fields_emit writes the same text back");
	hwk_buf_free(&b);
	hwk_fields_free(&fs);

	is_int(fields_from("[]\n", &fs, &msg), 0, "an empty list of fields");
	is_int(fs.n, 0, "no fields");
	hwk_fields_free(&fs);
	is_int(fields_from("~\n", &fs, &msg), 0, "null fields");
	is_int(fs.n, 0, "no fields either");
	hwk_fields_free(&fs);
	is_int(fields_from("- {name: a, type: text, required: yes}\n"
			   "- {name: abcdefghijklmnopqrstuvwxyz012345, type: text, required: no}\n",
			   &fs, &msg),
	       0, "required yes/no, a 32-character name");
	is_int(fs.n == 2 && fs.v[0].required && !fs.v[1].required, 1, "required read");
	hwk_fields_free(&fs);
}

static void test_fields_errors(void)
{
	bad_fields("a: b\n", "hwk: f.yaml:1:1: 'fields' must be a list\n", "a mapping");
	bad_fields("text\n", "hwk: f.yaml:1:1: 'fields' must be a list\n", "a scalar");
	bad_fields("- just text\n",
		   "hwk: f.yaml:1:3: a field must be a mapping with 'name' and 'type'\n",
		   "an item that is text");
	/* line 3: colour at 3:3 */
	bad_fields("- name: x\n  type: text\n  colour: red\n",
		   "hwk: f.yaml:3:3: unknown key 'colour'\n", "unknown key");
	bad_fields("- type: text\n", "hwk: f.yaml:1:3: 'name' is missing\n", "no name");
	bad_fields("- name: x\n", "hwk: f.yaml:1:3: 'type' is missing\n", "no type");
	bad_fields("- name: [x]\n  type: text\n", "hwk: f.yaml:1:9: 'name' must be text\n",
		   "a list as the name");
	/* the name value at 1:9 */
	bad_fields("- name: Mood\n  type: text\n",
		   "hwk: f.yaml:1:9: field name 'Mood' must be a lower-case letter then letters, digits or _ (at most 32)\n",
		   "capital letter");
	bad_fields("- name: sleep-time\n  type: text\n",
		   "hwk: f.yaml:1:9: field name 'sleep-time' must be a lower-case letter then letters, digits or _ (at most 32)\n",
		   "a dash");
	bad_fields("- name: 1st\n  type: text\n",
		   "hwk: f.yaml:1:9: field name '1st' must be a lower-case letter then letters, digits or _ (at most 32)\n",
		   "a digit first");
	bad_fields("- name: _x\n  type: text\n",
		   "hwk: f.yaml:1:9: field name '_x' must be a lower-case letter then letters, digits or _ (at most 32)\n",
		   "an underscore first");
	bad_fields("- name: ''\n  type: text\n",
		   "hwk: f.yaml:1:9: field name '' must be a lower-case letter then letters, digits or _ (at most 32)\n",
		   "empty name");
	bad_fields("- name: abcdefghijklmnopqrstuvwxyz0123456\n  type: text\n",
		   "hwk: f.yaml:1:9: field name 'abcdefghijklmnopqrstuvwxyz0123456' must be a lower-case letter then letters, digits or _ (at most 32)\n",
		   "33 characters");
	static const char *const reserved[] = {"at", "logged", "status", "reason", "note",
					       "client", "assignment", "type", NULL};
	for (const char *const *r = reserved; *r; r++) {
		char *yaml = hwk_xasprintf("- name: ok\n  type: text\n- name: %s\n  type: text\n", *r);
		char *want = hwk_xasprintf(
			"hwk: f.yaml:3:9: '%s' is a column of every entry; choose another field name\n", *r);
		char *why = hwk_xasprintf("reserved name %s", *r);
		bad_fields(yaml, want, why);
		free(yaml);
		free(want);
		free(why);
	}
	bad_fields("- name: x\n  type: float\n",
		   "hwk: f.yaml:2:9: 'type' must be one of text, integer, number, time, date, yesno, choice\n",
		   "unknown kind");
	bad_fields("- name: x\n  type: Text\n",
		   "hwk: f.yaml:2:9: 'type' must be one of text, integer, number, time, date, yesno, choice\n",
		   "kind in capitals");
	bad_fields("- name: x\n  type: text\n  required: maybe\n",
		   "hwk: f.yaml:3:13: 'required' must be true or false\n", "required: maybe");
	bad_fields("- name: x\n  type: integer\n  min: low\n",
		   "hwk: f.yaml:3:8: 'min' must be a number\n", "min: low");
	bad_fields("- name: x\n  type: integer\n  max: 1e3\n",
		   "hwk: f.yaml:3:8: 'max' must be a number\n", "max: 1e3");
	bad_fields("- name: x\n  type: text\n  min: 1\n",
		   "hwk: f.yaml:3:8: 'min' and 'max' are only for integer and number fields\n",
		   "min on text");
	bad_fields("- name: x\n  type: time\n  max: 5\n",
		   "hwk: f.yaml:3:8: 'min' and 'max' are only for integer and number fields\n",
		   "max on a time");
	bad_fields("- name: x\n  type: integer\n  min: 0.5\n",
		   "hwk: f.yaml:3:8: 'min' and 'max' of an integer field must be whole numbers\n",
		   "fractional min of an integer");
	bad_fields("- name: x\n  type: integer\n  min: 0\n  max: 9.5\n",
		   "hwk: f.yaml:4:8: 'min' and 'max' of an integer field must be whole numbers\n",
		   "fractional max of an integer");
	/* 'max' is below 'min': placed at max's value, 4:8 */
	bad_fields("- name: mood\n  type: integer\n  min: 10\n  max: 5\n",
		   "hwk: f.yaml:4:8: 'max' is below 'min'\n", "max below min");
	bad_fields("- name: c\n  type: choice\n",
		   "hwk: f.yaml:1:3: a choice field needs 'choices', a list of words\n",
		   "choice without choices");
	bad_fields("- name: c\n  type: choice\n  choices: []\n",
		   "hwk: f.yaml:3:12: a choice field needs 'choices', a list of words\n",
		   "empty choices");
	bad_fields("- name: c\n  type: choice\n  choices: calm\n",
		   "hwk: f.yaml:3:12: a choice field needs 'choices', a list of words\n",
		   "choices as text");
	bad_fields("- name: c\n  type: choice\n  choices: [a, [b]]\n",
		   "hwk: f.yaml:3:16: each choice must be a word or a short phrase\n",
		   "a list as a choice");
	bad_fields("- name: c\n  type: choice\n  choices: [a, '']\n",
		   "hwk: f.yaml:3:16: each choice must be a word or a short phrase\n",
		   "an empty choice");
	bad_fields("- name: c\n  type: text\n  choices: [a]\n",
		   "hwk: f.yaml:3:12: 'choices' is only for choice fields\n", "choices on text");
	/* the second x, an item at 3:3 */
	bad_fields("- name: x\n  type: text\n- name: x\n  type: integer\n",
		   "hwk: f.yaml:3:3: field 'x' is defined twice\n", "a name twice");
}

/* The check that no field is defined twice must not cost work quadratic in the fields
 * (comparing each name with all before it did: a type of 30,000 fields took seconds to
 * list). The work is counted, not timed: sorting n names takes at most about n log2 n
 * comparisons, and finding the pairs n more; every pair would be n(n-1)/2, 450 million
 * for 30000. Which field is named, and the order of the errors, stay as they were. */
static unsigned long field_compares(int nfields, int dup, const char **msg)
{
	hwk_buf b = {0};
	for (int i = 0; i < nfields; i++)
		hwk_buf_printf(&b, "- name: f%d\n  type: text\n", i);
	if (dup)
		hwk_buf_printf(&b, "- name: f%d\n  type: text\n", nfields / 2);
	hwk_fields fs = {0};
	unsigned long before = hwk_fields_name_compares();
	int rc = fields_from(b.s, &fs, msg);
	unsigned long n = hwk_fields_name_compares() - before;
	if (rc == 0)
		hwk_fields_free(&fs);
	hwk_buf_free(&b);
	return (rc == 0) == !dup ? n : 0;
}

static void test_many_fields(void)
{
	const char *msg;
	unsigned long n = field_compares(30000, 0, &msg);
	/* 30000 * log2(30000) is about 446,000 */
	ok(n > 0 && n < 30000UL * 16 + 30000, "30000 fields: %lu name comparisons, not ~450 million", n);
	n = field_compares(30000, 1, &msg);
	ok(n > 0 && n < 30001UL * 16 + 30001, "30000 fields and one twice: %lu comparisons", n);
	is_str(msg, "hwk: f.yaml:60001:3: field 'f15000' is defined twice\n",
	       "the field named twice is found where it is");
	/* the first defined twice, in the list's order, is the one named */
	bad_fields("- name: b\n  type: text\n- name: a\n  type: text\n- name: a\n  type: text\n"
		   "- name: b\n  type: text\n",
		   "hwk: f.yaml:5:3: field 'a' is defined twice\n", "the first twice in the list's order");
	/* an earlier field's own error comes before a later twice */
	bad_fields("- name: x\n  type: text\n- name: y\n  type: nope\n- name: x\n  type: text\n",
		   "hwk: f.yaml:4:9: 'type' must be one of text, integer, number, time, date, yesno, choice\n",
		   "an earlier error first");
}

/* A whole number too large for a long long is still a whole number (and must not be
 * converted to one: that is undefined behaviour). */
static void test_huge_integer_limit(void)
{
	hwk_fields fs;
	const char *msg;
	int rc = fields_from("- {name: big, type: integer, min: 0, max: 100000000000000000000}\n",
			     &fs, &msg);
	is_int(rc, 0, "an integer max of 1e20 is a whole number");
	is_str(msg, "", "no message for max 1e20");
	if (rc == 0) {
		check(&fs.v[0], "123", "123", NULL);
		char *r = hwk_field_range(&fs.v[0]);
		is_str(r, "0-100000000000000000000", "its range in plain digits");
		free(r);
		hwk_fields_free(&fs);
	}
	rc = fields_from("- {name: big, type: integer, max: 100000000000000000000.5}\n", &fs, &msg);
	is_int(rc, 0, "100000000000000000000.5 is 1e20 as a double: whole");
	if (rc == 0)
		hwk_fields_free(&fs);
	rc = fields_from("- {name: small, type: number, min: 0.125, max: 1000000}\n", &fs, &msg);
	if (rc == 0) {
		char *r = hwk_field_range(&fs.v[0]);
		is_str(r, "0.125-1000000", "number limits in plain decimals, no exponent");
		free(r);
		check(&fs.v[0], "2000000", NULL, "hwk: small: 2000000 is above the maximum 1000000\n");
		hwk_fields_free(&fs);
	} else {
		ok(0, "number limits parse (%s)", msg);
	}
	/* a tiny limit must survive being written back (a rewrite must not change meaning) */
	rc = fields_from("- {name: tiny, type: number, min: 0.0000000000000001, max: 1}\n", &fs, &msg);
	is_int(rc, 0, "a tiny number limit parses");
	if (rc == 0) {
		hwk_buf b = {0};
		hwk_yw *w = hwk_yw_new(&b);
		hwk_fields_emit(w, &fs);
		hwk_yw_end(w);
		is_str(b.s, "- name: tiny\n  type: number\n  min: 0.0000000000000001\n  max: 1\n",
		       "a tiny limit is written back as it was");
		hwk_buf_free(&b);
		check(&fs.v[0], "0", NULL, "hwk: tiny: 0 is below the minimum 0.0000000000000001\n");
		hwk_fields_free(&fs);
	}
}

/* ---- custom types in a practice folder ---- */

static void test_custom_types(void)
{
	tu_enter_temp("types", "types");
	hwk_strs names = {0};
	is_int(hwk_custom_types(&names), 0, "custom_types of an empty folder");
	is_int(names.n, 0, "no custom types yet");
	hwk_strs_free(&names);

	tu_write_str("types/worry-time.yaml",
		   "# worry time\n"
		   "name: worry-time\n"
		   "title: Worry time\n"
		   "fields:\n"
		   "- name: worry\n"
		   "  type: text\n"
		   "  required: true\n"
		   "  prompt: What worry\n"
		   "- name: minutes\n"
		   "  type: integer\n"
		   "  min: 0\n"
		   "  max: 60\n"
		   "  unit: min\n");
	tu_write_str("types/noname.yaml", "fields:\n- {name: x, type: text}\n");
	tu_write_str("types/other.yaml", "name: wrong\nfields: []\n");
	tu_write_str("types/res.yaml",
		   "title: R\nfields:\n- name: x\n  type: text\n- name: status\n  type: text\n");
	tu_write_str("types/nofields.yaml", "title: No fields\n");
	tu_write_str("types/list.yaml", "- a\n");
	tu_write_str("types/empty.yaml", "");
	tu_write_str("types/extra.yaml", "fields: []\ncolour: red\n");
	tu_write_str("types/badutf.yaml", "title: \xff\nfields: []\n");
	tu_write_str("types/badfield.yaml", "fields:\n- name: x\n  type: integer\n  min: 5\n  max: 1\n");
	tu_write_str("types/sleep.yaml", "name: sleep\nfields: []\n");
	tu_write_str("types/.hidden.yaml", "fields: []\n");
	tu_write_str("types/notes.txt", "not a type\n");
	mkdir("types/dir.yaml", 0700);

	hwk_type t;
	cap_start();
	int rc = hwk_type_load("worry-time", 1, &t);
	const char *msg = cap_end();
	is_int(rc, 0, "worry-time loads");
	is_str(msg, "", "worry-time: no message");
	if (rc == 0) {
		is_str(t.name, "worry-time", "custom: name");
		is_str(t.title, "Worry time", "custom: title");
		is_str(t.source, "types/worry-time.yaml", "custom: source is its file");
		char *d = describe(&t.fields);
		is_str(d, "worry text*; minutes integer 0-60 min", "custom: fields");
		free(d);
		is_str(t.fields.v[0].prompt, "What worry", "custom: prompt");
		hwk_buf b = {0};
		hwk_type_emit(&t, &b);
		const char *want = "name: worry-time\n"
				   "title: Worry time\n"
				   "fields:\n"
				   "- name: worry\n"
				   "  type: text\n"
				   "  required: true\n"
				   "  prompt: What worry\n"
				   "- name: minutes\n"
				   "  type: integer\n"
				   "  min: 0\n"
				   "  max: 60\n"
				   "  unit: min\n";
		is_str(b.s, want, "type_emit: exact text");
		/* what was emitted reads back and emits the same */
		tu_write_str("types/worry-time.yaml", b.s);
		hwk_type t2;
		is_int(hwk_type_load("worry-time", 1, &t2), 0, "emitted type reads back");
		hwk_buf b2 = {0};
		hwk_type_emit(&t2, &b2);
		is_str(b2.s, want, "and emits the same text");
		hwk_buf_free(&b2);
		hwk_type_free(&t2);
		hwk_buf_free(&b);
		hwk_type_free(&t);
		ok(t.name == NULL && t.fields.n == 0, "type_free clears");
	}

	cap_start();
	rc = hwk_type_load("noname", 1, &t);
	msg = cap_end();
	is_int(rc, 0, "a type file without 'name' loads");
	is_str(msg, "", "noname: no message");
	if (rc == 0) {
		is_str(t.name, "noname", "its name is the file's");
		ok(t.title == NULL, "no title");
		is_int(t.fields.n, 1, "one field");
		hwk_type_free(&t);
	}

	cap_start();
	rc = hwk_type_load("worry-time", 0, &t);
	is_str(cap_end(), "hwk: worry-time: no such type (see 'hwk types')\n",
	       "without a types folder a custom type is unknown");
	is_int(rc, -1, "have_types_dir 0: -1");

	/* a custom type may not take a built-in name: types/sleep.yaml is refused */
	cap_start();
	rc = hwk_type_load("sleep", 1, &t);
	msg = cap_end();
	is_int(rc, -1, "sleep with types/sleep.yaml present: refused");
	is_str(msg, "hwk: types/sleep.yaml: a custom type cannot take a built-in type's name\n",
	       "a custom type shadowing a built-in: message");
	if (rc == 0)
		hwk_type_free(&t);
	/* without a types folder the file is not looked at */
	cap_start();
	rc = hwk_type_load("sleep", 0, &t);
	msg = cap_end();
	is_int(rc, 0, "sleep without a types folder: the built-in");
	is_str(rc == 0 ? t.source : NULL, "builtin", "the built-in sleep is used");
	is_int(rc == 0 ? t.fields.n : 0, 8, "with its 8 fields");
	if (rc == 0)
		hwk_type_free(&t);

	static const struct {
		const char *name, *msg, *why;
	} bad[] = {
		{"other", "hwk: types/other.yaml:1:7: 'name' is 'wrong' but the file is named for 'other'\n",
		 "name mismatch"},
		{"res", "hwk: types/res.yaml:5:9: 'status' is a column of every entry; choose another field name\n",
		 "reserved field name"},
		{"nofields", "hwk: types/nofields.yaml:1:1: 'fields' is missing\n", "no fields key"},
		{"list", "hwk: types/list.yaml:1:1: a type file must be a mapping with 'fields'\n",
		 "a list"},
		{"empty", "hwk: types/empty.yaml: a type file must be a mapping with 'fields'\n",
		 "an empty file"},
		{"extra", "hwk: types/extra.yaml:2:1: unknown key 'colour'\n", "unknown key"},
		{"badutf", "hwk: types/badutf.yaml:1:8: invalid leading UTF-8 octet\n", "bad UTF-8"},
		{"badfield", "hwk: types/badfield.yaml:5:8: 'max' is below 'min'\n", "bad field"},
		{"missing", "hwk: missing: no such type (see 'hwk types')\n", "no file"},
		{"dir", "hwk: types/dir.yaml: Is a directory\n", "a folder in the way"},
		{"a_b", "hwk: a_b: not a type name (letters, digits and -)\n", "underscore in a type"},
		{"abcdefghijklmnopqrstuvwxyz0123456",
		 "hwk: abcdefghijklmnopqrstuvwxyz0123456: not a type name (letters, digits and -)\n",
		 "33 characters"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		memset(&t, 0xa5, sizeof t);
		cap_start();
		rc = hwk_type_load(bad[i].name, 1, &t);
		msg = cap_end();
		is_int(rc, -1, "custom type refused: %s", bad[i].why);
		is_str(msg, bad[i].msg, "custom type message: %s", bad[i].why);
		if (rc == 0)
			hwk_type_free(&t);
	}

	is_int(hwk_custom_types(&names), 0, "custom_types lists the folder");
	hwk_buf all = {0};
	hwk_buf_adds(&all, "");
	for (size_t i = 0; i < names.n; i++)
		hwk_buf_printf(&all, "%s%s", i ? " " : "", names.v[i]);
	/* sorted; not .hidden.yaml, not notes.txt; dir.yaml is listed (loading reports it) */
	is_str(all.s, "badfield badutf dir empty extra list nofields noname other res sleep worry-time",
	       "custom type names, sorted");
	hwk_buf_free(&all);
	hwk_strs_free(&names);

	/* clean up */
	static const char *const files[] = {
		"worry-time", "noname", "other", "res", "nofields", "list", "empty", "extra",
		"badutf", "badfield", "sleep", ".hidden", NULL,
	};
	for (const char *const *f = files; *f; f++) {
		char *p = hwk_xasprintf("types/%s.yaml", *f);
		unlink(p);
		free(p);
	}
	unlink("types/notes.txt");
	rmdir("types/dir.yaml");
	rmdir("types");
	tu_leave_temp();
}

/* The text hwk_fields_emit writes of fs (owned). */
static char *fields_text(const hwk_fields *fs)
{
	hwk_buf b = {0};
	hwk_yw *w = hwk_yw_new(&b);
	hwk_fields_emit(w, fs);
	hwk_yw_end(w);
	return b.s;
}

/* A list read before is copied from then (lib/types.c, "lists read before"): the same
 * fields, a copy of its own; a list that differs in a text or only in its quoting is
 * read and checked as any other, and one refused is refused every time. */
static void test_fields_seen(void)
{
	const char *list = "- name: bed\n  type: time\n  required: true\n  prompt: Bed\n"
			   "- name: sol\n  type: integer\n  min: 0\n  max: 720\n  unit: min\n"
			   "- name: mood\n  type: choice\n  choices: [low, ok, high]\n";
	hwk_fields a = {0}, b = {0}, c = {0};
	const char *msg;
	is_int(fields_from(list, &a, &msg), 0, "seen: a list is read");
	char *moved = hwk_xasprintf("# moved down\n\n%s", list);
	is_int(fields_from(moved, &b, &msg), 0, "seen: the same list further down is read");
	is_str(msg, "", "seen: ... without a word");
	char *ta = fields_text(&a), *tb = fields_text(&b);
	is_str(tb, ta, "seen: ... into the same fields");
	ok(b.n == 3 && a.v[0].name != b.v[0].name && a.v[2].choices.v[1] != b.v[2].choices.v[1],
	   "seen: ... a copy of their own");
	hwk_fields_free(&a); /* the copy outlives the first */
	free(tb);
	tb = fields_text(&b);
	is_str(tb, ta, "seen: ... which stands when the first is freed");

	/* only the quoting differs: 'true' is text, not true */
	const char *at = strstr(list, "required: true");
	char *q = hwk_xasprintf("%.*srequired: 'true'%s", (int)(at - list), list, at + 14);
	for (int i = 0; i < 2; i++)
		bad_fields(q, "hwk: f.yaml:3:13: 'required' must be true or false\n",
			   i ? "a quoted true, again" : "a quoted true after the plain one was read");
	/* one text differs */
	char *other = hwk_xstrdup(list);
	memcpy(strstr(other, "max: 720"), "max: 721", 8);
	is_int(fields_from(other, &c, &msg), 0, "seen: a list with another max is read");
	ok(c.n == 3 && c.v[1].max == 721, "seen: ... its own max");
	/* and the first list again, after others: still the same fields */
	hwk_fields d = {0};
	is_int(fields_from(list, &d, &msg), 0, "seen: the first list again");
	char *td = fields_text(&d);
	is_str(td, ta, "seen: ... the same fields");
	hwk_fields_free(&b);
	hwk_fields_free(&c);
	hwk_fields_free(&d);
	free(ta);
	free(tb);
	free(td);
	free(moved);
	free(q);
	free(other);
}

int main(void)
{
	hwk_err_setcmd(NULL);
	test_builtins();
	test_field_checks();
	test_custom_field_checks();
	test_fields_emit();
	test_fields_errors();
	test_fields_seen();
	test_huge_integer_limit();
	test_many_fields();
	test_custom_types();
	return tap_done();
}
