#!/bin/bash
# hwk clone: a client folder or a practice from a git remote in one command: private
# whatever the umask, hwk's drivers registered, inside a practice at clients/ID; what is
# not hwk's, a bad URL or a folder in the way refused with nothing left behind.
. "$(dirname "$0")/../lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
g() { git -C "$1" -c user.name=test -c user.email=test@example.org "${@:2}"; }
# modes FIND-ARGS...: the distinct modes found, on one line
modes() { find "$@" -printf '%m\n' | sort -u | tr '\n' ' '; }

# the clinic's practice, alex's folder a repository pushed to a bare one
hwk init p >/dev/null 2>&1
S=$(hwk -C p assign alex sleep 2>>"$T/setup.err")
hwk -C p -c alex log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05 2>>"$T/setup.err"
g p/clients/alex init -q -b main
g p/clients/alex add -A && g p/clients/alex commit -qm alex
git clone -q --bare p/clients/alex alex.git

# ---- on the client's machine, under umask 022 ----
mkdir laptop
snap alex.git
(cd laptop && umask 022 && hwk clone ../alex.git) >"$T/out" 2>"$T/err"
rc=$?
expect "a client folder is cloned where git would put it" 0 "" \
	"hwk clone: cloned alex's client folder into alex"
is "its files are 0600" "$(modes laptop/alex -path laptop/alex/.git -prune -o -type f)" "600 "
is "its folders 0700" "$(modes laptop/alex -path laptop/alex/.git -prune -o -type d)" "700 "
is "git's own files: nothing for group or others" "$(find laptop/alex/.git -perm /077 | wc -l)" 0
is "git's own folders are 0700" "$(modes laptop/alex/.git -type d)" "700 "
is "hwk's entries driver is registered" \
	"$(git -C laptop/alex config merge.union.driver | cut -d' ' -f2-)" "git merge-entries %O %A %B %P"
is "... and the assignments'" \
	"$(git -C laptop/alex config merge.hwk-assignment.driver | cut -d' ' -f2-)" \
	"git merge-assignment %O %A %B %P %L"
unchanged "the remote on this disk is copied, not linked: its modes are its own" alex.git
is "no staging folder is left" "$(find laptop -maxdepth 1 -name '.hwk.*' | wc -l)" 0
(cd laptop/alex && hwk log -q sleep bed=23:50 wake=07:00 out_of_bed=07:10) 2>>"$T/setup.err"
run -C laptop/alex list entries -f tsv
is "hwk works in the clone: log and list (exit)" "$rc" 0
is "... both entries" "$(tail -n +2 "$T/out" | wc -l)" 2
is "the new entry file is private too" "$(stat -c %a "laptop/alex/$S.csv")" 600
run -C laptop/alex sync
# two files: the new entry, and the .gitignore that hwk git setup gave hwk's lines
expect "and sync goes through" 0 "alex: committed 2 files, pushed 1 commit" ""

# ---- a named folder, and -q ----
run clone -q alex.git "$T/elsewhere/../named"
is "a folder named elsewhere (exit)" "$rc" 1
like "... its parent must be there" "$(cat "$T/err")" "^hwk clone: $T/elsewhere/..: No such file"
mkdir empty
run clone -q alex.git empty
expect "-q: nothing said; an empty folder is cloned into" 0 "" ""
check "... the client folder is there" test -f empty/client.yaml

# ---- inside a practice: clients/ID, whatever the URL's name ----
hwk init clinic >/dev/null 2>&1
cp -r alex.git renamed.git
(cd clinic && hwk clone ../renamed.git) >"$T/out" 2>"$T/err"
rc=$?
expect "inside a practice, a client folder goes to clients/ID" 0 "" \
	"hwk clone: cloned alex's client folder into clients/alex"
run -C clinic list clients -f tsv
like "the practice sees the client" "$(cat "$T/out")" "^alex	"
run -C clinic clone renamed.git
expect "the client there already: refused" 1 "" \
	"hwk clone: $T/clinic/clients/alex: the practice has a client 'alex' already (name another folder)"
