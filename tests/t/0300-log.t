#!/bin/bash
# hwk log: values by name and by position, every built-in type, done / partial / skipped,
# notes, --at, the confirmation line, text stored byte for byte, and how the assignment
# and the client are found.
. "$(dirname "$0")/../lib.sh"

# assign ARGS...: hwk assign, which prints the new id; the id goes to $id
assign() {
	id=$(hwk "$@" 2>"$T/assign.err")
	check "assign $* gives an id" test -n "$id" -a ! -s "$T/assign.err"
}

# Every entry below is logged at the fixed clock, so `logged` is always this.
N=2026-11-27T09:00:00+01:00
TR_HEAD=at,logged,status,reason,note,situation,emotion,intensity,thought,belief,evidence_for,evidence_against,balanced,balanced_belief,rerate,replaces
AC_HEAD=at,logged,status,reason,note,activity,planned,predicted_mood,mood_before,mood_after,mastery,pleasure,replaces
EX_HEAD=at,logged,status,reason,note,step,suds_before,suds_peak,suds_after,minutes,safety_behaviours,replaces
SL_HEAD=at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality,replaces
MI_HEAD=at,logged,status,reason,note,practice,minutes,before,after,replaces
TA_HEAD=at,logged,status,reason,note,replaces

# The confirmation line. HWK_NOW is Friday 2026-11-27; weeks start on Monday, so this week
# is Mon 2026-11-23 .. Sun 2026-11-29. An assignment made today starts on Friday and runs
# every day with no end: the rule in lib/frequency.h counts, for `day`, the active days of
# the week, here Fri 27, Sat 28, Sun 29 = 3. The first number is the done and partial
# entries whose `at` falls in the week (skipped ones do not count). Hence "1 of 3" after
# the first entry, and so on.

hwk init p 2>/dev/null
dir=p/clients/alex

# ---- every built-in type -----------------------------------------------------------
assign -C p assign alex thought-record
TR=$id
assign -C p assign alex activity
AC=$id
assign -C p assign alex exposure
EX=$id
assign -C p assign alex sleep
SL=$id
assign -C p assign alex mindfulness
MI=$id
assign -C p assign alex task
TA=$id
is "ids are DATE-TYPE-XXXX" \
	"$(printf '%s\n' "$TR" "$AC" "$EX" "$SL" "$MI" "$TA" | grep -cE '^2026-11-27-(thought-record|activity|exposure|sleep|mindfulness|task)-[0-9a-f]{4}$')" 6

# thought-record, all by name; text with commas, double quotes, a newline, UTF-8 and
# surrounding spaces. RFC 4180 quoting where needed (a comma, a quote, a line end; the
# spec also quotes text that starts or ends with a space), quotes doubled.
sit=$'Café, "the boss"\nsaid: ok'
note='after the 1:1, at my desk'
run -C p log thought-record situation="$sit" emotion=ängstlich intensity=80 \
	thought='I will be fired' belief=70 evidence_for=' he frowned ' \
	evidence_against='good review, last month' balanced='one remark is not a verdict' \
	balanced_belief=60 rerate=40 -m "$note"
expect "a thought record by name" 0 "" "thought-record: 1 of 3 this week"
entries_is "the thought record is stored byte for byte" "$dir/$TR.csv" \
	"$TR_HEAD" \
	"$N,$N,done,,\"after the 1:1, at my desk\",\"Café, \"\"the boss\"\"
said: ok\",ängstlich,80,I will be fired,70,\" he frowned \",\"good review, last month\",one remark is not a verdict,60,40"

# activity, all by position, in field order; yes/no and integers normalised
run -C p log activity walk Y 4 3 6 07 8
expect "an activity by position" 0 "" "activity: 1 of 3 this week"
entries_is "the activity row: Y is stored as yes, 07 as 7" "$dir/$AC.csv" \
	"$AC_HEAD" "$N,$N,done,,,walk,yes,4,3,6,7,8"

