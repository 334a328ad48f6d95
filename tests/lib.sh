# tests/lib.sh: a small TAP library for the end-to-end tests (bash).
# Each test runs the real hwk ($HWK) on a throwaway practice with a cleared environment,
# a fixed clock (HWK_NOW) and a fixed zone (TZ).
set -u
: "${HWK:?HWK must name the hwk binary}"
# the repository's top folder, found before the test moves to its temp folder
TOP=$(cd "$(dirname "$0")/../.." && pwd)
unset HWK_DIR HWK_CLIENT NO_COLOR XDG_DATA_HOME EDITOR VISUAL
export LC_ALL=C.UTF-8 TZ=Europe/Berlin HWK_NOW=2026-11-27T09:00:00+01:00
T=$(mktemp -d "${TMPDIR:-/tmp}/hwk-test.XXXXXX")
export HOME="$T/home"
mkdir -p "$HOME"
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
_n=0
_failed=0

# hwk ARGS: the binary, under valgrind when HWK_VALGRIND is set (a leak or error exits 99)
hwk() {
	if [ -n "${HWK_VALGRIND:-}" ]; then
		valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
			--error-exitcode=99 "$HWK" "$@"
	else
		"$HWK" "$@"
	fi
}

# run ARGS: run hwk; its stdout in $T/out, stderr in $T/err, exit status in $rc
run() {
	hwk "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

_result() { # ok? description
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

# check DESC COMMAND...: passes when the command succeeds
check() {
	d=$1
	shift
	"$@"
	_result $? "$d"
}

# is DESC GOT WANT: passes when the two strings are equal; shows both when not
is() {
	if [ "$2" = "$3" ]; then
		_result 0 "$1"
	else
		_result 1 "$1"
		printf '# got:\n%s\n# want:\n%s\n' "$2" "$3" | sed 's/^/#   /' >&2
	fi
}

# expect DESC RC STDOUT STDERR: the last run's exit status and output, exactly
expect() {
	is "$1 (exit)" "$rc" "$2"
	is "$1 (stdout)" "$(cat "$T/out")" "$3"
	is "$1 (stderr)" "$(cat "$T/err")" "$4"
}

# like DESC TEXT ERE: passes when TEXT matches the extended regular expression
like() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		_result 0 "$1"
	else
		_result 1 "$1"
		printf '# got:\n%s\n# want a match for:\n%s\n' "$2" "$3" | sed 's/^/#   /' >&2
	fi
}

# file_is DESC FILE LINE...: FILE holds exactly these lines, each ended by a LF
file_is() {
	local desc=$1 file=$2
	shift 2
	printf '%s\n' "$@" >"$T/want"
	cmp -s "$T/want" "$file" || diff "$T/want" "$file" 2>&1 | sed 's/^/#   /' >&2
	check "$desc" cmp -s "$T/want" "$file"
}

# snapshot DIR: every file and folder with its mode and content digest
snapshot() {
	(cd "$1" && find . -print0 | sort -z | xargs -0 stat -c '%n %a %s' &&
		find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

# unchanged DESC DIR: the practice is byte for byte as at the last `snap DIR`
snap() { snapshot "$1" >"$T/snap"; }
unchanged() {
	snapshot "$2" >"$T/snap2"
	if cmp -s "$T/snap" "$T/snap2"; then
		_result 0 "$1"
	else
		_result 1 "$1"
		diff "$T/snap" "$T/snap2" | sed 's/^/#   /' >&2
	fi
}

# fails DESC RC STDERR ARGS...: `hwk ARGS` (stdin from /dev/null, so not a terminal) exits
# with RC, prints exactly STDERR and nothing on stdout, and leaves the practice p as it was
fails() {
	local desc=$1 want_rc=$2 want_err=$3
	shift 3
	snap p
	run "$@" </dev/null
	expect "$desc" "$want_rc" "" "$want_err"
	unchanged "$desc: nothing changed" p
}

# lg DIR CLIENT ARGS...: hwk log, quietly; a failure is counted in $setup_failed
setup_failed=0
lg() {
	local dir=$1 client=$2
	shift 2
	hwk -C "$dir" -c "$client" log -q "$@" 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
}
# asg DIR ARGS...: hwk assign; prints the id (a failure is counted in $setup_failed)
asg() {
	local dir=$1
	shift
	hwk -C "$dir" assign "$@" 2>>"$T/setup.err" || setup_failed=$((setup_failed + 1))
}

# mood_check_type DIR: the custom type mood-check (an integer, a number, a yes/no and a
# text) in the practice DIR
mood_check_type() {
	mkdir -p "$1/types"
	cat >"$1/types/mood-check.yaml" <<'EOF'
name: mood-check
title: Mood check
fields:
- name: mood
  type: integer
  min: 0
  max: 10
  required: true
- name: hours
  type: number
  min: 0
  max: 24
  unit: h
- name: walked
  type: yesno
- name: what
  type: text
EOF
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
