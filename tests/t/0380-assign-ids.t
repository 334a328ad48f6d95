#!/bin/bash
# A new assignment never takes an id that is taken: by an assignment, by an ended one
# (ended/ID.ended-UNTIL.yaml) or by entries (ID.csv, or ended/ID.csv for an ended one's).
# Its four random digits are drawn again; when every draw is taken it fails, writing
# nothing. Here every id of task on 2026-09-01 is taken, by entries (half of them in
# ended/2026/) or an ended one (ended long ago, so in ended/2026/ at once).
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
id=$(hwk -C p assign alex task --start 2026-09-01)
d=p/clients/alex
hwk -C p assign --end "$id" --at 2026-10-01 2>/dev/null # into ended/ at once: long ago
python3 -c '
import sys
for i in range(65536):
    n = "2026-09-01-task-%04x" % i
    if n != sys.argv[1]:
        open("p/clients/alex/%s%s.csv" % ("ended/2026/" if i % 2 else "", n), "w").close()' "$id"
run -C p assign alex task --start 2026-09-01 </dev/null
is "every id taken: no free id (exit)" "$rc" 1
is "every id taken: the message" "$(sed -E 's/task-[0-9a-f]{4}/task-xxxx/' "$T/err")" \
	"hwk assign: clients/alex/2026-09-01-task-xxxx.yaml: no free id: all drawn were taken"
is "every id taken: no assignment file made" "$(find "$d" -name '*.yaml' ! -name client.yaml)" \
	"$d/ended/2026/$id.ended-2026-10-01.yaml"
is "every id taken: no temp file left" "$(find "$d" -name '*.tmp.*')" ""
find "$d" -name '*.csv' -delete
run -C p assign alex task --start 2026-09-01 </dev/null
is "ids free again: made (exit)" "$rc" 0
is "ids free again: a new id" "$([ "$(cat "$T/out")" != "$id" ] && echo new)" new

done_testing
