#!/bin/bash
# hwk git: a client folder shared through git by two machines. With hwk git setup, git
# merges entries by hwk's driver (every row once, in logged order) and assignments key
# by key; without it, by git's own union, which never conflicts either. The same key
# changed on both sides is a conflict with markers, which hwk then reports, never misreads.
. "$(dirname "$0")/../lib.sh"

# git of its own: no global or system configuration, no editor, a fixed identity
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_EDITOR=true GIT_MERGE_AUTOEDIT=no
export GIT_AUTHOR_DATE=2026-11-27T09:00:00+01:00 GIT_COMMITTER_DATE=2026-11-27T09:00:00+01:00
g() { git -C "$1" -c user.name=test -c user.email=test@example.org "${@:2}"; }

hwk init p >/dev/null 2>&1
S=$(hwk -C p assign alex sleep 2>>"$T/setup.err")
hwk -C p assign bob sleep >/dev/null 2>>"$T/setup.err"

# ---- setup ----
run git setup p/clients/alex
expect "outside a git repository it refuses" 1 "" \
	"hwk git: p/clients/alex: not in a git repository (make one with 'git init', or clone one, first)"

g p/clients/alex init -q -b main
run -C p/clients/alex git setup
is "setup in a client folder (exit)" "$rc" 0
is "it says what it set" "$(sed "s|'$HWK'|HWK|" "$T/out")" \
	"set merge.union.name hwk entries: every row once, in logged order
set merge.union.driver HWK git merge-entries %O %A %B %P
set merge.hwk-assignment.name hwk assignments: key by key, histories united
set merge.hwk-assignment.driver HWK git merge-assignment %O %A %B %P %L
added .hwk.* to $T/p/clients/alex/.gitignore
added *.tmp.* to $T/p/clients/alex/.gitignore"
is "the drivers are in the repository's own configuration" \
	"$(git config -f p/clients/alex/.git/config --get merge.union.driver)" \
	"'$HWK' git merge-entries %O %A %B %P"
is ".gitattributes already held both lines: kept as hwk init wrote it" \
	"$(grep -v '^#' p/clients/alex/.gitattributes)" \
	"$(printf '*.csv merge=union\n*.yaml merge=hwk-assignment')"
is ".gitignore is private" "$(stat -c %a p/clients/alex/.gitignore)" 600
run -C p/clients/alex git setup
expect "setup again changes nothing" 0 "$T/p/clients/alex: already set up" ""

# a driver changed by hand, or a name given twice, is set back to hwk's (one value)
git config -f p/clients/alex/.git/config merge.union.driver "cat %A"
git config -f p/clients/alex/.git/config --add merge.hwk-assignment.name other
run -C p/clients/alex git setup
is "a changed driver and a doubled name are set again" "$(sed "s|'$HWK'|HWK|" "$T/out")" \
	"set merge.union.driver HWK git merge-entries %O %A %B %P
set merge.hwk-assignment.name hwk assignments: key by key, histories united"
is "the doubled name is one value again" \
	"$(git config -f p/clients/alex/.git/config --get-all merge.hwk-assignment.name)" \
	"hwk assignments: key by key, histories united"

# a user's own lines are kept; missing ones are added
mkdir -p u && g u init -q -b main
printf '# mine\n*.txt diff\n' >u/.gitattributes
printf 'notes/\n.hwk.*\n' >u/.gitignore
run git setup -q u
expect "setup -q says nothing" 0 "" ""
is ".gitattributes: the user's lines, then hwk's" "$(cat u/.gitattributes)" \
	"$(printf '# mine\n*.txt diff\n*.csv merge=union\n*.yaml merge=hwk-assignment')"
is ".gitignore: the user's lines, then what was missing" "$(cat u/.gitignore)" \
	"$(printf 'notes/\n.hwk.*\n*.tmp.*')"

# ---- two machines ----
g p/clients/alex add -A
g p/clients/alex commit -qm start
check "the lock file is not committed" test -z "$(g p/clients/alex ls-files .hwk.lock)"
git clone -q --bare p/clients/alex origin.git
clone() { # NAME [setup] (private, as hwk clone or hwk sync would leave it)
	git clone -q origin.git "$1" && chmod -R go-rwx "$1" && g "$1" config pull.rebase false &&
		{ [ -z "${2:-}" ] || hwk -C "$1" git setup -q; }
}
clone m1 setup
clone m2 setup
check "the clones' .gitattributes make csv files merge by union" \
	test "$(g m1 check-attr merge -- x.csv)" = "x.csv: merge: union"

