#!/bin/bash
# hwk assign: new assignments (files, every option, built-in and custom types, bad type
# files, frequencies, dates), --edit with its history, --end, and stable bytes.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# body FILE: the file without its history
body() { sed '/^history:/,$d' "$1"; }

umask 022
hwk init p 2>/dev/null
cd p || exit 1

# The sleep diary's fields, as hwk types prints them (tests/t/0500-types.t checks those
# against the brief's table); a new assignment carries them as they are.
sleep_fields=$(hwk types sleep | sed -n '/^fields:/,$p')

# ---- a new assignment ----

run assign alex sleep
is "assign CLIENT TYPE (exit)" "$rc" 0
is "assign CLIENT TYPE (stderr)" "$(cat "$T/err")" ""
S=$(cat "$T/out")
like "it prints the new id" "$S" '^2026-11-27-sleep-[0-9a-f]{4}$'
is "client.yaml is made" "$(cat clients/alex/client.yaml)" "# hwk client (see hwk(5))
version: 3
id: alex
created: 2026-11-27"
is "the client folder stands alone in git too" "$(grep -v '^#' clients/alex/.gitattributes)" \
	"$(printf '*.csv merge=union\n*.yaml merge=hwk-assignment')"
is "the assignment file, with defaults" "$(cat "clients/alex/$S.yaml")" \
	"# hwk assignment (see hwk(5)); its entries are in $S.csv
id: $S
client: alex
type: sleep
title: Sleep diary
every: day
start: 2026-11-27
status: active
$sleep_fields
history:
- at: 2026-11-27T09:00:00+01:00
  change: assigned"
is "new files are 0600, folders 0700" "$(find clients -printf '%m %y\n' | sort -u)" \
	"$(printf '600 f\n700 d')"

# every option at once
run assign bo sleep --every 3/week --start 2026-11-23 --until 2026-12-25 --when 'on waking' \
	--where 'kitchen table' --minimum 'bed and wake times only' \
	-m $'Fill it in within an hour of getting up.\nBring it to the session.' --name 'Bo B.'
is "assign with every option (exit)" "$rc" 0
is "assign with every option (stderr)" "$(cat "$T/err")" ""
F=$(cat "$T/out")
like "the id carries the day and the type" "$F" '^2026-11-2[37]-sleep-[0-9a-f]{4}$'
is "--name lands in client.yaml" "$(cat clients/bo/client.yaml)" "# hwk client (see hwk(5))
version: 3
id: bo
name: Bo B.
created: 2026-11-27"
is "the assignment file, with every option" "$(cat "clients/bo/$F.yaml")" \
	"# hwk assignment (see hwk(5)); its entries are in $F.csv
id: $F
client: bo
type: sleep
title: Sleep diary
every: 3/week
start: 2026-11-23
until: 2026-12-25
when: on waking
where: kitchen table
minimum: bed and wake times only
instructions: |-
  Fill it in within an hour of getting up.
  Bring it to the session.
status: active
$sleep_fields
history:
- at: 2026-11-27T09:00:00+01:00
  change: assigned"

# text that YAML would read as something else stays text
run assign bo task --when yes --where 2026-12-01 --minimum 10 -m 'null'
Q=$(cat "$T/out")
is "text like yes, a date, a number or null is quoted" \
	"$(grep -E '^(when|where|minimum|instructions):' "clients/bo/$Q.yaml")" \
	"when: 'yes'
where: '2026-12-01'
minimum: '10'
instructions: 'null'"
# the first --edit of a client makes its lock file, .hwk.lock (see hwk(5)); after it,
# an edit that changes nothing leaves the folder as it was
hwk -c bo assign --edit "$Q" --when yes 2>/dev/null
snap .
run -c bo assign --edit "$Q" --when yes --where 2026-12-01 --minimum 10 -m null
expect "read back, the quoted text is the same text" 0 "" "hwk assign: $Q: nothing to change"
unchanged "and nothing is rewritten" .

