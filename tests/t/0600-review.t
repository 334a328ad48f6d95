#!/bin/bash
# hwk review: what a client did over the days since the last review, every number worked
# out by hand (a full week, a partial week with an ended assignment, the DST week, an
# assignment adjusted mid-week, sleep across midnight, missing optional values, a custom
# type); keeping the review with -m or in $EDITOR (the template, the note, an empty note),
# ratings, the next review starting after the last one, --since and --until; client text
# with control characters made visible; file modes; the usage errors.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# has DESC LINE: the last run's stdout has exactly this line
has() {
	if grep -qxF -- "$2" "$T/out"; then
		_result 0 "$1"
	else
		_result 1 "$1"
		printf '# no line:\n%s\n# in:\n%s\n' "$2" "$(cat "$T/out")" | sed 's/^/#   /' >&2
	fi
}


# The week under review is 2026-W47, Monday 16 to Sunday 22 November. The entries are
# logged on Sunday evening; the review is made at the next session, Monday 23 at 09:00.
# A review runs up to now (hwk-review(1)), so from the earliest start (the 16th, no
# review before) to today, Monday 23, a day in progress: with nothing logged on it yet,
# it counts nothing (expected, missed), so the counts are those of 16..22; since_last
# counts to the 23rd, and the streaks count back from it (today not ending them).
export HWK_NOW=2026-11-22T22:00:00+01:00
REV=2026-11-23T09:00:00+01:00

hwk init r 2>/dev/null
mood_check_type r

# full: a full week, activity every day from Monday 16
NAME='Zoë'
FULL=$(asg r full activity --start 2026-11-16 --name "$NAME")
hand_worked r full

# part: a partial week, exposure 3/week from Thursday 19 (an ESC in a step's name), and
# a daily task from Monday 16 ended on Wednesday 18
STEP5=$'lift, 5 floors\e[2J'
PART=$(asg r part exposure --every 3/week --start 2026-11-19)
hand_worked r part "$STEP5"
PTASK=$(asg r part task --start 2026-11-16)
lg r part task --at 2026-11-16T12:00
lg r part task --at 2026-11-17T12:00
HWK_NOW=2026-11-18T20:00:00+01:00 hwk -C r -c part assign --end "$PTASK" 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))

# night: sleep across midnight, every day from 16
NIGHT=$(asg r night sleep --start 2026-11-16)
hand_worked r night

# dst: the week of the change to winter time, 2026-W43 (19 to 25 October), logged then
DST=$(HWK_NOW=2026-10-19T08:00:00+02:00 asg r dst sleep --start 2026-10-19)
HWK_NOW=2026-10-25T22:00:00+01:00 hand_worked r dst

# adj: a task every day from 16, changed to 3/week on Wednesday 18 at 10:00
ADJ=$(asg r adj task --start 2026-11-16)
HWK_NOW=2026-11-18T10:00:00+01:00 hwk -C r assign --edit "$ADJ" --every 3/week 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))
for d in 16 17 19; do lg r adj task --at 2026-11-${d}T12:00; done
lg r adj task --partial --at 2026-11-21T12:00

# gaps: missing optional values; thought records in full; an ESC in a note
ESCNOTE=$'x\e[31my'
TR=$(asg r gaps thought-record --every 3/week --start 2026-11-16)
MI=$(asg r gaps mindfulness --every 2/week --start 2026-11-16)
lg r gaps thought-record situation=desk emotion=anxious intensity=80 thought='I will fail' belief=70 balanced_belief=40 rerate=50 --at 2026-11-16T20:00
lg r gaps thought-record situation=$'bus\nrush hour' thought='they stare' intensity=60 --at 2026-11-18T21:00
lg r gaps thought-record --partial situation=call thought='I sound dumb' intensity=50 belief=90 rerate=50 -m "$ESCNOTE" --at 2026-11-20T19:00
lg r gaps thought-record --skip avoided -m 'too raw' --at 2026-11-21T19:00
hand_worked r gaps

# cust: a custom type, every day from 16
CU=$(asg r cust mood-check --start 2026-11-16)
hand_worked r cust

is "setup: every assign, edit, end and log succeeded" "$setup_failed" 0
is "setup: ids" "$(printf '%s\n' "$FULL" "$PART" "$PTASK" "$NIGHT" "$DST" "$ADJ" "$TR" "$MI" "$CU" | grep -c .)" 9

