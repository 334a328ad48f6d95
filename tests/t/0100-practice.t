#!/bin/bash
# Finding the practice (-C, HWK_DIR, walking up, client folders, a client folder standing
# alone, the default under $XDG_DATA_HOME), the dispatcher, and client ids that would
# escape the practice.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

nl=$'\n'
tab=$'\t'
clients_head="client${tab}name${tab}active${tab}created"
due_head="client${tab}assignment${tab}type${tab}every${tab}today${tab}week${tab}expected${tab}expected_week${tab}left"

# A practice p with two clients: alex (one task) and bo (one task).
hwk init p 2>/dev/null
A=$(hwk -C p assign alex task --name Alex)
B=$(hwk -C p assign bo task)
both="$clients_head
alex${tab}Alex${tab}1${tab}2026-11-27
bo${tab}${tab}1${tab}2026-11-27"
only_alex="$clients_head
alex${tab}Alex${tab}1${tab}2026-11-27"

# ---- where the practice is ----

run -C p list clients
expect "-C names the practice" 0 "$both" ""

HWK_DIR=p run list clients
expect "\$HWK_DIR names the practice" 0 "$both" ""

HWK_DIR=nowhere run -C p list clients
expect "-C wins over \$HWK_DIR" 0 "$both" ""

HWK_DIR=p/clients/alex run list clients
expect "\$HWK_DIR inside a client folder implies that client" 0 "$only_alex" ""

cd p/types || exit 1
run list clients
cd "$T" || exit 1
expect "walking up from a subfolder finds the practice" 0 "$both" ""

run -C p/types list clients
expect "-C a subfolder walks up from there" 0 "$both" ""

run -C nowhere list clients
expect "-C a missing folder" 1 "" "hwk list: nowhere: No such file or directory"

# ---- inside a client folder the client is implied ----

cd p/clients/alex || exit 1
run list clients
expect "inside clients/alex only alex is listed" 0 "$only_alex" ""
run list due
expect "inside clients/alex: what is due is alex's" 0 \
	"$due_head${nl}alex${tab}$A${tab}task${tab}day${tab}due${tab}0${tab}1${tab}3${tab}3" ""
# two clients in the practice, yet no -c is needed here
run log task -q
expect "inside clients/alex: log needs no -c" 0 "" ""
run assign mindfulness
is "inside clients/alex: assign needs no CLIENT (exit)" "$rc" 0
M=$(cat "$T/out")
check "inside clients/alex: the new assignment is alex's" test -f "$M.yaml"
is "inside clients/alex: it says so" "$(grep '^client:' "$M.yaml")" "client: alex"
mkdir -p notes/deeper
cd notes/deeper || exit 1
run list clients
expect "a folder below clients/alex still implies alex" 0 \
	"${clients_head}${nl}alex${tab}Alex${tab}2${tab}2026-11-27" ""
run -c bo list clients
expect "-c names another client from inside alex's folder" 0 \
	"${clients_head}${nl}bo${tab}${tab}1${tab}2026-11-27" ""
cd "$T" || exit 1

run -C p log task -q
expect "outside a client folder, two clients need -c" 1 "" \
	"hwk log: more than one client; name one with -c CLIENT"
HWK_CLIENT=bo run -C p log task -q
expect "\$HWK_CLIENT names the client" 0 "" ""
run -C p -c nobody list due
expect "-c a client that is not there" 1 "" "hwk list: nobody: no such client (see 'hwk list clients')"

# ---- a client folder standing alone ----

# a custom type: the copy must not need types/ to log it (the assignment carries its fields)
cat >p/types/worry.yaml <<'EOF'
title: Worry time
fields:
- name: worries
  type: integer
  min: 0
  max: 20
  required: true
EOF
W=$(hwk -C p assign alex worry)
mkdir away
cp -r p/clients/alex away/alex
cd away/alex || exit 1
run list clients
expect "a copied client folder works alone: list clients" 0 \
	"${clients_head}${nl}alex${tab}Alex${tab}3${tab}2026-11-27" ""
run log worry 4 --at 08:00 -q
expect "a copied client folder works alone: log a custom type without types/" 0 "" ""
run list entries -t worry
expect "a copied client folder works alone: list entries" 0 \
	"client${tab}assignment${tab}type${tab}at${tab}logged${tab}status${tab}reason${tab}note${tab}worries