# ---- each built-in type ----

for t in thought-record activity exposure sleep mindfulness task; do
	run assign cy "$t"
	is "built-in $t assigns (exit)" "$rc" 0
	id=$(cat "$T/out")
	is "built-in $t: the assignment says its type" "$(grep '^type:' "clients/cy/$id.yaml")" "type: $t"
	hwk types "$t" >"$T/type.yaml"
	is "built-in $t: the assignment carries the type's fields" \
		"$(fields "clients/cy/$id.yaml")" "$(fields "$T/type.yaml")"
done
is "the six are there" "$(hwk -c cy list assignments | cut -f3 | sort | tr '\n' ' ')" \
	"activity exposure mindfulness sleep task thought-record type "

snap .
run assign alex nosuch
expect "an unknown type" 1 "" "hwk assign: nosuch: no such type (see 'hwk types')"
run assign dee nosuch
expect "an unknown type for a new client" 1 "" "hwk assign: nosuch: no such type (see 'hwk types')"
run assign alex ../sleep
expect "a type name that is a path" 1 "" "hwk assign: ../sleep: not a type name (letters, digits and -)"
unchanged "no client folder, no file" .

# ---- a custom type ----

cat >types/worry-time.yaml <<'EOF'
# postponing worries to a fixed half hour
name: worry-time
title: Worry time
fields:
- name: worries
  type: integer
  min: 0
  max: 20
  required: true
  prompt: How many worries you wrote down
- name: mood
  type: choice
  choices: [calm, tense, low]
- name: kept
  type: yesno
  prompt: Did you keep to the half hour
- name: next
  type: date
- name: hours
  type: number
  min: 0
  max: 2.5
  unit: h
- name: started
  type: time
- name: topic
  type: text
EOF
run assign alex worry-time -e weekday
is "a custom type assigns (exit)" "$rc" 0
W=$(cat "$T/out")
like "a custom type: the id" "$W" '^2026-11-27-worry-time-[0-9a-f]{4}$'
is "a custom type: its fields land in the assignment" "$(cat "clients/alex/$W.yaml")" \
	"# hwk assignment (see hwk(5)); its entries are in $W.csv
id: $W
client: alex
type: worry-time
title: Worry time
every: weekday
start: 2026-11-27
status: active
fields:
- name: worries
  type: integer
  required: true
  min: 0
  max: 20
  prompt: How many worries you wrote down
- name: mood
  type: choice
  choices:
  - calm
  - tense
  - low
- name: kept
  type: yesno
  prompt: Did you keep to the half hour
- name: next
  type: date
- name: hours
  type: number
  min: 0
  max: 2.5
  unit: h
- name: started
  type: time
- name: topic
  type: text
history:
- at: 2026-11-27T09:00:00+01:00
  change: assigned"

# editing the type later never changes the assignment
sed -i 's/max: 20/max: 5/' types/worry-time.yaml
is "the assignment keeps its own scales" "$(grep -A4 'name: worries' "clients/alex/$W.yaml" | grep max)" \
	"  max: 20"

# ---- bad custom type files: FILE:LINE:COL, and nothing written ----

badtype() { # DESC YAML MESSAGE
	printf '%s' "$2" >types/bad.yaml
	snap .
	run assign dee bad
	expect "$1" 1 "" "hwk assign: types/bad.yaml:$3"
	unchanged "$1: nothing written" .
	rm types/bad.yaml
}
badtype "bad YAML syntax" $'title: a: b\nfields: []\n' \
	"1:9: mapping values are not allowed in this context"
badtype "an unknown key" $'title: Bad\ncolour: red\nfields: []\n' \
	"2:1: unknown key 'colour'"
badtype "an unknown key in a field" $'title: Bad\nfields:\n- name: x\n  type: text\n  colour: red\n' \
	"5:3: unknown key 'colour'"