# ---- full: the whole text -------------------------------------------------------------------
# every day, 16..22: 7 active days x 7/7 = 7 expected.
# done 16, 17, 18, 20, 22 = 5; partial 21 = 1; skipped 19 (busy) = 1;
# missed 7 - 6 - 1 = 0; completion 6/7 = 85.7 -> 86%.
# The last entry is on the 22nd, the day before today: "last entry 1 day before 2026-11-23".
# Streak: 22 done, 21 partial, 20 done, 19 skipped: 3 days.
# Numbers over the 6 done/partial entries:
#   mastery 4, 6, 5, 8, 3 = 26/5 = 5.2; pleasure 7, 5, 3, 6, 8 = 29/5 = 5.8
#   mood change 3, 1, 2, 0, 2, 3 = 11/6 = 1.83 -> 1.8 (n 6)
#   predicted and after both on 16, 17, 20, 22: predicted 20/4 = 5.0; after 24/4 = 6.0;
#   after - predicted 1, 1, -1, 3 = 4/4 = 1.0
# Labels padded to the longest, 'mood change (after - before)' (28).
FULL_TEXT="Review of full ($NAME), 2026-11-16 to 2026-11-23; no earlier review.

activity, every day ($FULL)
  done 5, partial 1, skipped 1, missed 0 of 7 expected: 86% completed
  last entry 1 day before 2026-11-23; streak 3 days
  skipped: busy 1
  mastery                       5.2  (5)
  pleasure                      5.8  (5)
  mood change (after - before)  1.8  (6)
  mood predicted                5.0  (4)
  mood after (where predicted)  6.0  (4)
  mood after - predicted        1.0  (4)
  2026-11-16 19:00  done: activity walk, planned yes, predicted_mood 5, mood_before 3, mood_after 6, mastery 4, pleasure 7
  2026-11-17 19:00  done: activity cook, planned yes, predicted_mood 4, mood_before 4, mood_after 5, mastery 6, pleasure 5
  2026-11-18 19:00  done: activity call, planned no, mood_before 2, mood_after 4, mastery 5, pleasure 3
  2026-11-19 19:00  skipped busy: \"late shift\"
  2026-11-20 19:00  done: activity gym, planned yes, predicted_mood 6, mood_before 5, mood_after 5, mastery 8, pleasure 6
  2026-11-21 19:00  partial: activity walk, mood_before 3, mood_after 5
  2026-11-22 19:00  done: activity read, planned no, predicted_mood 5, mood_before 5, mood_after 8, mastery 3, pleasure 8"
snap r
HWK_NOW=$REV run -C r review full
expect "full: a full week" 0 "$FULL_TEXT" ""
unchanged "a review without -m or -e writes nothing" r

# ---- night: the whole text (sleep across midnight) -----------------------------------------
# every day 16..22: 7 expected; done 17, 18, 19, 20 = 4; missed 7 - 4 = 3; 4/7 = 57%.
# The last entry on the 20th: 3 days before the 23rd; nothing on the 22nd: no streak.
# Each night (TIB = out_of_bed - bed; TST = wake - (lights_out or bed) - sol - waso):
#   17: 23:40 -> 07:05 = 445; 23:40 -> 06:50 = 430 - 15 - 10 = 405; SE 91.011 %
#   18: 23:40 -> 07:20 = 460; 00:10 -> 06:50 = 400 - 20 - 30 = 350; SE 76.087 %
#   19: 00:30 -> 07:00 = 390; 00:30 -> 06:50 = 380 - 10 - 0 = 370; SE 94.872 %
#   20: 23:50 -> 06:45 = 415; no sol, no waso: no TST, no SE
#   TIB 1710/4 = 427.5; TST 1125/3 = 375.0; SOL 45/3 = 15.0; WASO 40/3 = 13.3;
#   SE 261.970/3 = 87.3; quality 12/4 = 3.0; awakenings 3/2 = 1.5
NIGHT_TEXT="Review of night, 2026-11-16 to 2026-11-23; no earlier review.

sleep, every day ($NIGHT)
  done 4, partial 0, skipped 0, missed 3 of 7 expected: 57% completed
  last entry 3 days before 2026-11-23
  time in bed (min)          427.5  (4)
  total sleep time (min)     375.0  (3)
  time to fall asleep (min)  15.0  (3)
  awake in the night (min)   13.3  (3)
  sleep efficiency (%)       87.3  (3)
  sleep quality              3.0  (4)
  awakenings                 1.5  (2)
  2026-11-17 07:30  done: bed 23:40, sol 15, awakenings 1, waso 10, wake 06:50, out_of_bed 07:05, quality 4
  2026-11-18 07:30  done: bed 23:40, lights_out 00:10, sol 20, awakenings 2, waso 30, wake 06:50, out_of_bed 07:20, quality 3
  2026-11-19 07:30  done: bed 00:30, sol 10, waso 0, wake 06:50, out_of_bed 07:00, quality 4
  2026-11-20 07:30  done: bed 23:50, wake 06:20, out_of_bed 06:45, quality 1"
