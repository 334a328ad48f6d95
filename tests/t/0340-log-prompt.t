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
	"2026-11-27T09:00:00+01:00,2026-11-27T09:00:00+01:00,done,,,23:30,,,,,06:40,07:00,3,"

snap p
run -C p -c alex log sleep quality=3 </dev/null
expect "off a terminal a missing required field is an error" 1 "" \
	"hwk log: bed: required (Time you went to bed)"
unchanged "nothing was written" p

# ---- after the required fields, the type's measures are offered -----------------------
# A thought record's required fields are situation and thought; once hwk asks for them it
# offers intensity, belief, balanced_belief and rerate (hwk-log(1)), each skipped with
# Enter. Answers: situation, thought, intensity 70, belief skipped, balanced_belief "abc"
# (not a number: asked again) then skipped, rerate 40.
tr_id=$(hwk -C p assign alex thought-record)
printf 'Meeting ran late\nThey think I am useless\n70\n\nabc\n\n40\n' |
	script -qec "cd p && '$HWK' -c alex log thought-record" /dev/null >"$T/tty" 2>&1
tty=$(tr -d '\r' <"$T/tty")
is "the required fields were asked" \
	"$(count 'Situation (where, when, who) (text): ')$(count 'Automatic thought (text): ')" 11
is "then intensity, belief, balanced_belief twice and rerate were offered" \
	"$(count 'Enter to skip): ')" 5
is "emotion and the evidence were not offered" "$(count 'Emotion (')$(count 'Evidence')" 00
is "the answers are stored: intensity 70, rerate 40, the skipped ones empty" \
	"$(tail -n 1 "p/clients/alex/$tr_id.csv" | cut -d, -f6-)" \
	"Meeting ran late,,70,They think I am useless,,,,,,40,"

# given whole on the command line, nothing is asked: one line stays one line
printf '' | script -qec "cd p && '$HWK' -c alex log thought-record 'Bus was late' 'I am always late'" \
	/dev/null >"$T/tty" 2>&1
tty=$(tr -d '\r' <"$T/tty")
is "all required fields given: nothing offered" "$(count 'Enter to skip')" 0
is "all required fields given: logged" "$(tail -n 1 "p/clients/alex/$tr_id.csv" | cut -d, -f6-)" \
	"Bus was late,,,I am always late,,,,,,,"

# an offered field answered badly twice takes a good third answer (hwk-log(1): asked
# again up to three times): intensity "x", "200" (above 100), then 65; the rest ends
printf 'Late again\nI am hopeless\nx\n200\n65\n' |
	script -qec "cd p && '$HWK' -c alex log thought-record" /dev/null >"$T/tty" 2>&1
is "the third answer to an offered field is taken" \
	"$(tail -n 1 "p/clients/alex/$tr_id.csv" | cut -d, -f6-)" "Late again,,65,I am hopeless,,,,,,,"

# an exposure with a ladder: the steps are listed before the step is asked for, and the
# answer is a step's number, name or unique start of a name, stored as the step's name;
# one that is no step says so, lists them again, and is asked again
ex_id=$(hwk -C p assign alex exposure --step "lift, 1 floor"=40 --step stairs=70/30 2>/dev/null)
printf 'lift, 2\nst\n60\n\n\n\n' |
	script -qec "cd p && '$HWK' -c alex log exposure" /dev/null >"$T/tty" 2>&1
tty=$(tr -d '\r' <"$T/tty")
is "the ladder listed first, then again after a wrong step" "$(count '  1 lift, 1 floor')" 2
like "the list's lines" "$tty" "The steps of the ladder:
  1 lift, 1 floor
  2 stairs
Step of the ladder \(its number or name\): "
is "asked twice: the first answer named no step" "$(count 'Step of the ladder (its number or name): ')" 2
is "said why" "$(count 'hwk log: step: lift, 2 is not a step of the ladder; its steps:')" 1
is "the step stored by its name, the SUDS before with it" \
	"$(tail -n 1 "p/clients/alex/$ex_id.csv" | cut -d, -f6-)" "stairs,60,,,,,"
printf '1\n\n\n\n\n' | script -qec "cd p && '$HWK' -c alex log exposure" /dev/null >"$T/tty" 2>&1
is "by its number" "$(tail -n 1 "p/clients/alex/$ex_id.csv" | cut -d, -f6-)" "\"lift, 1 floor\",,,,,,"

done_testing
