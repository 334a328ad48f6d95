#!/bin/bash
# hwk log --import FILE|-: CSV rows with a header land in the right entries files, with
# the same time forms as --at; all rows or none, and a bad row is named FILE:LINE.
. "$(dirname "$0")/../lib.sh"

# csv FILE LINE...: write an import file, lines ended by LF
csv() {
	local f=$1
	shift
	printf '%s\n' "$@" >"$f"
}

# import_fails FILE ASSIGNMENT DESC MESSAGE LINE...: FILE made of the LINEs; hwk log
# [ASSIGNMENT] --import FILE exits 1 with MESSAGE alone, and nothing changed
import_fails() {
	local f=$1 to=$2 desc=$3 msg=$4
	shift 4
	csv "$f" "$@"
	fails "$desc" 1 "$msg" -C p log $to --import "$f"
}

N=2026-11-27T09:00:00+01:00
SL_HEAD=at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality,replaces
TR_HEAD=at,logged,status,reason,note,situation,emotion,intensity,thought,belief,evidence_for,evidence_against,balanced,balanced_belief,rerate,replaces
TA_HEAD=at,logged,status,reason,note,replaces

hwk init p 2>/dev/null
# everything started on Monday 2026-11-23, so every time below is inside the assignments
SL=$(hwk -C p assign alex sleep --start 2026-11-23)
TR=$(hwk -C p assign alex thought-record --start 2026-11-23)
TA=$(hwk -C p assign alex task --start 2026-11-23)
dir=p/clients/alex

# ---- the failures first, while the entries files do not exist ---------------------------------
# All or nothing: rows 1 and 2 are good (for two assignments), row 3 (line 4) is not.
csv in.csv \
	'assignment,at,status,reason,note,situation,thought,intensity,bed,wake,out_of_bed' \
	'sleep,2026-11-24T07:00,done,,,,,,23:40,06:50,07:00' \
	'thought-record,yesterday 21:30,done,,,desk,fired,50,,,' \
	'thought-record,mon,done,,,desk,fired,140,,,' \
	'task,tue,done,,,,,,,,'
fails "a bad 3rd row: nothing is written, the message names FILE:LINE" 1 \
	"hwk log: in.csv:4: intensity: 140 is above the maximum 100" \
	-C p log --import in.csv
check "no entries file was made" test ! -e "$dir/$SL.csv" -a ! -e "$dir/$TR.csv"
# the same from stdin: the file is called -
snap p
run -C p log --import - <in.csv
expect "the same from stdin" 1 "" "hwk log: -:4: intensity: 140 is above the maximum 100"
unchanged "the same from stdin: nothing written" p

# A line is a line of the file: a note over two lines makes the next row start on line 4.
csv lines.csv \
	'assignment,at,note,bed,wake,out_of_bed' \
	'sleep,2026-11-24T07:00,"slept, then' \
	'woke",23:40,06:50,07:00' \
	'sleep,2026-11-25T07:00,,23:40,06:50,25:00'
fails "the line of a row after a two-line note" 1 \
	"hwk log: lines.csv:4: out_of_bed: 25:00 is not a time of day (HH:MM)" \
	-C p log --import lines.csv

import_fails cols.csv sleep "a row with too few columns" \
	"hwk log: cols.csv:3: the row has 3 columns; the header has 4" \
	'at,bed,wake,out_of_bed' '2026-11-25T07:00,23:40,06:50,07:00' '2026-11-26T07:00,23:40,06:50'
import_fails cols.csv sleep "a row with too many columns" \
	"hwk log: cols.csv:2: the row has 5 columns; the header has 4" \
	'at,bed,wake,out_of_bed' '2026-11-25T07:00,23:40,06:50,07:00,4'

# A stray quote inside an unquoted field: '2026-11-25T07:00,' is 17 characters, '23:40,'
# ends at 23, the '0' of 0"6:50 is column 24 and the quote column 25.
import_fails quote.csv sleep "a stray quote: FILE:LINE:COL, once" \
	"hwk log: quote.csv:3:25: bad quoting (a quote must open a field, and quotes inside one are doubled)" \
	'at,bed,wake,out_of_bed' '2026-11-25T07:00,23:40,06:50,07:00' '2026-11-25T07:00,23:40,0"6:50,07:00'
