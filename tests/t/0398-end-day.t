#!/bin/bash
# The end day: no day the client could no longer log is counted missed. An assignment
# ended on its end day (or later) takes no more entries from that moment, and its end day
# counts as expected only when an entry (done, partial or skipped) was logged on it;
# otherwise its counted days stop the day before. One ended ahead (--end --at a later
# day) takes entries through that day, which counts as any other; after it, none. One
# rule (lib/adherence.c, hwk_adherence_until) for log's line, list due, review and report.
# See hwk(5), THE END DAY, and hwk-assign(1), --end.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# Europe/Berlin; weeks start on Monday. The week 2026-W48 is Mon 23 .. Sun 29 November.
hwk init p 2>/dev/null
THU10=2026-11-26T10:00:00+01:00
THU22=2026-11-26T22:00:00+01:00

# ---- am: ended at 10:00, nothing logged on the end day -----------------------------------
# daily from Mon 23: done Mon 23 and Wed 25 (Tue 24 missed); ended Thu 26 at 10:00.
# 3/week from Mon 23: done Tue 24; ended Thu 26 at 10:00.
# mon,wed,fri from Mon 23: done Mon 23; ended Wed 25 (a named day) at 10:00.
AM=$(asg p am task --start 2026-11-23)
AMW=$(asg p am task --every 3/week --start 2026-11-23)
AMN=$(asg p am task --every mon,wed,fri --start 2026-11-23)
lg p am "$AM" --at 2026-11-23T19:00
lg p am "$AM" --at 2026-11-25T19:00
lg p am "$AMW" --at 2026-11-24T19:00
lg p am "$AMN" --at 2026-11-23T19:00
HWK_NOW=$THU10 asg p --end "$AM"
HWK_NOW=$THU10 asg p --end "$AMW"
HWK_NOW=2026-11-25T10:00:00+01:00 asg p --end "$AMN"

# ---- pm: ended at 20:00, after an entry that day -----------------------------------------
# daily from Mon 23: done Mon 23, Wed 25 and Thu 26 at 07:00 (Tue 24 missed); ended Thu 26
# at 20:00.
# 3/week from Mon 23: done Tue 24 and Thu 26 at 07:00; ended Thu 26 at 20:00.
# mon,wed,fri from Mon 23: done Mon 23, skipped (busy) Wed 25 at 08:00; ended Wed 25 at
# 20:00.
PM=$(asg p pm task --start 2026-11-23)
PMW=$(asg p pm task --every 3/week --start 2026-11-23)
PMN=$(asg p pm task --every mon,wed,fri --start 2026-11-23)
lg p pm "$PM" --at 2026-11-23T19:00
lg p pm "$PM" --at 2026-11-25T19:00
lg p pm "$PMW" --at 2026-11-24T19:00
lg p pm "$PMN" --at 2026-11-23T19:00
HWK_NOW=2026-11-25T08:00:00+01:00 lg p pm "$PMN" --skip busy
HWK_NOW=2026-11-26T07:00:00+01:00 lg p pm "$PM"
HWK_NOW=2026-11-26T07:00:00+01:00 lg p pm "$PMW"
HWK_NOW=2026-11-25T20:00:00+01:00 asg p --end "$PMN"
HWK_NOW=2026-11-26T20:00:00+01:00 asg p --end "$PM"
HWK_NOW=2026-11-26T20:00:00+01:00 asg p --end "$PMW"

# ---- fu, fw: ended ahead, on Sunday 29, by an end recorded on Friday 27 ------------------
# fu: daily from Mon 23: done Mon 23 .. Thu 26 at 19:00 (Fri 27 missed).
# fw: 3/week from Mon 23: done Tue 24.
FU=$(asg p fu task --start 2026-11-23)
FW=$(asg p fw task --every 3/week --start 2026-11-23)
for d in 23 24 25 26; do
	lg p fu "$FU" --at 2026-11-${d}T19:00
done
lg p fw "$FW" --at 2026-11-24T19:00
is "setup" "$setup_failed" 0
[ "$setup_failed" -eq 0 ] || sed 's/^/# /' "$T/setup.err" >&2

