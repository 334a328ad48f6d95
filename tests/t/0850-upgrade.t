#!/bin/bash
# hwk upgrade: a version 1 practice (tests/fixtures/v1, as the hwk of format 1 wrote it:
# alex with two reviews in his folder and an ended exposure beside his sleep diary, sam
# with one thought record) moved to version 3 (hwk(5) FORMAT VERSIONS) in one step: every
# row and review kept byte for byte, each move a rename git sees as one, a run stopped
# part way finished by the next; every other command refuses the old format.
. "$(dirname "$0")/../lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
# a month on from the fixture: the exposure, ended on 2026-11-25, has stayed its 31 days
# in the folder, so the upgrade moves it into ended/ as a write would
export HWK_NOW=2026-12-27T09:00:00+01:00
FIX=$TOP/tests/fixtures/v1
SLEEP=2026-11-20-sleep-d5f4 EXPO=2026-11-20-exposure-55a1 TR=2026-11-20-thought-record-a1d7
# fresh NAME: a private copy of the version 1 practice
fresh() {
	rm -rf "$1"
	cp -r "$FIX" "$1"
	chmod -R go-rwx "$1"
	# the locks any practice in use has (made by its first writer, never removed)
	for d in "$1" "$1"/clients/*/; do (umask 077 && touch "$d/.hwk.lock"); done
}
# files DIR: every file and folder under DIR, sorted (locks aside)
files() { (cd "$1" && find . -mindepth 1 ! -name .hwk.lock ! -name .hwk.cache | sort); }

V1_REFUSED="hwk.yaml: the files are in format version 1; run 'hwk upgrade' to move them to version 3 (see hwk(5))"

# ---- every command but upgrade refuses version 1, and changes nothing ----
fresh p
fails "list due on version 1 says to upgrade" 1 "hwk list: $V1_REFUSED" -C p list due
fails "log on version 1 says to upgrade" 1 "hwk log: $V1_REFUSED" \
	-C p -c alex log sleep bed=23:00 wake=07:00 out_of_bed=07:10
fails "review on version 1 says to upgrade" 1 "hwk review: $V1_REFUSED" -C p review alex
fails "report on version 1 says to upgrade" 1 "hwk report: $V1_REFUSED" -C p report
fails "sync on version 1 says to upgrade" 1 "hwk sync: $V1_REFUSED" -C p sync
fails "upgrade takes no arguments" 2 "usage: hwk upgrade" -C p upgrade alex

# ---- the upgrade ----
run -C p upgrade
expect "upgrade moves both clients over and says what it did" 0 "" \
	"hwk upgrade: version 3 now: 2 client folders moved over (2 reviews moved, 3 entries files given the replaces column, 1 ended assignment moved where version 3 keeps them)"
is "the files after: reviews in the practice, the ended exposure in ended/" "$(files p)" \
"./.gitattributes
./.gitignore
./clients
./clients/alex
./clients/alex/.gitattributes
./clients/alex/.gitignore
./clients/alex/$SLEEP.csv
./clients/alex/$SLEEP.yaml
./clients/alex/client.yaml
./clients/alex/ended
./clients/alex/ended/2026
./clients/alex/ended/2026/$EXPO.csv
./clients/alex/ended/2026/$EXPO.ended-2026-11-25.yaml
./clients/sam
./clients/sam/.gitattributes
./clients/sam/.gitignore
./clients/sam/$TR.csv
./clients/sam/$TR.yaml
./clients/sam/client.yaml
./hwk.yaml
./reviews
./reviews/alex
./reviews/alex/2026-11-24.yaml
./reviews/alex/2026-12-01.yaml"
is "reviews are moved byte for byte" \
	"$(cat p/reviews/alex/2026-11-24.yaml p/reviews/alex/2026-12-01.yaml | sha256sum)" \
	"$(cat "$FIX"/clients/alex/reviews/2026-11-24.yaml "$FIX"/clients/alex/reviews/2026-12-01.yaml | sha256sum)"
is "the ended assignment is moved byte for byte" \
	"$(sha256sum <p/clients/alex/ended/2026/$EXPO.ended-2026-11-25.yaml)" \
	"$(sha256sum <"$FIX"/clients/alex/$EXPO.ended-2026-11-25.yaml)"
for f in alex/$SLEEP alex/ended/2026/$EXPO sam/$TR; do
	src=$FIX/clients/${f/ended\/2026\//}.csv
	is "$f.csv: the header gains replaces" "$(head -n 1 p/clients/"$f".csv)" "$(head -n 1 "$src"),replaces"
	is "$f.csv: every row stays as it was" "$(tail -n +2 p/clients/"$f".csv)" "$(tail -n +2 "$src")"
done
is "hwk.yaml: only the version line changed" "$(diff "$FIX/hwk.yaml" p/hwk.yaml)" \
"2c2
< version: 1
---
> version: 3"
is "client.yaml: version 3 added after the comment, nothing else changed" \
	"$(diff "$FIX/clients/alex/client.yaml" p/clients/alex/client.yaml)" \
"1a2
> version: 3"
is "a client folder's .gitignore keeps hwk's locks and temporary files out" \
	"$(grep -v '^#' p/clients/sam/.gitignore)" "$(printf '%s\n' '.hwk.*' '*.tmp.*')"
is "every file is the owner's alone" "$(find p -type f -perm /077 | wc -l)" 0
is "every folder too" "$(find p -type d -perm /077 | wc -l)" 0

run -C p list entries --all -f csv
is "every entry reads back after the upgrade, the ended exposure's too (rows)" "$(wc -l <"$T/out")" 8
HWK_NOW=2026-11-27T09:00:00+01:00 run -C p list due -f tsv
# (Friday 27 November: alex's diary done Monday and Tuesday, skipped Thursday; sam's
# thought record done Monday, due again today)
expect "list due works on the upgraded practice" 0 \
"$(tsv 'client|assignment|type|every|today|week|expected|expected_week|left' \
	"alex|$SLEEP|sleep|day|due|2|5|7|5" \
	"sam|$TR|thought-record|mon,wed,fri|due|1|3|3|2")" ""

# ---- run again: nothing to do, nothing touched ----
snap p
run -C p upgrade
expect "a second upgrade says it is done" 0 "" "hwk upgrade: already version 3"
unchanged "... and changes nothing" p

# ---- a run stopped part way is finished by the next ----
# alex done, sam not, hwk.yaml still version 1 (a run stopped before sam)
fresh q
cp -r p/clients/alex q/clients/ && rm -rf q/clients/alex/reviews q/clients/alex/$EXPO* q/clients/alex/$SLEEP.*
cp -r p/clients/alex/. q/clients/alex/ && mkdir -p q/reviews && cp -r p/reviews/alex q/reviews/
rm -rf q/clients/alex/reviews q/clients/alex/$EXPO.csv q/clients/alex/$EXPO.ended-2026-11-25.yaml
cp p/.gitignore q/ 2>/dev/null
run -C q upgrade
expect "an upgrade stopped after one client is finished" 0 "" \
	"hwk upgrade: version 3 now: 1 client folder moved over (0 reviews moved, 1 entries file given the replaces column, 0 ended assignments moved where version 3 keeps them)"
is "... to the same files as a whole run" "$(files q)" "$(files p)"
is "... and the same bytes" "$(cd q && find . -type f ! -name '.hwk.*' | sort | xargs sha256sum)" \
	"$(cd p && find . -type f ! -name '.hwk.*' | sort | xargs sha256sum)"

# inside one client: one review moved, the ended assignment's file written into ended/
# but its entries not yet moved nor the old file removed, one header done
fresh r
mkdir -p r/reviews/alex r/clients/alex/ended/2026
mv r/clients/alex/reviews/2026-11-24.yaml r/reviews/alex/
cp -p r/clients/alex/$EXPO.ended-2026-11-25.yaml r/clients/alex/ended/2026/
sed -i '1s/$/,replaces/' r/clients/alex/$SLEEP.csv
run -C r upgrade
expect "an upgrade stopped inside a client is finished" 0 "" \
	"hwk upgrade: version 3 now: 2 client folders moved over (1 review moved, 2 entries files given the replaces column, 1 ended assignment moved where version 3 keeps them)"
is "... to the same files as a whole run" "$(files r)" "$(files p)"
is "... and the same bytes" "$(cd r && find . -type f ! -name '.hwk.*' | sort | xargs sha256sum)" \
	"$(cd p && find . -type f ! -name '.hwk.*' | sort | xargs sha256sum)"

# a review in both places, the same: the old copy goes
fresh s
mkdir -p s/reviews/alex && cp s/clients/alex/reviews/2026-11-24.yaml s/reviews/alex/
run -C s upgrade
is "a review already moved, the same bytes, is taken once (exit)" "$rc" 0
is "... the files are those of a whole run" "$(files s)" "$(files p)"

# ---- what it refuses, changing nothing more ----
fresh p
mkdir -p p/reviews/alex && echo 'note: another' >p/reviews/alex/2026-11-24.yaml
chmod 600 p/reviews/alex/2026-11-24.yaml
fails "a review in both places that differ is refused, naming both" 1 \
	"hwk upgrade: clients/alex/reviews/2026-11-24.yaml: reviews/alex/2026-11-24.yaml is there too, and differs: keep the right one, then run hwk upgrade again" \
	-C p upgrade
fresh p
printf '%s\n' '<<<<<<< ours' 'at,logged' '=======' 'at' '>>>>>>> theirs' >p/clients/sam/$TR.csv
fails "an entries file with a git conflict is refused" 1 \
	"hwk upgrade: clients/sam/$TR.csv:1: unresolved git conflict; run hwk sync or resolve it, then hwk upgrade again" \
	-C p upgrade
is "... hwk.yaml still says version 1" "$(grep '^version' p/hwk.yaml)" "version: 1"
fresh p
snap p
flock p/clients/alex/.hwk.lock sleep 5 &
holder=$!
sleep 0.2
HWK_LOCK_WAIT=50 run -C p upgrade
expect "a client another hwk is writing is left, and said to be busy" 1 "" \
	"hwk upgrade: clients/alex: busy: another hwk is writing it; try again"
kill $holder 2>/dev/null
wait $holder 2>/dev/null
is "... hwk.yaml still says version 1" "$(grep '^version' p/hwk.yaml)" "version: 1"

# ---- newer and odd versions ----
fresh p
sed -i 's/^version: 1/version: 4/' p/hwk.yaml
fails "a newer practice is refused by upgrade" 1 \
	"hwk upgrade: hwk.yaml:2:10: version 4 is newer than this hwk understands (3)" -C p upgrade
fails "... and by every command" 1 \
	"hwk list: hwk.yaml:2:10: version 4 is newer than this hwk understands (3)" -C p list due
sed -i 's/^version: 4/version: 1.0/' p/hwk.yaml
fails "a version that is no whole number is refused" 1 \
	"hwk list: hwk.yaml:2:10: 'version' must be a whole number (this hwk reads version 3)" \
	-C p list due
fresh p
sed -i '/^version/d' p/hwk.yaml
fails "a practice with no version is version 1" 1 "hwk list: $V1_REFUSED" -C p list due
run -C p upgrade
is "... and upgrades (exit)" "$rc" 0
is "... its hwk.yaml gains the version after its opening comment" "$(sed -n 1,2p p/hwk.yaml)" \
	"$(printf '%s\n' '# hwk practice settings (see hwk(5))' 'version: 3')"

# ---- a client folder standing alone, upgraded inside it ----
fresh p
cp -r p/clients/sam solo
fails "a standalone client folder of version 1 is refused" 1 \
	"hwk list: client.yaml: the files are in format version 1; run 'hwk upgrade' to move them to version 3 (see hwk(5))" \
	-C solo list due
run -C solo upgrade
expect "it is upgraded by the same command run inside it" 0 "" \
	"hwk upgrade: version 3 now: 1 client folder moved over (0 reviews moved, 1 entries file given the replaces column, 0 ended assignments moved where version 3 keeps them)"
is "... client.yaml says version 3" "$(grep '^version' solo/client.yaml)" "version: 3"
run -C solo list due
is "... and it works (exit)" "$rc" 0

# ---- what git sees: renames and one-line changes ----
fresh g
rm g/.hwk.lock g/clients/*/.hwk.lock
git -C g init -q && git -C g add -A &&
	git -C g -c user.name=t -c user.email=t@example.org commit -qm v1
hwk -C g upgrade 2>/dev/null
git -C g add -A
is "git sees each move as a rename and each version as a one-line change" \
	"$(git -C g diff --cached -M --name-status | sort)" \
"A	.gitignore
A	clients/alex/.gitignore
A	clients/sam/.gitignore
M	clients/alex/$SLEEP.csv
M	clients/alex/client.yaml
M	clients/sam/$TR.csv
M	clients/sam/client.yaml
M	hwk.yaml
R080	clients/alex/$EXPO.csv	clients/alex/ended/2026/$EXPO.csv
R100	clients/alex/$EXPO.ended-2026-11-25.yaml	clients/alex/ended/2026/$EXPO.ended-2026-11-25.yaml
R100	clients/alex/reviews/2026-11-24.yaml	reviews/alex/2026-11-24.yaml
R100	clients/alex/reviews/2026-12-01.yaml	reviews/alex/2026-12-01.yaml"
is "the entries files: one line changed each" "$(git -C g diff --cached --numstat -- '*.csv' | cut -f1,2 | sort -u)" "1	1"

# ---- new practices and clients are version 3 from the start ----
hwk init n >/dev/null 2>&1
hwk -C n assign kim sleep >/dev/null 2>&1
is "hwk init writes version 3" "$(grep '^version' n/hwk.yaml)" "version: 3"
is "a new client.yaml says version 3" "$(grep '^version' n/clients/kim/client.yaml)" "version: 3"
run -C n upgrade
expect "upgrade on a new practice: nothing to do" 0 "" "hwk upgrade: already version 3"

done_testing
