#!/bin/sh
# check-gen.sh [HWK]: checks bench/gen-practice.c against the real hwk, so that the
# benchmark's practice stays what hwk itself writes:
#  1. a small practice (CLIENTS clients, 730 days) is made twice: by gen-practice, and
#     by replaying with hwk the assign/edit/end/log commands gen-practice -s writes
#     (HWK_NOW set to each moment); every file must be the same, byte for byte, but
#     for the four random hex digits of the ids;
#  2. modes: files 0600, folders 0700;
#  3. the same generator cut to 14 days gives the same files as the 730-day one in
#     those 14 days (assignments active then, rows dated then);
#  4. bench/flatten.sh + bench/week.awk count the same entries of a week as
#     hwk list entries.
set -eu
hwk=$(cd "$(dirname "${1:-build/hwk}")" && pwd)/$(basename "${1:-build/hwk}")
bench=$(cd "$(dirname "$0")" && pwd)
clients=${CLIENTS:-3} end=2026-11-29 seed=${SEED:-7}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export TZ=Europe/Berlin
unset HWK_DIR HWK_CLIENT HWK_NOW
"${CC:-cc}" -O2 -o "$d/gen" "$bench/gen-practice.c"
fail=0
no() { echo "check-gen: FAIL: $*" >&2; fail=1; }

"$d/gen" -s "$d/replay.sh" "$d/gen730" "$clients" 730 "$end" "$seed" 2>"$d/gen.log"
cat "$d/gen.log" >&2
HWK_NOW=2020-01-01T12:00:00+01:00 "$hwk" init "$d/hwk730" 2>/dev/null
start=$(date +%s)
HWK=$hwk P=$d/hwk730 sh "$d/replay.sh" 2>"$d/replay.err" || { cat "$d/replay.err" >&2; no "replay with hwk failed"; }
echo "check-gen: replayed $(grep -cF "\"\$HWK\"" "$d/replay.sh") hwk commands in $(($(date +%s) - start)) s" >&2

# the same tree with the ids' hex digits made xxxx, in names and in contents; without
# hwk's local state (.hwk.lock, .hwk.cache: never committed, hwk(5) LAYOUT)
norm() { # from to
	(cd "$1" && find . -type d) | while read -r p; do mkdir -p "$2/$p"; done
	(cd "$1" && find . -type f ! -name '.hwk.*') | while read -r p; do
		q=$(printf '%s\n' "$p" | sed -E 's/([0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z][a-z0-9-]*)-[0-9a-f]{4}/\1-xxxx/g')
		sed -E 's/([0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z][a-z0-9-]*)-[0-9a-f]{4}/\1-xxxx/g' "$1/$p" >"$2/$q"
	done
}
norm "$d/gen730" "$d/n-gen"
norm "$d/hwk730" "$d/n-hwk"
if diff -r "$d/n-hwk" "$d/n-gen" >"$d/diff"; then
	echo "check-gen: ok: gen-practice writes what hwk writes ($(find "$d/gen730" -type f | wc -l) files)" >&2
else
	head -40 "$d/diff" >&2
	no "gen-practice and hwk differ"
fi

bad=$(find "$d/gen730" \( -type f ! -perm 0600 \) -o \( -type d ! -perm 0700 \) | head -3)
[ -z "$bad" ] || no "modes: $bad"

# 14 days: the files it writes are those of the 730-day practice, cut
"$d/gen" "$d/gen14" "$clients" 14 "$end" "$seed" 2>/dev/null
(cd "$d/gen14" && find . -type f | sort) >"$d/files14"
while read -r f; do
	case $f in
	*.csv) head -1 "$d/gen730/$f" >"$d/cut"
		# rows dated from 2026-11-16; a row goes on while its quotes are open
		tail -n +2 "$d/gen730/$f" | awk -F, '!inq { keep = $1 >= "2026-11-16" } keep { print } gsub(/"/, "\"") % 2 { inq = !inq }' >>"$d/cut"
		cmp -s "$d/cut" "$d/gen14/$f" || no "14 days: $f is not the 730-day one cut" ;;
	*) cmp -s "$d/gen730/$f" "$d/gen14/$f" || no "14 days: $f differs" ;;
	esac
done <"$d/files14"
export HWK_NOW=2026-11-29T23:00:00+01:00
n730=$("$hwk" -C "$d/gen730" list entries --since 2026-11-16 -f tsv | wc -l)
n14=$("$hwk" -C "$d/gen14" list entries -f tsv | wc -l)
[ "$n730" = "$n14" ] || no "14 days: $n14 rows, but the 730-day practice has $n730 in those days"

# the awk baseline counts what hwk counts
sh "$bench/flatten.sh" "$d/gen730" >"$d/flat.csv"
awk -v from=2026-11-16 -v to=2026-11-22 -f "$bench/week.awk" "$d/flat.csv" | sort >"$d/w-awk"
"$hwk" -C "$d/gen730" list entries --since 2026-11-16 --until 2026-11-22 -f tsv |
	awk -F'\t' 'NR > 1 { k = $1 "," $2 "," $3; s[k] = 1; n[k, $6]++ }
	END { for (k in s) print k "," n[k, "done"] + 0 "," n[k, "partial"] + 0 "," n[k, "skipped"] + 0 }' |
	sort >"$d/w-hwk"
cmp -s "$d/w-awk" "$d/w-hwk" || no "week.awk and hwk list entries count differently"
[ "$(($(wc -l <"$d/flat.csv") - 1))" = "$("$hwk" -C "$d/gen730" list entries -f tsv | tail -n +2 | wc -l)" ] ||
	no "flatten.sh: not one row per entry"

[ "$fail" = 0 ] && echo "check-gen: all ok" >&2
exit "$fail"
