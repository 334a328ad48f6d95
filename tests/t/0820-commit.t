#!/bin/bash
# commit: true in hwk.yaml (or git config hwk.commit true in a client folder standing
# alone): each write is one commit of just the files it wrote, in the repository holding
# them, with a message saying what happened; a commit that fails leaves the write done,
# with one warning; off, or no repository, nothing happens.
. "$(dirname "$0")/../lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_EDITOR=true
export GIT_AUTHOR_DATE=2026-11-27T09:00:00+01:00 GIT_COMMITTER_DATE=2026-11-27T09:00:00+01:00
g() { git -C "$1" -c user.name=test -c user.email=test@example.org "${@:2}"; }
# last DIR: the last commit's message, then its files
last() { git -C "$1" show --no-renames --name-only --format=%s HEAD | sed '/^$/d'; }
count() { git -C "$1" rev-list --count HEAD 2>/dev/null || echo 0; }

# ---- a practice in one repository ----
hwk init p >/dev/null 2>&1
printf 'commit: true\n' >>p/hwk.yaml
printf '.hwk.*\n' >p/.gitignore
g p init -q -b main && g p add -A && g p commit -q -m start
S=$(hwk -C p assign alex sleep --start 2026-11-01 2>>"$T/setup.err")
is "assign: a new client's files in one commit" "$(last p)" \
	"$(printf '%s\n' "assign: alex sleep day" clients/alex/.gitattributes \
		"clients/alex/$S.yaml" clients/alex/client.yaml)"
is "the author is git's fallback (no user.email)" "$(git -C p log -1 --format=%ae)" \
	"${USER:-hwk}@$(hostname)"

echo scratch >p/notes.txt
echo '# mine' >>p/hwk.yaml
g p add hwk.yaml
run -C p -c alex log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05
expect "log: exit 0, nothing said" 0 "" ""
is "log: the message and just the entries file" "$(last p)" \
	"$(printf '%s\n' "log: alex sleep 2026-11-27 done" "clients/alex/$S.csv")"
is "other changes untouched (staged, unstaged, untracked)" "$(git -C p status --porcelain)" \
	"$(printf '%s\n' "M  hwk.yaml" "?? notes.txt")"

run -C p -c alex log -q sleep --skip busy --at yesterday
is "a skip says so" "$(git -C p log -1 --format=%s)" "log: alex sleep 2026-11-26 skipped"

printf 'at,status,bed,wake,out_of_bed\n2026-11-20T07:00,done,23:00,06:00,06:30\n2026-11-21T07:00,partial,23:00,06:00,06:30\n' >imp.csv
run -C p -c alex log -q sleep --import imp.csv
is "import (exit)" "$rc" 0
is "import: one commit of the entries file" "$(last p)" \
	"$(printf '%s\n' "log: alex sleep 2 entries imported" "clients/alex/$S.csv")"

run -C p assign --edit "$S" --every 5/week --when "after breakfast"
is "edit (exit)" "$rc" 0
is "edit: the keys changed, the assignment file" "$(last p)" \
	"$(printf '%s\n' "assign: alex $S every when" "clients/alex/$S.yaml")"

T2=$(hwk -C p assign alex thought-record --start 2026-11-01 --every 3/week 2>>"$T/setup.err")
is "assign: client, type, frequency" "$(git -C p log -1 --format=%s)" \
	"assign: alex thought-record 3/week"

printf 'assignment,at,bed,wake,out_of_bed,situation,thought\n%s,2026-11-22T07:00,23:00,06:00,06:30,,\n%s,2026-11-22T20:00,,,,a call,they are angry\n' \
	"$S" "$T2" >two.csv
run -C p -c alex log -q --import two.csv
is "an import into two assignments (exit)" "$rc" 0
is "one commit of both entries files, their types named" "$(last p)" \
	"$(printf '%s\n' "log: alex sleep,thought-record 2 entries imported" "clients/alex/$S.csv" \
		"clients/alex/$T2.csv")"

run -C p review alex -m "went well"
is "review (exit)" "$rc" 0
like "review: the review file, in the practice's repository" "$(last p | tr '\n' ' ')" \
	"^review: alex reviews/alex/2026-11-27-090000-[0-9a-f]{4}\.yaml $"

