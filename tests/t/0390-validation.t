#!/bin/bash
# Hand-edited files that hwk used to accept without a word: each is refused when read
# (FILE:LINE:COL, exit 1, nothing written), or, for a bad row of entries, named and
# counted while the rest is shown. See hwk(5), VALIDATION.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
SL=$(hwk -C p assign alex sleep --start 2026-11-20)
TA=$(hwk -C p assign alex task)
BO=$(hwk -C p assign bo task)
# what list shows of the rest when it passes over a bad file (exit 1, the file named)
rest_as=$(printf 'client\tid\ttype\tevery\tstart\tuntil\tstatus\twhen\twhere\tminimum\tinstructions\n%s\n%s' \
	"$(printf 'alex\t%s\ttask\tday\t2026-11-27\t\tactive\t\t\t\t' "$TA")" \
	"$(printf 'bo\t%s\ttask\tday\t2026-11-27\t\tactive\t\t\t\t' "$BO")")
rest_cl=$(printf 'client\tname\tactive\tcreated\nbo\t\t1\t2026-11-27')
# passes_over DESC STDOUT STDERR ARGS...: exit 1, the rest shown, the file named, nothing changed
passes_over() {
	local desc=$1 want_out=$2 want_err=$3
	shift 3
	snap p
	run "$@" </dev/null
	expect "$desc" 1 "$want_out" "$want_err"
	unchanged "$desc: nothing changed" p
}
dir=p/clients/alex
cp "$dir/$SL.yaml" "$T/sleep.yaml"
cp "$dir/client.yaml" "$T/client.yaml"

# ---- a. until before start --------------------------------------------------------------
# line 7 is 'start: 2026-11-20' (comment, id, client, type, title, every); until goes after
is "line 7 is the start" "$(sed -n 7p "$dir/$SL.yaml")" "start: 2026-11-20"
sed -i '7a until: 2026-11-19' "$dir/$SL.yaml"
passes_over "until before start is refused where it is" "$rest_as" \
	"hwk list: clients/alex/$SL.yaml:8:8: 'until' (2026-11-19) is before 'start' (2026-11-20)" \
	-C p list assignments
fails "until before start: log refuses too" 1 \
	"hwk log: clients/alex/$SL.yaml:8:8: 'until' (2026-11-19) is before 'start' (2026-11-20)" \
	-C p -c alex log "$SL" bed=23:00 wake=07:00 out_of_bed=07:10
cp "$T/sleep.yaml" "$dir/$SL.yaml"
sed -i '7a until: 2026-11-20' "$dir/$SL.yaml"
run -C p list assignments -f csv
is "until on the start day is one day (exit)" "$rc" 0
cp "$T/sleep.yaml" "$dir/$SL.yaml"

# ---- b. another client's data in a client's folder ---------------------------------------------
is "line 3 is the client" "$(sed -n 3p "$dir/$SL.yaml")" "client: alex"
sed -i '3s/alex/bob/' "$dir/$SL.yaml"
passes_over "an assignment of bob in alex's folder" "$rest_as" \
	"hwk list: clients/alex/$SL.yaml:3:9: 'client' must be alex, whose folder this is" \
	-C p list assignments
fails "log will not add to it" 1 \
	"hwk log: clients/alex/$SL.yaml:3:9: 'client' must be alex, whose folder this is" \
	-C p -c alex log "$SL" bed=23:00 wake=07:00 out_of_bed=07:10
cp "$T/sleep.yaml" "$dir/$SL.yaml"
is "line 3 of client.yaml is the id" "$(sed -n 3p "$dir/client.yaml")" "id: alex"
sed -i '3s/alex/bob/' "$dir/client.yaml"
passes_over "client.yaml of bob in alex's folder" "$rest_cl" \
	"hwk list: clients/alex/client.yaml:3:5: 'id' is 'bob' but the folder is alex's" \
	-C p list clients
fails "review reads it too" 1 \
	"hwk review: clients/alex/client.yaml:3:5: 'id' is 'bob' but the folder is alex's" \
	-C p review alex -m note
run -C p report --week this -f csv
is "report: says so (stderr)" "$(cat "$T/err")" \
	"hwk report: clients/alex/client.yaml:3:5: 'id' is 'bob' but the folder is alex's"
