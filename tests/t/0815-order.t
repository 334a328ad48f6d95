#!/bin/bash
# Rows out of logged order, as git's own union driver leaves them when two copies of a
# client folder each logged while apart: the counts that read from the end of the file
# (log's line, list due, report, review) must still see every row. hwk reads such a file
# whole; a file it has seen in order (the practice's .hwk.cache) is read from the end again.
. "$(dirname "$0")/../lib.sh"

export HWK_NOW=2026-11-11T20:00:00+01:00
hwk init p >/dev/null 2>&1
S=$(hwk -C p assign alex task --every day --start 2026-11-02 2>>"$T/setup.err")
csv=p/clients/alex/$S.csv
row() { # DAY HOUR (the entry at and logged then)
	printf '%sT%s:00:00+01:00,%sT%s:00:00+01:00,done,,\n' "$1" "$2" "$1" "$2"
}
# a union merge: the common rows (2 and 3 November), ours (4 to 10 November, logged
# each evening), then theirs (logged on 5 and 6 November by a clone that was away)
{
	echo at,logged,status,reason,note,replaces
	row 2026-11-02 20
	row 2026-11-03 20
	for d in 04 05 06 07 08 09 10; do row 2026-11-$d 21; done
	row 2026-11-05 07
	row 2026-11-06 07
} >"$csv"

# Week 46 is Monday 9 to Sunday 15 November: done on the 9th and 10th, from ours. Read
# back from the end, the file's last rows (theirs, logged on the 6th) are older than
# the week: a reader that trusted the order would stop there and count 0.
run -C p report --week 2026-W46 -f json
is "report: both entries of the week (exit)" "$rc" 0
# (a week under way expects the days up to today: 9th, 10th, 11th)
is "report: done 2 of the 9th and 10th" "$(jq -c '.[0] | [.done, .expected]' "$T/out")" "[2,3]"
run -C p list due -f tsv
# Wednesday 11th: 9th and 10th done; expected so far in the week 7 (every day)
is "list due: the week's 2" "$(cut -f6 "$T/out" | tail -n 1)" 2
check "a file out of order is not noted as seen in order" \
	sh -c "! grep -qs '^o clients/alex/$S.csv ' p/.hwk.cache"
run -C p log "$S" -q </dev/null
is "log (exit)" "$rc" 0
run -C p log "$S" </dev/null
# 9th, 10th, and two logs today (log's line counts each day the task asks for once)
like "log's line: the 9th, the 10th and today" "$(cat "$T/err")" "task: 3 of 7 this week"

# put in order (as hwk sync would): then noted, and read from the end
{ head -n 1 "$csv"; tail -n +2 "$csv" | sort -t, -k2,2; } >"$T/sorted" && cat "$T/sorted" >"$csv"
run -C p report --week 2026-W46 -f json
is "in order: the same count" "$(jq -c '.[0] | [.done, .expected]' "$T/out")" "[4,3]"
like "in order, the file is noted with its inode and size" "$(grep '^o ' p/.hwk.cache)" \
	"^o clients/alex/$S.csv $(stat -c %i "$csv") $(stat -c %s "$csv")$"
is ".hwk.cache is private" "$(stat -c %a p/.hwk.cache)" 600
check "... and no client folder has a cache of its own" sh -c '! find p/clients -name .hwk.cache | grep -q .'

# the whole history lies in the weeks the report reads, so it is read whole again: the
# note already says so, and is not written anew (a temp file and a rename a file, every
# run, made the report on a short history slower than on a long one)
noted=$(stat -c '%i %Y' p/.hwk.cache)
run -C p report --week 2026-W46 -f json
is "read whole again: the same count" "$(jq -c '.[0] | [.done, .expected]' "$T/out")" "[4,3]"
is "... and .hwk.cache, already right, is not written again" \
	"$(stat -c '%i %Y' p/.hwk.cache)" "$noted"

# a new file of the same name (git writes files anew) out of order again: its inode is
# another, so it is read whole
{
	head -n 1 "$csv"
	tail -n +2 "$csv" | sort -t, -k2,2 | grep -v '2026-11-0[56]T07'
	row 2026-11-05 07
	row 2026-11-06 07
} >"$T/again" && mv "$T/again" "$csv"
run -C p report --week 2026-W46 -f json
is "written anew out of order: still every row" "$(jq -c '.[0] | [.done, .expected]' "$T/out")" "[4,3]"
run -C p list due -f tsv
is "... and list due's week (its days)" "$(cut -f6 "$T/out" | tail -n 1)" 3

# appended to by hwk after being noted: still read from the end, and right
{ head -n 1 "$csv"; tail -n +2 "$csv" | sort -t, -k2,2; } >"$T/sorted2" && mv "$T/sorted2" "$csv"
hwk -C p list due >/dev/null 2>&1
HWK_NOW=2026-11-12T20:00:00+01:00 run -C p log "$S" </dev/null
like "after appends, log's line counts 4 days" "$(cat "$T/err")" "task: 4 of 7 this week"
run -C p review alex --until 2026-11-12
like "review counts the week's days done" "$(cat "$T/out")" "$S"

is "setup went well" "$(cat "$T/setup.err")" ""
done_testing
