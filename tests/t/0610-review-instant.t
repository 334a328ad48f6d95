#!/bin/bash
# hwk review runs up to now and the next one starts at its instant: the sleep diary
# logged at 07:00 is in the review of the 10:00 session; a second review the same day
# shows exactly what was logged since the first; an entry logged late for a day before
# the last review is shown once, by the next; nothing is shown twice. Reviews live in the
# practice (reviews/CLIENT/DATE-HHMMSS-xxxx.yaml), never in the client's folder; two made
# in the same second on two machines take two names; an old-named review (DATE.yaml) is
# read as reaching the end of its last day. --amend replaces the latest note, keeping the
# earlier one under amended with the time it was replaced; its errors change nothing.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"


# alex: a sleep diary and a daily task from Monday 16 November
export HWK_NOW=2026-11-16T09:00:00+01:00
hwk init p >/dev/null 2>&1
S=$(asg p alex sleep --start 2026-11-16)
K=$(asg p alex task --start 2026-11-16)
asg p bob task --start 2026-11-16 >/dev/null
# Tuesday 17, 07:00: the night logged on waking
HWK_NOW=2026-11-17T07:00:00+01:00 lg p alex sleep bed=23:00 wake=06:30 out_of_bed=07:00 quality=3
is "setup" "$setup_failed" 0

# ---- the session on Tuesday 17 at 10:00: this morning's diary is in it ----------------
# 16..17, the 17th in progress. sleep: 16 missed, 17 done: 1 of 2, 50%; TIB 23:00 ->
# 07:00 = 480. task: 16 missed; the 17th has no entry yet and expects none: 1 expected.
TUE=2026-11-17T10:00:00+01:00
FIRST="Review of alex, 2026-11-16 to 2026-11-17; no earlier review.

sleep, every day ($S)
  done 1, partial 0, skipped 0, missed 1 of 2 expected: 50% completed
  last entry on 2026-11-17; streak 1 day
  time in bed (min)          480.0  (1)
  total sleep time (min)     -  (0)
  time to fall asleep (min)  -  (0)
  awake in the night (min)   -  (0)
  sleep efficiency (%)       -  (0)
  sleep quality              3.0  (1)
  awakenings                 -  (0)
  2026-11-17 07:00  done: bed 23:00, wake 06:30, out_of_bed 07:00, quality 3

task, every day ($K)
  done 0, partial 0, skipped 0, missed 1 of 1 expected: 0% completed
  no entry by 2026-11-17"
HWK_NOW=$TUE run -C p review alex
expect "Tuesday 10:00: the diary logged at 07:00 is in the review" 0 "$FIRST" ""
HWK_NOW=$TUE run -C p review alex -m 'Window 23:00 to 07:00'
recorded p
expect "kept" 0 "$FIRST" "hwk review: recorded in reviews/alex/2026-11-17-100000-xxxx.yaml"
grep '^  2026-' "$T/out" >"$T/shown"
file_is "the review records its instant, and its days up to today" "$REVIEW" "# hwk review (see hwk(5))
at: 2026-11-17T10:00:00+01:00
from: 2026-11-16
to: 2026-11-17
note: Window 23:00 to 07:00
assignments:
- id: $S
  type: sleep
  every: day
  expected: 2
  done: 1
  partial: 0
  skipped: 0
  missed: 1
  completion: 50.0
- id: $K
  type: task
  every: day
  expected: 1
  done: 0
  partial: 0
  skipped: 0
  missed: 1
  completion: 0.0"
FIRST_REVIEW=$REVIEW
is "in the practice, 0600" "$(stat -c %a "$REVIEW")" 600
is "reviews/alex is 0700" "$(stat -c %a p/reviews/alex)" 700
is "the client's folder holds no review" "$(find p/clients -iname '*review*')" ""

# at once again: nothing logged since
snap p
HWK_NOW=$TUE run -C p review alex
expect "nothing logged since: nothing new (exit 0)" 0 "" \
	"hwk review: nothing new: nothing was logged since the last review, made on 2026-11-17 at 10:00 (see --since, --until)"
HWK_NOW=2026-11-17T11:00:00+01:00 run -C p review alex -m 'again'
expect "nothing logged since, with -m: nothing to review (exit 1)" 1 "" \
	"hwk review: nothing to review: nothing was logged since the last review, made on 2026-11-17 at 10:00 (see --since, --until)"
unchanged "nothing recorded" p