HWK_NOW=$REV run -C r review night
expect "night: sleep across midnight" 0 "$NIGHT_TEXT" ""

# ---- gaps: the whole text (missing values; thought records in full) ------------------------
# mindfulness 2/week: 7 x 2/7 = 2 expected; done 17, 19, partial 22: completed, no more
# than the week expects, min(3, 2) = 2; missed 0; 2/2 = 100%. Last entry on the 22nd,
# 1 day before the 23rd; streak: the week 16..22 has 3 >= 2: 1 week.
#   sessions 3; minutes 35 (3), mean 11.7; before only on the 17th: 3.0 (1);
#   after 6, 4: 5.0 (2); change with both: 6 - 3 = 3.0 (1)
# thought-record 3/week: 3 expected; done 16, 18, partial 20, skipped 21 (avoided);
# completed 3; missed 3 - 3 - 1 -> 0; 3/3 = 100%. Last entry (the skip) on the 21st:
# 2 days before the 23rd; streak: 3 >= 3 in 16..22: 1 week.
#   intensity 80, 60, 50: 63.3 (3); rerate 50, 50: 50.0 (2); drop 30, 0: 15.0 (2);
#   belief 70, 90: 80.0 (2); balanced belief 40.0 (1); no drop: 20 (50 >= 50): 1 of 2
# Each record in full, a field a line, a second line of text indented under the first;
# the ESC in the note made visible.
GAPS_TEXT="Review of gaps, 2026-11-16 to 2026-11-23; no earlier review.

mindfulness, every 2/week ($MI)
  done 2, partial 1, skipped 0, missed 0 of 2 expected: 100% completed
  last entry 1 day before 2026-11-23; streak 1 week
  sessions                 3  (3)
  minutes in total         35  (3)
  minutes per session      11.7  (3)
  rating before            3.0  (1)
  rating after             5.0  (2)
  change (after - before)  3.0  (1)
  2026-11-17 07:00  done: practice breathing, minutes 10, before 3, after 6
  2026-11-19 07:00  done: practice body scan, minutes 20
  2026-11-22 08:00  partial: practice breathing, minutes 5, after 4