is "report: shows the rest and exits 1 (exit)" "$rc" 1
like "report: bo is there" "$(cat "$T/out")" "^bo,"

# ---- c. an id that is not a client id ----------------------------------------------------------
for bad in ../x /etc .hidden 'Alex' 'a b' ''; do
	printf '%s\n' "# hwk client (see hwk(5))" "id: '$bad'" "created: 2026-11-27" >"$dir/client.yaml"
	want="hwk list: clients/alex/client.yaml:2:5: 'id' must be a client id (lower-case letters, digits, '-', '_' and '.'; a letter or digit first)"
	passes_over "client.yaml with id '$bad'" "$rest_cl" "$want" -C p list clients
done
cp "$T/client.yaml" "$dir/client.yaml"
# a client folder standing alone: its id is the client, so it must be one
mkdir solo
printf '%s\n' "id: ../x" >solo/client.yaml
snap solo
run -C solo list assignments
expect "a standalone folder whose id leaves the practice" 1 "" \
	"hwk list: client.yaml:1:5: 'id' must be a client id (lower-case letters, digits, '-', '_' and '.'; a letter or digit first)"
unchanged "a standalone folder whose id leaves the practice: nothing changed" solo

# ---- h. a hwk.yaml that cannot be read is not "no practice" ------------------------------------------
# as root a mode does not stop a read: strace makes the look at hwk.yaml fail as it would
# (LeakSanitizer cannot run under ptrace: under make check-asan it is off for these)
hy=$(realpath p)/hwk.yaml
noleak="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
snap p
ASAN_OPTIONS=$noleak strace -o /dev/null -P "$hy" -e trace=stat,newfstatat,statx,lstat \
	-e inject=stat,newfstatat,statx,lstat:error=EACCES:when=1 \
	"$HWK" -C p list assignments >"$T/out" 2>"$T/err" </dev/null
rc=$?
expect "hwk.yaml that cannot be looked at" 1 "" "hwk list: p/hwk.yaml: Permission denied"
unchanged "hwk.yaml that cannot be looked at: nothing changed" p
(cd p && ASAN_OPTIONS=$noleak strace -o /dev/null -P "$hy" -e trace=stat,newfstatat,statx,lstat \
	-e inject=stat,newfstatat,statx,lstat:error=EACCES:when=1 \
	"$HWK" list assignments) >"$T/out" 2>"$T/err" </dev/null
rc=$?
expect "hwk.yaml that cannot be looked at, from the practice" 1 "" "hwk list: hwk.yaml: Permission denied"
ASAN_OPTIONS=$noleak strace -o /dev/null -P "$hy" -P hwk.yaml -e trace=openat,open \
	-e inject=openat,open:error=EACCES \
	"$HWK" -C p list assignments >"$T/out" 2>"$T/err" </dev/null
rc=$?
expect "hwk.yaml that cannot be opened" 1 "" "hwk list: hwk.yaml: Permission denied"
if [ "$(id -u)" -eq 0 ]; then
	_n=$((_n + 1))
	echo "ok $_n # skip mode 000 does not stop root"
else
	chmod 000 p/hwk.yaml
	run -C p list assignments
	expect "hwk.yaml of mode 000" 1 "" "hwk list: hwk.yaml: Permission denied"
	chmod 600 p/hwk.yaml
	chmod 000 p
	run -C p list assignments
	expect "a practice folder of mode 000" 1 "" "hwk list: p/hwk.yaml: Permission denied"
	chmod 700 p
fi

# ---- j. versions are whole numbers -------------------------------------------------------------------
cp p/hwk.yaml "$T/hwk.yaml"
is "line 2 of hwk.yaml is the version" "$(sed -n 2p p/hwk.yaml)" "version: 3"
for v in 1.0 01 1e0 -1 0 one "'1.0'"; do
	sed -i "2s/.*/version: $v/" p/hwk.yaml
	fails "version: $v is malformed" 1 \
		"hwk list: hwk.yaml:2:10: 'version' must be a whole number (this hwk reads version 3)" \
		-C p list assignments
