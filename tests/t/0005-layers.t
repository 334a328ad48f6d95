#!/bin/bash
# The library's modules form layers: no module includes, or calls into, a module that
# depends on it, so each can be read and tested from the bottom up. err, which every
# module uses, depends on text alone; text on nothing. tsort(1) finds any loop.
. "$(dirname "$0")/../lib.sh"

# includes: "M N" for each lib/M.[ch] that includes N.h (N another module)
for f in "$TOP"/lib/*.[ch]; do
	m=$(basename "${f%.*}")
	sed -n 's/^#include "\([a-z_]*\)\.h".*/\1/p' "$f" | while read -r n; do
		[ "$n" = "$m" ] || echo "$m $n"
	done
done | sort -u >"$T/includes"
check "the include graph has edges" test -s "$T/includes"
tsort "$T/includes" >/dev/null 2>"$T/loops"
is "no module includes one that includes it (tsort)" "$(cat "$T/loops")" ""
is "err includes only text" "$(awk '$1 == "err" { print $2 }' "$T/includes")" "text"
is "text includes no module" "$(awk '$1 == "text"' "$T/includes")" ""

# calls: the library's objects next to the hwk under test; "M N" when M.o uses a symbol
# that N.o defines
objs=$(dirname "$HWK")/lib
for o in "$objs"/*.o; do
	nm "$o" | awk -v m="$(basename "$o" .o)" '$1 == "U" { print "U", m, $2 } NF == 3 && $2 ~ /^[TDRBC]$/ { print "D", m, $3 }'
done | awk '$1 == "D" { def[$3] = $2; next } { use[++n] = $2 " " $3 }
	END { for (i = 1; i <= n; i++) { split(use[i], u, " "); if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]] } }' |
	sort -u >"$T/calls"
check "the call graph has edges" test -s "$T/calls"
tsort "$T/calls" >/dev/null 2>"$T/loops"
is "no module calls into one that calls it (tsort)" "$(cat "$T/loops")" ""
is "err calls only text" "$(awk '$1 == "err" { print $2 }' "$T/calls")" "text"
is "text calls no module" "$(awk '$1 == "text"' "$T/calls")" ""
done_testing