# exposure, mixed: names first, then positional values fill the fields left, in order:
# step <- 'lift, 3 floors', suds_before <- 40, (suds_peak named), suds_after <- 60,
# (minutes named), safety_behaviours left empty
run -C p log exposure 'lift, 3 floors' suds_peak=80 40 minutes=25 60
expect "an exposure, names and positions mixed" 0 "" "exposure: 1 of 3 this week"
entries_is "the exposure row" "$dir/$EX.csv" \
	"$EX_HEAD" "$N,$N,done,,,\"lift, 3 floors\",40,80,60,25,"

# sleep crossing midnight: bed 23:40, wake 06:50 is fine and stored as given
run -C p log sleep bed=23:40 wake=06:50 out_of_bed=07:05 sol=15 quality=4
expect "a night across midnight" 0 "" "sleep: 1 of 3 this week"
entries_is "the sleep row" "$dir/$SL.csv" \
	"$SL_HEAD" "$N,$N,done,,,23:40,,15,,,06:50,07:05,4"

# mindfulness by position; minutes is required
run -C p log mindfulness 'body scan' 20 3 6
expect "a mindfulness practice" 0 "" "mindfulness: 1 of 3 this week"
entries_is "the mindfulness row" "$dir/$MI.csv" \
	"$MI_HEAD" "$N,$N,done,,,body scan,20,3,6"

# task: no fields at all
run -C p log task
expect "a task" 0 "" "task: 1 of 3 this week"
entries_is "the task row" "$dir/$TA.csv" "$TA_HEAD" "$N,$N,done,,"

# ---- more of sleep: positions, mixing, normalising ------------------------------------
# all eight by position
run -C p log sleep 23:40 23:50 15 2 30 06:50 07:05 4
expect "sleep by position" 0 "" "sleep: 1 of 3 this week"
# names anywhere; the positions fill bed, lights_out, sol, awakenings, waso, out_of_bed
# (wake and quality were named); 6:50 -> 06:50, 0:10 -> 00:10, 007 -> 7
run -C p log sleep wake=6:50 23:40 quality=4 0:10 007 1 20 07:05
expect "sleep mixed" 0 "" "sleep: 1 of 3 this week"
# a partial entry: required fields may be missing; partial counts toward the week (4 of 3:
# more entries than the week expects is simply more)
run -C p log sleep --partial bed=23:30 -m 'forgot the rest'
expect "--partial without the required wake and out_of_bed" 0 "" "sleep: 1 of 3 this week"
# a skip does not count
run -C p log sleep --skip forgot
expect "a skipped night" 0 "" "sleep: 1 of 3 this week"
run -C p log sleep -p
expect "-p is --partial, even with no values at all" 0 "" "sleep: 1 of 3 this week"
entries_is "the sleep rows in the order logged" "$dir/$SL.csv" \
	"$SL_HEAD" \
	"$N,$N,done,,,23:40,,15,,,06:50,07:05,4" \
	"$N,$N,done,,,23:40,23:50,15,2,30,06:50,07:05,4" \
	"$N,$N,done,,,23:40,00:10,7,1,20,06:50,07:05,4" \
	"$N,$N,partial,,forgot the rest,23:30,,,,,,," \
	"$N,$N,skipped,forgot,,,,,,,,," \
	"$N,$N,partial,,,,,,,,,,"

# ---- every reason for a skip -----------------------------------------------------------
for r in busy difficult avoided forgot unclear unsuited; do
	run -C p log task --skip "$r"
	expect "skip: $r" 0 "" "task: 1 of 3 this week"
done
run -C p log task -s other -m $'the car broke down, "again"\nso no'
expect "skip: other with a note" 0 "" "task: 1 of 3 this week"
run -C p log task --skip=busy -m 'a deadline'
expect "skip: busy with a note" 0 "" "task: 1 of 3 this week"
entries_is "a row per reason; only other's and busy's notes" "$dir/$TA.csv" \
	"$TA_HEAD" \
	"$N,$N,done,," \
	"$N,$N,skipped,busy," \
	"$N,$N,skipped,difficult," \
	"$N,$N,skipped,avoided," \
	"$N,$N,skipped,forgot," \
	"$N,$N,skipped,unclear," \
	"$N,$N,skipped,unsuited," \
	"$N,$N,skipped,other,\"the car broke down, \"\"again\"\"
