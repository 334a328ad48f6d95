#!/bin/bash
# hwk list: clients, assignments, entries and what is due, in every format; the filters;
# what is due on a case worked out by hand; text made safe for terminals, spreadsheets and
# tools.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# row ID: the line of the last output whose second column is ID
row() { awk -F'\t' -v id="$1" '$2 == id' "$T/out"; }

hwk init p 2>/dev/null
cd p || exit 1

# Today is Friday 2026-11-27; this week runs Monday 23 to Sunday 29.
# alex: an activity assignment from Monday with two entries.
A=$(hwk assign alex activity --start 2026-11-23 --when 'after lunch' --name Alex)
hwk log activity activity=walk planned=yes mood_before=3 mood_after=6 --at 2026-11-25T18:30 -q
hwk log activity --skip busy -m 'late shift' --at 2026-11-26T19:00 -q
# bo: a weekly task that has ended, and a daily one from Thursday with a partial entry.
B0=$(hwk assign bo task --start 2026-11-16 --every 1/week --name 'Bø')
hwk -c bo assign --end "$B0"
B=$(hwk assign bo task --start 2026-11-26)
hwk -c bo log task -p -m short --at 08:00 -q
# li: a daily task from today, nothing logged.
L=$(hwk assign li task --name '李小龙')

# ---- clients ----

run list clients
expect "list clients (TSV when piped)" 0 "$(tsv 'client|name|active|created' \
	'alex|Alex|1|2026-11-27' 'bo|Bø|1|2026-11-27' 'li|李小龙|1|2026-11-27')" ""
run list clients -f tsv
expect "list clients -f tsv" 0 "$(tsv 'client|name|active|created' \
	'alex|Alex|1|2026-11-27' 'bo|Bø|1|2026-11-27' 'li|李小龙|1|2026-11-27')" ""
run list clients -f csv
expect "list clients -f csv" 0 "client,name,active,created
alex,Alex,1,2026-11-27
bo,Bø,1,2026-11-27
li,李小龙,1,2026-11-27" ""
# Bø is 2 columns wide in 3 bytes, 李小龙 6 columns in 9 bytes
run list clients -f table
expect "list clients -f table: aligned by display width" 0 "client  name    active  created
alex    Alex    1       2026-11-27
bo      Bø      1       2026-11-27
li      李小龙  1       2026-11-27" ""
run list clients -f json
expect "list clients -f json: active is a number" 0 '[
{"client":"alex","name":"Alex","active":1,"created":"2026-11-27"},
{"client":"bo","name":"Bø","active":1,"created":"2026-11-27"},
{"client":"li","name":"李小龙","active":1,"created":"2026-11-27"}
]' ""
is "list clients -f json parses" "$(jq -c '.[1]' "$T/out")" '{"client":"bo","name":"Bø","active":1,"created":"2026-11-27"}'
run list clients -f yaml
expect "list clients -f yaml" 0 "- client: alex
  name: Alex
  active: 1
  created: '2026-11-27'
- client: bo
  name: Bø
  active: 1
  created: '2026-11-27'
- client: li
  name: 李小龙
  active: 1
  created: '2026-11-27'" ""
run -c bo list clients
expect "-c limits the clients" 0 "$(tsv 'client|name|active|created' 'bo|Bø|1|2026-11-27')" ""

# ---- assignments ----

