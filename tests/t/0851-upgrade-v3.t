#!/bin/bash
# hwk upgrade from format version 2 (every ended assignment directly in ended/) to
# version 3 (each in ended/YYYY/, the year of its last day; hwk(5) FORMAT VERSIONS):
# renames only, nothing lost, git sees each move as one, a run stopped between an entries
# file's rename and its assignment file's is finished by the next; every other command
# refuses version 2 and changes nothing.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
at() { local when=$1; shift; HWK_NOW=$when "$@"; }

# ---- a version 3 practice with three years of ended assignments, made version 2 by hand ----
hwk init v3 2>/dev/null
A=$(at 2024-03-01T09:00:00+01:00 asg v3 alex task --start 2024-03-01)
at 2024-03-02T09:00:00+01:00 lg v3 alex "$A" --at 2024-03-02T08:00
at 2024-03-10T09:00:00+01:00 hwk -C v3 assign --end "$A" 2>>"$T/setup.err"
B=$(at 2025-06-03T09:00:00+02:00 asg v3 alex sleep --start 2025-06-03)
at 2025-06-04T09:00:00+02:00 lg v3 alex "$B" bed=23:00 wake=07:00 out_of_bed=07:10 --at 2025-06-04T08:00
at 2025-06-20T09:00:00+02:00 hwk -C v3 assign --end "$B" 2>>"$T/setup.err"
C=$(at 2026-11-02T09:00:00+01:00 asg v3 sam task --start 2026-11-02)
at 2026-11-03T09:00:00+01:00 lg v3 sam "$C" --at 2026-11-03T08:00
at 2026-11-20T09:00:00+01:00 hwk -C v3 assign --end "$C" 2>>"$T/setup.err"
N=$(asg v3 alex task) # no entries, no end: stays in the folder
F=$(asg v3 sam task --start 2026-11-23)
lg v3 sam "$F" --at 2026-11-24T08:00
# one ended without entries: its assignment file alone
G=$(at 2026-11-05T09:00:00+01:00 asg v3 sam task --start 2026-11-05)
at 2026-11-06T09:00:00+01:00 hwk -C v3 assign --end "$G" 2>>"$T/setup.err"
is "the practice was made" "$setup_failed $(cat "$T/setup.err")" "0 "

# the entries as version 3 reads them: the count and a sha of the sorted rows
run -C v3 list entries --all -f csv
want_n=$(wc -l <"$T/out")
want_sha=$(sort "$T/out" | sha256sum)
is "the entries are there to count" "$want_n" 5