import_fails quote.csv sleep "a quote that never closes: the line the row starts on, once" \
	"hwk log: quote.csv:3: a quoted field is not closed" \
	'at,bed,wake,out_of_bed' '2026-11-25T07:00,23:40,06:50,07:00' '2026-11-26T07:00,23:40,"06:50,07:00'

: >empty.csv
fails "an empty file" 1 "hwk log: empty.csv:1: no header row (at, status, ..., field names)" \
	-C p log sleep --import empty.csv
import_fails at.csv sleep "an empty at" \
	"hwk log: at.csv:2: at: empty; every row needs the time it happened" \
	'at,bed,wake,out_of_bed' ',23:40,06:50,07:00'
import_fails at.csv sleep "no at column" \
	"hwk log: at.csv:2: at: empty; every row needs the time it happened" \
	'bed,wake,out_of_bed' '23:40,06:50,07:00'
import_fails at.csv sleep "an at that is no time" \
	"hwk log: at.csv:2: at: soon is not a time" \
	'at,bed,wake,out_of_bed' 'soon,23:40,06:50,07:00'
import_fails at.csv sleep "an at later today is in the future" \
	"hwk log: at.csv:3: at: 21:30 is in the future" \
	'at,bed,wake,out_of_bed' '2026-11-25T07:00,23:40,06:50,07:00' '21:30,23:40,06:50,07:00'

import_fails bad.csv '' "an unknown assignment in a row" \
	"hwk log: bad.csv:2: nap: no such assignment (see 'hwk list assignments')" \
	'assignment,at' 'nap,2026-11-25T07:00'
import_fails bad.csv '' "no assignment column and none named" \
	"hwk log: bad.csv:1: no 'assignment' column, and no assignment was named" \
	'at,bed,wake,out_of_bed' '2026-11-25T07:00,23:40,06:50,07:00'
fails "an unknown assignment named" 1 "hwk log: nap: no such assignment (see 'hwk list assignments')" \
	-C p log nap --import bad.csv
import_fails bad.csv '' "a value for a field the assignment does not have" \
	"hwk log: bad.csv:2: bed: no such field in task" \
	'assignment,at,bed' 'task,2026-11-25T07:00,23:40'
import_fails bad.csv '' "a status that is none" \
	"hwk log: bad.csv:2: status: finished is not done, partial or skipped" \
	'assignment,at,status' 'task,2026-11-25T07:00,finished'
import_fails bad.csv '' "a skip without its reason" \
	"hwk log: bad.csv:2: reason: a skipped entry needs a reason (busy, difficult, avoided, forgot, unclear, unsuited, other)" \
	'assignment,at,status,reason' 'task,2026-11-25T07:00,skipped,'
import_fails bad.csv '' "an unknown reason" \
	"hwk log: bad.csv:2: reason: lazy is not one of busy, difficult, avoided, forgot, unclear, unsuited, other" \
	'assignment,at,status,reason' 'task,2026-11-25T07:00,skipped,lazy'
import_fails bad.csv '' "a reason on a done row" \
	"hwk log: bad.csv:2: reason: only a skipped entry has a reason" \
	'assignment,at,status,reason' 'task,2026-11-25T07:00,done,busy'
import_fails bad.csv '' "values on a skipped row" \
	"hwk log: bad.csv:2: bed: a skipped entry has no values" \
	'assignment,at,status,reason,bed' 'sleep,2026-11-25T07:00,skipped,busy,23:40'
import_fails bad.csv '' "a required field missing" \
	"hwk log: bad.csv:2: out_of_bed: required (Time you got out of bed)" \
	'assignment,at,bed,wake' 'sleep,2026-11-25T07:00,23:40,06:50'
printf 'assignment,at,note\ntask,2026-11-25T07:00,caf\xe9\n' >bad.csv
fails "a note that is not UTF-8" 1 "hwk log: bad.csv:2: note: the text is not valid UTF-8" \
	-C p log --import bad.csv
fails "a file that is not there" 1 "hwk log: nosuch.csv: No such file or directory" \
	-C p log --import nosuch.csv
