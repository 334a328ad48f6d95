#!/bin/sh
# make bench: `hwk log` on an assignment with 100,000 entries, with 10 entries, the floor
# under a durable log (bench/append.c: append the same row to a file of the same size and
# fdatasync it) and /bin/true, measured side by side in one hyperfine run. Prints medians
# and ratios. Targets: 100k within 10% of 10; both at most 1.5x the floor (issue 11: log
# fdatasyncs before it confirms); the ratio to /bin/true is shown for the record.
set -eu
hwk=$(cd "$(dirname "${1:-build/hwk}")" && pwd)/$(basename "${1:-build/hwk}")
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (make bench-deps)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: jq is needed (make bench-deps)" >&2; exit 1; }
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"${CC:-cc}" -O2 -o "$d/append" "$(dirname "$0")/append.c"
export TZ=Europe/Berlin HWK_NOW=2026-11-27T09:00:00+01:00
unset HWK_DIR HWK_CLIENT
"$hwk" init "$d/p" 2>/dev/null
big=$("$hwk" -C "$d/p" assign big sleep --start 2026-01-01)
small=$("$hwk" -C "$d/p" assign small sleep --start 2026-01-01)
# history: 100,000 entries (many a day: what matters is the file's size), and 10; in
# both, the last 5 rows fall in the current week (Monday 23 to Friday 27 November), as
# a client's would
gen() { # count file
	awk -v n="$1" 'BEGIN {
		print "at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality"
		for (i = 0; i < n; i++) {
			if (i >= n - 5) { m = 11; dd = 23 + i - (n - 5) }
			else { day = 1 + int(i * 300 / n); m = 1 + int((day - 1) / 28); dd = 1 + (day - 1) % 28 }
			t = sprintf("2026-%02d-%02dT07:%02d:00+01:00", m, dd, i % 60)
			printf "%s,%s,done,,\"note, with \"\"quotes\"\"\",23:40,23:50,20,2,15,06:50,07:05,3\n", t, t
		}
	}' >"$2"
}
gen 100000 "$d/p/clients/big/$big.csv"
gen 10 "$d/p/clients/small/$small.csv"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo "entries: big $(($(wc -l <"$d/p/clients/big/$big.csv") - 1)) rows ($(du -h "$d/p/clients/big/$big.csv" | cut -f1)), small 10 rows"
cd "$d/p"
# every run appends a row; --prepare cuts it off again (untimed), so each run logs onto
# the same history
bigf=clients/big/$big.csv smallf=clients/small/$small.csv
bigs=$(wc -c <"$bigf") smalls=$(wc -c <"$smallf")
# the floor appends what log appends, to a copy of the small file on the same disk
"$hwk" -c small log sleep bed=23:40 wake=06:50 out_of_bed=07:05 -q
row=$(tail -n 1 "$smallf")
truncate -s "$smalls" "$smallf"
cp "$smallf" floor.csv
hyperfine -N --warmup 50 --runs 1000 --export-json "$d/r.json" \
	--prepare "truncate -s $bigs $bigf" \
	-n "log-100k" "$hwk -c big log sleep bed=23:40 wake=06:50 out_of_bed=07:05 -q" \
	--prepare "truncate -s $smalls $smallf" \
	-n "log-10" "$hwk -c small log sleep bed=23:40 wake=06:50 out_of_bed=07:05 -q" \
	--prepare "truncate -s $smalls floor.csv" \
	-n "floor" "$d/append floor.csv '$row'" \
	--prepare "true" \
	-n "true" "/bin/true" >/dev/null 2>&1
jq -r '.results | (map({(.command): .median}) | add) as $m |
	"median ms: log-100k \($m["log-100k"] * 1000 | . * 1000 | round / 1000)  log-10 \($m["log-10"] * 1000 | . * 1000 | round / 1000)  floor \($m["floor"] * 1000 | . * 1000 | round / 1000)  /bin/true \($m["true"] * 1000 | . * 1000 | round / 1000)",
	"ratio log-100k / log-10:    \($m["log-100k"] / $m["log-10"] | . * 100 | round / 100)   (target <= 1.10)",
	"ratio log-100k / floor:     \($m["log-100k"] / $m["floor"] | . * 100 | round / 100)   (target <= 1.5)",
	"ratio log-10 / floor:       \($m["log-10"] / $m["floor"] | . * 100 | round / 100)   (target <= 1.5)",
	"ratio log-10 / /bin/true:   \($m["log-10"] / $m["true"] | . * 100 | round / 100)   (no target: the disk sets it)"' "$d/r.json"