# col NAME ID: the column NAME of the CSV report's row for assignment ID in $T/out (the
# one quoted cell, "mon,wed,fri", made one without commas first)
col() {
	sed 's/"mon,wed,fri"/mwf/' "$T/out" |
		awk -F, -v name="$1" -v id="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i }
			$3 == id { print $c }'
}
# counts ID: expected, done, skipped, missed and completion of ID in $T/out
counts() { for c in expected done skipped missed completion; do col $c "$1"; done | tr '\n' ' '; }

# ---- ended in the morning -----------------------------------------------------------------
# At 22:00 on the end day the log is refused, by id and by type name (no task of am's is
# open): the rest of the day could not be logged, so it is not counted.
HWK_NOW=$THU22 run -C p -c am log "$AM"
expect "am: a log at 22:00 after an end at 10:00 is refused" 1 "" \
	"hwk log: $AM: the assignment has ended"
HWK_NOW=$THU22 run -C p -c am log task
is "am: by type name too (exit)" "$rc" 1
like "am: by type name too (stderr; it names one of the three, by id order)" "$(cat "$T/err")" \
	"^hwk log: task: the task assignment ($AM|$AMW|$AMN) has ended\$"
# list due at 22:00: an assignment that takes no entries is not due (am has no row)
HWK_NOW=$THU22 run -C p list due -f csv
is "am: list due at 22:00 (exit)" "$rc" 0
is "am: list due at 22:00 lists none of am's" "$(grep -c '^am,' "$T/out")" 0

# report for W48, on Friday 27 09:00 (days up to today count):
#   daily: Mon 23 .. Wed 25 counted (Thu 26, the end day, has no entry): 3 expected; done
#     2; missed 3 - 2 = 1; 2/3 = 66.7 %. (Counting Thursday: 4 expected, 2 missed, 50 %.)
#   3/week: Mon 23 .. Wed 25, 3 days: 3 x 3 / 7 = 1.29 -> 1 expected; done 1; 100 %.
#     (Counting Thursday: 3 x 4 / 7 = 1.71 -> 2, 50 %.)
#   mon,wed,fri: Mon 23 .. Tue 24 counted (Wed 25, the end day, has no entry): Mon named
#     -> 1 expected; done 1; 100 %. (Counting Wednesday: 2 expected, 50 %.)
run -C p report --week 2026-W48 am -f csv
is "am: report (exit)" "$rc" 0
is "am: report, daily: 3 expected, 2 done, 1 missed, 66.7 %" "$(counts "$AM")" "3 2 0 1 66.7 "
is "am: report, 3/week: 1 expected, 1 done, 0 missed, 100 %" "$(counts "$AMW")" "1 1 0 0 100.0 "
is "am: report, mon,wed,fri: 1 expected, 1 done, 0 missed, 100 %" "$(counts "$AMN")" \
	"1 1 0 0 100.0 "

# review on Friday 27 09:00: from the start (Mon 23) to today (Fri 27, in progress), the
# same counts as the report (the assignments ended on Thu 26). Daily: last entry Wed 25,
# 2 days before today; no streak: today is after the end.
run -C p review am
is "am: review (exit)" "$rc" 0
is "am: review, daily" "$(grep -A1 "($AM, ended)" "$T/out" | tail -n 1)" \
	"  done 2, partial 0, skipped 0, missed 1 of 3 expected: 67% completed"
is "am: review, daily: last entry and streak" "$(grep -A2 "($AM, ended)" "$T/out" | tail -n 1)" \
	"  last entry 2 days before 2026-11-27"
is "am: review, 3/week" "$(grep -A1 "($AMW, ended)" "$T/out" | tail -n 1)" \
	"  done 1, partial 0, skipped 0, missed 0 of 1 expected: 100% completed"
is "am: review, mon,wed,fri" "$(grep -A1 "($AMN, ended)" "$T/out" | tail -n 1)" \
	"  done 1, partial 0, skipped 0, missed 0 of 1 expected: 100% completed"

