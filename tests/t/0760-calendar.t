#!/bin/bash
# hwk calendar: a client's assignments as iCalendar (RFC 5545) events, one an assignment
# with its rule from the frequency, at the `when` time of day in the practice's zone (an
# all-day event when `when` is words), its reminder, and a UID that stays the same. The
# file is read back by libical (tests/unit/ics_read.c) and by Python's icalendar, as a
# calendar would. See hwk-calendar(1).
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# the reader built with the unit tests, and a python3 that has icalendar (the first
# python3 on PATH that does: a python of one's own may come before Debian's)
ICS_READ=$(cd "$TOP" && cd "${UNIT_DIR:-build/tests}" 2>/dev/null && pwd)/ics_read
PY=$(sh "$TOP/tests/python-with.sh" icalendar)
check "libical's reader is built (make tests)" test -x "$ICS_READ"
check "a python3 with icalendar is installed (python3-icalendar; make deps)" test -n "$PY"
[ -n "$PY" ] || PY=false
crlf() { tr -d '\r' <"$1"; }

hwk init p 2>/dev/null
# now is Friday 2026-11-27 09:00 in Berlin ($TZ, the practice naming no zone)
SL=$(asg p alex sleep --every day --start 2026-11-23 --when 'on waking' \
	--where 'bed, or the sofa; never the desk' --minimum 'bed and wake times only' \
	-m $'Fill it in; within an hour of getting up, «before coffee».\nBring it to the session — the next one, on Tuesday, with the diary from the week before and any notes.' \
	--name 'Alex Ó Briain')
EX=$(asg p alex exposure --every 3/week --start 2026-11-25 --when 18:00 --until 2026-12-31 \
	--where 'the lift, 1st floor')
TA=$(asg p alex task --every mon,wed --start 2026-11-26 --when 7.30pm)
AC=$(asg p alex activity --every weekday --start 2026-11-28 --when 'at 8am')
TR=$(asg p alex thought-record --every once --start 2026-11-30 --when evening)
EN=$(asg p alex task --every day --start 2026-07-01 --when 18:30)
hwk -C p assign --end "$EN" --at 2026-08-20 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
is "setup" "$setup_failed" 0

snap p
run -C p calendar alex
cp "$T/out" a.ics
is "calendar: exit" "$rc" 0
is "calendar: nothing on stderr" "$(cat "$T/err")" ""
unchanged "calendar writes nothing in the practice" p
is "every line ends with CRLF" "$(grep -vc $'\r$' a.ics)" 0
is "no line is longer than 75 octets" "$(LC_ALL=C awk 'length($0) > 76' a.ics)" ""
# what comes before the zone and after it, exactly (the zone's rules are the system's
# tz database's, checked apart below)
is "the calendar's own properties" "$(crlf a.ics | sed -n '1,/^BEGIN:VTIMEZONE$/p')" \
	"BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//hwk//hwk calendar//EN
CALSCALE:GREGORIAN
X-WR-CALNAME:Homework: Alex Ó Briain
X-WR-TIMEZONE:Europe/Berlin
BEGIN:VTIMEZONE"
uid() { echo "hwk-alex-$1-ff18f0d8"; }
is "the events, exactly" "$(crlf a.ics | sed -n '/^BEGIN:VEVENT$/,$p')" "BEGIN:VEVENT
UID:$(uid "$SL")
DTSTAMP:20261127T080000Z
SEQUENCE:1
DTSTART;VALUE=DATE:20261123
RRULE:FREQ=DAILY
SUMMARY:Sleep diary
LOCATION:bed\\, or the sofa\\; never the desk
DESCRIPTION:Fill it in\\; within an hour of getting up\\, «before 
 coffee».\\nBring it to the session — the next one\\, on Tuesday\\, with 
 the diary from the week before and any notes.\\n\\nWhen: on waking\\nMinimum:
  bed and wake times only (counts as partly done)\\nLog it: hwk log 
 $SL
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:PT9H
DESCRIPTION:Sleep diary
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:$(uid "$EX")
DTSTAMP:20261127T080000Z
SEQUENCE:1
DTSTART;TZID=Europe/Berlin:20261125T180000
DURATION:PT30M
RRULE:FREQ=WEEKLY;UNTIL=20261231T170000Z
SUMMARY:Exposure: 3 times this week
LOCATION:the lift\\, 1st floor
DESCRIPTION:Log it: hwk log $EX
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:Exposure: 3 times this week
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:$(uid "$TA")
DTSTAMP:20261127T080000Z
SEQUENCE:1
DTSTART;TZID=Europe/Berlin:20261130T193000
DURATION:PT30M
RRULE:FREQ=WEEKLY;BYDAY=MO,WE
SUMMARY:Task
DESCRIPTION:Log it: hwk log $TA
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:Task
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:$(uid "$AC")
DTSTAMP:20261127T080000Z
SEQUENCE:1
DTSTART;TZID=Europe/Berlin:20261130T080000
DURATION:PT30M
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
SUMMARY:Activity (behavioural activation)
DESCRIPTION:Log it: hwk log $AC
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:Activity (behavioural activation)
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:$(uid "$TR")
DTSTAMP:20261127T080000Z
SEQUENCE:1
DTSTART;VALUE=DATE:20261130
SUMMARY:Thought record
DESCRIPTION:When: evening\\nLog it: hwk log 
 $TR
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:PT9H
DESCRIPTION:Thought record
END:VALARM
END:VEVENT
END:VCALENDAR"
is "an assignment ended more than 90 days ago has no event" "$(grep -c "$EN" a.ics)" 0

