#!/bin/bash
# hwk export and hwk forget: a client's data on request, and gone on request. Export
# gives everything hwk holds about one client (client.yaml, every assignment with its
# history and entries as stored, the practice's reviews of the client) as one JSON
# document of a fixed shape, or as a ustar archive of the plain files that, extracted in
# a fresh practice, gives the same numbers; nothing of another client in either. Forget
# removes exactly the client's folder and reviews, after a confirmation, and says which
# copies it cannot reach. See hwk-export(1), hwk-forget(1).
. "$(dirname "$0")/../lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
for tool in jq tar git script; do
	command -v $tool >/dev/null || { echo "# $tool is not installed (make deps)"; _result 1 "$tool"; }
done

# ---- the practice: alex with a sleep diary (an entry, a correction, a withdrawal), an
# ended thought record with an entry, a review rated and amended; bo beside
hwk init p >/dev/null 2>&1
HWK_NOW=2026-11-16T09:00:00+01:00 asg p alex sleep --name "Alex A" >"$T/s"
S=$(cat "$T/s")
HWK_NOW=2026-11-16T09:00:00+01:00 asg p alex thought-record >"$T/r"
R=$(cat "$T/r")
HWK_NOW=2026-11-16T09:00:00+01:00 asg p bo sleep >"$T/b"
B=$(cat "$T/b")
HWK_NOW=2026-11-17T08:00:00+01:00 lg p alex sleep bed=23:00 wake=06:30 out_of_bed=06:45
HWK_NOW=2026-11-18T08:00:00+01:00 lg p alex sleep bed=23:30 wake=07:00 out_of_bed=07:10 -m 'tired, "very"'
HWK_NOW=2026-11-18T12:00:00+01:00 lg p alex --correct sleep@2026-11-18 bed=22:30 wake=07:00 out_of_bed=07:10
HWK_NOW=2026-11-19T08:00:00+01:00 lg p alex sleep bed=23:00 wake=07:00 out_of_bed=07:10
HWK_NOW=2026-11-19T12:00:00+01:00 lg p alex --withdraw sleep@2026-11-19 -m 'wrong night'
HWK_NOW=2026-11-18T20:00:00+01:00 lg p alex thought-record situation=bus thought='they stare' intensity=80
HWK_NOW=2026-11-19T20:00:00+01:00 hwk -C p assign --end "$R" 2>>"$T/setup.err" >/dev/null
HWK_NOW=2026-11-17T08:00:00+01:00 lg p bo sleep bed=01:00 wake=09:00 out_of_bed=09:30
HWK_NOW=2026-11-20T10:00:00+01:00 hwk -C p review alex -m 'first week' -r sleep=3 >/dev/null 2>"$T/err" ||
	setup_failed=1
recorded p
HWK_NOW=2026-11-20T11:00:00+01:00 hwk -C p review alex --amend -m 'first week, sleep better' \
	>/dev/null 2>"$T/amend" || setup_failed=1
