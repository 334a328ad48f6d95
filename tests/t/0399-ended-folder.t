#!/bin/bash
# Ended assignments leave the folder daily commands read (hwk(5), FORMAT VERSIONS): an
# ended assignment stays in its folder as ID.ended-UNTIL.yaml for 31 days after its last
# day (a command about the last weeks finds it there, and lists no ended/), and the first
# command that writes in the folder after that moves it, with its entries, into the
# client's ended/YYYY/ (the year of its last day) as ended/YYYY/ID.ended-UNTIL.yaml and
# ended/YYYY/ID.csv; one ended long ago moves
# at once. A command that only reads neither shows it as due nor moves it. Commands about
# a past period (list --all, list entries, review, report) still find it. A move a crash
# stopped is read right and finished by the next write. See hwk-assign(1), --end.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# Europe/Berlin; now is Friday 2026-11-27 09:00. The week 2026-W48 is Mon 23 .. Sun 29.
SUN20=2026-11-29T20:00:00+01:00
MON09=2026-11-30T09:00:00+01:00
DEC31=2026-12-31T09:00:00+01:00 # the first day an assignment whose last day was the 29th moves
hwk init p 2>/dev/null

# ls_client CLIENT: the files of a client folder and of its ended/, hidden ones aside
ls_client() { (cd "p/clients/$1" && find . -path ./.git -prune -o -type f ! -name '.*' -print | sort); }
# sorted LINE...: the lines, sorted as ls_client sorts them
sorted() { printf '%s\n' "$@" | sort; }

# ---- ended today: stays in the folder under its ended name ---------------------------------
A=$(asg p alex task --start 2026-11-23)
lg p alex "$A" --at 2026-11-24T19:00
lg p alex "$A" --at 2026-11-25T19:00 --skip busy
cp "p/clients/alex/$A.csv" "$T/a.csv"
run -C p assign --end "$A"
expect "end today" 0 "" ""
is "end today: its file takes its ended name in the folder; no ended/ yet" \
	"$(ls_client alex)" "$(sorted ./client.yaml "./$A.csv" "./$A.ended-2026-11-27.yaml")"
check "end today: the entries stay as they were" cmp -s "$T/a.csv" "p/clients/alex/$A.csv"
is "end today: the ended file says so" \
	"$(grep -E '^(until|status):' "p/clients/alex/$A.ended-2026-11-27.yaml")" \
	"until: 2026-11-27
status: ended"

fails "log to it by id" 1 "hwk log: $A: the assignment has ended" -C p -c alex log "$A"
fails "log to it by its type" 1 "hwk log: task: the task assignment $A has ended" \
	-C p -c alex log task
fails "import into it" 1 "hwk log: $A: the assignment has ended" \
	-C p -c alex log --import /dev/null "$A"
fails "end it again" 1 "hwk assign: $A: already ended" -C p assign --end "$A"
fails "edit it" 1 "hwk assign: $A: the assignment has ended" -C p assign --edit "$A" --when x

run -C p list assignments -f csv
expect "list assignments: the active ones, not it" 0 \
	"client,id,type,every,start,until,status,when,where,minimum,instructions" ""
run -C p list assignments --all -f csv
expect "list assignments --all: it is there, ended" 0 \
	"client,id,type,every,start,until,status,when,where,minimum,instructions
alex,$A,task,day,2026-11-23,2026-11-27,ended,,,," ""
run -C p list assignments -s ended -f csv
is "list assignments -s ended: it too" "$(tail -n +2 "$T/out" | cut -d, -f2)" "$A"
run -C p list entries -a "$A" -f csv
is "list entries -a: its entries, from ended/" "$(tail -n +2 "$T/out" | cut -d, -f2,4,6)" \
	"$A,2026-11-24T19:00:00+01:00,done
$A,2026-11-25T19:00:00+01:00,skipped"
run -C p list entries --since 2026-11-25 -f csv
is "list entries --since: the period's" "$(tail -n +2 "$T/out" | cut -d, -f4)" \
	"2026-11-25T19:00:00+01:00"
run -C p list entries --until 2026-11-22 -f csv
is "list entries of a period before its start: none" "$(tail -n +2 "$T/out")" ""