so no\"" \
	"$N,$N,skipped,busy,a deadline"

# ---- -q ------------------------------------------------------------------------------
run -C p log task -q -m 'quietly'
expect "-q silences the confirmation" 0 "" ""
is "the quiet entry is stored" "$(tail -n 1 "$dir/$TA.csv")" "$N,$N,done,,quietly,"
run -C p log task
expect "the next log: the quiet entry counted, its day once" 0 "" "task: 1 of 3 this week"

# ---- the text round trip through hwk list ------------------------------------------------
run -C p list entries -t thought-record -f csv
expect "list -f csv gives the text back, quoted the same way" 0 \
	"client,assignment,type,at,logged,status,reason,note,situation,emotion,intensity,thought,belief,evidence_for,evidence_against,balanced,balanced_belief,rerate
alex,$TR,thought-record,$N,$N,done,,\"after the 1:1, at my desk\",\"Café, \"\"the boss\"\"
said: ok\",ängstlich,80,I will be fired,70,\" he frowned \",\"good review, last month\",one remark is not a verdict,60,40" ""
hwk -C p list entries -t thought-record -f json >"$T/json"
printf '%s' "$sit" >"$T/want"
jq -j '.[0].situation' "$T/json" >"$T/got"
check "list -f json: the situation, byte for byte" cmp -s "$T/want" "$T/got"
printf '%s' "$note" >"$T/want"
jq -j '.[0].note' "$T/json" >"$T/got"
check "list -f json: the note, byte for byte" cmp -s "$T/want" "$T/got"
printf '%s' ' he frowned ' >"$T/want"
jq -j '.[0].evidence_for' "$T/json" >"$T/got"
check "list -f json: the spaces around a text are kept" cmp -s "$T/want" "$T/got"
is "list -f json: integers are numbers" "$(jq -c '.[0] | [.intensity, .belief, .rerate]' "$T/json")" "[80,70,40]"
run -C p list entries -t thought-record -f tsv
is "list -f tsv: the newline is escaped, the rest as is" "$(cut -f 8,9 "$T/out" | tail -n 1)" \
	"after the 1:1, at my desk	Café, \"the boss\"\\nsaid: ok"

# ---- --at ------------------------------------------------------------------------------
# A task for sam that started on Monday 2026-11-23: all seven days of this week are
# active, so the week expects 7. Each --at below lands in this week.
assign -C p assign sam task --start 2026-11-23
SAM=$id
sam=p/clients/sam/$SAM.csv

snap p
run -C p -c sam log task --at 21:30
expect "--at 21:30 is today at 21:30, after 09:00: in the future" 1 "" \
	"hwk log: --at: 21:30 is in the future"
unchanged "nothing written for a future time" p
run -C p -c sam log task --at 'yesterday 21:30'
expect "--at 'yesterday 21:30'" 0 "" "task: 1 of 7 this week"
run -C p -c sam log task --at 2026-11-25T08:00
expect "--at 2026-11-25T08:00" 0 "" "task: 2 of 7 this week"
run -C p -c sam log task --at 2026-11-26T20:00:00Z
expect "--at in UTC" 0 "" "task: 2 of 7 this week"
run -C p -c sam log task --at 2026-11-26T20:00:00-05:00
expect "--at with another offset" 0 "" "task: 3 of 7 this week"
run -C p -c sam log task --at wed
expect "--at wed: the most recent Wednesday, at the time of day it is now" 0 "" \
	"task: 3 of 7 this week"
run -C p -c sam log task --at 2026-11-27T09:05
expect "--at 5 minutes ahead is allowed (clocks differ)" 0 "" "task: 3 of 7 this week"
snap p
run -C p -c sam log task --at 2026-11-27T09:05:01
expect "--at more than 5 minutes ahead" 1 "" \
	"hwk log: --at: 2026-11-27T09:05:01 is in the future"
