#!/bin/bash
# hwk types: the built-in types and custom ones from types/, one type shown as YAML that
# loads back as a custom type, and the refusals.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# summary: a type's YAML (stdin) as "NAME[*]:TYPE[:MIN-MAX] ..." (* marks required)
summary() {
	awk '
	function out() { if (n != "") printf "%s%s:%s%s ", n, r, t, (lo != "" || hi != "") ? ":" lo "-" hi : "" }
	/^- name: / { out(); n = $3; r = ""; t = ""; lo = ""; hi = ""; next }
	/^  type: / { t = $2 }
	/^  required: true$/ { r = "*" }
	/^  min: / { lo = $2 }
	/^  max: / { hi = $2 }
	END { out() }'
}

hwk init p 2>/dev/null
cd p || exit 1

# The built-ins, with their fields in the brief's order (required marked *).
builtins="$(tsv \
	'type|title|source|fields' \
	'thought-record|Thought record|builtin|situation*,emotion,intensity,thought*,belief,evidence_for,evidence_against,balanced,balanced_belief,rerate' \
	'activity|Activity (behavioural activation)|builtin|activity*,planned,predicted_mood,mood_before,mood_after,mastery,pleasure' \
	'exposure|Exposure|builtin|step*,suds_before,suds_peak,suds_after,minutes,safety_behaviours' \
	'sleep|Sleep diary|builtin|bed*,lights_out,sol,awakenings,waso,wake*,out_of_bed*,quality' \
	'mindfulness|Mindfulness practice|builtin|practice*,minutes*,before,after' \
	'task|Task|builtin|')"

snap .
run types
expect "hwk types lists the six built-ins" 0 "$builtins" ""
unchanged "hwk types writes nothing" .

run types -f json
is "hwk types -f json parses" "$(jq -c '.[] | [.type, .source]' "$T/out" | tr '\n' ' ')" \
	'["thought-record","builtin"] ["activity","builtin"] ["exposure","builtin"] ["sleep","builtin"] ["mindfulness","builtin"] ["task","builtin"] '
is "hwk types -f json: no fields is null" "$(jq -c '.[5]' "$T/out")" \
	'{"type":"task","title":"Task","source":"builtin","fields":null}'
run types -f csv
is "hwk types -f csv quotes the field lists" "$(sed -n 5p "$T/out")" \
	'sleep,Sleep diary,builtin,"bed*,lights_out,sol,awakenings,waso,wake*,out_of_bed*,quality"'

# The scales, from the brief: 0-100 for intensities, beliefs and SUDS, 0-10 for moods and
# ratings, 1-5 for sleep quality; minutes and sleep durations in whole minutes.
scales() { hwk types "$1" | summary; }
is "thought-record's fields and scales" "$(scales thought-record)" \
	"situation*:text emotion:text intensity:integer:0-100 thought*:text belief:integer:0-100 evidence_for:text evidence_against:text balanced:text balanced_belief:integer:0-100 rerate:integer:0-100 "
is "activity's fields and scales" "$(scales activity)" \
	"activity*:text planned:yesno predicted_mood:integer:0-10 mood_before:integer:0-10 mood_after:integer:0-10 mastery:integer:0-10 pleasure:integer:0-10 "
is "exposure's fields and scales" "$(scales exposure)" \
	"step*:text suds_before:integer:0-100 suds_peak:integer:0-100 suds_after:integer:0-100 minutes:integer:0-1440 safety_behaviours:text "
is "sleep's fields and scales" "$(scales sleep)" \
	"bed*:time lights_out:time sol:integer:0-720 awakenings:integer:0-50 waso:integer:0-720 wake*:time out_of_bed*:time quality:integer:1-5 "
is "mindfulness's fields and scales" "$(scales mindfulness)" \
	"practice*:text minutes*:integer:1-600 before:integer:0-10 after:integer:0-10 "
run types task
expect "task has no fields" 0 "name: task
title: Task
fields: []" ""

