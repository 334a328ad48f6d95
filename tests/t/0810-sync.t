#!/bin/bash
# hwk sync: the practice and each client folder that is a git repository of its own,
# committed, fetched, merged with hwk's drivers, put back in logged order and pushed; one
# line for each, exit 1 unless all went through; a conflict is given up, leaving no file
# that hwk would misread; files private whatever the umask.
. "$(dirname "$0")/../lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_EDITOR=true GIT_MERGE_AUTOEDIT=no
export GIT_AUTHOR_DATE=2026-11-27T09:00:00+01:00 GIT_COMMITTER_DATE=2026-11-27T09:00:00+01:00
g() { git -C "$1" -c user.name=test -c user.email=test@example.org "${@:2}"; }
who() { g "$1" config user.name test && g "$1" config user.email test@example.org; }
sleep_log() { # DIR NOW [CLIENT]
	HWK_NOW=$2 hwk -C "$1" ${3:+-c "$3"} log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05 \
		2>>"$T/setup.err" || echo "log in $1 at $2 failed" >>"$T/setup.err"
}
logged() { cut -d, -f2 "$1" | tail -n +2 | tr '\n' ' '; }

hwk init p >/dev/null 2>&1
S=$(hwk -C p assign alex sleep 2>>"$T/setup.err")
hwk -C p assign bob sleep >/dev/null 2>>"$T/setup.err"

# ---- nothing to sync ----
snap p
run -C p sync
expect "no repository: says so" 1 "" \
	"hwk sync: no git repository to sync: neither the practice nor a client folder is one (git init and git remote add, or hwk clone)"
unchanged "no repository: nothing changed" p

# ---- a client folder with an empty remote ----
git init -q --bare -b main alex.git
g p/clients/alex init -q -b main && who p/clients/alex
g p/clients/alex remote add origin "$T/alex.git"
run -C p sync
expect "the first sync commits the folder and pushes it" 0 \
	"clients/alex: committed 4 files, pushed 1 commit" ""
is "the remote holds the folder" "$(git --git-dir=alex.git ls-tree --name-only main | tr '\n' ' ')" \
	".gitattributes .gitignore $S.yaml client.yaml "
is "the lock is not committed" "$(git --git-dir=alex.git ls-tree --name-only main | grep -c hwk.lock)" 0
is "hwk's drivers are registered" "$(git -C p/clients/alex config merge.union.driver | cut -d' ' -f2-)" \
	"git merge-entries %O %A %B %P"
run -C p sync
expect "nothing new: up to date" 0 "clients/alex: up to date" ""

# ---- the client's machine: a clone under umask 022 ----
(umask 022 && git clone -q alex.git home)
who home
# before the sync any command warns, once, naming what others can reach: the folder
# (0755), then its entries in readdir's order, at most four in all, and the count of
# the rest (the .gitattributes, .gitignore, assignment and client.yaml files, .git/)
run -C home list assignments
is "a plain clone under umask 022: the command runs (exit)" "$rc" 0
like "a plain clone under umask 022: one warning, naming the folder first" "$(cat "$T/err")" \
	"^hwk list: warning: others can reach \./ \(0755\), [^;]* and [0-9]+ more in $T/home; hwk sync puts the modes right, or chmod -R go-rwx $T/home\$"
is "one line" "$(wc -l <"$T/err")" 1
run -C home sync
expect "the clone syncs on its own" 0 "alex: up to date" ""
is "its files are private after sync" \
	"$(find home -path home/.git -prune -o -type f -printf '%m\n' | sort -u | tr '\n' ' ')" "600 "
is "its folders too" "$(find home -path home/.git -prune -o -type d -printf '%m\n' | sort -u | tr '\n' ' ')" "700 "
is "and git's own" "$(find home/.git -perm /077 | wc -l)" 0
run -C home list assignments
is "after the sync: no warning" "$(cat "$T/err")" ""
chmod 0750 home
run -C home list assignments
is "access for the group alone (a shared practice): no warning" "$(cat "$T/err")" ""
chmod 0700 home

# both log offline: the clinic at 08:00 and 10:00, the client at 09:00
sleep_log p 2026-11-28T08:00:00+01:00 alex
sleep_log home 2026-11-28T09:00:00+01:00
sleep_log p 2026-11-28T10:00:00+01:00 alex
run -C home sync
expect "the client's sync pushes its entry" 0 "alex: committed 1 file, pushed 1 commit" ""
run -C p sync
is "the clinic's sync (exit)" "$rc" 0
like "it commits, merges and pushes" "$(cat "$T/out")" \
	"clients/alex: committed 1 file, merged 1 commit, pushed 2 commits"
is "every entry once, in logged order" "$(logged "p/clients/alex/$S.csv")" \
	"2026-11-28T08:00:00+01:00 2026-11-28T09:00:00+01:00 2026-11-28T10:00:00+01:00 "
run -C home sync
expect "the client gets the clinic's entries" 0 "alex: merged 2 commits" ""
is "the two machines hold the same entries" "$(cat "home/$S.csv")" "$(cat "p/clients/alex/$S.csv")"
HWK_NOW=2026-11-28T12:00:00+01:00 run -C p -c alex list due -f tsv
like "the week's count: its day done (three entries on one day count once)" "$(cat "$T/out")" \
	"$S	sleep	day	done	1	"
HWK_NOW=2026-11-28T12:00:00+01:00 run -C p -c alex list entries --since 2026-11-28 -f tsv
is "read from the end, the day holds all three" "$(tail -n +2 "$T/out" | wc -l)" 3

