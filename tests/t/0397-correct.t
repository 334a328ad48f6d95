#!/bin/bash
# hwk log --correct and --withdraw: a correction is a whole row appended, naming the entry
# it takes the place of in its replaces column; every command then counts the corrected
# view (list entries, list due, review, report, log's own line); list entries --history
# shows every row as stored. See hwk(5), ENTRIES, and hwk-log(1), Correcting and
# withdrawing.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
dir=p/clients/alex
# now is Friday 2026-11-27 09:00 in Berlin; weeks start on Monday
SL=$(asg p alex sleep --start 2026-11-23)
HEAD=at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality,replaces
# four nights, each logged at 08:00 that morning (so that each has its own logged)
for d in 23 24 25 26; do
	HWK_NOW=2026-11-${d}T08:00:00+01:00 lg p alex sleep bed=23:00 sol=20 wake=06:30 out_of_bed=07:00 quality=3 --at 2026-11-${d}T07:30
done
is "setup" "$setup_failed" 0
row() { # DAY SOL [LOGGED [STATUS [REPLACES]]]: a row as hwk writes it
	echo "2026-11-$1T07:30:00+01:00,${3:-2026-11-$1T08:00:00+01:00},${4:-done},,,23:00,,$2,,,06:30,07:00,3,${5:-}"
}
file_is "the header ends with replaces, an entry as logged has it empty" "$dir/$SL.csv" \
	"$HEAD" "$(row 23 20)" "$(row 24 20)" "$(row 25 20)" "$(row 26 20)"

# ---- a correction ------------------------------------------------------------------
run -C p -c alex log --correct sleep@2026-11-25 sol=40
expect "correct the night of the 25th" 0 "" "sleep: 4 of 7 this week"
file_is "a whole row appended: the old values, sol changed, logged now, replaces the entry" \
	"$dir/$SL.csv" "$HEAD" "$(row 23 20)" "$(row 24 20)" "$(row 25 20)" "$(row 26 20)" \
	"$(row 25 40 2026-11-27T09:00:00+01:00 done 2026-11-25T08:00:00+01:00)"
run -C p list entries -f csv
expect "list entries: the corrected view, the correction in its place in the file" 0 \
"client,assignment,type,at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality
alex,$SL,sleep,2026-11-23T07:30:00+01:00,2026-11-23T08:00:00+01:00,done,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-24T07:30:00+01:00,2026-11-24T08:00:00+01:00,done,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-26T07:30:00+01:00,2026-11-26T08:00:00+01:00,done,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-25T07:30:00+01:00,2026-11-27T09:00:00+01:00,done,,,23:00,,40,,,06:30,07:00,3" ""
run -C p review alex
is "review: 4 done, the mean time to fall asleep with the new value (20+20+40+20)/4" \
	"$(grep -E ' done [0-9]|fall asleep' "$T/out")" \
	"  done 4, partial 0, skipped 0, missed 0 of 4 expected: 100% completed
  time to fall asleep (min)  25.0  (4)"
is "review: the night of the 25th with sol 40, once" "$(grep -c '2026-11-25 07:30' "$T/out") $(grep '2026-11-25 07:30' "$T/out")" \
	"1   2026-11-25 07:30  done: bed 23:00, sol 40, wake 06:30, out_of_bed 07:00, quality 3"
# report: the columns by name
col() { csv2tsv <"$T/out" | awk -F'\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } NR == 2 { print $c }'; }
run -C p report --week this alex -f csv
is "report: done 4, missed 1 (the 27th), sol mean 25.0 of 4" \
	"$(for c in done missed sleep.sol_mean sleep.sol_mean_n; do col $c; done | tr '\n' ' ')" "4 1 25.0 4 "