alex${tab}$W${tab}worry${tab}2026-11-27T08:00:00+01:00${tab}2026-11-27T09:00:00+01:00${tab}done${tab}${tab}${tab}4" ""
run assign sleep
is "a copied client folder works alone: assign (exit)" "$rc" 0
S=$(cat "$T/out")
is "a copied client folder works alone: the assignment is alex's" \
	"$(grep '^client:' "$S.yaml" 2>/dev/null)" "client: alex"
check "a copied client folder grows no practice files" \
	test ! -e hwk.yaml -a ! -e clients -a ! -e types
snap .
run assign bo task
expect "a copied client folder holds one client only" 1 "" \
	"hwk assign: bo: this folder holds only alex's homework"
unchanged "the refused assign wrote nothing" .
run assign worry
expect "a copied client folder knows built-in types only" 1 "" \
	"hwk assign: worry: no such type (see 'hwk types')"
cd "$T" || exit 1

# The client id comes from client.yaml, not from the name the copy was given
# (a clone of a client's repository may be called anything).
cp -r p/clients/alex solo
cd solo || exit 1
run list clients
expect "a copy under another name is still alex" 0 \
	"${clients_head}${nl}alex${tab}Alex${tab}3${tab}2026-11-27" ""
run log task -q --at 08:30
expect "a copy under another name: log" 0 "" ""
run list entries -t task
expect "a copy under another name: list entries says alex" 0 \
	"client${tab}assignment${tab}type${tab}at${tab}logged${tab}status${tab}reason${tab}note
alex${tab}$A${tab}task${tab}2026-11-27T09:00:00+01:00${tab}2026-11-27T09:00:00+01:00${tab}done${tab}${tab}
alex${tab}$A${tab}task${tab}2026-11-27T08:30:00+01:00${tab}2026-11-27T09:00:00+01:00${tab}done${tab}${tab}" ""
run assign exposure
S2=$(cat "$T/out")
is "a copy under another name: a new assignment is alex's" \
	"$(grep '^client:' "$S2.yaml" 2>/dev/null)" "client: alex"
run -c alex list clients
expect "a copy under another name: -c alex is that client" 0 \
	"${clients_head}${nl}alex${tab}Alex${tab}4${tab}2026-11-27" ""
cd "$T" || exit 1

# ---- no practice anywhere: the default under $XDG_DATA_HOME ----

mkdir -p nowhere/deep
cd nowhere/deep || exit 1
export XDG_DATA_HOME=$T/xdg
run list clients
expect "no practice yet: list clients is empty" 0 "$clients_head" ""
run list assignments
expect "no practice yet: list assignments is empty" 0 \
	"client${tab}id${tab}type${tab}every${tab}start${tab}until${tab}status${tab}when${tab}where${tab}minimum${tab}instructions" ""
run list entries
expect "no practice yet: list entries is empty" 0 \
	"client${tab}assignment${tab}type${tab}at${tab}logged${tab}status${tab}reason${tab}note" ""
run list
expect "no practice yet: list (due) is empty" 0 "$due_head" ""
run list due -f json
expect "no practice yet: an empty JSON list" 0 "[]" ""
run types
is "no practice yet: types works (exit)" "$rc" 0
is "no practice yet: types lists the built-ins" "$(cut -f1 "$T/out" | tr '\n' ' ')" \
	"type thought-record activity exposure sleep mindfulness task "
check "reading made no default practice" test ! -e "$T/xdg"

umask 022
run assign sleep
is "the first assign makes the default practice (exit)" "$rc" 0
is "the first assign makes the default practice (stderr)" "$(cat "$T/err")" ""
D=$(cat "$T/out")
like "it prints the new id" "$D" '^2026-11-27-sleep-[0-9a-f]{4}$'
check "the default practice is \$XDG_DATA_HOME/hwk" test -f "$T/xdg/hwk/hwk.yaml"
check "a self-guided user is client 'me'" test -f "$T/xdg/hwk/clients/me/$D.yaml"
is "me's client.yaml" "$(cat "$T/xdg/hwk/clients/me/client.yaml")" \
	"# hwk client (see hwk(5))
version: 3
id: me
created: 2026-11-27"
is "the default practice is private (0600 files, 0700 folders)" \
	"$(find "$T/xdg/hwk" -printf '%m %y\n' | sort -u)" "$(printf '600 f\n700 d')"
