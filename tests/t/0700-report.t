#!/bin/bash
# hwk report: every number of -f json worked out by hand on a full week, a partial week,
# the DST week, sleep across midnight, missing optional values, a custom type and an
# assignment adjusted mid-week; the attention flags and the order of the caseload; the
# ways to give the period (--week W, this, last, a date; --from/--to); named clients;
# csv (one header row, the same numbers), json, md and text (sparklines in UTF-8 or
# ASCII); the usage errors.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# rec FILE CLIENT TYPE KEYS [PREFIX]: the one record of CLIENT's TYPE assignment in the
# JSON FILE, as {KEY: value, ...} for the comma-separated KEYS, each read from the column
# PREFIX.KEY when PREFIX is given (numbers normalised: 7.0 is 7)
rec() {
	jq -c --arg c "$2" --arg t "$3" --arg k "$4" --arg p "${5:+$5.}" '
		def n: if type == "number" then . + 0 else . end;
		[.[] | select(.client == $c and .type == $t)]
		| if length == 1
		  then .[0] as $r | reduce ($k | split(","))[] as $x ({}; . + {($x): ($r[$p + $x] | n)})
		  else "\(length) records" end' "$1"
}
# met FILE CLIENT TYPE KEYS: the same for the clinical numbers, in the columns TYPE.KEY
met() { rec "$1" "$2" "$3" "$4" "$3"; }
# attn FILE CLIENT: the client_attention column of CLIENT's first record (the client's
# flags as a whole, the same on each of its records; "" when none)
attn() { jq -r --arg c "$2" '[.[] | select(.client == $c)][0].client_attention // ""' "$1"; }
# aattn FILE CLIENT TYPE: the attention column of CLIENT's TYPE record (its own flags)
aattn() { jq -r --arg c "$2" --arg t "$3" '.[] | select(.client == $c and .type == $t) | .attention // ""' "$1"; }

ADH=expected,done,partial,skipped,missed,completion,completion_before,completion_change,since_last,streak,streak_unit,trend
SKIPS=skipped_busy,skipped_difficult,skipped_avoided,skipped_forgot,skipped_unclear,skipped_unsuited,skipped_other
SLEEP=tib_mean,tib_mean_n,tst_mean,tst_mean_n,sol_mean,sol_mean_n,waso_mean,waso_mean_n,se_mean,se_mean_n,quality_mean,quality_mean_n,awakenings_mean,awakenings_mean_n
# no reason at all, for the records without skips
NOSKIP='"skipped_busy":0,"skipped_difficult":0,"skipped_avoided":0,"skipped_forgot":0,"skipped_unclear":0,"skipped_unsuited":0,"skipped_other":0'

# The clock: Friday 2026-11-27 09:00 (tests/lib.sh). The default period is the last
# complete week, 2026-W47: Monday 16 to Sunday 22 November; "the period before" is
# Monday 9 to Sunday 15. today is the 27th, so every day of W47 is over: since_last
# counts to Sunday 22 (min(to, today)) and the streaks count back from it.
#
# The expected count (lib/adherence.h): each active day weighs by the frequency in
# force that day, in sevenths (day 7; N/week N); the week's sum /7 rounded halves up.

hwk init p 2>/dev/null
mood_check_type p

# ---- full: a full week (activity, every day from Monday 9) -----------------------------
NAME='Zoë'
FULL=$(asg p full activity --start 2026-11-09 --name "$NAME")
# the week before: done on 9, 11, 13, a skip on 14
lg p full activity walk --at 2026-11-09T19:00
lg p full activity walk --at 2026-11-11T19:00
lg p full activity walk --at 2026-11-13T19:00
lg p full activity --skip forgot --at 2026-11-14T19:00
# W47
hand_worked p full

# ---- part: a partial week (exposure, 3/week from Thursday 19) ----------------------------
# Logged out of time order on purpose: the steps and peaks come in the order of `at`.
# The second step's name holds an ESC: shown visibly in text, kept as is in JSON.
STEP5=$'lift, 5 floors\e[2J'
PART=$(asg p part exposure --every 3/week --start 2026-11-19)
hand_worked p part "$STEP5"

# ---- night: sleep across midnight (every day from Monday 16) -----------------------------
NIGHT=$(asg p night sleep --start 2026-11-16)
hand_worked p night

# ---- dst: the week of the change to winter time (2026-W43, 19 to 25 October) -------------
# Logged in that week, as a client would.
DST=$(HWK_NOW=2026-10-19T08:00:00+02:00 asg p dst sleep --start 2026-10-19)
hand_worked p dst

# ---- gaps: missing optional values (thought-record 3/week, mindfulness 2/week) -----------
TR=$(asg p gaps thought-record --every 3/week --start 2026-11-16)
MI=$(asg p gaps mindfulness --every 2/week --start 2026-11-16)
lg p gaps thought-record situation=desk emotion=anxious intensity=80 thought='I will fail' belief=70 balanced_belief=40 rerate=50 --at 2026-11-16T20:00
lg p gaps thought-record situation=bus thought='they stare' intensity=60 --at 2026-11-18T21:00
lg p gaps thought-record --partial situation=call thought='I sound dumb' intensity=50 belief=90 rerate=50 --at 2026-11-20T19:00
lg p gaps thought-record --skip avoided -m 'too raw' --at 2026-11-21T19:00
hand_worked p gaps

# ---- cust: a custom type (integer, number, yesno and text fields; every day) -------------
CU=$(asg p cust mood-check --start 2026-11-16)
hand_worked p cust

# ---- adj: adjusted mid-week (a task every day from Monday 9; 3/week from Wednesday 18) ---
ADJ=$(asg p adj task --start 2026-11-09)
for d in 09 10 11 14 15 16 17 19; do
	lg p adj task --at 2026-11-${d}T12:00
done
lg p adj task --partial --at 2026-11-21T12:00
HWK_NOW=2026-11-18T10:00:00+01:00 hwk -C p assign --edit "$ADJ" --every 3/week 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))