# ---- a correction of a correction: replaces names the entry as first logged ---------
HWK_NOW=2026-11-27T09:10:00+01:00 run -C p -c alex log --correct sleep@2026-11-25 sol=30 -m 'woke at 3'
expect "correct it again" 0 "" "sleep: 4 of 7 this week"
is "the new row replaces the entry as first logged, not the correction" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-25T07:30:00+01:00,2026-11-27T09:10:00+01:00,done,,woke at 3,23:00,,30,,,06:30,07:00,3,2026-11-25T08:00:00+01:00"
# (a review runs up to now: after the correction at 09:10)
HWK_NOW=2026-11-27T09:30:00+01:00 run -C p review alex
is "review: the latest correction counts: (20+20+30+20)/4" "$(grep 'fall asleep' "$T/out")" \
	"  time to fall asleep (min)  22.5  (4)"

# ---- withdraw: the day becomes missed ----------------------------------------------
HWK_NOW=2026-11-27T09:20:00+01:00 run -C p -c alex log --withdraw sleep@2026-11-24 -m 'logged for the wrong client'
expect "withdraw the night of the 24th" 0 "" "sleep: 3 of 7 this week"
is "the withdrawing row: its at, no values, the note, replaces the entry" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-24T07:30:00+01:00,2026-11-27T09:20:00+01:00,withdrawn,,logged for the wrong client,,,,,,,,,2026-11-24T08:00:00+01:00"
HWK_NOW=2026-11-27T09:30:00+01:00 run -C p review alex
is "review: 3 done, the 24th missed" "$(grep -E ' done [0-9]|fall asleep' "$T/out")" \
	"  done 3, partial 0, skipped 0, missed 1 of 4 expected: 75% completed
  time to fall asleep (min)  23.3  (3)"
is "review: no night of the 24th" "$(grep -c '2026-11-24' "$T/out")" 0
run -C p list due -f csv
is "list due: 3 this week" "$(tail -n 1 "$T/out")" "alex,$SL,sleep,day,due,3,5,7,4"
run -C p report --week this alex -f csv
is "report: done 3, missed 2" "$(for c in done missed sleep.sol_mean_n; do col $c; done | tr '\n' ' ')" "3 2 3 "
run -C p list entries -f tsv
is "list entries: three, the 24th gone, the 25th as last corrected" "$(cut -f4,5,11 "$T/out")" \
"$(tsv "at|logged|sol" \
	"2026-11-23T07:30:00+01:00|2026-11-23T08:00:00+01:00|20" \
	"2026-11-26T07:30:00+01:00|2026-11-26T08:00:00+01:00|20" \
	"2026-11-25T07:30:00+01:00|2026-11-27T09:10:00+01:00|30")"

# ---- --history: every row as stored -------------------------------------------------
run -C p list entries --history -f csv
expect "list entries --history" 0 \
"client,assignment,type,at,logged,status,reason,note,replaces,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality
alex,$SL,sleep,2026-11-23T07:30:00+01:00,2026-11-23T08:00:00+01:00,done,,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-24T07:30:00+01:00,2026-11-24T08:00:00+01:00,done,,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-25T07:30:00+01:00,2026-11-25T08:00:00+01:00,done,,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-26T07:30:00+01:00,2026-11-26T08:00:00+01:00,done,,,,23:00,,20,,,06:30,07:00,3
alex,$SL,sleep,2026-11-25T07:30:00+01:00,2026-11-27T09:00:00+01:00,done,,,2026-11-25T08:00:00+01:00,23:00,,40,,,06:30,07:00,3
alex,$SL,sleep,2026-11-25T07:30:00+01:00,2026-11-27T09:10:00+01:00,done,,woke at 3,2026-11-25T08:00:00+01:00,23:00,,30,,,06:30,07:00,3
alex,$SL,sleep,2026-11-24T07:30:00+01:00,2026-11-27T09:20:00+01:00,withdrawn,,logged for the wrong client,2026-11-24T08:00:00+01:00,,,,,,,," ""
run -C p list entries --history -s withdrawn -f tsv
is "list entries --history -s withdrawn: the withdrawing row" "$(cut -f5,6,9 "$T/out")" \
	"$(tsv "logged|status|replaces" "2026-11-27T09:20:00+01:00|withdrawn|2026-11-24T08:00:00+01:00")"
