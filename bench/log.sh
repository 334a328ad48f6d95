#!/bin/sh
# make bench: `hwk log` on an assignment with 100,000 entries, with 10 entries, the floor
# under a durable log (bench/append.c: append the same row to a file of the same size and
# fdatasync it) and /bin/true, run in turn round by round by bench/interleave.c. Prints
# medians, and each ratio taken per round with its spread. Targets: 100k within 10% of 10; both at most 1.5x the floor (issue 11: log
# fdatasyncs before it confirms); the ratio to /bin/true is shown for the record.
# Then, with commit: true (hwk(5)) in a client folder that is its own git repository,
# `hwk log` with its commit against `git commit -q -- FILE` of the same row appended
# beforehand (untimed) and against `hwk log` without the setting: what the commit
# costs. The issue sets no target; the ratios are printed for the record.
set -eu
hwk=$(cd "$(dirname "${1:-build/hwk}")" && pwd)/$(basename "${1:-build/hwk}")
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
"${CC:-cc}" -O2 -o "$d/append" "$(dirname "$0")/append.c"
"${CC:-cc}" -O2 -o "$d/interleave" "$(dirname "$0")/interleave.c"
export TZ=Europe/Berlin HWK_NOW=2026-11-27T09:00:00+01:00
unset HWK_DIR HWK_CLIENT
"$hwk" init "$d/p" 2>/dev/null
big=$("$hwk" -C "$d/p" assign big sleep --start 2026-01-01)
small=$("$hwk" -C "$d/p" assign small sleep --start 2026-01-01)
# history: 100,000 entries (many a day: what matters is the file's size), and 10; in
# both, the last 5 rows fall in the current week (Monday 23 to Friday 27 November), as
# a client's would. Rows are in strictly increasing logged order, as hwk log appends
# them: the tail reader then reads only the newest rows, as on a real history (rows out
# of order would make it read the whole file every time, and time something else).
# Format version 2 (hwk(5)): the header ends in replaces, empty (a trailing comma) in
# every row, as hwk log writes it; hwk refuses to append under a header without it.
gen() { # count file
	awk -v n="$1" 'BEGIN {
		print "at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality,replaces"
		for (i = 0; i < n; i++) {
			if (i >= n - 5) { m = 11; dd = 23 + i - (n - 5) }
			else { day = 1 + int(i * 300 / n); m = 1 + int((day - 1) / 28); dd = 1 + (day - 1) % 28 }
			# the row of the day, a second apart from 07:00:00 on (up to 334 a day)
			k = (day == pday && i < n - 5) ? k + 1 : 0
			pday = i < n - 5 ? day : 0
			t = sprintf("2026-%02d-%02dT07:%02d:%02d+01:00", m, dd, int(k / 60), k % 60)
			printf "%s,%s,done,,\"note, with \"\"quotes\"\"\",23:40,23:50,20,2,15,06:50,07:05,3,\n", t, t
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
log="log sleep bed=23:40 wake=06:50 out_of_bed=07:05 -q"
"$d/interleave" -r "${RUNS:-500}" -w 20 -o "$d/r.tsv" \
	-p "log-100k=truncate -s $bigs $bigf" -p "log-10=truncate -s $smalls $smallf" \
	-p "floor=truncate -s $smalls floor.csv" \
	"log-100k='$hwk' -c big $log" "log-10='$hwk' -c small $log" \
	"floor='$d/append' floor.csv '$row'" "true=/bin/true" \
	-- log-100k/log-10 log-100k/floor log-10/floor log-10/true
awk -F'\t' '$1 == "ratio" { r[$2 "/" $3] = $4 }
function ok(x, limit) { return x <= limit ? "ok" : "MISSED" }
END {
	printf "target log-100k / log-10 <= 1.10: %.2f %s\n", r["log-100k/log-10"], ok(r["log-100k/log-10"], 1.10)
	printf "target log-100k / floor <= 1.5: %.2f %s\n", r["log-100k/floor"], ok(r["log-100k/floor"], 1.5)
	printf "target log-10 / floor <= 1.5: %.2f %s\n", r["log-10/floor"], ok(r["log-10/floor"], 1.5)
	printf "log-10 / /bin/true: %.2f (no target: the disk sets it)\n", r["log-10/true"]
}' "$d/r.tsv"

# ---- commit: true, a client repository ----
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
"$hwk" init "$d/c" 2>/dev/null
printf 'commit: true\n' >>"$d/c/hwk.yaml"
ca=$("$hwk" -C "$d/c" assign alex sleep --start 2026-01-01)
cd "$d/c/clients/alex"
gen 10 "$ca.csv"
printf '.hwk.*\n' >.gitignore
git init -q && git config user.name bench && git config user.email bench@example.org
git add -A && git commit -q -m start
base=$(git rev-parse HEAD)
cd "$d/c"
cf=clients/alex/$ca.csv
printf '%s\n' "$row" >row.txt
"$d/interleave" -r "${RUNS_COMMIT:-200}" -w 10 -o "$d/c.tsv" \
	-p "log-commit=git -C clients/alex reset -q --hard $base" \
	-p "git-commit=sh -c 'git -C clients/alex reset -q --hard $base && cat row.txt >>$cf'" \
	-p "log-off=truncate -s $smalls $d/p/$smallf" \
	"log-commit='$hwk' -c alex $log" \
	"git-commit=git -C clients/alex commit -q --no-verify -m 'log: alex sleep 2026-11-27 done' -- $ca.csv" \
	"log-off='$hwk' -C $d/p -c small $log" \
	-- log-commit/git-commit log-commit/log-off
git -C clients/alex log -1 --format='last commit: %s' | grep -q 'log: alex sleep 2026-11-27 done' ||
	{ echo "bench: hwk log made no commit" >&2; exit 1; }
awk -F'\t' '$1 == "ratio" { r[$2 "/" $3] = $4 }
END {
	printf "log with commit / git commit of the same row alone: %.2f (no target given)\n", r["log-commit/git-commit"]
	printf "log with commit / log without: %.2f\n", r["log-commit/log-off"]
}' "$d/c.tsv"
