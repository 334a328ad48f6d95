#!/bin/bash
# hwk list entries --since/--until reads only what the period needs (the end of each
# entries file back to the period, and no assignment whose days lie outside it), and
# lists exactly what a filter over every entry would: compared here, for every format and
# with other filters, against the whole listing cut to the period by awk, over a practice
# with corrections, withdrawals, entries logged days late, an ended assignment, values
# with commas, quotes and newlines, and three clients.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# ---- the practice: two months of a day-by-day history ---------------------------------
hwk init p 2>/dev/null
cat >p/types/mood.yaml <<'EOF2'
title: Mood
fields:
- name: score
  type: integer
- name: where
  type: text
EOF2
cat >p/types/walk.yaml <<'EOF2'
title: Walk
fields:
- name: minutes
  type: integer
- name: score
  type: text
EOF2
stamp() { date -d "$1" +%Y-%m-%dT%H:%M:%S%:z; }
day() { date -u -d "$1" +%F; }
L() { # WHEN CLIENT ARGS...: hwk log at that time
	local now
	now=$(stamp "$1")
	shift
	HWK_NOW=$now lg p "$@"
}
A() { # WHEN ARGS...: hwk assign at that time; prints the id
	local now
	now=$(stamp "$1")
	shift
	HWK_NOW=$now asg p "$@"
}
A "2026-09-25 09:00" ann mood --start 2026-09-25 --name Ann >/dev/null
B=$(A "2026-09-25 09:00" ben walk --start 2026-09-28 --until 2026-10-20 --name Ben)
for i in $(seq 0 62); do
	d=$(day "2026-09-25 + $i days")
	case $((i % 9)) in
	3 | 5) ;; # missed; 5 is logged three days late, below
	4) L "$d 21:00" ann mood score=$((i % 10)) where='home, "kitchen"' -m 'line one
line two' --at "$d 08:00" ;;
	6) L "$d 21:00" ann mood -s busy --at "$d 20:00" ;;
	8) L "$d 07:00" ann mood score=1 --at "$(day "$d - 3 days") 19:00"
	   L "$d 21:00" ann mood score=$((i % 10)) where=park --at "$d 20:00" ;;
	*) L "$d 21:00" ann mood score=$((i % 10)) where=park --at "$d 20:00" ;;
	esac
	case $d in
	2026-09-2[89] | 2026-10-[01]? | 2026-10-20)
		L "$d 22:00" ben walk minutes=$((20 + i)) score=ok --at "$d 18:00" ;;
	2026-10-21)
		HWK_NOW=$(stamp "$d 09:00") hwk -C p assign --end "$B" --at 2026-10-20 >/dev/null
		A "$d 09:00" ben mood --start 2026-10-21 >/dev/null ;;
	2026-10-2[2-9] | 2026-10-3? | 2026-11-*)
		L "$d 21:30" ben mood score=$((i % 7)) --at "$d 21:00" ;;
	esac
	case $d in
	2026-10-18) L "$d 23:00" ben --withdraw walk@2026-10-10 ;;
	2026-10-19) L "$d 23:00" ben --correct walk@2026-10-05 minutes=5 ;;
	2026-11-10) L "$d 23:00" ann --correct mood@2026-09-26 score=9 -m corrected ;;
	2026-11-11) L "$d 23:00" ann --correct mood@2026-09-26 score=8 ;;
	2026-11-12) L "$d 23:00" ann --withdraw mood@2026-10-02 -m 'wrong day' ;;
	2026-11-20) A "$d 09:00" cid walk --start 2026-11-20 --name Cid >/dev/null ;;
	2026-11-2*) L "$d 09:30" cid walk minutes=$((i + 30)) score=a,b --at "$d 09:00" ;;
	esac
	[ "$d" = 2026-11-26 ] && L "$d 10:00" cid --correct walk@2026-11-21 minutes=99
done
is "setup" "$setup_failed" 0
check "ben's walk ended, in ended/" test -f p/clients/ben/ended/2026/"$B".csv