# libical reads it back: no problem found, the zone, and each event as it was meant, its
# text unescaped; the first two times each falls on (local, and in UTC)
"$ICS_READ" a.ics 2 >read.out 2>&1
is "libical: read back" "$?" 0
is "libical: what it holds" "$(cat read.out)" "errors: 0
timezone: Europe/Berlin
event: $(uid "$SL")
summary: Sleep diary
start: 20261123
rule: FREQ=DAILY
location: bed, or the sofa; never the desk
description: Fill it in; within an hour of getting up, «before coffee».\\nBring it to the session — the next one, on Tuesday, with the diary from the week before and any notes.\\n\\nWhen: on waking\\nMinimum: bed and wake times only (counts as partly done)\\nLog it: hwk log $SL
alarm: DISPLAY PT9H
at: 20261123
at: 20261124
event: $(uid "$EX")
summary: Exposure: 3 times this week
start: 20261125T180000 Europe/Berlin
rule: FREQ=WEEKLY;UNTIL=20261231T170000Z
location: the lift, 1st floor
description: Log it: hwk log $EX
alarm: DISPLAY -PT15M
at: 20261125T180000 = 20261125T170000Z
at: 20261202T180000 = 20261202T170000Z
event: $(uid "$TA")
summary: Task
start: 20261130T193000 Europe/Berlin
rule: FREQ=WEEKLY;BYDAY=MO,WE
description: Log it: hwk log $TA
alarm: DISPLAY -PT15M
at: 20261130T193000 = 20261130T183000Z
at: 20261202T193000 = 20261202T183000Z
event: $(uid "$AC")
summary: Activity (behavioural activation)
start: 20261130T080000 Europe/Berlin
rule: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
description: Log it: hwk log $AC
alarm: DISPLAY -PT15M
at: 20261130T080000 = 20261130T070000Z
at: 20261201T080000 = 20261201T070000Z
event: $(uid "$TR")
summary: Thought record
start: 20261130
description: When: evening\\nLog it: hwk log $TR
alarm: DISPLAY PT9H
at: 20261130"

# Python's icalendar: per assignment the rule its frequency implies, the start's zone,
# a display alarm; the zone defined with its standard and summer time; the text as given
cat >check.py <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for z in cal.walk('VTIMEZONE'):
    kinds = sorted(set(c.name for c in z.subcomponents))
    print('zone', z['TZID'], ' '.join(kinds))
for e in cal.walk('VEVENT'):
    r = e.get('RRULE')
    start = e['DTSTART']
    alarms = [(str(a['ACTION']), a['TRIGGER'].to_ical().decode()) for a in e.walk('VALARM')]
    print(e['UID'].split('-', 2)[2], r.to_ical().decode() if r else 'once',
          start.params.get('TZID', start.params.get('VALUE')), alarms)
    if len(sys.argv) > 2 and e['UID'].endswith(sys.argv[2]):
        print(repr(str(e['LOCATION'])), repr(str(e['DESCRIPTION'])))
PY
"$PY" check.py a.ics "$SL-ff18f0d8" >py.out 2>&1
is "icalendar: read back" "$?" 0
is "icalendar: the rules, zones and alarms" "$(cat py.out)" "zone Europe/Berlin DAYLIGHT STANDARD
$SL-ff18f0d8 FREQ=DAILY DATE [('DISPLAY', 'PT9H')]
'bed, or the sofa; never the desk' 'Fill it in; within an hour of getting up, «before coffee».\\nBring it to the session — the next one, on Tuesday, with the diary from the week before and any notes.\\n\\nWhen: on waking\\nMinimum: bed and wake times only (counts as partly done)\\nLog it: hwk log $SL'
$EX-ff18f0d8 FREQ=WEEKLY;UNTIL=20261231T170000Z Europe/Berlin [('DISPLAY', '-PT15M')]
$TA-ff18f0d8 FREQ=WEEKLY;BYDAY=MO,WE Europe/Berlin [('DISPLAY', '-PT15M')]
$AC-ff18f0d8 FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR Europe/Berlin [('DISPLAY', '-PT15M')]
$TR-ff18f0d8 once DATE [('DISPLAY', 'PT9H')]"