is "setup: every assign and log succeeded" "$setup_failed" 0
is "setup: ids" "$(printf '%s\n' "$FULL" "$PART" "$NIGHT" "$DST" "$TR" "$MI" "$CU" "$ADJ" | grep -c .)" 8
is "setup: the change of frequency is in the history, made on Wednesday" \
	"$(sed -n '/^history:/,$p' "p/clients/adj/$ADJ.yaml" | tail -n 4)" \
	"- at: 2026-11-18T10:00:00+01:00
  change: every
  from: day
  to: 3/week"

# ---- the default week, as JSON --------------------------------------------------------------
run -C p report -f json
cp "$T/out" "$T/w47.json"
is "report -f json (exit)" "$rc" 0
is "report -f json: nothing on stderr" "$(cat "$T/err")" ""
check "report -f json passes jq ." jq . "$T/w47.json"
J=$T/w47.json
is "one record per client x assignment, period W47" \
	"$(jq -c '[.[] | [.client, .type, .from, .to]]' "$J")" \
	'[["dst","sleep","2026-11-16","2026-11-22"],["gaps","mindfulness","2026-11-16","2026-11-22"],["gaps","thought-record","2026-11-16","2026-11-22"],["night","sleep","2026-11-16","2026-11-22"],["cust","mood-check","2026-11-16","2026-11-22"],["full","activity","2026-11-16","2026-11-22"],["adj","task","2026-11-16","2026-11-22"],["part","exposure","2026-11-16","2026-11-22"]]'
# (the order is the caseload's, worked out below)

# full, W47. every day, 7 active days: 7 x 7/7 = 7 expected.
# done 16, 17, 18, 20, 22 = 5; partial 21 = 1; skipped 19 (busy) = 1; missed 7 - 7 = 0.
# completion (5 + 1) / 7 = 85.714 -> 85.7. The week before: 7 expected, done 9, 11, 13 ->
# 3/7 = 42.857 -> 42.9; change 600/7 - 300/7 = 42.857 -> 42.9.
# since_last: the last entry on 22, the period ends on 22: 0.
# streak (days): 22 done, 21 partial, 20 done, 19 skipped -> 3.
# trend, entries done or partial per day 16..22: 1 1 1 0 1 1 1.
is "full: adherence" "$(rec "$J" full activity "$ADH")" \
	'{"expected":7,"done":5,"partial":1,"skipped":1,"missed":0,"completion":85.7,"completion_before":42.9,"completion_change":42.9,"since_last":0,"streak":3,"streak_unit":"days","trend":"1 1 1 0 1 1 1"}'
is "full: skips by reason" "$(rec "$J" full activity "$SKIPS")" \
	'{"skipped_busy":1,"skipped_difficult":0,"skipped_avoided":0,"skipped_forgot":0,"skipped_unclear":0,"skipped_unsuited":0,"skipped_other":0}'
# activity numbers over the 6 done/partial entries (16, 17, 18, 20, 21, 22):
#   mastery 4, 6, 5, 8, 3 (21 has none) = 26 / 5 = 5.2
#   pleasure 7, 5, 3, 6, 8 = 29 / 5 = 5.8
#   mood change (after - before) 3, 1, 2, 0, 2, 3 = 11 / 6 = 1.833 -> 1.8
#   with both predicted_mood and mood_after: 16, 17, 20, 22
#   predicted 5, 4, 6, 5 = 20 / 4 = 5.0; actual 6, 5, 5, 8 = 24 / 4 = 6.0;
#   gap (actual - predicted) 1, 1, -1, 3 = 4 / 4 = 1.0
is "full: activity numbers" \
	"$(met "$J" full activity mastery_mean,mastery_mean_n,pleasure_mean,pleasure_mean_n,mood_change_mean,mood_change_mean_n,predicted_mean,predicted_mean_n,actual_mean,actual_mean_n,prediction_gap_mean,prediction_gap_mean_n)" \
	'{"mastery_mean":5.2,"mastery_mean_n":5,"pleasure_mean":5.8,"pleasure_mean_n":5,"mood_change_mean":1.8,"mood_change_mean_n":6,"predicted_mean":5,"predicted_mean_n":4,"actual_mean":6,"actual_mean_n":4,"prediction_gap_mean":1,"prediction_gap_mean_n":4}'
is "full: the display name" "$(jq -r '[.[] | select(.client == "full")][0].name' "$J")" "$NAME"
is "full: no attention" "$(attn "$J" full)" ""

# part, W47. 3/week from Thursday 19: active 19..22, 4 x 3 = 12/7 = 1.71 -> 2 expected.
# done 19, 21, 21 = 3; completed: no more than the week expects, min(3, 2) = 2;
# missed 2 - 2 - 0 = 0; completion 2/2 = 100.0.
# The week before it was not active: nothing expected, completion_before and the change
# are null. since_last: 22 - 21 = 1. streak (weeks, N/week): 16..22 holds 3 >= 2 -> 1.
# trend: 0 0 0 1 0 2 0.
is "part: adherence" "$(rec "$J" part exposure "$ADH")" \
	'{"expected":2,"done":3,"partial":0,"skipped":0,"missed":0,"completion":100,"completion_before":null,"completion_change":null,"since_last":1,"streak":1,"streak_unit":"weeks","trend":"0 0 0 1 0 2 0"}'
is "part: skips by reason" "$(rec "$J" part exposure "$SKIPS")" "{$NOSKIP}"
# exposure, sessions in time order: 19 18:00 (3 floors, peak 80, after 30, 25 min);
# 21 10:00 (3 floors, peak 70, after 40, 20 min); 21 16:00 (5 floors, peak 90).
#   peak_by_step: "lift, 3 floors: 80, 70; <5 floors>: 90", n 3 sessions with a peak
#   halved: with peak and after: 19 (30 x 2 = 60 <= 80 yes), 21 10:00 (80 <= 70 no) -> 1 of 2
#   minutes 25 + 20 = 45 over 2; mean 22.5
#   peak SUDS mean (80 + 70 + 90) / 3 = 80.0
is "part: exposure numbers" \
	"$(met "$J" part exposure peak_by_step_n,halved,halved_n,minutes_total,minutes_total_n,minutes_mean,minutes_mean_n,suds_peak_mean,suds_peak_mean_n)" \
	'{"peak_by_step_n":3,"halved":1,"halved_n":2,"minutes_total":45,"minutes_total_n":2,"minutes_mean":22.5,"minutes_mean_n":2,"suds_peak_mean":80,"suds_peak_mean_n":3}'
