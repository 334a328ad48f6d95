#!/bin/bash
# The exposure ladder: hwk assign --step (the YAML written exactly), --edit of the ladder
# with its history, hwk log against a step by number, name or unique start (the entry
# keeps the name), every refusal (message, exit status, nothing changed), and a ladder
# fixture whose review and report (text, md, csv, json) show the steps done and the next
# step, worked out by hand from the entries logged; a past week shows the ladder as it
# was then.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null


# ladder FILE: the ladder: section of an assignment file
ladder() { sed -n '/^ladder:/,/^history:/p' "$1" | sed '/^history:/d'; }
# hist FILE: the history: section
hist() { sed -n '/^history:/,$p' "$1"; }

# ---- assign with steps ----

HWK_NOW=2026-11-16T09:00:00+01:00 run -C p assign alex exposure --start 2026-11-16 \
	--step 'lift, 1 floor=40' --step 'lift, 3 floors=60/30' --step stairs=70 \
	--step 'bus, one stop=80'
is "assign with --step (exit)" "$rc" 0
is "assign with --step (stderr)" "$(cat "$T/err")" ""
E=$(cat "$T/out")
A=p/clients/alex/$E.yaml
C=p/clients/alex/$E.csv
# the first two steps, as the file has them before and after the edit below
lifts="ladder:
- name: lift, 1 floor
  expected: 40
- name: lift, 3 floors
  expected: 60
  target: 30"
is "the ladder in the file: steps in order, the target only where given" "$(ladder "$A")" \
	"$lifts
- name: stairs
  expected: 70
- name: bus, one stop
  expected: 80"
is "the ladder comes with the assignment: its history has only its making" "$(hist "$A")" \
	"history:
- at: 2026-11-16T09:00:00+01:00
  change: assigned"
is "the ladder sits between the fields and the history" \
	"$(grep -E '^[a-z]+:' "$A" | cut -d: -f1 | tr '\n' ' ')" \
	"id client type title every start status fields ladder history "

# an exposure without a ladder: step stays free text
B=$(HWK_NOW=2026-11-16T09:00:00+01:00 hwk -C p assign bo exposure --start 2026-11-16)
is "no --step: no ladder section" "$(grep -c '^ladder:' "p/clients/bo/$B.yaml")" 0
HWK_NOW=2026-11-16T20:00:00+01:00 run -C p -c bo log exposure 'any step I like' suds_peak=50
is "no ladder: any step is taken (exit)" "$rc" 0
is "no ladder: the step as typed" "$(cut -d, -f6,8 "p/clients/bo/$B.csv" | tail -1)" \
	"any step I like,50"

# ---- logging against the ladder ----

