/* Unit tests for lib/util.c: numbers, UTF-8 and packed string lists. */
#define _GNU_SOURCE
#include "util.h"
#include "tap.h"
#include "testutil.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next_rand(void)
{
	return tu_rand64(&rng);
}

static int same_double(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0; /* bit for bit: -0 is not 0 */
}

static void number(const char *s, int want_rc, double want)
{
	double v = 12345;
	int rc = hwk_parse_number(s, &v);
	if (want_rc < 0) {
		is_int(rc, -1, "'%s' is not a number", s);
	} else {
		is_int(rc, 0, "'%s' is a number", s);
		ok(same_double(v, want), "'%s' reads as %.17g (got %.17g)", s, want, v);
	}
}

static void test_numbers(void)
{
	number("0", 0, 0.0);
	number("-0", 0, -0.0);
	number("7", 0, 7);
	number("-12", 0, -12);
	number("0.1", 0, 0.1);
	number("-0.5", 0, -0.5);
	number("3.14159", 0, 3.14159);
	number("007", 0, 7);
	number("123456789012345", 0, 123456789012345.0);
	number("1234567890123456", 0, 1234567890123456.0);  /* 16 digits: strtod */
	number("0.000000000000001", 0, 1e-15);
	number("99999999999999999999", 0, 1e20);            /* 20 digits: strtod */
	number("2.5", 0, 2.5);
	number("", -1, 0);
	number("-", -1, 0);
	number(".5", -1, 0);
	number("5.", -1, 0);
	number("1e3", -1, 0);
	number("+1", -1, 0);
	number(" 1", -1, 0);
	number("1 ", -1, 0);
	number("1.2.3", -1, 0);
	number("0x10", -1, 0);

	/* the quick way agrees with strtod bit for bit, on numbers of every length and
	 * every place of the point */
	int agree = 1, tried = 0;
	for (int i = 0; i < 200000; i++) {
		char buf[64];
		int nd = 1 + (int)(next_rand() % 18), point = (int)(next_rand() % (unsigned)(nd + 1));
		size_t k = 0;
		if (next_rand() % 4 == 0)
			buf[k++] = '-';
		for (int d = 0; d < nd; d++) {
			if (d == point && d > 0)
				buf[k++] = '.';
			buf[k++] = (char)('0' + next_rand() % 10);
		}
		buf[k] = 0;
		double v, w = strtod(buf, NULL);
		tried++;
		if (hwk_parse_number(buf, &v) < 0 || !same_double(v, w)) {
			if (agree)
				fprintf(stderr, "# %s: %.17g, strtod %.17g\n", buf, v, w);
			agree = 0;
		}
	}
	ok(agree, "%d random decimals read as strtod reads them", tried);
}

static void integer(const char *s, int want_rc, long want)
{
	long v = 12345;
	int rc = hwk_parse_long(s, &v);
	if (want_rc < 0) {
		is_int(rc, -1, "'%s' is not an integer", s);
	} else {
		is_int(rc, 0, "'%s' is an integer", s);
		ok(v == want, "'%s' reads as %ld (got %ld)", s, want, v);
	}
}

static void test_integers(void)
{
	integer("0", 0, 0);
	integer("-0", 0, 0);
	integer("7", 0, 7);
	integer("-12", 0, -12);
	integer("007", 0, 7);
	integer("999999999999999999", 0, 999999999999999999L);   /* 18 digits: summed */
	integer("-999999999999999999", 0, -999999999999999999L);
	integer("1000000000000000000", 0, 1000000000000000000L); /* 19: strtol */
	integer("9223372036854775807", 0, LONG_MAX);
	integer("-9223372036854775808", 0, LONG_MIN);
	integer("000000000000000000000000042", 0, 42);            /* zeros count as digits */
	integer("9223372036854775808", -1, 0);                    /* overflows */
	integer("-9223372036854775809", -1, 0);
	integer("99999999999999999999999", -1, 0);
	integer("", -1, 0);
	integer("-", -1, 0);
	integer("+1", -1, 0);
	integer(" 1", -1, 0);
	integer("1 ", -1, 0);
	integer("1.0", -1, 0);
	integer("12a", -1, 0);
	integer("--1", -1, 0);

	/* the sum made while checking agrees with strtol on every length it makes */
	int agree = 1, tried = 0;
	for (int i = 0; i < 100000; i++) {
		char buf[32];
		int nd = 1 + (int)(next_rand() % 18);
		size_t k = 0;
		if (next_rand() % 4 == 0)
			buf[k++] = '-';
		for (int d = 0; d < nd; d++)
			buf[k++] = (char)('0' + next_rand() % 10);
		buf[k] = 0;
		long v;
		tried++;
		if (hwk_parse_long(buf, &v) < 0 || v != strtol(buf, NULL, 10)) {
			if (agree)
				fprintf(stderr, "# %s: %ld, strtol %ld\n", buf, v, strtol(buf, NULL, 10));
			agree = 0;
		}
	}
	ok(agree, "%d random integers read as strtol reads them", tried);
}