ahead='client|id|type|every|start|until|status|when|where|minimum|instructions'
arow_a="alex|$A|activity|day|2026-11-23||active|after lunch|||"
arow_b0="bo|$B0|task|1/week|2026-11-16|2026-11-27|ended||||"
arow_b="bo|$B|task|day|2026-11-26||active||||"
arow_l="li|$L|task|day|2026-11-27||active||||"
run list assignments
expect "list assignments: the active ones" 0 "$(tsv "$ahead" "$arow_a" "$arow_b" "$arow_l")" ""
run list assignments --all
expect "list assignments --all" 0 "$(tsv "$ahead" "$arow_a" "$arow_b0" "$arow_b" "$arow_l")" ""
run list assignments -s ended
expect "list assignments -s ended" 0 "$(tsv "$ahead" "$arow_b0")" ""
run list assignments -t task --all
expect "list assignments -t task --all" 0 "$(tsv "$ahead" "$arow_b0" "$arow_b" "$arow_l")" ""
run list assignments --all --until 2026-11-25
expect "list assignments --until: those started by then" 0 "$(tsv "$ahead" "$arow_a" "$arow_b0")" ""
run list assignments --all --since 2026-11-28
expect "list assignments --since: those still running then" 0 "$(tsv "$ahead" "$arow_a" "$arow_b" "$arow_l")" ""
run -c alex list assignments -f csv
expect "list assignments -f csv" 0 "client,id,type,every,start,until,status,when,where,minimum,instructions
alex,$A,activity,day,2026-11-23,,active,after lunch,,," ""
run -c alex list assignments -f json
expect "list assignments -f json: empty as null" 0 "[
{\"client\":\"alex\",\"id\":\"$A\",\"type\":\"activity\",\"every\":\"day\",\"start\":\"2026-11-23\",\"until\":null,\"status\":\"active\",\"when\":\"after lunch\",\"where\":null,\"minimum\":null,\"instructions\":null}
]" ""
check "list assignments -f json parses" jq -e 'length == 1' "$T/out"
run -c alex list assignments -f yaml
expect "list assignments -f yaml" 0 "- client: alex
  id: $A
  type: activity
  every: day
  start: '2026-11-23'
  until: null
  status: active
  when: after lunch
  where: null
  minimum: null
  instructions: null" ""
run -c alex list assignments -f table
expect "list assignments -f table" 0 \
	"client  id                        type      every  start       until  status  when         where  minimum  instructions
alex    $A  activity  day    2026-11-23         active  after lunch" ""

# ---- entries ----

ehead='client|assignment|type|at|logged|status|reason|note'
afields='activity|planned|predicted_mood|mood_before|mood_after|mastery|pleasure'
erow_a1="alex|$A|activity|2026-11-25T18:30:00+01:00|2026-11-27T09:00:00+01:00|done|||walk|yes||3|6||"
erow_a2="alex|$A|activity|2026-11-26T19:00:00+01:00|2026-11-27T09:00:00+01:00|skipped|busy|late shift|||||||"
erow_b="bo|$B|task|2026-11-27T08:00:00+01:00|2026-11-27T09:00:00+01:00|partial||short|||||||"
run list entries
expect "list entries: every field of the listed assignments" 0 \
	"$(tsv "$ehead|$afields" "$erow_a1" "$erow_a2" "$erow_b")" ""
run list entries -f csv
expect "list entries -f csv" 0 \
	"$(tsv "$ehead|$afields" "$erow_a1" "$erow_a2" "$erow_b" | tr '\t' ',')" ""