cat >editor <<'EOF'
#!/bin/sh
echo "Kept to it." >"$1"
EOF
chmod +x editor
HWK_NOW=2026-11-28T09:00:00+01:00 EDITOR=$T/editor run -C p review alex -e
is "review -e (exit)" "$rc" 0
like "review -e: the review file alone" "$(last p | tr '\n' ' ')" \
	"^review: alex reviews/alex/2026-11-28-090000-[0-9a-f]{4}\.yaml $"

run -C p assign --end "$T2" --at yesterday
is "end (exit)" "$rc" 0
is "end: the old name gone and the ended name, in one commit" "$(last p)" \
	"$(printf '%s\n' "assign: alex $T2 ended 2026-11-26" \
		"clients/alex/$T2.ended-2026-11-26.yaml" "clients/alex/$T2.yaml")"
is "end: git sees the new name as a rename" \
	"$(git -C p diff --name-status -M HEAD~1 HEAD | sed -E 's/^R[0-9]+/R/')" \
	"$(printf 'R\t%s\t%s\n' "clients/alex/$T2.yaml" "clients/alex/$T2.ended-2026-11-26.yaml")"
is "end: the old name is no longer in git" \
	"$(git -C p ls-files "clients/alex/$T2.yaml")" ""
# 31 days after its last day, the next write moves it into ended/, in that write's commit
HWK_NOW=2026-12-28T09:00:00+01:00 run -C p -c alex log -q sleep bed=23:00 wake=07:00 out_of_bed=07:10
is "the write that moves it (exit)" "$rc" 0
is "the move into ended/ is in the write's commit, as renames" \
	"$(git -C p diff --name-status -M HEAD~1 HEAD | sed -E 's/^R[0-9]+/R/')" \
	"$(printf '%s\n' "M	clients/alex/$S.csv" \
		"R	clients/alex/$T2.csv	clients/alex/ended/2026/$T2.csv" \
		"R	clients/alex/$T2.ended-2026-11-26.yaml	clients/alex/ended/2026/$T2.ended-2026-11-26.yaml")"
is "still untouched: the other changes" "$(git -C p status --porcelain)" \
	"$(printf '%s\n' "M  hwk.yaml" "?? notes.txt")"

# ---- a client folder that is its own repository ----
g p/clients/alex init -q -b main && g p/clients/alex add -A && g p/clients/alex commit -q -m start
n=$(count p)
run -C p -c alex log -q sleep bed=23:10 wake=06:50 out_of_bed=07:05 --at 2026-11-25
is "a client repository: the commit goes there" "$(last p/clients/alex)" \
	"$(printf '%s\n' "log: alex sleep 2026-11-25 done" "$S.csv")"
is "and not into the practice's" "$(count p)" "$n"
git -C p/clients/alex config user.email alex@example.org
git -C p/clients/alex config user.name Alex
run -C p -c alex log -q sleep bed=23:10 wake=06:50 out_of_bed=07:05 --at 2026-11-19
is "the identity git is configured with" "$(git -C p/clients/alex log -1 --format='%an %ae')" \
	"Alex alex@example.org"
n=$(count p/clients/alex)
HWK_NOW=2026-11-29T09:00:00+01:00 run -C p review alex -m 'seen'
is "a client repository: review (exit)" "$rc" 0
like "the review is the clinician's: committed in the practice's repository" \
	"$(last p | tr '\n' ' ')" "^review: alex reviews/alex/2026-11-29-090000-[0-9a-f]{4}\.yaml $"
is "and nothing of it in the client's" "$(count p/clients/alex)" "$n"

# ---- writers committing at the same moment ----
# one hwk commit at a time in a repository (.hwk.commit, locked in turn): six clients'
# logs at once in the practice's repository are six commits, each of its own file
for c in 1 2 3 4 5 6; do asg p "c$c" sleep --start 2026-11-01 >"$T/c$c.id"; done
n=$(count p)
for c in 1 2 3 4 5 6; do
	hwk -C p -c "c$c" log -q sleep bed=23:20 wake=06:50 out_of_bed=07:05 \
		>"$T/c$c.out" 2>"$T/c$c.err" &
done
wait
is "six writers at once: nothing said" "$(cat "$T"/c[1-6].out "$T"/c[1-6].err)" ""
is "six writers at once: six commits" "$(count p)" $((n + 6))
is "... each of its own client's entries file" \
	"$(git -C p log -6 --format='%s' --name-only | sed '/^$/d' | paste - - | sort)" \
	"$(for c in 1 2 3 4 5 6; do printf 'log: c%s sleep 2026-11-27 done\tclients/c%s/%s.csv\n' $c $c "$(cat "$T/c$c.id")"; done)"
