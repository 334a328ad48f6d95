#!/bin/sh
# make bench: `hwk report` for one week on a practice with YEARS years of history (500
# clients, about 1,000,000 entries over 2 years), on the same practice with 2 weeks of
# history, and mawk summing the same week from one flat CSV of every entry (gawk and
# Miller as extra rows where installed), run in turn round by round by bench/interleave.c;
# each ratio is taken per round, its median and spread printed. Before timing, hwk's
# counts per assignment for the week are checked against each peer's.
# Targets: YEARS within 1.2x of 2 weeks; YEARS at most 0.3x mawk; peak RSS <= 16 MiB.
#
#   sh bench/report.sh [HWK]           (HWK: build/hwk)
#
# Environment: BUILD (build: where the practices are cached), SEED (42), CLIENTS (500),
# YEARS (2), WEEK (2026-W48: the week ending on the practices' last day; the week before
# it, which the report compares with, is in both practices), RUNS (rounds, 20).
# The practices are made by bench/gen-practice.c and cached under
# $BUILD/bench-practice-SEED-CLIENTS-DAYS and its .flat.csv (bench/flatten.sh), made
# again when the generator, bench/flatten.sh or the parameters change: for 2 years
# about 117 MB in 25,600 files, and 104 MB.
set -eu
week=${WEEK:-2026-W48}
# the command measured, run as: $hwk -C PRACTICE $cmd
cmd="report --week $week -f json"

bench=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/common.sh
. "$bench/common.sh"
case $week in
[0-9][0-9][0-9][0-9]-W[0-5][0-9]) ;;
*) echo "bench: WEEK=$week: not a week like 2026-W47" >&2; exit 2 ;;
esac
practices $((years * 365))
p2y=$pny