unchanged "nothing written" p
run -C p -c sam log task --at 'mon 00:00'
expect "--at 'mon 00:00', the first minute of the week" 0 "" "task: 4 of 7 this week"
# Stored in local time with its offset (Europe/Berlin is +01:00 in November):
# 20:00Z is 21:00+01:00; 20:00-05:00 is 01:00Z, 02:00+01:00 the next day.
entries_is "the times as stored" "$sam" \
	"$TA_HEAD" \
	"2026-11-26T21:30:00+01:00,$N,done,," \
	"2026-11-25T08:00:00+01:00,$N,done,," \
	"2026-11-26T21:00:00+01:00,$N,done,," \
	"2026-11-27T02:00:00+01:00,$N,done,," \
	"2026-11-25T09:00:00+01:00,$N,done,," \
	"2026-11-27T09:05:00+01:00,$N,done,," \
	"2026-11-23T00:00:00+01:00,$N,done,,"
# seven entries on four days (Mon 23, Wed 25 twice, Thu 26 twice, Fri 27 twice): the week
# counts each day the task asks for once, in log's line and in list due's week, as
# completion does
is "list due: this week's days with an entry" \
	"$(hwk -C p -c sam list due -f csv | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $c["week"] "/" $c["expected_week"] }')" "4/7"

# last week's entry does not count this week: a task for kim since 2026-11-16
assign -C p assign kim task --start 2026-11-16
run -C p -c kim log task --at 'sun 23:59'
expect "an entry on last week's Sunday is not in this week" 0 "" "task: 0 of 7 this week"
is "it is stored for Sunday 2026-11-22" "$(tail -n 1 "p/clients/kim/$id.csv")" \
	"2026-11-22T23:59:00+01:00,$N,done,,,"
# under N/week every entry counts, two on one day too (no day is named)
assign -C p assign kim mindfulness --every 3/week --start 2026-11-16
run -C p -c kim log mindfulness --at 'tue 08:00' breathing 5
expect "3/week: the first entry" 0 "" "mindfulness: 1 of 3 this week"
run -C p -c kim log mindfulness --at 'tue 20:00' breathing 5
expect "3/week: a second one the same day counts too" 0 "" "mindfulness: 2 of 3 this week"

# ---- which assignment --------------------------------------------------------------------
run -C p -c alex log "$MI" 'breathing' 5
expect "by full id" 0 "" "mindfulness: 1 of 3 this week"
run -C p -c alex log "${MI%-*}" 'breathing' 6
expect "by a unique prefix of the id" 0 "" "mindfulness: 1 of 3 this week"
run -C p -c alex log 2026-11-27-m 'breathing' 7
expect "by a short unique prefix" 0 "" "mindfulness: 1 of 3 this week"
is "all three rows went to the mindfulness file" "$(tail -n 3 "$dir/$MI.csv" | cut -d, -f6,7)" \
	"breathing,5
breathing,6
breathing,7"

assign -C p assign alex sleep
SL2=$id
ids=$(printf '  %s\n' "$SL" "$SL2" | sort)
snap p
run -C p -c alex log sleep bed=23:40 wake=06:50 out_of_bed=07:00
expect "two active sleep assignments: the type name is ambiguous" 1 "" \
	"hwk log: sleep: more than one active sleep assignment; give its id:
$ids"
unchanged "nothing written when ambiguous" p
run -C p -c alex log 2026-11-27-s bed=23:40 wake=06:50 out_of_bed=07:00
expect "an ambiguous prefix" 1 "" \
	"hwk log: 2026-11-27-s: ambiguous; it starts 2 assignment ids:
$ids"
unchanged "nothing written for an ambiguous prefix" p
run -C p -c alex log nap bed=23:40
expect "an unknown assignment" 1 "" \
	"hwk log: nap: no such assignment (see 'hwk list assignments')"
unchanged "nothing written for an unknown assignment" p
run -C p -c alex log "$SL2" bed=23:40 wake=06:50 out_of_bed=07:00
expect "the second one by its id" 0 "" "sleep: 1 of 3 this week"

