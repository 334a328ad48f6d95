#!/bin/bash
# hwk report -f csv and -f tsv (issue 10): one fixed set of columns per format version,
# whatever the period's data, so that two weeks' files concatenate: the client and
# assignment columns, every built-in type's numbers (empty where they do not apply),
# then the practice's custom types (by name), each with its fields' numbers (by field
# name). Two weeks, one with only a sleep diary logged and one with every assignment
# logged, give byte-identical header lines; their rows, under one header, have the
# header's number of fields; a few values worked out by hand.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# The clock: Friday 2026-11-27 09:00. W46 is Monday 9 to Sunday 15 November, W47 Monday
# 16 to Sunday 22.

hwk init p 2>/dev/null
mkdir -p p/types
# two custom types, made in the reverse order of their names; zz-walk's fields given in
# the reverse order of theirs
cat >p/types/zz-walk.yaml <<'YAML'
name: zz-walk
title: Walk
fields:
- name: steps
  type: integer
  min: 0
- name: outside
  type: yesno
- name: km
  type: number
  min: 0
- name: where
  type: text
YAML
cat >p/types/aa-mood.yaml <<'YAML'
name: aa-mood
title: Mood
fields:
- name: mood
  type: integer
  min: 0
  max: 10
  required: true
YAML

# ann: a sleep diary from W46, a walk from W47; bob: a thought record and an aa-mood
# check from W47. W46 has sleep entries only: no other type has an assignment or an
# entry in it.
asg p ann sleep --start 2026-11-09 >/dev/null
asg p ann zz-walk --every 2/week --start 2026-11-16 >/dev/null
asg p bob thought-record --every 2/week --start 2026-11-16 >/dev/null
asg p bob aa-mood --start 2026-11-16 >/dev/null
lg p ann sleep bed=23:00 wake=07:00 out_of_bed=07:30 sol=20 waso=10 --at 2026-11-10T08:00
# W47
lg p ann sleep bed=23:00 wake=07:00 out_of_bed=07:30 sol=20 waso=10 --at 2026-11-17T08:00
lg p ann sleep bed=22:30 wake=06:30 out_of_bed=06:30 sol=30 waso=30 --at 2026-11-18T08:00
lg p ann zz-walk steps=4000 outside=yes km=2.5 'where=park, then river' --at 2026-11-17T18:00
lg p ann zz-walk steps=6000 outside=no km=3.5 where=mall --at 2026-11-19T18:00
lg p bob thought-record situation=desk emotion=anxious intensity=80 thought='I will fail' rerate=50 --at 2026-11-17T20:00
lg p bob aa-mood mood=6 --at 2026-11-17T20:00
lg p bob aa-mood mood=4 --at 2026-11-18T20:00
is "setup" "${setup_failed:-0}" 0

# col FILE NAME: the number of the column NAME in the tab-separated FILE's header
col() { head -n 1 "$1" | tr '\t' '\n' | grep -nxF -- "$2" | cut -d: -f1; }
# val FILE CLIENT TYPE NAME: the value of column NAME in CLIENT's TYPE row of FILE (tsv)
val() {
	awk -F'\t' -v c="$2" -v t="$3" -v n="$(col "$1" "$4")" \
		'NR > 1 && $1 == c && $4 == t { print $n }' "$1"
}

for f in csv tsv; do
	run -C p report -f $f --week 2026-W46
	is "$f W46 (exit)" "$rc" 0
	cp "$T/out" "$T/w46.$f"
	run -C p report -f $f --week 2026-W47
	is "$f W47 (exit)" "$rc" 0
	cp "$T/out" "$T/w47.$f"
	is "$f: W46 has fewer rows than W47" \
		"$(($(wc -l <"$T/w46.$f") < $(wc -l <"$T/w47.$f")))" 1
	if cmp -s <(head -n 1 "$T/w46.$f") <(head -n 1 "$T/w47.$f"); then same=yes; else same=no; fi
	is "$f: the two weeks' header lines are byte-identical" "$same" yes
done
run -C p report -f csv --week 2026-W45
is "csv: a week with no assignment active: still the same header (exit)" "$rc" 0
is "csv: a week with no assignment active: the same header line" \
	"$(head -n 1 "$T/out")" "$(head -n 1 "$T/w47.csv")"

