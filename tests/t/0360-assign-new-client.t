#!/bin/bash
# A new client is made atomically: its client.yaml, linked into place last, is what makes
# a folder a client. Concurrent assigns of one new client all succeed and leave it whole;
# a folder left half-made (no client.yaml) is completed by the next assign.
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
# 8 assigns of one new client at once, 5 rounds (a new client each round)
lost=0 bad=0
for round in 1 2 3 4 5; do
	for i in 1 2 3 4 5 6 7 8; do
		hwk -C p assign "new$round" task >"$T/a$i.out" 2>"$T/a$i.err" &
	done
	wait
	[ -f "p/clients/new$round/client.yaml" ] || lost=$((lost + 1))
	[ -f "p/clients/new$round/.gitattributes" ] || lost=$((lost + 1))
	[ "$(cat "$T"/a*.err)" = "" ] || { bad=$((bad + 1)); cat "$T"/a*.err >&2; }
	[ "$(find "p/clients/new$round" -name '*-task-*.yaml' | wc -l)" -eq 8 ] || bad=$((bad + 1))
done
is "concurrent assigns of a new client: client.yaml and .gitattributes in every round" "$lost" 0
is "concurrent assigns of a new client: every one succeeded, 8 assignments a round" "$bad" 0
run -C p list clients -f csv
is "the five clients are listed" "$(cut -d, -f1 "$T/out" | sort | tr '\n' ' ')" \
	"client new1 new2 new3 new4 new5 "

# a folder left half-made (its .gitattributes, no client.yaml) is no client yet; the next
# assign completes it and keeps what was there
mkdir -p p/clients/half
printf '# mine\n*.csv merge=union\n' >p/clients/half/.gitattributes
run -C p -c half list assignments
is "a folder without client.yaml is no client" "$rc:$(cat "$T/err")" \
	"1:hwk list: half: no such client (see 'hwk list clients')"
run -C p assign half task
is "assign completes it (exit)" "$rc" 0
check "client.yaml made" test -f p/clients/half/client.yaml
is "the .gitattributes that was there is kept" "$(head -n 1 p/clients/half/.gitattributes)" "# mine"

done_testing