# ---- a second review that day shows exactly what was logged since the first -------------
# the task done at 15:00; at 16:00: 17..17. sleep: the 17th done (its entry counted, not
# shown again: no numbers); task: the 17th done, 1 of 1.
HWK_NOW=2026-11-17T15:00:00+01:00 lg p alex task -m 'called the landlord'
is "setup: the task" "$setup_failed" 0
SECOND="Review of alex, 2026-11-17 to 2026-11-17; the last review was made on 2026-11-17 at 10:00.

sleep, every day ($S)
  done 1, partial 0, skipped 0, missed 0 of 1 expected: 100% completed
  last entry on 2026-11-17; streak 1 day
  time in bed (min)          -  (0)
  total sleep time (min)     -  (0)
  time to fall asleep (min)  -  (0)
  awake in the night (min)   -  (0)
  sleep efficiency (%)       -  (0)
  sleep quality              -  (0)
  awakenings                 -  (0)

task, every day ($K)
  done 1, partial 0, skipped 0, missed 0 of 1 expected: 100% completed
  last entry on 2026-11-17; streak 1 day
  2026-11-17 15:00  done: \"called the landlord\""
HWK_NOW=2026-11-17T16:00:00+01:00 run -C p review alex -m 'Landlord called'
recorded p
expect "the same day, an entry logged since: exactly that entry" 0 "$SECOND" \
	"hwk review: recorded in reviews/alex/2026-11-17-160000-xxxx.yaml"
grep '^  2026-' "$T/out" >>"$T/shown"
like "it starts where the first one was made" "$(sed -n 2,4p "$REVIEW" | tr '\n' ' ')" \
	"^at: 2026-11-17T16:00:00\+01:00 from: 2026-11-17 to: 2026-11-17 $"

# ---- Wednesday: the night, and the task of Monday logged late ------------------------------
# Both logged on the 18th at 09:00, after both reviews: both shown at 10:00, once. 17..18:
# sleep 17, 18 done: 2 of 2; task: 17 done, the 18th in progress: 1 of 1 (Monday is not
# among the days, but its entry is new).
HWK_NOW=2026-11-18T09:00:00+01:00 lg p alex sleep bed=23:30 wake=06:30 out_of_bed=07:00 quality=4 --at 2026-11-18T07:00
HWK_NOW=2026-11-18T09:00:00+01:00 lg p alex task --at 2026-11-16T18:00 -m 'late'
is "setup: Wednesday" "$setup_failed" 0
HWK_NOW=2026-11-18T10:00:00+01:00 run -C p review alex
is "Wednesday (exit)" "$rc" 0
is "Wednesday: the heading" "$(head -n 1 "$T/out")" \
	"Review of alex, 2026-11-17 to 2026-11-18; the last review was made on 2026-11-17 at 16:00."
is "Wednesday: the entries logged since, and no other" "$(grep '^  2026-' "$T/out")" \
	"  2026-11-18 07:00  done: bed 23:30, wake 06:30, out_of_bed 07:00, quality 4
  2026-11-16 18:00  done: \"late\""
is "Wednesday: sleep counted over 17..18" "$(grep -A1 "($S)" "$T/out" | tail -n 1)" \
	"  done 2, partial 0, skipped 0, missed 0 of 2 expected: 100% completed"
is "Wednesday: the task, today in progress" "$(grep -A1 "($K)" "$T/out" | tail -n 1)" \
	"  done 1, partial 0, skipped 0, missed 0 of 1 expected: 100% completed"
HWK_NOW=2026-11-18T10:00:00+01:00 run -C p review alex -m 'Wednesday'
recorded p
WED=$REVIEW
grep '^  2026-' "$T/out" >>"$T/shown"
# nothing shown twice: each of the four entries in exactly one of the three reviews kept
is "the three reviews kept showed four entries" "$(wc -l <"$T/shown")" 4
is "none of them twice" "$(sort "$T/shown" | uniq -d)" ""
HWK_NOW=2026-11-18T10:00:00+01:00 run -C p review alex --since 2026-11-16 --until 2026-11-16
is "--since/--until: the days asked for, by the entries' days" "$(grep '^  2026-' "$T/out")" \
	"  2026-11-16 18:00  done: \"late\""

