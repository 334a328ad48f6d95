#!/bin/bash
# hwk report -f md (issue 10): a "|" in a client's name, an exposure step's name or a
# skip note would split a cell of the caseload table (or read as one): it is written
# "\|", Markdown's escape, everywhere in md; text keeps it as it is.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# The clock: Friday 2026-11-27 09:00; the report is on 2026-W47, Monday 16 to Sunday 22.
hwk init p 2>/dev/null
asg p cy exposure --start 2026-11-16 --name 'Cy | Lee' >/dev/null
# peaks 80, 70, 90 on one step: "not falling" (80 to 90), a flag that names the step
lg p cy exposure 'step=lift|stairs' suds_peak=80 suds_after=30 --at 2026-11-17T10:00
lg p cy exposure 'step=lift|stairs' suds_peak=70 suds_after=30 --at 2026-11-18T10:00
lg p cy exposure 'step=lift|stairs' suds_peak=90 --at 2026-11-19T10:00
lg p cy exposure --skip avoided -m 'too | much' --at 2026-11-20T10:00
is "setup" "${setup_failed:-0}" 0

run -C p report -f md --week 2026-W47
is "md (exit)" "$rc" 0
is "md: the caseload row: the step's bar escaped, five cells" \
	"$(grep '^| cy ' "$T/out")" \
	'| cy | 43% | 2 | completion 43%; exposure: avoided 1 time; exposure: peak SUDS not falling on lift\|stairs (80 to 90) | - |'
is "md: the caseload row splits into the header's 5 cells at unescaped bars" \
	"$(grep '^| cy ' "$T/out" | sed 's/\\|//g' | awk -F'|' '{ print NF - 2 }')" 5
is "md: the name in the heading" "$(grep '^## ' "$T/out")" '## cy (Cy \| Lee)'
is "md: the note" "$(grep 'avoided: ' "$T/out")" '  - 2026-11-20 avoided: too \| much'
is "md: the peaks by step" "$(grep '^- peak SUDS by step' "$T/out")" \
	'- peak SUDS by step: lift\|stairs: 80, 70, 90 (3)'
is "md: no bar left unescaped outside the table's own" \
	"$(grep -v '^|' "$T/out" | sed 's/\\|//g' | grep -c '|')" 0

run -C p report -f text --week 2026-W47
is "text (exit)" "$rc" 0
is "text: the name as written" "$(grep -c 'cy (Cy | Lee)' "$T/out")" 1
is "text: the note as written" "$(grep -c 'too | much' "$T/out")" 1
is "text: no escape" "$(grep -c '\\|' "$T/out")" 0

done_testing