# the week's Monday and Sunday, for awk: ISO week 1 holds 4 January
y=${week%-W*} w=${week#*-W}
w=${w#0}
j4=$(date -u -d "$y-01-04" +%u)
mon=$(date -u -d "$y-01-04 -$((j4 - 1)) days +$(((w - 1) * 7)) days" +%F)
sun=$(date -u -d "$mon +6 days" +%F)

# the commands, and the same answer from each: client,assignment,type,done,partial,skipped
# of every assignment with an entry in the week, sorted
hwk_week() { # practice
	# shellcheck disable=SC2086 # $cmd is words
	"$hwk" -C "$1" $cmd | jq -r '.[] | select(.done + .partial + .skipped > 0) |
		[.client, .assignment, .type, .done, .partial, .skipped] | join(",")' | LC_ALL=C sort
}
hwk_week "$p2y" >"$d/want"
[ -s "$d/want" ] || { echo "bench: hwk reported no entries in $week" >&2; exit 1; }
set -- "${years}y='$hwk' -C '$p2y' $cmd" "2w='$hwk' -C '$p2w' $cmd" \
	"mawk=mawk -v from=$mon -v to=$sun -f '$bench/week.awk' '$flat'"
mawk -v from="$mon" -v to="$sun" -f "$bench/week.awk" "$flat" | LC_ALL=C sort >"$d/mawk"
peers=mawk
if command -v gawk >/dev/null; then
	set -- "$@" "gawk=gawk -v from=$mon -v to=$sun -f '$bench/week.awk' '$flat'"
	gawk -v from="$mon" -v to="$sun" -f "$bench/week.awk" "$flat" | LC_ALL=C sort >"$d/gawk"
	peers="$peers gawk"
fi
if command -v mlr >/dev/null; then
	mlrf="substr(\$at,0,9) >= \"$mon\" && substr(\$at,0,9) <= \"$sun\""
	set -- "$@" "miller=mlr --icsv --ocsv filter '$mlrf' then count -g client,assignment,type,status '$flat'"
	mlr --icsv --ocsv filter "$mlrf" 'then' count -g client,assignment,type,status "$flat" |
		awk -F, 'NR > 1 { k = $1 "," $2 "," $3; seen[k] = 1; n[k, $4] = $5 }
		END { for (k in seen) print k "," n[k, "done"] + 0 "," n[k, "partial"] + 0 "," n[k, "skipped"] + 0 }' |
		LC_ALL=C sort >"$d/miller"
	peers="$peers miller"
fi
for p in $peers; do
	if ! cmp -s "$d/want" "$d/$p"; then
		echo "bench: hwk and $p count the week differently:" >&2
		diff "$d/want" "$d/$p" | head -n 20 >&2
		exit 1
	fi
done
hwk_week "$p2w" >"$d/want2w"
# the 2-week practice holds the same week: the same answer is not expected (its
# clients differ), but some answer is
[ -s "$d/want2w" ] || { echo "bench: hwk reported no entries in $week on 2 weeks" >&2; exit 1; }

info() { # the generator's counts from its summary line
	sed -n 's/.*: \([0-9]* clients, [0-9]* assignments\).* \([0-9]* entries\).*, \([0-9]*\) bytes.*/\1, \2, \3/p' "$1.info" |
		awk -F', ' '{ printf "%s, %s, %s, %.0f MB", $1, $2, $3, $4 / 1e6 }'
}
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo "$years years: $(info "$p2y") ($p2y)"
echo "2 weeks: $(info "$p2w")"
echo "peers:   $(mawk -W version 2>&1 | head -1) over $(($(wc -l <"$flat") - 1)) rows, $(($(wc -c <"$flat") / 1000000)) MB ($flat); also: $peers"
echo "command: hwk -C PRACTICE $cmd; peers: $mon to $sun; same counts as hwk: $peers"
ratios="${years}y/2w ${years}y/mawk"
for p in $peers; do [ "$p" = mawk ] || ratios="$ratios ${years}y/$p"; done
# shellcheck disable=SC2086 # ratios are words
"$build/interleave" -r "$runs" -w 3 -o "$d/r.tsv" "$@" -- $ratios
awk -F'\t' -v y="${years}y" '
$1 == "time" && $2 == y { rss = $6 }
$1 == "ratio" { r[$3] = $4 }
function ok(x, limit) { return x <= limit ? "ok" : "MISSED" }
END {
	printf "target %s / 2w <= 1.2: %.2f %s\n", y, r["2w"], ok(r["2w"], 1.2)
	printf "target %s / mawk <= 0.3: %.2f %s\n", y, r["mawk"], ok(r["mawk"], 0.3)
	printf "target peak RSS of %s <= 16 MiB: %.1f MiB %s\n", y, rss / 1024, ok(rss / 1024, 16)
}' "$d/r.tsv"

# the files the report opens: at most the practice's own, one listing per client, and
# two files per assignment active in the week (its YAML and its entries)
if command -v strace >/dev/null; then
	# shellcheck disable=SC2086 # $cmd is words
	# (a file per thread: with -f alone, a call another thread interrupts is two lines)
	strace -ff -e trace=open,openat -o "$d/opens" "$hwk" -C "$p2y" $cmd >"$d/rep.json" 2>/dev/null
	opens=$(cat "$d/opens".* | grep -v -e ENOENT -e '/etc/\|/usr/\|/lib\|/proc/' | grep -c 'open')
	active=$(jq length "$d/rep.json")
	nclients=$(find "$p2y/clients" -mindepth 1 -maxdepth 1 -type d | wc -l)
	budget=$((4 + nclients + 2 * active))
	echo "report opens $opens files and folders of the practice; budget: 4 of the practice, $nclients client listings, 2 x $active active assignments = $budget  $([ "$opens" -le "$budget" ] && echo ok || echo MISSED)"
fi

# cold page cache, where the machine lets us drop it (root, /proc/sys writable)
drop="sh -c 'sync; echo 3 >/proc/sys/vm/drop_caches'"
if sh -c 'sync; echo 3 >/proc/sys/vm/drop_caches' 2>/dev/null; then
	echo "cold cache: the page cache dropped before every run"
	"$build/interleave" -r "${COLD_RUNS:-5}" -w 0 -o "$d/cold.tsv" \
		-p "cold-${years}y=$drop" -p "cold-mawk=$drop" \
		"cold-${years}y='$hwk' -C '$p2y' $cmd" \
		"cold-mawk=mawk -v from=$mon -v to=$sun -f '$bench/week.awk' '$flat'" \
		-- "cold-${years}y/cold-mawk"
	awk -F'\t' '$1 == "ratio" { printf "target cold report / cold mawk <= 1.0: %.2f %s\n", $4, $4 <= 1.0 ? "ok" : "MISSED" }' "$d/cold.tsv"
else
	echo "cold cache: skipped (dropping the page cache needs root and a writable /proc/sys)"
fi