# the same calendar again, and with the client named by -c: the UIDs stay (an import
# updates the events), only DTSTAMP follows the clock
run -C p -c alex calendar
is "-c names the client as well" "$(cat "$T/out")" "$(cat a.ics)"
HWK_NOW=2026-12-01T10:00:00+01:00 run -C p calendar alex
is "later: only DTSTAMP differs" "$(diff a.ics "$T/out" | grep '^[<>]' | sort -u | tr -d '\r')" \
	"< DTSTAMP:20261127T080000Z
> DTSTAMP:20261201T090000Z"
# a change to the assignment is a new version of its event
hwk -C p assign --edit "$TA" --when 20:00 2>/dev/null
run -C p calendar alex
like "an edit: the next SEQUENCE, the new time" "$(crlf "$T/out" | grep -A3 "^UID:$(uid "$TA")" | tr '\n' ' ')" \
	"SEQUENCE:2 DTSTART;TZID=Europe/Berlin:20261130T200000"

# --alarm: minutes before a timed event
run -C p calendar alex --alarm 60
is "--alarm 60" "$(crlf "$T/out" | grep '^TRIGGER' | sort | uniq -c | sed 's/^ *//')" \
	"3 TRIGGER:-PT1H
2 TRIGGER:PT9H"
run -C p calendar alex --alarm 0
like "--alarm 0: at the time" "$(crlf "$T/out" | grep '^TRIGGER' | sort -u | tr '\n' ' ')" \
	"^TRIGGER:PT0S TRIGGER:PT9H $"

# the practice's zone from hwk.yaml; times stay local across a DST change: 18:00 in
# London is 17:00 UTC before the last Sunday of October and 18:00 UTC after it
hwk init q 2>/dev/null
echo "timezone: Europe/London" >>q/hwk.yaml
DS=$(HWK_NOW=2026-10-20T09:00:00+01:00 asg q sam task --every day --start 2026-10-22 --when 18:00)
run -C q calendar sam
cp "$T/out" q.ics
is "zone: exit" "$rc" 0
"$ICS_READ" q.ics 5 >read.out 2>&1
is "zone: the local time stays, the UTC time moves with DST" \
	"$(grep -E '^(timezone|start|rule|at):' read.out)" "timezone: Europe/London
start: 20261022T180000 Europe/London
rule: FREQ=DAILY
at: 20261022T180000 = 20261022T170000Z
at: 20261023T180000 = 20261023T170000Z
at: 20261024T180000 = 20261024T170000Z
at: 20261025T180000 = 20261025T180000Z
at: 20261026T180000 = 20261026T180000Z"
"$PY" check.py q.ics >py.out 2>&1
is "zone: icalendar reads the zone and the start in it" "$(cat py.out)" \
	"zone Europe/London DAYLIGHT STANDARD
$DS-d877d458 FREQ=DAILY Europe/London [('DISPLAY', '-PT15M')]"
like "zone: the VTIMEZONE has the October change back to GMT" \
	"$(crlf q.ics | sed -n '/^BEGIN:VTIMEZONE/,/^END:VTIMEZONE/p' | tr '\n' ' ')" \
	"BEGIN:STANDARD TZNAME:GMT TZOFFSETFROM:\+0100 TZOFFSETTO:\+0000 DTSTART:20261025T020000"
sed -i 's/^timezone: .*/timezone: UTC/' q/hwk.yaml
run -C q calendar sam
is "UTC: exit" "$rc" 0
like "UTC: a zone named UTC, and the start in it" "$(crlf "$T/out" | grep -E '^(TZID|DTSTART;)' | tr '\n' ' ')" \
	"^TZID:UTC DTSTART;TZID=UTC:20261022T180000 $"