fails "--import with -m" 2 "hwk log: --import takes its times, statuses and values from the file" \
	-C p log --import bad.csv -m note
fails "--import with --skip" 2 "hwk log: --import takes its times, statuses and values from the file" \
	-C p log --import bad.csv --skip busy

csv head.csv 'assignment,at,status'
snap p
run -C p log --import head.csv
expect "a header and no rows says so" 1 "" "hwk log: head.csv: a header and no rows: nothing to import"
unchanged "a header and no rows: nothing written" p

# ---- rows that land ---------------------------------------------------------------------------
# Every time form, every status, text that needs quoting, a row per assignment named by
# type, id and id prefix, in any order: each file gets its rows in the file's order.
csv in.csv \
	'assignment,at,status,reason,note,situation,thought,intensity,bed,wake,out_of_bed' \
	'sleep,2026-11-24T07:00,done,,,,,,23:40,6:50,07:00' \
	'thought-record,yesterday 21:30,partial,,"at work, ""the boss""",Café,,,,,' \
	"$TR,mon,done,,\"two" \
	'lines",desk,I am slow,40,,,' \
	'task,2026-11-26T20:00:00Z,skipped,busy,,,,,,,' \
	"${TA%-*},wed 07:10,done,,,,,,,," \
	'sleep,2026-11-25T07:00:00+01:00,done,,,,,,0:15,7:00,7:20'
run -C p log --import in.csv
expect "six rows for three assignments" 0 "" "hwk log: 6 entries logged"
entries_is "the sleep rows" "$dir/$SL.csv" "$SL_HEAD" \
	"2026-11-24T07:00:00+01:00,$N,done,,,23:40,,,,,06:50,07:00," \
	"2026-11-25T07:00:00+01:00,$N,done,,,00:15,,,,,07:00,07:20,"
entries_is "the thought records: quotes doubled, the two-line note kept" "$dir/$TR.csv" "$TR_HEAD" \
	"2026-11-26T21:30:00+01:00,$N,partial,,\"at work, \"\"the boss\"\"\",Café,,,,,,,,," \
	"2026-11-23T09:00:00+01:00,$N,done,,\"two
lines\",desk,,40,I am slow,,,,,,"
entries_is "the task rows: 20:00Z is 21:00 in Berlin; wed 07:10 is 2026-11-25" "$dir/$TA.csv" "$TA_HEAD" \
	"2026-11-26T21:00:00+01:00,$N,skipped,busy," \
	"2026-11-25T07:10:00+01:00,$N,done,,"

# the assignment on the command line, no assignment column; columns in any order
csv night.csv 'quality,out_of_bed,wake,bed,at' '4,07:00,06:50,23:40,2026-11-26T07:00'
run -C p log sleep --import night.csv
expect "hwk log sleep --import FILE" 0 "" "hwk log: 1 entry logged"
is "the row" "$(tail -n 1 "$dir/$SL.csv")" "2026-11-26T07:00:00+01:00,$N,done,,,23:40,,,,,06:50,07:00,4,"

# from stdin, quietly
printf '%s\n' 'at,bed,wake,out_of_bed' '2026-11-27T07:00,23:55,06:45,07:15' >night.csv
run -C p log "$SL" --import - -q <night.csv
expect "--import - reads stdin; -q silences the count" 0 "" ""
is "the row from stdin" "$(tail -n 1 "$dir/$SL.csv")" "2026-11-27T07:00:00+01:00,$N,done,,,23:55,,,,,06:45,07:15,,"

# a spreadsheet's CRLF line ends are line ends, not part of the last value
printf 'at,status,reason,note\r\n2026-11-24T12:00,skipped,other,"no time,\r\nreally"\r\n2026-11-24T13:00,done,,\r\n' >crlf.csv
run -C p log task --import crlf.csv
expect "a file with CRLF line ends" 0 "" "hwk log: 2 entries logged"
entries_is "no CR is stored but the one inside the quoted note" "$dir/$TA.csv" "$TA_HEAD" \
	"2026-11-26T21:00:00+01:00,$N,skipped,busy," \
	"2026-11-25T07:10:00+01:00,$N,done,," \
	"2026-11-24T12:00:00+01:00,$N,skipped,other,\"no time,"$'\r'"
