#!/bin/bash
# list entries reads the clients' assignments, and makes their rows, in two threads
# (lib/prefetch.c; lib/output.c's parts): the listing is the clients' listings one after
# another, in their order, in every format, whichever thread made each; what is said is
# said in the clients' order; and it is the same from run to run.
. "$(dirname "$0")/../lib.sh"

hwk init p >/dev/null 2>&1
clients=""
for i in $(seq -w 1 40); do clients="$clients c$i"; done
for c in $clients; do
	id=$(hwk -C p assign "$c" task --start 2026-11-16 2>>"$T/setup.err")
	eval "ID_$c=\$id"
	case $c in
	c0[1-4] | c1[3-5] | c40) continue ;; # no entries: nothing listed for them
	esac
	for d in 20 21 22; do
		HWK_NOW=2026-11-${d}T20:00:00+01:00 hwk -C p -c "$c" log "$id" -q -m "$c, day $d" \
			</dev/null 2>>"$T/setup.err"
	done
done
# the note with a comma, a quote and a newline, in the middle of the clients
HWK_NOW=2026-11-23T20:00:00+01:00 hwk -C p -c c20 log "$ID_c20" -q -m 'a "b",
c' </dev/null 2>>"$T/setup.err"

# what hwk CMD... -f F gives for the clients one at a time, put one after another: CSV
# and TSV without their headers, JSON's arrays made one
one_by_one() { # F CMD...
	local f=$1 c
	shift
	: >"$T/each.$f"
	for c in $clients; do
		hwk -C p -c "$c" "$@" -f "$f" >"$T/one" 2>>"$T/setup.err"
		case $f in
		json) cat "$T/one" >>"$T/each.$f" ;;
		*) tail -n +2 "$T/one" >>"$T/each.$f" ;;
		esac
	done
	case $f in
	json) jq -c -s 'add' "$T/each.json" ;;
	*) cat "$T/each.$f" ;;
	esac
}

# each format: the same as the clients listed one at a time (one client is listed by
# one thread), put one after another
for f in csv tsv json; do
	run -C p list entries -f "$f"
	is "-f $f: exit 0" "$rc" 0
	cp "$T/out" "$T/all.$f"
	case $f in
	json)
		is "-f json: valid, and the clients' listings in their order" \
			"$(jq -c '.' "$T/all.json")" "$(one_by_one json list entries)"
		is "-f json: it starts as one" "$(head -n 1 "$T/all.json")" "["
		;;
	*)
		is "-f $f: one header, then the clients' rows in their order" \
			"$(tail -n +2 "$T/all.$f")" "$(one_by_one "$f" list entries)"
		is "-f $f: the header first" "$(head -n 1 "$T/all.$f" | cut -c1-17)" \
			"$(printf 'client,assignment' | tr ',' "$([ $f = tsv ] && printf '\t' || printf ',')")"
		;;
	esac
done
is "rows: 32 clients with three, one with four" "$(tail -n +2 "$T/all.tsv" | wc -l)" 97

# list due (its assignments read ahead, its entries after): the same as the clients
# listed one at a time
export HWK_NOW=2026-11-25T12:00:00+01:00
for f in csv tsv json; do
	run -C p list due -f "$f"
	is "list due -f $f: exit 0" "$rc" 0
	cp "$T/out" "$T/due.$f"
	case $f in
	json) is "list due -f json: the clients' rows in their order" \
		"$(jq -c '.' "$T/due.json")" "$(one_by_one json list due)" ;;
	*) is "list due -f $f: one header, then the clients' rows in their order" \
		"$(tail -n +2 "$T/due.$f")" "$(one_by_one "$f" list due)" ;;
	esac
done
is "list due: a row a client" "$(tail -n +2 "$T/due.csv" | wc -l)" 40
unset HWK_NOW
like "-f csv: the note quoted across its lines" "$(cat "$T/all.csv")" '"a ""b"",
c"'

# the first clients with no rows, and -f json: still one array
run -C p list entries -f json --since 2026-11-23
is "-f json, one row (c20's), after 19 clients with none: exit 0" "$rc" 0
is "... a valid array of one" "$(jq -c 'map(.client)' "$T/out")" '["c20"]'
run -C p list entries -f csv --since 2026-11-24
is "-f csv, no rows at all: the header alone" "$(cat "$T/out" | wc -l) $rc" "1 0"

# CSV rows are copied from the entries file's bytes where CSV writes their cells as they
# are: each cell that it would quote or guard is written as hwk_out_row writes it
cat >p/types/worry.yaml <<'EOF'
title: Worry time
fields:
- name: level
  type: integer
  min: -10
  max: 10