is "part: peak SUDS by step, in the order of at, text kept byte for byte" \
	"$(jq -r '.[] | select(.client == "part") | .["exposure.peak_by_step"]' "$J")" \
	"lift, 3 floors: 80, 70; $STEP5: 90"

# night, W47. every day from 16: 7 expected; done 17, 18, 19, 20 = 4; missed 3;
# completion 4/7 = 57.14 -> 57.1; the week before: not active (null).
# since_last 22 - 20 = 2; streak: 22 has nothing -> 0. trend 0 1 1 1 1 0 0.
is "night: adherence" "$(rec "$J" night sleep "$ADH")" \
	'{"expected":7,"done":4,"partial":0,"skipped":0,"missed":3,"completion":57.1,"completion_before":null,"completion_change":null,"since_last":2,"streak":0,"streak_unit":"days","trend":"0 1 1 1 1 0 0"}'
is "night: skips by reason" "$(rec "$J" night sleep "$SKIPS")" "{$NOSKIP}"
# Each night (minutes; TIB = out_of_bed - bed; TST = wake - (lights_out or bed) - sol - waso):
#   17: bed 23:40 -> out 07:05: TIB 20 + 420 + 5 = 445; 23:40 -> wake 06:50 = 430;
#       TST 430 - 15 - 10 = 405; SE 405/445 = 91.0112 %
#   18: bed 23:40 -> out 07:20: TIB 460; lights out 00:10 -> 06:50 = 400;
#       TST 400 - 20 - 30 = 350; SE 350/460 = 76.0870 %
#   19: bed 00:30 (after midnight) -> out 07:00: TIB 390; 00:30 -> 06:50 = 380;
#       TST 380 - 10 - 0 = 370; SE 370/390 = 94.8718 %
#   20: bed 23:50 -> out 06:45: TIB 10 + 405 = 415; no sol, no waso: no TST, no SE
#   TIB mean (445 + 460 + 390 + 415) / 4 = 1710 / 4 = 427.5 (n 4)
#   TST mean (405 + 350 + 370) / 3 = 1125 / 3 = 375.0 (n 3)
#   SOL (15 + 20 + 10) / 3 = 15.0; WASO (10 + 30 + 0) / 3 = 13.33 -> 13.3 (n 3)
#   SE (91.0112 + 76.0870 + 94.8718) / 3 = 261.9700 / 3 = 87.3233 -> 87.3 (n 3)
#   quality (4 + 3 + 4 + 1) / 4 = 3.0 (n 4); awakenings (1 + 2) / 2 = 1.5 (n 2)
is "night: sleep numbers across midnight" "$(met "$J" night sleep "$SLEEP")" \
	'{"tib_mean":427.5,"tib_mean_n":4,"tst_mean":375,"tst_mean_n":3,"sol_mean":15,"sol_mean_n":3,"waso_mean":13.3,"waso_mean_n":3,"se_mean":87.3,"se_mean_n":3,"quality_mean":3,"quality_mean_n":4,"awakenings_mean":1.5,"awakenings_mean_n":2}'
is "night: no attention (57% >= 50%, 2 days < 3)" "$(attn "$J" night)" ""

# gaps, W47.
# thought-record 3/week from 16: 21/7 = 3 expected; done 16, 18 = 2; partial 20 = 1;
# skipped 21 (avoided) = 1; completed 3; missed 3 - 3 - 1 -> 0 (never below 0);
# completion 3/3 = 100.0; before: null.
# since_last 22 - 21 = 1; streak (weeks): 16..22 has 3 >= 3 -> 1. trend 1 0 1 0 1 0 0.
is "gaps thought-record: adherence" "$(rec "$J" gaps thought-record "$ADH")" \
	'{"expected":3,"done":2,"partial":1,"skipped":1,"missed":0,"completion":100,"completion_before":null,"completion_change":null,"since_last":1,"streak":1,"streak_unit":"weeks","trend":"1 0 1 0 1 0 0"}'
is "gaps thought-record: skips by reason" "$(rec "$J" gaps thought-record "$SKIPS")" \
	'{"skipped_busy":0,"skipped_difficult":0,"skipped_avoided":1,"skipped_forgot":0,"skipped_unclear":0,"skipped_unsuited":0,"skipped_other":0}'
# Missing values are left out, never counted as zero:
#   intensity 80, 60, 50 = 190 / 3 = 63.33 -> 63.3 (n 3)
#   rerate 50 (16), 50 (20) = 50.0 (n 2); drop (80 - 50), (50 - 50) = 30 / 2 = 15.0 (n 2)
#   belief 70, 90 = 80.0 (n 2); balanced_belief 40 (n 1)
#   no shift (rerate >= intensity) among the 2 with both: 20 (50 >= 50) -> 1 (n 2)
is "gaps thought-record: numbers, missing values left out" \
	"$(met "$J" gaps thought-record intensity_mean,intensity_mean_n,rerate_mean,rerate_mean_n,drop_mean,drop_mean_n,belief_mean,belief_mean_n,balanced_belief_mean,balanced_belief_mean_n,no_shift,no_shift_n)" \
	'{"intensity_mean":63.3,"intensity_mean_n":3,"rerate_mean":50,"rerate_mean_n":2,"drop_mean":15,"drop_mean_n":2,"belief_mean":80,"belief_mean_n":2,"balanced_belief_mean":40,"balanced_belief_mean_n":1,"no_shift":1,"no_shift_n":2}'
# mindfulness 2/week from 16: 14/7 = 2 expected; done 17, 19 = 2; partial 22 = 1;
# completed min(3, 2) = 2: completion 100.0; since_last 0; streak: 3 >= 2 -> 1 week.
# trend 0 1 0 1 0 0 1.
is "gaps mindfulness: adherence" "$(rec "$J" gaps mindfulness "$ADH")" \
	'{"expected":2,"done":2,"partial":1,"skipped":0,"missed":0,"completion":100,"completion_before":null,"completion_change":null,"since_last":0,"streak":1,"streak_unit":"weeks","trend":"0 1 0 1 0 0 1"}'
