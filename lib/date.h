/* date: calendar days, local times with their UTC offset, and the date forms users type. */
#ifndef HWK_DATE_H
#define HWK_DATE_H

#include <stddef.h>
#include <time.h>

/* A calendar day: days since 1970-01-01 in the proleptic Gregorian calendar.
 * Day arithmetic is plain integer arithmetic, so it never meets DST. */
typedef long hwk_day;

#define HWK_DAY_NONE ((hwk_day)-999999999L)

hwk_day hwk_day_from_ymd(int y, int m, int d);
void hwk_day_to_ymd(hwk_day day, int *y, int *m, int *d);
int hwk_day_weekday(hwk_day day);                 /* 0 = Monday ... 6 = Sunday */
void hwk_day_iso_week(hwk_day day, int *iso_year, int *week);
hwk_day hwk_day_from_iso_week(int iso_year, int week); /* its Monday */
hwk_day hwk_week_start(hwk_day day, int week_start);   /* week_start 0 = Monday ... 6 = Sunday */
void hwk_day_format(hwk_day day, char buf[16]);   /* YYYY-MM-DD */
int hwk_day_parse_ymd(const char *s, hwk_day *out); /* strict YYYY-MM-DD, a real date; 0 ok, -1 bad */
/* Does s start with a real date YYYY-MM-DD? (Checked without making a day number: two
 * such texts compare as their days do, with strncmp(a, b, 10).) s holds 10 bytes or
 * ends with NUL before: the check stops at the first byte that is not of a date. */
int hwk_ymd_ok(const char *s);
int hwk_parse_weekday(const char *s);             /* "mon" or "monday" (any case) -> 0..6, else -1 */

/* Local time (TZ honoured). */
hwk_day hwk_day_of(time_t t);                     /* the local calendar day of t */
/* Local wall-clock time on a day -> time_t. A time in a DST gap moves forward by the
 * gap (02:30 on a spring-forward night becomes 03:30); an ambiguous time takes the
 * first (earlier) occurrence. */
time_t hwk_time_local(hwk_day day, int hh, int mm, int ss);
/* The zone is learnt as times are converted: a program that changes TZ (and calls
 * tzset) calls this then, or later conversions may take the old zone's offsets. */
void hwk_time_zone_changed(void);
/* 2026-11-27T21:04:00+01:00, local offset; an offset with seconds (local mean time)
 * is rounded to the minute, the clock with it: the text names t exactly. */
void hwk_time_format(time_t t, char buf[32]);
/* The earliest time hwk takes (--at, imports, rows, HWK_NOW): 1970-01-01T00:00:00Z.
 * Before it zones kept local mean time, and nobody logs homework done then. */
#define HWK_TIME_MIN ((time_t)0)
/* Strict ISO 8601: YYYY-MM-DDTHH:MM[:SS] followed by Z, +HH:MM, -HH:MM, +HHMM, or
 * nothing (local time), at or after HWK_TIME_MIN. 0 ok, -1 bad. */
int hwk_time_parse_iso(const char *s, time_t *out);
/* The same, read once for both its day and its time: -1 when s does not start with a
 * date, 0 with *day set when the rest is not a time, 1 with both set. */
int hwk_time_parse_iso_day(const char *s, time_t *out, hwk_day *day);

/* What users type. Each returns 0 on success, -1 when the text is not one of the forms.
 *
 * hwk_parse_date: today, yesterday, tomorrow, a weekday name (mon/monday: the most
 * recent one, today included), -Nd / -Nw (N days/weeks ago), +Nd / +Nw (ahead),
 * YYYY-MM-DD.
 *
 * hwk_parse_when (a moment, for --at): a date form above alone (that day at the
 * current time of day), HH:MM[:SS] (today at that time), DATE HH:MM[:SS] or
 * DATE'T'HH:MM[:SS] with any date form above, or a full ISO time with offset.
 *
 * hwk_parse_when returns -2 for a time before HWK_TIME_MIN.
 *
 * hwk_parse_range: a date form (that one day), an ISO week 2026-W48 (its seven days,
 * Monday to Sunday), "this" / "last" (this / last week, starting on week_start).
 * from and to are inclusive. */
int hwk_parse_date(const char *s, time_t now, hwk_day *out);
int hwk_parse_when(const char *s, time_t now, time_t *out);
int hwk_parse_range(const char *s, time_t now, int week_start, hwk_day *from, hwk_day *to);

/* Parse "HH:MM" or "HH:MM:SS" (00:00 to 23:59:59) into seconds since midnight; -1 if bad. */
long hwk_parse_clock(const char *s);

/* The moment commands treat as now: $HWK_NOW (any hwk_parse_when form that does not
 * need now itself, i.e. an ISO time) when set, else time(NULL). Returns -1 and sets
 * *bad when $HWK_NOW is set but unreadable. */
time_t hwk_now(int *bad);

/* The local calendar day a stored time was written in (its date part). */
int hwk_stamp_day(const char *stamp, hwk_day *out);

#endif