# ---- the latest review is the one that reached furthest, old names too ------------------
# old: reviewed with the old names (hwk upgrade keeps them): 2026-11-16.yaml covered up
# to Sunday 15, made Monday 16 at 09:00; 2026-11-18.yaml up to Tuesday 17, made on the
# 18th at 08:00 (before the new one of the 17th at 20:00 below, by its name's day): it
# reaches the end of the 17th, the later of the two.
asg p old task --start 2026-11-09 >/dev/null
mkdir -p p/reviews/old
printf '%s\n' 'at: 2026-11-16T09:00:00+01:00' 'from: 2026-11-09' 'to: 2026-11-15' 'note: old' \
	'assignments: []' >p/reviews/old/2026-11-16.yaml
printf '%s\n' 'at: 2026-11-17T20:00:00+01:00' 'from: 2026-11-16' 'to: 2026-11-17' 'note: new' \
	'assignments: []' >p/reviews/old/2026-11-17-200000-0a0a.yaml
printf '%s\n' 'at: 2026-11-18T08:00:00+01:00' 'from: 2026-11-16' 'to: 2026-11-17' 'note: old 2' \
	'assignments: []' >p/reviews/old/2026-11-18.yaml
HWK_NOW=2026-11-18T12:00:00+01:00 lg p old task --at 2026-11-17T21:00 -m 'evening'
HWK_NOW=2026-11-19T10:00:00+01:00 run -C p review old
is "an old-named review reaching further is the last (exit)" "$rc" 0
is "it is read as made at the end of its last day: the next starts the day after" \
	"$(head -n 1 "$T/out")" \
	"Review of old, 2026-11-18 to 2026-11-19; the last review covered up to 2026-11-17."
is "what was logged after the end of that day is new, whatever its day" \
	"$(grep '^  2026-' "$T/out")" "  2026-11-17 21:00  done: \"evening\""
rm p/reviews/old/2026-11-18.yaml
HWK_NOW=2026-11-19T10:00:00+01:00 run -C p review old
is "a new name against an old one of the day before: the new one is the last" \
	"$(head -n 1 "$T/out")" \
	"Review of old, 2026-11-17 to 2026-11-19; the last review was made on 2026-11-17 at 20:00."
is "...and its entry, logged after it, is new" "$(grep '^  2026-' "$T/out")" \
	"  2026-11-17 21:00  done: \"evening\""
printf '%s\n' 'at: soon' 'from: 2026-11-16' 'to: 2026-11-17' 'note: x' >p/reviews/old/2026-11-20.yaml
HWK_NOW=2026-11-19T10:00:00+01:00 run -C p review old
expect "a review whose at is not a time: named" 1 "" \
	"hwk review: reviews/old/2026-11-20.yaml:1:5: 'at' must be a time"
rm p/reviews/old/2026-11-20.yaml