# 31 days after its last day it is in the folder still; a write on the 32nd moves it
HWK_NOW=2026-12-28T09:00:00+01:00 hwk -C p assign alex mindfulness --start 2026-12-28 >/dev/null 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))
is "a write 31 days after its last day: it stays" "$(ls_client alex | grep -c "$A")" 2
check "no ended/ yet" test ! -e p/clients/alex/ended
snap p
HWK_NOW=2026-12-29T09:00:00+01:00 run -C p list assignments --all -f csv
unchanged "the 32nd day: a read moves nothing" p
HWK_NOW=2026-12-29T09:00:00+01:00 hwk -C p assign alex mindfulness --start 2026-12-29 >/dev/null 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))
is "a write on the 32nd day moves it and its entries into ended/" \
	"$(ls_client alex | grep "$A")" "$(sorted "./ended/2026/$A.csv" "./ended/2026/$A.ended-2026-11-27.yaml")"
check "the entries moved as they were" cmp -s "$T/a.csv" "p/clients/alex/ended/2026/$A.csv"
is "ended/ and ended/2026 are 0700, its files 0600" \
	"$(stat -c '%a %n' p/clients/alex/ended p/clients/alex/ended/2026 p/clients/alex/ended/2026/* | sed 's|p/clients/alex/||')" \
	"$(printf '%s\n' "700 ended" "700 ended/2026" "600 ended/2026/$A.csv" "600 ended/2026/$A.ended-2026-11-27.yaml")"
HWK_NOW=2026-12-29T09:00:00+01:00 run -C p list entries -a "$A" -f csv
is "list entries -a: its entries, from ended/" "$(tail -n +2 "$T/out" | cut -d, -f2,4,6)" \
	"$A,2026-11-24T19:00:00+01:00,done
$A,2026-11-25T19:00:00+01:00,skipped"
HWK_NOW=2026-12-29T09:00:00+01:00 run -C p report --week 2026-W48 -f csv alex
is "report of its week, a month on: it, from ended/" "$(tail -n +2 "$T/out" | cut -d, -f3,9)" "$A,1"

# ended long ago: moved at once
K=$(asg p al task --start 2026-09-01)
run -C p assign --end "$K" --at 2026-10-26
is "ended on a day 32 days ago: moved at once" "$(ls_client al)" \
	"$(sorted ./client.yaml "./ended/2026/$K.ended-2026-10-26.yaml")"
K=$(asg p am task --start 2026-09-01)
run -C p assign --end "$K" --at 2026-10-27
is "ended on a day 31 days ago: it stays" "$(ls_client am)" \
	"$(sorted ./client.yaml "./$K.ended-2026-10-27.yaml")"

# ---- ended ahead: stays until its last day is over ------------------------------------------
# bo: B daily, ended ahead on Friday to end on Sunday 29; C 3/week, to write to
B=$(asg p bo task --start 2026-11-23)
C=$(asg p bo task --start 2026-11-23 --every 3/week)
lg p bo "$B" --at 2026-11-24T19:00
run -C p assign --end "$B" --at 2026-11-29
expect "end ahead" 0 "" ""
is "end ahead: it stays in the folder, under its ended name" "$(ls_client bo)" \
	"$(sorted "./$B.csv" "./$B.ended-2026-11-29.yaml" "./$C.yaml" ./client.yaml)"
HWK_NOW=$SUN20 run -C p -c bo log "$B"
expect "end ahead: logged to on its last day" 0 "" "task: 2 of 7 this week"
cp "p/clients/bo/$B.csv" "$T/b.csv"
HWK_NOW=$SUN20 run -C p -c bo list due -f csv
is "end ahead: due on its last day" "$(tail -n +2 "$T/out" | cut -d, -f2 | sort)" \
	"$(sorted "$B" "$C" | sort)"

# Monday 30: its last day is over
snap p
HWK_NOW=$MON09 run -C p -c bo list due -f csv
expect "the day after: list due leaves it out" 0 \
	"client,assignment,type,every,today,week,expected,expected_week,left
bo,$C,task,3/week,due,0,0,3,3" ""
noleak=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 # (no leak check under strace)
HWK_NOW=$MON09 ASAN_OPTIONS=$noleak strace -f -qq -o "$T/trace" -e trace=openat,open \
	"$HWK" -C p -c bo list due >/dev/null 2>&1
