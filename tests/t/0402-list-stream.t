#!/bin/bash
# hwk list entries and list due hold one client at a time: the columns of a listing of
# entries, learnt before its first row from every client's assignments, are the same as
# when all were held (first met first, a name of two kinds is text), a file that cannot
# be read is named once, and what stops the command stops it before any row.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
cd p || exit 1

cat >types/alpha.yaml <<'EOF'
title: Alpha
fields:
- name: score
  type: integer
- name: mood
  type: yesno
EOF
cat >types/beta.yaml <<'EOF'
title: Beta
fields:
- name: where
  type: text
- name: score
  type: text
EOF
A=$(hwk assign ann alpha --start 2026-11-26 --name Ann)
hwk -c ann log alpha score=3 mood=yes --at 2026-11-26T07:00 -q
B=$(hwk assign ben beta --start 2026-11-26 --name Ben)
hwk -c ben log beta where=home score=high --at 2026-11-26T08:00 -q
C=$(hwk assign cid alpha --start 2026-11-27 --name Cid)
hwk -c cid log alpha score=5 --at 2026-11-27T08:00 -q

run list entries -f csv
expect "the columns of every client, first met first" 0 \
"client,assignment,type,at,logged,status,reason,note,score,mood,where
ann,$A,alpha,2026-11-26T07:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,3,yes,
ben,$B,beta,2026-11-26T08:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,high,,home
cid,$C,alpha,2026-11-27T08:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,5,," ""
run list entries -f json
expect "a column of two kinds is text in every client's rows; a field not its own is left out" 0 "[
{\"client\":\"ann\",\"assignment\":\"$A\",\"type\":\"alpha\",\"at\":\"2026-11-26T07:00:00+01:00\",\"logged\":\"2026-11-27T09:00:00+01:00\",\"status\":\"done\",\"reason\":null,\"note\":null,\"score\":\"3\",\"mood\":true},
{\"client\":\"ben\",\"assignment\":\"$B\",\"type\":\"beta\",\"at\":\"2026-11-26T08:00:00+01:00\",\"logged\":\"2026-11-27T09:00:00+01:00\",\"status\":\"done\",\"reason\":null,\"note\":null,\"score\":\"high\",\"where\":\"home\"},
{\"client\":\"cid\",\"assignment\":\"$C\",\"type\":\"alpha\",\"at\":\"2026-11-27T08:00:00+01:00\",\"logged\":\"2026-11-27T09:00:00+01:00\",\"status\":\"done\",\"reason\":null,\"note\":null,\"score\":\"5\",\"mood\":null}
]" ""
run list entries -f csv -t alpha
expect "only the columns of the assignments listed" 0 \
"client,assignment,type,at,logged,status,reason,note,score,mood
ann,$A,alpha,2026-11-26T07:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,3,yes
cid,$C,alpha,2026-11-27T08:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,5," ""
run list entries -f json -t alpha
like "an integer column where no other kind shares its name" "$(sed -n 2p "$T/out")" '"score":3,'

# an assignment id that starts both of ben's: nothing is listed, whatever came before
B2=$(hwk assign ben beta --start 2026-11-26)
p=${B:0:10}
run list entries -a "$p" -f csv
expect "ambiguous in a later client: no row, no header" 1 "" \
	"hwk list: $p: ambiguous; it starts 2 assignment ids:
  $(printf '%s\n' "$B" "$B2" | sort | sed -n 1p)
  $(printf '%s\n' "$B" "$B2" | sort | sed -n 2p)"
run list due -a "$p"
is "list due: the same, before any row" "$rc|$(cat "$T/out")" "1|"
run list entries -a "$C" -f csv
expect "-a found in one client of several" 0 \
"client,assignment,type,at,logged,status,reason,note,score,mood
cid,$C,alpha,2026-11-27T08:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,5," ""
hwk -c ben assign --end "$B2" >/dev/null

# a file that cannot be read is named once, and the others are listed
cp "clients/ben/$B.yaml" "$T/keep"
printf 'id: [broken\n' >"clients/ben/$B.yaml"
run list entries -f csv
expect "a broken assignment: named once, the rest listed (where: ben's other one)" 1 \
"client,assignment,type,at,logged,status,reason,note,score,mood,where
ann,$A,alpha,2026-11-26T07:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,3,yes,
cid,$C,alpha,2026-11-27T08:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,5,," \
	"hwk list: clients/ben/$B.yaml:2:1: did not find expected ',' or ']'"
run list due -f csv
expect "list due: named once, the rest listed" 1 \
"client,assignment,type,every,today,week,expected,expected_week,left
ann,$A,alpha,day,due,1,2,4,3
cid,$C,alpha,day,done,1,1,3,2" \
	"hwk list: clients/ben/$B.yaml:2:1: did not find expected ',' or ']'"
cp "$T/keep" "clients/ben/$B.yaml"

done_testing