run -C p list entries --history -f json
like "json --history: replaces after note" "$(cat "$T/out")" '"note":"logged for the wrong client","replaces":"2026-11-24T08:00:00\+01:00"'
run -C p list entries -f json
is "json without --history: no replaces" "$(grep -c replaces "$T/out")" 0

# ---- every error: a message, the exit status, nothing written -----------------------
fails "no entry on that day" 1 "hwk log: $SL@2026-11-20: no such entry (see hwk list entries -a $SL)" \
	-C p -c alex log --correct sleep@2026-11-20 sol=10
fails "no entry logged then" 1 "hwk log: $SL@2026-11-25T08:30:00+01:00: no such entry (see hwk list entries -a $SL)" \
	-C p -c alex log --correct sleep@2026-11-25T08:30:00+01:00 sol=10
fails "an entry withdrawn, named by its day" 1 \
	"hwk log: $SL@2026-11-24: the entry was withdrawn (2026-11-27T09:20:00+01:00); log it anew" \
	-C p -c alex log --correct sleep@2026-11-24 sol=10
fails "an entry withdrawn, named by its logged" 1 \
	"hwk log: $SL@2026-11-24T08:00:00+01:00: the entry was withdrawn (2026-11-27T09:20:00+01:00); log it anew" \
	-C p -c alex log --withdraw sleep@2026-11-24T08:00:00+01:00
fails "not a day or a time" 1 \
	"hwk log: $SL@soon: not a day (2026-11-27, yesterday, ...) or a time as in the logged column (2026-11-27T21:04:00+01:00)" \
	-C p -c alex log --correct sleep@soon sol=10
fails "a value out of range" 1 "hwk log: quality: 9 is above the maximum 5" \
	-C p -c alex log --correct sleep@2026-11-26 quality=9
fails "values that cannot be true together (plausible.c)" 1 \
	"$(hwk -C p -c alex log sleep bed=23:00 sol=600 wake=06:30 out_of_bed=07:00 --at 2026-11-27T07:30 2>&1 >/dev/null </dev/null)" \
	-C p -c alex log --correct sleep@2026-11-26 sol=600
like "(the same message as a new entry's)" "$(cat "$T/err")" "sol"
fails "a day before the assignment" 1 "hwk log: 2026-11-20: the assignment starts on 2026-11-23" \
	-C p -c alex log --correct sleep@2026-11-26 --at 2026-11-20T07:30
fails "a value by position" 1 "hwk log: 40: a correction takes FIELD=VALUE" \
	-C p -c alex log --correct sleep@2026-11-26 40
fails "no such field" 1 "hwk log: sl: no such field in sleep (fields: bed, lights_out, sol, awakenings, waso, wake, out_of_bed, quality)" \
	-C p -c alex log --correct sleep@2026-11-26 sl=40
fails "a column given twice" 1 "hwk log: status: given twice" \
	-C p -c alex log --correct sleep@2026-11-26 -p status=done
fails "logged cannot be given" 1 "hwk log: logged: no such field in sleep (fields: bed, lights_out, sol, awakenings, waso, wake, out_of_bed, quality)" \
	-C p -c alex log --correct sleep@2026-11-26 logged=2026-11-20T08:00
fails "a skip with a value" 1 "hwk log: sol: a skipped entry has no values" \
	-C p -c alex log --correct sleep@2026-11-26 -s busy sol=20
fails "nothing to change" 2 "hwk log: --correct: nothing to change (FIELD=VALUE, --at, -p, -s or -m)" \
	-C p -c alex log --correct sleep@2026-11-26
fails "--withdraw with a value" 2 "hwk log: --withdraw takes only a note (-m NOTE): the entry no longer counts" \
	-C p -c alex log --withdraw sleep@2026-11-26 sol=20
fails "--withdraw with --at" 2 "hwk log: --withdraw takes only a note (-m NOTE): the entry no longer counts" \
	-C p -c alex log --withdraw sleep --at yesterday
fails "--correct and --withdraw" 2 "hwk log: --correct cannot be combined with --withdraw" \
	-C p -c alex log --correct --withdraw sleep
