#!/bin/bash
# hwk log writes only to regular files of its own: an entries file that is a symbolic
# link (to a file outside the practice, or dangling) or a FIFO is refused with a message
# naming it, nothing outside the practice is touched or made, and nothing hangs (log,
# and the commands that read entries). A writer that cannot get the lock in time says the file is busy.
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
id=$(hwk -C p assign alex task)
csv=p/clients/alex/$id.csv
# the folder's lock file, which a log takes before it looks at the entries file, made
# as the first writer makes it (empty, 0600): a refused log makes nothing else
(umask 077 && : >p/clients/alex/.hwk.lock)
printf 'not yours\n' >"$T/outside.txt"

# refused ARGS-DESC MESSAGE: hwk log task exits 1 with MESSAGE, and nothing changed
refused() {
	snap p
	snap_out=$(cat "$T/outside.txt")
	run -C p log task </dev/null
	expect "$1" 1 "" "$2"
	unchanged "$1: the practice unchanged" p
	is "$1: the file outside unchanged" "$(cat "$T/outside.txt")" "$snap_out"
}

ln -s "$T/outside.txt" "$csv"
refused "an entries file linked to a file outside" \
	"hwk log: clients/alex/$id.csv: a symbolic link: hwk opens only files of its own"
rm "$csv"
ln -s "$T/nowhere.csv" "$csv"
refused "a dangling link as the entries file" \
	"hwk log: clients/alex/$id.csv: a symbolic link: hwk opens only files of its own"
check "no file made where the link points" test ! -e "$T/nowhere.csv"
rm "$csv"
mkfifo "$csv"
refused "a FIFO as the entries file: refused at once, no hang" \
	"hwk log: clients/alex/$id.csv: not a regular file"
for what in "list entries" "list due" "report --week this"; do
	run -C p $what </dev/null
	is "$what with a FIFO as an entries file: exit 1, no hang" "$rc" 1
	like "$what names it" "$(cat "$T/err")" "clients/alex/$id.csv: not a regular file"
done
rm "$csv"

# a held lock: with HWK_LOCK_WAIT=0 the writer does not wait
hwk -C p log -q task
snap p
exec 9<"$csv"
flock 9
HWK_LOCK_WAIT=0 run -C p log task </dev/null
expect "a locked entries file: busy" 1 "" \
	"hwk log: clients/alex/$id.csv: busy: another hwk is writing it; try again"
unchanged "busy: nothing written" p
exec 9<&-
run -C p log task </dev/null
expect "the lock released: logged (its day already had one: still 1 of 3)" 0 "" \
	"task: 1 of 3 this week"
is "the lock released: the row is in the file" "$(($(wc -l <"$csv") - 1))" 2

# durable: log fdatasyncs the entries file before it confirms; sync: false in hwk.yaml
# (for bulk work) turns that off, and is a true-or-false setting
syncs() { strace -f -qq -e trace=fdatasync,fsync -o "$T/strace" "$HWK" "$@" >/dev/null 2>&1; grep -c 'sync(' "$T/strace"; }
is "log syncs its row to disk once" "$(syncs -C p log -q task)" 1
cp p/hwk.yaml "$T/hwk.yaml"
printf 'sync: false\n' >>p/hwk.yaml
is "sync: false: log does not sync" "$(syncs -C p log -q task)" 0
is "sync: false: the row is written all the same" "$(grep -c ',done,' "$csv")" 4
printf 'sync: sometimes\n' >p/hwk.yaml
snap p
run -C p log task </dev/null
expect "sync must be true or false" 1 "" "hwk log: hwk.yaml:1:7: 'sync' must be true or false"
unchanged "a bad sync setting: nothing written" p
cp "$T/hwk.yaml" p/hwk.yaml
done_testing
