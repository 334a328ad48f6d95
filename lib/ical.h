/* ical: the calls of libical that hwk calendar makes, loaded when it runs.
 *
 * libical (Debian's libical3, with ICU under it) is opened with dlopen by the one
 * command that writes iCalendar, not linked into hwk: linked, the dynamic loader maps
 * it and ICU for every run of every command, which measured about 4 ms a run (hwk
 * --version: 4.3-5.3 ms linked without it, 8.3-9.5 ms with -lical; hwk log aims at the
 * cost of /bin/true). Its header gives the calls' types, so each pointer here has the
 * type of the call it stands for. */
#ifndef HWK_ICAL_H
#define HWK_ICAL_H

#include <libical/ical.h>

/* The library's file name (its soname) and the Debian package that installs it. */
#define HWK_ICAL_SONAME "libical.so.3"
#define HWK_ICAL_PACKAGE "libical3"

#define HWK_ICAL_CALLS(X)                                                                  \
	X(icalcomponent_new) X(icalcomponent_new_clone) X(icalcomponent_free)               \
	X(icalcomponent_add_property) X(icalcomponent_add_component)                        \
	X(icalcomponent_get_first_property) X(icalcomponent_as_ical_string_r)               \
	X(icalmemory_free_buffer) X(icalproperty_new_version) X(icalproperty_new_prodid)    \
	X(icalproperty_new_calscale) X(icalproperty_new_x)                                   \
	X(icalproperty_set_x_name) X(icalproperty_new_uid) X(icalproperty_new_dtstamp)      \
	X(icalproperty_new_sequence) X(icalproperty_new_dtstart) X(icalproperty_new_duration) \
	X(icalproperty_new_rrule) X(icalproperty_new_summary) X(icalproperty_new_description) \
	X(icalproperty_new_location) X(icalproperty_new_action) X(icalproperty_new_trigger) \
	X(icalproperty_new_status)                                                          \
	X(icalproperty_set_tzid) X(icalproperty_add_parameter) X(icalparameter_new_tzid)    \
	X(icalrecurrencetype_from_string) X(icaldurationtype_from_int)                      \
	X(icaltimezone_get_builtin_timezone) X(icaltimezone_get_component)                  \
	X(icaltimezone_get_utc_timezone) X(icaltimezone_truncate_vtimezone)                 \
	X(icaltime_from_timet_with_zone) X(icaltime_convert_to_zone) X(icaltime_set_timezone) \
	X(icaltime_null_time) X(icaltime_null_date)

typedef struct {
#define HWK_ICAL_FIELD(f) __typeof__(&f) f;
	HWK_ICAL_CALLS(HWK_ICAL_FIELD)
#undef HWK_ICAL_FIELD
} hwk_ical;

/* libical's calls, loaded once (and kept: the process ends soon after). NULL after a
 * message naming the package to install, when the library or a call is missing. */
const hwk_ical *hwk_ical_load(void);

#endif