# interleaved logs: m1 on the 28th and 30th, m2 on the 29th and (earlier in the day,
# but the same instant as m1's 30th is later) the 30th in another zone
log_at() { # DIR NOW AT [TZ]
	TZ=${4:-$TZ} HWK_NOW=$2 hwk -C "$1" log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05 --at "$3" \
		2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
}
log_at m1 2026-11-28T08:00:00+01:00 2026-11-28T07:00
log_at m1 2026-11-30T09:00:00+01:00 2026-11-30T07:00
log_at m2 2026-11-29T08:00:00+01:00 2026-11-29T07:00
log_at m2 2026-11-30T07:30:00+00:00 2026-11-30T07:00+01:00 UTC
g m1 add -A && g m1 commit -qm "m1 logs" && g m1 push -q origin main 2>>"$T/setup.err"
g m2 add -A && g m2 commit -qm "m2 logs"
g m2 pull -q origin main >"$T/pull" 2>&1
is "git pull merges the entries (exit)" "$?" 0
logged() { cut -d, -f2 "$1/$S.csv" | tail -n +2 | tr '\n' ' '; }
# git's union would have put m2's rows before m1's: the order is the configured driver's,
# which takes the place of git's built-in union by its name
is "rows of both machines, in logged order, none twice" "$(logged m2)" \
	"2026-11-28T08:00:00+01:00 2026-11-29T08:00:00+01:00 2026-11-30T07:30:00+00:00 2026-11-30T09:00:00+01:00 "
is "one header" "$(grep -c '^at,' "m2/$S.csv")" 1
run -C m2 list entries -f tsv
is "hwk lists all four" "$(tail -n +2 "$T/out" | wc -l)" 4
HWK_NOW=2026-12-01T08:00:00+01:00 run -C m2 log sleep bed=23:40 wake=06:50 out_of_bed=07:05 --at 2026-12-01T07:00 \
	</dev/null
# the week from Monday 30: the 30th (both machines logged it: one night) and this one
like "hwk counts the week's nights from both machines' entries" "$(cat "$T/err")" "sleep: 2 of 7 this week"
g m2 add -A && g m2 commit -qm "m2 logs again" && g m2 push -q origin main 2>>"$T/setup.err"
g m1 pull -q origin main >"$T/pull" 2>&1
is "the other machine pulls it back: the same file" "$(cat "m1/$S.csv")" "$(cat "m2/$S.csv")"

# ---- without setup: git's own union ----
clone m3
clone m4
log_at m3 2026-12-02T09:00:00+01:00 2026-12-02T07:00
log_at m4 2026-12-02T08:00:00+01:00 2026-12-02T06:00
g m3 add -A && g m3 commit -qm "m3 logs" && g m3 push -q origin main 2>>"$T/setup.err"
g m4 add -A && g m4 commit -qm "m4 logs"
g m4 pull -q origin main >"$T/pull" 2>&1
is "without hwk's config, git's union merges the entries: no conflict" "$?" 0
check "no conflict markers" test -z "$(grep -E '^(<<<<<<<|=======|>>>>>>>)' "m4/$S.csv")"
is "every row is there" "$(tail -n +2 "m4/$S.csv" | wc -l)" 7
run -C m4 list entries -f tsv
is "hwk lists them all" "$(tail -n +2 "$T/out" | wc -l)" 7
g m4 push -q origin main 2>>"$T/setup.err"

# ---- assignments ----
g m1 pull -q origin main >>"$T/setup.err" 2>&1
g m2 pull -q origin main >>"$T/setup.err" 2>&1
HWK_NOW=2026-12-03T10:00:00+01:00 hwk -C m1 assign --edit "$S" --when 'on waking' 2>>"$T/setup.err"
HWK_NOW=2026-12-03T11:00:00+01:00 hwk -C m2 assign --edit "$S" --where kitchen 2>>"$T/setup.err"
g m1 commit -qam "when" && g m1 push -q origin main 2>>"$T/setup.err"
g m2 commit -qam "where"
g m2 pull -q origin main >"$T/pull" 2>&1
is "different keys edited on each side merge (exit)" "$?" 0
is "both edits are kept" "$(grep -E '^(when|where):' "m2/$S.yaml")" \
	"$(printf 'when: on waking\nwhere: kitchen')"
