/* ics_read FILE [N]: read an iCalendar file back with libical, as a calendar would, and
 * print what it holds, for tests/t/0760-calendar.t: the problems libical finds (its
 * X-LIC-ERROR properties after the restriction checks of the calendar's METHOD), the
 * time zones, and per event its UID, summary, start, rule, location, description and
 * alarm, and (with N) the first N times the event falls on, local and in UTC.
 * Exit 1 when the file cannot be read or is not a VCALENDAR. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static void print_text(const char *key, const char *v)
{
	if (!v)
		return;
	printf("%s: ", key);
	for (; *v; v++) /* one line: the newlines shown as \n */
		if (*v == '\n')
			fputs("\\n", stdout);
		else
			putchar(*v);
	putchar('\n');
}

static void print_time(const char *key, struct icaltimetype t)
{
	const char *tzid = t.zone ? icaltimezone_get_tzid((icaltimezone *)t.zone) : NULL;
	printf("%s: %s%s%s\n", key, icaltime_as_ical_string(t), tzid ? " " : "", tzid ? tzid : "");
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int n = argc > 2 ? atoi(argv[2]) : 0;
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	static char buf[1 << 20];
	size_t len = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[len] = 0;
	icalcomponent *cal = icalparser_parse_string(buf);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		fprintf(stderr, "%s: not an iCalendar file\n", argv[1]);
		return 1;
	}
	icalrestriction_check(cal);
	printf("errors: %d\n", icalcomponent_count_errors(cal));
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT); c;
	     c = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT))
		for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
		     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
			print_text("error", icalproperty_get_xlicerror(p));
	for (icalcomponent *z = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT); z;
	     z = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT))
		printf("timezone: %s\n",
		       icalproperty_get_tzid(icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY)));
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		printf("event: %s\n", icalcomponent_get_uid(e));
		print_text("summary", icalcomponent_get_summary(e));
		struct icaltimetype start = icalcomponent_get_dtstart(e);
		print_time("start", start);
		icalproperty *rp = icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY);
		struct icalrecurrencetype r;
		if (rp) {
			r = icalproperty_get_rrule(rp);
			char *s = icalrecurrencetype_as_string_r(&r);
			printf("rule: %s\n", s);
			free(s);
		}
		print_text("location", icalcomponent_get_location(e));
		print_text("description", icalcomponent_get_description(e));
		for (icalcomponent *a = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT); a;
		     a = icalcomponent_get_next_component(e, ICAL_VALARM_COMPONENT)) {
			icalproperty *act = icalcomponent_get_first_property(a, ICAL_ACTION_PROPERTY);
			icalproperty *tr = icalcomponent_get_first_property(a, ICAL_TRIGGER_PROPERTY);
			printf("alarm: %s %s\n", act ? icalproperty_get_value_as_string(act) : "-",
			       tr ? icalproperty_get_value_as_string(tr) : "-");
		}
		if (!rp && n > 0) {
			print_time("at", start);
			continue;
		}
		icalrecur_iterator *it = rp && n > 0 ? icalrecur_iterator_new(r, start) : NULL;
		for (int k = 0; it && k < n; k++) {
			struct icaltimetype t = icalrecur_iterator_next(it);
			if (icaltime_is_null_time(t))
				break;
			printf("at: %s", icaltime_as_ical_string(t));
			if (!t.is_date)
				printf(" = %s",
				       icaltime_as_ical_string(icaltime_convert_to_zone(
					       t, icaltimezone_get_utc_timezone())));
			putchar('\n');
		}
		if (it)
			icalrecur_iterator_free(it);
	}
	icalcomponent_free(cal);
	return 0;
}
