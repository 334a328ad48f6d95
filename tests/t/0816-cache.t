#!/bin/bash
# The practice's local cache, .hwk.cache (hwk(5) LAYOUT, SAFE READS): one file at the
# top of the practice, not one in each client folder, holding which entries files were
# seen in logged order and each client's name as its client.yaml gave it. A command over
# the caseload then opens no file per client beyond its listing and its assignments';
# what the cache says is used only while the file it was learnt from is unchanged.
. "$(dirname "$0")/../lib.sh"

hwk init p >/dev/null 2>&1
A=$(hwk -C p assign alex task --name 'Alex M.' --start 2026-11-16 2>>"$T/setup.err")
B=$(hwk -C p assign bo task --start 2026-11-16 2>>"$T/setup.err")
C=$(hwk -C p assign cy task --name 'Zoë de la Cruz: "Z"' --start 2026-11-16 2>>"$T/setup.err")
for c in alex:$A bo:$B cy:$C; do
	HWK_NOW=2026-11-24T20:00:00+01:00 hwk -C p -c "${c%%:*}" log "${c#*:}" -q </dev/null 2>>"$T/setup.err"
	HWK_NOW=2026-11-25T20:00:00+01:00 hwk -C p -c "${c%%:*}" log "${c#*:}" -q </dev/null 2>>"$T/setup.err"
done
rm -f p/.hwk.cache
names() { jq -r '.[] | .client + "=" + (.name // "")' "$T/out" | sort -u | tr '\n' ' '; }
want='alex=Alex M. bo= cy=Zoë de la Cruz: "Z" '

run -C p report --week 2026-W48 -f json
is "report: the names (no cache yet)" "$(names)" "$want"
is "... the cache is made at the top of the practice, private" "$(stat -c %a p/.hwk.cache)" 600
is "... its first line says whose it is" "$(head -n 1 p/.hwk.cache)" "hwk-cache 1 3"
is "... a name line for each client" "$(grep -c '^n clients/' p/.hwk.cache)" 3
is "... and an order line for each entries file" "$(grep -c '^o clients/' p/.hwk.cache)" 3
is "... no client folder holds a cache" "$(find p/clients -name '.hwk.*' ! -name .hwk.lock | wc -l)" 0

# what the report opens once the cache is there: the practice's files, each client's
# listing, each assignment's two files; no client.yaml, nothing else
opened() { strace -f -qq -e trace=openat,open -o "$T/strace" "$HWK" "$@" >"$T/out" 2>"$T/err"
	grep -v ENOENT "$T/strace" | grep -o '"[^"]*"' | tr -d '"' | grep -v '^/' | sort; }
if command -v strace >/dev/null; then
	is "report with the cache: no client.yaml, no file per client but its listing" \
		"$(opened -C p report --week 2026-W48 -f json | sed 's/-[0-9a-f]\{4\}\./-x./')" \
		"$(printf '%s\n' .hwk.cache clients clients/alex "clients/alex/${A%-*}-x.csv" \
			"clients/alex/${A%-*}-x.yaml" clients/bo "clients/bo/${B%-*}-x.csv" \
			"clients/bo/${B%-*}-x.yaml" clients/cy "clients/cy/${C%-*}-x.csv" \
			"clients/cy/${C%-*}-x.yaml" hwk.yaml types | sort)"
	is "... the same names from it" "$(names)" "$want"
else
	_result 0 "# SKIP strace not installed"
	_result 0 "# SKIP strace not installed"
fi

# the cache is read: a name line that matches client.yaml's inode, size and times is
# what the report shows
yaml=p/clients/alex/client.yaml
key=$(stat -c '%i %s %.9Y %.9Z' "$yaml")
grep -v '^n clients/alex ' p/.hwk.cache >"$T/c" && echo "n clients/alex $key Cached Name" >>"$T/c"
cat "$T/c" >p/.hwk.cache
run -C p report --week 2026-W48 -f json
is "a name line matching client.yaml is used as it is" "$(names)" "alex=Cached Name ${want#alex=Alex M. }"

# ... and not once client.yaml changes: in place with the same size, even with its old
# modification time put back (its change time moves), or written anew
old=$(stat -c %.9Y "$yaml")
sed 's/^name: .*/name: Alex N./' "$yaml" >"$T/y" && cat "$T/y" >"$yaml" && touch -d "@$old" "$yaml"
is "(the same size, the same inode and modification time)" "$(stat -c '%i %s %.9Y' "$yaml")" "${key% *}"
run -C p report --week 2026-W48 -f json
is "client.yaml rewritten in place: the name read again" "$(names)" "alex=Alex N. ${want#alex=Alex M. }"
sed 's/^name: .*/name: Alexandra/' "$yaml" >"$T/y" && mv "$T/y" "$yaml"
run -C p report --week 2026-W48 -f json
is "client.yaml written anew: the name read again" "$(names)" "alex=Alexandra ${want#alex=Alex M. }"
run -C p report --week 2026-W48 -f json
is "... and from the cache next time" "$(names)" "alex=Alexandra ${want#alex=Alex M. }"