check "nothing was made in the current folder" test -z "$(ls -A .)"
run log sleep bed=23:10 wake=06:40 out_of_bed=07:00 -q
expect "logging goes to the default practice" 0 "" ""
run list clients
expect "the default practice lists me" 0 "${clients_head}${nl}me${tab}${tab}1${tab}2026-11-27" ""
run assign bo task
snap "$T/xdg/hwk"
run assign task
expect "with two clients, assign needs one named" 1 "" \
	"hwk assign: which client? name one: hwk assign CLIENT task"
unchanged "the refused assign wrote nothing" "$T/xdg/hwk"

# $XDG_DATA_HOME unset, or not an absolute path (the XDG rule): ~/.local/share/hwk
unset XDG_DATA_HOME
run assign task
is "without \$XDG_DATA_HOME: ~/.local/share/hwk (exit)" "$rc" 0
check "without \$XDG_DATA_HOME: ~/.local/share/hwk" \
	test -f "$HOME/.local/share/hwk/clients/me/$(cat "$T/out").yaml"
XDG_DATA_HOME=relative run list clients
expect "a relative \$XDG_DATA_HOME is ignored" 0 "${clients_head}${nl}me${tab}${tab}1${tab}2026-11-27" ""
check "no relative folder made" test ! -e relative
cd "$T" || exit 1

# ---- the dispatcher ----

run
expect "hwk alone is a usage error" 2 "" "usage: hwk [-C DIR] [-c CLIENT] COMMAND [ARGS...]"

for h in -h --help; do
	run $h
	is "hwk $h (exit)" "$rc" 0
	is "hwk $h (stderr)" "$(cat "$T/err")" ""
	is "hwk $h starts with the usage" "$(head -n 1 "$T/out")" \
		"usage: hwk [-C DIR] [-c CLIENT] COMMAND [ARGS...]"
	is "hwk $h lists the commands" \
		"$(sed -n 's/^  \([a-z]*\)  *[a-z].*/\1/p' "$T/out" | tr '\n' ' ')" \
		"init assign log list review report calendar types sync clone export forget upgrade git completion help "
done

run --version
is "hwk --version (exit)" "$rc" 0
like "hwk --version prints hwk and a version" "$(cat "$T/out")" '^hwk [0-9]+(\.[0-9]+)+'
is "hwk --version (stderr)" "$(cat "$T/err")" ""

run nosuch
expect "an unknown command" 1 "" "hwk: 'nosuch' is not a command (see 'hwk -h')"
run -C p nosuch a b
expect "an unknown command after global options" 1 "" "hwk: 'nosuch' is not a command (see 'hwk -h')"

mkdir bin
cat >bin/hwk-hello <<'EOF'
#!/bin/sh
echo "hello $#: $*"
echo "dir=${HWK_DIR-unset} client=${HWK_CLIENT-unset}"
echo "oops" >&2
exit 3
EOF
chmod 755 bin/hwk-hello
printf '#!/bin/sh\necho never\n' >bin/hwk-noexec
chmod 644 bin/hwk-noexec
PATH=$T/bin:$PATH run hello a 'b c'
expect "hwk NAME runs hwk-NAME from PATH with the args, and its exit status" 3 \
	"hello 2: a b c${nl}dir=unset client=unset" "oops"
PATH=$T/bin:$PATH run -C p -c alex hello x
expect "-C and -c reach hwk-NAME as HWK_DIR and HWK_CLIENT" 3 \
	"hello 1: x${nl}dir=p client=alex" "oops"
PATH=$T/bin:$PATH run noexec
expect "an hwk-NAME that cannot run" 1 "" "hwk: hwk-noexec: Permission denied"

for c in init assign log list types help; do
	for h in -h --help; do
		run "$c" "$h"
		is "hwk $c $h (exit)" "$rc" 0
		like "hwk $c $h: usage on stdout" "$(head -n 1 "$T/out")" "^usage: hwk $c"
		is "hwk $c $h (stderr)" "$(cat "$T/err")" ""
	done
done