is "gaps mindfulness: skips by reason" "$(rec "$J" gaps mindfulness "$SKIPS")" "{$NOSKIP}"
#   sessions 3; minutes 10 + 20 + 5 = 35 (n 3), mean 11.67 -> 11.7
#   before: 3 (only the 17th) -> 3.0 (n 1); after: 6, 4 -> 5.0 (n 2)
#   change, with both: 6 - 3 = 3.0 (n 1)
is "gaps mindfulness: numbers, missing values left out" \
	"$(met "$J" gaps mindfulness sessions,sessions_n,minutes_total,minutes_total_n,minutes_mean,minutes_mean_n,before_mean,before_mean_n,after_mean,after_mean_n,change_mean,change_mean_n)" \
	'{"sessions":3,"sessions_n":3,"minutes_total":35,"minutes_total_n":3,"minutes_mean":11.7,"minutes_mean_n":3,"before_mean":3,"before_mean_n":1,"after_mean":5,"after_mean_n":2,"change_mean":3,"change_mean_n":1}'

# cust, W47. every day from 16: 7 expected; done 16, 17, 18, 20 = 4; partial 21 = 1;
# skipped 22 (difficult) = 1; completed 5; missed 7 - 5 - 1 = 1; completion 5/7 = 71.43
# -> 71.4.
# since_last: the skip on 22 is an entry: 0. streak: 22 skipped -> 0.
# trend 1 1 1 0 1 1 0.
is "cust: adherence" "$(rec "$J" cust mood-check "$ADH")" \
	'{"expected":7,"done":4,"partial":1,"skipped":1,"missed":1,"completion":71.4,"completion_before":null,"completion_change":null,"since_last":0,"streak":0,"streak_unit":"days","trend":"1 1 1 0 1 1 0"}'
is "cust: skips by reason" "$(rec "$J" cust mood-check "$SKIPS")" \
	'{"skipped_busy":0,"skipped_difficult":1,"skipped_avoided":0,"skipped_forgot":0,"skipped_unclear":0,"skipped_unsuited":0,"skipped_other":0}'
#   mood (integer) 4, 6, 7, 5, 3 = 25 / 5 = 5.0, min 3, max 7 (n 5)
#   hours (number) 1.5, 0.25, 2.5 = 4.25 / 3 = 1.417 -> 1.4, min 0.25, max 2.5 (n 3)
#   walked (yesno) yes, no, yes: 2 of 3 = 66.67 -> 66.7 % (n 3)
#   the text field has no number
is "cust: custom type numbers" \
	"$(met "$J" cust mood-check mood_mean,mood_mean_n,mood_min,mood_min_n,mood_max,mood_max_n,hours_mean,hours_mean_n,hours_min,hours_min_n,hours_max,hours_max_n,walked_yes,walked_yes_n)" \
	'{"mood_mean":5,"mood_mean_n":5,"mood_min":3,"mood_min_n":5,"mood_max":7,"mood_max_n":5,"hours_mean":1.4,"hours_mean_n":3,"hours_min":0.25,"hours_min_n":3,"hours_max":2.5,"hours_max_n":3,"walked_yes":66.7,"walked_yes_n":3}'
is "cust: no column for the text field" "$(jq -c '[.[] | keys[] | select(test("what"))] | unique' "$J")" "[]"
is "cust: its columns are named mood-check.KEY" \
	"$(jq -c '[.[] | select(.client == "cust") | keys[] | select(startswith("mood-check."))] | length' "$J")" 14

# adj, W47: every day until Wednesday 18 10:00, then 3/week; the change counts from its
# day. Mon 16, Tue 17: 7 + 7 = 14; Wed 18 .. Sun 22: 5 x 3 = 15; 29/7 = 4.14 -> 4.
# done 16, 17, 19 = 3; partial 21 = 1; missed 0; completion 4/4 = 100.0.
# The week before (every day): 7 expected; done 9, 10, 11, 14, 15 = 5 -> 71.43 -> 71.4;
# change 100 - 71.43 = 28.57 -> 28.6.
# since_last 22 - 21 = 1. streak: 3/week on the 22nd, so weeks: 16..22 has 4 >= 4 -> 1.
# trend 1 1 0 1 0 1 0.
is "adj: adherence" "$(rec "$J" adj task "$ADH")" \
	'{"expected":4,"done":3,"partial":1,"skipped":0,"missed":0,"completion":100,"completion_before":71.4,"completion_change":28.6,"since_last":1,"streak":1,"streak_unit":"weeks","trend":"1 1 0 1 0 1 0"}'
is "adj: skips by reason" "$(rec "$J" adj task "$SKIPS")" "{$NOSKIP}"
is "adj: every is the frequency now" "$(jq -r '.[] | select(.client == "adj") | .every' "$J")" "3/week"
is "adj: a task has no numbers" \
	"$(jq -c '[.[] | select(.client == "adj") | keys[] | select(endswith("_mean"))]' "$J")" "[]"

# dst in W47: its assignment runs on, nothing logged since 25 October.
# every day: 7 expected, 0 done -> 0.0; the week before also 0 of 7 -> 0.0, change 0.0.
# since_last: only the period and the one before (from 9 November) are read: none, null.
is "dst in W47: adherence" "$(rec "$J" dst sleep "$ADH")" \
	'{"expected":7,"done":0,"partial":0,"skipped":0,"missed":7,"completion":0,"completion_before":0,"completion_change":0,"since_last":null,"streak":0,"streak_unit":"days","trend":"0 0 0 0 0 0 0"}'
is "dst in W47: no sleep numbers, n 0" "$(met "$J" dst sleep "$SLEEP")" \
	'{"tib_mean":null,"tib_mean_n":0,"tst_mean":null,"tst_mean_n":0,"sol_mean":null,"sol_mean_n":0,"waso_mean":null,"waso_mean_n":0,"se_mean":null,"se_mean_n":0,"quality_mean":null,"quality_mean_n":0,"awakenings_mean":null,"awakenings_mean_n":0}'
is "dst in W47: attention" "$(attn "$J" dst)" "completion 0%; nothing logged since 2026-11-09"
for c in full part night gaps cust adj; do
	is "$c: no attention" "$(attn "$J" "$c")" ""
done

