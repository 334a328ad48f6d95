#!/bin/bash
# Values each within their scale that together cannot be true are refused, never averaged:
# by hwk log, by hwk log --import (every row before any is written), and when read back
# from a hand-edited file (named, left out, exit 1). The rules: hwk-types(1), each table.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
# now is Friday 2026-11-27 09:00 in Berlin; everything starts on Monday 2026-11-23
SL=$(hwk -C p assign alex sleep --start 2026-11-23)
EX=$(hwk -C p assign alex exposure --start 2026-11-23)
MI=$(hwk -C p assign alex mindfulness --start 2026-11-23)
TR=$(hwk -C p assign alex thought-record --start 2026-11-23)
AC=$(hwk -C p assign alex activity --start 2026-11-23)
dir=p/clients/alex
why="a night goes bed, lights_out, wake, out_of_bed, in less than 24 hours"

# ---- sleep: the clock times in their order --------------------------------------------
# bed 23:00 -> wake 07:00 is 8h00 (one midnight); wake 07:00 -> out_of_bed 06:50 read
# forward is 23h50, so out_of_bed would come 31h50 (1910 minutes) after bed: the two
# that disagree are wake and out_of_bed (the step of most of a day is the reversed one).
fails "out of bed before waking" 1 \
	"hwk log: out_of_bed: 06:50 is before wake 07:00 ($why)" \
	-C p -c alex log sleep bed=23:00 wake=7:00 out_of_bed=6:50
# lights out 22:00 an hour before bed 23:00: bed -> lights_out is 23h00 forward
fails "lights out before bed" 1 \
	"hwk log: lights_out: 22:00 is before bed 23:00 ($why)" \
	-C p -c alex log sleep bed=23:00 lights_out=22:00 wake=07:00 out_of_bed=07:30
# wake 04:00 before lights out 23:30 is fine (4h30 over midnight); out_of_bed 03:00 is not
fails "out of bed before waking, over midnight" 1 \
	"hwk log: out_of_bed: 03:00 is before wake 04:00 ($why)" \
	-C p -c alex log sleep bed=23:00 lights_out=23:30 wake=04:00 out_of_bed=03:00
# each step under 12 h, yet bed 10:00 -> lights_out 21:00 (11h) -> wake 07:00 (10h) ->
# out_of_bed 14:00 (7h) is 28h00 in all
fails "a night of 28 hours" 1 \
	"hwk log: out_of_bed: 14:00 is 28h00 after bed 10:00 (by lights_out 21:00, wake 07:00); a night is less than 24 hours" \
	-C p -c alex log sleep bed=10:00 lights_out=21:00 wake=07:00 out_of_bed=14:00

# ---- sleep: the minutes fit the night -------------------------------------------------
# bed 23:00 -> wake 07:00 = 480 minutes; sol 600 > 480
fails "sol longer than the night" 1 \
	"hwk log: sol: 600 minutes is longer than bed 23:00 to wake 07:00 (480 minutes)" \
	-C p -c alex log sleep bed=23:00 wake=07:00 out_of_bed=07:10 sol=600
# from lights out when given: 23:30 -> 07:00 = 450; waso 460 > 450
fails "waso longer than lights out to waking" 1 \
	"hwk log: waso: 460 minutes is longer than lights_out 23:30 to wake 07:00 (450 minutes)" \
	-C p -c alex log sleep bed=23:00 lights_out=23:30 wake=07:00 out_of_bed=07:10 waso=460 awakenings=3
# 300 and 200 each fit in 450; together 500 do not
fails "sol + waso longer than the night" 1 \
	"hwk log: sol + waso: 300 + 200 minutes is longer than lights_out 23:30 to wake 07:00 (450 minutes)" \
	-C p -c alex log sleep bed=23:00 lights_out=23:30 wake=07:00 out_of_bed=07:10 sol=300 waso=200 awakenings=2
fails "minutes awake in the night without an awakening" 1 \
	"hwk log: waso: 20 minutes awake in the night, but awakenings is 0" \
	-C p -c alex log sleep bed=23:00 wake=07:00 out_of_bed=07:10 waso=20 awakenings=0