fails "--correct and --import" 2 "hwk log: --correct cannot be combined with --import" \
	-C p -c alex log --correct sleep --import -
fails "no such assignment" 1 "hwk log: walk: no such assignment (see 'hwk list assignments')" \
	-C p -c alex log --correct walk@2026-11-26 sol=1
fails "--history for another kind" 2 "hwk list: --history: only entries have a history" \
	-C p list due --history
fails "-s withdrawn without --history" 2 "hwk list: -s: withdrawn is not done, partial or skipped" \
	-C p list entries -s withdrawn
# two entries on one day: a day is ambiguous, the logged names one
HWK_NOW=2026-11-27T09:30:00+01:00 lg p alex sleep bed=23:30 sol=20 wake=06:30 out_of_bed=07:00 --at 2026-11-26T12:00
fails "two entries that day" 1 \
	"hwk log: $SL@2026-11-26: 2 entries; name one by its logged: $SL@2026-11-26T08:00:00+01:00, $SL@2026-11-27T09:30:00+01:00" \
	-C p -c alex log --correct sleep@2026-11-26 sol=10
HWK_NOW=2026-11-27T09:40:00+01:00 run -C p -c alex log --withdraw sleep@2026-11-27T09:30:00+01:00 -q
expect "named by its logged, one of them is withdrawn" 0 "" ""
# with no @, the entry logged last (however often corrected since): the 26th at 12:00 is
# withdrawn, so the one logged at 2026-11-26T08:00
HWK_NOW=2026-11-27T09:50:00+01:00 run -C p -c alex log --correct sleep quality=4 -q
is "no @: the latest entry" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-26T07:30:00+01:00,2026-11-27T09:50:00+01:00,done,,,23:00,,20,,,06:30,07:00,4,2026-11-26T08:00:00+01:00"
HWK_NOW=2026-11-27T09:55:00+01:00 run -C p -c alex log --correct sleep@last quality=5 -q
is "@last: the latest entry too, named by the same entry" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-26T07:30:00+01:00,2026-11-27T09:55:00+01:00,done,,,23:00,,20,,,06:30,07:00,5,2026-11-26T08:00:00+01:00"
# status: a skip empties the values; back to done empties the reason
HWK_NOW=2026-11-27T10:00:00+01:00 run -C p -c alex log --correct sleep@2026-11-23 -s forgot -q
is "corrected to a skip: the values emptied" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-23T07:30:00+01:00,2026-11-27T10:00:00+01:00,skipped,forgot,,,,,,,,,,2026-11-23T08:00:00+01:00"
fails "back to done: the required fields are needed" 1 "hwk log: bed: required (Time you went to bed)" \
	-C p -c alex log --correct sleep@2026-11-23 status=done
HWK_NOW=2026-11-27T10:10:00+01:00 run -C p -c alex log --correct sleep@2026-11-23 status=done bed=23:10 wake=06:00 out_of_bed=06:10 at=2026-11-23T07:00
is "corrected back to done, the reason emptied, at changed" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-23T07:00:00+01:00,2026-11-27T10:10:00+01:00,done,,,23:10,,,,,06:00,06:10,,2026-11-23T08:00:00+01:00"
# an import logs its rows at one instant: one of them cannot be named on its own
TA=$(asg p alex task --start 2026-11-23)
printf 'at\n2026-11-23T10:00\n2026-11-24T10:00\n' | hwk -C p -c alex log task --import - 2>/dev/null
fails "an entry imported with another: its logged names both" 1 \
	"hwk log: $TA@2026-11-23: 2 entries were logged at 2026-11-27T09:00:00+01:00 (an import, or logs in the same second), and a correction names an entry by its logged: it cannot name one of them" \
	-C p -c alex log --withdraw task@2026-11-23
printf '%s\n' at,replaces 2026-11-25T10:00,2026-11-25T10:00:00+01:00 >rep.csv
fails "an import cannot set replaces" 1 \
	"hwk log: rep.csv:1: 'replaces' is written by hwk log --correct and --withdraw, so it cannot be imported" \
	-C p -c alex log task --import rep.csv