# ---- the DST week -----------------------------------------------------------------------
# 2026-W43: Monday 19 to Sunday 25 October. Clocks go back on Sunday 25 at 03:00 CEST
# (UTC+2) to 02:00 CET (UTC+1): the night of 24 to 25 is an hour longer.
#   19..24: bed 23:00 -> out 07:00: TIB 480; 23:00 -> wake 06:30 = 450; TST 450 - 30 = 420;
#           SE 420/480 = 87.5 %
#   25:     bed 23:00 CEST (21:00 UTC) -> out 07:00 CET (06:00 UTC): TIB 9 h = 540;
#           lights out 01:30 CEST (23:30 UTC) -> wake 06:30 CET (05:30 UTC) = 6 h = 360;
#           TST 360 - 20 - 10 = 330; SE 330/540 = 61.111 %
#   TIB (6 x 480 + 540) / 7 = 3420 / 7 = 488.57 -> 488.6
#   TST (6 x 420 + 330) / 7 = 2850 / 7 = 407.14 -> 407.1
#   SOL 20.0, WASO 10.0 (n 7); SE (6 x 87.5 + 61.111) / 7 = 586.111 / 7 = 83.73 -> 83.7
#   quality (6 x 3 + 4) / 7 = 22 / 7 = 3.14 -> 3.1; awakenings: none given (n 0)
# Adherence: 7 expected, 7 done, 100.0; the week before (12..18) not active: null;
# since_last: 25 - 25 = 0; streak: 25 back to 19, its start: 7.
run -C p report --week 2026-W43 -f json dst
cp "$T/out" "$T/w43.json"
is "report --week 2026-W43 (exit)" "$rc" 0
is "dst: the period" "$(jq -c '[.[] | [.client, .from, .to]]' "$T/w43.json")" '[["dst","2026-10-19","2026-10-25"]]'
is "dst: adherence" "$(rec "$T/w43.json" dst sleep "$ADH")" \
	'{"expected":7,"done":7,"partial":0,"skipped":0,"missed":0,"completion":100,"completion_before":null,"completion_change":null,"since_last":0,"streak":7,"streak_unit":"days","trend":"1 1 1 1 1 1 1"}'
is "dst: skips by reason" "$(rec "$T/w43.json" dst sleep "$SKIPS")" "{$NOSKIP}"
is "dst: sleep numbers across the change of time" "$(met "$T/w43.json" dst sleep "$SLEEP")" \
	'{"tib_mean":488.6,"tib_mean_n":7,"tst_mean":407.1,"tst_mean_n":7,"sol_mean":20,"sol_mean_n":7,"waso_mean":10,"waso_mean_n":7,"se_mean":83.7,"se_mean_n":7,"quality_mean":3.1,"quality_mean_n":7,"awakenings_mean":null,"awakenings_mean_n":0}'
# The night of the change alone, 25 October: TIB 540 (9 h, not 8), TST 330, SE 61.11.
run -C p report --from 2026-10-25 --to 2026-10-25 -f json dst
is "dst: the night of 24 to 25 October alone is 9 h in bed" \
	"$(met "$T/out" dst sleep tib_mean,tst_mean,se_mean,se_mean_n)" \
	'{"tib_mean":540,"tst_mean":330,"se_mean":61.1,"se_mean_n":1}'
# The hint, 7 nights with an SE: 83.7 < 85, narrow to the mean TST, 407.14 -> 407 min
# = 6h47 (not below 5h00).
run -C p report --week 2026-W43 -f text dst
is "dst: the text report" "$(cat "$T/out")" "Report for 2026-10-19 to 2026-10-25 (2026-W43), 1 client

client  completion  days since last entry  attention  improving
dst     100%        0                      -          -

dst
  sleep, every day ($DST)
    done 7, partial 0, skipped 0, missed 0 of 7 expected: 100% (the period before: -)
    trend ███████
    time in bed (min): 488.6 (7)
    total sleep time (min): 407.1 (7)
    time to fall asleep (min): 20.0 (7)
    awake in the night (min): 10.0 (7)
    sleep efficiency (%): 83.7 (7)
    sleep quality: 3.1 (7)
    awakenings: - (0)
    sleep efficiency 83.7% over 7 nights: the sleep window may narrow to 6h47"

# ---- the ways to name the period ------------------------------------------------------------
run -C p report -f json --week 2026-W47
check "--week 2026-W47 is the default (last week)" cmp -s "$T/out" "$J"
run -C p report -f json --week last
check "--week last is the default" cmp -s "$T/out" "$J"
run -C p report -f json --week 2026-11-18
check "--week 2026-11-18, a Wednesday: its week, W47" cmp -s "$T/out" "$J"
run -C p report -f json --week 2026-11-22
check "--week 2026-11-22, a Sunday: still W47 (weeks start on Monday)" cmp -s "$T/out" "$J"
run -C p report -f json --week -1w
check "--week -1w: a week ago, the 20th: W47" cmp -s "$T/out" "$J"

# --week this: W48, Monday 23 to Sunday 29; today is Friday 27: the days after today
# expect nothing yet (lib/adherence.h, and ADHERENCE in hwk-report(1)).
# adj: 3/week, Mon 23 .. Fri 27: 5 x 3 = 15/7 = 2.14 -> 2 expected; nothing logged:
# 0 done, missed 2, 0.0; the period before is W47: 100.0, change -100.0;
# since_last: min(29, today 27) - 21 = 6; streak: W48 holds today, not met yet
# (skipped), and W47 starts before the period: 0. trend: the 7 days, 0 each.
run -C p report -f json --week this adj
is "--week this: the period" "$(jq -c '[.[] | [.from, .to]]' "$T/out")" '[["2026-11-23","2026-11-29"]]'
is "--week this: adj" "$(rec "$T/out" adj task "$ADH")" \
	'{"expected":2,"done":0,"partial":0,"skipped":0,"missed":2,"completion":0,"completion_before":100,"completion_change":-100,"since_last":6,"streak":0,"streak_unit":"weeks","trend":"0 0 0 0 0 0 0"}'
is "--week this: adj's attention" "$(attn "$T/out" adj)" "completion 0%; nothing logged for 6 days"
run -C p report -f text --week this adj
is "--week this: the text report's title" "$(head -n 1 "$T/out")" \
	"Report for 2026-11-23 to 2026-11-29 (2026-W48), 1 client"

