#!/bin/bash
# Run as root in a practice another user owns, hwk writes nothing there: what it made
# would be root's, and the owner's next command could not change or replace it. Every
# write is refused with a message naming the file and the folder's owner; reading works.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	_n=$((_n + 1))
	echo "ok $_n # skip not run as root: the refusal concerns root writing in another user's practice"
	done_testing
	exit
fi

hwk init p 2>/dev/null
id=$(hwk -C p assign alex task --start 2026-11-23)
hwk -C p log -q task --at 2026-11-24T10:00
hwk -C p assign --edit "$id" --when evening 2>/dev/null
chown -R 65534:65534 p
why="the folder belongs to uid 65534: as root, hwk writes only in root's folders (what it made would be root's); run it as the folder's owner"

fails "log as root in another user's practice" 1 "hwk log: clients/alex/$id.csv: $why" \
	-C p log task
fails "assign --edit as root" 1 "hwk assign: clients/alex: $why" \
	-C p assign --edit "$id" --where home
fails "assign --end as root" 1 "hwk assign: clients/alex: $why" \
	-C p assign --end "$id"
fails "a new client as root" 1 "hwk assign: clients/bob: $why" -C p assign bob task
snap p
run -C p review alex -m 'a note' </dev/null
is "review -m as root (exit)" "$rc" 1
like "review -m as root: the review is shown" "$(head -n 1 "$T/out")" "^Review of alex, "
is "review -m as root (stderr)" "$(cat "$T/err")" "hwk review: clients/alex: $why"
unchanged "review -m as root: nothing changed" p
run -C p assign alex sleep </dev/null
is "a new assignment as root (exit)" "$rc" 1
is "a new assignment as root (stderr, its random digits as xxxx)" \
	"$(sed -E 's/-sleep-[0-9a-f]{4}\.yaml/-sleep-xxxx.yaml/' "$T/err")" \
	"hwk assign: clients/alex/2026-11-27-sleep-xxxx.yaml: $why"
unchanged "a new assignment as root: nothing changed" p
is "nothing in the practice belongs to root" "$(find p -user 0)" ""

run -C p list assignments -f csv
is "reading as root works (exit)" "$rc" 0
is "reading as root works (the assignment)" "$(cut -d, -f2 "$T/out" | tail -n 1)" "$id"

# in a practice root owns, root writes as anyone
chown -R 0:0 p
run -C p log task </dev/null
expect "root in its own practice: logged" 0 "" "task: 2 of 7 this week"

done_testing