# to_v2 DIR: version 3's ended/YYYY/ flattened into ended/, and the ended assignments in
# their 31 days in the folder moved there too (version 2 moved them at once), version 2
# written
to_v2() {
	local c y f
	for c in "$1"/clients/*/; do
		for f in "$c"*.ended-*.yaml; do
			[ -f "$f" ] || continue
			[ -d "$c"ended ] || mkdir -m 700 "$c"ended
			mv "$f" "$c"ended/
			f=${f##*/}
			[ ! -f "$c${f%%.ended-*}.csv" ] || mv "$c${f%%.ended-*}.csv" "$c"ended/
		done
		for y in "$c"ended/[0-9][0-9][0-9][0-9]; do
			[ -d "$y" ] || continue
			mv "$y"/* "$c"ended/ && rmdir "$y"
		done
		sed -i 's/^version: 3$/version: 2/' "$c"client.yaml
	done
	sed -i 's/^version: 3$/version: 2/' "$1"/hwk.yaml
}
# files DIR: every file and folder under DIR, sorted (hwk's local files aside)
files() { (cd "$1" && find . -mindepth 1 ! -name '.hwk.*' | sort); }
# bytes DIR: each file's sha, by path
bytes() { (cd "$1" && find . -type f ! -name '.hwk.*' | sort | xargs sha256sum); }
# fresh NAME: a private copy of the version 2 practice
rm -f v3/.hwk.lock v3/clients/*/.hwk.lock
rm -f v3/.hwk.cache
to_v2 v3
mv v3 v2
# (with the locks any practice in use has: made by its first writer, never removed)
fresh() { rm -rf "$1" && cp -a v2 "$1" && touch "$1/.hwk.lock" "$1"/clients/*/.hwk.lock; }

is "version 2: every ended assignment directly in ended/" \
	"$(cd v2/clients && find . -path '*/ended/*' | sort)" \
	"$(printf '%s\n' "./alex/ended/$A.csv" "./alex/ended/$A.ended-2024-03-10.yaml" \
		"./alex/ended/$B.csv" "./alex/ended/$B.ended-2025-06-20.yaml" \
		"./sam/ended/$C.csv" "./sam/ended/$C.ended-2026-11-20.yaml" \
		"./sam/ended/$G.ended-2026-11-06.yaml" | sort)"

# ---- every command but upgrade refuses version 2, and changes nothing ----------------------
V2_REFUSED="hwk.yaml: the files are in format version 2; run 'hwk upgrade' to move them to version 3 (see hwk(5))"
fresh p
snap p
fails "list due on version 2 says to upgrade" 1 "hwk list: $V2_REFUSED" -C p list due
fails "list entries on version 2 says to upgrade" 1 "hwk list: $V2_REFUSED" -C p list entries --all
fails "log on version 2 says to upgrade" 1 "hwk log: $V2_REFUSED" -C p -c alex log "$N"
fails "assign on version 2 says to upgrade" 1 "hwk assign: $V2_REFUSED" -C p assign alex task
fails "assign --end on version 2 says to upgrade" 1 "hwk assign: $V2_REFUSED" -C p assign --end "$N"
fails "review on version 2 says to upgrade" 1 "hwk review: $V2_REFUSED" -C p review alex
fails "report on version 2 says to upgrade" 1 "hwk report: $V2_REFUSED" -C p report
fails "export on version 2 says to upgrade" 1 "hwk export: $V2_REFUSED" -C p export alex
unchanged "... and no file changed" p

# ---- the upgrade --------------------------------------------------------------------------
run -C p upgrade
expect "upgrade moves both clients over and says what it did" 0 "" \
	"hwk upgrade: version 3 now: 2 client folders moved over (0 reviews moved, 0 entries files given the replaces column, 4 ended assignments moved where version 3 keeps them)"
is "each ended assignment in the year folder of its last day" \
	"$(cd p/clients && find . -path '*/ended/*' | sort)" \
	"$(printf '%s\n' ./alex/ended/2024 "./alex/ended/2024/$A.csv" "./alex/ended/2024/$A.ended-2024-03-10.yaml" \
		./alex/ended/2025 "./alex/ended/2025/$B.csv" "./alex/ended/2025/$B.ended-2025-06-20.yaml" | sort)"
is "... but those within 31 days of their last day, back in the client's folder" \
	"$(cd p/clients/sam && find . -name '*.ended-*' -o -name "$C.csv" | sort)" \
	"$(printf '%s\n' "./$C.csv" "./$C.ended-2026-11-20.yaml" "./$G.ended-2026-11-06.yaml" | sort)"
is "the year folders are 0700" "$(find p/clients/*/ended -type d -printf '%m\n' | sort -u)" 700
is "the versions say 3" "$(grep -h '^version' p/hwk.yaml p/clients/*/client.yaml | sort -u)" "version: 3"
is "hwk.yaml: only the version line changed" "$(diff v2/hwk.yaml p/hwk.yaml)" \
"2c2
< version: 2
---
> version: 3"
is "every file's bytes but the versions' as they were (by name; .gitignore is new)" \
	"$(bytes p | grep -v -e hwk.yaml -e client.yaml -e .gitignore | sed -E 's|ended/[0-9]{4}/|ended/|' |
		sed -E "s#/sam/($C|$G)#/sam/ended/\\1#" | sort -k2)" \
	"$(bytes v2 | grep -v -e hwk.yaml -e client.yaml -e .gitignore | sort -k2)"
run -C p list entries --all -f csv
is "nothing lost: as many entries" "$(wc -l <"$T/out")" "$want_n"
is "... the same rows" "$(sort "$T/out" | sha256sum)" "$want_sha"
run -C p list assignments --all -f tsv
is "every assignment is read" "$(tail -n +2 "$T/out" | cut -f2 | sort)" \
	"$(printf '%s\n' "$A" "$B" "$C" "$F" "$G" "$N" | sort)"

snap p
run -C p upgrade
expect "a second upgrade says it is done" 0 "" "hwk upgrade: already version 3"
unchanged "... and changes nothing" p