static void test_utf8(void)
{
	static const struct {
		const char *s;
		size_t len;
	} good[] = {
		{"a", 1}, {"\xc3\xa9", 2}, {"\xe2\x82\xac", 3}, {"\xf0\x9f\x98\x80", 4},
		{"\xc2\x80", 2}, {"\xef\xbf\xbf", 3}, {"\xf4\x8f\xbf\xbf", 4},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		is_int(hwk_utf8_char(good[i].s, strlen(good[i].s), NULL), good[i].len, "a character of %zu bytes (%zu)",
		       good[i].len, i);
		ok(hwk_utf8_valid(good[i].s, strlen(good[i].s)), "valid text (%zu)", i);
	}
	static const char *const bad[] = {
		"\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80",
		"\xf0\x80\x80\xaf", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xff", "\xc3",
		"\xe2\x82", "\xc3\x28",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		is_int(hwk_utf8_char(bad[i], strlen(bad[i]), NULL), 0, "not a character (%zu)", i);
		ok(!hwk_utf8_valid(bad[i], strlen(bad[i])), "not valid text (%zu)", i);
	}
	is_int(hwk_utf8_char("\xe2\x82\xac", 2, NULL), 0, "a character cut short by the length");
	is_int(hwk_utf8_char("", 1, NULL), 0, "NUL is not a character");
	is_int(hwk_utf8_char("a", 0, NULL), 0, "nothing is not a character");
	ok(!hwk_utf8_valid("ab\0cd", 5), "a NUL inside makes text invalid");
	ok(hwk_utf8_valid("caf\xc3\xa9 \xe2\x82\xac 5 \xf0\x9f\x98\x80!", 17), "mixed text is valid");
	ok(!hwk_utf8_valid("caf\xc3\xa9 \xed\xa0\x80", 9), "a surrogate at the end is not");
}

static void packed(const char *line, size_t nwant, const char *const *want)
{
	hwk_strs l = hwk_strs_split_packed(line, strlen(line), ',');
	int same = l.n == nwant && l.packed && l.v[l.n] == NULL;
	for (size_t i = 0; same && i < nwant; i++)
		same = !strcmp(l.v[i], want[i]);
	ok(same, "'%s' splits into %zu fields (got %zu)", line, nwant, l.n);
	hwk_strs_free(&l);
	ok(!l.v && !l.n && !l.packed, "and frees to an empty list");
}

static void test_packed(void)
{
	packed("a,b,c", 3, (const char *const[]){"a", "b", "c"});
	packed("", 1, (const char *const[]){""});
	packed(",", 2, (const char *const[]){"", ""});
	packed("2026-11-27T09:00:00+01:00,,done,,,7", 6,
	       (const char *const[]){"2026-11-27T09:00:00+01:00", "", "done", "", "", "7"});

	/* only part of a longer text: the bytes after len are not read */
	hwk_strs l = hwk_strs_split_packed("x,y|z,w", 3, ',');
	ok(l.n == 2 && !strcmp(l.v[0], "x") && !strcmp(l.v[1], "y"), "len bounds the text");
	hwk_strs_free(&l);

	/* a list made field by field, then packed: the same strings, one allocation */
	hwk_strs s = {0};
	hwk_strs_push(&s, hwk_xstrdup("one"));
	hwk_strs_push(&s, hwk_xstrdup(""));
	hwk_strs_push(&s, hwk_xstrdup("three, with a comma"));
	hwk_strs_pack(&s);
	ok(s.packed && s.n == 3 && !strcmp(s.v[0], "one") && !strcmp(s.v[1], "") &&
	   !strcmp(s.v[2], "three, with a comma") && s.v[3] == NULL,
	   "a pushed list packs with its strings unchanged");
	char *end = (char *)(s.v + 4);
	ok(s.v[0] == end && s.v[2] < end + 64, "its strings follow its array in one block");
	hwk_strs_pack(&s);
	ok(s.packed && s.n == 3 && !strcmp(s.v[2], "three, with a comma"), "packing twice changes nothing");
	hwk_strs_free(&s);

	hwk_strs e = {0};
	hwk_strs_pack(&e);
	ok(e.packed && e.n == 0 && e.v && e.v[0] == NULL, "an empty list packs");
	hwk_strs_free(&e);
}

int main(void)
{
	test_numbers();
	test_integers();
	test_utf8();
	test_packed();
	return tap_done();
}
