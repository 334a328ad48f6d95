/* Dates: every parser of lib/date.c on any text (no undefined behaviour under UBSan),
 * and the round trips: a day read is written back as the same text, a time read and
 * written is read as the same instant, day arithmetic inverts itself. The first byte
 * picks the time zone, the next four a day number, the rest is the text. */
#include "fuzz.h"

#include <string.h>
#include <time.h>

#include "date.h"

static const char *const zones[] = {
	"UTC0", "Europe/Berlin", "America/New_York", "Pacific/Apia", "Australia/Lord_Howe",
	"Asia/Kathmandu", "America/St_Johns", "Europe/Moscow",
};

/* 1900-01-02 .. 9999-12-30: where a time is written as it is read (no local mean time
 * offsets with seconds, no years of more or fewer than four digits) */
#define SANE_FROM (-25566L)
#define SANE_TO 2932894L

static void check_day(hwk_day day)
{
	int y, m, d;
	hwk_day_to_ymd(day, &y, &m, &d);
	FUZZ_CHECK(hwk_day_from_ymd(y, m, d) == day, "day %ld: ymd does not invert", (long)day);
	FUZZ_CHECK(m >= 1 && m <= 12 && d >= 1 && d <= 31, "day %ld: %d-%d", (long)day, m, d);
	int wd = hwk_day_weekday(day);
	FUZZ_CHECK(wd >= 0 && wd <= 6, "weekday %d", wd);
	int iy, w;
	hwk_day_iso_week(day, &iy, &w);
	FUZZ_CHECK(w >= 1 && w <= 53, "ISO week %d", w);
	FUZZ_CHECK(hwk_day_from_iso_week(iy, w) + wd == day, "day %ld: ISO week %d-W%d",
		   (long)day, iy, w);
	for (int ws = 0; ws < 7; ws++) {
		hwk_day s = hwk_week_start(day, ws);
		FUZZ_CHECK(s <= day && s > day - 7 && hwk_day_weekday(s) == ws, "week start");
	}
	if (y >= 0 && y <= 9999) {
		char buf[16];
		hwk_day back;
		hwk_day_format(day, buf);
		FUZZ_CHECK(hwk_day_parse_ymd(buf, &back) == 0 && back == day, "%s not read back",
			   buf);
		FUZZ_CHECK(hwk_ymd_ok(buf), "%s: not ok", buf);
	}
}

static void check_time(time_t t, const char *what)
{
	hwk_day day = hwk_day_of(t);
	if (day < SANE_FROM || day > SANE_TO)
		return;
	char buf[32];
	time_t back;
	hwk_time_format(t, buf);
	/* a local mean time offset has seconds (+00:53:28), which ISO 8601 and the reader
	 * do not have: such times are the business of the --at range check */
	if (strlen(buf) != 25)
		return;
	if (t < HWK_TIME_MIN) {
		/* before 1970: refused on purpose, never written by hwk */
		FUZZ_CHECK(hwk_time_parse_iso(buf, &back) < 0, "%s: %s is taken", what, buf);
		return;
	}
	FUZZ_CHECK(hwk_time_parse_iso(buf, &back) == 0, "%s: %s is not read back", what, buf);
	FUZZ_CHECK(back == t, "%s: %s is read back as another instant", what, buf);
	hwk_day sd;
	FUZZ_CHECK(hwk_stamp_day(buf, &sd) == 0 && sd == day, "%s: %s: its day", what, buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	if (size < 5 || size > 256)
		return 0;
	setenv("TZ", zones[data[0] % (sizeof zones / sizeof *zones)], 1);
	tzset();
	int32_t n = (int32_t)((uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16 |
			      (uint32_t)data[4] << 24);
	hwk_day some = n % 4000000; /* some 11,000 years either way */
	check_day(some);
	char *s = fuzz_str(data + 5, size - 5);
	/* now: 2026-11-27 09:00 local, or the day above at some hour */
	time_t now = hwk_time_local(data[0] & 0x80 ? some % 3000000 : hwk_day_from_ymd(2026, 11, 27),
				    data[3] % 24, data[4] % 60, 0);

	hwk_day day;
	if (hwk_day_parse_ymd(s, &day) == 0) {
		char buf[16];
		hwk_day_format(day, buf);
		FUZZ_CHECK(!strcmp(buf, s), "'%s' read and written as '%s'", s, buf);
		FUZZ_CHECK(hwk_ymd_ok(s), "'%s': a day, but not hwk_ymd_ok", s);
		check_day(day);
	}
	time_t t, t2;
	hwk_day d2;
	int rc = hwk_time_parse_iso(s, &t);
	int rcd = hwk_time_parse_iso_day(s, &t2, &d2);
	FUZZ_CHECK((rc == 0) == (rcd == 1), "'%s': parse_iso %d, parse_iso_day %d", s, rc, rcd);
	if (rc == 0) {
		FUZZ_CHECK(t == t2, "'%s': two instants", s);
		check_time(t, s);
	}
	if (rcd >= 0) {
		hwk_day sd;
		FUZZ_CHECK(hwk_stamp_day(s, &sd) == 0 && sd == d2, "'%s': the day of a stamp", s);
	}
	if (hwk_parse_date(s, now, &day) == 0)
		check_day(day);
	if (hwk_parse_when(s, now, &t) == 0)
		check_time(t, s);
	hwk_day from, to;
	if (hwk_parse_range(s, now, data[2] % 7, &from, &to) == 0)
		FUZZ_CHECK(from <= to && to - from <= 6, "'%s': range %ld..%ld", s, (long)from,
			   (long)to);
	long c = hwk_parse_clock(s);
	FUZZ_CHECK(c >= -1 && c < 86400, "'%s': clock %ld", s, c);
	int wd = hwk_parse_weekday(s);
	FUZZ_CHECK(wd >= -1 && wd <= 6, "'%s': weekday %d", s, wd);
	(void)hwk_ymd_ok(s);
	if (hwk_stamp_day(s, &day) == 0)
		check_day(day);
	free(s);
	return 0;
}