# a client.yaml made bad after it was cached is read, and named, as without a cache
cp "$yaml" "$T/good.yaml"
sed -i 's/^id: .*/id: bo/' "$yaml"
run -C p report --week 2026-W48 -f json
is "a client.yaml gone bad since: exit 1" "$rc" 1
like "... named as without the cache" "$(cat "$T/err")" \
	"clients/alex/client.yaml:.*'id' is 'bo' but the folder is alex's"
cp "$T/good.yaml" "$yaml"

# an order line is trusted only for the inode it names and up to the size it names
csv=p/clients/alex/$A.csv
sed -i "s|^o clients/alex/$A.csv .*|o clients/alex/$A.csv 1 999999|" p/.hwk.cache
run -C p report --week 2026-W48 -f json
is "an order line of another inode: the file read whole, the same count" \
	"$(jq -c ".[] | select(.assignment == \"$A\") | .done" "$T/out")" 2
like "... and noted again as it is" "$(grep "^o clients/alex/$A.csv " p/.hwk.cache)" \
	"^o clients/alex/$A.csv $(stat -c '%i %s' "$csv")$"

# another hwk's cache, a cut line, or one too large is not trusted: made anew
printf 'hwk-cache 9 9\nn clients/alex %s Mallory\n' "$key" >p/.hwk.cache
run -C p report --week 2026-W48 -f json
is "another hwk's cache: not trusted" "$(names)" "alex=Alexandra ${want#alex=Alex M. }"
is "... and made anew" "$(head -n 1 p/.hwk.cache)" "hwk-cache 1 3"
key=$(stat -c '%i %s %.9Y %.9Z' "$yaml")
{ echo 'hwk-cache 1 3'; echo 'o clients/alex'; echo 'n clients/cy 1 2 x'; printf 'n clients/alex %s Cut' "$key"; } >p/.hwk.cache
run -C p report --week 2026-W48 -f json
is "lines that are not whole are passed over" "$(names)" "alex=Alexandra ${want#alex=Alex M. }"
{ echo 'hwk-cache 1 3'; echo "n clients/alex $key Big"; head -c 9000000 /dev/zero | tr '\0' x; echo; } >p/.hwk.cache
run -C p report --week 2026-W48 -f json
is "a cache larger than 8 MiB is not read" "$(names)" "alex=Alexandra ${want#alex=Alex M. }"
is "... and made anew, small" "$(($(stat -c %s p/.hwk.cache) < 10000))" 1

# a cache hwk cannot write is no error
hwk -C p report --week 2026-W48 -f json >"$T/want.json" 2>/dev/null
rm p/.hwk.cache && mkdir p/.hwk.cache
run -C p report --week 2026-W48 -f json
is "a cache that cannot be read nor written: the same report" "$(cat "$T/out")" "$(cat "$T/want.json")"
is "... exit 0, nothing said" "$rc:$(cat "$T/err")" "0:"
rmdir p/.hwk.cache

# hwk forget takes the client out of the cache: nothing left names them
hwk -C p report --week 2026-W48 -f json >/dev/null 2>&1
check "(cy is in the cache)" grep -q '^n clients/cy .*Zoë' p/.hwk.cache
run -C p forget --yes cy
is "forget (exit)" "$rc" 0
is "... the cache says nothing of cy" "$(grep -c 'clients/cy\|Zoë' p/.hwk.cache)" 0
is "... and still of the others" "$(grep -c '^n clients/' p/.hwk.cache)" 2

# ... and a cache it cannot read (here larger than 8 MiB), which may name the client, goes
{ echo 'hwk-cache 1 3'; echo "n clients/alex $key Alexandra"; head -c 9000000 /dev/zero | tr '\0' x; echo; } >p/.hwk.cache
run -C p forget --yes alex
is "forget with a cache too large to read (exit)" "$rc" 0
check "... the cache removed" test ! -e p/.hwk.cache

# ... and one it can neither write again nor remove (here a folder in its place, not
# empty) stops it before anything goes: the client is still there to forget again
mkdir -p p/.hwk.cache/x
fails "forget with a cache it can neither write nor remove" 1 \
	"hwk forget: .hwk.cache: the practice's cache may name bo, and can be neither written again nor removed: Is a directory; remove it, and run hwk forget again (nothing removed)" \
	-C p forget --yes bo
check "... bo is still there" test -f p/clients/bo/client.yaml
check "... and the folder in the cache's place" test -d p/.hwk.cache/x
rm -r p/.hwk.cache

# a client folder standing alone keeps its own cache, by its own paths
cp -r p/clients/bo s
rm -f s/.hwk.lock
run -C s list due -f tsv
is "standalone: list due (exit)" "$rc" 0
is "... its cache in its folder, by paths inside it" "$(grep '^[on] ' s/.hwk.cache | cut -d' ' -f1,2)" "o $B.csv"

is "setup went well" "$(cat "$T/setup.err")" ""
done_testing