# which assignments, from when: a changed frequency starts its rule on the first day it
# names from the change (Tuesday 24th -> Wednesday 25th); one ended ahead of a day to
# come is there up to that day; an active one whose until has gone by is not
hwk init r 2>/dev/null
CH=$(HWK_NOW=2026-11-16T09:00:00+01:00 asg r ed task --every day --start 2026-11-16 --when 18:00)
HWK_NOW=2026-11-24T09:00:00+01:00 hwk -C r assign --edit "$CH" --every mon,wed 2>/dev/null
AH=$(asg r ed sleep --every day --start 2026-11-20)
hwk -C r assign --end "$AH" --at 2026-12-02 2>/dev/null
PA=$(asg r ed exposure --every day --start 2026-11-01 --until 2026-11-20)
run -C r calendar ed
is "changed, ended ahead, over: the events" \
	"$(crlf "$T/out" | sed -n '/^BEGIN:VEVENT$/,$p' | grep -E '^(UID|DTSTART|RRULE|SEQUENCE)')" \
	"UID:hwk-ed-$CH-6e1bde2c
SEQUENCE:2
DTSTART;TZID=Europe/Berlin:20261125T180000
RRULE:FREQ=WEEKLY;BYDAY=MO,WE
UID:hwk-ed-$AH-6e1bde2c
SEQUENCE:2
DTSTART;VALUE=DATE:20261120
RRULE:FREQ=DAILY;UNTIL=20261202"
is "an active one past its until has no event" "$(grep -c "$PA" "$T/out")" 0

# control characters have no place in iCalendar text: each becomes U+FFFD (a CR of a
# CRLF goes, a tab and a line break stay)
asg r cy task -m $'a\x01b\tc\x7fd' >/dev/null
run -C r calendar cy
is "a control character in the text" "$(crlf "$T/out" | grep '^DESCRIPTION:a')" \
	"DESCRIPTION:a�b	c�d\n\nLog it: hwk log $(ls r/clients/cy | grep task | sed 's/\.yaml$//')"

# a client's own copy of their folder (standing alone) gives the same calendar, with the
# same UIDs: importing either updates the same events
cp -r p/clients/alex alone
hwk -C p calendar alex >in-practice.ics
run -C alone calendar
is "standing alone: the same calendar" "$(cat "$T/out")" "$(cat in-practice.ics)"

# ended within the last 90 days: its event stays, stopped at its last day, so that a
# calendar that imported it while it ran ends its reminders when the file is imported
# again (a calendar keeps the events a new import lacks); one that ended before its first
# day is cancelled; one whose last day is 91 days ago is left out
RE=$(asg p di task --every day --start 2026-11-20 --when 18:30)
hwk -C p calendar di >di-before.ics
is "running: its reminders go on (no UNTIL)" "$(crlf di-before.ics | sed -n '/^BEGIN:VEVENT/,$p' | grep '^RRULE')" "RRULE:FREQ=DAILY"
hwk -C p assign --end "$RE" --at 2026-11-26 2>/dev/null
CA=$(asg p di task --every mon --start 2026-11-24)
hwk -C p assign --end "$CA" --at 2026-11-26 2>/dev/null
D90=$(asg p di task --every day --start 2026-08-01)
hwk -C p assign --end "$D90" --at 2026-08-29 2>/dev/null
D91=$(asg p di task --every day --start 2026-08-01)
hwk -C p assign --end "$D91" --at 2026-08-28 2>/dev/null
snap p
run -C p calendar di
cp "$T/out" di.ics
is "ended: exit" "$rc" 0
unchanged "ended: nothing written" p
is "ended: each event as it stands now" "$(crlf di.ics | sed -n '/^BEGIN:VEVENT$/,$p')" "BEGIN:VEVENT
UID:hwk-di-$D90-ff18f0d8
DTSTAMP:20261127T080000Z
SEQUENCE:2
DTSTART;VALUE=DATE:20260801
RRULE:FREQ=DAILY;UNTIL=20260829
SUMMARY:Task
DESCRIPTION:Ended: 2026-08-29
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:PT9H
DESCRIPTION:Task
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:hwk-di-$RE-ff18f0d8
DTSTAMP:20261127T080000Z
SEQUENCE:2
DTSTART;TZID=Europe/Berlin:20261120T183000
DURATION:PT30M
RRULE:FREQ=DAILY;UNTIL=20261126T173000Z
SUMMARY:Task
DESCRIPTION:Ended: 2026-11-26
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:Task
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:hwk-di-$CA-ff18f0d8
DTSTAMP:20261127T080000Z
SEQUENCE:2
DTSTART;VALUE=DATE:20261130
SUMMARY:Task
DESCRIPTION:Ended: 2026-11-26
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR"
is "ended: the same UID as while it ran, a later SEQUENCE" \
	"$(crlf di-before.ics | grep -A2 "^UID:hwk-di-$RE" | sed -n 1p;crlf di-before.ics | grep -A2 "^UID:hwk-di-$RE" | sed -n 3p)" \
	"UID:hwk-di-$RE-ff18f0d8