is "the day after: list due does not even open it, nor ended/" \
	"$(grep -c -e "$B\.ended" -e '/ended"' "$T/trace")" 0
HWK_NOW=$MON09 run -C p -c bo list assignments -f csv
is "the day after: list assignments leaves it out" "$(tail -n +2 "$T/out" | cut -d, -f2)" "$C"
unchanged "the day after: reads move nothing" p
HWK_NOW=$MON09 fails "the day after: a log to it is refused" 1 \
	"hwk log: $B: the assignment has ended" -C p -c bo log "$B"
HWK_NOW=$MON09 run -C p -c bo log "$C"
expect "the day after: a log to another assignment" 0 "" "task: 1 of 3 this week"
is "that write leaves it in the folder, as it stays 31 days" "$(ls_client bo)" \
	"$(sorted "./$C.csv" "./$C.yaml" ./client.yaml "./$B.csv" "./$B.ended-2026-11-29.yaml")"
check "its entries as they were" cmp -s "$T/b.csv" "p/clients/bo/$B.csv"

# the past week still shows it: list --all, list entries, review, report
HWK_NOW=$MON09 run -C p -c bo list assignments --all --since 2026-11-23 --until 2026-11-29 -f csv
is "list --all of the past week: both" "$(tail -n +2 "$T/out" | cut -d, -f2,7 | sort)" \
	"$(sorted "$B,ended" "$C,active" | sort)"
HWK_NOW=$MON09 run -C p -c bo list assignments --all --until 2026-11-22 -f csv
is "list --all of a period before both: none" "$(tail -n +2 "$T/out")" ""
HWK_NOW=$MON09 run -C p review bo --since 2026-11-23 --until 2026-11-29
is "review of the past week (exit)" "$rc" 0
like "review of the past week: it, ended, with its entries" "$(tr '\n' '|' <"$T/out")" \
	"task, every day \\($B, ended\\)\\|  done 2, partial 0, skipped 0, missed 5 of 7 expected"
HWK_NOW=$MON09 run -C p review bo
like "a first review starts at its start, runs to today, and shows it" "$(cat "$T/out")" \
	"^Review of bo, 2026-11-23 to 2026-11-30; no earlier review\\."
HWK_NOW=$MON09 run -C p report --week 2026-W48 -f csv bo
is "report of the past week: it, from ended/" \
	"$(tail -n +2 "$T/out" | cut -d, -f3,8,9 | sort)" \
	"$(sorted "$B,7,2" "$C,3,0" | sort)"
HWK_NOW=$MON09 run -C p report --week 2026-W47 -f csv bo
is "report of a week before both: neither" "$(tail -n +2 "$T/out")" ""

# ---- a move a crash stopped ------------------------------------------------------------------
# cr: D ended ahead on Sunday 29, with entries, and E to write to; on Thursday 31 December each state a
# crash can leave is made by hand, read, then finished by a write
D=$(asg p cr task --start 2026-11-23)
E=$(asg p cr task --start 2026-11-23 --every 3/week)
lg p cr "$D" --at 2026-11-24T19:00
lg p cr "$D" --at 2026-11-25T19:00
hwk -C p assign --end "$D" --at 2026-11-29 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
cr=p/clients/cr
cp "$cr/$D.csv" "$T/d.csv"
cp "$cr/$D.ended-2026-11-29.yaml" "$T/d.yaml"
moved="$(sorted "./$E.csv" "./$E.yaml" ./client.yaml "./ended/2026/$D.csv" \
	"./ended/2026/$D.ended-2026-11-29.yaml")"
