#!/bin/bash
# Format version 3 (hwk(5), FORMAT VERSIONS): an ended assignment lives in its client's
# ended/YYYY/, YYYY the year of its last day. An end across a new year lands by that
# day; commands about a past period (list entries, list assignments --all, review,
# report) find the ended ones in older year folders, and one about a week opens no other
# year's folder; an id found in an older year folder is never drawn again.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
# at WHEN CMD...: CMD with hwk's clock at WHEN
at() { local when=$1; shift; HWK_NOW=$when "$@"; }
d=p/clients/alex

# ---- a history over five years ------------------------------------------------------------
A=$(at 2022-03-01T09:00:00+01:00 asg p alex task --start 2022-03-01)
at 2022-03-02T09:00:00+01:00 lg p alex "$A" --at 2022-03-02T08:00
at 2022-03-10T09:00:00+01:00 hwk -C p assign --end "$A" 2>>"$T/setup.err"
B=$(at 2024-06-03T09:00:00+02:00 asg p alex task --start 2024-06-03)
at 2024-06-04T09:00:00+02:00 lg p alex "$B" --at 2024-06-04T08:00
at 2024-06-05T09:00:00+02:00 lg p alex "$B" --at 2024-06-05T08:00
at 2024-06-20T09:00:00+02:00 hwk -C p assign --end "$B" 2>>"$T/setup.err"
# two ended at a new year: on 31 December (recorded on 1 January) and on 1 January
C=$(at 2026-12-20T09:00:00+01:00 asg p alex task --start 2026-12-20)
D=$(at 2026-12-20T09:00:00+01:00 asg p alex mindfulness --start 2026-12-20)
at 2026-12-30T09:00:00+01:00 lg p alex "$C" --at 2026-12-30T08:00
at 2026-12-31T09:00:00+01:00 lg p alex "$D" practice=breathing minutes=10 --at 2026-12-31T08:00
at 2027-01-01T09:00:00+01:00 lg p alex "$D" practice=breathing minutes=12 --at 2027-01-01T08:00
at 2027-01-01T10:00:00+01:00 hwk -C p assign --end "$C" --at 2026-12-31 2>>"$T/setup.err"
at 2027-01-01T10:00:00+01:00 hwk -C p assign --end "$D" 2>>"$T/setup.err"
E=$(at 2027-01-04T09:00:00+01:00 asg p alex task --start 2027-01-04)
at 2027-01-05T09:00:00+01:00 lg p alex "$E" --at 2027-01-05T08:00
# a write once their 31 days in the folder are over moves the two ended at the new year
at 2027-02-10T09:00:00+01:00 hwk -C p assign --edit "$E" --when later 2>>"$T/setup.err"
is "the history was made" "$setup_failed $(cat "$T/setup.err")" "0 "

export HWK_NOW=2027-02-10T09:00:00+01:00
is "each ended assignment is in the year folder of its last day" \
	"$(cd $d && find . -path './ended/*' -type f | sort)" \
	"$(printf '%s\n' "./ended/2022/$A.csv" "./ended/2022/$A.ended-2022-03-10.yaml" \
		"./ended/2024/$B.csv" "./ended/2024/$B.ended-2024-06-20.yaml" \
		"./ended/2026/$C.csv" "./ended/2026/$C.ended-2026-12-31.yaml" \
		"./ended/2027/$D.csv" "./ended/2027/$D.ended-2027-01-01.yaml" | sort)"
is "ended/ and its year folders are 0700, their files 0600" \
	"$(cd $d && find ended -printf '%m %y\n' | sort -u)" "$(printf '600 f\n700 d')"
is "the active one stays in the folder" "$(cd $d && find . -maxdepth 1 -name "*.yaml" -printf "%f\n" | sort)" \
	"$(printf '%s\n' "$E.yaml" client.yaml)"

# ---- commands about a period find them -----------------------------------------------------
run -C p list entries --since 2022-03-01 --until 2022-03-31 -f csv
is "list entries over a week five years back: the ended one's entry (exit)" "$rc" 0
is "... its row" "$(tail -n +2 "$T/out" | cut -d, -f2,4)" "$A,2022-03-02T08:00:00+01:00"
run -C p list entries --since 2024-06-01 --until 2024-06-07 -f csv
is "list entries over a week in 2024" "$(tail -n +2 "$T/out" | cut -d, -f2 | sort | uniq -c | tr -s ' ')" \
	" 2 $B"