# a partial entry is held to the rules for what it gives
fails "a partial entry too" 1 \
	"hwk log: sol: 500 minutes is longer than bed 23:00 to wake 07:00 (480 minutes)" \
	-C p -c alex log sleep --partial bed=23:00 wake=07:00 sol=500
check "no entries file was made" test ! -e "$dir/$SL.csv"

# the edges are true and taken: bed 23:00 -> wake 07:00 = 480 = sol 240 + waso 240;
# out_of_bed equal to wake; awakenings 1 with waso; all four times equal (a night of 0)
run -C p -c alex log -q sleep bed=23:00 wake=07:00 out_of_bed=07:00 sol=240 waso=240 awakenings=1 --at 2026-11-24T08:00
is "sol + waso exactly the night (exit)" "$rc" 0
run -C p -c alex log -q sleep bed=23:00 lights_out=23:00 wake=23:00 out_of_bed=23:00 --at 2026-11-25T08:00
is "four equal times (exit)" "$rc" 0
# out_of_bed 22:59 after wake 23:00 is 23h59 on: under 24 hours, so a long night, taken
run -C p -c alex log -q sleep bed=23:00 wake=23:00 out_of_bed=22:59 --at 2026-11-26T08:00
is "a night of 23h59 (exit)" "$rc" 0
run -C p -c alex log -q sleep bed=22:30 wake=06:30 out_of_bed=07:00 waso=0 awakenings=0 sol=15
is "waso 0 with awakenings 0 (exit)" "$rc" 0
# a skip has no values at all: there is nothing to compare
fails "a skip with values" 1 \
	"hwk log: a skipped entry has no values; say what got in the way with -m NOTE" \
	-C p -c alex log sleep --skip busy bed=23:00 wake=07:00 out_of_bed=06:50

# ---- exposure, mindfulness, thought record, activity ---------------------------------
fails "a peak below the SUDS before" 1 \
	"hwk log: suds_peak: 40 is below suds_before 60 (the peak is the highest SUDS of the session)" \
	-C p -c alex log exposure step=lift suds_before=60 suds_peak=40
fails "a peak below the SUDS at the end" 1 \
	"hwk log: suds_peak: 40 is below suds_after 45 (the peak is the highest SUDS of the session)" \
	-C p -c alex log exposure step=lift suds_peak=40 suds_after=45
fails "SUDS above 100" 1 "hwk log: suds_peak: 101 is above the maximum 100" \
	-C p -c alex log exposure step=lift suds_peak=101
fails "minutes below 0" 1 "hwk log: minutes: -5 is below the minimum 0" \
	-C p -c alex log exposure step=lift minutes=-5
fails "an exposure of 0 minutes, done" 1 \
	"hwk log: minutes: 0 for a session logged as done (one that did not take place is logged as skipped, with its reason)" \
	-C p -c alex log exposure step=lift minutes=0
fails "an exposure of 0 minutes, partial" 1 \
	"hwk log: minutes: 0 for a session logged as partial (one that did not take place is logged as skipped, with its reason)" \
	-C p -c alex log exposure --partial step=lift minutes=0
fails "a mindfulness session of 0 minutes (its scale starts at 1)" 1 \
	"hwk log: minutes: 0 is below the minimum 1" \
	-C p -c alex log mindfulness practice=breathing minutes=0
fails "a re-rating outside its scale" 1 "hwk log: rerate: 101 is above the maximum 100" \
	-C p -c alex log thought-record situation=desk thought=fired intensity=80 rerate=101
run -C p -c alex log -q exposure step=lift suds_before=60 suds_peak=60 suds_after=30 minutes=1
is "a peak equal to the SUDS before (exit)" "$rc" 0

# a clinician's scale of 0-10 for intensity holds the re-rating too (its own says 0-100);
# intensity is line 2 of the fields: its max goes from 100 to 10
sed -i '/name: intensity/,/max:/s/max: 100/max: 10/' "$dir/$TR.yaml"
fails "a re-rating on the scale of the rating it repeats" 1 \
	"hwk log: rerate: 40 is above intensity's maximum 10 (the two are on one scale)" \
	-C p -c alex log thought-record situation=desk thought=fired intensity=8 rerate=40
