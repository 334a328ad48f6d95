#!/bin/bash
# hwk report says what matters (issue 10): an ended assignment is marked as review marks
# it; skip notes reach text, md and json (made visible on a terminal, kept as written in
# json); flags a clinician would agree with: exposure peaks compared within a step (a
# harder step is progress), a single avoided skip, improvement apart from the flags;
# each flag on the one assignment (and type) it is about, once.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# The clock: Friday 2026-11-27 09:00. The default period is 2026-W47, Monday 16 to
# Sunday 22 November; the period before is Monday 9 to Sunday 15.

# rec FILE CLIENT TYPE KEYS: CLIENT's TYPE record of the JSON FILE as {KEY: value, ...}
rec() {
	jq -c --arg c "$2" --arg t "$3" --arg k "$4" '
		[.[] | select(.client == $c and .type == $t)]
		| if length == 1
		  then .[0] as $r | reduce ($k | split(","))[] as $x ({}; . + {($x): $r[$x]})
		  else "\(length) records" end' "$1"
}
FLAGS=attention,improving,client_attention

hwk init p 2>/dev/null

# ---- ana: climbing the ladder (exposure 2/week from 9) and mindfulness (2/week from 16) --
# The week before: "bus stop" peak 50 on the 10th.
# W47, in the order of at: "bus stop" 60 (16th), "bus, 1 stop" 80 (17th), "bus, 1 stop" 65
# (19th). The mean peak rose from 50 to (60 + 80 + 65) / 3 = 68.3 (the old rule's "peak
# SUDS up 18"), but the rise is the climb to a harder step: no flag.
#   "bus stop": one session in W47, nothing to compare.
#   "bus, 1 stop": first 80, latest 65: falling, improving.
# Adherence: exposure 2 expected, 3 done (completed 2): 100%; mindfulness 17th, 20th:
# 2 of 2; days since the last entry min(22 - 19, 22 - 20) = 2 (under 3). No flag.
ANA_X=$(asg p ana exposure --every 2/week --start 2026-11-09)
ANA_M=$(asg p ana mindfulness --every 2/week --start 2026-11-16)
lg p ana exposure step='bus stop' suds_peak=50 --at 2026-11-10T10:00
lg p ana exposure step='bus stop' suds_peak=60 --at 2026-11-16T10:00
lg p ana exposure step='bus, 1 stop' suds_peak=80 --at 2026-11-17T10:00
lg p ana exposure step='bus, 1 stop' suds_peak=65 --at 2026-11-19T10:00
lg p ana mindfulness practice=breathing minutes=10 --at 2026-11-17T08:00
lg p ana mindfulness practice=breathing minutes=10 --at 2026-11-20T08:00

# ---- bo: two steps whose peaks do not fall (exposure 2/week from 16) -----------------------
#   "shop": 70 (18th), 70 (21st): the same, not falling: a flag
#   "queue": 50 (19th), 55 (22nd): up, not falling: a flag
# steps in the order of their first session: shop, queue. 2 of 2 expected: 100%; last
# entry on the 22nd: 0 days. Two flags, both of the exposure assignment.
BO=$(asg p bo exposure --every 2/week --start 2026-11-16)
lg p bo exposure step=shop suds_peak=70 --at 2026-11-18T10:00
lg p bo exposure step=queue suds_peak=50 --at 2026-11-19T10:00
lg p bo exposure step=shop suds_peak=70 --at 2026-11-21T10:00
lg p bo exposure step=queue suds_peak=55 --at 2026-11-22T10:00

# ---- cy: one avoided skip, with a note (task every day from 16) ------------------------------
# done 16, 17, 18, 20, 21, 22; skipped avoided on the 19th: 6/7 = 85.7%; one flag, of the
# task: "avoided 1 time".
CY=$(asg p cy task --start 2026-11-16)
for d in 16 17 18 20 21 22; do lg p cy task --at 2026-11-${d}T12:00; done
lg p cy task --skip avoided -m 'could not get out of bed' --at 2026-11-19T12:00

# ---- di: two busy skips, one note with an ESC and a line break (task every day from 16) -----
# done 16..20 = 5/7 = 71.4%; busy on 21 (the note) and 22 (none): 2 skips, under 3: no flag.
NOTE=$'shift\e[31m ran late\nagain'
DI=$(asg p di task --start 2026-11-16)
for d in 16 17 18 19 20; do lg p di task --at 2026-11-${d}T12:00; done
lg p di task --skip busy -m "$NOTE" --at 2026-11-21T12:00
lg p di task --skip busy --at 2026-11-22T12:00

# ---- ed: three skips for one reason other than avoided (task every day from 16) -------------
# done 16..19 = 4/7 = 57.1%; forgot 20, 21, 22: the client's "3 skips: forgot".
ED=$(asg p ed task --start 2026-11-16)
for d in 16 17 18 19; do lg p ed task --at 2026-11-${d}T12:00; done
for d in 20 21 22; do lg p ed task --skip forgot --at 2026-11-${d}T12:00; done