# ---- ended in the evening, after an entry that day ---------------------------------------
# report for W48, on Friday 27 09:00:
#   daily: Mon 23 .. Thu 26 counted (an entry at 07:00 on the end day): 4 expected; done 3
#     (23, 25, 26); missed 4 - 3 = 1; 3/4 = 75 %.
#   3/week: Mon 23 .. Thu 26, 4 days: 3 x 4 / 7 = 1.71 -> 2 expected; done 2 (24, 26);
#     100 %.
#   mon,wed,fri: Mon 23 .. Wed 25 counted (a skip on the end day counts it too): Mon, Wed
#     -> 2 expected; done 1 (Mon), skipped 1 (Wed); missed 2 - 1 - 1 = 0; 1/2 = 50 %.
run -C p report --week 2026-W48 pm -f csv
is "pm: report (exit)" "$rc" 0
is "pm: report, daily: 4 expected, 3 done, 1 missed, 75 %" "$(counts "$PM")" "4 3 0 1 75.0 "
is "pm: report, 3/week: 2 expected, 2 done, 0 missed, 100 %" "$(counts "$PMW")" "2 2 0 0 100.0 "
is "pm: report, mon,wed,fri: 2 expected, 1 done, 1 skipped, 0 missed, 50 %" \
	"$(counts "$PMN")" "2 1 1 0 50.0 "
run -C p review pm
is "pm: review (exit)" "$rc" 0
is "pm: review, daily" "$(grep -A1 "($PM, ended)" "$T/out" | tail -n 1)" \
	"  done 3, partial 0, skipped 0, missed 1 of 4 expected: 75% completed"
is "pm: review, 3/week" "$(grep -A1 "($PMW, ended)" "$T/out" | tail -n 1)" \
	"  done 2, partial 0, skipped 0, missed 0 of 2 expected: 100% completed"
is "pm: review, mon,wed,fri" "$(grep -A1 "($PMN, ended)" "$T/out" | tail -n 1)" \
	"  done 1, partial 0, skipped 1, missed 0 of 2 expected: 50% completed"

# ---- ended ahead: open through Sunday 29 -------------------------------------------------
# On Friday 27 09:00 (the default now) both are ended on Sunday 29: their status is ended
# and their files are named so at once.
run -C p assign --end "$FU" --at 2026-11-29
expect "fu: --end --at a later day" 0 "" ""
run -C p assign --end "$FW" --at 2026-11-29
expect "fw: --end --at a later day" 0 "" ""
is "fu: the file is the ended one" "$(ls p/clients/fu | grep -c "^$FU\.ended-2026-11-29\.yaml$")" 1

# Saturday 28 10:00: a log by type name is taken. The line counts the whole week, Mon 23 ..
# Sun 29, 7 days, all of them counted: done Mon .. Thu 4 + Sat 1 = 5 of 7.
SAT10=2026-11-28T10:00:00+01:00
HWK_NOW=$SAT10 run -C p -c fu log task
expect "fu: a log on Saturday, before the end day, by type name" 0 "" "task: 5 of 7 this week"
# fw, 3/week, the whole week counted: 3 x 7 / 7 = 3; done Tue 24 + Sat 28 = 2 of 3.
HWK_NOW=$SAT10 run -C p -c fw log "$FW"
expect "fw: a log on Saturday" 0 "" "task: 2 of 3 this week"
# list due on Saturday 10:00 (expected: up to today, as report --week this counts;
# expected_week: the whole week): fu done today, week 5; Mon .. Sat 6; 7; 2 left.
# fw done today, week 2; 3 x 6 / 7 = 2.57 -> 3; 3; 1 left.
HWK_NOW=$SAT10 run -C p list due -f csv
is "fu, fw: list due on Saturday (exit)" "$rc" 0
is "fu: list due on Saturday: done, 5 of 7, 2 left" "$(grep "^fu,$FU," "$T/out" | cut -d, -f5-)" \
	"done,5,6,7,2"
is "fw: list due on Saturday: done, 2 of 3, 1 left" "$(grep "^fw,$FW," "$T/out" | cut -d, -f5-)" \
	"done,2,3,3,1"
# Sunday 29, the end day itself: list due still lists fu, due (nothing logged today);
# up to today is the whole week, 7
HWK_NOW=2026-11-29T12:00:00+01:00 run -C p list due -f csv
is "fu: list due on the end day: due, 5 of 7, 2 left" "$(grep "^fu,$FU," "$T/out" | cut -d, -f5-)" \
	"due,5,7,7,2"
