#!/bin/bash
# make demo (examples/demo.sh) on the bundled example practice: it runs on this hwk's
# format, says nothing on stderr, and leaves the checkout as it was.
. "$(dirname "$0")/../lib.sh"

snap "$TOP/examples/practice"
sh "$TOP/examples/demo.sh" "$HWK" >"$T/out" 2>"$T/err"
is "the demo runs (exit)" "$?" 0
is "... with nothing on stderr" "$(cat "$T/err")" ""
like "... what is due, with the six assignments of alex and sam" \
	"$(grep -cE '^(alex|sam) +2026-11-1[0-9]-[a-z-]+-[0-9a-f]{4} +[a-z-]+ +[a-z0-9,/]+ +(done|due) ' "$T/out")" '^6$'
like "... and alex's week of sleep, five rows" \
	"$(grep -c '^alex  *2026-11-16-sleep-3238  *sleep  *2026-11-2' "$T/out")" '^5$'
unchanged "the example practice in the checkout is untouched" "$TOP/examples/practice"
is "the example practice is in this hwk's format" \
	"$(cd "$TOP/examples/practice" && grep -h '^version:' hwk.yaml clients/*/client.yaml | sort -u)" \
	"version: 3"

done_testing
