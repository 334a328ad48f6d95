#!/bin/bash
# On a terminal, hwk log asks for required fields that were not given (script(1) gives
# it one); off a terminal, a missing required field is an error and nothing is written.
. "$(dirname "$0")/../lib.sh"

hwk init p 2>/dev/null
id=$(hwk -C p assign alex sleep)
csv=p/clients/alex/$id.csv

# no silent skip: without script(1) this test fails, naming what to install
if ! command -v script >/dev/null; then
	_result 1 "script(1) is needed: apt-get install bsdutils (or: make deps)"
	done_testing
	exit
fi

# the answers: bed, then a bad wake time (asked again), then wake and out of bed
printf '23:30\n25:00\n6:40\n07:00\n' |
	script -qec "cd p && '$HWK' -c alex log sleep quality=3" /dev/null >"$T/tty" 2>&1
tty=$(tr -d '\r' <"$T/tty")
# where the terminal echoes the answers depends on timing; what hwk says does not
count() { grep -o -F -- "$1" <<<"$tty" | wc -l; }
is "asked for bed once" "$(count 'Time you went to bed (HH:MM): ')" 1
is "asked for wake twice: the first answer was not a time" \
	"$(count 'Time of final awakening (HH:MM): ')" 2
is "said why" "$(count 'hwk log: wake: 25:00 is not a time of day (HH:MM)')" 1
is "asked for out of bed once" "$(count 'Time you got out of bed (HH:MM): ')" 1
is "then confirmed" "$(count 'sleep: 1 of 3 this week')" 1
is "and asked nothing else" "$(grep -c -F '(HH:MM): ' <<<"$(sed 's/(HH:MM): /&\n/g' <<<"$tty")")" 4
is "the answers are stored, normalised" "$(tail -n 1 "$csv")" \
	"2026-11-27T09:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,23:30,,,,,06:40,07:00,3"

snap p
run -C p -c alex log sleep quality=3 </dev/null
expect "off a terminal a missing required field is an error" 1 "" \
	"hwk log: bed: required (Time you went to bed)"
unchanged "nothing was written" p

done_testing
