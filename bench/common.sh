# bench/common.sh: what bench/report.sh and bench/clinic.sh share, sourced after they
# set $1 (HWK). Sets hwk, bench, build, seed, clients, years, runs, end, d (a temporary
# folder removed on exit), builds bench/gen-practice.c and bench/interleave.c into
# $build, and defines practice DIR DAYS: a generated practice, cached under DIR, and
# practices DAYS (below).
# shellcheck shell=sh disable=SC2034 # the variables are for the scripts that source it
: "${bench:?set by the script that sources this}"
hwk=$(cd "$(dirname "${1:-build/hwk}")" && pwd)/$(basename "${1:-build/hwk}")

build=${BUILD:-build}
seed=${SEED:-42} clients=${CLIENTS:-500} years=${YEARS:-2} runs=${RUNS:-20} end=2026-11-29
for t in mawk jq; do command -v $t >/dev/null || { echo "bench: $t is needed (make bench-deps)" >&2; exit 1; }; done
command -v "${CC:-cc}" >/dev/null || { echo "bench: a C compiler is needed (apt-get install gcc)" >&2; exit 1; }
[ -x "$hwk" ] || { echo "bench: $hwk: no such program (make first)" >&2; exit 1; }
export TZ=Europe/Berlin HWK_NOW="${end}T23:00:00+01:00"
unset HWK_DIR HWK_CLIENT
mkdir -p "$build"
build=$(cd "$build" && pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT

# the tools, built when their source is newer
for t in gen-practice interleave; do
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

# practices DAYS: the practice with DAYS days of history ($pny), the same cut to 2 weeks
# ($p2w) and the flat CSV of every entry of the first ($flat, bench/flatten.sh), each
# made unless cached
practices() {
	pny=$build/bench-practice-$seed-$clients-$1
	p2w=$build/bench-practice-$seed-$clients-14
	flat=$pny.flat.csv
	if [ "$(cat "$pny.stamp" 2>/dev/null)" != "$key $1" ]; then
		rm -f "$flat"
	fi
	practice "$pny" "$1"
	practice "$p2w" 14
	if [ ! -f "$flat" ]; then
		sh "$bench/flatten.sh" "$pny" >"$flat.tmp"
		mv "$flat.tmp" "$flat"
	fi
}