thought-record, every 3/week ($TR)
  done 2, partial 1, skipped 1, missed 0 of 3 expected: 100% completed
  last entry 2 days before 2026-11-23; streak 1 week
  skipped: avoided 1
  intensity before                63.3  (3)
  intensity after (re-rated)      50.0  (2)
  drop in intensity               15.0  (2)
  belief in the thought           80.0  (2)
  belief in the balanced thought  40.0  (1)
  records with no drop            1  (2)
  2026-11-16 20:00  done
      situation         desk
      emotion           anxious
      intensity         80
      thought           I will fail
      belief            70
      balanced_belief   40
      rerate            50
  2026-11-18 21:00  done
      situation         bus
                        rush hour
      intensity         60
      thought           they stare
  2026-11-20 19:00  partial
      situation         call
      intensity         50
      thought           I sound dumb
      belief            90
      rerate            50
      note              x\\x1b[31my
  2026-11-21 19:00  skipped avoided
      note              too raw"
HWK_NOW=$REV run -C r review gaps
expect "gaps: missing values, thought records in full" 0 "$GAPS_TEXT" ""
is "gaps: no ESC reaches the terminal" "$(tr -cd '\033' <"$T/out" | wc -c)" 0
is "gaps: the ESC is in the file as written" "$(grep -cF "$ESCNOTE" "r/clients/gaps/$TR.csv")" 1

# ---- part: a partial week and an ended assignment (the numbers) ------------------------------
# The range starts on the 16th, the task's start (the earliest).
# exposure 3/week from Thursday 19: 4 active days x 3 = 12/7 = 1.71 -> 2 expected;
# done 19, 21, 21 = 3; completed min(3, 2) = 2; missed 0; 2/2 = 100%.
# Last entry on the 21st: 2 days before the 23rd; streak: 3 >= 2 in 16..22: 1 week.
#   peaks in the order of at: 80 (19), 70 (21 10:00) for 3 floors, 90 (21 16:00) for 5;
#   halved: 30 x 2 <= 80 yes, 40 x 2 <= 70 no: 1 of 2; minutes 45 (2), 22.5 per session;
#   peak SUDS 240/3 = 80.0
# task, every day, ended on Wednesday 18 (at 20:00, nothing logged on the 18th): active
# 16..18, but an end day without an entry is not counted (hwk.5), so 16..17: 2 expected;
# done 16, 17 = 2; missed 0; 2/2 = 100%. Last entry on the 17th: 6 days before the
# 23rd; no streak (the 23rd is after its end).
HWK_NOW=$REV run -C r review part
is "part (exit)" "$rc" 0
has "part: the heading" "Review of part, 2026-11-16 to 2026-11-23; no earlier review."
has "part: exposure" "exposure, every 3/week ($PART)"
has "part: exposure adherence" "  done 3, partial 0, skipped 0, missed 0 of 2 expected: 100% completed"
has "part: exposure last entry and streak" "  last entry 2 days before 2026-11-23; streak 1 week"
has "part: peak SUDS by step, in time order, the ESC visible" \
	"  peak SUDS by step                 lift, 3 floors: 80, 70; lift, 5 floors\\x1b[2J: 90  (3)"
has "part: halved" "  sessions where SUDS fell by half  1  (2)"
has "part: minutes" "  minutes in total                  45  (2)"
has "part: minutes per session" "  minutes per session               22.5  (2)"
has "part: peak SUDS" "  peak SUDS                         80.0  (3)"
has "part: the entries in the order of at (1)" \
	"  2026-11-19 18:00  done: step lift, 3 floors, suds_before 40, suds_peak 80, suds_after 30, minutes 25"
is "part: the entries in the order of at" "$(grep -c '^  2026-11-2[01] ' "$T/out")" 2
has "part: the entries in the order of at (3)" \
	"  2026-11-21 16:00  done: step lift, 5 floors\\x1b[2J, suds_peak 90"
has "part: the ended task" "task, every day ($PTASK, ended)"
has "part: the ended task's adherence" "  done 2, partial 0, skipped 0, missed 0 of 2 expected: 100% completed"
has "part: the ended task's last entry" "  last entry 6 days before 2026-11-23"
is "part: no ESC reaches the terminal" "$(tr -cd '\033' <"$T/out" | wc -c)" 0

# ---- dst: the week of the change to winter time ------------------------------------------------
# Reviewed on Monday 26 October: 19..26, the 26th in progress (nothing logged on it). Clocks go back on Sunday 25 at 03:00 CEST to
# 02:00 CET.
#   19..24: bed 23:00 -> out 07:00 = 480; 23:00 -> wake 06:30 = 450 - 30 = 420; SE 87.5 %
#   25: bed 23:00 CEST (21:00 UTC) -> out 07:00 CET (06:00 UTC) = 540 (9 h);
#       lights out 01:30 CEST (23:30 UTC) -> wake 06:30 CET (05:30 UTC) = 360 - 30 = 330;
#       SE 330/540 = 61.11 %
#   TIB 3420/7 = 488.57 -> 488.6; TST 2850/7 = 407.14 -> 407.1; SOL 20.0; WASO 10.0;
#   SE (525 + 61.11)/7 = 83.73 -> 83.7; quality 22/7 = 3.14 -> 3.1; awakenings none
#   hint (7 nights with an SE): 83.7 < 85: narrow to the mean TST 407 min = 6h47
# 7 of 7 done: 100%; last entry on the 25th, 1 day before the 26th; streak 25 back to
# 19: 7 days.
DST_TEXT="Review of dst, 2026-10-19 to 2026-10-26; no earlier review.

sleep, every day ($DST)
  done 7, partial 0, skipped 0, missed 0 of 7 expected: 100% completed
  last entry 1 day before 2026-10-26; streak 7 days
  time in bed (min)          488.6  (7)
  total sleep time (min)     407.1  (7)
  time to fall asleep (min)  20.0  (7)
  awake in the night (min)   10.0  (7)
  sleep efficiency (%)       83.7  (7)
  sleep quality              3.1  (7)
  awakenings                 -  (0)
  hint: sleep efficiency 83.7% over 7 nights: the sleep window may narrow to 6h47
  2026-10-19 07:30  done: bed 23:00, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 3
  2026-10-20 07:30  done: bed 23:00, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 3
  2026-10-21 07:30  done: bed 23:00, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 3
  2026-10-22 07:30  done: bed 23:00, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 3
  2026-10-23 07:30  done: bed 23:00, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 3
  2026-10-24 07:30  done: bed 23:00, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 3
  2026-10-25 07:30  done: bed 23:00, lights_out 01:30, sol 20, waso 10, wake 06:30, out_of_bed 07:00, quality 4"
HWK_NOW=2026-10-26T09:00:00+01:00 run -C r review dst
expect "dst: the DST week" 0 "$DST_TEXT" ""
# the night of 24 to 25 October alone: 23:00 CEST -> 07:00 CET is 9 h in bed, 540 min;
# TST 330, SE 330/540 = 61.1 %
HWK_NOW=2026-10-26T09:00:00+01:00 run -C r review dst --since 2026-10-25
has "dst: the night of the change alone: 9 h in bed" "  time in bed (min)          540.0  (1)"
has "dst: the night of the change alone: TST" "  total sleep time (min)     330.0  (1)"
has "dst: the night of the change alone: SE" "  sleep efficiency (%)       61.1  (1)"
is "dst: the entries keep their offsets (+02:00, then +01:00)" \
	"$(cut -d, -f1 "r/clients/dst/$DST.csv" | sed -n '7p;8p')" \
	"2026-10-24T07:30:00+02:00
2026-10-25T07:30:00+01:00"

# ---- adj: adjusted mid-week (the numbers) ---------------------------------------------------------
# every day until Wednesday 18 10:00, then 3/week; the change counts from its day:
# Mon 16, Tue 17: 7 + 7; Wed 18..Sun 22: 5 x 3 = 15; 29/7 = 4.14 -> 4 expected.
# done 16, 17, 19 = 3; partial 21 = 1; completed 4; missed 0; 4/4 = 100%.
# Last entry on the 21st: 2 days before the 23rd; 3/week on the 22nd, so weeks: 16..22
# has 4 >= 4: 1 week. The heading shows the frequency in force, 3/week.
HWK_NOW=$REV run -C r review adj
is "adj (exit)" "$rc" 0
has "adj: the frequency" "task, every 3/week ($ADJ)"
has "adj: adherence" "  done 3, partial 1, skipped 0, missed 0 of 4 expected: 100% completed"
has "adj: last entry and streak" "  last entry 2 days before 2026-11-23; streak 1 week"
has "adj: a task's entry" "  2026-11-21 12:00  partial"

# ---- cust: a custom type (the numbers) --------------------------------------------------------------
# every day: 7 expected; done 16, 17, 18, 20 = 4; partial 21 = 1; skipped 22 (difficult);
# completed 5; missed 7 - 5 - 1 = 1; 5/7 = 71%. The skip on the 22nd is the last entry:
# "last entry 1 day before 2026-11-23"; the 22nd has nothing done: no streak.
#   mood 4, 6, 7, 5, 3: mean 5.0, min 3, max 7 (n 5)
#   hours 1.5, 0.25, 2.5: mean 4.25/3 = 1.42 -> 1.4; min 0.25, max 2.50 (as many decimals
#   as the values have: 2) (n 3)
#   walked yes, no, yes: 2/3 = 66.7 % (n 3); the text field has no number
# Labels padded to 'hours mean (h)' (14).
HWK_NOW=$REV run -C r review cust
is "cust (exit)" "$rc" 0
has "cust: the type" "mood-check, every day ($CU)"
has "cust: adherence" "  done 4, partial 1, skipped 1, missed 1 of 7 expected: 71% completed"
has "cust: last entry, no streak" "  last entry 1 day before 2026-11-23"
has "cust: skips" "  skipped: difficult 1"
has "cust: mood mean" "  mood mean       5.0  (5)"
has "cust: mood min" "  mood min        3  (5)"
has "cust: mood max" "  mood max        7  (5)"
has "cust: hours mean" "  hours mean (h)  1.4  (3)"
has "cust: hours min" "  hours min (h)   0.25  (3)"
has "cust: hours max" "  hours max (h)   2.50  (3)"
has "cust: walked yes" "  walked yes (%)  66.7  (3)"
is "cust: no number for the text field" "$(grep -c '^  what' "$T/out")" 0
has "cust: an entry with its text field" "  2026-11-17 21:00  done: mood 6, hours 0.25, walked no, what park"

# ---- keeping a review: -m -----------------------------------------------------------------------
# In the practice's reviews/CLIENT, named by the time it was made and four random digits.
HWK_NOW=$REV run -C r review full -m 'Good week, talk about Thursday'
recorded r
expect "review -m prints the review and keeps it" 0 "$FULL_TEXT" \
	"hwk review: recorded in reviews/full/2026-11-23-090000-xxxx.yaml"
like "its name: the time made, four random digits" "$REVIEW" \
	'^r/reviews/full/2026-11-23-090000-[0-9a-f]{4}\.yaml$'
file_is "the review file" "$REVIEW" "# hwk review (see hwk(5))
at: 2026-11-23T09:00:00+01:00
from: 2026-11-16
to: 2026-11-23
note: Good week, talk about Thursday
assignments:
- id: $FULL
  type: activity
  every: day
  expected: 7
  done: 5
  partial: 1
  skipped: 1
  missed: 0
  completion: 85.7
  reasons:
    busy: 1"
is "the review file is 0600" "$(stat -c %a "$REVIEW")" 600
is "the client's reviews folder is 0700" "$(stat -c %a r/reviews/full)" 700
is "the practice's reviews folder is 0700" "$(stat -c %a r/reviews)" 700
is "nothing else in the reviews folder" "$(ls -A r/reviews/full)" "${REVIEW##*/}"
is "no review in the client's folder" "$(ls -A r/clients/full | grep -c review)" 0

# The next review starts at the last one's instant. Two more entries (24, 26); on
# Friday 27 at 09:00 the range is 23..27, today in progress (nothing on it yet):
#   every day, 23..26: 4 expected; done 24, 26 = 2; missed 2; 2/4 = 50%.
#   last entry 1 day before the 27th; streak: 26 done, 25 none: 1 day.
HWK_NOW=2026-11-24T20:00:00+01:00 lg r full activity walk --at 2026-11-24T19:00
HWK_NOW=2026-11-26T20:00:00+01:00 lg r full activity walk --at 2026-11-26T19:00
is "setup: two more entries" "$setup_failed" 0
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review full
is "the next review (exit)" "$rc" 0
has "the next review starts at the last one" \
	"Review of full ($NAME), 2026-11-23 to 2026-11-27; the last review was made on 2026-11-23 at 09:00."
has "the next review: adherence" "  done 2, partial 0, skipped 0, missed 2 of 4 expected: 50% completed"
has "the next review: last entry and streak" "  last entry 1 day before 2026-11-27; streak 1 day"
is "the next review: only its own entries" "$(grep -c '^  2026-11-' "$T/out")" 2

# --until today: 23..27 by the days, the same (today in progress)
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review full --until today
has "--until today: the range" \
	"Review of full ($NAME), 2026-11-23 to 2026-11-27; the last review was made on 2026-11-23 at 09:00."
has "--until today: adherence" "  done 2, partial 0, skipped 0, missed 2 of 4 expected: 50% completed"
has "--until today: last entry and streak" "  last entry 1 day before 2026-11-27; streak 1 day"
# --until yesterday: 23..26, by the days; the 26th is over
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review full --until yesterday
has "--until yesterday: the range" \
	"Review of full ($NAME), 2026-11-23 to 2026-11-26; the last review was made on 2026-11-23 at 09:00."
has "--until yesterday: last entry on its last day" "  last entry on 2026-11-26; streak 1 day"

# --since 2026-11-20, whatever the last review covered: 20..27 by the days, the 27th in
# progress. expected: 20, 21, 22 (3) + 23..26 (4) = 7; done 20, 22, 24, 26 = 4; partial
# 21 = 1; completed 3 + 2 = 5; missed 2; 5/7 = 71%; entries shown again: 5.
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review full --since 2026-11-20
has "--since: the range" \
	"Review of full ($NAME), 2026-11-20 to 2026-11-27; the last review was made on 2026-11-23 at 09:00."
has "--since: adherence" "  done 4, partial 1, skipped 0, missed 2 of 7 expected: 71% completed"
is "--since: the entries of the range" "$(grep -c '^  2026-11-' "$T/out")" 5
# --since mon: the most recent Monday, the 23rd
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review full --since mon
has "--since mon" \
	"Review of full ($NAME), 2026-11-23 to 2026-11-27; the last review was made on 2026-11-23 at 09:00."
# a range that ends before it starts
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review night --since 2026-11-30
expect "--since after today: nothing new, the range is empty" 0 "" \
	"hwk review: nothing new: the range is empty (see --since, --until)"

# two reviews in the same second: two names, four random digits apart
(umask 000 && HWK_NOW=2026-11-27T09:00:00+01:00 hwk -C r review full -m 'second look' >/dev/null 2>"$T/err")
recorded r
is "a review made with umask 000" "$(cat "$T/err")" \
	"hwk review: recorded in reviews/full/2026-11-27-090000-xxxx.yaml"
is "...is still 0600" "$(stat -c %a "$REVIEW")" 600
like "it covers 23..27" "$(sed -n 3,4p "$REVIEW" | tr '\n' ' ')" "^from: 2026-11-23 to: 2026-11-27 $"
HWK_NOW=2026-11-27T09:00:00+01:00 run -C r review full --since 2026-11-16 -m 'third'
recorded r
is "the same second again, with --since" "$(cat "$T/err")" \
	"hwk review: recorded in reviews/full/2026-11-27-090000-xxxx.yaml"
is "two reviews made in that second, two files" "$(ls r/reviews/full | grep -c '^2026-11-27-090000-[0-9a-f]\{4\}\.yaml$')" 2
is "no temp file left by the reviews" "$(find r -name '.*' ! -name .gitattributes ! -name .hwk.lock ! -name .hwk.cache | wc -l)" 0

# ---- the frequency shown and kept, when it was changed on the day of the review ------------
# At the session on Monday 23 the clinician first changes chg (a daily task from 16) to
# 3/week, then reviews 16..23. The heading and the file both show the frequency in force
# on the range's last day, today: 3/week, the one from now on.
# (The counts follow the history: the change counts from the 23rd, in progress, so
# 16..22 is all daily: 7 expected; done 22 = 1; missed 6; 1/7 = 14%.)
CHG=$(asg r chg task --start 2026-11-16)
lg r chg task --at 2026-11-22T12:00
HWK_NOW=$REV hwk -C r assign --edit "$CHG" --every 3/week 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))
is "setup: chg" "$setup_failed" 0
HWK_NOW=$REV run -C r review chg -m 'now 3 a week'
recorded r
has "changed today: the counts follow the history" \
	"  done 1, partial 0, skipped 0, missed 6 of 7 expected: 14% completed"