is "both changes are in the history, in time order" \
	"$(grep -A1 '^- at:' "m2/$S.yaml" | grep -o 'change: .*' | tr '\n' ' ')" \
	"change: assigned change: when change: where "
run -C m2 list assignments -f tsv
is "hwk reads the merged assignment" "$rc" 0
g m2 push -q origin main 2>>"$T/setup.err"
g m1 pull -q origin main >>"$T/setup.err" 2>&1

HWK_NOW=2026-12-04T10:00:00+01:00 hwk -C m1 assign --edit "$S" -e 5/week 2>>"$T/setup.err"
HWK_NOW=2026-12-04T11:00:00+01:00 hwk -C m2 assign --edit "$S" -e 3/week 2>>"$T/setup.err"
g m1 commit -qam "5/week" && g m1 push -q origin main 2>>"$T/setup.err"
g m2 commit -qam "3/week"
g m2 pull -q origin main >"$T/pull" 2>&1
is "the same key edited differently: git pull stops (exit)" "$?" 1
like "hwk's driver says what conflicts and what to do" "$(cat "$T/pull")" \
	"^hwk git: $S.yaml: 'every' changed on both sides: ours '3/week', theirs '5/week'; left with conflict markers: edit it to keep what is right, then 'git add $S.yaml' and commit$"
like "the file is visibly conflicted" "$(cat "m2/$S.yaml")" '^<<<<<<< ours$'
is "git knows it is unmerged" "$(g m2 diff --name-only --diff-filter=U)" "$S.yaml"

# hwk reports it, never misreads it; list goes on past it
line=$(grep -n '^<<<<<<< ' "m2/$S.yaml" | cut -d: -f1)
run -C m2 list assignments
is "list in the conflicted folder fails" "$rc" 1
like "naming the file, its line and what to do" "$(cat "$T/err")" \
	"$S.yaml:$line: unresolved git conflict; run hwk sync or resolve it"
cp "m2/$S.yaml" "p/clients/alex/$S.yaml"
run -C p list assignments -f tsv
is "in a practice, list over a conflicted file (exit)" "$rc" 1
like "names it" "$(cat "$T/err")" \
	"^hwk list: clients/alex/$S.yaml:$line: unresolved git conflict; run hwk sync or resolve it$"
like "and shows the other clients" "$(cat "$T/out")" "^bob	"

# an entries file with conflict markers (a merge made without any driver)
cp "m1/$S.csv" "p/clients/bob/x.csv"
{ head -n 2 "m1/$S.csv"; echo '<<<<<<< ours'; echo '======='; echo '>>>>>>> theirs'; } \
	>"p/clients/alex/$S.csv"
cp "m1/$S.yaml" "p/clients/alex/$S.yaml"
run -C p list entries -f tsv
is "list entries over a conflicted entries file (exit)" "$rc" 1
like "names its line" "$(cat "$T/err")" \
	"clients/alex/$S.csv:3: unresolved git conflict; run hwk sync or resolve it"

# ---- the drivers as plumbing ----
printf 'a: 1\n' >o.yaml
printf 'a: 2\n' >a.yaml
printf 'a: 3\n' >b.yaml
run git merge-assignment o.yaml a.yaml b.yaml client.yaml 9
is "a file that is no assignment: git's text merge (exit)" "$rc" 1
like "with markers of the size given" "$(cat a.yaml)" '^<<<<<<<<< ours$'
printf 'a: 1\nc: 1\nd: 1\ne: 1\nb: 1\n' >o.yaml
printf 'a: 2\nc: 1\nd: 1\ne: 1\nb: 1\n' >a.yaml
printf 'a: 1\nc: 1\nd: 1\ne: 1\nb: 2\n' >b.yaml
run git merge-assignment o.yaml a.yaml b.yaml
expect "no conflict in its text: merged" 0 "" ""
is "both changes" "$(cat a.yaml)" "$(printf 'a: 2\nc: 1\nd: 1\ne: 1\nb: 2')"
run git merge-entries o.yaml
is "a driver missing its files: usage (exit)" "$rc" 2
run git frobnicate
is "an unknown subcommand (exit)" "$rc" 2
like "is named" "$(cat "$T/err")" "frobnicate: not a git subcommand"

is "setup went through" "$setup_failed $(cat "$T/setup.err")" "0 "
done_testing