run list entries -f json
is "list entries -f json (exit)" "$rc" 0
is "list entries -f json: numbers, booleans, null; each entry only its own fields" \
	"$(jq -c '.[]' "$T/out")" \
	"{\"client\":\"alex\",\"assignment\":\"$A\",\"type\":\"activity\",\"at\":\"2026-11-25T18:30:00+01:00\",\"logged\":\"2026-11-27T09:00:00+01:00\",\"status\":\"done\",\"reason\":null,\"note\":null,\"activity\":\"walk\",\"planned\":true,\"predicted_mood\":null,\"mood_before\":3,\"mood_after\":6,\"mastery\":null,\"pleasure\":null}
{\"client\":\"alex\",\"assignment\":\"$A\",\"type\":\"activity\",\"at\":\"2026-11-26T19:00:00+01:00\",\"logged\":\"2026-11-27T09:00:00+01:00\",\"status\":\"skipped\",\"reason\":\"busy\",\"note\":\"late shift\",\"activity\":null,\"planned\":null,\"predicted_mood\":null,\"mood_before\":null,\"mood_after\":null,\"mastery\":null,\"pleasure\":null}
{\"client\":\"bo\",\"assignment\":\"$B\",\"type\":\"task\",\"at\":\"2026-11-27T08:00:00+01:00\",\"logged\":\"2026-11-27T09:00:00+01:00\",\"status\":\"partial\",\"reason\":null,\"note\":\"short\"}"
run -c bo list entries -f yaml
expect "list entries -f yaml" 0 "- client: bo
  assignment: $B
  type: task
  at: '2026-11-27T08:00:00+01:00'
  logged: '2026-11-27T09:00:00+01:00'
  status: partial
  reason: null
  note: short" ""
run -c bo list entries -f table
expect "list entries -f table" 0 \
	"client  assignment            type  at                         logged                     status   reason  note
bo      $B  task  2026-11-27T08:00:00+01:00  2026-11-27T09:00:00+01:00  partial          short" ""

# filters
run list entries -t task
expect "list entries -t task: no field columns" 0 "$(tsv "$ehead" "$erow_b" | sed 's/\t*$//')" ""
run list entries -s skipped
expect "list entries -s skipped" 0 "$(tsv "$ehead|$afields" "$erow_a2")" ""
run list entries -s 'done'
expect "list entries -s done" 0 "$(tsv "$ehead|$afields" "$erow_a1")" ""
run list entries -r busy
expect "list entries -r busy" 0 "$(tsv "$ehead|$afields" "$erow_a2")" ""
run list entries -r forgot
expect "list entries -r forgot: none" 0 "$(tsv "$ehead|$afields")" ""
run list entries --since 2026-11-26
expect "list entries --since (by the day it happened)" 0 "$(tsv "$ehead|$afields" "$erow_a2" "$erow_b")" ""
run list entries --until 2026-11-25
expect "list entries --until" 0 "$(tsv "$ehead|$afields" "$erow_a1")" ""
run list entries --since thu --until thu
expect "list entries --since thu --until thu" 0 "$(tsv "$ehead|$afields" "$erow_a2")" ""
run -c alex list entries -a "$A"
expect "list entries -c alex -a ID" 0 "$(tsv "$ehead|$afields" "$erow_a1" "$erow_a2")" ""
run -c alex list entries -a activity
expect "list entries -a TYPE" 0 "$(tsv "$ehead|$afields" "$erow_a1" "$erow_a2")" ""
# an id is unique in the practice: no -c needed
run list entries -a "$A"
expect "list entries -a ID over every client" 0 "$(tsv "$ehead|$afields" "$erow_a1" "$erow_a2")" ""

# ---- due, worked out by hand ----
#
# The rule (lib/frequency.h), per week of the range: day -> the days it is active;
# weekday -> its active Monday-Friday days; named days -> its active named days;
# N/week -> N x active days / 7, rounded half up, at most the active days; once -> 1 when
# its start day is in the range. week = done + partial entries this week (by 'at');
# left = max(0, expected - week). today: done (a done or partial entry today), skipped
# (only a skip today), due (due today and not done: N/week while week < expected, once
# until its first entry), else -.
#
# Client cy, this week Mon 23 .. Sun 29, today Fri 27. expected_week is the whole week;
# expected its days up to today (Mon .. Fri), as report --week this counts them (each
# given after "to date" below):
# C1 day from Mon 23: active 7 days -> expected 7; to date 5. Done Mon, Tue, partial Wed, skipped Thu,
#    done today -> week 4, left 3, today done.
# C2 weekday from Wed 25: active Wed..Sun, of those Wed Thu Fri are weekdays -> 3; to date 3. Done Thu
#    -> week 1, left 2; Friday is a weekday with nothing yet -> due.
# C3 3/week from Thu 26: active Thu..Sun = 4 -> 3 x 4 / 7 = 1.71 -> 2; to date Thu, Fri: 6 / 7 -> 1. Done Thu -> week 1,
#    left 1; 1 < 2 -> due.
# C4 mon,wed,fri from Tue 24: Wed and Fri are active -> 2; to date 2. Partial Wed -> week 1, left 1;
#    Friday is named -> due.
# C5 once from Mon 23: its start is this week -> 1; to date 1. Done Tue -> week 1, left 0, today -.
# C6 once from Wed 25: 1; to date 1. Nothing -> week 0, left 1, due.
# C7 3/week from Mon 23: 3 x 7 / 7 = 3; to date 15 / 7 = 2.14 -> 2. Done Mon, Tue, Wed, Thu -> week 4, left 0 (not -1),
#    today -.
# C8 5/week from Thu 26: 5 x 4 / 7 = 2.86 -> 3 (at most 4); to date 10 / 7 = 1.43 -> 1. Nothing -> week 0, left 3, due.
# C9 mon,wed,fri from Mon 23: Mon, Wed, Fri -> 3; to date 3. Skipped today -> week 0, left 3, today
#    skipped.
# C10 3/week from Fri 27: active Fri..Sun = 3 -> 3 x 3 / 7 = 1.29 -> 1; to date 3 / 7 -> 0. Nothing -> left 1,
#     due.
# C11 day from Mon 23 until Thu 26: not active today -> not listed.
# C12 day from Mon 23, ended today -> not listed.
C1=$(hwk assign cy task -e day --start 2026-11-23)
C2=$(hwk assign cy task -e weekday --start 2026-11-25)
C3=$(hwk assign cy task -e 3/week --start 2026-11-26)
C4=$(hwk assign cy task -e mon,wed,fri --start 2026-11-24)
C5=$(hwk assign cy task -e once --start 2026-11-23)
C6=$(hwk assign cy task -e once --start 2026-11-25)
C7=$(hwk assign cy task -e 3/week --start 2026-11-23)
C8=$(hwk assign cy task -e 5/week --start 2026-11-26)
C9=$(hwk assign cy task -e mon,wed,fri --start 2026-11-23)
C10=$(hwk assign cy task -e 3/week --start 2026-11-27)
C11=$(hwk assign cy task -e day --start 2026-11-23 --until 2026-11-26)
C12=$(hwk assign cy task -e day --start 2026-11-23)
hwk -c cy assign --end "$C12"
cylog() { hwk -c cy log "$@" -q; }
cylog "$C1" --at 2026-11-23T20:00
cylog "$C1" --at 2026-11-24T20:00
cylog "$C1" --at 2026-11-25T20:00 -p
cylog "$C1" --at 2026-11-26T20:00 -s busy
cylog "$C1" --at 2026-11-27T08:00
cylog "$C2" --at 2026-11-26T18:00
cylog "$C3" --at 2026-11-26T18:00
cylog "$C4" --at 2026-11-25T18:00 -p
cylog "$C5" --at 2026-11-24T18:00
for d in 23 24 25 26; do cylog "$C7" --at "2026-11-${d}T07:00"; done
cylog "$C9" --at 2026-11-27T08:30 -s forgot

run -c cy list due
is "due (exit)" "$rc" 0
is "due (stderr)" "$(cat "$T/err")" ""
is "due: the header" "$(head -n 1 "$T/out")" "$(tsv 'client|assignment|type|every|today|week|expected|expected_week|left')"
is "due: C1 every day from Monday" "$(row "$C1")" "$(tsv "cy|$C1|task|day|done|4|5|7|3")"
is "due: C2 weekdays from Wednesday" "$(row "$C2")" "$(tsv "cy|$C2|task|weekday|due|1|3|3|2")"
is "due: C3 3/week from Thursday" "$(row "$C3")" "$(tsv "cy|$C3|task|3/week|due|1|1|2|1")"
is "due: C4 mon,wed,fri from Tuesday" "$(row "$C4")" "$(tsv "cy|$C4|task|mon,wed,fri|due|1|2|2|1")"
is "due: C5 once, done" "$(row "$C5")" "$(tsv "cy|$C5|task|once|-|1|1|1|0")"
is "due: C6 once, not yet" "$(row "$C6")" "$(tsv "cy|$C6|task|once|due|0|1|1|1")"
is "due: C7 3/week, more than asked" "$(row "$C7")" "$(tsv "cy|$C7|task|3/week|-|4|2|3|0")"
is "due: C8 5/week from Thursday" "$(row "$C8")" "$(tsv "cy|$C8|task|5/week|due|0|1|3|3")"
is "due: C9 skipped today" "$(row "$C9")" "$(tsv "cy|$C9|task|mon,wed,fri|skipped|0|3|3|3")"
is "due: C10 3/week from today" "$(row "$C10")" "$(tsv "cy|$C10|task|3/week|due|0|0|1|1")"
is "due: C11 (over) and C12 (ended) are not listed" "$(row "$C11")$(row "$C12")" ""
is "due: ten rows" "$(($(wc -l <"$T/out") - 1))" 10
run -c cy list
is "list alone is list due" "$(cat "$T/out")" "$(hwk -c cy list due)"
# One meaning of expected: list due's expected is report --week this's, for every
# frequency above (the same days, Mon 23 .. today, counted the same way); the report
# also has C11 and C12, which list due leaves out
run -c cy list due -f json
jq -c 'map({assignment, expected}) | sort_by(.assignment)' "$T/out" >"$T/due.json"
run report --week this cy -f json
is "due: expected is report --week this's expected" \
	"$(jq -c --slurpfile d "$T/due.json" '[.[] | select(.assignment as $a | $d[0] | any(.assignment == $a))
		| {assignment, expected}] | sort_by(.assignment)' "$T/out")" "$(cat "$T/due.json")"
is "due: ten assignments compared" "$(jq length "$T/due.json")" 10

# Saturday 28, same entries: the whole week's numbers stay; what is due today changes,
# and to date now runs to Saturday: C1 6; C2 3; C3 Thu..Sat 9 / 7 = 1.29 -> 1; C4 2; C9 3.
# C1 day -> due; C2 weekday -> -; C3 1 < 2 -> due; C4, C9 not a named day -> -.
HWK_NOW=2026-11-28T10:00:00+01:00 run -c cy list due
is "Saturday: C1" "$(row "$C1")" "$(tsv "cy|$C1|task|day|due|4|6|7|3")"
is "Saturday: C2" "$(row "$C2")" "$(tsv "cy|$C2|task|weekday|-|1|3|3|2")"
is "Saturday: C3" "$(row "$C3")" "$(tsv "cy|$C3|task|3/week|due|1|1|2|1")"
is "Saturday: C4" "$(row "$C4")" "$(tsv "cy|$C4|task|mon,wed,fri|-|1|2|2|1")"
is "Saturday: C9" "$(row "$C9")" "$(tsv "cy|$C9|task|mon,wed,fri|-|0|3|3|3")"

run -c cy list due -a "$C1" -f json
expect "due -f json: numbers as numbers" 0 "[
{\"client\":\"cy\",\"assignment\":\"$C1\",\"type\":\"task\",\"every\":\"day\",\"today\":\"done\",\"week\":4,\"expected\":5,\"expected_week\":7,\"left\":3}
]" ""
check "due -f json parses" jq -e '.[0].week == 4 and .[0].left == 3' "$T/out"
run -c cy list due -a "$C1" -f csv
expect "due -f csv" 0 "client,assignment,type,every,today,week,expected,expected_week,left
cy,$C1,task,day,done,4,5,7,3" ""
run -c cy list due -a "$C5" -f yaml
expect "due -f yaml" 0 "- client: cy
  assignment: $C5
  type: task
  every: once
  today: '-'
  week: 1
  expected: 1
  expected_week: 1
  left: 0" ""
run -c cy list due -a "$C5" -f table
expect "due -f table" 0 "client  assignment            type  every  today  week  expected  expected_week  left
cy      $C5  task  once   -      1     1         1              0" ""
run -c li list due -f table
expect "due -f table for li" 0 "client  assignment            type  every  today  week  expected  expected_week  left
li      $L  task  day    due    0     1         3              3" ""

# ---- text made safe ----

cat >types/scores.yaml <<'EOF'
title: Scores
fields:
- name: change
  type: integer
  min: -10
  max: 10
- name: hours
  type: number
- name: ok
  type: yesno
- name: label
  type: text
EOF
X=$(hwk assign esc scores)
hwk -c esc log scores change=-3 hours=1.5 ok=no label='=SUM(A1)' -m '@home' --at 07:00 -q
hwk -c esc log scores change=7 label=-x -m '+1 more, ok' --at 07:10 -q
hwk -c esc log scores label=-3 -m $'a\e[31mred' --at 07:20 -q
hwk -c esc log scores -m $'tab\there\nnew\\line\rend' --at 07:30 -q
esc=$'\e' tb=$'\t' cr=$'\r'
pre="esc,$X,scores,2026-11-27T07"
post="+01:00,2026-11-27T09:00:00+01:00,done,"

run -c esc list entries -f csv
is "CSV (exit)" "$rc" 0
is "CSV: formulas guarded, numbers kept" "$(sed -n 2,4p "$T/out")" \
	"${pre}:00:00${post},'@home,-3,1.5,no,'=SUM(A1)
${pre}:10:00${post},\"'+1 more, ok\",7,,,'-x
${pre}:20:00${post},a${esc}[31mred,,,,-3"
is "CSV: a newline is quoted, not broken" "$(sed -n '5,$p' "$T/out")" \
	"${pre}:30:00${post},\"tab${tb}here
new\\line${cr}end\",,,,"

run -c esc list entries
is "TSV: tab, newline, CR and backslash escaped" "$(tail -n 1 "$T/out")" \
	"$(tsv "esc|$X|scores|2026-11-27T07:30:00+01:00|2026-11-27T09:00:00+01:00|done||tab\\there\\nnew\\\\line\\rend||||")"
is "TSV: one line per entry" "$(wc -l <"$T/out")" 5

run -c esc list entries -f table
is "table (exit)" "$rc" 0
is "table: control characters shown, never sent" "$(grep -c $'[\e\r]' "$T/out")" 0
like "table: an escape sequence is shown as \\x1b" "$(sed -n 4p "$T/out")" 'done +a\\x1b\[31mred +-3$'
like "table: tab, newline and CR are shown" "$(sed -n 5p "$T/out")" 'done +tab\\there\\nnew.*line\\rend$'
is "table: one line per entry" "$(wc -l <"$T/out")" 5

run -c esc list entries -f json
is "JSON parses" "$(jq -c '[.[] | [.change, .hours, .ok, .label]]' "$T/out")" \
	'[[-3,1.5,false,"=SUM(A1)"],[7,null,null,"-x"],[null,null,null,"-3"],[null,null,null,null]]'
is "JSON: the control characters come back" "$(jq -r '.[2].note, .[3].note' "$T/out" | od -An -c | tr -s ' ')" \
	"$(printf 'a\e[31mred\ntab\there\nnew\\line\rend\n' | od -An -c | tr -s ' ')"
run -c esc list entries -f yaml
is "YAML parses to the same" "$(python3 -c 'import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin), ensure_ascii=False, separators=(",",":")))' <"$T/out" 2>/dev/null | jq -c '[.[] | [.change, .hours, .ok, .label, .note]]')" \
	"$(hwk -c esc list entries -f json | jq -c '[.[] | [.change, .hours, .ok, .label, .note]]')"

# ---- CSV quoting: every field comes back as logged ----

# quotes, commas and a line break in a note and a text value, a value that quotes only
# at its end, and a note longer than the writer's first room (64 KiB and more)
Q=$(hwk assign quo scores)
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "word %d, \"q\" ", i }')
hwk -c quo log scores label='say "hi", then go' -m $'two\nlines, "one" quote' --at 07:00 -q
hwk -c quo log scores label='ends in a quote"' -m "$long" --at 07:10 -q
hwk -c quo log scores label='plain' -m 'a,b' --at 07:20 -q
run -c quo list entries -f csv
is "CSV with quotes (exit)" "$rc" 0
is "CSV: quotes doubled, fields with , \" or LF quoted, the rest as they are" \
	"$(sed -n '2,3p' "$T/out"; tail -n 1 "$T/out")" \
	"quo,$Q,scores,2026-11-27T07:00:00+01:00,2026-11-27T09:00:00+01:00,done,,\"two
lines, \"\"one\"\" quote\",,,,\"say \"\"hi\"\", then go\"
quo,$Q,scores,2026-11-27T07:20:00+01:00,2026-11-27T09:00:00+01:00,done,,\"a,b\",,,,plain"
is "CSV: the rows read back by a CSV reader are the rows of JSON" \
	"$(python3 -c 'import csv,json,sys; r=list(csv.DictReader(sys.stdin)); print(json.dumps([[e["note"], e["label"]] for e in r]))' <"$T/out")" \
	"$(hwk -c quo list entries -f json | jq -c '[.[] | [.note, .label]]' | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))')"
is "CSV: the long note whole" "$(python3 -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))[1]["note"]))' <"$T/out")" "${#long}"

# ---- bad filters and kinds: usage errors, nothing written ----

snap .
run list entries -s bogus
expect "-s bogus" 2 "" "hwk list: -s: bogus is not done, partial or skipped"
run list assignments -s 'done'
expect "-s done for assignments" 2 "" "hwk list: -s: done is not active or ended"
run list entries -r bogus
expect "-r bogus" 2 "" "hwk list: -r: bogus is not one of busy, difficult, avoided, forgot, unclear, unsuited, other"
run list entries --since junk
expect "--since junk" 2 "" "hwk list: --since: junk is not a date (2026-11-27, yesterday, mon, -7d, ...)"
run list entries --until 2026-02-30
expect "--until an impossible date" 2 "" "hwk list: --until: 2026-02-30 is not a date (2026-11-27, yesterday, mon, -7d, ...)"
run list entries -f xml
expect "-f xml" 2 "" "hwk list: xml: not a format (table, tsv, csv, json, yaml)"
run list nosuch
expect "an unknown kind" 2 "" "hwk list: nosuch: not something to list (due, entries, assignments, clients)"
run list due entries
is "two kinds (exit)" "$rc" 2
like "two kinds: usage" "$(cat "$T/err")" '^usage: hwk list'
run -c nobody list
expect "an unknown client" 1 "" "hwk list: nobody: no such client (see 'hwk list clients')"
run -c cy list entries -a nosuch
expect "an unknown assignment" 1 "" "hwk list: nosuch: no such assignment (see 'hwk list assignments')"
unchanged "listing changed nothing" .

done_testing