is "changed today: the file keeps the frequency in force" \
	"$(grep '^  every:' "$REVIEW")" "  every: 3/week"
has "changed today: the heading shows the frequency in force, as the file keeps it" \
	"task, every 3/week ($CHG)"

# ---- ratings ----------------------------------------------------------------------------------
HWK_NOW=$REV run -C r review night -m 'Window holds' -r sleep=3
recorded r
# the rating is shown after the adherence lines
NIGHT_RATED=$(printf '%s\n' "$NIGHT_TEXT" | sed '5a\
  rated: well (3 of 4)')
expect "review -r sleep=3" 0 "$NIGHT_RATED" "hwk review: recorded in reviews/night/2026-11-23-090000-xxxx.yaml"
file_is "the rating is kept" "$REVIEW" "# hwk review (see hwk(5))
at: 2026-11-23T09:00:00+01:00
from: 2026-11-16
to: 2026-11-23
note: Window holds
assignments:
- id: $NIGHT
  type: sleep
  every: day
  expected: 7
  done: 4
  partial: 0
  skipped: 0
  missed: 3
  completion: 57.1
  rating: 3"

snap r
HWK_NOW=$REV run -C r review gaps -r thought-record=2
expect "-r without -m or -e: usage" 2 "" "hwk review: -r rates a review being recorded: add -m NOTE or -e"
HWK_NOW=$REV run -C r review gaps -m x -r thought-record=5
is "-r out of range (exit)" "$rc" 1
is "-r out of range (stderr)" "$(cat "$T/err")" \
	"hwk review: -r thought-record=5: give ASSIGNMENT=N, N from 0 (not done) to 4 (very well)"