# reads STATE: what the period commands and list due say in STATE, and that they move nothing
reads() {
	snap p
	HWK_NOW=$DEC31 run -C p -c cr list assignments --all -f csv
	is "$1: list --all has it once, ended" "$(tail -n +2 "$T/out" | cut -d, -f2,7 | sort)" \
		"$(sorted "$D,ended" "$E,active" | sort)"
	HWK_NOW=$DEC31 run -C p list entries -a "$D" -f csv
	is "$1: its entries are found" "$(tail -n +2 "$T/out" | cut -d, -f4)" \
		"2026-11-24T19:00:00+01:00
2026-11-25T19:00:00+01:00"
	HWK_NOW=$DEC31 run -C p report --week 2026-W48 -f csv cr
	is "$1: the report counts it once" "$(tail -n +2 "$T/out" | cut -d, -f3,9 | sort)" \
		"$(sorted "$D,2" "$E,0" | sort)"
	HWK_NOW=$DEC31 run -C p -c cr list due -f csv
	is "$1: list due leaves it out" "$(tail -n +2 "$T/out" | cut -d, -f2)" "$E"
	unchanged "$1: the reads move nothing" p
}
# finish STATE: a log to E finishes the move
finish() {
	HWK_NOW=$DEC31 run -C p -c cr log -q "$E" -m "$1"
	expect "$1: a write" 0 "" ""
	is "$1: the move is finished" "$(ls_client cr)" "$moved"
	check "$1: its entries are whole" cmp -s "$T/d.csv" "$cr/ended/2026/$D.csv"
	check "$1: the ended file is as it was" cmp -s "$T/d.yaml" "$cr/ended/2026/$D.ended-2026-11-29.yaml"
}
mkdir -m 700 "$cr/ended"
# (1) its file written into ended/, the old file and the entries still in the folder
cp "$T/d.yaml" "$cr/ended/2026/$D.ended-2026-11-29.yaml"
reads "ended file in ended/, old file and entries in the folder"
finish "ended file in ended/, old file and entries in the folder"
# (2) its file written into ended/ and its entries renamed; the old file still there
cp "$T/d.yaml" "$cr/$D.ended-2026-11-29.yaml"
reads "ended file and entries in ended/, old file in the folder"
finish "ended file and entries in ended/, old file in the folder"
# (3) an end stopped before it reached ended/: ID.yaml and its ended name both in the folder
cp "$T/d.yaml" "$cr/$D.ended-2026-11-29.yaml"
mv "$cr/ended/2026/$D.csv" "$cr/"
rm "$cr/ended/2026/$D.ended-2026-11-29.yaml"
sed -e 's/^status: ended/status: active/' -e '/^until:/d' "$T/d.yaml" >"$cr/$D.yaml"
reads "an end stopped in the folder (ID.yaml and its ended name)"
finish "an end stopped in the folder (ID.yaml and its ended name)"
# (4) the ended file in ended/, its entries left in the folder (by hand): found there
mv "$cr/ended/2026/$D.csv" "$cr/"
reads "ended file in ended/, entries in the folder"
mv "$cr/$D.csv" "$cr/ended/2026/"

# ---- a move that fails ----------------------------------------------------------------------
# an end long ago whose move fails is no end: the assignment is as it was, the retry ends it
F=$(asg p fa task --start 2026-09-01)
lg p fa "$F" --at 2026-09-02T19:00
touch p/clients/fa/ended
fails "an end long ago, ended/ cannot be made: nothing changed" 1 \
	"hwk assign: clients/fa/ended: File exists" -C p assign --end "$F" --at 2026-10-01
rm p/clients/fa/ended
run -C p assign --end "$F" --at 2026-10-01
expect "an end long ago, ended/ can be made again" 0 "" ""
is "an end long ago: moved" "$(ls_client fa)" \
	"$(sorted ./client.yaml "./ended/2026/$F.csv" "./ended/2026/$F.ended-2026-10-01.yaml")"
# a move after a write that is done: the write stands, the next one moves it
H=$(asg p fb task --start 2026-11-23)
J=$(asg p fb task --start 2026-11-23 --every 3/week)
hwk -C p assign --end "$H" --at 2026-11-29 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
touch p/clients/fb/ended
HWK_NOW=$DEC31 run -C p -c fb log -q "$J"
expect "a log whose move fails: logged (exit 0, said)" 0 "" \
	"hwk log: clients/fb/ended: File exists
hwk log: clients/fb: an ended assignment stays in the folder for now; the next write moves it into ended/"
is "a log whose move fails: its row is there, the ended one stays" "$(ls_client fb)" \
	"$(sorted "./$H.ended-2026-11-29.yaml" "./$J.csv" "./$J.yaml" ./client.yaml ./ended)"