fails "no entries yet" 1 "hwk log: $(asg p alex mindfulness): no entries to correct" \
	-C p -c alex log --correct mindfulness minutes=5

# ---- once: a correction is not a further entry; a withdrawn one makes room -----------
ON=$(asg p alex task --every once --start 2026-11-23)
HWK_NOW=2026-11-25T10:00:00+01:00 lg p alex "$ON" --at 2026-11-25T09:00
HWK_NOW=2026-11-27T08:00:00+01:00 run -C p -c alex log --correct "$ON" -m 'at the bank' -q
expect "once: the done entry corrected" 0 "" ""
fails "once: a further entry still refused" 1 \
	"hwk log: $ON: done already (done at 2026-11-25T09:00:00+01:00): a once assignment takes one entry; to do it again, assign it again" \
	-C p -c alex log "$ON"
HWK_NOW=2026-11-27T08:10:00+01:00 run -C p -c alex log --withdraw "$ON" -q
expect "once: withdrawn" 0 "" ""
HWK_NOW=2026-11-27T08:20:00+01:00 run -C p -c alex log "$ON"
expect "once: logged anew after the withdrawal" 0 "" "task: 1 of 1 this week"

# ---- the tail: a year of entries, a correction of one far back ------------------------
# A task every day since 2025-11-27, each logged at 10:00 that day, up to Thursday
# 2026-11-26: 365 rows. Commands about this week read the file from its end (once it has
# been seen in order), so a correction, appended now, is read without the row it corrects.
YR=$(asg p year task --start 2025-11-27)
{
	echo at,logged,status,reason,note,replaces
	for i in $(seq 0 364); do
		t=$(date -d "$(date -d "2025-11-27 12:00 $i days" +%F) 10:00" +%Y-%m-%dT%H:%M:%S%:z)
		echo "$t,$t,done,,,"
	done
} >"p/clients/year/$YR.csv"
chmod 600 "p/clients/year/$YR.csv"
is "a year of rows" "$(tail -n +2 "p/clients/year/$YR.csv" | wc -l)" 365
run -C p -c year list due -f csv
is "list due, read whole: Mon 23 to Thu 26 done" "$(tail -n 1 "$T/out")" "year,$YR,task,day,due,4,5,7,3"
like "seen in order: noted, so that the next read starts from the end" \
	"$(grep '^o clients/year/' p/.hwk.cache)" "^o clients/year/$YR.csv "
# the entry of Monday 2025-12-01, corrected to today (a day of this week with no entry)
HWK_NOW=2026-11-27T09:05:00+01:00 run -C p -c year log --correct task@2025-12-01 --at 08:30
expect "correct an entry a year back into today" 0 "" "task: 5 of 7 this week"
is "its replaces is the old entry's logged" "$(tail -n 1 "p/clients/year/$YR.csv")" \
	"2026-11-27T08:30:00+01:00,2026-11-27T09:05:00+01:00,done,,,2025-12-01T10:00:00+01:00"
run -C p -c year list due -f csv
is "list due from the tail: the correction counts today" "$(tail -n 1 "$T/out")" "year,$YR,task,day,done,5,5,7,2"
run -C p report --week 2025-W49 year -f csv
is "the week of 2025-12-01: that day now missed" "$(for c in done missed; do col $c; done | tr '\n' ' ')" "6 1 "
# a correction of this week's entry: the tail holds both rows, and counts it once
HWK_NOW=2026-11-27T09:06:00+01:00 run -C p -c year log --correct task@2026-11-25 -m 'in the evening'
expect "correct an entry of this week" 0 "" "task: 5 of 7 this week"
# withdraw one far back: this week's count stays, that week's drops
HWK_NOW=2026-11-27T09:07:00+01:00 run -C p -c year log --withdraw task@2026-01-05
expect "withdraw an entry a year back" 0 "" "task: 5 of 7 this week"
run -C p -c year list due -f csv
is "list due: still 5" "$(tail -n 1 "$T/out")" "year,$YR,task,day,done,5,5,7,2"
run -C p report --week 2026-W02 year -f csv
is "the week of 2026-01-05: that day missed" "$(for c in done missed; do col $c; done | tr '\n' ' ')" "6 1 "
# read whole (the order note gone), the same
rm p/.hwk.cache
run -C p -c year list due -f csv
is "list due, read whole: the same" "$(tail -n 1 "$T/out")" "year,$YR,task,day,done,5,5,7,2"
run -C p -c year list entries --since 2025-12-01 --until 2025-12-01
is "list entries: the day of the entry moved away is empty" "$(cat "$T/out")" \
	"$(tsv "client|assignment|type|at|logged|status|reason|note")"