# the two weeks concatenated, the header once
{ cat "$T/w46.csv"; tail -n +2 "$T/w47.csv"; } | csv2tsv >"$T/both.tsv"
{ cat "$T/w46.tsv"; tail -n +2 "$T/w47.tsv"; } >"$T/both2.tsv"
is "csv: the weeks' rows under one header: 1 + 1 + 4 records" "$(wc -l <"$T/both.tsv")" 6
for x in both both2; do
	is "$x: every row has the header's number of fields" \
		"$(awk -F'\t' 'NR == 1 { n = NF } NF != n { bad++ } END { print bad + 0 }' "$T/$x.tsv")" 0
done
is "csv and tsv: the same records" "$(cat "$T/both.tsv")" "$(cat "$T/both2.tsv")"

# the column order: fixed ones, skips by reason, texts; built-in types in the order of
# hwk types, each type's numbers as review shows them; then custom types by name, their
# fields by name (aa-mood before zz-walk; km, outside, steps; the text field none)
csv2tsv <"$T/w46.csv" >"$T/w46.tsv2"
header=$(head -n 1 "$T/w46.tsv2" | tr '\t' '\n')
is "the fixed columns" "$(printf '%s\n' "$header" | head -n 32 | paste -sd ' ')" \
	"client name assignment type every from to expected done partial skipped missed completion completion_before completion_change since_last streak streak_unit trend attention skipped_busy skipped_difficult skipped_avoided skipped_forgot skipped_unclear skipped_unsuited skipped_other improving client_attention skip_notes ladder next_step"
is "the built-in types' numbers: each type's first column, in the order of hwk types" \
	"$(printf '%s\n' "$header" | sed -n '33,$p' | grep -v '_n$' | cut -d. -f1 | uniq | paste -sd ' ')" \
	"thought-record activity exposure sleep mindfulness aa-mood zz-walk"
is "sleep's numbers, each with its count" \
	"$(printf '%s\n' "$header" | grep '^sleep\.' | paste -sd ' ')" \
	"sleep.tib_mean sleep.tib_mean_n sleep.tst_mean sleep.tst_mean_n sleep.sol_mean sleep.sol_mean_n sleep.waso_mean sleep.waso_mean_n sleep.se_mean sleep.se_mean_n sleep.quality_mean sleep.quality_mean_n sleep.awakenings_mean sleep.awakenings_mean_n"
is "the custom types last: by type name, then field name" \
	"$(printf '%s\n' "$header" | sed -n '/^aa-mood\./,$p' | paste -sd ' ')" \
	"aa-mood.mood_mean aa-mood.mood_mean_n aa-mood.mood_min aa-mood.mood_min_n aa-mood.mood_max aa-mood.mood_max_n zz-walk.km_mean zz-walk.km_mean_n zz-walk.km_min zz-walk.km_min_n zz-walk.km_max zz-walk.km_max_n zz-walk.outside_yes zz-walk.outside_yes_n zz-walk.steps_mean zz-walk.steps_mean_n zz-walk.steps_min zz-walk.steps_min_n zz-walk.steps_max zz-walk.steps_max_n"
is "the header is one line: the column count" "$(printf '%s\n' "$header" | wc -l)" 112

# Values by hand, W47.
# ann's sleep: night 1: TIB 23:00-07:30 = 510, TST 480 - 20 - 10 = 450; night 2: TIB
# 22:30-06:30 = 480, TST 480 - 30 - 30 = 420. tib_mean (510 + 480) / 2 = 495.0,
# tst_mean (450 + 420) / 2 = 435.0, se (88.235 + 87.5) / 2 = 87.87 -> 87.9.
cp "$T/w47.tsv" "$T/v.tsv"
is "ann sleep: tib_mean, tst_mean, se_mean, se_mean_n" \
	"$(val "$T/v.tsv" ann sleep sleep.tib_mean) $(val "$T/v.tsv" ann sleep sleep.tst_mean) $(val "$T/v.tsv" ann sleep sleep.se_mean) $(val "$T/v.tsv" ann sleep sleep.se_mean_n)" \
	"495.0 435.0 87.9 2"
# ann's walk: km 2.5, 3.5: mean 3.0, min 2.5, max 3.5; outside yes, no: 50.0 %; steps
# 4000, 6000: mean 5000.0
is "ann zz-walk: km mean/min/max, outside_yes, steps_mean" \
	"$(val "$T/v.tsv" ann zz-walk zz-walk.km_mean) $(val "$T/v.tsv" ann zz-walk zz-walk.km_min) $(val "$T/v.tsv" ann zz-walk zz-walk.km_max) $(val "$T/v.tsv" ann zz-walk zz-walk.outside_yes) $(val "$T/v.tsv" ann zz-walk zz-walk.steps_mean)" \
	"3.0 2.5 3.5 50.0 5000.0"