# ---- a run stopped between the two renames is finished by the next ------------------------
# alex: A's entries renamed into ended/2024/, its assignment file still in ended/
fresh q
mkdir -p q/clients/alex/ended/2024
mv "q/clients/alex/ended/$A.csv" q/clients/alex/ended/2024/
snap q
run -C q list entries --all
expect "a half-moved practice is still version 2 to every other command" 1 "" "hwk list: $V2_REFUSED"
unchanged "... which changes nothing" q
run -C q upgrade
is "the next upgrade finishes it (exit)" "$rc" 0
is "... to the same files as a whole run" "$(files q)" "$(files p)"
is "... and the same bytes" "$(bytes q)" "$(bytes p)"
# the entries file in both places, the same: the one left in ended/ goes
fresh q
mkdir -p q/clients/alex/ended/2024
cp -p "q/clients/alex/ended/$A.csv" q/clients/alex/ended/2024/
run -C q upgrade
is "an entries file in both places, the same, is taken once (exit)" "$rc" 0
is "... the files are those of a whole run" "$(files q)" "$(files p)"
# an assignment file moved ahead of its entries (by hand): the entries follow it
fresh q
mkdir -p q/clients/alex/ended/2024
mv "q/clients/alex/ended/$A.ended-2024-03-10.yaml" q/clients/alex/ended/2024/
run -C q upgrade
is "entries left behind their assignment file follow it (exit)" "$rc" 0
is "... the files are those of a whole run" "$(files q)" "$(files p)"
# the entries file in both places, different: refused, nothing changed
fresh q
mkdir -p q/clients/alex/ended/2024
cp -p "q/clients/alex/ended/$A.csv" q/clients/alex/ended/2024/
echo '2024-03-03T08:00:00+01:00,extra' >>"q/clients/alex/ended/2024/$A.csv"
snap q
run -C q upgrade
expect "an entries file in both places that differ is refused, naming both" 1 "" \
	"hwk upgrade: clients/alex/ended/$A.csv: clients/alex/ended/2024/$A.csv is there too, and differs: keep the right one, then run hwk upgrade again"
unchanged "... and nothing changed" q
is "... hwk.yaml still says version 2" "$(grep '^version' q/hwk.yaml)" "version: 2"

# ---- a client folder standing alone ---------------------------------------------------------
fresh p
cp -a p/clients/sam solo
fails "a standalone client folder of version 2 is refused" 1 \
	"hwk list: client.yaml: the files are in format version 2; run 'hwk upgrade' to move them to version 3 (see hwk(5))" \
	-C solo list due
run -C solo upgrade
expect "it is upgraded by the same command run inside it" 0 "" \
	"hwk upgrade: version 3 now: 1 client folder moved over (0 reviews moved, 0 entries files given the replaces column, 2 ended assignments moved where version 3 keeps them)"
run -C solo list entries --all -f csv
is "... and its entries read (exit, rows)" "$rc $(wc -l <"$T/out")" "0 3"

# ---- what git sees: renames, and one-line changes --------------------------------------------
fresh g
rm g/.hwk.lock g/clients/*/.hwk.lock
git -C g init -q && git -C g add -A &&
	git -C g -c user.name=t -c user.email=t@example.org commit -qm v2
hwk -C g upgrade 2>/dev/null
git -C g add -A && git -C g -c user.name=t -c user.email=t@example.org commit -qm v3
is "git sees each move as a rename and each version as a one-line change" \
	"$(git -C g diff -M --name-status HEAD~ HEAD | sort)" \
"A	.gitignore
A	clients/alex/.gitignore
A	clients/sam/.gitignore
M	clients/alex/client.yaml
M	clients/sam/client.yaml
M	hwk.yaml
R100	clients/alex/ended/$A.csv	clients/alex/ended/2024/$A.csv
R100	clients/alex/ended/$A.ended-2024-03-10.yaml	clients/alex/ended/2024/$A.ended-2024-03-10.yaml
R100	clients/alex/ended/$B.csv	clients/alex/ended/2025/$B.csv
R100	clients/alex/ended/$B.ended-2025-06-20.yaml	clients/alex/ended/2025/$B.ended-2025-06-20.yaml
R100	clients/sam/ended/$C.csv	clients/sam/$C.csv
R100	clients/sam/ended/$C.ended-2026-11-20.yaml	clients/sam/$C.ended-2026-11-20.yaml
R100	clients/sam/ended/$G.ended-2026-11-06.yaml	clients/sam/$G.ended-2026-11-06.yaml"
is "git log --follow finds an entries file's history before the move" \
	"$(git -C g log --follow --format=%s -- "clients/alex/ended/2024/$A.csv")" "$(printf 'v3\nv2')"

done_testing
