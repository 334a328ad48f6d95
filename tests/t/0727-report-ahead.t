#!/bin/bash
# The report reads the clients' assignments ahead, in a second thread, while it reads the
# entries of the clients before (lib/prefetch.c): what each says is still said in the
# clients' order, the assignments' and the entries' messages of a client together, and
# the report is the same as a client at a time would make it.
. "$(dirname "$0")/../lib.sh"

hwk init p >/dev/null 2>&1
for c in c01 c02 c03 c04 c05 c06 c07 c08 c09 c10 c11 c12 c13 c14 c15 c16 c17 c18 c19 c20 c21 c22 c23 c24 c25 c26 c27 c28 c29 c30 c31 c32 c33 c34 c35 c36 c37 c38 c39 c40; do
	id=$(hwk -C p assign "$c" task --start 2026-11-16 2>>"$T/setup.err")
	HWK_NOW=2026-11-24T20:00:00+01:00 hwk -C p -c "$c" log "$id" -q </dev/null 2>>"$T/setup.err"
	eval "ID_$c=\$id"
done
hwk -C p report --week 2026-W48 -f csv >"$T/whole.csv" 2>>"$T/setup.err"

# folders of clients/ that are no client yet (no client.yaml: a client being made, or
# one left half-made), each with a file that is not YAML: passed over without a word,
# whichever thread finds out (the report looks for client.yaml there, not at its start)
for c in c05h c22h c41h; do
	mkdir -p "p/clients/$c"
	printf 'id: [\n' >"p/clients/$c/2026-11-16-task-0000.yaml"
done
run -C p report --week 2026-W48 -f csv
is "folders that are no client yet: exit 0" "$rc" 0
is "... nothing said" "$(cat "$T/err")" ""
is "... the report as without them" "$(cat "$T/out")" "$(cat "$T/whole.csv")"
run -C p report --week 2026-W48 -f json
is "... nor counted as clients" "$(jq -r '.[].client' "$T/out" | sort -u | wc -l)" 40
rm -rf p/clients/c05h p/clients/c22h p/clients/c41h

# an assignment file that is not YAML in c03, c20 and c39 (read by the second thread),
# an entries file with a bad row in c02, c21 and c40 (read by the first)
for c in c03 c20 c39; do
	eval "id=\$ID_$c"
	printf 'id: [\n' >"p/clients/$c/$id.yaml"
done
for c in c02 c21 c40; do
	eval "id=\$ID_$c"
	printf '2026-11-25T20:00:00+01:00,2026-11-25T20:00:00+01:00,done,,,,extra\n' >>"p/clients/$c/$id.csv"
done
run -C p report --week 2026-W48 -f csv
is "files that cannot be read: exit 1" "$rc" 1
is "... each named once, in the clients' order" \
	"$(grep -o 'clients/c[0-9]*' "$T/err" | tr '\n' ' ')" \
	"clients/c02 clients/c03 clients/c20 clients/c21 clients/c39 clients/c40 "
is "... the other clients as before" \
	"$(grep -v '^c02,\|^c03,\|^c20,\|^c21,\|^c39,\|^c40,' "$T/out")" \
	"$(grep -v '^c02,\|^c03,\|^c20,\|^c21,\|^c39,\|^c40,' "$T/whole.csv")"
# the same again: the order does not depend on which thread got there first
for i in 1 2 3 4 5; do
	hwk -C p report --week 2026-W48 -f csv >"$T/out$i" 2>"$T/err$i"
done
is "five runs more: the same messages in the same order" \
	"$(cat "$T/err1" "$T/err2" "$T/err3" "$T/err4" "$T/err5" | sort | uniq -c | awk '{print $1}' | sort -u)" 5
is "... the same report" "$(cat "$T/out1" "$T/out2" "$T/out3" "$T/out4" "$T/out5" | sort | uniq -c | awk '{print $1}' | sort -u)" 5
check "... each run's messages as the first run's" sh -c "for i in 1 2 3 4 5; do cmp -s '$T/err' '$T/err'\$i || exit 1; done"

is "setup went well" "$(cat "$T/setup.err")" ""
done_testing