sed -i '/name: mood_after/,/max:/s/max: 10/max: 5/' "$dir/$AC.yaml"
fails "a mood before on the scale of the mood after" 1 \
	"hwk log: mood_before: 7 is above mood_after's maximum 5 (the two are on one scale)" \
	-C p -c alex log activity activity=walk mood_before=7 mood_after=4
# a mindfulness scale opened to 0 minutes still takes no session of 0 minutes done
sed -i 's/min: 1$/min: 0/' "$dir/$MI.yaml"
fails "mindfulness: 0 minutes, done, on a scale from 0" 1 \
	"hwk log: minutes: 0 for a session logged as done (one that did not take place is logged as skipped, with its reason)" \
	-C p -c alex log mindfulness practice=breathing minutes=0

# ---- import: every row checked before any is written --------------------------------
before=$(cat "$dir/$SL.csv")
printf '%s\n' 'assignment,at,bed,wake,out_of_bed,sol' \
	'sleep,2026-11-23T08:00,23:40,06:50,07:00,10' \
	'sleep,2026-11-24T08:00,23:00,07:00,06:50,' \
	'exposure,2026-11-24T09:00,,,,' >in.csv
fails "import: a night that cannot be true in the middle" 1 \
	"hwk log: in.csv:3: out_of_bed: 06:50 is before wake 07:00 ($why)" \
	-C p -c alex log --import in.csv
is "import: the entries file as it was" "$(cat "$dir/$SL.csv")" "$before"
# the other types' rules too, and a skip's values, as hwk log refuses them
printf '%s\n' 'assignment,at,status,reason,step,suds_before,suds_peak' \
	'exposure,2026-11-24T09:00,done,,lift,30,50' \
	'exposure,2026-11-25T09:00,done,,lift,70,50' >in.csv
fails "import: a peak below the SUDS before, on row 2" 1 \
	"hwk log: in.csv:3: suds_peak: 50 is below suds_before 70 (the peak is the highest SUDS of the session)" \
	-C p -c alex log --import in.csv
printf '%s\n' 'assignment,at,status,reason,step,suds_before,suds_peak' \
	'exposure,2026-11-24T09:00,skipped,avoided,lift,70,' >in.csv
fails "import: a skip with values" 1 "hwk log: in.csv:2: step: a skipped entry has no values" \
	-C p -c alex log --import in.csv
is "the exposure file holds its header and the one session logged above" "$(wc -l <"$dir/$EX.csv")" 2

# ---- a hand-edited row is named, left out of the numbers, the rest shown ---------------
# the row of 2026-11-26 (bed 23:00, wake 23:00, out_of_bed 22:59) becomes out_of_bed 06:50
# with wake 07:00: what was TIB 1439 would be 1910 minutes; it is left out instead
sed -i 's/^\(2026-11-26T08:00[^,]*,.*\),23:00,22:59,,$/\1,07:00,06:50,,/' "$dir/$SL.csv"
like "the row was edited" "$(cat "$dir/$SL.csv")" ',07:00,06:50,,$'
line=$(grep -n ',07:00,06:50,,$' "$dir/$SL.csv" | cut -d: -f1)
run -C p -c alex list entries -t sleep -f csv
is "list: the bad row named (stderr)" "$(cat "$T/err")" \
	"hwk list: clients/alex/$SL.csv:$line: out_of_bed: 06:50 is before wake 07:00 ($why)"
is "list: exit 1" "$rc" 1
is "list: the other three nights" "$(tail -n +2 "$T/out" | wc -l)" 3
# tib_mean over the three good nights: 07:00-23:00 = 480, 23:00-23:00 = 0,
# 07:00-22:30 = 510: (480 + 0 + 510) / 3 = 330.0
run -C p report --from 2026-11-23 --to 2026-11-27 alex -f csv
is "report: time in bed 330.0 over 3 nights" "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++)
	if ($i == "sleep.tib_mean") c = i } $4 == "sleep" { print $c "/" $(c + 1) }' "$T/out")" 330.0/3
is "report: exit 1" "$rc" 1

done_testing
