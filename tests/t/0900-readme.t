#!/bin/bash
# The README's examples are real: every "$ command" line of its ```console blocks runs
# here, in order, in one shell, and must print exactly the lines that follow it
# (assignment ids and review names, which end in random hex digits, are compared without
# them).
. "$(dirname "$0")/../lib.sh"
readme=$TOP/README.md
mkdir -p "$T/bin" "$T/ex"
ln -s "$HWK" "$T/bin/hwk"
export PATH="$T/bin:$PATH"

# "Client and clinician on two machines" talks to ssh://git.example.org/: here bare
# repositories made now, which git reaches through its url.insteadOf
export GIT_CONFIG_NOSYSTEM=1
mkdir -p "$T/server"
git init -q --bare -b main "$T/server/alex.git"
git config --global url."$T/server/".insteadOf ssh://git.example.org/
git config --global user.name "Sam Clinician"
git config --global user.email sam@example.org

awk -v dir="$T/ex" '
	/^```console$/ { inblock = 1; next }
	/^```$/ { inblock = 0; next }
	inblock && /^\$ / { n++; printf "%s\n", substr($0, 3) > (dir "/cmd." n); printf "" > (dir "/exp." n); next }
	inblock { print > (dir "/exp." n) }
' "$readme"
count=$(find "$T/ex" -name 'cmd.*' | wc -l)
check "the README has examples" test "$count" -gt 10

# one shell for all, so cd carries over
{
	for i in $(seq 1 "$count"); do
		printf '{ %s\n} >"%s/out.%d" 2>&1\n' "$(cat "$T/ex/cmd.$i")" "$T/ex" "$i"
	done
} >"$T/ex/script.sh"
(cd "$T" && bash "$T/ex/script.sh")

noid() { sed -E 's/([a-z])-[0-9a-f]{4}\b/\1-XXXX/g; s/(-[0-9]{6})-[0-9a-f]{4}\.yaml/\1-XXXX.yaml/g' "$1"; }
for i in $(seq 1 "$count"); do
	is "README: $(cat "$T/ex/cmd.$i")" "$(noid "$T/ex/out.$i")" "$(noid "$T/ex/exp.$i")"
done
done_testing
