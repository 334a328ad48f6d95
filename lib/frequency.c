#define _GNU_SOURCE
#include "frequency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int hwk_every_parse(const char *s, hwk_every *e, char **norm)
{
	memset(e, 0, sizeof *e);
	if (norm)
		*norm = NULL;
	if (!strcmp(s, "day") || !strcmp(s, "daily")) {
		e->kind = HWK_EVERY_DAY;
		if (norm)
			*norm = hwk_xstrdup("day");
		return 0;
	}
	if (!strcmp(s, "weekday") || !strcmp(s, "weekdays")) {
		e->kind = HWK_EVERY_WEEKDAY;
		if (norm)
			*norm = hwk_xstrdup("weekday");
		return 0;
	}
	if (!strcmp(s, "once")) {
		e->kind = HWK_EVERY_ONCE;
		if (norm)
			*norm = hwk_xstrdup("once");
		return 0;
	}
	if (s[0] >= '1' && s[0] <= '7' && !strcmp(s + 1, "/week")) {
		e->kind = HWK_EVERY_PERWEEK;
		e->n = s[0] - '0';
		if (norm)
			*norm = hwk_xstrdup(s);
		return 0;
	}
	/* named days */
	char *copy = hwk_xstrdup(s), *save = NULL;
	unsigned days = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int wd = hwk_parse_weekday(tok);
		if (wd < 0) {
			days = 0;
			break;
		}
		days |= 1u << wd;
	}
	free(copy);
	if (!days || s[strlen(s) - 1] == ',' || s[0] == ',' || strstr(s, ",,"))
		return -1;
	e->kind = HWK_EVERY_DAYS;
	e->days = days;
	if (norm) {
		static const char *const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
		hwk_buf b = {0};
		for (int d = 0; d < 7; d++)
			if (days & (1u << d)) {
				if (b.len)
					hwk_buf_addc(&b, ',');
				hwk_buf_adds(&b, names[d]);
			}
		*norm = b.s;
	}
	return 0;
}

static int active(hwk_day start, hwk_day until, hwk_day d)
{
	return d >= start && (until == HWK_DAY_NONE || d <= until);
}

int hwk_every_on(const hwk_every *e, hwk_day start, hwk_day until, hwk_day day)
{
	if (!active(start, until, day))
		return 0;
	int wd = hwk_day_weekday(day);
	switch (e->kind) {
	case HWK_EVERY_DAY:
	case HWK_EVERY_PERWEEK:
		return 1;
	case HWK_EVERY_WEEKDAY:
		return wd < 5;
	case HWK_EVERY_DAYS:
		return (e->days >> wd) & 1;
	case HWK_EVERY_ONCE:
		return 1;
	}
	return 0;
}

int hwk_every_weight7(const hwk_every *e, hwk_day day)
{
	int wd = hwk_day_weekday(day);
	switch (e->kind) {
	case HWK_EVERY_DAY:
		return 7;
	case HWK_EVERY_WEEKDAY:
		return wd < 5 ? 7 : 0;
	case HWK_EVERY_DAYS:
		return (e->days >> wd) & 1 ? 7 : 0;
	case HWK_EVERY_PERWEEK:
		return e->n;
	case HWK_EVERY_ONCE:
		break;
	}
	return 0;
}

long hwk_expected(const hwk_every *e, hwk_day start, hwk_day until, hwk_day from, hwk_day to,
		  int week_start)
{
	long total = 0;
	if (e->kind == HWK_EVERY_ONCE)
		return start >= from && start <= to && active(start, until, start);
	for (hwk_day ws = hwk_week_start(from, week_start); ws <= to; ws += 7) {
		long act = 0, on = 0;
		for (hwk_day d = ws; d < ws + 7; d++) {
			if (d < from || d > to || !active(start, until, d))
				continue;
			act++;
			on += hwk_every_on(e, start, until, d);
		}
		if (e->kind == HWK_EVERY_PERWEEK) {
			long n = (e->n * act * 2 + 7) / 14; /* N x act / 7, halves up */
			total += n < act ? n : act;
		} else {
			total += on;
		}
	}
	return total;
}

void hwk_schedule_free(hwk_schedule *s)
{
	free(s->day);
	free(s->text);
	free(s->ev);
}

const char *hwk_schedule_on(const hwk_schedule *s, hwk_day day, hwk_every *out)
{
	size_t k = s->n;
	for (size_t i = 0; i < s->n; i++)
		if (s->day[i] <= day)
			k = i;
	if (out)
		*out = k < s->n ? s->ev[k] : s->first_ev;
	return k < s->n ? s->text[k] : s->first;
}
