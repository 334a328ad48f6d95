#!/bin/bash
# assign --edit, assign --end and review -m read, change and write under the client
# folder's lock (and log appends under it), the file .hwk.lock (empty, 0600, never
# removed): a writer waits for it at most HWK_LOCK_WAIT ms, then says the folder is
# busy, writes nothing and exits 1;
# SIGTERM while it waits ends it with nothing written; once the lock is free it goes on.
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
id=$(hwk -C p assign alex task --start 2026-11-23)
lock=p/clients/alex/.hwk.lock
check "no lock file before the first locked write" test ! -e "$lock"
run -C p assign --edit "$id" --when evening
expect "an edit" 0 "" ""
is "the lock file: empty, 0600" "$(stat -c '%s %a' "$lock")" "0 600"

exec 9<"$lock"
flock 9
busy="clients/alex: busy: another hwk is writing it; try again"
HWK_LOCK_WAIT=0 fails "--edit while the folder is locked" 1 "hwk assign: $busy" \
	-C p assign --edit "$id" --where home
HWK_LOCK_WAIT=0 fails "--end while the folder is locked" 1 "hwk assign: $busy" \
	-C p assign --end "$id"
snap p
HWK_LOCK_WAIT=0 run -C p review alex -m 'a note' </dev/null
is "review -m while the folder is locked (exit, stderr)" "$rc:$(cat "$T/err")" "1:hwk review: $busy"
unchanged "review -m while the folder is locked: nothing changed" p
HWK_LOCK_WAIT=100 fails "a bounded wait (100 ms), then busy" 1 "hwk assign: $busy" \
	-C p assign --edit "$id" --where home
# a log appends under the folder's lock too, so that no row goes to an entries file an
# end has just moved into ended/
HWK_LOCK_WAIT=0 fails "log while the folder is locked" 1 \
	"hwk log: clients/alex/$id.csv: busy: another hwk is writing it; try again" -C p log task

# SIGTERM while waiting: gone, nothing written (hwk itself in the background, not the
# shell function: a signal to the function's subshell would leave hwk waiting on)
snap p
HWK_LOCK_WAIT=20000 "$HWK" -C p assign --edit "$id" --where home 2>"$T/err" 9<&- &
pid=$!
sleep 0.3
kill -TERM "$pid"
wait "$pid"
is "SIGTERM while waiting for the lock: ended by it" "$?" 143
is "SIGTERM while waiting: nothing said" "$(cat "$T/err")" ""
unchanged "SIGTERM while waiting: nothing written" p

# the lock freed while waiting: the edit goes on
HWK_LOCK_WAIT=20000 "$HWK" -C p assign --edit "$id" --where home 2>"$T/err" 9<&- &
pid=$!
sleep 0.3
exec 9<&-
wait "$pid"
is "the lock freed while waiting: the edit is made (exit)" "$?" 0
is "the lock freed while waiting: the edit is made (where)" "$(grep '^where:' "p/clients/alex/$id.yaml")" \
	"where: home"

# an edit of an assignment ended meanwhile fails, naming it
run -C p assign --end "$id"
expect "--end" 0 "" ""
fails "--edit after --end" 1 "hwk assign: $id: the assignment has ended" \
	-C p assign --edit "$id" --when morning
fails "--end after --end" 1 "hwk assign: $id: already ended" -C p assign --end "$id"
is "the assignment is in one file, its ended one" \
	"$(cd p/clients/alex && find . -name "$id.*yaml")" "./$id.ended-2026-11-27.yaml"

# the lock file is hwk's own: a link in its place is not followed
printf 'not yours\n' >"$T/outside"
rm "$lock"
ln -s "$T/outside" "$lock"
id2=$(hwk -C p assign alex sleep)
fails "a link as the lock file" 1 \
	"hwk assign: clients/alex/.hwk.lock: a symbolic link: hwk opens only files of its own" \
	-C p assign --edit "$id2" --when morning
is "the file it points to is untouched" "$(cat "$T/outside")" "not yours"

# a client folder standing alone locks itself; busy names its lock file
mkdir solo
hwk -C p assign bo task >/dev/null 2>&1
cp -a p/clients/bo/. solo/
cd solo || exit 1
run assign --edit task --when noon
expect "an edit in a client folder standing alone" 0 "" ""
exec 9<.hwk.lock
flock 9
HWK_LOCK_WAIT=0 run assign --edit task --when dusk </dev/null
expect "the folder locked: busy, naming its lock file" 1 "" \
	"hwk assign: .hwk.lock: busy: another hwk is writing it; try again"
exec 9<&-
cd .. || exit 1

done_testing