rm p/clients/fb/ended
HWK_NOW=$DEC31 run -C p assign --edit "$J" --when morning
expect "the next write (an edit)" 0 "" ""
is "the next write moves it" "$(ls_client fb)" \
	"$(sorted "./$J.csv" "./$J.yaml" ./client.yaml "./ended/2026/$H.ended-2026-11-29.yaml")"
K=$(asg p fb task)
HWK_NOW=$MON09 hwk -C p assign --end "$K" --at 2026-12-01 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
HWK_NOW=2027-01-02T09:00:00+01:00 run -C p assign fb task
is "an assign is a write too (exit)" "$rc" 0
check "an assign is a write too: it moves what is over" \
	test -f "p/clients/fb/ended/2026/$K.ended-2026-12-01.yaml" -a ! -e "p/clients/fb/$K.ended-2026-12-01.yaml"

# ---- an id is never used again ---------------------------------------------------------------
# every id of task on 2026-11-27 but one is taken; the free one is that of an assignment ended
# and moved into ended/ (a write a month on), with no entries: a new assign finds no free id
hwk init q 2>/dev/null
Q=$(asg q alex task)
hwk -C q assign --end "$Q" 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
HWK_NOW=2026-12-29T09:00:00+01:00 hwk -C q assign --end "$(asg q alex mindfulness)" 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))
rm -f q/clients/alex/*mindfulness*
python3 -c '
import sys
for i in range(65536):
    n = "2026-11-27-task-%04x" % i
    if n != sys.argv[1]:
        open("q/clients/alex/%s.csv" % n, "w").close()' "$Q"
run -C q assign alex task
is "the id of one in ended/ is not drawn again (exit)" "$rc" 1
is "no assignment made" "$(find q/clients/alex -name '*.yaml' ! -name client.yaml)" \
	"q/clients/alex/ended/2026/$Q.ended-2026-11-27.yaml"

# ---- in the folder, ended before a period: passed over as ended/'s are -------------------
# co: an exposure ended on the 20th (in the folder for its 31 days) and a task; a listing
# of the week of the 23rd neither reads the exposure nor takes its fields as columns
X=$(asg p co exposure --start 2026-11-16)
Y=$(asg p co task --start 2026-11-16)
lg p co "$Y" --at 2026-11-24T19:00
hwk -C p assign --end "$X" --at 2026-11-20 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
run -C p -c co list entries --since 2026-11-23 -f csv
is "list entries of a later week: the task's columns alone" "$(head -n 1 "$T/out")" \
	"client,assignment,type,at,logged,status,reason,note"
ASAN_OPTIONS=$noleak strace -f -qq -o "$T/trace" -e trace=openat,open \
	"$HWK" -C p -c co list entries --since 2026-11-23 >/dev/null 2>&1
is "... the folder listed twice (for the columns, then the rows), the exposure never opened" \
	"$(grep -c '"clients/co", O_RDONLY.*O_DIRECTORY' "$T/trace") $(grep -c "$X" "$T/trace")" "2 0"
run -C p -c co list entries --since 2026-11-20 -f csv
like "list entries from its last day: its fields are columns" "$(head -n 1 "$T/out")" ",step,"
# an end a crash stopped leaves ID.yaml beside the ended file: passed over with it
sed -e 's/^status: ended/status: active/' -e '/^until:/d' \
	"p/clients/co/$X.ended-2026-11-20.yaml" >"p/clients/co/$X.yaml"
run -C p -c co list entries --since 2026-11-23 -f csv
is "list entries of a later week, the crash's ID.yaml beside the ended file: passed over" \
	"$(head -n 1 "$T/out")" "client,assignment,type,at,logged,status,reason,note"
run -C p report --week 2026-W48 -f csv co
is "report of a later week, the crash's ID.yaml beside the ended file: the task alone" \
	"$(tail -n +2 "$T/out" | cut -d, -f3)" "$Y"
run -C p report --week 2026-W47 -f csv co
is "report of its week: the exposure once, ended" "$(tail -n +2 "$T/out" | cut -d, -f3 | sort)" \
	"$(sorted "$X" "$Y" | sort)"
rm "p/clients/co/$X.yaml"

is "setup" "$setup_failed" 0
[ "$setup_failed" -eq 0 ] || sed 's/^/# /' "$T/setup.err" >&2
done_testing
