#!/bin/bash
# hwk log (and hwk list entries) on bad input: exit 1 (2 for usage), exactly one message
# on stderr that names the field, the value and what was expected (or FILE:LINE:COL),
# nothing on stdout, and not one byte of the practice changed.
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
TR=$(hwk -C p assign alex thought-record)
SL=$(hwk -C p assign alex sleep)
AC=$(hwk -C p assign alex activity)
MI=$(hwk -C p assign alex mindfulness)
TA=$(hwk -C p assign alex task)
dir=p/clients/alex
# one good entry each, so every entries file exists before the failures
hwk -C p log -q thought-record situation=desk thought=fired
hwk -C p log -q sleep bed=23:40 wake=06:50 out_of_bed=07:00
hwk -C p log -q activity walk
hwk -C p log -q mindfulness breathing 10
hwk -C p log -q task
is "the set-up made five entries" "$(cat "$dir"/*.csv | grep -c '^2026-11-27T09:00:00+01:00,')" 5

SLEEP_FIELDS='bed, lights_out, sol, awakenings, waso, wake, out_of_bed, quality'
NIGHT=(bed=23:40 wake=06:50 out_of_bed=07:00)

# ---- values out of range ---------------------------------------------------------------
fails "intensity above 100" 1 "hwk log: intensity: 140 is above the maximum 100" \
	-C p log thought-record situation=desk thought=fired intensity=140
fails "intensity 101 by position" 1 "hwk log: intensity: 101 is above the maximum 100" \
	-C p log thought-record desk anxious 101 fired
fails "sol below 0" 1 "hwk log: sol: -1 is below the minimum 0" \
	-C p log sleep "${NIGHT[@]}" sol=-1
fails "quality below 1" 1 "hwk log: quality: 0 is below the minimum 1" \
	-C p log sleep "${NIGHT[@]}" quality=0
fails "quality above 5" 1 "hwk log: quality: 6 is above the maximum 5" \
	-C p log sleep "${NIGHT[@]}" quality=6
fails "mindfulness minutes below 1" 1 "hwk log: minutes: 0 is below the minimum 1" \
	-C p log mindfulness breathing 0
fails "mood above 10" 1 "hwk log: mood_after: 11 is above the maximum 10" \
	-C p log activity walk mood_after=11

# ---- values of the wrong kind ------------------------------------------------------------
fails "a word for a whole number" 1 "hwk log: intensity: high is not a whole number" \
	-C p log thought-record situation=desk thought=fired intensity=high
fails "a fraction for a whole number" 1 "hwk log: intensity: 7.5 is not a whole number" \
	-C p log thought-record situation=desk thought=fired intensity=7.5
fails "a space in a whole number" 1 "hwk log: sol: 1 5 is not a whole number" \
	-C p log sleep "${NIGHT[@]}" sol='1 5'
fails "hour 25" 1 "hwk log: bed: 25:00 is not a time of day (HH:MM)" \
	-C p log sleep bed=25:00 wake=06:50 out_of_bed=07:00
fails "minute 60" 1 "hwk log: wake: 06:60 is not a time of day (HH:MM)" \
	-C p log sleep bed=23:40 wake=06:60 out_of_bed=07:00
fails "11pm is not HH:MM" 1 "hwk log: bed: 11pm is not a time of day (HH:MM)" \
	-C p log sleep 11pm 06:50
fails "maybe is not yes or no" 1 "hwk log: planned: maybe is not yes or no" \
	-C p log activity walk planned=maybe
fails "an escape sequence in a bad value is shown, not sent to the terminal" 1 \
	'hwk log: intensity: \x1b[31m is not a whole number' \
	-C p log thought-record situation=desk thought=fired intensity=$'\e[31m'

# ---- names and counts of values ------------------------------------------------------------
fails "an unknown field" 1 "hwk log: foo: no such field in sleep (fields: $SLEEP_FIELDS)" \
	-C p log sleep "${NIGHT[@]}" foo=1