# ---- a conflict is given up ----
HWK_NOW=2026-11-29T10:00:00+01:00 hwk -C p assign --edit "$S" --every 5/week 2>>"$T/setup.err"
HWK_NOW=2026-11-29T11:00:00+01:00 hwk -C home assign --edit "$S" --every 3/week 2>>"$T/setup.err"
run -C home sync
is "one side's change goes through (exit)" "$rc" 0
cp "p/clients/alex/$S.yaml" "$T/before.yaml"
run -C p sync
is "the other side's sync fails" "$rc" 1
like "it names the file, what conflicts and what to do" "$(cat "$T/out")" \
	"clients/alex: committed 1 file; conflict in $S.yaml: "
like "... the key" "$(cat "$T/out")" "'every' changed on both sides"
like "... and that nothing was merged" "$(cat "$T/out")" "nothing merged, the local commits kept; to merge by hand: git -C $T/p/clients/alex merge origin/main"
is "the assignment is as it was, no conflict markers" "$(cat "p/clients/alex/$S.yaml")" "$(cat "$T/before.yaml")"
check "no merge is left under way" test ! -e p/clients/alex/.git/MERGE_HEAD
run -C p list assignments
is "hwk reads the folder as before (exit)" "$rc" 0

# mend: take the client's frequency, then sync goes through
g p/clients/alex merge -q origin/main >/dev/null 2>&1
g p/clients/alex checkout -q --theirs "$S.yaml" && g p/clients/alex add "$S.yaml" &&
	g p/clients/alex commit -q --no-edit >>"$T/setup.err" 2>&1
run -C p sync
expect "after the merge by hand, sync goes through" 0 "clients/alex: pushed 2 commits" ""

# ---- a merge without hwk's driver: put back in order ----
(umask 077 && git clone -q alex.git plain)
who plain
sleep_log plain 2026-11-30T09:00:00+01:00
g plain commit -qam "plain logs"
sleep_log home 2026-11-30T08:00:00+01:00
run -C home sync
is "(the client pushes)" "$rc" 0
# plain git, no hwk config: git's own union puts the client's earlier row after ours
g plain pull -q --no-rebase origin main >/dev/null 2>&1
is "git's union left the rows out of order" "$(logged "plain/$S.csv" | awk '{ print $NF, $(NF-1) }')" \
	"2026-11-30T08:00:00+01:00 2026-11-30T09:00:00+01:00"
run -C plain sync
is "sync of that clone (exit)" "$rc" 0
like "puts the file back in order" "$(cat "$T/out")" "put 1 entries file back in logged order"
check "rows in logged order" sh -c "cut -d, -f2 'plain/$S.csv' | tail -n +2 | sort -c"
# rows logged at one instant (an import's) are in order whatever their bytes: the later
# night first here, and sync leaves them so
printf '%s\n' at,bed,wake,out_of_bed 2026-11-29T07:00,23:00,06:30,06:45 \
	2026-11-28T07:00,23:10,06:40,06:50 |
	HWK_NOW=2026-11-30T22:00:00+01:00 hwk -C plain log -q sleep --import - 2>>"$T/setup.err"
cp "plain/$S.csv" "$T/imported.csv"
run -C plain sync
is "rows logged at one instant: sync commits and pushes them (exit)" "$rc" 0
is "... and does not put them in another order" "$(grep -c 'back in logged order' "$T/out")" 0
is "... the file as the import wrote it" "$(cat "plain/$S.csv")" "$(cat "$T/imported.csv")"

# ---- a machine where git knows no one: its merge commits all the same ----
(umask 077 && git clone -q alex.git anon)
sleep_log p 2026-11-30T20:00:00+01:00 alex
run -C p sync
is "(the clinic pushes)" "$rc" 0
sleep_log anon 2026-11-30T21:00:00+01:00
run -C anon sync
is "a clone with no git identity syncs (exit)" "$rc" 0
like "... commits, merges and pushes" "$(cat "$T/out")" \
	"^alex: committed 1 file, merged [0-9]* commits, pushed 2 commits$"

# ---- offline, and no remote: one line each, the rest goes on ----
git init -q --bare -b main bob.git
g p/clients/bob init -q -b main && who p/clients/bob
g p/clients/bob remote add origin "$T/nowhere.git"
sleep_log p 2026-12-01T08:00:00+01:00 alex
run -C p sync
is "one repository unreachable: exit 1" "$rc" 1
like "the others still sync" "$(cat "$T/out")" "clients/alex: committed 1 file, merged [0-9]* commits, pushed 2 commits"
like "the unreachable one says so, and keeps its commit" "$(cat "$T/out")" \
	"clients/bob: committed 4 files; could not reach origin .'$T/nowhere.git' does not appear to be a git repository.$"
is "bob's commit is kept" "$(g p/clients/bob rev-list --count HEAD)" 1
g p/clients/bob remote set-url origin "$T/bob.git"
run -C p sync bob
expect "sync CLIENT syncs that one" 0 "clients/bob: pushed 1 commit" ""

# ---- the practice's own repository keeps the client repositories out ----
g p init -q -b main && who p
run -C p sync
is "the practice without a remote (exit)" "$rc" 0
like "it commits and says there is no remote" "$(cat "$T/out")" \
	"practice: committed"
like "... no remote" "$(cat "$T/out")" "no remote to sync with .git remote add origin URL.$"
is "client repositories are not in the practice's" "$(g p ls-files clients | wc -l)" 0
like "they are in its .gitignore" "$(cat p/.gitignore)" "/clients/alex/"

run sync -j 0
expect "-j 0 is a usage error" 2 "" "hwk sync: -j 0: give a number of repositories at once, 1 to 64"

is "setup went well" "$(cat "$T/setup.err")" ""
done_testing