# ---- fi: sleep efficiency up (sleep every day from 9) ---------------------------------------
# The week before, 10..13: bed 23:00, wake and out of bed 07:00: TIB 480; TST 480 - 36 -
# 60 = 384; SE 384/480 = 80.0. W47, 19..22: TST 480 - 18 - 30 = 432; SE 90.0.
# Up 10.0 points (>= 5): improving "sleep efficiency up 10 points". 4/7 = 57.1%.
FI=$(asg p fi sleep --start 2026-11-09)
for d in 10 11 12 13; do lg p fi sleep bed=23:00 sol=36 waso=60 wake=07:00 out_of_bed=07:00 --at 2026-11-${d}T07:30; done
for d in 19 20 21 22; do lg p fi sleep bed=23:00 sol=18 waso=30 wake=07:00 out_of_bed=07:00 --at 2026-11-${d}T07:30; done

# ---- gil: an assignment ended on Wednesday 18 (and one running on) --------------------------
GIL_END=$(asg p gil task --start 2026-11-16)
GIL=$(asg p gil mindfulness --every 2/week --start 2026-11-16)
for d in 16 17 18; do lg p gil task --at 2026-11-${d}T12:00; done
lg p gil mindfulness practice=body minutes=15 --at 2026-11-19T08:00
lg p gil mindfulness practice=body minutes=15 --at 2026-11-22T08:00
HWK_NOW=2026-11-18T20:00:00+01:00 hwk -C p -c gil assign --end "$GIL_END" 2>>"$T/setup.err" ||
	setup_failed=$((setup_failed + 1))

is "setup: every assign and log succeeded" "$setup_failed" 0
is "setup: ids" "$(printf '%s\n' "$ANA_X" "$ANA_M" "$BO" "$CY" "$DI" "$ED" "$FI" "$GIL_END" "$GIL" | grep -c .)" 9

# ---- json: each flag on its own assignment, once ------------------------------------------
run -C p report -f json
J=$T/w47.json
cp "$T/out" "$J"
is "json (exit)" "$rc" 0
check "json passes jq ." jq . "$J"
is "ana exposure: climbing is no flag; the step whose peaks fell is improving" \
	"$(rec "$J" ana exposure "$FLAGS")" \
	'{"attention":null,"improving":"peak SUDS falling on bus, 1 stop (80 to 65)","client_attention":null}'
is "ana mindfulness: no exposure flag on another type's record" \
	"$(rec "$J" ana mindfulness "$FLAGS")" '{"attention":null,"improving":null,"client_attention":null}'
is "ana: the mean peak did rise (50 -> 68.3), the old rule's case" \
	"$(jq -c '.[] | select(.client == "ana" and .type == "exposure") | .["exposure.suds_peak_mean"]' "$J")" 68.3
is "bo: each step whose peaks do not fall, in the order of their first session" \
	"$(rec "$J" bo exposure "$FLAGS")" \
	'{"attention":"peak SUDS not falling on shop (70 to 70); peak SUDS not falling on queue (50 to 55)","improving":null,"client_attention":null}'
is "cy: one avoided skip is a flag of its task" "$(rec "$J" cy task "$FLAGS")" \
	'{"attention":"avoided 1 time","improving":null,"client_attention":null}'
is "di: two busy skips, no flag" "$(rec "$J" di task "$FLAGS")" \
	'{"attention":null,"improving":null,"client_attention":null}'
is "ed: three forgot skips, the client's flag (not the task's)" "$(rec "$J" ed task "$FLAGS")" \
	'{"attention":null,"improving":null,"client_attention":"3 skips: forgot"}'
is "fi: sleep efficiency up 10 points is improving, not a flag" "$(rec "$J" fi sleep "$FLAGS")" \
	'{"attention":null,"improving":"sleep efficiency up 10 points","client_attention":null}'
is "fi: the numbers behind it" \
	"$(jq -c '.[] | select(.client == "fi") | [.["sleep.se_mean"] + 0, .["sleep.se_mean_n"]]' "$J")" '[90,4]'
is "each assignment flag appears once in the whole report" \
	"$(jq -r '.[] | .attention // empty | split("; ")[]' "$J" | sort | uniq -d)" ""
is "every record has the skip_notes key, an array" \
	"$(jq -c '[.[] | .skip_notes | type] | unique' "$J")" '["array"]'
is "cy: the skip note, with its assignment, day and reason" \
	"$(jq -c '.[] | select(.client == "cy") | .skip_notes' "$J")" \
	"[{\"assignment\":\"$CY\",\"day\":\"2026-11-19\",\"reason\":\"avoided\",\"note\":\"could not get out of bed\"}]"
is "di: only the skip with a note; the note kept as written (ESC, line break)" \
	"$(jq -r '.[] | select(.client == "di") | .skip_notes | length' "$J")" 1