HWK_NOW=$REV run -C r review gaps -m x -r task=2
is "-r for an assignment the client does not have (exit)" "$rc" 1
HWK_NOW=$REV run -C r review gaps -m x -e
expect "-m with -e: usage" 2 "" "hwk review: -m and -e cannot be combined"
HWK_NOW=$REV run -C r review gaps --since soon
expect "--since that is not a date: usage" 2 "" "hwk review: --since: soon is not a date (2026-11-27, mon, -2w, ...)"
HWK_NOW=$REV run -C r review gaps cust
is "two clients: usage (exit)" "$rc" 2

# ---- an empty note records nothing ------------------------------------------------------------------
HWK_NOW=$REV run -C r review gaps -m ''
is "-m '': nothing recorded (exit)" "$rc" 1
is "-m '': the message" "$(cat "$T/err")" "hwk review: -m: an empty note: nothing recorded"
HWK_NOW=$REV run -C r review gaps -m $'  \n\t'
is "-m of blanks: nothing recorded (exit)" "$rc" 1
unchanged "no review kept for a failed -r, an empty note or a usage error" r

# ---- $EDITOR ---------------------------------------------------------------------------------------
# The editor gets the template: a blank line for the note, the instructions, then the
# review as comment lines. It writes a note of two paragraphs and a comment of its own
# above what it was given.
cat >"$T/editor" <<EOF
#!/bin/sh
cp "\$1" "$T/template"
ls -A "\$(dirname "\$1")" >"$T/folder"
{ printf 'Kept to 3 a week.\n\n# my own comment\nTry mornings.  \n'; cat "$T/template"; } >"\$1"
EOF
chmod +x "$T/editor"
# adj's review (see above), every line commented; a blank line becomes "# "
printf '%s\n' "" \
	"# Write the notes of this review above. Lines starting with '#' are left out;" \
	"# with no notes, nothing is recorded." \
	"#" \
	"# Review of adj, 2026-11-16 to 2026-11-23; no earlier review." \
	"# " \
	"# task, every 3/week ($ADJ)" \
	"#   done 3, partial 1, skipped 0, missed 0 of 4 expected: 100% completed" \
	"#   last entry 2 days before 2026-11-23; streak 1 week" \
	"#   2026-11-16 12:00  done" \
	"#   2026-11-17 12:00  done" \
	"#   2026-11-19 12:00  done" \
	"#   2026-11-21 12:00  partial" >"$T/want-template"