run -C p list entries --since 2026-12-28 --until 2027-01-03 -f csv
is "list entries over the week of the new year: both ended at it" \
	"$(tail -n +2 "$T/out" | cut -d, -f2 | sort | uniq -c | tr -s ' ' | sort -k2)" \
	"$(printf ' 1 %s\n 2 %s' "$C" "$D" | sort -k2)"
run -C p list entries --all -f csv
is "list entries --all: every entry" "$(($(wc -l <"$T/out") - 1))" 7
run -C p list assignments --all -f tsv
is "list assignments --all: all five" "$(tail -n +2 "$T/out" | cut -f2 | sort)" \
	"$(printf '%s\n' "$A" "$B" "$C" "$D" "$E" | sort)"
run -C p list assignments -f tsv
is "list assignments: the active one alone" "$(tail -n +2 "$T/out" | cut -f2)" "$E"
run -C p review alex --since 2024-06-01 --until 2024-06-30 -f text
is "review over a past period (exit)" "$rc" 0
like "... shows the one ended in 2024" "$(cat "$T/out")" "$B"
run -C p report --from 2022-03-01 --to 2022-03-07 -f csv
is "report over a past week (exit)" "$rc" 0
like "... finds the one ended in 2022" "$(cat "$T/out")" "$A"

# ---- a week opens no other year's folder ---------------------------------------------------
if command -v strace >/dev/null 2>&1; then
	opens() { strace -f -qq -e trace=openat,open -o "$T/strace" "$HWK" "$@" >/dev/null 2>&1; grep -o 'ended[^"]*' "$T/strace" | sort -u; }
	is "list entries of this week opens nothing of ended/ (a month has not passed)" \
		"$(opens -C p list entries --since 2027-02-08 --until 2027-02-14)" ""
	# (the one ended there on 1 January is known from its name alone to be before it)
	is "list entries of a week a month back opens ended/2027 alone, and does not list ended/" \
		"$(opens -C p list entries --since 2027-01-04 --until 2027-01-10)" ended/2027
	is "... a week that meets it opens its files" \
		"$(opens -C p list entries --since 2026-12-28 --until 2027-01-03 | grep 2027)" \
		"$(printf '%s\n' ended/2027 "ended/2027/$D.csv" "ended/2027/$D.ended-2027-01-01.yaml")"
	is "... a week in 2026: the years from it to tomorrow's, directly" \
		"$(opens -C p list entries --since 2026-12-21 --until 2026-12-27 | grep -v '/.*/')" \
		"$(printf '%s\n' ended/2026 ended/2027)"
	is "... a week in 2022 (more than three years back): ended/ is listed" \
		"$(opens -C p list entries --since 2022-03-01 --until 2022-03-07 | grep -v '/.*/')" \
		"$(printf '%s\n' ended ended/2022 ended/2024 ended/2026 ended/2027)"
	is "review of a week opens no other year's folder" \
		"$(opens -C p review alex --since 2027-01-04 --until 2027-01-10 -f text | grep -v '/.*/')" \
		ended/2027
	is "list due opens nothing in ended/" "$(opens -C p list due)" ""
else
	echo "# strace missing: the folders opened are not counted" >&2
fi

# ---- a name in ended/ that is no year folder is not hwk's: left alone ----------------------
mkdir $d/ended/notes $d/ended/20270
cp "$d/ended/2027/$D.ended-2027-01-01.yaml" $d/ended/notes/
printf 'x' >$d/ended/README.yaml
run -C p list entries --all -f csv
is "foreign names in ended/ are not read (exit, stderr)" "$rc $(cat "$T/err")" "0 "
is "... every entry, once" "$(($(wc -l <"$T/out") - 1))" 7
rm -r $d/ended/notes $d/ended/20270 $d/ended/README.yaml

# ---- an id is never used again, whichever year folder holds it -----------------------------
python3 -c '
import sys
for i in range(65536):
    open("p/clients/alex/ended/2024/2022-03-01-task-%04x.csv" % i, "w").close()'
snap p
run -C p assign alex task --start 2022-03-01 </dev/null
is "an id in an older year folder is not drawn again: no free id (exit)" "$rc" 1
is "... the message" "$(sed -E 's/task-[0-9a-f]{4}/task-xxxx/' "$T/err")" \
	"hwk assign: clients/alex/2022-03-01-task-xxxx.yaml: no free id: all drawn were taken"
find "$d"/ended/2024 -name '2022-03-01-task-*.csv' -delete
mv "$T/out" "$T/out.1"
run -C p assign alex task --start 2022-03-01 </dev/null
is "ids free again: made (exit)" "$rc" 0
is "... not the ended one's" "$([ "$(cat "$T/out")" != "$A" ] && echo new)" new

done_testing