fails "a field given twice" 1 "hwk log: bed: given twice" \
	-C p log sleep bed=23:40 wake=06:50 bed=23:50 out_of_bed=07:00
fails "one value too many" 1 \
	"hwk log: extra: one value too many (mindfulness has the fields: practice, minutes, before, after)" \
	-C p log mindfulness breathing 10 3 6 extra
fails "one value too many once the names took their fields" 1 \
	"hwk log: 4: one value too many (mindfulness has the fields: practice, minutes, before, after)" \
	-C p log mindfulness practice=breathing minutes=10 before=3 6 4
fails "a task has no fields" 1 "hwk log: now: one value too many (task has the fields: none)" \
	-C p log task now

# ---- required fields, off a terminal --------------------------------------------------------
fails "wake and out_of_bed missing (the first is named)" 1 \
	"hwk log: wake: required (Time of final awakening)" \
	-C p log sleep bed=23:40
fails "nothing given for a thought record" 1 \
	"hwk log: situation: required (Situation (where, when, who))" \
	-C p log thought-record
fails "minutes missing" 1 "hwk log: minutes: required (Minutes)" \
	-C p log mindfulness breathing
fails "a required field given empty" 1 "hwk log: bed: required (Time you went to bed)" \
	-C p log sleep bed= wake=06:50 out_of_bed=07:00

# ---- skips -------------------------------------------------------------------------------------
fails "an unknown reason" 1 \
	"hwk log: reason: lazy is not one of busy, difficult, avoided, forgot, unclear, unsuited, other" \
	-C p log sleep --skip lazy
fails "a reason in capitals is not a reason" 1 \
	"hwk log: reason: Busy is not one of busy, difficult, avoided, forgot, unclear, unsuited, other" \
	-C p log sleep --skip Busy
fails "a skip with values" 1 \
	"hwk log: a skipped entry has no values; say what got in the way with -m NOTE" \
	-C p log sleep --skip busy bed=23:40
fails "other without a note" 1 \
	"hwk log: reason: other needs a note saying what got in the way (-m NOTE)" \
	-C p log sleep --skip other
fails "other with an empty note" 1 \
	"hwk log: reason: other needs a note saying what got in the way (-m NOTE)" \
	-C p log sleep --skip other -m ''
fails "--partial with --skip is a usage error" 2 "hwk log: --partial and --skip cannot be combined" \
	-C p log sleep --partial --skip busy

# ---- --at -------------------------------------------------------------------------------------
AT_FORMS='(21:30, yesterday 21:30, 2026-11-27T21:30, ...)'
fails "a 13th month" 1 "hwk log: --at: 2026-13-01 is not a time $AT_FORMS" \
	-C p log task --at 2026-13-01
fails "30 February" 1 "hwk log: --at: 2026-02-30T08:00 is not a time $AT_FORMS" \
	-C p log task --at 2026-02-30T08:00
fails "yesterday at 25:00" 1 "hwk log: --at: yesterday 25:00 is not a time $AT_FORMS" \
	-C p log task --at 'yesterday 25:00'
fails "a word that is no time" 1 "hwk log: --at: soon is not a time $AT_FORMS" \
	-C p log task --at soon
fails "--at empty" 1 "hwk log: --at:  is not a time $AT_FORMS" \
	-C p log task --at ''
fails "--at tomorrow is in the future" 1 "hwk log: --at: tomorrow is in the future" \
	-C p log task --at tomorrow
fails "--at tonight is in the future" 1 "hwk log: --at: 2026-11-27T21:30 is in the future" \
	-C p log task --at 2026-11-27T21:30
fails "--at next year" 1 "hwk log: --at: 2027-01-01T00:00:00+01:00 is in the future" \
	-C p log task --at 2027-01-01T00:00:00+01:00

