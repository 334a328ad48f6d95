#!/bin/sh
# make bench-clinic: a clinic's scale, 1,500 clients with 5 years of history (about 7.4
# million entries; CLIENTS= and YEARS= change it), generated once and cached like the
# report bench's practices (several GB and minutes to make). Times, round by round,
# the weekly report, list due, a one-week export (list entries --since/--until -f csv)
# and the review of one client, and prints each one's median time and peak RSS.
# Targets (issue 12): peak RSS <= 16 MiB for every command.
#
#   sh bench/clinic.sh [HWK]           (HWK: build/hwk)
#
# Environment: BUILD (build), SEED (42), CLIENTS (1500), YEARS (5), RUNS (5).
set -eu
CLIENTS=${CLIENTS:-1500} YEARS=${YEARS:-5} RUNS=${RUNS:-5}
bench=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/common.sh
. "$bench/common.sh"
p=$build/bench-practice-$seed-$clients-$((years * 365))
practice "$p" $((years * 365))
client=$(find "$p/clients" -mindepth 1 -maxdepth 1 -type d | sort | head -n 1)
client=${client##*/}
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
echo "practice: $(sed -n 's/^gen-practice: [^:]*: //p' "$p.info")"
echo "review of $client; week 2026-W48 (2026-11-23 to 2026-11-29)"
set -- "report='$hwk' -C '$p' report --week 2026-W48 -f json" \
	"due='$hwk' -C '$p' list due" \
	"export='$hwk' -C '$p' list entries --since 2026-11-23 --until 2026-11-29 -f csv" \
	"review='$hwk' -C '$p' -c $client review"
"$build/interleave" -r "$runs" -w 1 -o "$d/r.tsv" "$@"
awk -F'\t' '$1 == "time" { printf "target peak RSS of %s <= 16 MiB: %.1f MiB %s\n", $2, $6 / 1024, $6 / 1024 <= 16 ? "ok" : "MISSED" }' "$d/r.tsv"
