#!/bin/sh
# make bench: the daily lists on a practice with YEARS years of history (5 by default;
# 500 clients) against the same practice cut to 2 weeks, and a one-week listing against
# mawk scanning every entry of the flat CSV, run in turn round by round by
# bench/interleave.c; each ratio is taken per round, its median and spread printed.
# Before timing, the answers are checked: the week's entries hwk lists are the same on
# both practices (the 2-week one is the same files cut), and their counts per
# assignment are mawk's (bench/week.awk); list due is the same on both but for the once
# assignments done before the cut.
# Targets (issue 12): list due and a one-week list entries --since/--until on YEARS at
# most 1.2x the same on 2 weeks; the one-week listing at most 0.3x mawk.
#
#   sh bench/list.sh [HWK]             (HWK: build/hwk)
#
# Environment: BUILD (build: where the practices are cached), SEED (42), CLIENTS (500),
# YEARS (5), RUNS (rounds, 20). The practices are made by bench/gen-practice.c and
# cached as bench/report.sh's are.
set -eu
YEARS=${YEARS:-5}
bench=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/common.sh
. "$bench/common.sh"
practices $((years * 365))
mon=2026-11-23 sun=$end # the week ending on the practices' last day
week="list entries --since $mon --until $sun -f csv"

# the same answers
# shellcheck disable=SC2086 # $week is words
"$hwk" -C "$pny" $week >"$d/wny"
# shellcheck disable=SC2086
"$hwk" -C "$p2w" $week >"$d/w2w"
[ "$(wc -l <"$d/wny")" -gt 1 ] || { echo "bench: hwk listed no entries in $mon..$sun" >&2; exit 1; }
cmp -s "$d/wny" "$d/w2w" || { echo "bench: the week's entries differ between ${years}y and 2w" >&2; exit 1; }
# counts per assignment from hwk's CSV (a row starts where the quotes before it pair up)
mawk -F, 'NR > 1 && q % 2 == 0 { k = $1 "," $2 "," $3; seen[k] = 1; n[k, $6]++ }
	{ q += gsub(/"/, "&") }
	END { for (k in seen) print k "," n[k, "done"] + 0 "," n[k, "partial"] + 0 "," n[k, "skipped"] + 0 }' \
	"$d/wny" | LC_ALL=C sort >"$d/hwk"
mawk -v from="$mon" -v to="$sun" -f "$bench/week.awk" "$flat" | LC_ALL=C sort >"$d/mawk"
cmp -s "$d/hwk" "$d/mawk" || { echo "bench: hwk and mawk count the week differently:" >&2; diff "$d/hwk" "$d/mawk" | head -n 20 >&2; exit 1; }
"$hwk" -C "$pny" list due -f csv | awk -F, '$4 != "once"' >"$d/dny"
"$hwk" -C "$p2w" list due -f csv | awk -F, '$4 != "once"' >"$d/d2w"
[ "$(wc -l <"$d/dny")" -gt 1 ] || { echo "bench: hwk listed nothing due" >&2; exit 1; }
cmp -s "$d/dny" "$d/d2w" || { echo "bench: list due differs between ${years}y and 2w" >&2; diff "$d/dny" "$d/d2w" | head -n 20 >&2; exit 1; }

echo "list: ${years}y $(sed -n 's/^gen-practice: [^:]*: //p' "$pny.info" | cut -d, -f1-3); 2w the same cut to 2 weeks"
echo "week $mon to $sun: $(($(wc -l <"$d/hwk"))) assignments with entries, the same from hwk on both and from mawk over $(($(wc -l <"$flat") - 1)) rows; list due the same on both"
y=${years}y
"$build/interleave" -r "$runs" -w 3 -o "$d/l.tsv" \
	"due-$y='$hwk' -C '$pny' list due" "due-2w='$hwk' -C '$p2w' list due" \
	"week-$y='$hwk' -C '$pny' $week" "week-2w='$hwk' -C '$p2w' $week" \
	"mawk=mawk -v from=$mon -v to=$sun -f '$bench/week.awk' '$flat'" \
	-- "due-$y/due-2w" "week-$y/week-2w" "week-$y/mawk"
awk -F'\t' -v y="$y" '
$1 == "ratio" { r[$2 "/" $3] = $4 }
function ok(x, limit) { return x <= limit ? "ok" : "MISSED" }
END {
	printf "target list due %s / 2w <= 1.2: %.2f %s\n", y, r["due-" y "/due-2w"], ok(r["due-" y "/due-2w"], 1.2)
	printf "target week list entries %s / 2w <= 1.2: %.2f %s\n", y, r["week-" y "/week-2w"], ok(r["week-" y "/week-2w"], 1.2)
	printf "target week list entries %s / mawk <= 0.3: %.2f %s\n", y, r["week-" y "/mawk"], ok(r["week-" y "/mawk"], 0.3)
}' "$d/l.tsv"
