#!/bin/bash
# A once assignment takes one entry that says it was done (done or partial); skips may
# come before it, nothing after it: hwk log and hwk log --import refuse a second with
# the time of the first, and write nothing. See hwk-log(1), Choosing the assignment.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
# now is Friday 2026-11-27 09:00 in Berlin
ON=$(hwk -C p assign alex task --every once --start 2026-11-23)
TW=$(hwk -C p assign alex exposure --every once --start 2026-11-23)
DY=$(hwk -C p assign alex task --every day --start 2026-11-23)
dir=p/clients/alex
done_msg() { # ID STATUS AT
	echo "hwk log: $1: done already ($2 at $3): a once assignment takes one entry; to do it again, assign it again"
}

# a skip first is what got in the way: the assignment is still to do
run -C p -c alex log "$ON" --skip busy --at 2026-11-24T18:00
expect "a skip before it is done" 0 "" "task: 0 of 1 this week"
run -C p -c alex log "$ON" --skip forgot --at 2026-11-25T18:00
is "a second skip, still not done (exit)" "$rc" 0
run -C p -c alex log "$ON" --at 2026-11-26T10:00
expect "then done" 0 "" "task: 1 of 1 this week"
# now it is done: another done, a partial or a skip are all refused, naming the first
for how in "" --partial "--skip busy"; do
	# shellcheck disable=SC2086 # $how is one option or two words
	fails "done already: log $how" 1 "$(done_msg "$ON" done 2026-11-26T10:00:00+01:00)" \
		-C p -c alex log "$ON" $how
done
fails "done already, an entry dated before it" 1 "$(done_msg "$ON" done 2026-11-26T10:00:00+01:00)" \
	-C p -c alex log "$ON" --at 2026-11-23T10:00
is "three rows: two skips and the done" "$(tail -n +2 "$dir/$ON.csv" | cut -d, -f3 | tr '\n' ' ')" \
	"skipped skipped done "

# a partial entry is done too (the minimum version)
run -C p -c alex log -q "$TW" --partial step=lift --at 2026-11-25T10:00
is "a partial once (exit)" "$rc" 0
fails "after a partial" 1 "$(done_msg "$TW" partial 2026-11-25T10:00:00+01:00)" \
	-C p -c alex log "$TW" step=lift suds_peak=50

# the daily one is not held to it
run -C p -c alex log -q "$DY" --at 2026-11-26T10:00
run -C p -c alex log -q "$DY" --at 2026-11-26T11:00
is "two entries on one day of a daily assignment (exit)" "$rc" 0

# ---- import: against the file and the rows before, all or nothing ------------------------
printf '%s\n' 'assignment,at' "$DY,2026-11-24T10:00" "$ON,2026-11-24T11:00" >in.csv
fails "import: a row for a once assignment done already" 1 \
	"hwk log: in.csv:3: $(done_msg "$ON" done 2026-11-26T10:00:00+01:00 | sed 's/^hwk log: //')" \
	-C p -c alex log --import in.csv
N2=$(hwk -C p assign alex task --every once --start 2026-11-23)
printf '%s\n' 'assignment,at,status,reason' "$N2,2026-11-24T10:00,skipped,busy" \
	"$N2,2026-11-25T11:00,," "$DY,2026-11-25T12:00,," "$N2,2026-11-26T12:00,partial," >in.csv
fails "import: two done rows for a new once assignment: the second named" 1 \
	"hwk log: in.csv:5: $(done_msg "$N2" done 2026-11-25T11:00:00+01:00 | sed 's/^hwk log: //')" \
	-C p -c alex log --import in.csv
check "nothing written for it" test ! -e "$dir/$N2.csv"
sed -i '$d' in.csv
run -C p -c alex log --import in.csv
expect "import: a skip then one done" 0 "" "hwk log: 3 entries logged"
run -C p list due -f csv
like "list due: the new one is done, nothing left" "$(grep "$N2" "$T/out")" ",once,-,1,1,1,0$"

# ---- at the same moment: eight logs of one once assignment, one entry ------------------
# each reads the entries and appends under the client folder's lock, so exactly one of
# them finds it not done yet
CC=$(hwk -C p assign alex task --every once --start 2026-11-23)
for i in 1 2 3 4 5 6 7 8; do
	hwk -C p -c alex log -q "$CC" -m "try $i" 2>/dev/null &
done
wait
is "eight at once: one row" "$(tail -n +2 "$dir/$CC.csv" | wc -l)" 1

done_testing