# --from 2026-11-18 --to 2026-11-24 (Wednesday to Tuesday), adj:
#   expected: Wed 18..Sun 22 under 3/week, 15/7 = 2.14 -> 2; Mon 23, Tue 24: 6/7 -> 1; 3
#   done 19 = 1, partial 21 = 1; completed per week: 18..22 min(2, 2) + 23..24 min(0, 1)
#   = 2; missed 3 - 2 = 1; completion 2/3 = 66.67 -> 66.7
#   the period before, as long: 11..17 (every day): Wed 11..Sun 15 = 5, Mon 16, Tue 17 = 2:
#   7 expected; entries 11, 14, 15, 16, 17 = 5 -> 71.43; change 66.67 - 71.43 = -4.76 -> -4.8
#   since_last: min(24, 27) - 21 = 3; streak (weeks): the week of the 24th is the current
#   week, not met (skipped); the week before starts before the period: 0.
#   trend 18..24: 0 1 0 1 0 0 0
run -C p report -f json --from 2026-11-18 --to 2026-11-24 adj
is "--from/--to: the period" "$(jq -c '[.[] | [.from, .to]]' "$T/out")" '[["2026-11-18","2026-11-24"]]'
is "--from/--to: adj" "$(rec "$T/out" adj task "$ADH")" \
	'{"expected":3,"done":1,"partial":1,"skipped":0,"missed":1,"completion":66.7,"completion_before":71.4,"completion_change":-4.8,"since_last":3,"streak":0,"streak_unit":"weeks","trend":"0 1 0 1 0 0 0"}'
run -C p report -f text --from 2026-11-18 --to 2026-11-24 adj
is "--from/--to: the title has no week" "$(head -n 1 "$T/out")" \
	"Report for 2026-11-18 to 2026-11-24, 1 client"

# ---- named clients ----------------------------------------------------------------------------
run -C p report -f json adj full
is "named clients: only theirs, attention order (86% before 100%)" \
	"$(jq -c '[.[] | .client]' "$T/out")" '["full","adj"]'
run -C p report -f json nosuch
expect "an unknown client" 1 "" "hwk report: nosuch: no such client (see 'hwk list clients')"
run -C p -c part report -f json
is "-c CLIENT: that client only" "$(jq -c '[.[] | .client]' "$T/out")" '["part"]'

# ---- csv: one header row, the same numbers as json ----------------------------------------
# csv2tsv is in tests/lib.sh
run -C p report -f csv
is "report -f csv (exit)" "$rc" 0
csv2tsv <"$T/out" >"$T/csv.tsv"
header=$(head -n 1 "$T/csv.tsv")
is "csv: the header row" "$(printf '%s\n' "$header" | cut -f 1-27)" \
	"$(printf 'client\tname\tassignment\ttype\tevery\tfrom\tto\texpected\tdone\tpartial\tskipped\tmissed\tcompletion\tcompletion_before\tcompletion_change\tsince_last\tstreak\tstreak_unit\ttrend\tattention\tskipped_busy\tskipped_difficult\tskipped_avoided\tskipped_forgot\tskipped_unclear\tskipped_unsuited\tskipped_other')"
is "csv: one record per json record, after one header" "$(($(wc -l <"$T/csv.tsv") - 1))" "$(jq length "$J")"
is "csv: the header row appears once" "$(grep -cxF -- "$header" "$T/csv.tsv")" 1
is "csv: every record has the header's number of fields" \
	"$(awk -F'\t' 'NR == 1 { n = NF } NF != n { bad++ } END { print bad + 0 }' "$T/csv.tsv")" 0
# every field equals json's (numbers compared as numbers: 85.7 = 85.7, 445.0 = 445;
# null = empty)
# (skip_notes, an array in json, is "DAY REASON: NOTE; ..." in csv)
jq -r --arg h "$header" '($h | split("\t")) as $k | .[] | [.[$k[]] | if . == null then "" elif type == "array" then map("\(.day) \(.reason): \(.note)") | join("; ") else tostring end] | @tsv' "$J" >"$T/json.tsv"
is "csv: the same values as json, field by field" "$(LC_ALL=C awk -F'\t' '
	function num(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?$/ }
	NR == FNR { j[FNR] = $0; next }
	FNR == 1 { split($0, h, "\t"); next }
	{
		n = split(j[FNR - 1], w, "\t")
		for (i = 1; i <= NF; i++)
			if (num($i) && num(w[i]) ? $i + 0 != w[i] + 0 : $i != w[i])
				printf "record %d %s: csv %s, json %s\n", FNR - 1, h[i], $i, w[i]
	}' "$T/json.tsv" "$T/csv.tsv")" ""
is "csv: numbers with their decimals" \
	"$(awk -F'\t' '$1 == "cust" { print $13 }' "$T/csv.tsv")" "71.4"
is "csv: a negative change stays a number (no formula guard)" \
	"$(hwk -C p report -f csv --from 2026-11-18 --to 2026-11-24 adj | csv2tsv | awk -F'\t' 'NR == 2 { print $15 }')" "-4.8"

run -C p report
is "piped with no -f: tab-separated, one header row" "$(head -n 1 "$T/out" | cut -f 1-3)" \
	"$(printf 'client\tname\tassignment')"

# ---- md ---------------------------------------------------------------------------------------
# The caseload, attention first: dst has two flags; gaps one (its thought record's
# avoided skip on the 21st); then no flags, by completion:
#   night 4/7 = 57%, cust 5/7 = 71%, full 6/7 = 86%, then 100% for two, by id:
#   adj 4/4, part 2/2 (gaps: (3 + 2) / (3 + 2), completed, not the 6 entries)
# improving: part's step "lift, 3 floors" peaked 80 then 70 (19th, 21st 10:00): falling.
# days since last entry, the client's least: dst none (-), night 2, cust 0, full 0,
# adj 1, gaps min(1, 0) = 0, part 1.
run -C p report -f md
is "md: the title and the caseload table" "$(head -n 11 "$T/out")" \
	"# Report for 2026-11-16 to 2026-11-22 (2026-W47), 7 clients