EDITOR=$T/editor HWK_NOW=$REV run -C r review adj -e
recorded r
expect "review -e" 0 "" "hwk review: recorded in reviews/adj/2026-11-23-090000-xxxx.yaml"
check "the editor got the review as comments" cmp -s "$T/want-template" "$T/template"
cmp -s "$T/want-template" "$T/template" || diff "$T/want-template" "$T/template" | sed 's/^/#   /' >&2
like "the template was with the client's reviews, in the practice" "$(cat "$T/folder")" '^\.hwk\.review-note\.[A-Za-z0-9]{6}$'
file_is "the note without the comment lines" "$REVIEW" "# hwk review (see hwk(5))
at: 2026-11-23T09:00:00+01:00
from: 2026-11-16
to: 2026-11-23
note: |-
  Kept to 3 a week.

  Try mornings.
assignments:
- id: $ADJ
  type: task
  every: 3/week
  expected: 4
  done: 3
  partial: 1
  skipped: 0
  missed: 0
  completion: 100.0"
is "no temp file left" "$(find r -name '.*review-note*' | wc -l)" 0

# VISUAL comes before EDITOR
rm -f "$T/template"
VISUAL=$T/editor EDITOR=false HWK_NOW=$REV run -C r review gaps -e
recorded r
expect "VISUAL before EDITOR" 0 "" "hwk review: recorded in reviews/gaps/2026-11-23-090000-xxxx.yaml"
check "VISUAL got the template" test -s "$T/template"
like "the template holds the thought records, the ESC made visible" "$(cat "$T/template")" \
	'^#       note              x\\x1b\[31my$'