grep -qx "hwk review: amended ${REVIEW#p/}" "$T/amend" || setup_failed=1
RV=${REVIEW#p/}
export HWK_NOW=2026-11-22T10:00:00+01:00

# ---- JSON ----------------------------------------------------------------------------
run -C p export alex
is "export: exit 0, nothing on stderr" "$rc:$(cat "$T/err")" "0:"
cp "$T/out" "$T/alex.json"
is "the document: format, version, client, when, and its four parts" \
	"$(jq -c '[.format, .version, .files_version, .client, .exported, (keys_unsorted)]' "$T/alex.json")" \
	'["hwk-export",1,3,"alex","2026-11-22T10:00:00+01:00",["format","version","files_version","client","exported","client_file","assignments","reviews","other_files"]]'
is "client.yaml, structured" "$(jq -c .client_file "$T/alex.json")" \
	'{"file":"clients/alex/client.yaml","client":{"version":3,"id":"alex","name":"Alex A","created":"2026-11-16"}}'
is "the assignments: active and ended, each with its file and entries file" \
	"$(jq -c '[.assignments[] | [.id, .file, .entries_file, .assignment.status, (.assignment.fields | length)]]' "$T/alex.json")" \
	"[[\"$S\",\"clients/alex/$S.yaml\",\"clients/alex/$S.csv\",\"active\",8],[\"$R\",\"clients/alex/$R.ended-2026-11-19.yaml\",\"clients/alex/$R.csv\",\"ended\",10]]"
is "an assignment's history, as in its file" \
	"$(jq -c '.assignments[1].assignment.history' "$T/alex.json")" \
	'[{"at":"2026-11-16T09:00:00+01:00","change":"assigned"},{"at":"2026-11-19T20:00:00+01:00","change":"ended","to":"2026-11-19"}]'
is "the entries as stored: every row, the correction and the withdrawal too" \
	"$(jq -c '.assignments[0].entries | .columns, (.rows[] | [.[0], .[1], .[2], .[4], .[5], .[13]])' "$T/alex.json")" \
	'["at","logged","status","reason","note","bed","lights_out","sol","awakenings","waso","wake","out_of_bed","quality","replaces"]
["2026-11-17T08:00:00+01:00","2026-11-17T08:00:00+01:00","done","","23:00",""]
["2026-11-18T08:00:00+01:00","2026-11-18T08:00:00+01:00","done","tired, \"very\"","23:30",""]
["2026-11-18T08:00:00+01:00","2026-11-18T12:00:00+01:00","done","tired, \"very\"","22:30","2026-11-18T08:00:00+01:00"]
["2026-11-19T08:00:00+01:00","2026-11-19T08:00:00+01:00","done","","23:00",""]
["2026-11-19T08:00:00+01:00","2026-11-19T12:00:00+01:00","withdrawn","wrong night","","2026-11-19T08:00:00+01:00"]'
is "the review: note amended, the earlier note kept, the rating" \
	"$(jq -c '.reviews[] | [.file, .review.note, .review.amended[0].note, (.review.assignments[] | select(.type == "sleep") | .rating)]' "$T/alex.json")" \
	"[\"$RV\",\"first week, sleep better\",\"first week\",3]"
is "other files, as text" "$(jq -c '[.other_files[].file]' "$T/alex.json")" '["clients/alex/.gitattributes"]'
is "nothing of bo" "$(grep -c -e '"bo"' -e /bo/ -e "$B" -e '"09:30"' "$T/alex.json")" 0
is "hwk's local files left out (locks, the order cache)" \
	"$(grep -c -e '\.hwk\.' "$T/alex.json")" 0

# ---- the tar -------------------------------------------------------------------------
run -C p export -f tar alex
is "tar: exit 0, nothing on stderr" "$rc:$(cat "$T/err")" "0:"
cp "$T/out" "$T/alex.tar"
is "tar: the client's folders and files, and nothing else" "$(tar -tvf "$T/alex.tar" | awk '{print $1, $2, $6}')" \
"drwx------ 0/0 clients/
drwx------ 0/0 clients/alex/
-rw------- 0/0 clients/alex/.gitattributes
-rw------- 0/0 clients/alex/$S.csv
-rw------- 0/0 clients/alex/$S.yaml
-rw------- 0/0 clients/alex/$R.csv
-rw------- 0/0 clients/alex/$R.ended-2026-11-19.yaml
-rw------- 0/0 clients/alex/client.yaml
drwx------ 0/0 reviews/
drwx------ 0/0 reviews/alex/
-rw------- 0/0 $RV"
is "tar: a POSIX ustar archive" "$(head -c 263 "$T/alex.tar" | tail -c 6 | od -An -c | tr -s ' ')" " u s t a r \0"
is "tar: a whole number of 512-byte blocks" "$(($(stat -c %s "$T/alex.tar") % 512))" 0
mkdir x && tar -xf "$T/alex.tar" -C x
check "tar: the files are byte for byte the practice's" diff -r -x .hwk.lock p/clients/alex x/clients/alex
check "tar: the review too" cmp -s "$REVIEW" "x/$RV"
# the acceptance: a fresh practice with the archive extracted in it shows the same numbers
hwk init fresh >/dev/null 2>&1
tar -xf "$T/alex.tar" -C fresh
for args in "report -f csv --week 2026-W47 alex" "-c alex list entries -f csv" \
	"-c alex list entries -f csv --history" "-c alex list assignments -f csv --all"; do
	hwk -C p $args >"$T/a" 2>"$T/ae"
	hwk -C fresh $args >"$T/b" 2>"$T/be"
	check "round trip: $args gives the same rows" cmp -s "$T/a" "$T/b"
	is "round trip: $args: nothing said" "$(cat "$T/ae" "$T/be")" ""
done
hwk -C p review alex --since 2026-11-16 >"$T/a" 2>&1
hwk -C fresh review alex --since 2026-11-16 >"$T/b" 2>&1
check "round trip: hwk review shows the same" cmp -s "$T/a" "$T/b"
is "round trip: the fresh practice's folders are private" "$(find fresh -perm /077 | wc -l)" 0

script -qec "$HWK -C p export -f tar alex" /dev/null >"$T/tty" 2>&1
like "a tar is not written to a terminal" "$(cat "$T/tty")" \
	"^hwk export: not writing a tar to a terminal: redirect it to a file, as in 'hwk export -f tar CLIENT > CLIENT.tar'"

# ---- export errors -------------------------------------------------------------------
fails "export: an unknown client" 1 "hwk export: cy: no such client (see 'hwk list clients')" -C p export cy
fails "export: a path out of the practice" 1 \
	"hwk export: ../x: not a client id (lower-case letters, digits, '-', '_' and '.')" -C p export ../x
fails "export: an unknown format" 2 "hwk export: zip: not a format of export (json, tar)
usage: hwk export [-f json|tar] [CLIENT]" -C p export -f zip alex
fails "export: two clients" 2 "usage: hwk export [-f json|tar] [CLIENT]" -C p export alex bo
echo secret >outside
ln -s ../../../outside p/clients/alex/notes.txt
fails "export: a symbolic link in the client folder is not followed" 1 \
	"hwk export: clients/alex/notes.txt: a symbolic link: not followed
hwk export: alex: nothing exported" -C p export alex
fails "export -f tar: the same" 1 \
	"hwk export: clients/alex/notes.txt: a symbolic link: not followed
hwk export: alex: nothing exported" -C p export -f tar alex
mkfifo p/clients/alex/pipe
run -C p export alex </dev/null
is "export: a FIFO is named and not opened" "$rc:$(cat "$T/err")" \
	"1:hwk export: clients/alex/notes.txt: a symbolic link: not followed
hwk export: clients/alex/pipe: not a regular file: not read
hwk export: alex: nothing exported"
rm p/clients/alex/pipe

rm p/clients/alex/notes.txt

# a file that is not valid YAML or CSV is given as text, named, and the exit status is 1
cp -a p/clients/alex solo
printf 'x: [\n' >solo/notes.yaml
printf 'a,"b\n' >solo/odd.csv
(cd solo && hwk export >"$T/out" 2>"$T/err")
rc=$?
is "a file hwk cannot read as YAML or CSV: named, exit 1" "$rc:$(cat "$T/err")" \
	"1:hwk export: notes.yaml:2:1: did not find expected node content
hwk export: odd.csv:1: a quoted field is not closed"
is "... and given as text, in the order of the paths" \
	"$(jq -c '[.other_files[] | [.file, .text]]' "$T/out")" \
	'[["clients/alex/.gitattributes","# entries are append-only: merge them by keeping both sides'"'"' rows\n*.csv merge=union\n# assignments merge key by key once '"'"'hwk git setup'"'"' has run\n*.yaml merge=hwk-assignment\n"],["clients/alex/notes.yaml","x: [\n"],["clients/alex/odd.csv","a,\"b\n"]]'
# a client folder standing alone: the same paths as in a practice; git's folder left out
rm solo/notes.yaml solo/odd.csv
git -C solo init -q
(cd solo && hwk export -f tar) >"$T/solo.tar" 2>"$T/err"
is "a client folder standing alone: its tar, as in a practice, without .git" \
	"$?:$(cat "$T/err"):$(tar -tf "$T/solo.tar" | tr '\n' ' ')" \
	"0::clients/ clients/alex/ clients/alex/.gitattributes clients/alex/$S.csv clients/alex/$S.yaml clients/alex/$R.csv clients/alex/$R.ended-2026-11-19.yaml clients/alex/client.yaml "
is "... and its JSON the same as the practice's, reviews aside" \
	"$(cd solo && hwk export | jq -c 'del(.reviews)')" "$(jq -c 'del(.reviews)' "$T/alex.json")"

# ---- forget --------------------------------------------------------------------------
ln -s ../../../outside p/clients/alex/notes.txt
fails "forget: off a terminal without --yes it refuses" 2 \
	"hwk forget: not confirmed: standard input is not a terminal, so give --yes (nothing removed)
usage: hwk forget [-y] CLIENT" -C p forget alex
fails "forget: an unknown client" 1 "hwk forget: cy: no such client (see 'hwk list clients')" -C p forget --yes cy
fails "forget: a path out of the practice" 1 \
	"hwk forget: ../x: not a client id (lower-case letters, digits, '-', '_' and '.')" -C p forget --yes ../x
fails "forget: no client" 2 "usage: hwk forget [-y] CLIENT" -C p forget --yes
snap p
script -qec "$HWK -C p forget alex" /dev/null <<<"bo" >"$T/tty" 2>&1
like "forget: on a terminal, it asks for the client id" "$(tr -d '\r' <"$T/tty")" \
	"hwk forget: this removes clients/alex and reviews/alex: every assignment, entry and review note of alex, for good.
Type the client id to confirm: "
like "forget: another id typed is no confirmation" "$(tr -d '\r' <"$T/tty")" \
	"confirm: (bo)?hwk forget: not confirmed: nothing removed\$"
unchanged "forget: not confirmed: nothing changed" p

# what is to stay: everything but alex's folder and reviews (the link's target too)
snapshot p | grep -v -e ' ./clients/alex' -e ' ./reviews/alex' -e '^./clients/alex' -e '^./reviews/alex' \
	-e '^./.hwk.lock ' -e ' ./.hwk.lock$' >"$T/keep"
run -C p forget --yes alex
expect "forget --yes: removed, and what it cannot remove said" 0 \
"removed clients/alex and reviews/alex
hwk cannot remove these copies:
- backups of the practice still hold alex: remove them there, or let them expire as your backups do" ""
is "forget: the rest of the practice is as it was" \
	"$(snapshot p | grep -v -e '^./.hwk.lock ' -e ' ./.hwk.lock$')" "$(cat "$T/keep")"
is "forget: no leftover" "$(ls -A p/clients p/reviews | tr '\n' ' ')" "p/clients: bo  p/reviews: "
is "forget: the link's target is kept" "$(cat outside)" secret
is "forget: bo is still there" "$(hwk -C p list clients -f csv)" "client,name,active,created
bo,,1,2026-11-16"
fails "forget: once gone, no such client" 1 "hwk forget: alex: no such client (see 'hwk list clients')" \
	-C p forget --yes alex

# a crash after the renames: the leftovers are finished by the next run
tar -xf "$T/alex.tar" -C p
mv p/clients/alex p/clients/.hwk.forget-alex
is "a leftover is no client" "$(hwk -C p list clients -f csv | cut -d, -f1 | tr '\n' ' ')" "client bo "
run -C p forget --yes alex
is "forget: a rerun finishes a forget a crash stopped" "$rc:$(head -1 "$T/out"):$(ls -A p/clients p/reviews | tr '\n' ' ')" \
	"0:removed clients/alex and reviews/alex:p/clients: bo  p/reviews: "

# ---- forget in git: the client folder a repository with a remote, the practice one too
g() { git -C "$1" -c user.name=test -c user.email=test@example.org "${@:2}"; }
tar -xf "$T/alex.tar" -C p
g p/clients/alex init -q -b main
g p/clients/alex add -A && g p/clients/alex commit -qm alex
g p/clients/alex remote add origin https://git.example.org/alex.git
printf '/clients/alex/\n' >>p/.gitignore
g p init -q -b main
g p add -A && g p commit -qm practice
g p remote add backup https://git.example.org/practice.git
run -C p forget --yes alex
P=$(cd p && pwd)
expect "forget in git: what git keeps, and how to remove it" 0 \
"removed clients/alex and reviews/alex
hwk cannot remove these copies:
- the history of the git repository $P holds reviews/alex; to take it out of it:
    cd $P
    git rm -r -q --cached --ignore-unmatch -- reviews/alex
    git commit -m 'forget alex'
    git filter-repo --force --invert-paths --path reviews/alex
  then replace the history at its remote backup (https://git.example.org/practice.git):
    git remote add backup https://git.example.org/practice.git
    git push --force --all backup && git push --force --tags backup
  and have everyone with a clone of it clone it again
- clients/alex was a git repository of its own: removed with it, but not its remotes:
  the repository at https://git.example.org/alex.git (remote origin) holds all of it: delete that repository where it is kept
- the client's own clone of clients/alex, on their device: ask them to delete it
- backups of the practice still hold alex: remove them there, or let them expire as your backups do" ""
is "forget in git: the client's line in .gitignore goes" "$(grep -c alex p/.gitignore)" 0

# on a terminal, the client id typed: removed
script -qec "$HWK -C p forget bo" /dev/null <<<"bo" >"$T/tty" 2>&1
like "forget: on a terminal, the id typed removes the client" "$(tr -d '\r' <"$T/tty")" \
	"confirm: (bo)?removed clients/bo\$"
like "forget: the history holds clients/bo alone (bo has no reviews)" "$(tr -d '\r' <"$T/tty")" \
	"holds clients/bo; to take it out of it:\$"
like "forget: ... and the history is rewritten without it" "$(tr -d '\r' <"$T/tty")" \
	"git filter-repo --force --invert-paths --path clients/bo\$"
is "forget: bo's folder is gone" "$(ls -A p/clients | tr '\n' ' ')" ""

is "setup went well" "$setup_failed:$(cat "$T/setup.err")" "0:"
done_testing