badtype "type: bogus" $'title: Bad\nfields:\n- name: x\n  type: bogus\n' \
	"4:9: 'type' must be one of text, integer, number, time, date, yesno, choice"
badtype "min above max" $'title: Bad\nfields:\n- name: x\n  type: integer\n  min: 10\n  max: 5\n' \
	"6:8: 'max' is below 'min'"
badtype "max not a number" $'title: Bad\nfields:\n- name: x\n  type: integer\n  max: ten\n' \
	"5:8: 'max' must be a number"
badtype "min on a text field" $'title: Bad\nfields:\n- name: x\n  type: text\n  min: 1\n' \
	"5:8: 'min' and 'max' are only for integer and number fields"
badtype "a choice without choices" $'title: Bad\nfields:\n- name: x\n  type: choice\n' \
	"3:3: a choice field needs 'choices', a list of words"
badtype "a reserved field name" $'title: Bad\nfields:\n- name: note\n  type: text\n' \
	"3:9: 'note' is a column of every entry; choose another field name"
badtype "a field defined twice" $'title: Bad\nfields:\n- name: x\n  type: text\n- name: x\n  type: integer\n' \
	"5:3: field 'x' is defined twice"
badtype "required not a boolean" $'title: Bad\nfields:\n- name: x\n  type: text\n  required: maybe\n' \
	"5:13: 'required' must be true or false"
badtype "a name that is not the file's" $'name: other\nfields: []\n' \
	"1:7: 'name' is 'other' but the file is named for 'bad'"
badtype "no fields" $'title: Bad\n' \
	"1:1: 'fields' is missing"
check "no client dee was made by any of them" test ! -e clients/dee

# ---- frequencies ----

every_is() { # DESC SPELLING STORED
	run assign alex task --every "$2"
	is "$1 (exit)" "$rc" 0
	is "$1 (stored)" "$(grep '^every:' "clients/alex/$(cat "$T/out").yaml" 2>/dev/null)" "every: $3"
	rm -f "clients/alex/$(cat "$T/out").yaml"
}
every_is "--every day" day day
every_is "--every weekday" weekday weekday
every_is "--every 3/week" 3/week 3/week
every_is "--every 7/week" 7/week 7/week
every_is "--every mon,wed,fri" mon,wed,fri mon,wed,fri
every_is "--every named days in any order" fri,mon mon,fri
every_is "--every once" once once
run assign alex task -e 1/week
is "-e is --every" "$(grep '^every:' "clients/alex/$(cat "$T/out").yaml")" "every: 1/week"
rm -f "clients/alex/$(cat "$T/out").yaml"

snap .
for e in 8/week 0/week funday mon,,fri; do
	run assign alex task --every "$e"
	expect "--every $e is refused" 1 "" \
		"hwk assign: every: $e is not a frequency (day, weekday, N/week, mon,wed,fri or once)"
done
unchanged "bad frequencies wrote nothing" .

# the practice's default frequency
sed -i 's/^default_every: day$/default_every: weekday/' hwk.yaml
run assign alex task
is "hwk.yaml's default_every is used" "$(grep '^every:' "clients/alex/$(cat "$T/out").yaml")" "every: weekday"
rm -f "clients/alex/$(cat "$T/out").yaml"
sed -i 's/^default_every: weekday$/default_every: bogus/' hwk.yaml
snap .
run assign alex task
is "a bad default_every (exit)" "$rc" 1
like "a bad default_every is blamed on hwk.yaml:6:16" "$(cat "$T/err")" '^hwk assign: hwk\.yaml:6:16: '
unchanged "a bad default_every wrote nothing" .
sed -i 's/^default_every: bogus$/default_every: day/' hwk.yaml

# ---- dates ----