run types sleep
expect "hwk types sleep prints its YAML" 0 "name: sleep
title: Sleep diary
fields:
- name: bed
  type: time
  required: true
  prompt: Time you went to bed
- name: lights_out
  type: time
  prompt: Time you tried to sleep
- name: sol
  type: integer
  min: 0
  max: 720
  unit: min
  prompt: Minutes to fall asleep
- name: awakenings
  type: integer
  min: 0
  max: 50
  prompt: Times you woke in the night
- name: waso
  type: integer
  min: 0
  max: 720
  unit: min
  prompt: Minutes awake in the night
- name: wake
  type: time
  required: true
  prompt: Time of final awakening
- name: out_of_bed
  type: time
  required: true
  prompt: Time you got out of bed
- name: quality
  type: integer
  min: 1
  max: 5
  prompt: Sleep quality (1 very poor, 5 very good)" ""

# ---- round trip: a built-in saved under a new name is a custom type ----

for t in thought-record activity exposure sleep mindfulness task; do
	hwk types "$t" | sed "s/^name: $t\$/name: my-$t/" >"types/my-$t.yaml"
	run types "my-$t"
	is "my-$t loads back (exit)" "$rc" 0
	is "my-$t prints as it was saved" "$(cat "$T/out")" "$(cat "types/my-$t.yaml")"
done
run types
custom="$(hwk types | sed -n '2,7p' | awk -F'\t' -v OFS='\t' '{ $1 = "my-" $1; $3 = "types/" $1 ".yaml"; print }' | sort)"
expect "hwk types lists the custom ones after the built-ins" 0 "$builtins
$custom" ""
run assign alex my-sleep
is "a custom type made from sleep assigns (exit)" "$rc" 0
M=$(cat "$T/out")
hwk types sleep >"$T/sleep.yaml"
is "its assignment carries sleep's fields" "$(fields "clients/alex/$M.yaml")" "$(fields "$T/sleep.yaml")"

# ---- custom types ----

cat >types/worry.yaml <<'EOF'
# no name: the file names it
fields:
- {name: worries, type: integer, min: 0, max: 20, required: true}
- {name: mood, type: choice, choices: [calm, tense]}
EOF
run types worry
expect "a custom type without name or title" 0 "name: worry
fields:
- name: worries
  type: integer
  required: true
  min: 0
  max: 20
- name: mood
  type: choice
  choices:
  - calm
  - tense" ""
run types
is "it is listed with an empty title" "$(grep '^worry' "$T/out")" "$(tsv 'worry||types/worry.yaml|worries*,mood')"

# ---- refusals ----

snap .
run types nosuch
expect "an unknown type" 1 "" "hwk types: nosuch: no such type (see 'hwk types')"
run types ../sleep
expect "a type name that is a path" 1 "" "hwk types: ../sleep: not a type name (letters, digits and -)"
run types sleep task
is "two types (exit)" "$rc" 2
is "two types: usage on stderr" "$(cat "$T/err")" "usage: hwk types [-f FORMAT] [TYPE]"
run types -f xml
expect "a bad format" 2 "" "hwk types: xml: not a format (table, tsv, csv, json, yaml)"
unchanged "refusals write nothing" .

# a custom type may not take a built-in's name
rm types/my-*.yaml types/worry.yaml
hwk types sleep >types/sleep.yaml
run types
expect "a custom type named like a built-in is refused" 1 "$builtins" \
	"hwk types: types/sleep.yaml: a custom type cannot take a built-in type's name"
rm types/sleep.yaml

# a broken custom type is named with its place; the rest is still listed
printf 'title: Broken\nfields:\n- name: x\n  type: bogus\n' >types/broken.yaml
run types
expect "a broken custom type in the list" 1 "$builtins" \
	"hwk types: types/broken.yaml:4:9: 'type' must be one of text, integer, number, time, date, yesno, choice"
run types broken
expect "a broken custom type shown alone" 1 "" \
	"hwk types: types/broken.yaml:4:9: 'type' must be one of text, integer, number, time, date, yesno, choice"

done_testing