# an editor that leaves only comments, one that empties the file, one that fails
snap r
EDITOR=true HWK_NOW=$REV run -C r review cust -e
expect "an editor that leaves only comments: nothing recorded" 1 "" "hwk review: no notes: nothing recorded"
cat >"$T/emptier" <<'EOF'
#!/bin/sh
: >"$1"
EOF
chmod +x "$T/emptier"
EDITOR=$T/emptier HWK_NOW=$REV run -C r review cust -e
expect "an editor that empties the file: nothing recorded" 1 "" "hwk review: no notes: nothing recorded"
EDITOR=false HWK_NOW=$REV run -C r review cust -e
expect "an editor that fails: nothing recorded" 1 "" "hwk review: the editor failed; nothing recorded"
unchanged "the practice is as it was (no folder left made for the review)" r
is "no temp file left anywhere" "$(find r -name '.*review-note*' | wc -l)" 0

# ---- an ended assignment rated by its type name, as the review shows it ------------------------
# part's task ended on the 18th; hwk log would no longer take "task", but the review shows
# it, so -r task=3 rates it.
HWK_NOW=$REV run -C r review part -m 'Ended well' -r task=3
recorded r
is "-r TYPE=N rates an ended assignment shown in the review (exit)" "$rc" 0
is "the ended assignment's rating is kept" \
	"$(grep -c '^  rating: 3$' "$REVIEW")" 1
has "the ended assignment shows its rating" "  rated: well (3 of 4)"

done_testing
