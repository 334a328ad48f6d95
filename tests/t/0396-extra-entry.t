#!/bin/bash
# An extra entry on a day the schedule does not name is kept but counts for nothing: a
# Saturday entry of a mon,wed,fri assignment does not make up for a missed Wednesday.
# One rule (lib/adherence.c) for log's line, list due, review and report. See hwk(5),
# REVIEWS, and hwk-log(1), Confirmation.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
# now is Friday 2026-11-27 09:00 in Berlin; weeks start on Monday
MWF=$(hwk -C p assign alex task --every mon,wed,fri --start 2026-11-16)
W3=$(hwk -C p assign alex task --every 3/week --start 2026-11-16)

# ---- last week, 2026-W47 (Mon 16 .. Sun 22) ----------------------------------------------
# mon,wed,fri: done Monday 16 and Friday 20, nothing Wednesday 18, extra Saturday 21 and
# Sunday 22. Expected 3 (Mon, Wed, Fri). Counted: Mon 1 + Fri 1 + Sat 0 + Sun 0 = 2.
# Missed 3 - 2 - 0 skipped = 1; completion 2/3 = 66.7 %. (It was 4, capped at 3: 100 %.)
# 3/week with the same four entries: every entry counts, 4, capped at 3: 100 %, none missed.
for at in mon:2026-11-16 fri:2026-11-20 sat:2026-11-21 sun:2026-11-22; do
	lg p alex "$MWF" --at "${at#*:}T19:00"
	lg p alex "$W3" --at "${at#*:}T19:00"
done
is "setup" "$setup_failed" 0
# col NAME ID: the column NAME of the report's row for assignment ID in $T/out (the one
# quoted cell, "mon,wed,fri", made one without commas first)
col() {
	sed 's/"mon,wed,fri"/mwf/' "$T/out" |
		awk -F, -v name="$1" -v id="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i }
			$3 == id { print $c }'
}
run -C p report --week 2026-W47 alex -f csv
is "report exit" "$rc" 0
is "mon,wed,fri: expected 3, done 4, missed 1, 66.7 %" \
	"$(for c in expected done missed completion; do col $c "$MWF"; done | tr '\n' ' ')" "3 4 1 66.7 "
is "3/week: expected 3, done 4, missed 0, 100 %" \
	"$(for c in expected done missed completion; do col $c "$W3"; done | tr '\n' ' ')" "3 4 0 100.0 "

# ---- this week (Mon 23 .. today, Friday 27) ----------------------------------------------
# mon,wed,fri: done Monday 23; Wednesday 25 missed; an extra entry on Thursday 26.
# The week expects 3; counted so far: Mon 1 + Thu 0 = 1, so the line says 1 of 3.
lg p alex "$MWF" --at 2026-11-23T19:00
run -C p -c alex log "$MWF" --at 2026-11-26T19:00
expect "log on a day the schedule does not name: counts for nothing" 0 "" "task: 1 of 3 this week"
# list due: today, Friday, is named and has no entry: due; week 1; expected up to today
# (Mon, Wed, Fri) 3, the whole week 3; 2 left
run -C p list due -f csv
is "list due: due, 1 of 3, 2 left" "$(grep "$MWF" "$T/out" | sed 's/"mon,wed,fri"/mwf/' | cut -d, -f5-)" \
	"due,1,3,3,2"
# review: from the start to yesterday, Thursday 26. Expected W47 3 + this week Mon 23 and
# Wed 25, 2 = 5; counted W47 2 + this week Mon 1 + Thu 0 = 3; done 4 + 2 = 6 entries;
# missed 5 - 3 - 0 = 2; completion 3/5 = 60 %. (Before: W47 3 + this week 2 = 5 of 5.)
run -C p review alex
is "review: done 6, missed 2 of 5, 60%" "$(grep -A1 "($MWF)" "$T/out" | tail -n 1)" \
	"  done 6, partial 0, skipped 0, missed 2 of 5 expected: 60% completed"

done_testing