snap .
run assign alex task --start 2026-11-30 --until 2026-11-29
expect "--until before --start" 1 "" "hwk assign: --until: 2026-11-29 is before the start, 2026-11-30"
run assign alex task --until yesterday
expect "--until before today's start" 1 "" "hwk assign: --until: 2026-11-26 is before the start, 2026-11-27"
run assign alex task --start junk
expect "--start junk" 1 "" "hwk assign: --start: junk is not a date (2026-11-27, today, +4w, ...)"
run assign alex task --until 2026-02-30
expect "--until an impossible date" 1 "" "hwk assign: --until: 2026-02-30 is not a date (2026-11-27, today, +4w, ...)"
unchanged "bad dates wrote nothing" .
run assign alex task --start mon --until +2w
D=$(cat "$T/out")
is "--start mon and --until +2w are days" "$(grep -E '^(start|until):' "clients/alex/$D.yaml")" \
	"start: 2026-11-23
until: 2026-12-11"
rm -f "clients/alex/$D.yaml"
run assign alex task --until today
is "--until the start day itself is fine" "$rc" 0
rm -f "clients/alex/$(cat "$T/out").yaml"

# ---- usage errors ----

snap .
run assign
is "assign alone (exit)" "$rc" 2
like "assign alone: usage" "$(cat "$T/err")" '^usage: hwk assign'
run assign a b c
is "three arguments (exit)" "$rc" 2
run assign --edit "$S" --end "$S"
expect "--edit and --end together" 2 "" "hwk assign: --edit and --end cannot be combined"
run -c alex assign --edit "$S"
expect "--edit with nothing to change" 2 "" \
	"hwk assign: --edit needs something to change (--every, --until, --when, --where, --minimum, -m, --step)"
run -c alex assign --end "$S" --every day
expect "--end with --every" 2 "" "hwk assign: --end takes only --at; to change an assignment use --edit"
run assign alex task --at today
expect "--at without --end" 2 "" "hwk assign: --at goes with --end"
unchanged "usage errors wrote nothing" .

# ---- --edit ----

run assign eve task --when 'after lunch' -m Walk
E=$(cat "$T/out")
cp "clients/eve/$E.yaml" "$T/e0.yaml"
HWK_NOW=2026-12-04T16:40:00+01:00 run -c eve assign --edit "$E" --every 3/week --until 2026-12-20 \
	--when 'after dinner' --where park --minimum '5 minutes' -m $'Walk\n20 minutes'
expect "--edit every key" 0 "" ""
is "--edit rewrites the keys and records each change with its time" "$(cat "clients/eve/$E.yaml")" \
	"# hwk assignment (see hwk(5)); its entries are in $E.csv
id: $E
client: eve
type: task
title: Task
every: 3/week
start: 2026-11-27
until: 2026-12-20
when: after dinner
where: park
minimum: 5 minutes
instructions: |-
  Walk
  20 minutes
status: active
fields: []
history:
- at: 2026-11-27T09:00:00+01:00
  change: assigned
- at: 2026-12-04T16:40:00+01:00
  change: every
  from: day
  to: 3/week
- at: 2026-12-04T16:40:00+01:00
  change: until
  to: '2026-12-20'
- at: 2026-12-04T16:40:00+01:00
  change: when
  from: after lunch
  to: after dinner
- at: 2026-12-04T16:40:00+01:00
  change: where
  to: park
- at: 2026-12-04T16:40:00+01:00
  change: minimum
  to: 5 minutes
- at: 2026-12-04T16:40:00+01:00
  change: instructions
  from: Walk
  to: |-
    Walk
    20 minutes"

snap .
HWK_NOW=2026-12-05T10:00:00+01:00 run -c eve assign --edit "$E" --every 3/week --when 'after dinner' \
	-m $'Walk\n20 minutes'
expect "--edit to the same values" 0 "" "hwk assign: $E: nothing to change"
unchanged "the file is byte for byte the same" .

run -c eve assign --edit "$E" --every 9/week
expect "--edit to a bad frequency" 1 "" \
	"hwk assign: every: 9/week is not a frequency (day, weekday, N/week, mon,wed,fri or once)"