- name: what
  type: text
EOF
W=$(hwk -C p assign c07 worry --start 2026-11-16 2>>"$T/setup.err")
for v in '-3|=SUM(A1)|plain' '4| lead|x' '5|trail |y' '6|a,b|z' '7|@home|w' '8|+1|v' '9|-|u' '0|tab	|t'; do
	level=${v%%|*}
	rest=${v#*|}
	what=${rest%|*}
	note=${rest##*|}
	HWK_NOW=2026-11-24T20:00:00+01:00 hwk -C p -c c07 log "$W" "level=$level" "what=$what" -m "$note" -q \
		</dev/null 2>>"$T/setup.err"
done
run -C p list entries -f csv -t worry
is "tricky cells: exit 0" "$rc" 0
is "... each as CSV writes it: quoted, guarded or as it is" "$(tail -n +2 "$T/out" | cut -d, -f8-)" \
	"plain,-3,'=SUM(A1)
x,4,\" lead\"
y,5,\"trail \"
z,6,\"a,b\"
w,7,'@home
v,8,'+1
u,9,-
t,0,\"tab	\""
run -C p list entries -f json -t worry
is "... the same values in JSON" "$(jq -r '.[] | [.note, (.level|tostring), .what] | join("|")' "$T/out")" \
	"plain|-3|=SUM(A1)
x|4| lead
y|5|trail 
z|6|a,b
w|7|@home
v|8|+1
u|9|-
t|0|tab	"
rm p/clients/c07/"$W".*

# bad files: an assignment file that is not YAML in c05, c22 and c39 (read in either
# thread), a bad row in c06, c23 and c38's entries
for c in c05 c22 c39; do
	eval "id=\$ID_$c"
	printf 'id: [\n' >"p/clients/$c/$id.yaml"
done
for c in c06 c23 c38; do
	eval "id=\$ID_$c"
	printf '2026-11-25T20:00:00+01:00,2026-11-25T20:00:00+01:00,done,,,,extra\n' >>"p/clients/$c/$id.csv"
done
for f in csv json; do
	run -C p list entries -f "$f"
	is "-f $f, files that cannot be read: exit 1" "$rc" 1
	# the assignment files in the first pass (for the columns), before any row
	is "... each named once, the assignments' first, in the clients' order" \
		"$(grep -o 'clients/c[0-9]*' "$T/err" | tr '\n' ' ')" \
		"clients/c05 clients/c22 clients/c39 clients/c06 clients/c23 clients/c38 "
	cp "$T/err" "$T/err.$f"
	cp "$T/out" "$T/bad.$f"
done
is "-f csv: the other clients' rows as before" \
	"$(grep -v '^c05,\|^c22,\|^c39,' "$T/all.csv")" "$(grep -v '^c05,\|^c22,\|^c39,' "$T/bad.csv")"
# five more runs: the order does not hang on which thread got there first
for i in 1 2 3 4 5; do
	hwk -C p list entries -f csv >"$T/out$i" 2>"$T/err$i"
done
check "five runs more: each run's messages as the first's" \
	sh -c "for i in 1 2 3 4 5; do cmp -s '$T/err.csv' '$T/err'\$i || exit 1; done"
check "... and each listing" \
	sh -c "for i in 1 2 3 4 5; do cmp -s '$T/bad.csv' '$T/out'\$i || exit 1; done"
# list due reads a client's assignments and its entries one after the other: its
# messages in the clients' order, each client's together, the others' rows as before
export HWK_NOW=2026-11-25T12:00:00+01:00
for i in 1 2 3; do
	run -C p list due -f csv
	is "list due, files that cannot be read (run $i): exit 1" "$rc" 1
	is "... each named once, in the clients' order" \
		"$(grep -o 'clients/c[0-9]*' "$T/err" | tr '\n' ' ')" \
		"clients/c05 clients/c06 clients/c22 clients/c23 clients/c38 clients/c39 "
	is "... the other clients' rows as before" \
		"$(grep -v '^c05,\|^c06,\|^c22,\|^c23,\|^c38,\|^c39,' "$T/out")" \
		"$(grep -v '^c05,\|^c06,\|^c22,\|^c23,\|^c38,\|^c39,' "$T/due.csv")"
done
unset HWK_NOW

# -a naming an assignment several clients have not: those are passed over
run -C p list entries -a "$ID_c30" -f csv
is "-a of one client, among forty: its rows alone" "$(tail -n +2 "$T/out" | cut -d, -f1 | sort -u)" c30

is "setup went well" "$(cat "$T/setup.err")" ""
done_testing