# the entries of the fixture, in the order of at (every peak on the 0..100 scale)
lg1() { HWK_NOW=2026-11-27T09:00:00+01:00 hwk -C p -c alex log -q exposure "$@"; }
lg1 1 suds_peak=60 --at 2026-11-16T18:00          # by number
lg1 'lift, 1' suds_peak=45 --at 2026-11-17T18:00   # by a unique start
lg1 step='lift, 1 floor' suds_peak=30 --at 2026-11-18T18:00 # by its name
lg1 --skip busy --at 2026-11-19T18:00              # a skip counts no session
lg1 2 suds_peak=70 --at 2026-11-20T18:00
lg1 'lift, 3 floors' suds_peak=40 --at 2026-11-23T18:00
lg1 st suds_peak=80 --at 2026-11-24T18:00
lg1 --partial step=3 suds_peak=40 --at 2026-11-25T18:00
# cols FILE: the at, status, step and suds_peak of each row, as CSV
cols() { python3 -c 'import csv,sys
w = csv.writer(sys.stdout, lineterminator="\n")
for r in csv.DictReader(open(sys.argv[1])):
    w.writerow([r["at"], r["status"], r["step"], r["suds_peak"]])' "$1"; }
is "the entries logged" "$(cols "$C")" \
	'2026-11-16T18:00:00+01:00,done,"lift, 1 floor",60
2026-11-17T18:00:00+01:00,done,"lift, 1 floor",45
2026-11-18T18:00:00+01:00,done,"lift, 1 floor",30
2026-11-19T18:00:00+01:00,skipped,,
2026-11-20T18:00:00+01:00,done,"lift, 3 floors",70
2026-11-23T18:00:00+01:00,done,"lift, 3 floors",40
2026-11-24T18:00:00+01:00,done,stairs,80
2026-11-25T18:00:00+01:00,partial,stairs,40'

# ---- refusals: message, exit status, nothing changed ----

steps='  1 lift, 1 floor
  2 lift, 3 floors
  3 stairs
  4 bus, one stop'
fails "log: a step number past the ladder" 1 "hwk log: step: 5 is not a step of the ladder; its steps:
$steps" -C p -c alex log exposure 5 suds_peak=50
fails "log: step 0" 1 "hwk log: step: 0 is not a step of the ladder; its steps:
$steps" -C p -c alex log exposure step=0 suds_peak=50
fails "log: a name not on the ladder" 1 "hwk log: step: train is not a step of the ladder; its steps:
$steps" -C p -c alex log exposure train suds_peak=50
fails "log: a start of more than one step" 1 "hwk log: step: lift is more than one step of the ladder; give its number or more of its name:
$steps" -C p -c alex log exposure lift suds_peak=50
fails "log: names keep their case" 1 "hwk log: step: Stairs is not a step of the ladder; its steps:
$steps" -C p -c alex log exposure Stairs suds_peak=50
printf 'at,step,suds_peak\n2026-11-26T18:00,bus,50\n2026-11-26T19:00,9,50\n' >"$T/imp.csv"
fails "log --import: a row's step not on the ladder, nothing imported" 1 \
	"hwk log: $T/imp.csv:3: step: 9 is not a step of the ladder; its steps:
$steps" -C p -c alex log exposure --import "$T/imp.csv"

fails "assign: a ladder on a sleep diary" 1 \
	"hwk assign: --step: a sleep assignment has no ladder (only a type with a text field 'step', as exposure, has one)" \
	-C p assign alex sleep --step 'lights out=40'
S=$(hwk -C p assign alex thought-record 2>/dev/null)
fails "assign --edit: a ladder on a thought record" 1 \
	"hwk assign: --step: a thought-record assignment has no ladder (only a type with a text field 'step', as exposure, has one)" \
	-C p assign --edit "$S" --step 'write it=40'
fails "assign: SUDS above the scale" 1 \
	"hwk assign: --step: stairs=101: the expected SUDS must be a whole number from 0 to 100" \
	-C p assign alex exposure --step stairs=101
fails "assign: SUDS not a number" 1 \
	"hwk assign: --step: stairs=high: the expected SUDS must be a whole number from 0 to 100" \
	-C p assign alex exposure --step stairs=high
fails "assign: SUDS with a fraction" 1 \
	"hwk assign: --step: stairs=40.5: the expected SUDS must be a whole number from 0 to 100" \
	-C p assign alex exposure --step stairs=40.5
fails "assign: a bad target" 1 \
	"hwk assign: --step: stairs=70/-5: the target SUDS must be a whole number from 0 to 100" \
	-C p assign alex exposure --step stairs=70/-5
fails "assign: no expected SUDS" 1 \
	"hwk assign: --step: stairs: give NAME=EXPECTED[/TARGET], the SUDS the client expects (0-100), as \"lift, 1 floor\"=40" \
	-C p assign alex exposure --step stairs
fails "assign: a step named twice" 1 \
	"hwk assign: --step: stairs: a step of that name is already on the ladder" \
	-C p assign alex exposure --step stairs=70 --step lift=40 --step stairs=60
fails "assign: a number for a name" 1 \
	"hwk assign: --step: 3=70: the name must not be a number (numbers pick steps by their place)" \
	-C p assign alex exposure --step 3=70
fails "assign --edit: a step named twice" 1 \
	"hwk assign: --step: stairs: a step of that name is already on the ladder" \
	-C p assign --edit "$E" --step stairs=70 --step stairs=60
fails "assign --edit: a step left out that entries name" 1 \
	"hwk assign: --step: lift, 1 floor: 3 entries name this step; it stays on the ladder (give it again, in any place)" \
	-C p assign --edit "$E" --step 'lift, 3 floors=60/30' --step stairs=70 --step 'bus, one stop=80'
fails "assign --edit: a step renamed that entries name" 1 \
	"hwk assign: --step: stairs: 2 entries name this step; it stays on the ladder (give it again, in any place)" \
	-C p assign --edit "$E" --step 'lift, 1 floor=40' --step 'lift, 3 floors=60/30' \
	--step 'stairs, 2 floors=70' --step 'bus, one stop=80'
fails "assign --end takes no --step" 2 \
	"hwk assign: --end takes only --at; to change an assignment use --edit" \
	-C p assign --end "$E" --step stairs=70
HWK_NOW=2026-11-23T08:00:00+01:00 run -C p assign --edit "$E" --step 'lift, 1 floor=40' \
	--step 'lift, 3 floors=60/30' --step stairs=70 --step 'bus, one stop=80'
expect "assign --edit: the same ladder is no change" 0 "" \
	"hwk assign: $E: nothing to change"

# a ladder broken by hand is named where it is
cp "$A" "$T/keep.yaml"
sed -i 's/^  expected: 70$/  expected: 170/' "$A"
run -C p -c alex log exposure 1 suds_peak=20
is "a ladder's SUDS off the scale in the file (exit)" "$rc" 1
like "a ladder's SUDS off the scale in the file (stderr)" "$(cat "$T/err")" \
	"^hwk log: clients/alex/$E.yaml:[0-9]+:[0-9]+: 'expected' must be a whole number from 0 to 100\$"
cp "$T/keep.yaml" "$A"

# ---- editing the ladder: recorded in the history ----

# on Monday the 23rd, before the session logged that evening: stairs expected 75 now,
# the bus second to last and a train step last; the steps may move, as entries keep
# their names
HWK_NOW=2026-11-23T10:00:00+01:00 run -C p assign --edit "$E" --step 'lift, 1 floor=40' \
	--step 'lift, 3 floors=60/30' --step stairs=75 --step 'bus, one stop=80' \
	--step 'train=90/25'
expect "assign --edit --step" 0 "" ""
is "the new ladder in the file" "$(ladder "$A")" \
	"$lifts
- name: stairs
  expected: 75
- name: bus, one stop
  expected: 80
- name: train
  expected: 90
  target: 25"
is "the change is in the history, the old ladder and the new, one step a line" \
	"$(hist "$A")" \
	"history:
- at: 2026-11-16T09:00:00+01:00
  change: assigned
- at: 2026-11-23T10:00:00+01:00
  change: ladder
  from: |-
    lift, 1 floor=40
    lift, 3 floors=60/30
    stairs=70
    bus, one stop=80
  to: |-
    lift, 1 floor=40
    lift, 3 floors=60/30
    stairs=75
    bus, one stop=80
    train=90/25"
lg1 5 suds_peak=50 --at 2026-11-26T10:00
is "a new step is logged to by its number" "$(cols "$C" | tail -1)" \
	"2026-11-26T10:00:00+01:00,done,train,50"

# ---- review and report: the fixture by hand ----
#
# By step, its sessions (done and partial; the skip counts none) in the order of at:
#   1 lift, 1 floor   (no target)  60, 45, 30   3 sessions, 60 to 30: 30 <= 60/2, done
#   2 lift, 3 floors  (target 30)  70, 40       2 sessions, 70 to 40: 40 > 30, not done
#   3 stairs          (no target)  80, 40       2 sessions, 80 to 40: 40 <= 80/2, done
#   4 bus, one stop                none         not done
#   5 train           (target 25)  50           1 session: not done
# The next step is the first not done in ladder order: 2, though 3 is done.
# Up to Sunday the 22nd (week 47), with the ladder as it was then (4 steps, stairs
# expected 70): step 1 done (60, 45, 30); step 2 70 alone; nothing else; next 2.

rep() { HWK_NOW=2026-11-27T09:00:00+01:00 run -C p report alex "$@"; }
rep --week 2026-W48 -f text
is "report (exit)" "$rc" 0
is "report: the ladder of the week" "$(sed -n '/ladder:/,+5p' "$T/out")" \
	"    ladder: 2 of 5 steps done; next: 2 lift, 3 floors
      1 lift, 1 floor (expected 40): 3 sessions, peak 60 to 30, done
      2 lift, 3 floors (expected 60, target 30): 2 sessions, peak 70 to 40
      3 stairs (expected 75): 2 sessions, peak 80 to 40, done
      4 bus, one stop (expected 80): 0 sessions
      5 train (expected 90, target 25): 1 session, peak 50 to 50"
rep --week 2026-W48 -f md
is "report -f md: the ladder as a list" "$(sed -n '/ladder:/,$p' "$T/out" | sed -n '1,6p')" \
	"- ladder: 2 of 5 steps done; next: 2 lift, 3 floors
  - 1 lift, 1 floor (expected 40): 3 sessions, peak 60 to 30, done
  - 2 lift, 3 floors (expected 60, target 30): 2 sessions, peak 70 to 40
  - 3 stairs (expected 75): 2 sessions, peak 80 to 40, done
  - 4 bus, one stop (expected 80): 0 sessions
  - 5 train (expected 90, target 25): 1 session, peak 50 to 50"
rep --week 2026-W47 -f text
is "report of a past week: the ladder as it was (4 steps, stairs expected 70)" \
	"$(sed -n '/ladder:/,+4p' "$T/out")" \
	"    ladder: 1 of 4 steps done; next: 2 lift, 3 floors
      1 lift, 1 floor (expected 40): 3 sessions, peak 60 to 30, done
      2 lift, 3 floors (expected 60, target 30): 1 session, peak 70 to 70
      3 stairs (expected 70): 0 sessions
      4 bus, one stop (expected 80): 0 sessions"

rep --week 2026-W48 -f json
J=$T/out
is "report -f json: the steps" "$(jq -c '.[] | select(.type == "exposure") | .ladder' "$J")" \
	'[{"step":1,"name":"lift, 1 floor","expected":40,"target":null,"sessions":3,"first_peak":60,"latest_peak":30,"done":true},{"step":2,"name":"lift, 3 floors","expected":60,"target":30,"sessions":2,"first_peak":70,"latest_peak":40,"done":false},{"step":3,"name":"stairs","expected":75,"target":null,"sessions":2,"first_peak":80,"latest_peak":40,"done":true},{"step":4,"name":"bus, one stop","expected":80,"target":null,"sessions":0,"first_peak":null,"latest_peak":null,"done":false},{"step":5,"name":"train","expected":90,"target":25,"sessions":1,"first_peak":50,"latest_peak":50,"done":false}]'
is "report -f json: the next step" \
	"$(jq -r '.[] | select(.type == "exposure") | .next_step' "$J")" "lift, 3 floors"
is "report -f json: no ladder, no steps" \
	"$(jq -c '[.[] | select(.type != "exposure") | .ladder]' "$J")" '[[]]'
rep --week 2026-W48 -f csv
is "report -f csv: the ladder and the next step" \
	"$(python3 -c 'import csv,sys
for r in csv.DictReader(sys.stdin):
    print(r["type"], "|", r["ladder"], "|", r["next_step"])' <"$T/out")" \
	"exposure | 1 lift, 1 floor (expected 40): 3 sessions, peak 60 to 30, done; 2 lift, 3 floors (expected 60, target 30): 2 sessions, peak 70 to 40; 3 stairs (expected 75): 2 sessions, peak 80 to 40, done; 4 bus, one stop (expected 80): 0 sessions; 5 train (expected 90, target 25): 1 session, peak 50 to 50 | lift, 3 floors
thought-record |  | "

# every step of a ladder done: no next step
F=$(HWK_NOW=2026-11-16T09:00:00+01:00 hwk -C p assign cy exposure --start 2026-11-16 \
	--step 'shop=50/20')
HWK_NOW=2026-11-27T09:00:00+01:00 hwk -C p -c cy log -q exposure 1 suds_peak=50 --at 2026-11-24T10:00
HWK_NOW=2026-11-27T09:00:00+01:00 hwk -C p -c cy log -q exposure shop suds_peak=20 --at 2026-11-25T10:00
HWK_NOW=2026-11-27T09:00:00+01:00 run -C p report cy --week 2026-W48 -f json
is "every step done: next_step null" "$(jq -c '.[0].next_step' "$T/out")" "null"
HWK_NOW=2026-11-27T09:00:00+01:00 run -C p review cy
is "review: every step done" "$(grep -A1 'ladder:' "$T/out")" \
	"  ladder: 1 of 1 step done; every step done
    1 shop (expected 50, target 20): 2 sessions, peak 50 to 20, done"
is "the file of cy's assignment names its one step" "$(ladder "p/clients/cy/$F.yaml")" \
	"ladder:
- name: shop
  expected: 50
  target: 20"

# review: the same steps as the report, over every entry up to its end
HWK_NOW=2026-11-27T09:00:00+01:00 run -C p review alex --since 2026-11-23
is "review (exit)" "$rc" 0
is "review: the ladder after the numbers, before the entries" \
	"$(sed -n '/^exposure/,$p' "$T/out" | sed -n '/ladder:/,/^  20/p')" \
	"  ladder: 2 of 5 steps done; next: 2 lift, 3 floors
    1 lift, 1 floor (expected 40): 3 sessions, peak 60 to 30, done
    2 lift, 3 floors (expected 60, target 30): 2 sessions, peak 70 to 40
    3 stairs (expected 75): 2 sessions, peak 80 to 40, done
    4 bus, one stop (expected 80): 0 sessions
    5 train (expected 90, target 25): 1 session, peak 50 to 50
  2026-11-23 18:00  done: step lift, 3 floors, suds_peak 40"

# the HTML page: the same steps, as a table (hwk-report(1)), strict and escaped
HWK_NOW=2026-11-27T09:00:00+01:00 run -C p report alex --week 2026-W48 -f html
is "report -f html (exit)" "$rc" 0
H=$T/out
is "report -f html: the ladder's caption" \
	"$(grep -o '<caption>ladder:[^<]*' "$H")" "<caption>ladder: 2 of 5 steps done; next: 2 lift, 3 floors"
is "report -f html: a row a step, the done ones marked" \
	"$(grep -o '<tr class="step[^"]*"><td>[^<]*</td>\(<td class="n">[^<]*</td>\)*<td>[^<]*</td>' "$H" |
		sed 's/<[^>]*class="n">/|/g; s/<[^>]*>/ /g; s/  */ /g; s/ *| */|/g; s/ $//')" \
	" 1 lift, 1 floor|40|-|3|60|30 done
 2 lift, 3 floors|60|30|2|70|40
 3 stairs|75|-|2|80|40 done
 4 bus, one stop|80|-|0|-|-
 5 train|90|25|1|50|50"
is "report -f html: done rows carry the class" "$(grep -c '<tr class="step done">' "$H")" 2
HWK_NOW=2026-11-27T09:00:00+01:00 run -C p review alex --since 2026-11-23 -f html
is "review -f html: the same ladder" "$(grep -o '<caption>ladder:[^<]*' "$T/out")" \
	"<caption>ladder: 2 of 5 steps done; next: 2 lift, 3 floors"

done_testing
