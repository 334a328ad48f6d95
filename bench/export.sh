#!/bin/sh
# make bench: `hwk list entries -f csv`, every entry of the practice with YEARS years of
# history (500 clients, about 1,000,000 entries over 2 years; the report bench's), and
# libcsv parsing the same entries files in 64 KiB chunks (bench/csvparse.c: it counts
# the rows, the floor under an export that parses and writes them), run in turn round by
# round by bench/interleave.c; the ratio is taken per round, its median and spread
# printed. Before timing, the rows hwk exports (counted by libcsv) are checked against
# the rows the peer parsed.
# Target (issue 12): the export at most 1.5x the libcsv parse.
#
#   sh bench/export.sh [HWK]           (HWK: build/hwk)
#
# Environment: BUILD (build: where the practice is cached), SEED (42), CLIENTS (500),
# YEARS (2), RUNS (rounds, 20). The practice is bench/report.sh's, made the same way.
set -eu
bench=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/common.sh
. "$bench/common.sh"
if [ ! -x "$build/csvparse" ] || [ -n "$(find "$bench/csvparse.c" -newer "$build/csvparse")" ]; then
	"${CC:-cc}" -O2 -o "$build/csvparse" "$bench/csvparse.c" -lcsv
fi
p=$build/bench-practice-$seed-$clients-$((years * 365))
practice "$p" $((years * 365))

# the same answer: as many rows exported as libcsv finds in the files
rows=$("$build/csvparse" "$p")
"$hwk" -C "$p" list entries -f csv >"$d/export.csv"
got=$("$build/csvparse" - <"$d/export.csv")
[ "$got" = "$rows" ] || { echo "bench: hwk exported $got rows, libcsv parsed $rows" >&2; exit 1; }
echo "export: $rows rows, $(($(wc -c <"$d/export.csv") / 1000000)) MB of CSV from $(find "$p/clients" -name '*.csv' | wc -l) files; same rows as libcsv"
rm -f "$d/export.csv"
# export: as a clinician's second export finds the practice (the columns of each client
# kept in .hwk.cache by the first); export-nocache: the cache removed before each run,
# so that the columns are learnt by reading every assignment file once more
"$build/interleave" -r "$runs" -w 2 -o "$d/e.tsv" \
	"export='$hwk' -C '$p' list entries -f csv" "libcsv='$build/csvparse' '$p'" \
	"export-nocache=sh -c 'rm -f \"\$1/.hwk.cache\"; exec \"\$2\" -C \"\$1\" list entries -f csv' sh '$p' '$hwk'" \
	-- export/libcsv export-nocache/libcsv
awk -F'\t' '$1 == "ratio" && $2 == "export" { printf "target export / libcsv <= 1.5: %.2f %s\n", $4, $4 <= 1.5 ? "ok" : "MISSED" }
$1 == "ratio" && $2 == "export-nocache" { printf "(no local cache: export / libcsv %.2f)\n", $4 }' "$d/e.tsv"