run -C p -c year list entries --since 2026-11-23 -f tsv
is "list entries: this week's five, the moved one last" "$(cut -f4,8 "$T/out")" \
	"$(tsv "at|note" "2026-11-23T10:00:00+01:00|" "2026-11-24T10:00:00+01:00|" \
		"2026-11-26T10:00:00+01:00|" "2026-11-27T08:30:00+01:00|" \
		"2026-11-25T10:00:00+01:00|in the evening")"

# ---- a file of version 1 (no replaces): read, not appended to ------------------------
mkdir -p p/clients/old
hwk -C p assign old task --start 2026-11-23 >"$T/id"
OLD=$(cat "$T/id")
printf '%s\n' at,logged,status,reason,note \
	2026-11-23T10:00:00+01:00,2026-11-23T10:00:00+01:00,done,, \
	2026-11-24T10:00:00+01:00,2026-11-24T10:00:00+01:00,done,, >p/clients/old/"$OLD".csv
chmod 600 p/clients/old/"$OLD".csv
(umask 077 && touch p/clients/old/.hwk.lock) # made by the first writer in any folder in use
run -C p -c old list entries -f csv
expect "version 1: listed" 0 "client,assignment,type,at,logged,status,reason,note
old,$OLD,task,2026-11-23T10:00:00+01:00,2026-11-23T10:00:00+01:00,done,,
old,$OLD,task,2026-11-24T10:00:00+01:00,2026-11-24T10:00:00+01:00,done,," ""
run -C p -c old list due -f csv
is "version 1: counted" "$(tail -n 1 "$T/out")" "old,$OLD,task,day,due,2,5,7,5"
fails "version 1: a log refused" 1 \
	"hwk log: clients/old/$OLD.csv:1: the header has no replaces column (an entries file of format version 1): run hwk upgrade" \
	-C p -c old log task
fails "version 1: a correction refused" 1 \
	"hwk log: clients/old/$OLD.csv:1: the header has no replaces column (an entries file of format version 1): run hwk upgrade" \
	-C p -c old log --withdraw task

# ---- rows written before version 2, one column short, under the new header ------------
printf '%s\n' at,logged,status,reason,note,replaces \
	2026-11-23T10:00:00+01:00,2026-11-23T10:00:00+01:00,done,, \
	2026-11-24T10:00:00+01:00,2026-11-24T10:00:00+01:00,done,, >p/clients/old/"$OLD".csv
HWK_NOW=2026-11-27T10:20:00+01:00 run -C p -c old log --correct task@2026-11-24 -m 'after lunch'
expect "rows one short: read, and corrected" 0 "" "task: 2 of 7 this week"
file_is "rows one short: kept byte for byte, the correction appended" p/clients/old/"$OLD".csv \
	at,logged,status,reason,note,replaces \
	2026-11-23T10:00:00+01:00,2026-11-23T10:00:00+01:00,done,, \
	2026-11-24T10:00:00+01:00,2026-11-24T10:00:00+01:00,done,, \
	"2026-11-24T10:00:00+01:00,2026-11-27T10:20:00+01:00,done,,after lunch,2026-11-24T10:00:00+01:00"
run -C p -c old list entries -f tsv
is "rows one short: listed in the corrected view" "$(cut -f4,8 "$T/out")" \
	"$(tsv "at|note" "2026-11-23T10:00:00+01:00|" "2026-11-24T10:00:00+01:00|after lunch")"

done_testing
