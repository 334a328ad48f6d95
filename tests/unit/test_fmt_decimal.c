/* Unit tests for hwk_fmt_decimal (lib/util.c): it writes what snprintf "%.*f" writes,
 * for every double it takes, at every precision it takes (0 to 6). It once rounded
 * v x 10^d, itself rounded, half away from zero: 384.21499999999997 (the double nearest
 * 384.215, just below it) came out 384.22 where printf, rounding the exact value, says
 * 384.21; about 1 value in 55,000 differed so. */
#define _GNU_SOURCE
#include "util.h"
#include "tap.h"
#include "testutil.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng = 0x2545f4914f6cdd1du;

/* A double from its bits. */
static double from_bits(uint64_t b)
{
	double d;
	memcpy(&d, &b, sizeof d);
	return d;
}

static uint64_t bits_of(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static long long mismatches, compared;
static char first_bad[256];

static void compare(double v, int dec)
{
	char got[32], want[64];
	hwk_fmt_decimal(got, v, dec);
	snprintf(want, sizeof want, "%.*f", dec, v);
	compared++;
	if (strcmp(got, want)) {
		if (!mismatches++)
			snprintf(first_bad, sizeof first_bad, "%.17g at %d: '%s', printf '%s'", v,
				 dec, got, want);
	}
}

int main(void)
{
	static const double pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	char buf[32];

	/* the quoted case: 384.215 is not a double; the nearest is a little below it */
	hwk_fmt_decimal(buf, 384.21499999999997, 2);
	is_str(buf, "384.21", "384.21499999999997 with 2 decimals is 384.21, as printf says");
	hwk_fmt_decimal(buf, 384.215000000001, 2);
	is_str(buf, "384.22", "a little above the half rounds up");
	/* exact ties, which printf breaks to even: 0.125, 2.5 and 0.5 are doubles */
	hwk_fmt_decimal(buf, 0.125, 2);
	is_str(buf, "0.12", "0.125 is a tie: to even, 0.12");
	hwk_fmt_decimal(buf, 0.375, 2);
	is_str(buf, "0.38", "0.375 is a tie: to even, 0.38");
	hwk_fmt_decimal(buf, 2.5, 0);
	is_str(buf, "2", "2.5 with 0 decimals: 2");
	hwk_fmt_decimal(buf, -3.5, 0);
	is_str(buf, "-4", "-3.5 with 0 decimals: -4");
	hwk_fmt_decimal(buf, -0.001, 1);
	is_str(buf, "-0.0", "-0.001 with 1 decimal: -0.0, as printf writes it");
	hwk_fmt_decimal(buf, 78.6, 1);
	is_str(buf, "78.6", "78.6");
	hwk_fmt_decimal(buf, 1.0 / 0.0, 1);
	is_str(buf, "", "infinity: nothing");
	hwk_fmt_decimal(buf, 0.0 / 0.0, 1);
	is_str(buf, "", "NAN: nothing");
	hwk_fmt_decimal(buf, 1e300, 0);
	is_str(buf, "", "too large to print so: nothing");

	/* a few million against snprintf, at every precision */
	for (int i = 0; i < 100000; i++) {
		uint64_t r = tu_rand64(&rng);
		int dec = (int)(r % 7);
		double u = (double)(r >> 11) * 0x1p-53; /* [0, 1) */
		/* means of small whole numbers, as the reports print (384.215 = 76843 / 200) */
		long long sum = (long long)(tu_rand64(&rng) % 2000000) - 1000000;
		long long cnt = (long long)(tu_rand64(&rng) % 400) + 1;
		compare((double)sum / (double)cnt, 2);
		compare((double)sum / (double)cnt, 1);
		compare((double)sum / (double)cnt, dec);
		/* any double of a clinical size */
		compare(u * 20000 - 10000, dec);
		compare(u * 2 - 1, dec);
		/* any magnitude the formatter takes: 2^-30 .. 2^52 */
		double m = from_bits((bits_of(1.0 + u) & 0x000fffffffffffffu) |
				     ((uint64_t)(1023 - 30 + (int)(r >> 3) % 83) << 52));
		if (m <= 9e15 / pow10[dec]) {
			compare(m, dec);
			compare(-m, dec);
		}
		/* around a tie: the half-way decimal and the doubles a few ulps either side */
		double tie = ((double)(long long)(u * 1e7) + 0.5) / pow10[dec];
		uint64_t tb = bits_of(tie);
		for (int k = -3; k <= 3; k++) {
			compare(from_bits(tb + (uint64_t)(int64_t)k), dec);
			compare(-from_bits(tb + (uint64_t)(int64_t)k), dec);
		}
	}
	ok(compared > 2000000, "%lld values compared (over two million)", compared);
	ok(mismatches == 0, "all agree with snprintf (%lld differ%s%s)", mismatches,
	   mismatches ? "; the first: " : "", first_bad);
	return tap_done();
}
