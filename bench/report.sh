#!/bin/sh
# make bench: `hwk report` for one week on a practice with 2 years of history (500
# clients, about 1,000,000 entries), on the same practice with 2 weeks of history, and
# awk summing the same week from one flat CSV of every entry, side by side in one
# hyperfine run; then the peak memory of each. Prints medians, ratios and peak RSS.
# Targets: 2-year within 1.2x of 2-week; 2-year at most 0.3x awk; peak RSS <= 16 MiB.
#
#   sh bench/report.sh [HWK]           (HWK: build/hwk)
#
# Environment: BUILD (build: where the practices are cached), SEED (42), CLIENTS (500),
# WEEK (2026-W48: the week ending on the practices' last day; the week before it, which
# the report compares with, is in both practices), RUNS (hyperfine's --runs; its default when empty), and BENCH_CMD,
# the hwk command measured (below; `list due` while hwk has no report).
# The practices are made by bench/gen-practice.c and cached under
# $BUILD/bench-practice-SEED (2 years), $BUILD/bench-practice-SEED-2w (2 weeks) and
# $BUILD/bench-practice-SEED.flat.csv (bench/flatten.sh), made again when the generator,
# bench/flatten.sh or the parameters change: about 117 MB in 25,600 files, and 104 MB.
set -eu
week=${WEEK:-2026-W48}
# the command measured, run as: $hwk -C PRACTICE $cmd
cmd=${BENCH_CMD:-report --week $week -f json}

hwk=$(cd "$(dirname "${1:-build/hwk}")" && pwd)/$(basename "${1:-build/hwk}")
bench=$(cd "$(dirname "$0")" && pwd)
build=${BUILD:-build}
seed=${SEED:-42} clients=${CLIENTS:-500} end=2026-11-29
for t in hyperfine mawk; do command -v $t >/dev/null || { echo "bench: $t is needed (make bench-deps)" >&2; exit 1; }; done
command -v "${CC:-cc}" >/dev/null || { echo "bench: a C compiler is needed (apt-get install gcc)" >&2; exit 1; }
[ -x "$hwk" ] || { echo "bench: $hwk: no such program (make first)" >&2; exit 1; }
case $week in
[0-9][0-9][0-9][0-9]-W[0-5][0-9]) ;;
*) echo "bench: WEEK=$week: not a week like 2026-W47" >&2; exit 2 ;;
esac
export TZ=Europe/Berlin HWK_NOW="${end}T23:00:00+01:00"
unset HWK_DIR HWK_CLIENT
if [ -z "${BENCH_CMD:-}" ] && ! "$hwk" report --help >/dev/null 2>&1; then
	echo "bench: hwk has no report command yet: measuring 'list due' instead" >&2
	cmd="list due"
