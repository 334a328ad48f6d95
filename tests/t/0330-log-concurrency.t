#!/bin/bash
# Many hwk log processes at once lose no row and tear none (lock + one append each); the
# files stay private under a permissive umask; no temp file is left behind.
. "$(dirname "$0")/../lib.sh"

umask 022
# 8 writers x 50 entries; under valgrind (about half a second a run) fewer, the same checks
P=8 E=50
if [ -n "${HWK_VALGRIND:-}" ]; then
	P=4 E=4
fi
TOTAL=$((P * E))

hwk init p 2>/dev/null
id=$(hwk -C p assign alex mindfulness --start 2026-11-23)
csv=p/clients/alex/$id.csv

# Writer w logs entry i at minute m = w*E + i after 2026-11-26T00:00 (at most 400 minutes:
# all on Thursday, all distinct). Each row carries text that needs quoting (a comma, a
# quote, a line end) so that a torn row would show. Half the writers are quiet; the others
# also read the week's rows for the confirmation while the rest append.
writer() {
	local w=$1 i m at q=
	[ $((w % 2)) -eq 0 ] && q=-q
	for ((i = 0; i < E; i++)); do
		m=$((w * E + i))
		printf -v at '2026-11-26T%02d:%02d' $((m / 60)) $((m % 60))
		hwk -C p log mindfulness $q --at "$at" "writer $w, \"entry\" $i" $((i + 1)) \
			$((w % 11)) $((i % 11)) -m $'line one\nline two' ||
			echo "writer $w entry $i: exit $?"
	done
}
for ((w = 0; w < P; w++)); do
	writer "$w" >"$T/w$w.out" 2>"$T/w$w.err" &
done
wait

is "no writer failed" "$(cat "$T"/w*.out)" ""
is "the writers said only their confirmations" \
	"$(cat "$T"/w*.err | grep -cvE '^mindfulness: [0-9]+ of 7 this week$')" 0

# The expected rows, as hwk list entries -f tsv shows them (the newline of the note as \n;
# the tab-separated columns: client, assignment, type, at, logged, status, reason, note,
# practice, minutes, before, after), sorted.
for ((w = 0; w < P; w++)); do
	for ((i = 0; i < E; i++)); do
		m=$((w * E + i))
		printf 'alex\t%s\tmindfulness\t2026-11-26T%02d:%02d:00+01:00\t2026-11-27T09:00:00+01:00\tdone\t\tline one\\nline two\twriter %d, "entry" %d\t%d\t%d\t%d\n' \
			"$id" $((m / 60)) $((m % 60)) "$w" "$i" $((i + 1)) $((w % 11)) $((i % 11))
	done
done | sort >"$T/want"

hwk -C p list entries -f tsv >"$T/out" 2>"$T/err"
is "list reads the file without complaint (exit)" "$?" 0
is "list reads the file without complaint (stderr)" "$(cat "$T/err")" ""
is "one header and $TOTAL rows" "$(wc -l <"$T/out")" $((TOTAL + 1))
is "the header" "$(head -n 1 "$T/out")" \
	"$(printf 'client\tassignment\ttype\tat\tlogged\tstatus\treason\tnote\tpractice\tminutes\tbefore\tafter')"
tail -n +2 "$T/out" | sort >"$T/got"
is "every row has 12 columns" "$(awk -F '\t' 'NF != 12' "$T/got" | wc -l)" 0
is "the $TOTAL at values are all distinct" "$(cut -f 4 "$T/got" | sort -u | wc -l)" "$TOTAL"
diff "$T/want" "$T/got" | head -n 20 | sed 's/^/#   /' >&2
check "every row intact and as logged" cmp -s "$T/want" "$T/got"
# the raw file: the header and each entry in exactly two physical lines (the note's LF)
is "the entries file: header + 2 lines a row" "$(wc -l <"$csv")" $((2 * TOTAL + 1))
is "the file ends with a line end" "$(tail -c 1 "$csv" | od -An -c | tr -d ' ')" '\n'

run -C p log mindfulness breathing 5
expect "one more after the storm: the week counts each of its two days once" 0 "" \
	"mindfulness: 2 of 7 this week"
is "one more after the storm: every row kept" "$(($(wc -l <"$csv") - 2 * TOTAL - 1))" 1

is "every file in the practice is 0600 under umask 022" "$(find p -type f -printf '%m\n' | sort -u)" 600
is "every folder in the practice is 0700 under umask 022" "$(find p -type d -printf '%m\n' | sort -u)" 700
is "no temp files left" "$(find p -name '*.tmp.*')" ""

done_testing