done
for v in 4 10 "'4'"; do
	sed -i "2s/.*/version: $v/" p/hwk.yaml
	fails "version: $v is newer" 1 \
		"hwk list: hwk.yaml:2:10: version ${v//\'/} is newer than this hwk understands (3)" \
		-C p list assignments
done
sed -i "2s/.*/version: '3'/" p/hwk.yaml
run -C p list assignments -f csv
is "version: '3' is version 3 (exit)" "$rc" 0
cp "$T/hwk.yaml" p/hwk.yaml

# ---- d. a hand-edited row of entries ---------------------------------------------------------------
# Three nights; the first is made 'bogus', the second's quality 99: each is named with its
# line, left out, and the rest is shown; the exit status is 1.
lg p alex sleep bed=23:40 wake=06:50 out_of_bed=07:00 quality=3 --at 2026-11-24T08:00
lg p alex sleep bed=23:40 wake=06:50 out_of_bed=07:00 quality=4 --at 2026-11-25T08:00
lg p alex sleep bed=23:10 wake=06:40 out_of_bed=07:00 quality=2 --at 2026-11-26T08:00
csv=$dir/$SL.csv
cp "$csv" "$T/sleep.csv"
sed -i '2s/,done,/,bogus,/; 3s/,4,$/,99,/' "$csv"
bad_rows="clients/alex/$SL.csv:2: status: bogus is not done, partial or skipped
clients/alex/$SL.csv:3: quality: 99 is above the maximum 5"
# a bad row dated before both periods of the review is not its business
echo "2026-11-10T08:00:00+01:00,2026-11-27T09:00:00+01:00,bogus,,,23:40,,,,,06:50,07:00," >>"$csv"
run -C p review alex --since 2026-11-23 --until 2026-11-26
is "review with bad rows (exit)" "$rc" 1
is "review with bad rows names each with its line" "$(cat "$T/err")" "$(sed 's/^/hwk review: /' <<<"$bad_rows")"
sed -i '$d' "$csv"
snap p
like "review shows the good row" "$(cat "$T/out")" "2026-11-26 08:00  done: bed 23:10, wake 06:40, out_of_bed 07:00, quality 2"
like "review counts the good row alone" "$(cat "$T/out")" "done 1, partial 0, skipped 0, missed 3 of 4 expected"
run -C p review alex --since 2026-11-23 --until 2026-11-26 -m 'seen'
is "review -m with bad rows is not recorded (exit)" "$rc" 1
is "review -m with bad rows is not recorded (stderr)" "$(cat "$T/err")" \
	"$(sed 's/^/hwk review: /' <<<"$bad_rows")
hwk review: not recorded: mend the rows named above, then review again"
unchanged "review -m with bad rows: nothing changed" p
run -C p -c alex list entries -f csv
is "list entries with bad rows (exit)" "$rc" 1
is "list entries names them" "$(cat "$T/err")" "$(sed 's/^/hwk list: /' <<<"$bad_rows")"
is "list entries shows the rest" "$(cut -d, -f4,6 "$T/out")" "at,status
2026-11-26T08:00:00+01:00,done"
run -C p report --from 2026-11-23 --to 2026-11-26 -f csv
is "report with bad rows (exit)" "$rc" 1
is "report names them" "$(cat "$T/err")" "$(sed 's/^/hwk report: /' <<<"$bad_rows")"
is "report counts the good row" "$(grep "$SL" "$T/out" | cut -d, -f9)" 1
# a reason on a done row, an unknown reason, a value on a skipped row, a bad time
cp "$T/sleep.csv" "$csv"
sed -i '2s/,done,,/,done,busy,/; 3s/,done,,,23:40/,skipped,lazy,,/; 3s/,4$/,/; 4s/^2026-11-26T08:00/2026-11-26T25:00/' "$csv"
run -C p -c alex list entries -f csv
is "other bad rows (exit)" "$rc" 1
is "other bad rows are named" "$(cat "$T/err")" \
	"hwk list: clients/alex/$SL.csv:2: reason: only a skipped entry has a reason