# ---- the assignment and the client ---------------------------------------------------------------
fails "an unknown assignment" 1 "hwk log: nap: no such assignment (see 'hwk list assignments')" \
	-C p log nap
fails "an unknown type name is an unknown assignment" 1 \
	"hwk log: exposure: no such assignment (see 'hwk list assignments')" \
	-C p log exposure step=lift
fails "an ambiguous prefix lists the ids it starts" 1 \
	"hwk log: 2026-11-27-t: ambiguous; it starts 2 assignment ids:
$(printf '  %s\n' "$TR" "$TA" | sort)" \
	-C p log 2026-11-27-t
SL2=$(hwk -C p assign alex sleep)
fails "two active sleep assignments" 1 \
	"hwk log: sleep: more than one active sleep assignment; give its id:
$(printf '  %s\n' "$SL" "$SL2" | sort)" \
	-C p log sleep "${NIGHT[@]}"
hwk -C p assign --end "$SL2" 2>/dev/null
fails "an ended assignment" 1 "hwk log: $SL2: the assignment has ended" \
	-C p log "$SL2" "${NIGHT[@]}"
fails "an unknown client" 1 "hwk log: bob: no such client (see 'hwk list clients')" \
	-C p -c bob log task
fails "a client id that leaves the practice" 1 \
	"hwk log: ../alex: not a client id (lower-case letters, digits, '-', '_' and '.')" \
	-C p -c ../alex log task

# ---- text that is not UTF-8 ----------------------------------------------------------------------
fails "a note that is not UTF-8" 1 "hwk log: note: the text is not valid UTF-8" \
	-C p log task -m "$(printf 'caf\xe9')"
fails "a lone 0xff in a note" 1 "hwk log: note: the text is not valid UTF-8" \
	-C p log task -m "$(printf '\xff')"
fails "a field that is not UTF-8" 1 "hwk log: situation: the text is not valid UTF-8" \
	-C p log thought-record situation="$(printf 'caf\xe9')" thought=fired
fails "a skip note that is not UTF-8" 1 "hwk log: note: the text is not valid UTF-8" \
	-C p log task --skip other -m "$(printf '\xc3\x28')"

# ---- usage ---------------------------------------------------------------------------------------
usage=$(hwk log -h)
fails "no assignment at all" 2 "$usage" -C p log
fails "an unknown option: named by hwk log, then the usage" 2 "hwk log: --bogus: unknown option
$usage" -C p log --bogus task
fails "an option without its value" 2 "hwk log: --at needs a value
$usage" -C p log task --at
fails "--import with values" 2 "hwk log: --import takes its times, statuses and values from the file" \
	-C p log task --import - --at yesterday

# ---- a broken assignment file --------------------------------------------------------------------
# Line 9 of an assignment file is 'fields:' (after the comment, id, client, type, title,
# every, start, status). With 'fields: [' the flow sequence never closes: the YAML parser
# stops at the block entry '- name: bed' that starts line 10, column 1.
cp "$dir/$SL.yaml" "$T/sleep.yaml"
is "line 9 is fields:" "$(sed -n 9p "$dir/$SL.yaml")" "fields:"
sed -i '9s/^fields:$/fields: [/' "$dir/$SL.yaml"
fails "an assignment that is not YAML names FILE:LINE:COL" 1 \
	"hwk log: clients/alex/$SL.yaml:10:1: did not find expected node content" \
	-C p log "$SL" "${NIGHT[@]}"
# Inside the client folder the file is still named from the practice's root.
snap p
(cd "$dir" && hwk log "$SL" "${NIGHT[@]}") >"$T/out" 2>"$T/err" </dev/null
rc=$?
expect "from inside the client folder" 1 "" \
	"hwk log: clients/alex/$SL.yaml:10:1: did not find expected node content"