hwk -C p -c alex assign --end "$SL2" 2>/dev/null
snap p
run -C p -c alex log "$SL2" bed=23:40 wake=06:50 out_of_bed=07:00
expect "an ended assignment" 1 "" "hwk log: $SL2: the assignment has ended"
unchanged "nothing written to an ended assignment" p
run -C p -c alex log sleep -q bed=23:40 wake=06:50 out_of_bed=07:00
expect "the type name again means the one active sleep assignment" 0 "" ""
is "it went to the first sleep assignment" "$(grep -c . "$dir/$SL.csv") $(grep -c . "$dir/$SL2.csv")" "8 2"

# ---- which client ------------------------------------------------------------------------
hwk init c 2>/dev/null
assign -C c assign alex task
CA=$id
run -C c log task
expect "the only client is implied" 0 "" "task: 1 of 3 this week"
assign -C c assign bob task
CB=$id
snap c
run -C c log task
expect "two clients and none named" 1 "" "hwk log: more than one client; name one with -c CLIENT"
unchanged "nothing written without a client" c
run -C c -c bob log task
expect "-c names the client" 0 "" "task: 1 of 3 this week"
HWK_CLIENT=bob run -C c log task
expect "HWK_CLIENT names the client" 0 "" "task: 1 of 3 this week"
(cd c/clients/alex && hwk log task -m here) >"$T/out" 2>"$T/err"
rc=$?
expect "inside clients/alex the client is alex" 0 "" "task: 1 of 3 this week"
snap c
run -C c -c nobody log task
expect "an unknown client" 1 "" "hwk log: nobody: no such client (see 'hwk list clients')"
unchanged "nothing written for an unknown client" c
entries_is "alex's entries" "c/clients/alex/$CA.csv" "$TA_HEAD" "$N,$N,done,," "$N,$N,done,,here"
entries_is "bob's entries" "c/clients/bob/$CB.csv" "$TA_HEAD" "$N,$N,done,," "$N,$N,done,,"

# ---- the week's expectation, by frequency and week start --------------------------------
# From the rule in lib/frequency.h, for an assignment made today (Friday): the active days
# of this Monday-start week are Fri, Sat, Sun (3).
#   N/week: N x 3/7 rounded half up, at most 3: 1 -> 0.43 -> 0; 2 -> 0.86 -> 1;
#           4 -> 1.71 -> 2; 5 -> 2.14 -> 2; 7 -> 3
#   weekday: active Monday-Friday days: Fri -> 1;  mon,wed,fri: Fri -> 1;  sat,sun: 2;
#   tue: none of the active days -> 0;  once: 1 (it starts this week)
# The entry, logged on Friday, counts 1, but where the frequency does not name Friday
# (sat,sun and tue): an entry on a day the schedule does not name makes up for nothing.
hwk init w 2>/dev/null
for pair in 1/week:0 2/week:1 4/week:2 5/week:2 7/week:3 weekday:1 mon,wed,fri:1 sat,sun:2:0 \
	tue:0:0 once:1; do
	every=${pair%%:*}
	rest=${pair#*:}
	want=${rest%%:*}
	got=1
	[ "$rest" = "$want" ] || got=${rest#*:}
	assign -C w assign alex task --every "$every"
	run -C w log "$id"
	expect "--every $every starting on a Friday" 0 "" "task: $got of $want this week"
done
# With weeks from Sunday this week is Sun 22 .. Sat 28: active Fri, Sat -> 2. From
# Saturday it is Sat 21 .. Fri 27: active Fri only -> 1 (and the entry above is in it).
sed -i 's/^week_start: monday$/week_start: sunday/' w/hwk.yaml
assign -C w assign alex sleep
# three values by position are sleep's three required fields, bed, wake and out_of_bed
# (0345-log-positions.t)
run -C w log "$id" 23:40 06:50 07:00
expect "weeks from Sunday" 0 "" "sleep: 1 of 2 this week"
sed -i 's/^week_start: sunday$/week_start: saturday/' w/hwk.yaml
run -C w log "$id" bed=23:40 wake=06:50 out_of_bed=07:00
expect "weeks from Saturday" 0 "" "sleep: 1 of 1 this week"

# ---- files ----------------------------------------------------------------------------------
is "no temp files left" "$(find p c w -name '*.tmp.*')" ""
is "entry files are 0600" "$(find p c w -name '*.csv' -printf '%m\n' | sort -u)" 600

done_testing