hwk list: clients/alex/$SL.csv:3: reason: lazy is not one of busy, difficult, avoided, forgot, unclear, unsuited, other
hwk list: clients/alex/$SL.csv:4: at: 2026-11-26T25:00:00+01:00 is not a time (2026-11-27T21:04:00+01:00)"
is "other bad rows: nothing else shown" "$(cat "$T/out")" "$(head -1 "$T/out")"
cp "$T/sleep.csv" "$csv"
run -C p review alex --since 2026-11-23 --until 2026-11-26
is "mended, the review is whole again (exit)" "$rc" 0
is "mended: nothing said" "$(cat "$T/err")" ""

# ---- e. an import whose header names a column twice ---------------------------------------------------
printf '%s\n' 'at,bed,wake,out_of_bed,quality,bed' '2026-11-22T08:00,23:00,06:00,06:30,3,01:00' >in.csv
fails "a column given twice is named with both places" 1 \
	"hwk log: in.csv:1: bed: column 2 and column 6 have the same name" \
	-C p -c alex log "$SL" --import in.csv
printf '%s\n' 'assignment,at,note,status,note,note,at' "$TA,2026-11-26T08:00,a,done,b,c,2026-11-25T08:00" >in.csv
fails "of several, the first column met again is named" 1 \
	"hwk log: in.csv:1: note: column 3 and column 5 have the same name" \
	-C p -c alex log --import in.csv
printf '%s\n' 'assignment,at,status,status' "$TA,2026-11-26T08:00,done,skipped" >in.csv
snap p
run -C p -c alex log --import - <in.csv
expect "from stdin" 1 "" "hwk log: -:1: status: column 3 and column 4 have the same name"
unchanged "from stdin: nothing written" p

# ---- i. a time before 1970 --------------------------------------------------------------------------
# before it, zones kept local mean time (Berlin +00:53:28), which no ISO offset can say
OLD=$(hwk -C p assign alex task --start 1850-01-01)
fails "--at 1850-01-02 is refused" 1 \
	"hwk log: --at: 1850-01-02 is before 1970-01-01T00:00:00Z, the earliest time hwk takes" \
	-C p -c alex log "$OLD" --at 1850-01-02
fails "--at 1969-12-31T23:59:59Z is refused" 1 \
	"hwk log: --at: 1969-12-31T23:59:59Z is before 1970-01-01T00:00:00Z, the earliest time hwk takes" \
	-C p -c alex log "$OLD" --at 1969-12-31T23:59:59Z
printf '%s\n' 'at,note' '1890-01-01 12:00,old' >in.csv
fails "an import row before 1970" 1 \
	"hwk log: in.csv:2: at: 1890-01-01 12:00 is before 1970-01-01T00:00:00Z, the earliest time hwk takes" \
	-C p -c alex log "$OLD" --import in.csv
run -C p -c alex log "$OLD" --at 1970-01-01T01:00 -q
is "the first moment of 1970 is taken (exit)" "$rc" 0
is "it is written with Berlin's offset" "$(tail -1 "$dir/$OLD.csv" | cut -d, -f1)" "1970-01-01T01:00:00+01:00"
TZ=Africa/Monrovia run -C p -c alex log "$OLD" --at 1971-05-26T09:15:30 -q
is "Monrovia 1971, -00:44:30 (exit)" "$rc" 0
is "its offset is rounded to the minute, the clock with it: the same instant" \
	"$(tail -1 "$dir/$OLD.csv" | cut -d, -f1)" "1971-05-26T09:15:00-00:45"
sed -i '$d' "$dir/$OLD.csv"
sed -i '$s/^1970-01-01T01:00:00+01:00/1969-12-31T23:59:00Z/' "$dir/$OLD.csv"
run -C p -c alex list entries -a "$OLD" -f csv
is "a row before 1970 is a bad row (exit)" "$rc" 1
is "a row before 1970 is named" "$(cat "$T/err")" \
	"hwk list: clients/alex/$OLD.csv:2: at: 1969-12-31T23:59:00Z is not a time (2026-11-27T21:04:00+01:00)"
HWK_NOW=1969-07-20T20:17:00Z run -C p list clients
expect "HWK_NOW before 1970" 1 "" "hwk: HWK_NOW: 1969-07-20T20:17:00Z is not a time (2026-11-27T09:00:00+01:00)"

is "the set-up went right" "$setup_failed" 0
done_testing