run -c eve assign --edit "$E" --until 2026-11-20
expect "--edit --until before the start" 1 "" "hwk assign: until: 2026-11-20 is before the start, 2026-11-27"
run -c eve assign --edit "$E" --when x --until junk
is "--edit with one bad value (exit)" "$rc" 1
unchanged "failed edits change nothing, not even the good part" .
run -c eve assign --edit nosuch --when x
expect "--edit an unknown id" 1 "" "hwk assign: nosuch: no such assignment (see 'hwk list assignments')"

run -c eve assign --edit "$E" --until never
expect "--until never" 0 "" ""
is "--until never clears it" "$(grep -c '^until:' "clients/eve/$E.yaml")" 0
is "--until never is in the history" "$(tail -n 3 "clients/eve/$E.yaml")" \
	"- at: 2026-11-27T09:00:00+01:00
  change: until
  from: '2026-12-20'"

# a change and back again: only the history grows
run assign eve task --when 'after lunch' -m Walk
G=$(cat "$T/out")
cp "clients/eve/$G.yaml" "$T/g0.yaml"
run -c eve assign --edit "$G" --where garden
run -c eve assign --edit "$G" --where ''
is "and back again (exit)" "$rc" 0
is "a change and back: the same but for the history" "$(body "clients/eve/$G.yaml")" "$(body "$T/g0.yaml")"
check "a change and back: the history grew" \
	test "$(wc -l <"clients/eve/$G.yaml")" -gt "$(wc -l <"$T/g0.yaml")"
run -c eve assign --edit task --when x
is "--edit by type name needs one active assignment of it (exit)" "$rc" 1
like "--edit by type name: the ids are listed" "$(cat "$T/err")" \
	"^hwk assign: task: more than one active task assignment; give its id:"

# ---- --end ----

run -c eve assign --end "$E"
expect "--end" 0 "" ""
# an ended assignment's file takes its end day into its name (hwk(5)), so that a report
# of a later week knows it without opening it; its entries file keeps its name. It stays
# in the folder for 31 days after its last day, then moves into ended/ (0399-ended-folder.t)
check "--end: the file is renamed ID.ended-UNTIL.yaml" \
	test -f "clients/eve/$E.ended-2026-11-27.yaml" -a ! -e "clients/eve/$E.yaml" \
	-a ! -e "clients/eve/ended"
is "--end: status ended, until today" \
	"$(grep -E '^(until|status):' "clients/eve/$E.ended-2026-11-27.yaml")" \
	"until: 2026-11-27
status: ended"
is "--end: recorded in the history" "$(tail -n 3 "clients/eve/$E.ended-2026-11-27.yaml")" \
	"- at: 2026-11-27T09:00:00+01:00
  change: ended
  to: '2026-11-27'"
snap .
run -c eve assign --end "$E"
expect "--end twice" 1 "" "hwk assign: $E: already ended"
run -c eve assign --edit "$E" --when later
expect "--edit an ended assignment" 1 "" "hwk assign: $E: the assignment has ended"
run -c eve assign --end "$G" --at 2026-11-26
expect "--end before the start" 1 "" "hwk assign: $G: cannot end before its start, 2026-11-27"
run -c eve assign --end "$G" --at junk
expect "--end --at junk" 1 "" "hwk assign: --at: junk is not a date (2026-11-27, today, +4w, ...)"
unchanged "refused ends change nothing" .
run -c eve assign --end task
expect "--end by type name when one is active" 0 "" ""
is "it was the active one" "$(grep '^status:' "clients/eve/$G.ended-2026-11-27.yaml")" \
	"status: ended"
run -c eve list assignments --all -f json
is "ended assignments are listed as before" \
	"$(jq -r '.[] | select(.status == "ended") | .id' "$T/out" | sort)" \
	"$(printf '%s\n' "$E" "$G" | sort)"

done_testing