is "di: the note byte for byte" "$(jq -r '.[] | select(.client == "di") | .skip_notes[0].note' "$J")" "$NOTE"
is "ed: skips without notes, no skip notes" \
	"$(jq -c '.[] | select(.client == "ed") | .skip_notes' "$J")" '[]'

# ---- csv: the same, as text --------------------------------------------------------------
run -C p report -f csv cy
is "csv: the header ends the fixed columns with improving, client_attention, skip_notes, ladder, next_step" \
	"$(head -n 1 "$T/out" | cut -d, -f 20-32)" \
	"attention,skipped_busy,skipped_difficult,skipped_avoided,skipped_forgot,skipped_unclear,skipped_unsuited,skipped_other,improving,client_attention,skip_notes,ladder,next_step"
is "csv: cy's skip note as DAY REASON: NOTE" "$(sed -n 2p "$T/out" | awk -F, '{ print $30 }')" \
	"2026-11-19 avoided: could not get out of bed"

# ---- text: the caseload and the sections -------------------------------------------------
# The order: bo 2 flags; then 1 flag: ed 57% before cy 86%; then none: fi 57%, di 71%,
# ana 100%. An assignment's flags and improvement read "TYPE: words".
run -C p report -f text ana bo cy di ed fi
is "text (exit)" "$rc" 0
is "text: the caseload, with improvement apart" "$(sed -n 1,10p "$T/out")" \
	"Report for 2026-11-16 to 2026-11-22 (2026-W47), 6 clients

client  completion  days since last entry  attention                                                                                                improving
bo      100%        0                      exposure: peak SUDS not falling on shop (70 to 70); exposure: peak SUDS not falling on queue (50 to 55)  -
ed      57%         0                      3 skips: forgot                                                                                          -
cy      86%         0                      task: avoided 1 time                                                                                     -
fi      57%         0                      -                                                                                                        sleep: sleep efficiency up 10 points
di      71%         0                      -                                                                                                        -
ana     100%        2                      -                                                                                                        exposure: peak SUDS falling on bus, 1 stop (80 to 65)"
section() { awk -v h="$1" '$0 == h { on = 1 } on && $0 == "" { exit } on' "$T/out"; }
is "text: cy's section, the flag and the note under its skips" "$(section cy)" "cy
  task, every day ($CY)
    done 6, partial 0, skipped 1, missed 0 of 7 expected: 86% (the period before: -)
    skipped: avoided 1
      2026-11-19 avoided: could not get out of bed
    attention: avoided 1 time
    trend ███▁███"
is "text: di's note made visible (no ESC, no line break)" "$(section di | sed -n 4,5p)" \
	'    skipped: busy 2
      2026-11-21 busy: shift\x1b[31m ran late\nagain'
is "text: no ESC reaches the terminal" "$(tr -cd '\033' <"$T/out" | wc -c)" 0
is "text: ana's exposure, improving under it" "$(section ana | sed -n 2,4p)" \
	"  exposure, every 2/week ($ANA_X)
    done 3, partial 0, skipped 0, missed 0 of 2 expected: 100% (the period before: 50%, +50)
    improving: peak SUDS falling on bus, 1 stop (80 to 65)"
is "text: fi's sleep, improving under it" "$(section fi | sed -n 4p)" \
	"    improving: sleep efficiency up 10 points"
is "text: bo's two flags on one line" "$(section bo | grep attention)" \
	"    attention: peak SUDS not falling on shop (70 to 70); peak SUDS not falling on queue (50 to 55)"

# ---- an ended assignment, as review shows it ---------------------------------------------
run -C p report -f text gil
is "text: an ended assignment says so after its id" "$(grep -c "^  task, every day ($GIL_END, ended)\$" "$T/out")" 1
is "text: one running on does not" "$(grep -c "^  mindfulness, every 2/week ($GIL)\$" "$T/out")" 1
run -C p -c gil review --until 2026-11-22
like "review words it the same way" "$(cat "$T/out")" "^task, every day \\($GIL_END, ended\\)$"
run -C p report -f md gil
is "md: the ended assignment's heading" "$(grep -c "^### task, every day ($GIL_END, ended)\$" "$T/out")" 1

# ---- md: the skip notes and the flags ----------------------------------------------------
run -C p report -f md cy di
is "md: the caseload with the improving column" "$(sed -n 3,6p "$T/out")" \
	"| client | completion | days since last entry | attention | improving |
|---|---|---|---|---|
| cy | 86% | 0 | task: avoided 1 time | - |
| di | 71% | 0 | - | - |"
is "md: cy's note, a list item under the skips" \
	"$(grep -A1 '^- skipped: avoided 1$' "$T/out")" \
	"- skipped: avoided 1
  - 2026-11-19 avoided: could not get out of bed"
is "md: di's note made visible" "$(grep -c '^  - 2026-11-21 busy: shift\\x1b\[31m ran late\\nagain$' "$T/out")" 1
is "md: cy's flag under the task" "$(grep -c '^- attention: avoided 1 time$' "$T/out")" 1

done_testing
