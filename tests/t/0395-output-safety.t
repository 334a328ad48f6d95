#!/bin/bash
# What a client writes cannot act on the clinician's terminal or spreadsheet: control and
# invisible format characters (bidi controls above all) are made visible in every
# human-readable output; TSV escapes them the same way (and a backslash); CSV and TSV
# guard text that a spreadsheet would take for a formula, while numbers stay numbers.
# See hwk(1), OUTPUT.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

RLO=$'\u202e' LRI=$'\u2066' PDI=$'\u2069' ZWSP=$'\u200b' ALM=$'\u061c' LRM=$'\u200e'
hwk init p 2>/dev/null
mkdir -p p/types
cat >p/types/delta.yaml <<'EOF'
name: delta
fields:
- name: change
  type: integer
- name: what
  type: text
EOF
TA=$(hwk -C p assign alex task --start 2026-11-23 --name "Alex ${RLO}evil")
DE=$(hwk -C p assign alex delta --start 2026-11-23)
lg p alex task --at 2026-11-24T10:00 -m "paid ${RLO}0001 ${LRI}x${PDI} ${ZWSP}${ALM}${LRM}"
lg p alex task --at 2026-11-25T10:00 -m $'bell\a esc\e[2J c1\u009b31m del\x7f back\\slash'
lg p alex delta change=-3 what='=HYPERLINK("x")' --at 2026-11-24T11:00
lg p alex delta change=4 what='-x' --at 2026-11-25T11:00
lg p alex delta change=0 what='+1' --at 2026-11-26T11:00
lg p alex delta what='@SUM(A1)' --at 2026-11-26T12:00
lg p alex delta what='-' --at 2026-11-26T13:00
lg p alex delta what='-2.5' --at 2026-11-26T14:00

bidi_vis='paid \u202e0001 \u2066x\u2069 \u200b\u061c\u200e'
ctl_vis='bell\x07 esc\x1b[2J c1\x9b31m del\x7f back\slash'

# ---- f. the table, review and report -------------------------------------------------------------
run -C p list entries -a "$TA" -f table
is "table (exit)" "$rc" 0
like "table: bidi and invisible format characters made visible" "$(cat "$T/out")" "$(printf '%s' "$bidi_vis" | sed 's/\\/\\\\/g')"
check "table: no bidi control or invisible character left" \
	bash -c '! grep -q "$(printf "\\u202e\\|\\u2066\\|\\u2069\\|\\u200b\\|\\u061c\\|\\u200e")" "$1"' _ "$T/out"
check "table: no ESC, BEL or C1 left" bash -c '! LC_ALL=C grep -q "$(printf "[\\a\\033\\177]\\|\\xc2\\x9b")" "$1"' _ "$T/out"

run -C p review alex --since 2026-11-23 --until 2026-11-26
is "review (exit)" "$rc" 0
like "review: the name made visible" "$(head -1 "$T/out")" '^Review of alex \(Alex \\u202eevil\), '
like "review: the note made visible" "$(cat "$T/out")" "$(printf '%s' "$bidi_vis" | sed 's/\\/\\\\/g')"
like "review: control characters made visible" "$(cat "$T/out")" 'bell\\x07 esc\\x1b\[2J c1\\x9b31m del\\x7f back\\slash'
check "review: no bidi control left" bash -c '! grep -q "$(printf "\\u202e\\|\\u2066")" "$1"' _ "$T/out"

run -C p report --from 2026-11-23 --to 2026-11-26 -f text
is "report text (exit)" "$rc" 0
like "report text: the name made visible" "$(cat "$T/out")" '^alex \(Alex \\u202eevil\)$'
check "report text: no bidi control left" bash -c '! grep -q "$(printf "\\u202e")" "$1"' _ "$T/out"
run -C p report --from 2026-11-23 --to 2026-11-26 -f md
like "report md: the name made visible" "$(cat "$T/out")" '^## alex \(Alex \\u202eevil\)$'
run -C p list clients -f table
like "list clients table: the name made visible" "$(cat "$T/out")" 'Alex \\u202eevil'

# ---- g. TSV: one escape scheme, and the formula guard --------------------------------------------------
run -C p list entries -a "$TA"
is "tsv (exit)" "$rc" 0
is "tsv: the notes, escaped as hwk_visible does, and a backslash as \\\\" "$(cut -f8 "$T/out")" \
	"note
$bidi_vis
${ctl_vis/back\\slash/back\\\\slash}"
check "tsv: no ESC, BEL, DEL or C1 byte left" bash -c '! LC_ALL=C grep -q "$(printf "[\\a\\033\\177]\\|\\xc2\\x9b")" "$1"' _ "$T/out"
run -C p list entries -a "$DE"
is "tsv: text that starts a formula is guarded, numbers stay numbers" \
	"$(cut -f9,10 "$T/out")" \
	"change	what
-3	'=HYPERLINK(\"x\")
4	'-x
0	'+1
	'@SUM(A1)
	-
	-2.5"
is "tsv: awk sums the numbers" "$(awk -F'\t' 'NR > 1 { s += $9 } END { print s }' "$T/out")" 1
run -C p list entries -a "$DE" -f csv
is "csv: the same guard" "$(cut -d, -f9- "$T/out")" \
	"change,what
-3,\"'=HYPERLINK(\"\"x\"\")\"
4,'-x
0,'+1
,'@SUM(A1)
,-
,-2.5"
run -C p list entries -a "$DE" -f json
is "json is data: no guard" "$(jq -r '.[].what' "$T/out")" \
	"=HYPERLINK(\"x\")
-x
+1
@SUM(A1)
-
-2.5"
is "json: numbers stay numbers" "$(jq -c '[.[].change]' "$T/out")" "[-3,4,0,null,null,null]"

is "the set-up went right" "$setup_failed" 0
done_testing