fi
mkdir -p "$build"
build=$(cd "$build" && pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

# the tools, built when their source is newer
for t in gen-practice peakrss; do
	if [ ! -x "$build/$t" ] || [ -n "$(find "$bench/$t.c" -newer "$build/$t")" ]; then
		"${CC:-cc}" -O2 -o "$build/$t" "$bench/$t.c"
	fi
done
gen=$build/gen-practice

# a practice, made again unless its stamp says it was made by this generator with
# these parameters
key="$(cksum <"$bench/gen-practice.c") $(cksum <"$bench/flatten.sh") $clients $end $seed"
practice() { # dir days
	if [ "$(cat "$1.stamp" 2>/dev/null)" != "$key $2" ]; then
		rm -rf "$1" "$1.stamp" "$1.info" "$1.tmp"
		echo "bench: making $1 ($clients clients, $2 days)..." >&2
		"$gen" "$1.tmp" "$clients" "$2" "$end" "$seed" 2>"$1.info" || { cat "$1.info" >&2; exit 1; }
		mv "$1.tmp" "$1"
		cat "$1.info" >&2
		echo "$key $2" >"$1.stamp"
	fi
}
p2y=$build/bench-practice-$seed
p2w=$build/bench-practice-$seed-2w
flat=$p2y.flat.csv
if [ "$(cat "$p2y.stamp" 2>/dev/null)" != "$key 730" ]; then
	rm -f "$flat"
fi
practice "$p2y" 730
practice "$p2w" 14
if [ ! -f "$flat" ]; then
	sh "$bench/flatten.sh" "$p2y" >"$flat.tmp"
	mv "$flat.tmp" "$flat"
fi

# the week's Monday and Sunday, for awk: ISO week 1 holds 4 January
y=${week%-W*} w=${week#*-W}
w=${w#0}
j4=$(date -u -d "$y-01-04" +%u)
mon=$(date -u -d "$y-01-04 -$((j4 - 1)) days +$(((w - 1) * 7)) days" +%F)
sun=$(date -u -d "$mon +6 days" +%F)

# the three commands (paths quoted for hyperfine's own splitting under -N)
c2y="'$hwk' -C '$p2y' $cmd"
c2w="'$hwk' -C '$p2w' $cmd"
cawk="mawk -v from=$mon -v to=$sun -f '$bench/week.awk' '$flat'"
# each must work before it is timed
for c in "$c2y" "$c2w" "$cawk"; do
	if ! eval "$c" >/dev/null 2>"$d/err"; then
		echo "bench: failed: $c" >&2
		cat "$d/err" >&2
		exit 1
	fi
done

info() { # the generator's counts from its summary line
	sed -n 's/.*: \([0-9]* clients, [0-9]* assignments\).* \([0-9]* entries\).*, \([0-9]*\) bytes.*/\1, \2, \3/p' "$1.info" |
		awk -F', ' '{ printf "%s, %s, %s, %.0f MB", $1, $2, $3, $4 / 1e6 }'
}
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo "2 years: $(info "$p2y") ($p2y)"
echo "2 weeks: $(info "$p2w")"
echo "awk:     $(mawk -W version 2>&1 | head -1) over $(($(wc -l <"$flat") - 1)) rows, $(($(wc -c <"$flat") / 1000000)) MB ($flat)"
echo "command: hwk -C PRACTICE $cmd; awk: $mon to $sun"

set -- --warmup 3
[ -z "${RUNS:-}" ] || set -- "$@" --runs "$RUNS"
hyperfine -N "$@" --export-csv "$d/r.csv" \
	-n 2-year "$c2y" \
	-n 2-week "$c2w" \
	-n awk "$cawk" >"$d/hf.out" 2>&1 || { cat "$d/hf.out" >&2; exit 1; }

# peak resident set size, the highest of 3 runs, in MiB
peak() { # command...
	m=0
	for _ in 1 2 3; do
		"$build/peakrss" -o "$d/rss" "$@" >/dev/null 2>&1
		r=$(cat "$d/rss")
		[ "$r" -le "$m" ] || m=$r
	done
	awk -v k="$m" 'BEGIN { printf "%.1f", k / 1024 }'
}
# shellcheck disable=SC2086 # $cmd is words
r2y=$(peak "$hwk" -C "$p2y" $cmd)
# shellcheck disable=SC2086
r2w=$(peak "$hwk" -C "$p2w" $cmd)
rawk=$(peak mawk -v from="$mon" -v to="$sun" -f "$bench/week.awk" "$flat")

awk -F, -v r2y="$r2y" -v r2w="$r2w" -v rawk="$rawk" '
NR > 1 { m[$1] = $4 * 1000 }	# command,mean,stddev,median,... in seconds
function ok(x, limit) { return x <= limit ? "ok" : "MISSED" }
END {
	printf "median ms: 2-year %.1f  2-week %.1f  awk %.1f\n", m["2-year"], m["2-week"], m["awk"]
	a = m["2-year"] / m["2-week"]; b = m["2-year"] / m["awk"]
	printf "ratio 2-year / 2-week: %.2f   (target <= 1.2)  %s\n", a, ok(a, 1.2)
	printf "ratio 2-year / awk:    %.2f   (target <= 0.3)  %s\n", b, ok(b, 0.3)
	printf "peak RSS MiB: 2-year %s  2-week %s  awk %s   (target <= 16 for hwk)  %s\n", r2y, r2w, rawk, ok(r2y + 0, 16)
}' "$d/r.csv"