# Sunday 23:58: an entry at 00:02 on Monday 30 (within the clock's slack) is after the
# end day
HWK_NOW=2026-11-29T23:58:00+01:00 fails "fu: an entry for the day after the end day" 1 \
	"hwk log: 2026-11-30: the assignment ended on 2026-11-29" \
	-C p -c fu log "$FU" --at 2026-11-30T00:02
# Monday 30 09:00: the end day is over; no more entries, by id or by type name
MON30=2026-11-30T09:00:00+01:00
HWK_NOW=$MON30 fails "fu: a log the day after the end day" 1 \
	"hwk log: $FU: the assignment has ended" -C p -c fu log "$FU"
HWK_NOW=$MON30 fails "fu: by type name the day after the end day" 1 \
	"hwk log: task: the task assignment $FU has ended" -C p -c fu log task
HWK_NOW=$MON30 fails "fu: nor backdated to a day before the end" 1 \
	"hwk log: $FU: the assignment has ended" -C p -c fu log "$FU" --at 2026-11-29T12:00
HWK_NOW=$MON30 run -C p list due -f csv
is "fu: list due the day after the end day: not listed" "$(grep -c "^fu," "$T/out")" 0

# report for W48 on Monday 30: every day up to the end day counts as any other, Sunday
# 29 too, though nothing was logged on it (the end was recorded ahead of it):
#   fu daily: 7 expected; done Mon .. Thu, Sat = 5; missed Fri 27, Sun 29 = 2; 5/7 = 71.4 %.
#   fw 3/week: 3 x 7 / 7 = 3 expected; done 2; missed 1; 2/3 = 66.7 %.
HWK_NOW=$MON30 run -C p report --week 2026-W48 -f csv
is "fu, fw: report (exit)" "$rc" 0
is "fu: report: 7 expected, 5 done, 2 missed, 71.4 %" "$(counts "$FU")" "7 5 0 2 71.4 "
is "fw: report: 3 expected, 2 done, 1 missed, 66.7 %" "$(counts "$FW")" "3 2 0 1 66.7 "
# review on Monday 30: Mon 23 .. Sun 29, as the report
HWK_NOW=$MON30 run -C p review fu
is "fu: review (exit)" "$rc" 0
is "fu: review" "$(grep -A1 "($FU, ended)" "$T/out" | tail -n 1)" \
	"  done 5, partial 0, skipped 0, missed 2 of 7 expected: 71% completed"

# ---- an import takes rows as hwk log does ------------------------------------------------
# fi: daily from Mon 23, ended ahead on Sunday 29 (recorded on Friday 27): on Saturday an
# import of rows for Friday and Saturday is taken, by the assignment column and by the
# assignment named; on Monday 30 a row for Sunday is refused, the end day being over.
FI=$(asg p fi task --start 2026-11-23)
asg p --end "$FI" --at 2026-11-29
is "fi: setup" "$setup_failed" 0
printf 'assignment,at\n%s,2026-11-27T19:00\n' "$FI" >fi1.csv
printf 'at\n2026-11-28T09:00\n' >fi2.csv
HWK_NOW=$SAT10 run -C p -c fi log --import fi1.csv
expect "fi: an import on Saturday, by the assignment column" 0 "" "hwk log: 1 entry logged"
HWK_NOW=$SAT10 run -C p -c fi log "$FI" --import fi2.csv
expect "fi: an import on Saturday, the assignment named" 0 "" "hwk log: 1 entry logged"
printf 'assignment,at\n%s,2026-11-29T19:00\n' "$FI" >fi3.csv
HWK_NOW=$MON30 fails "fi: an import the day after the end day" 1 \
	"hwk log: fi3.csv:2: $FI: the assignment has ended" -C p -c fi log --import fi3.csv
HWK_NOW=$MON30 fails "fi: an import the day after the end day, the assignment named" 1 \
	"hwk log: $FI: the assignment has ended" -C p -c fi log "$FI" --import fi2.csv

done_testing