SEQUENCE:1"
is "ended 91 days ago: left out" "$(grep -c "$D91" di.ics)" 0
"$ICS_READ" di.ics 1 >read.out 2>&1
is "ended: libical reads it" "$(head -1 read.out)" "errors: 0"
"$PY" - di.ics >py.out 2>&1 <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    r = e.get('RRULE')
    print(e['UID'].split('-task-')[1][:4], e.get('STATUS', '-'), r['UNTIL'][0] if r else '-')
PY
is "ended: icalendar reads the UNTIL and the cancel" "$(cat py.out)" "${D90#*-task-} - 2026-08-29
${RE#*-task-} - 2026-11-26 17:30:00+00:00
${CA#*-task-} CANCELLED -"

# nothing to remind of: an empty calendar, and no zone
asg p bo task --every once --start 2026-07-20 >/dev/null
hwk -C p assign --end "$(ls p/clients/bo | grep -m1 task | sed 's/\.yaml$//')" --at 2026-08-26 2>/dev/null
run -C p calendar bo
is "none active: an empty calendar" "$(crlf "$T/out" | grep -c -E 'VEVENT|VTIMEZONE')" 0
"$ICS_READ" "$T/out" >read.out 2>&1
is "none active: libical reads it" "$(head -1 read.out)" "errors: 0"

# only hwk calendar loads libical: hwk is not linked with it
is "hwk is not linked with libical" "$(ldd "$HWK" | grep -c libical)" 0

# errors: the message, the exit status, and nothing on stdout or in the practice
fails "unknown client" 1 "hwk calendar: bob: no such client (see 'hwk list clients')" \
	-C p calendar bob
fails "two clients" 2 "usage: hwk calendar [CLIENT] [--alarm MINUTES]" -C p calendar alex bo
fails "unknown option" 2 "hwk calendar: --bogus: unknown option
usage: hwk calendar [CLIENT] [--alarm MINUTES]" -C p calendar alex --bogus
fails "--alarm without a value" 2 "hwk calendar: --alarm needs a value
usage: hwk calendar [CLIENT] [--alarm MINUTES]" -C p calendar alex --alarm
for bad in x -1 1441 1.5 ''; do
	fails "--alarm '$bad'" 2 "hwk calendar: --alarm: $bad is not a number of minutes (0 to 1440)" \
		-C p calendar alex --alarm "$bad"
done
mkdir nowhere
(cd nowhere && HOME=$T/nowhere run calendar && expect "no practice" 1 "" \
	"hwk calendar: no clients yet (start with 'hwk assign CLIENT TYPE')")
is "no practice: none made" "$(find nowhere | sort)" "nowhere"
cp p/hwk.yaml hwk.yaml.keep
echo "timezone: Mars/Olympus" >>p/hwk.yaml
fails "a zone the system does not know" 1 \
	"hwk calendar: hwk.yaml: timezone Mars/Olympus is not a time zone this system knows (tzdata)" \
	-C p calendar alex
cp hwk.yaml.keep p/hwk.yaml
echo "timezone: Europe London" >>p/hwk.yaml
line=$(grep -n '^timezone' p/hwk.yaml | cut -d: -f1)
fails "not a zone name" 1 \
	"hwk calendar: hwk.yaml:$line:11: 'timezone' must be a time zone name such as Europe/London" \
	-C p calendar alex
fails "not a zone name: every command says it" 1 \
	"hwk list: hwk.yaml:$line:11: 'timezone' must be a time zone name such as Europe/London" \
	-C p list clients
cp hwk.yaml.keep p/hwk.yaml
TZ=Nowhere/Land fails "a \$TZ the system does not know" 1 \
	"hwk calendar: the time zone Nowhere/Land (\$TZ) is not one this system knows (tzdata): set 'timezone' in hwk.yaml, such as timezone: Europe/London" \
	-C p calendar alex
# libical missing, or too old (a library of its name without its calls): the package named
mkdir fakelib
if ${CC:-cc} -shared -fPIC -o fakelib/libical.so.3 -x c /dev/null 2>/dev/null; then
	LD_LIBRARY_PATH=$T/fakelib fails "a libical without its calls" 1 \
		"hwk calendar: libical.so.3 has no icalcomponent_new: libical 3.0.6 or newer is needed. On Debian/Ubuntu: sudo apt-get install libical3" \
		-C p calendar alex
	LD_LIBRARY_PATH=$T/fakelib run -C p list clients
	is "other commands do not open it" "$rc" 0
else
	check "a C compiler (cc) to make a stand-in libical" false
fi

done_testing
