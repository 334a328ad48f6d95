#!/bin/bash
# Shell completion: hwk __complete (the candidates, exactly, read from the practice and
# never an error), and the scripts of hwk completion driven in bash, fish and zsh
# themselves, from the output and from where make install puts them.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# the shells: each absent one is said in one line and fails (make deps installs them)
for sh in zsh fish; do
	command -v $sh >/dev/null || _result 1 "$sh is needed: apt-get install $sh (or: make deps)"
done
BASH_COMPLETION=$(pkg-config --variable=datadir bash-completion 2>/dev/null)/bash-completion/bash_completion
[ -f "$BASH_COMPLETION" ] ||
	_result 1 "bash-completion is needed: apt-get install bash-completion (or: make deps)"

# the scripts run "hwk": this one
mkdir -p "$T/bin"
ln -s "$HWK" "$T/bin/hwk"
export PATH="$T/bin:$PATH"
TAB=$'\t'

hwk init p 2>/dev/null
mood_check_type p
cat >>p/types/mood-check.yaml <<'EOF2'
- name: how
  type: choice
  choices: [calm, tense, low]
EOF2
S=$(asg p alex sleep)
E=$(asg p alex exposure)
M=$(asg p alex mood-check)
X=$(asg p alex task --start 2026-11-20)
hwk -C p assign --end "$X" --at 2026-11-24 2>>"$T/setup.err" || setup_failed=1
B1=$(asg p bo thought-record)
B2=$(asg p bo thought-record -e weekdays)
mkdir p/clients/cy
hwk -C p assign cy task >/dev/null 2>>"$T/setup.err" || setup_failed=1
is "the practice is made" "$setup_failed" 0

# comp WORDS...: hwk __complete WORDS (the last the word completed) in the practice p
comp() { run __complete -C p "$@"; }
lines() { printf '%s\n' "$@"; }

# ---- hwk __complete ----