# hwk help CMD where no manual page is found (a copy of hwk away from the build tree's
# man/, and a man that knows no page, or no man at all): the command's usage, exit 0.
mkdir -p "$T/alone" "$T/noman"
cp "$HWK" "$T/alone/hwk"
printf '#!/bin/sh\necho "No manual entry for $2" >&2\nexit 16\n' >"$T/noman/man"
chmod +x "$T/noman/man"
for c in log review report; do
	"$HWK" "$c" -h >"$T/usage" 2>&1
	PATH=$T/noman:/usr/bin:/bin "$T/alone/hwk" help "$c" >"$T/out" 2>"$T/err"
	rc=$?
	expect "hwk help $c with no page installed: the usage" 0 "$(cat "$T/usage")" ""
	PATH=$T/alone "$T/alone/hwk" help "$c" >"$T/out" 2>"$T/err"
	rc=$?
	expect "hwk help $c with no man at all: the usage" 0 "$(cat "$T/usage")" ""
done
PATH=$T/alone "$T/alone/hwk" help >"$T/out" 2>"$T/err"
rc=$?
is "hwk help with no man: hwk's own usage (exit)" "$rc" 0
is "hwk help with no man: hwk's own usage" "$(head -n 1 "$T/out")" "usage: hwk [-C DIR] [-c CLIENT] COMMAND [ARGS...]"

# A bad option: exit 2, a message naming hwk (and the command), then the usage.
snap p
run -x list
is "hwk -x (exit)" "$rc" 2
is "hwk -x (stdout)" "$(cat "$T/out")" ""
like "hwk -x: the message names hwk and the option" "$(head -n 1 "$T/err")" "^hwk: .*x"
is "hwk -x: then the usage" "$(tail -n 1 "$T/err")" "usage: hwk [-C DIR] [-c CLIENT] COMMAND [ARGS...]"
for c in init assign log list types; do
	run -C p "$c" --bogus x
	is "hwk $c --bogus (exit)" "$rc" 2
	is "hwk $c --bogus (stdout)" "$(cat "$T/out")" ""
	like "hwk $c --bogus: the message names hwk $c and the option" \
		"$(head -n 1 "$T/err")" "^hwk $c: .*--bogus"
	check "hwk $c --bogus: then the usage" grep -q "^usage: hwk $c" "$T/err"
	run -C p "$c" -Z
	is "hwk $c -Z (exit)" "$rc" 2
	like "hwk $c -Z: the message names hwk $c" "$(head -n 1 "$T/err")" "^hwk $c: .*Z"
done
unchanged "bad options changed nothing" p

HWK_NOW=junk run -C p assign alex sleep
expect "a bad HWK_NOW" 1 "" "hwk: HWK_NOW: junk is not a time (2026-11-27T09:00:00+01:00)"
HWK_NOW=2026-13-40T09:00:00+01:00 run -C p list
expect "an impossible HWK_NOW" 1 "" \
	"hwk: HWK_NOW: 2026-13-40T09:00:00+01:00 is not a time (2026-11-27T09:00:00+01:00)"
unchanged "a bad HWK_NOW wrote nothing" p

# ---- client ids cannot escape the practice ----

idmsg="not a client id (lower-case letters, digits, '-', '_' and '.'; a letter or digit first)"
for c in ../x .x a/b /tmp/x x/.. ..; do
	run -C p assign "$c" sleep
	expect "assign $c is refused" 1 "" "hwk assign: $c: $idmsg"
done
run -C p -c .. assign sleep
expect "-c .. is refused by assign" 1 "" "hwk assign: ..: $idmsg"
HWK_CLIENT=../x run -C p assign sleep
expect "HWK_CLIENT=../x is refused by assign" 1 "" "hwk assign: ../x: $idmsg"
run -C p -c .. list due
is "-c .. is refused by list (exit)" "$rc" 1
like "-c .. is refused by list (message)" "$(cat "$T/err")" "^hwk list: \.\.: not a client id"
is "-c .. is refused by list (stdout)" "$(cat "$T/out")" ""
run -C p -c ../p log task
is "-c ../p is refused by log (exit)" "$rc" 1
like "-c ../p is refused by log (message)" "$(cat "$T/err")" "^hwk log: \.\./p: not a client id"
unchanged "the refused ids changed nothing in the practice" p
check "and nothing was made beside it" test ! -e x -a ! -e p/x -a ! -e p/clients/x -a ! -e /tmp/x/client.yaml

done_testing