unchanged "from inside the client folder: nothing changed" p
cp "$T/sleep.yaml" "$dir/$SL.yaml"
# sol's 'max: 720' is line 20 (fields: 9, bed 10-13, lights_out 14-16, sol 17 name,
# 18 type, 19 min, 20 max); its value starts at column 8, after '  max: '.
sed -i '20s/^  max: 720$/  max: lots/' "$dir/$SL.yaml"
is "line 20 now holds the bad max" "$(sed -n 20p "$dir/$SL.yaml")" "  max: lots"
fails "a max that is not a number names FILE:LINE:COL" 1 \
	"hwk log: clients/alex/$SL.yaml:20:8: 'max' must be a number" \
	-C p log "$SL" "${NIGHT[@]}"
cp "$T/sleep.yaml" "$dir/$SL.yaml"

# ---- a broken entries file ------------------------------------------------------------------------
# A stray quote inside an unquoted field. The row is line 3 (the header is line 1, the
# set-up's entry line 2). Columns: two 25-character times and their commas end at 52,
# 'done,' at 57, the empty reason's comma at 58; the note starts at 59: s a y ' ' at
# 59-62, so the quote is column 63.
cp "$dir/$SL.csv" "$T/sleep.csv"
printf '%s\n' '2026-11-26T07:00:00+01:00,2026-11-27T09:00:00+01:00,done,,say "hi",23:40,,,,,06:50,07:00,' \
	'2026-11-26T08:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,23:40,,,,,06:50,07:00,' >>"$dir/$SL.csv"
# Listing streams (its memory stays flat however long the history): the rows before the
# broken one are printed, then the message, and the exit status says the list is cut short.
BADQ="hwk list: clients/alex/$SL.csv:3:63: bad quoting (a quote must open a field, and quotes inside one are doubled)"
snap p
run -C p list entries -a "$SL" -f csv
expect "list entries: a stray quote names FILE:LINE:COL" 1 \
	"client,assignment,type,at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality
$(sed -n 2p "$T/sleep.csv" | sed "s/^/alex,$SL,sleep,/; s/,\$//")" "$BADQ"
unchanged "list entries: a stray quote: nothing changed" p
run -C p list entries -a "$SL" -f json
is "list entries -f json: the same message" "$rc:$(cat "$T/err")" "1:$BADQ"
if jq . "$T/out" >/dev/null 2>&1; then whole=yes; else whole=no; fi
is "list entries -f json: the array is left open, so no JSON reader takes it for whole" \
	"$whole" no
# hwk log appends without reading the whole history; but it reads the week's rows for
# its confirmation, and this broken row is in this week: it refuses, naming line 3,
# before it writes anything.
fails "log next to a broken row in its week: refused, naming the row" 1 "${BADQ/hwk list:/hwk log:}" \
	-C p log "$SL" "${NIGHT[@]}"
cp "$T/sleep.csv" "$dir/$SL.csv"

# The header does not match the assignment's fields (after -> afterwards).
cp "$dir/$MI.csv" "$T/mind.csv"
sed -i '1s/,after,replaces$/,afterwards,replaces/' "$dir/$MI.csv"
is "the header now ends in afterwards" "$(head -n 1 "$dir/$MI.csv")" \
	"at,logged,status,reason,note,practice,minutes,before,afterwards,replaces"
HEADER_MSG="the header must be at,logged,status,reason,note followed by the fields (practice, minutes, before, after) and replaces"
fails "list entries: a header that does not match" 1 \
	"hwk list: clients/alex/$MI.csv:1:1: $HEADER_MSG" \
	-C p list entries -a "$MI"
# Appending a row under a header that says something else would put values under the
# wrong names: log must refuse.
fails "log under a header that does not match" 1 \
	"hwk log: clients/alex/$MI.csv:1:1: $HEADER_MSG" \
	-C p log mindfulness breathing 10 3 6
cp "$T/mind.csv" "$dir/$MI.csv"

is "no temp files left" "$(find p -name '*.tmp.*')" ""

done_testing