| client | completion | days since last entry | attention | improving |
|---|---|---|---|---|
| dst | 0% | - | completion 0%; nothing logged since 2026-11-09 | - |
| gaps | 100% | 0 | thought-record: avoided 1 time | - |
| night | 57% | 2 | - | - |
| cust | 71% | 0 | - | - |
| full | 86% | 0 | - | - |
| adj | 100% | 1 | - | - |
| part | 100% | 1 | - | exposure: peak SUDS falling on lift, 3 floors (80 to 70) |"
is "md: a blank line after the table" "$(sed -n 12p "$T/out")" ""
is "md: a section per client" "$(grep -c '^## ' "$T/out")" 7
is "md: a heading per assignment" "$(grep -c '^### ' "$T/out")" 8
like "md: full's section names the client" "$(cat "$T/out")" "^## full \\($NAME\\)$"

# ---- text: sparklines in UTF-8 or ASCII ---------------------------------------------------------
# full: 1 1 1 0 1 1 1, the busiest day has 1: each 1 is the top block U+2588, each 0 the
# lowest U+2581. part: not active 16..18 (spaces); 19 has 1, 21 has 2 (the busiest: top);
# 1 of 2 is the second block U+2582: "   ▂▁█▁". In ASCII: "_" none, "." to "#" upwards.
LC_ALL='' LANG=C.UTF-8 run -C p report -f text
is "text: the caseload" "$(sed -n 1,11p "$T/out")" \
	"Report for 2026-11-16 to 2026-11-22 (2026-W47), 7 clients

client  completion  days since last entry  attention                                       improving
dst     0%          -                      completion 0%; nothing logged since 2026-11-09  -
gaps    100%        0                      thought-record: avoided 1 time                  -
night   57%         2                      -                                               -
cust    71%         0                      -                                               -
full    86%         0                      -                                               -
adj     100%        1                      -                                               -
part    100%        1                      -                                               exposure: peak SUDS falling on lift, 3 floors (80 to 70)"
section() { awk -v h="$1" '$0 == h { on = 1 } on && $0 == "" { exit } on' "$T/out"; }
is "text, UTF-8: full's section" "$(section "full ($NAME)")" "full ($NAME)
  activity, every day ($FULL)
    done 5, partial 1, skipped 1, missed 0 of 7 expected: 86% (the period before: 43%, +43)
    skipped: busy 1
      2026-11-19 busy: late shift
    trend ███▁███
    mastery: 5.2 (5)
    pleasure: 5.8 (5)
    mood change (after - before): 1.8 (6)
    mood predicted: 5.0 (4)
    mood after (where predicted): 6.0 (4)
    mood after - predicted: 1.0 (4)"