# ---- two machines, the same second: two names ----------------------------------------------
cp -a p q
HWK_NOW=2026-11-19T10:00:00+01:00 run -C p review old -m 'here'
recorded p
A=$REVIEW
HWK_NOW=2026-11-19T10:00:00+01:00 run -C q review old -m 'there'
recorded q
B=${REVIEW#q/}
like "the first machine's name" "$A" '^p/reviews/old/2026-11-19-100000-[0-9a-f]{4}\.yaml$'
like "the second machine's name" "$B" '^reviews/old/2026-11-19-100000-[0-9a-f]{4}\.yaml$'
check "two names, four random digits apart" test "${A#p/}" != "$B"
cp "q/$B" p/reviews/old/
HWK_NOW=2026-11-19T11:00:00+01:00 run -C p review old
is "both kept side by side, read as one instant: nothing new" "$rc:$(cat "$T/err")" \
	"0:hwk review: nothing new: nothing was logged since the last review, made on 2026-11-19 at 10:00 (see --since, --until)"

# ---- --amend -------------------------------------------------------------------------------
snap p
HWK_NOW=2026-11-19T12:00:00+01:00 run -C p review alex --amend -m 'Wednesday: window holds'
expect "--amend -m" 0 "" "hwk review: amended ${WED#p/}"
LAST=$WED
is "the latest review amended, in place" "$(ls p/reviews/alex | wc -l)" 3
file_is "the note replaced, the earlier one kept under amended with the time" "$LAST" "# hwk review (see hwk(5))
at: 2026-11-18T10:00:00+01:00
from: 2026-11-17
to: 2026-11-18
note: 'Wednesday: window holds'
amended:
- note: Wednesday
  replaced: 2026-11-19T12:00:00+01:00
assignments:
- id: $S
  type: sleep
  every: day
  expected: 2
  done: 2
  partial: 0
  skipped: 0
  missed: 0
  completion: 100.0
- id: $K
  type: task
  every: day
  expected: 1
  done: 1
  partial: 0
  skipped: 0
  missed: 0
  completion: 100.0"
is "still 0600" "$(stat -c %a "$LAST")" 600
is "the earlier reviews untouched" "$(grep -c amended "$FIRST_REVIEW")" 0

# -e: the editor gets the note as it is, the instructions as comments
cat >"$T/editor" <<EOF
#!/bin/sh
cp "\$1" "$T/template"
ls -A "\$(dirname "\$1")" | grep '^\.' >"$T/folder"
printf 'Window holds.\n\nTry 23:30.\n' >"\$1"
EOF
chmod +x "$T/editor"
EDITOR=$T/editor HWK_NOW=2026-11-19T13:00:00+01:00 run -C p review alex --amend -e
expect "--amend -e" 0 "" "hwk review: amended ${LAST#p/}"
is "the template: the note, then the instructions" "$(cat "$T/template")" \
	"Wednesday: window holds
# Amend the notes of ${LAST#p/} above. Lines starting with '#' are left
# out; with no notes, nothing is changed."
like "the template was with the client's reviews" "$(cat "$T/folder")" '^\.hwk\.review-note\.[A-Za-z0-9]{6}$'
is "a second amend: both earlier notes kept, in order" "$(sed -n '/^note:/,/^assignments:/p' "$LAST")" \
	"note: |-
  Window holds.

  Try 23:30.
amended:
- note: Wednesday
  replaced: 2026-11-19T12:00:00+01:00
- note: 'Wednesday: window holds'
  replaced: 2026-11-19T13:00:00+01:00
assignments:"
is "no template left" "$(find p -name '.*review-note*')" ""
HWK_NOW=2026-11-19T14:00:00+01:00 run -C p review alex
is "an amended review is still the last one, at its instant" "$(head -n 1 "$T/out")" \
	"Review of alex, 2026-11-18 to 2026-11-19; the last review was made on 2026-11-18 at 10:00."

# errors: each says why, exits 1 (2 for usage), and changes nothing
snap p
fails "--amend with no review yet" 1 "hwk review: bob has no review to amend" \
	-C p review bob --amend -m x
fails "--amend with an empty note" 1 "hwk review: -m: an empty note: nothing recorded" \
	-C p review alex --amend -m ' '
fails "--amend with the note as it is" 1 \
	"hwk review: ${LAST#p/}: the note is as it was: nothing changed" \
	-C p review alex --amend -m $'Window holds.\n\nTry 23:30.'
fails "--amend without a note" 2 "hwk review: --amend: give the new note, -m NOTE or -e" \
	-C p review alex --amend
fails "--amend with -r" 2 \
	"hwk review: --amend replaces the latest review's note: give -m NOTE or -e alone" \
	-C p review alex --amend -m x -r sleep=3
fails "--amend with --since" 2 \
	"hwk review: --amend replaces the latest review's note: give -m NOTE or -e alone" \
	-C p review alex --amend -m x --since mon
EDITOR=false fails "--amend -e, the editor fails" 1 "hwk review: the editor failed; nothing recorded" \
	-C p review alex --amend -e
EDITOR=true fails "--amend -e, the note left as it was" 1 \
	"hwk review: ${LAST#p/}: the note is as it was: nothing changed" -C p review alex --amend -e
is "no template left by the errors" "$(find p -name '.*review-note*')" ""
unchanged "the errors changed nothing" p

# ---- a client folder standing alone keeps no reviews ---------------------------------------
cp -a p/clients/alex solo
snap solo
HWK_NOW=2026-11-19T14:00:00+01:00 run -C solo review
is "standalone: shown (exit)" "$rc" 0
like "standalone: no earlier review there" "$(head -n 1 "$T/out")" "; no earlier review\.$"
HWK_NOW=2026-11-19T14:00:00+01:00 run -C solo review -m x
is "standalone: -m (exit)" "$rc" 1
is "standalone: -m (stderr)" "$(cat "$T/err")" \
	"hwk review: a client folder standing alone keeps no reviews (they are the clinician's): record it in the practice"
run -C solo review --amend -m x
expect "standalone: --amend" 1 "" \
	"hwk review: a client folder standing alone keeps no reviews: amend it in the practice"
unchanged "standalone: nothing written" solo

done_testing
