#!/bin/bash
# A listing of entries keeps the columns it learnt of each client's assignments in the
# local cache (.hwk.cache, 'c' lines; lib/list.c, hwk(5) SAFE READS), under a sum of
# every assignment file of the folder and its ended/ (name, inode, size, modification
# and change times) and of what was asked: the next listing reads no assignment file
# for them while nothing changed, and any change is seen, even an edit in place that
# keeps the size and puts the modification time back.
. "$(dirname "$0")/../lib.sh"

hwk init p >/dev/null 2>&1
cat >p/types/worry.yaml <<'EOF'
title: Worry time
fields:
- name: alpha
  type: integer
  min: 0
  max: 20
EOF
A=$(hwk -C p assign alex worry --start 2026-11-20 2>>"$T/setup.err")
B=$(hwk -C p assign bo sleep --start 2026-11-20 2>>"$T/setup.err")
HWK_NOW=2026-11-21T20:00:00+01:00 hwk -C p -c alex log "$A" 3 -q </dev/null 2>>"$T/setup.err"
HWK_NOW=2026-11-21T08:00:00+01:00 hwk -C p -c bo log "$B" bed=23:00 wake=07:00 \
	out_of_bed=07:10 -q </dev/null 2>>"$T/setup.err"
rm -f p/.hwk.cache

run -C p list entries -f csv
is "a first listing: exit 0" "$rc" 0
cp "$T/out" "$T/first"
is "... its header" "$(head -n 1 "$T/first")" \
	"client,assignment,type,at,logged,status,reason,note,alpha,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality"
is "... each client's columns kept: a 'c' line each" "$(grep -c '^c clients/' p/.hwk.cache)" 2
like "... alex's: its field and kind" "$(grep '^c clients/alex ' p/.hwk.cache)" ' 0 alpha/1$'

run -C p list entries -f csv
is "the same again, from the cache: the same listing" "$(cat "$T/out")" "$(cat "$T/first")"
if command -v strace >/dev/null; then
	# the first pass reads no assignment file: each is opened once, by the second
	strace -f -e trace=open,openat -o "$T/trace" "$HWK" -C p list entries -f csv >/dev/null 2>&1
	is "... the two assignment files opened once each (by the listing's pass, not the columns')" \
		"$(grep -o '"clients/[^"]*\.yaml"' "$T/trace" | sort | uniq -c | awk '{print $1}' | tr '\n' ' ')" \
		"1 1 "
fi

# an edit in place: same size, same inode, the modification time put back
ino=$(stat -c %i "p/clients/alex/$A.yaml")
mt=$(stat -c %y "p/clients/alex/$A.yaml")
text=$(cat "p/clients/alex/$A.yaml")
printf '%s\n' "${text/name: alpha/name: omega}" 1<>"p/clients/alex/$A.yaml"
touch -d "$mt" "p/clients/alex/$A.yaml"
csv=$(cat "p/clients/alex/$A.csv")
printf '%s\n' "${csv/,alpha,/,omega,}" 1<>"p/clients/alex/$A.csv"
is "(the edit kept the inode, size and modification time)" \
	"$(stat -c '%i %s %y' "p/clients/alex/$A.yaml")" "$ino $(printf '%s\n' "$text" | wc -c) $mt"
run -C p list entries -f csv
is "an edit in place is seen: the field's new name" "$(head -n 1 "$T/out" | cut -d, -f9)" omega
is "... and its value listed under it" "$(grep "^alex," "$T/out" | cut -d, -f9)" 3

# a new assignment: its columns come in
C=$(hwk -C p assign bo mindfulness --start 2026-11-22 2>>"$T/setup.err")
HWK_NOW=2026-11-22T20:00:00+01:00 hwk -C p -c bo log "$C" practice=breathing minutes=10 -q \
	</dev/null 2>>"$T/setup.err"
run -C p list entries -f csv
like "a new assignment: its columns" "$(head -n 1 "$T/out")" ',quality,practice,minutes,before,after$'
is "... its row" "$(grep -c ",$C,mindfulness," "$T/out")" 1

# what is asked is part of the sum: a listing of one type has its columns alone
run -C p list entries -f csv -t sleep
is "-t sleep after a listing of all: sleep's columns alone" "$(head -n 1 "$T/out")" \
	"client,assignment,type,at,logged,status,reason,note,bed,lights_out,sol,awakenings,waso,wake,out_of_bed,quality"
run -C p list entries -f csv
like "... and all again after it" "$(head -n 1 "$T/out")" '^client,.*,omega,bed,.*,after$'

# a listing of a period keeps none: its sum would have to list all of ended/
rm -f p/.hwk.cache
run -C p list entries -f csv --since 2026-11-21
is "a listing of a period: exit 0" "$rc" 0
is "... keeps no columns" "$(grep -c '^c ' p/.hwk.cache 2>/dev/null || true)" 0

# a file that cannot be read: named each time, its client's columns not kept
printf 'id: [\n' >"p/clients/alex/2026-11-23-worry-dead.yaml"
run -C p list entries -f csv
is "a bad assignment file: exit 1" "$rc" 1
like "... named" "$(cat "$T/err")" 'clients/alex/2026-11-23-worry-dead.yaml'
run -C p list entries -f csv
like "... and named again the next time (not hidden by the cache)" "$(cat "$T/err")" \
	'clients/alex/2026-11-23-worry-dead.yaml'
rm "p/clients/alex/2026-11-23-worry-dead.yaml"
run -C p list entries -f csv
is "... removed: exit 0" "$rc" 0

# forget: no line of the cache names the client
hwk -C p forget alex --yes >/dev/null 2>&1
is "forget: no line of the cache names alex" "$(grep -c 'alex' p/.hwk.cache)" 0

is "setup went well" "$(cat "$T/setup.err")" ""
done_testing