# bob's aa-mood: 6, 4: mean 5.0, min 4, max 6, n 2
is "bob aa-mood: mood mean/min/max/n" \
	"$(val "$T/v.tsv" bob aa-mood aa-mood.mood_mean) $(val "$T/v.tsv" bob aa-mood aa-mood.mood_min) $(val "$T/v.tsv" bob aa-mood aa-mood.mood_max) $(val "$T/v.tsv" bob aa-mood aa-mood.mood_mean_n)" \
	"5.0 4 6 2"
# numbers that do not apply are empty: sleep's in the walk's row, the walk's in sleep's
is "ann zz-walk: sleep's columns empty" \
	"[$(val "$T/v.tsv" ann zz-walk sleep.tib_mean)][$(val "$T/v.tsv" ann zz-walk sleep.tib_mean_n)]" "[][]"
is "ann sleep: zz-walk's columns empty" \
	"[$(val "$T/v.tsv" ann sleep zz-walk.km_mean)][$(val "$T/v.tsv" ann sleep zz-walk.km_mean_n)]" "[][]"
# W46: ann's one night: TIB 510, n 1
is "W46 ann sleep: tib_mean, its n" \
	"$(val "$T/w46.tsv" ann sleep sleep.tib_mean) $(val "$T/w46.tsv" ann sleep sleep.tib_mean_n)" "510.0 1"

# json: a record has the fixed keys and its own type's keys (null where no value), and
# no other type's: the keys depend on the record's type, never on the week's data
run -C p report -f json --week 2026-W46
is "json W46 (exit)" "$rc" 0
cp "$T/out" "$T/w46.json"
run -C p report -f json --week 2026-W47
keys() { jq -c '[.[] | select(.client == "ann" and .type == "sleep") | keys_unsorted][0]' "$1"; }
is "json: ann's sleep record has the same keys in both weeks" "$(keys "$T/w46.json")" "$(keys "$T/out")"
is "json: a record has no other type's keys" \
	"$(jq -r '[.[] | select(.type == "sleep") | keys[] | select(contains(".") and (startswith("sleep.") | not))] | length' "$T/out")" 0

# A type that left types/ while an assignment of it stays: its numbers come after every
# column of the practice's types, in the byte order of their names, and only in a period
# that has them.
cat >p/types/old.yaml <<'YAML'
name: old
title: Old
fields:
- name: x
  type: integer
YAML
asg p dee old --start 2026-11-16 >/dev/null
lg p dee old x=3 --at 2026-11-17T10:00
rm p/types/old.yaml
is "setup: old" "${setup_failed:-0}" 0
run -C p report -f csv --week 2026-W47
is "a removed type (exit)" "$rc" 0
is "a removed type: its columns last, by name" \
	"$(head -n 1 "$T/out" | tr ',' '\n' | tail -n 7 | paste -sd ' ')" \
	"zz-walk.steps_max_n old.x_max old.x_max_n old.x_mean old.x_mean_n old.x_min old.x_min_n"
is "a removed type: its values" "$(grep '^dee,' "$T/out" | cut -d, -f 113-118)" "3,1,3.0,1,3,1"
run -C p report -f csv --week 2026-W46
is "a removed type: a week without it keeps the practice's columns" \
	"$(head -n 1 "$T/out")" "$(head -n 1 "$T/w46.csv")"

# A type in types/ that cannot be read: named with its line, its columns (as its
# assignments' data has them) after all, every other row printed, and exit 1
hwk -C p report -f csv --week 2026-W47 >"$T/before.csv" 2>/dev/null
cp p/types/zz-walk.yaml "$T/zz-walk.yaml"
echo 'fields: [' >>p/types/zz-walk.yaml
for f in csv json; do
	run -C p report -f $f --week 2026-W47
	is "a type that cannot be read: -f $f exits 1" "$rc" 1
	like "... and names it (-f $f)" "$(cat "$T/err")" '^hwk report: types/zz-walk\.yaml:[0-9]+:[0-9]+: '
done
run -C p report -f csv --week 2026-W47
is "... the other rows all there" "$(tail -n +2 "$T/out" | cut -d, -f1 | sort -u | paste -sd ' ')" \
	"$(tail -n +2 "$T/before.csv" | cut -d, -f1 | sort -u | paste -sd ' ')"
cp "$T/zz-walk.yaml" p/types/zz-walk.yaml

done_testing