# (alex's folder, its own repository since, is left aside)
is "... the lock file ignored, the other changes untouched" \
	"$(git -C p status --porcelain -- . ':!clients/alex')" \
	"$(printf '%s\n' "M  hwk.yaml" "?? notes.txt")"
# six writers of one entries file: a commit takes the rows of the others written by
# then, and a writer whose rows are committed already has nothing to say
for d in 10 11 12 13 14 15; do
	hwk -C p -c alex log -q sleep bed=23:20 wake=06:50 out_of_bed=07:05 --at 2026-11-$d \
		>"$T/a$d.out" 2>"$T/a$d.err" &
done
wait
is "six writers of one file: nothing said" "$(cat "$T"/a1[0-5].out "$T"/a1[0-5].err)" ""
is "... every row committed" "$(git -C p/clients/alex show "HEAD:$S.csv")" \
	"$(cat "p/clients/alex/$S.csv")"

# ---- a failed commit ----
# (an index.lock a crashed git left: waited for, up to 3 s or HWK_LOCK_WAIT, then said)
touch p/clients/alex/.git/index.lock
n=$(count p/clients/alex)
HWK_LOCK_WAIT=200 run -C p -c alex log -q sleep bed=23:20 wake=06:50 out_of_bed=07:05 --at 2026-11-24
is "a locked index: exit 0" "$rc" 0
is "nothing on stdout" "$(cat "$T/out")" ""
is "one warning line" "$(wc -l <"$T/err")" 1
like "it says not committed, and that hwk sync will" "$(cat "$T/err")" \
	"^hwk log: not committed \(.*index.lock.*\): written all the same; hwk sync will commit it$"
is "no commit" "$(count p/clients/alex)" "$n"
like "the entry is written" "$(tail -n 1 "p/clients/alex/$S.csv")" "^2026-11-24T.*,done,"
rm p/clients/alex/.git/index.lock

# ---- no git on PATH ----
mkdir bin && ln -s "$(command -v env)" bin/env
run_nogit() { PATH="$T/bin" "$HWK" "$@" >"$T/out" 2>"$T/err"; rc=$?; }
run_nogit -C p -c alex log -q sleep bed=23:20 wake=06:50 out_of_bed=07:05 --at 2026-11-23
is "no git: exit 0" "$rc" 0
like "no git: one warning" "$(cat "$T/err")" \
	"^hwk log: not committed \(git could not be run\): written all the same; hwk sync will commit it$"
like "no git: the entry is written" "$(tail -n 1 "p/clients/alex/$S.csv")" "^2026-11-23T"

# ---- the setting off ----
hwk init q >/dev/null 2>&1
g q init -q -b main && g q add -A && g q commit -q -m start
asg q bob sleep >/dev/null
run -C q -c bob log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05
is "off: exit 0" "$rc" 0
is "off: nothing said" "$(cat "$T/err")" ""
is "off: no commit" "$(count q)" 1
printf 'commit: false\n' >>q/hwk.yaml
asg q bob task >/dev/null
is "commit: false: no commit" "$(count q)" 1

# ---- no repository ----
hwk init r >/dev/null 2>&1
printf 'commit: true\n' >>r/hwk.yaml
run -C r assign carol sleep
is "no repository: exit 0" "$rc" 0
is "no repository: no warning" "$(cat "$T/err")" ""
run -C r -c carol log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05
expect "no repository: log as ever" 0 "" ""

sed -i 's/^commit: true$/commit: maybe/' r/hwk.yaml
run -C r -c carol list
is "a commit that is not true or false is refused" "$rc" 1
like "saying so" "$(cat "$T/err")" "'commit' must be true or false"

# ---- a client folder standing alone ----
git clone -q p/clients/alex home
n=$(count home)
run -C home log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05 --at 2026-11-22
is "alone, hwk.commit unset: no commit" "$(count home)" "$n"
git -C home config hwk.commit true
g home add -A && g home commit -q -m "by hand"
run -C home log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05 --at 2026-11-21
is "alone, git config hwk.commit true: committed" "$(last home)" \
	"$(printf '%s\n' "log: alex sleep 2026-11-21 done" "$S.csv")"

is "setup went through" "$setup_failed $(cat "$T/setup.err" 2>/dev/null)" "0 "
done_testing
