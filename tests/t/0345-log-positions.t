#!/bin/bash
# Values by position: no more of them than the required fields still empty fill those,
# in the type's order; more fill every field still empty, in order; names first. See
# hwk-log(1), VALUES.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
SLEEP=$(hwk -C p assign alex sleep --start 2026-11-16)
TR=$(hwk -C p assign alex thought-record --start 2026-11-16)
# last row of an entries file, as NAME=VALUE for the named columns
row() { # ID COLUMN...
	local f=p/clients/alex/$1.csv
	shift
	awk -F, -v want="$*" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ last = $0 } END { n = split(want, w, " "); split(last, v, ",")
		for (i = 1; i <= n; i++) printf "%s%s=%s", (i > 1 ? " " : ""), w[i], v[c[w[i]]]; print "" }' "$f"
}

# sleep's required fields are bed, wake and out_of_bed (lights_out, sol, awakenings, waso
# and quality between and after them are optional): three values are those three
run -C p log "$SLEEP" --at 2026-11-24T07:30 23:40 06:50 07:05
is "three values for three required fields (exit)" "$rc" 0
is "they are bed, wake and out_of_bed; lights_out and sol stay empty" \
	"$(row "$SLEEP" bed lights_out sol wake out_of_bed)" \
	"bed=23:40 lights_out= sol= wake=06:50 out_of_bed=07:05"

# a required field given by name leaves two required: two values are wake, out_of_bed
run -C p log "$SLEEP" --at 2026-11-25T07:30 bed=23:10 06:40 06:55 quality=4
is "named first, then the required ones left (exit)" "$rc" 0
is "bed by name, wake and out_of_bed by position" \
	"$(row "$SLEEP" bed wake out_of_bed quality)" "bed=23:10 wake=06:40 out_of_bed=06:55 quality=4"

# more values than required fields: every field in order, as the man page's example
run -C p log "$SLEEP" --at 2026-11-26T07:30 23:40 23:55 20 1 15 06:50 07:05 3
is "eight values: every field in order (exit)" "$rc" 0
is "eight values fill bed .. quality in order" \
	"$(row "$SLEEP" bed lights_out sol awakenings waso wake out_of_bed quality)" \
	"bed=23:40 lights_out=23:55 sol=20 awakenings=1 waso=15 wake=06:50 out_of_bed=07:05 quality=3"

# four values for three required fields: the field order, so the fourth is sol (bed,
# lights_out, sol, awakenings), and wake and out_of_bed are missing
snap p
run -C p log "$SLEEP" --at 2026-11-27T07:30 23:40 23:55 20 1
expect "four values: the field order; the required ones left are said" 1 "" \
	"hwk log: wake: required (Time of final awakening)"
unchanged "nothing written" p

# fewer values than required fields: the first required ones; the rest are missing
run -C p log "$SLEEP" --at 2026-11-27T07:30 23:40
expect "one value of three required: bed; wake is said missing" 1 "" \
	"hwk log: wake: required (Time of final awakening)"
unchanged "nothing written" p

# a thought record: situation and thought are the required fields (emotion and
# intensity between them are optional)
run -C p log "$TR" --at 2026-11-26T21:00 "Meeting ran late" "They think I'm useless"
is "thought record by its two required fields (exit)" "$rc" 0
is "situation and thought, emotion empty" "$(row "$TR" situation emotion thought)" \
	"situation=Meeting ran late emotion= thought=They think I'm useless"

done_testing