run __complete ""
expect "the commands, with what each does" 0 "$(lines \
	"init${TAB}make a new practice" \
	"assign${TAB}give a client homework, adjust it or end it" \
	"log${TAB}log homework done, partly done or skipped" \
	"list${TAB}list what is due, entries, assignments or clients" \
	"review${TAB}show a client's homework since the last review, and keep the review" \
	"report${TAB}sum up a week across the caseload, who needs attention first" \
	"calendar${TAB}write a client's homework as calendar events with reminders (iCalendar)" \
	"types${TAB}list homework types or show one" \
	"sync${TAB}commit, fetch, merge and push the practice's git repositories" \
	"clone${TAB}copy a client folder or a practice from a git remote, private and set up" \
	"export${TAB}write everything hwk holds about a client, as JSON or a tar of its files" \
	"forget${TAB}remove a client's folder and review notes, and say what copies remain" \
	"upgrade${TAB}move a practice made by an older hwk to this hwk's format" \
	"git${TAB}set up git to merge hwk's files (and git's merge drivers)" \
	"completion${TAB}print the shell completion script for bash, zsh or fish" \
	"help${TAB}show the manual of hwk or of a command")" ""
run __complete l
expect "the commands that start with the word" 0 "$(lines "log${TAB}log homework done, partly done or skipped" "list${TAB}list what is due, entries, assignments or clients")" ""
run __complete -
expect "hwk's own options" 0 "$(lines -C -c --help --version)" ""
run -h
unlike() { ! grep -q -- "$2" <<<"$1"; }
check "hwk -h does not name __complete" unlike "$(cat "$T/out")" __complete

comp -c ""
expect "-c: the client ids" 0 "$(lines alex bo cy)" ""
comp -c b
expect "-c: the client ids that start with the word" 0 "bo" ""
HWK_DIR=p run __complete -c ""
expect "-c: the practice of \$HWK_DIR" 0 "$(lines alex bo cy)" ""
run __complete -C p -c ""
expect "-c: the practice of -C before it" 0 "$(lines alex bo cy)" ""
comp -c alex log ""
expect "log: the client's assignments that take entries, and their types" 0 "$(lines \
	"$E${TAB}Exposure" "exposure${TAB}$E" "$M${TAB}Mood check" "mood-check${TAB}$M" \
	"$S${TAB}Sleep diary" "sleep${TAB}$S")" ""
comp -c alex log s
expect "log: those that start with the word (the ended task is not one)" 0 "sleep${TAB}$S" ""
# bo's two, by id
BO=$(printf '%s\tThought record\n' "$B1" "$B2" | sort)
HWK_CLIENT=bo comp log ""
expect "log: \$HWK_CLIENT's; a type two of them have names neither" 0 "$BO" ""
comp log ""
expect "log: no client known in a practice of several: none" 0 "" ""
(cd p/clients/alex && run __complete log s)
expect "log: in a client's folder, that client's" 0 "sleep${TAB}$S" ""
hwk init q 2>/dev/null
Q=$(asg q solo sleep)
run __complete -C q log ""
expect "log: the only client's" 0 "$(lines "$Q${TAB}Sleep diary" "sleep${TAB}$Q")" ""
comp -c cy log ""
expect "log: the one assignment of a client" 0 "$(lines "$(cat p/clients/cy/*task*.yaml | sed -n 's/^id: //p')${TAB}Task" "task${TAB}$(cat p/clients/cy/*task*.yaml | sed -n 's/^id: //p')")" ""

comp -c alex log sleep ""
expect "log ASSIGNMENT: its type's FIELD= names, with their prompts" 0 "$(lines \
	"bed=${TAB}Time you went to bed" "lights_out=${TAB}Time you tried to sleep" \
	"sol=${TAB}Minutes to fall asleep" "awakenings=${TAB}Times you woke in the night" \
	"waso=${TAB}Minutes awake in the night" "wake=${TAB}Time of final awakening" \
	"out_of_bed=${TAB}Time you got out of bed" \
	"quality=${TAB}Sleep quality (1 very poor, 5 very good)")" ""
comp -c alex log "$S" bed=23:00 --at yesterday wake=07:00 -m "a note" ""
expect "log ASSIGNMENT: the fields not given yet (options between)" 0 "$(lines \
	"lights_out=${TAB}Time you tried to sleep" "sol=${TAB}Minutes to fall asleep" \
	"awakenings=${TAB}Times you woke in the night" "waso=${TAB}Minutes awake in the night" \
	"out_of_bed=${TAB}Time you got out of bed" \
	"quality=${TAB}Sleep quality (1 very poor, 5 very good)")" ""
comp -c alex log mood "" # an id prefix or type that names none
expect "log: an assignment that names none: no fields" 0 "" ""
comp -c alex log mood-check ""
expect "log mood-check: a custom type's fields" 0 "$(lines mood= hours= walked= what= how=)" ""
comp -c alex log mood-check walked=
expect "FIELD=: a yes/no field's values" 0 "$(lines walked=yes walked=no)" ""
comp -c alex log mood-check how=t
expect "FIELD=: a choice field's values" 0 "how=tense" ""
comp -c alex log --correct "$M@2026-11-27T08:00" ""
expect "log --correct ASSIGNMENT@WHEN: its fields" 0 "$(lines mood= hours= walked= what= how=)" ""

comp -c alex log sleep --skip ""
expect "--skip: the reasons" 0 "$(lines busy difficult avoided forgot unclear unsuited other)" ""
comp -c alex log sleep -s a
expect "-s: the reasons that start with the word" 0 "avoided" ""
comp -c alex log sleep --skip=f
expect "--skip=: the reasons after it" 0 "--skip=forgot" ""
comp -c alex log -
expect "log -: its options" 0 "$(lines --at --partial --skip --message --quiet --import --correct --withdraw --help)" ""
comp -c alex log --import ""
expect "--import: a file (the shell's own)" 0 ":file" ""

comp list -f ""
expect "list -f: its formats" 0 "$(lines table tsv csv json yaml)" ""
comp types -f ""
expect "types -f: its formats" 0 "$(lines table tsv csv json yaml)" ""
comp report -f ""
expect "report -f: its formats" 0 "$(lines text md csv tsv json html)" ""
comp review -f ""
expect "review -f: its formats" 0 "$(lines text html)" ""
comp export -f ""
expect "export -f: its formats" 0 "$(lines json tar)" ""
comp forget ""
expect "forget: a client" 0 "$(lines alex bo cy)" ""
comp export b
expect "export: a client" 0 "$(lines bo)" ""
comp calendar ""
expect "calendar: a client" 0 "$(lines alex bo cy)" ""
comp list ""
expect "list: what it lists" 0 "$(lines due entries assignments clients)" ""
comp list entries -s ""
expect "list -s: the statuses" 0 "$(lines done partial skipped withdrawn active ended)" ""
comp list -r ""
expect "list -r: the reasons" 0 "$(lines busy difficult avoided forgot unclear unsuited other)" ""
comp list -t ""
expect "list -t: the types" 0 "$(lines activity exposure mindfulness mood-check sleep task thought-record)" ""

comp report --week ""
expect "report --week: this, last and the recent ISO weeks" 0 "$(lines "this${TAB}this week" \
	"last${TAB}last week" 2026-W48 2026-W47 2026-W46 2026-W45 2026-W44 2026-W43 2026-W42 2026-W41)" ""
HWK_NOW=2026-01-06T09:00:00+01:00 comp report --week=20
expect "report --week=: the weeks across a new year" 0 "$(lines --week=2026-W02 --week=2026-W01 \
	--week=2025-W52 --week=2025-W51 --week=2025-W50 --week=2025-W49 --week=2025-W48 --week=2025-W47)" ""
comp report ""
expect "report CLIENT...: the clients" 0 "$(lines alex bo cy)" ""
comp report alex ""
expect "report CLIENT...: more clients" 0 "$(lines alex bo cy)" ""

comp assign ""
expect "assign: a client or a type" 0 "$(lines alex bo cy activity exposure mindfulness mood-check sleep task thought-record)" ""
comp assign alex ""
expect "assign CLIENT: the types" 0 "$(lines activity exposure mindfulness mood-check sleep task thought-record)" ""
comp assign alex sleep ""
expect "assign CLIENT TYPE: nothing more" 0 "" ""
comp -c bo assign --end ""
expect "assign --end: the client's assignments" 0 "$BO" ""
comp types m
expect "types: the types" 0 "$(lines mindfulness mood-check)" ""

comp review alex -r ""
expect "review CLIENT -r: ASSIGNMENT= of that client" 0 "$(lines \
	"$E=${TAB}Exposure" "exposure=${TAB}$E" "$M=${TAB}Mood check" "mood-check=${TAB}$M" \
	"$S=${TAB}Sleep diary" "sleep=${TAB}$S")" ""
comp review alex -r sleep=
expect "review -r ASSIGNMENT=: the ratings" 0 "$(lines sleep=0 sleep=1 sleep=2 sleep=3 sleep=4)" ""

comp help r
expect "help: the commands" 0 "$(lines "review${TAB}show a client's homework since the last review, and keep the review" "report${TAB}sum up a week across the caseload, who needs attention first")" ""
comp completion ""
expect "completion: the shells" 0 "$(lines bash zsh fish)" ""
comp -C ""
expect "-C: a folder (the shell's own)" 0 ":dir" ""
comp init ""
expect "init: a folder" 0 ":dir" ""
comp upgrade ""
expect "upgrade: nothing" 0 "" ""

# never an error: nothing offered, nothing said, exit 0
run __complete -C nowhere -c ""
expect "no practice: nothing" 0 "" ""
comp bogus ""
expect "an unknown command: nothing" 0 "" ""
comp -c nobody log ""
expect "an unknown client: nothing" 0 "" ""
comp -c ../p log ""
expect "a client id that is no id: nothing" 0 "" ""
printf 'id: [broken\n' >p/clients/alex/2026-11-01-broken-0000.yaml
comp -c alex log s
expect "a broken assignment file beside: the others, and nothing said" 0 "sleep${TAB}$S" ""
rm p/clients/alex/2026-11-01-broken-0000.yaml
HWK_NOW=bogus comp -c alex log sl
expect "a bad HWK_NOW: the clock, and nothing said" 0 "sleep${TAB}$S" ""
run __complete
expect "no word at all: the commands" 0 "$(hwk __complete "")" ""

# ---- hwk completion ----

run completion tcsh
expect "completion: a shell it does not know" 2 "" "hwk completion: tcsh: not a shell hwk completes (bash, zsh, fish)"
run completion
expect "completion: no shell" 2 "" "usage: hwk completion bash|zsh|fish"
run completion bash zsh
expect "completion: two shells" 2 "" "usage: hwk completion bash|zsh|fish"
run completion -h
expect "completion -h" 0 "usage: hwk completion bash|zsh|fish" ""
for sh in bash zsh fish; do
	run completion $sh
	check "completion $sh: a script, and it asks hwk __complete" grep -q "hwk __complete" "$T/out"
done
hwk completion bash >"$T/hwk.bash"
hwk completion zsh >"$T/_hwk"
hwk completion fish >"$T/hwk.fish"

# ---- bash: the completion function as bash calls it ----

# bcomp_here LINE WORD...: _hwk for LINE (the cursor at its end) split into the words
# bash makes of it (COMP_WORDS: at '=' and ':' too); prints COMPREPLY, one a line.
# bcomp: the same in the practice p.
bcomp_here() {
	timeout 10 bash --norc --noprofile -c '
		source "$1"
		COMP_LINE=$2 COMP_POINT=${#2}
		shift 2
		COMP_WORDS=("$@") COMP_CWORD=$(($# - 1))
		_hwk
		printf "%s\n" "${COMPREPLY[@]}"' bcomp "$T/hwk.bash" "$@" </dev/null 2>&1
}
bcomp() { (cd p && bcomp_here "$@"); }
is "bash: the commands" "$(bcomp 'hwk ' hwk '')" "$(lines init assign log list review report calendar types sync clone export forget upgrade git completion help)"
is "bash: -c the clients" "$(bcomp 'hwk -c ' hwk -c '')" "$(lines alex bo cy)"
is "bash: log the assignment ids and types" "$(bcomp 'hwk -c alex log ' hwk -c alex log '')" "$(lines "$E" exposure "$M" mood-check "$S" sleep)"
is "bash: log ASSIGNMENT the FIELD= names" "$(bcomp 'hwk -c alex log sleep bed=23:00 q' hwk -c alex log sleep bed = 23 : 00 q)" "quality="
is "bash: FIELD=VALUE (bash completes after the '=')" "$(bcomp 'hwk -c alex log mood-check walked=' hwk -c alex log mood-check walked =)" "$(lines yes no)"
is "bash: FIELD=VALUE, begun" "$(bcomp 'hwk -c alex log mood-check how=ca' hwk -c alex log mood-check how = ca)" "calm"
is "bash: --skip the reasons" "$(bcomp 'hwk -c alex log sleep --skip ' hwk -c alex log sleep --skip '')" "$(lines busy difficult avoided forgot unclear unsuited other)"
is "bash: --skip= the reasons" "$(bcomp 'hwk -c alex log sleep --skip=u' hwk -c alex log sleep --skip = u)" "$(lines unclear unsuited)"
is "bash: -f the formats" "$(bcomp 'hwk report -f ' hwk report -f '')" "$(lines text md csv tsv json html)"
is "bash: --week" "$(bcomp 'hwk report --week 2026-W4' hwk report --week 2026-W4)" "$(lines 2026-W48 2026-W47 2026-W46 2026-W45 2026-W44 2026-W43 2026-W42 2026-W41)"
is "bash: -C a folder" "$(bcomp 'hwk -C cl' hwk -C cl)" "clients"
is "bash: --import a file" "$(bcomp 'hwk log --import hwk.y' hwk log --import hwk.y)" "hwk.yaml"
is "bash: a quoted word before, unquoted" "$(bcomp "hwk -c 'alex' log s" hwk -c "'alex'" log s)" "sleep"
is "bash: a double-quoted one" "$(bcomp 'hwk -c "bo" log ' hwk -c '"bo"' log '')" "$(cut -f1 <<<"$BO")"
ln -s "$T/p" "$HOME/prac"
is "bash: ~/ before, expanded" "$(cd / && bcomp_here 'hwk -C ~/prac -c ' hwk -C '~/prac' -c '')" "$(lines alex bo cy)"

# with bash-completion loaded, the script is found where make install puts it
DEST="$T/inst"
run_make() { make -s -C "$TOP" "$@" BUILD="$(dirname "$HWK")" PREFIX=/usr/local DESTDIR="$DEST" >"$T/make.out" 2>&1; }
run_make install
is "make install: the scripts where each shell looks" "$(cd "$DEST" && find . -type f ! -path './usr/local/share/man/*' | sort)" "$(lines \
	./usr/local/bin/hwk ./usr/local/share/bash-completion/completions/hwk \
	./usr/local/share/fish/vendor_completions.d/hwk.fish \
	./usr/local/share/zsh/site-functions/_hwk)"
is "make install: bash's script is hwk completion bash" "$(cat "$DEST/usr/local/share/bash-completion/completions/hwk")" "$(cat "$T/hwk.bash")"
is "make install: zsh's script" "$(cat "$DEST/usr/local/share/zsh/site-functions/_hwk")" "$(cat "$T/_hwk")"
is "make install: fish's script" "$(cat "$DEST/usr/local/share/fish/vendor_completions.d/hwk.fish")" "$(cat "$T/hwk.fish")"
is "make install: readable by all" "$(stat -c %a "$DEST"/usr/local/share/bash-completion/completions/hwk "$DEST"/usr/local/share/zsh/site-functions/_hwk "$DEST"/usr/local/share/fish/vendor_completions.d/hwk.fish)" "$(lines 644 644 644)"
got=$(cd p && XDG_DATA_DIRS="$DEST/usr/local/share" timeout 10 bash --norc --noprofile -c '
	source "$1"
	__load_completion hwk && complete -p hwk
	COMP_LINE="hwk -c bo log " COMP_POINT=14 COMP_WORDS=(hwk -c bo log "") COMP_CWORD=4
	_hwk
	printf "%s\n" "${COMPREPLY[@]}"' x "$BASH_COMPLETION" </dev/null 2>&1)
is "bash-completion loads the installed script" "$got" "$(lines "complete -F _hwk hwk" "$(cut -f1 <<<"$BO")")"

# ---- fish ----

fcomp() { (cd p && timeout 10 fish --no-config -c "$1" </dev/null 2>&1); }
is "fish: log the assignments, with what they are" \
	"$(fcomp 'source '"$T"'/hwk.fish; complete -C "hwk -c alex log "')" "$(lines \
	"$E${TAB}Exposure" "$M${TAB}Mood check" "$S${TAB}Sleep diary" "exposure${TAB}$E" \
	"mood-check${TAB}$M" "sleep${TAB}$S")"
is "fish: the FIELD= names" "$(fcomp 'source '"$T"'/hwk.fish; complete -C "hwk -c alex log mood-check mood=3 w"')" "$(lines walked= what=)"
is "fish: FIELD=VALUE" "$(fcomp 'source '"$T"'/hwk.fish; complete -C "hwk -c alex log mood-check how="')" "$(lines how=calm how=low how=tense)"
is "fish: --skip" "$(fcomp 'source '"$T"'/hwk.fish; complete -C "hwk -c alex log sleep --skip "')" "$(lines avoided busy difficult forgot other unclear unsuited)"
is "fish: the clients" "$(fcomp 'source '"$T"'/hwk.fish; complete -C "hwk -c "')" "$(lines alex bo cy)"
is "fish: --import a file" "$(fcomp 'source '"$T"'/hwk.fish; complete -C "hwk log --import hwk.y"')" "hwk.yaml"
# (fish orders numbers in words by their value)
is "fish: the installed script, found by fish" \
	"$(cd p && XDG_DATA_DIRS="$DEST/usr/local/share" XDG_CONFIG_HOME="$HOME/.config" \
		timeout 10 fish -c 'complete -C "hwk -c bo log "' </dev/null 2>&1 | sort)" "$BO"

# ---- zsh: an interactive zsh on a pty, completing with compinit ----

zcomp() { (cd p && timeout 20 zsh -f "$TOP/tests/zsh-complete.zsh" "$@" </dev/null 2>&1); }
is "zsh: log the assignments, with what they are" "$(zcomp "$T/_hwk" 'hwk -c alex log ' | sort)" "$(lines \
	"$E -- Exposure" "$M -- Mood check" "$S -- Sleep diary" "exposure -- $E" \
	"mood-check -- $M" "sleep -- $S" | sort)"
is "zsh: FIELD= names, with no space after" "$(zcomp "$T/_hwk" 'hwk -c alex log sleep q')" "quality= -- Sleep quality (1 very poor, 5 very good)"
is "zsh: the formats" "$(zcomp "$T/_hwk" 'hwk list -f ' | sort)" "$(lines csv json table tsv yaml)"
is "zsh: the installed _hwk, found through fpath" \
	"$(ZSH_FPATH="$DEST/usr/local/share/zsh/site-functions" zcomp - 'hwk -c bo log ' | sort)" \
	"$(sed "s/$TAB/ -- /" <<<"$BO")"

run_make uninstall
is "make uninstall: the scripts gone" "$(cd "$DEST" && find . -type f)" ""

done_testing
