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
run -C p review alex
is "review: the latest correction counts: (20+20+30+20)/4" "$(grep 'fall asleep' "$T/out")" \
	"  time to fall asleep (min)  22.5  (4)"

# ---- withdraw: the day becomes missed ----------------------------------------------
HWK_NOW=2026-11-27T09:20:00+01:00 run -C p -c alex log --withdraw sleep@2026-11-24 -m 'logged for the wrong client'
expect "withdraw the night of the 24th" 0 "" "sleep: 3 of 7 this week"
is "the withdrawing row: its at, no values, the note, replaces the entry" "$(tail -n 1 "$dir/$SL.csv")" \
	"2026-11-24T07:30:00+01:00,2026-11-27T09:20:00+01:00,withdrawn,,logged for the wrong client,,,,,,,,,2026-11-24T08:00:00+01:00"
run -C p review alex
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

done_testing