really\"" \
	"2026-11-24T13:00:00+01:00,$N,done,,"

# a spreadsheet where the comma is the decimal mark separates by ';' (told by the header:
# semicolons and no comma outside quotes), with a byte order mark and CRLF; a quoted
# note keeps its ';' and ','
printf '\357\273\277at;status;reason;note\r\n2026-11-24T17:00;done;;"walk; then tea, calm"\r\n2026-11-24T18:00;skipped;busy;\r\n' >semi.csv
run -C p log task --import semi.csv
expect "a ';' file from a spreadsheet" 0 "" "hwk log: 2 entries logged"
is "its rows, the note whole" "$(tail -n 2 "$dir/$TA.csv")" \
	"2026-11-24T17:00:00+01:00,$N,done,,\"walk; then tea, calm\",
2026-11-24T18:00:00+01:00,$N,skipped,busy,,"
# a header with a comma outside quotes is comma-separated, whatever its semicolons
csv mixed.csv 'at,note' '2026-11-24T19:00,a;b'
run -C p log task --import mixed.csv
expect "a comma in the header: commas" 0 "" "hwk log: 1 entry logged"
is "the ';' stays in the note" "$(tail -n 1 "$dir/$TA.csv")" "2026-11-24T19:00:00+01:00,$N,done,,a;b,"
# in a ';' file a row of commas is one field: the header's columns decide
csv semibad.csv 'at;note' '2026-11-24T20:00,x,y'
fails "a ';' file whose row has no ';'" 1 "hwk log: semibad.csv:2: the row has 1 columns; the header has 2" \
	-C p log task --import semibad.csv

# an empty status is the default, done (as when the column is left out)
csv st.csv 'at,status,note' '2026-11-24T14:00,,empty status'
run -C p log task --import st.csv
expect "an empty status" 0 "" "hwk log: 1 entry logged"
is "an empty status is stored as done" "$(tail -n 1 "$dir/$TA.csv")" \
	"2026-11-24T14:00:00+01:00,$N,done,,empty status,"

# logged is when hwk writes a row, so rows stay in the order they were logged (which lets
# hwk log read only the newest rows): an import cannot set it
csv lg.csv 'at,logged' '2026-11-24T15:00,2026-11-24T15:30' '2026-11-24T16:00,'
fails "a logged column is refused" 1 \
	"hwk log: lg.csv:1: 'logged' is when hwk writes the row, so it cannot be imported; put an earlier date in the note" \
	-C p log task --import lg.csv

# ---- old history imported after this week's entries ---------------------------------------------
# An import of old rows (a paper diary typed in) lands after this week's entries. The
# confirmation must still count this week's entries: Wednesday's, logged before the
# import, and today's.
hwk init h 2>/dev/null
hwk -C h assign alex task --start 2026-09-01 >/dev/null
hwk -C h log -q task --at wed
{
	echo 'at,note'
	for ((d = 1; d <= 30; d++)); do
		for ((hr = 10; hr < 20; hr++)); do
			printf '2026-10-%02dT%02d:00:00+02:00,from the paper diary\n' "$d" "$hr"
		done
	done
} >old.csv
run -C h log task --import old.csv
expect "300 rows of October" 0 "" "hwk log: 300 entries logged"
run -C h log task
expect "this week still counts Wednesday and today (7 expected: active all week)" 0 "" \
	"task: 2 of 7 this week"

# ---- ended assignments take no rows, as hwk log ID refuses them ----------------------------------
hwk -C p assign --end "$TA" 2>/dev/null
import_fails end.csv '' "a row for an ended assignment" \
	"hwk log: end.csv:2: $TA: the assignment has ended" \
	'assignment,at' "$TA,2026-11-24T17:00"
csv end.csv 'at' '2026-11-24T17:00'
fails "an ended assignment named for the import" 1 "hwk log: $TA: the assignment has ended" \
	-C p log "$TA" --import end.csv

is "no temp files left" "$(find p -name '*.tmp.*')" ""
is "entry files are 0600" "$(find p -name '*.csv' -printf '%m\n' | sort -u)" 600

done_testing