is "nothing is left behind" "$(find clinic -name '.hwk.clone-*' | wc -l)" 0

# ---- a practice ----
g p init -q -b main
printf '/clients/alex/\n' >>p/.gitignore
g p add -A && g p commit -qm practice
git clone -q --bare p practice.git
run clone practice.git
expect "a practice is cloned" 0 "" "hwk clone: cloned a practice into practice"
check "... with its settings" test -f practice/hwk.yaml
is "... without alex's repository" "$(find practice -name client.yaml | wc -l)" 0
snap clinic
run -C clinic clone "$T/practice.git"
expect "a practice inside a practice: refused" 1 "" \
	"hwk clone: $T/practice.git: holds a practice; this is inside the practice $T/clinic: clone it elsewhere, or name the folder"
unchanged "... nothing changed there" clinic

# ---- errors: nothing left behind ----
mkdir errs
snap errs
(cd errs && hwk clone ../nowhere.git) >"$T/out" 2>"$T/err"
rc=$?
expect "a bad URL" 1 "" \
	"hwk clone: ../nowhere.git: could not clone it: repository '../nowhere.git' does not exist"
unchanged "a bad URL: nothing left behind" errs
mkdir -p errs/alex && touch errs/alex/notes
snap errs
(cd errs && hwk clone ../alex.git) >"$T/out" 2>"$T/err"
rc=$?
expect "the folder is there and not empty" 1 "" \
	"hwk clone: alex: is there already and is not empty (name another folder)"
unchanged "... nothing changed" errs
git init -q -b main other && touch other/README && g other add README && g other commit -qm x
git clone -q --bare other other.git
git init -q --bare void.git
snap errs
(cd errs && hwk clone ../other.git) >"$T/out" 2>"$T/err"
rc=$?
expect "not an hwk repository" 1 "" \
	"hwk clone: ../other.git: not a client folder or a practice: no client.yaml or hwk.yaml at its top"
(cd errs && hwk clone ../void.git) >"$T/out" 2>"$T/err"
rc=$?
expect "an empty repository" 1 "" \
	"hwk clone: ../void.git: the repository is empty: nothing to clone (push a client folder or a practice to it first)"
unchanged "... nothing left behind" errs
run clone /
expect "no name to take from the URL" 1 "" "hwk clone: /: cannot tell a folder name from it; name the folder"
run clone
expect "no URL: usage" 2 "" "usage: hwk clone [-q] URL [DIR]"
run clone a b c
is "three arguments: usage (exit)" "$rc" 2

is "setup went well" "$(cat "$T/setup.err")" ""
# ---- what a killed clone left ----
# a staging folder no live clone holds and untouched for a minute is removed by the next
# clone beside it (it holds a copy of client data); a fresh one, one a live clone holds
# locked, and what a link leads to are left
mkdir -p left/.hwk.clone-old/sub left/.hwk.clone-fresh left/.hwk.clone-held kept
echo 'client data' >left/.hwk.clone-old/sub/entries.csv
echo 'mine' >kept/file
ln -s ../kept left/.hwk.clone-link
touch -d 2020-01-01 left/.hwk.clone-old left/.hwk.clone-held
touch -h -d 2020-01-01 left/.hwk.clone-link
exec 8<left/.hwk.clone-held
flock 8
(cd left && hwk clone ../alex.git) >"$T/out" 2>"$T/err"
is "a clone beside leftovers (exit)" "$?" 0
exec 8<&-
is "the old leftover is removed; the fresh, the held and the link stay" \
	"$(cd left && find . -maxdepth 1 -name '.hwk.*' | sort | tr '\n' ' ')" \
	"./.hwk.clone-fresh ./.hwk.clone-held ./.hwk.clone-link "
is "what the link leads to is untouched" "$(cat kept/file)" "mine"
check "the clone is there" test -f left/alex/client.yaml

done_testing