is "text, UTF-8: part's section, the ESC in a step made visible" "$(section part)" "part
  exposure, every 3/week ($PART)
    done 3, partial 0, skipped 0, missed 0 of 2 expected: 100% (the period before: -)
    improving: peak SUDS falling on lift, 3 floors (80 to 70)
    trend    ▂▁█▁
    peak SUDS by step: lift, 3 floors: 80, 70; lift, 5 floors\\x1b[2J: 90 (3)
    sessions where SUDS fell by half: 1 (2)
    minutes in total: 45 (2)
    minutes per session: 22.5 (2)
    peak SUDS: 80.0 (3)"
is "text, UTF-8: adj's trend" "$(section adj | grep trend)" "    trend ██▁█▁█▁"
is "text: no ESC reaches the terminal" "$(tr -cd '\033' <"$T/out" | wc -c)" 0

LC_ALL=C run -C p report -f text
is "text, ASCII: full's trend" "$(section "full ($NAME)" | grep trend)" "    trend ###_###"
is "text, ASCII: part's trend" "$(section part | grep trend)" "    trend    ._#_"
is "text, ASCII: dst's trend" "$(section dst | grep trend)" "    trend _______"
is "text, ASCII: the client's name is shown as written" "$(grep -c "^full ($NAME)\$" "$T/out")" 1
is "text, ASCII: no byte >= 0x80 besides the client's name" \
	"$(sed "s/$NAME//g" "$T/out" | LC_ALL=C tr -d '\000-\177' | wc -c)" 0
LC_ALL='' LC_CTYPE='' LANG=C run -C p report -f text
is "text, LANG=C: ASCII" "$(section "full ($NAME)" | grep trend)" "    trend ###_###"

# ---- usage errors -------------------------------------------------------------------------------
snap p
run -C p report --week 2026-W99
expect "--week 2026-W99" 2 "" "hwk report: --week: 2026-W99 is not a week (2026-W47, this, last, or a date)"
run -C p report --week soon
expect "--week soon" 2 "" "hwk report: --week: soon is not a week (2026-W47, this, last, or a date)"
run -C p report --from 2026-11-16
expect "--from without --to" 2 "" "hwk report: --from and --to go together"
run -C p report --to 2026-11-22
expect "--to without --from" 2 "" "hwk report: --from and --to go together"
run -C p report --week last --from 2026-11-16 --to 2026-11-22
expect "--week with --from/--to" 2 "" "hwk report: --week and --from/--to cannot be combined"
run -C p report --from 2026-11-22 --to 2026-11-16
expect "--to before --from" 2 "" "hwk report: --to 2026-11-16 is before --from 2026-11-22"
run -C p report --week 2025-W53
expect "--week 2025-W53 (2025 has 52 ISO weeks)" 2 "" "hwk report: --week: 2025-W53 is not a week (2026-W47, this, last, or a date)"
run -C p report -f xml
expect "-f xml" 2 "" "hwk report: xml: not a report format (text, md, csv, tsv, json, html)"
run -C p report -f yaml
expect "-f yaml" 2 "" "hwk report: yaml: not a report format (text, md, csv, tsv, json, html)"
unchanged "report writes nothing" p

# ---- attention: the flags and the order ------------------------------------------------------------
# A second practice, W47 again, one client per flag. Tasks unless said.
hwk init q 2>/dev/null
# ann: every day from 16, done 16, 17, 22: 3/7 = 42.9% < 50%: "completion 43%"
asg q ann task --start 2026-11-16 >/dev/null
for d in 16 17 22; do lg q ann task --at 2026-11-${d}T12:00; done
# ben: 2/week from 16, done 17, 19: 2/2 = 100%; last entry 22 - 19 = 3 days
asg q ben task --every 2/week --start 2026-11-16 >/dev/null
for d in 17 19; do lg q ben task --at 2026-11-${d}T12:00; done
# cat: every day from 16, done 16, 18, 20, 22, skipped busy 17, 19, 21: 4/7 = 57.1%;
# 3 skips for one reason
asg q cat task --start 2026-11-16 >/dev/null
for d in 16 18 20 22; do lg q cat task --at 2026-11-${d}T12:00; done
for d in 17 19 21; do lg q cat task --skip busy --at 2026-11-${d}T12:00; done
# dan: sleep every day from 9; the week before 4 nights (10..13) of TIB 480 and
# TST 480 - 18 - 30 = 432: SE 90.0; W47 4 nights (19..22) of TST 480 - 36 - 60 = 384:
# SE 80.0; down 10 points; 4/7 = 57.1%
asg q dan sleep --start 2026-11-09 >/dev/null
for d in 10 11 12 13; do lg q dan sleep bed=23:00 sol=18 waso=30 wake=07:00 out_of_bed=07:00 --at 2026-11-${d}T07:30; done
for d in 19 20 21 22; do lg q dan sleep bed=23:00 sol=36 waso=60 wake=07:00 out_of_bed=07:00 --at 2026-11-${d}T07:30; done
# eve: exposure 2/week from 9; peaks 60, 70 the week before (mean 65), 75, 81 in W47
# (mean 78), all on the step bus: in W47 its first peak 75, its latest 81, not falling;
# 2/2 = 100%; last entry 22 - 20 = 2 days (under 3: no flag)
asg q eve exposure --every 2/week --start 2026-11-09 >/dev/null
lg q eve exposure step=bus suds_peak=60 --at 2026-11-10T12:00
lg q eve exposure step=bus suds_peak=70 --at 2026-11-12T12:00
lg q eve exposure step=bus suds_peak=75 --at 2026-11-17T12:00
lg q eve exposure step=bus suds_peak=81 --at 2026-11-20T12:00
# fay: every day from 16; done 16, skipped avoided 17, 18, 19: 1/7 = 14.3%; last entry
# 22 - 19 = 3 days; avoided 3 times, a flag of its task (not "3 skips: avoided": the
# rule of 3 skips for one reason leaves avoided to its own flag). Three flags.
asg q fay task --start 2026-11-16 >/dev/null
lg q fay task --at 2026-11-16T12:00
for d in 17 18 19; do lg q fay task --skip avoided --at 2026-11-${d}T12:00; done
# gus: every day from 16, all 7 done: 100%
asg q gus task --start 2026-11-16 >/dev/null
for d in 16 17 18 19 20 21 22; do lg q gus task --at 2026-11-${d}T12:00; done
# hal: every day from 16, done 18..22: 5/7 = 71.4%
asg q hal task --start 2026-11-16 >/dev/null
for d in 18 19 20 21 22; do lg q hal task --at 2026-11-${d}T12:00; done
# ida: every day from 16, nothing at all: 0%; nothing logged in W47 or the week before,
# which starts on the 9th
asg q ida task --start 2026-11-16 >/dev/null
# joe: starts after W47: nothing expected, completion unknown
asg q joe task --start 2026-11-23 >/dev/null
# kim: 2/week from 16, done 22: 1/2 = exactly 50% (not under it)
asg q kim task --every 2/week --start 2026-11-16 >/dev/null
lg q kim task --at 2026-11-22T12:00
is "attention setup: every assign and log succeeded" "$setup_failed" 0

# The order: more flags first (fay 3, ida 2), then lower completion (ann 42.9, cat and
# dan 57.1 tied -> by id, ben and eve 100 tied -> by id), then the clients without flags
# the same way (kim 50, hal 71.4, gus 100), joe (no completion) last.
run -C q report -f text
is "attention: the caseload, flags and order" "$(sed -n 1,15p "$T/out")" \
	"Report for 2026-11-16 to 2026-11-22 (2026-W47), 11 clients

client  completion  days since last entry  attention                                                         improving
fay     14%         3                      completion 14%; nothing logged for 3 days; task: avoided 3 times  -
ida     0%          -                      completion 0%; nothing logged since 2026-11-09                    -
ann     43%         0                      completion 43%                                                    -
cat     57%         0                      3 skips: busy                                                     -
dan     57%         0                      sleep: sleep efficiency down 10 points                            -
ben     100%        3                      nothing logged for 3 days                                         -
eve     100%        2                      exposure: peak SUDS not falling on bus (75 to 81)                 -
kim     50%         0                      -                                                                 -
hal     71%         0                      -                                                                 -
gus     100%        0                      -                                                                 -
joe     -           -                      -                                                                 -"
like "attention: joe's section says nothing was active" "$(cat "$T/out")" "^joe$"
run -C q report -f json
is "attention: json in the same order (joe has no record)" \
	"$(jq -c '[.[] | .client]' "$T/out")" '["fay","ida","ann","cat","dan","ben","eve","kim","hal","gus"]'
is "attention: json's client_attention column, the client's flags as a whole" \
	"$(jq -c '[.[] | .client_attention // ""]' "$T/out")" \
	'["completion 14%; nothing logged for 3 days","completion 0%; nothing logged since 2026-11-09","completion 43%","3 skips: busy","","nothing logged for 3 days","","","",""]'
is "attention: json's attention column, each assignment's own flags" \
	"$(jq -c '[.[] | .attention // ""]' "$T/out")" \
	'["avoided 3 times","","","","sleep efficiency down 10 points","","peak SUDS not falling on bus (75 to 81)","","",""]'
# dan's and eve's numbers behind the flags
is "attention: dan's sleep efficiency now and the week before" \
	"$(jq -c '.[] | select(.client == "dan") | [.["sleep.se_mean"] + 0, .["sleep.se_mean_n"], .completion + 0, .completion_before + 0]' "$T/out")" '[80,4,57.1,57.1]'
is "attention: eve's peak SUDS" \
	"$(jq -c '.[] | select(.client == "eve") | [.["exposure.suds_peak_mean"] + 0, .["exposure.suds_peak_mean_n"], .since_last]' "$T/out")" '[78,2,2]'

done_testing