# ---- the reference: every entry, cut to since..until (empty: open) by awk -------------
cut_to() { # FORMAT SINCE UNTIL: stdin, a whole listing in FORMAT
	awk -v f="$1" -v s="$2" -v e="$3" '
	function inside(at) { d = substr(at, 1, 10); return (s == "" || d >= s) && (e == "" || d <= e) }
	f == "csv" {
		if (NR == 1) { print; next }
		rec = rec == "" ? $0 : rec "\n" $0
		q += gsub(/"/, "&")
		if (q % 2) next
		split(rec, c, ",")
		if (inside(c[4])) print rec
		rec = ""; q = 0
		next
	}
	f == "tsv" { if (NR == 1) { print; next } split($0, c, "\t"); if (inside(c[4])) print; next }
	f == "table" {
		if (NR == 1) { h = $0; next }
		if (inside($4)) { if (h != "") print h; h = ""; print }
		next
	}
	f == "json" {
		if ($0 !~ /^\{/) next
		sub(/,$/, "")
		i = index($0, "\"at\":\"")
		if (inside(substr($0, i + 6))) row[n++] = $0
		next
	}
	f == "yaml" {
		if ($0 ~ /^- /) { if (keep) out[n++] = rec; rec = $0; keep = 0 }
		else rec = rec "\n" $0
		if ($0 ~ /^  at: /) keep = inside(substr($0, 8))
		next
	}
	END {
		if (f == "yaml") {
			if (keep) out[n++] = rec
			if (!n) print "[]"
			for (i = 0; i < n; i++) print out[i]
		}
		if (f == "json") {
			if (!n) { print "[]"; exit }
			print "["
			for (i = 0; i < n; i++) print row[i] (i < n - 1 ? "," : "")
			print "]"
		}
	}'
}
# a table's columns are as wide as the rows shown: compared with runs of spaces as one
squeeze() { sed 's/  */ /g; s/ $//'; }

# compare DESC PERIOD-ARGS -- OTHER-ARGS (days as YYYY-MM-DD): list entries with the period, against the whole
# listing with the other arguments cut to the period
compare() {
	local desc=$1 s="" e="" f=table args=() per=() got want
	shift
	while [ "$1" != -- ]; do
		case $1 in
		--since) s=$2 ;;
		--until) e=$2 ;;
		esac
		per+=("$1" "$2")
		shift 2
	done
	shift
	args=("$@")
	for ((i = 0; i < ${#args[@]}; i++)); do
		[ "${args[i]}" = -f ] && f=${args[i + 1]}
	done
	run -C p list entries "${per[@]}" "${args[@]}"
	# the whole listing, once for each state of the files and other arguments
	local key="$state ${args[*]}"
	if [ "$key" != "$all_key" ]; then
		hwk -C p list entries "${args[@]}" >"$T/all" 2>"$T/all.err"
		all_rc=$? all_key=$key
	fi
	if [ "$f" = table ]; then
		want=$(cut_to "$f" "$s" "$e" <"$T/all" | squeeze)
		got=$(squeeze <"$T/out")
	else
		want=$(cut_to "$f" "$s" "$e" <"$T/all")
		got=$(<"$T/out")
	fi
	is "$desc: $*" "$got" "$want"
	is "$desc: $*: status and messages" "$rc $(<"$T/err")" "$all_rc $(<"$T/all.err")"
}

periods=(
	"--since 2026-11-23 --until 2026-11-29" # the last week (corrections of old entries in it)
	"--since 2026-10-06 --until 2026-10-12" # late-logged entries near both ends
	"--since 2026-10-09 --until 2026-10-09" # one day: a late entry logged after it
	"--since 2026-10-14 --until 2026-10-22" # the ended assignment's last days
	"--since 2026-10-22"                     # after it ended
	"--since 2026-09-01"                     # before every start
	"--since 2026-09-26 --until 2026-09-28" # an entry corrected twice, long after
	"--until 2026-10-05"                     # from the start
	"--until 2026-11-19"                     # before cid's start
	"--since 2026-12-01"                     # nothing yet
)
filters=("-s skipped" "-r busy" "-t walk" "-a mood" "--history" "--history -s withdrawn")

all_key=""
sweep() { # LABEL [all]: every period as CSV, with every format and filter when all
	local per flt fmt state=$1
	# shellcheck disable=SC2086 # the words of a period and a filter
	for per in "${periods[@]}"; do compare "$1" $per -- -f csv; done
	# shellcheck disable=SC2086
	for per in "${periods[@]}"; do compare "$1" $per -- -c ben -f csv --history; done
	[ $# -gt 1 ] || return 0
	for fmt in tsv json yaml table; do
		# shellcheck disable=SC2086
		for per in "${periods[@]}"; do compare "$1" $per -- -f $fmt; done
	done
	for flt in "${filters[@]}"; do
		# shellcheck disable=SC2086
		for per in "${periods[@]}"; do compare "$1" $per -- -f csv $flt; done
	done
}

# as logged: each file was seen in order when it was first written, so the end of each
# is read back to its first rows
sweep "as logged"
# every file read whole once (seen in order at its full size)...
rm p/.hwk.cache
sweep "read whole"
# ...so that now only the rows of the period are read from the end
sweep "from the end" all
check "the order was noted" grep -q '^o clients/ann/' p/.hwk.cache

# ---- the corrected view: one pass over a file no row of which corrects another -------
# (a line end not after a comma makes it look for corrections: here the last row, a
# correction, with no line end at all)
run -C p -c cid list entries -f csv
cp "$T/out" "$T/cid.want"
cid=$(ls p/clients/cid/*.csv)
cp "$cid" "$T/cid.csv"
is "cid's last row corrects an entry" "$(tail -n 1 "$cid" | awk -F, '{ print $3, $6, $NF }')" \
	"done 99 2026-11-21T09:30:00+01:00"
printf %s "$(cat "$T/cid.csv")" >"$cid"
run -C p -c cid list entries -f csv
is "a last correction without its line end still replaces its entry" \
	"$rc $(cat "$T/out")" "0 $(cat "$T/cid.want")"
cp "$T/cid.csv" "$cid"
grep -v ',2026-11-21T09:30:00+01:00$' "$T/cid.csv" | sed '$s/,$//' >"$cid"
run -C p -c cid list entries -f csv --history
like "a last row one short of replaces is read with it empty" "$rc $(tail -n 1 "$T/out")" \
	'^0 cid,.*,walk,2026-11-26T09:00:00\+01:00,2026-11-26T09:30:00\+01:00,done,,,,92,"a,b"$'
cp "$T/cid.csv" "$cid"

# ---- the period decides what is read: what lies before it is not even opened ---------
ann=$(ls p/clients/ann/*.csv)
cp "$ann" "$T/ann.csv"
# a broken row early on: the whole listing names it, a recent period never reads it
sed -i '4s/,done,/,dome,/' "$ann" # 2026-09-27
run -C p -c ann list entries --since 2026-11-20 -f csv
is "a bad row before the period is not read" "$rc $(wc -l <"$T/out") $(cat "$T/err")" "0 8 "
run -C p -c ann list entries -f csv --until 2026-09-28
like "without --since the file is read from the start, and the row named" "$rc $(cat "$T/err")" \
	"^1 .*:4: status: dome is not done, partial or skipped"
cp "$T/ann.csv" "$ann"
# an assignment wholly outside the period: its entries are not opened (a folder in the
# place of a file is an error to any reader that opens it)
hide() { mv "$1" "$1.aside" && mkdir "$1"; }
show() { rmdir "$1" && mv "$1.aside" "$1"; }
hide p/clients/ben/ended/2026/"$B".csv
run -C p -c ben list entries --since 2026-10-25 -f csv
is "an ended assignment before the period is not opened" "$rc $(wc -l <"$T/out") $(cat "$T/err")" "0 34 "
run -C p -c ben list entries --since 2026-10-20 -f csv
like "one that reaches it is" "$rc $(cat "$T/err")" "^1 .*$B.csv: "
show p/clients/ben/ended/2026/"$B".csv
cid=$(ls p/clients/cid/*.csv)
hide "$cid"
run -C p list entries --until 2026-11-15 -f csv
is "an assignment starting after the period is not opened" "$rc $(cat "$T/err")" "0 "
run -C p list entries --until 2026-11-20 -f csv
like "one starting in it is" "$rc $(cat "$T/err")" "^1 .*cid/.*csv: "
show "$cid"

done_testing
