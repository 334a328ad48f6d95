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
# (KEEP_T=1 keeps the folder, to look at after a failure)
trap '[ -n "${KEEP_T:-}" ] || rm -rf "$T"' EXIT
cd "$T" || exit 1
_n=0
_failed=0

# hwk ARGS: the binary, under valgrind when HWK_VALGRIND is set (a leak or error exits 99;
# tests/valgrind.supp lets pass what libical, opened by hwk calendar, keeps to the end)
hwk() {
	if [ -n "${HWK_VALGRIND:-}" ]; then
		valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
			--suppressions="$TOP/tests/valgrind.supp" --error-exitcode=99 "$HWK" "$@"
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

# entries_is DESC FILE HEADER ROW...: the entries file FILE holds exactly HEADER and the
# ROWs, each an entry as logged: its last column, replaces, empty after it
entries_is() {
	local desc=$1 file=$2 head=$3
	shift 3
	file_is "$desc" "$file" "$head" "${@/%/,}"
}

# tsv LINE...: the lines, with | turned into tabs
tsv() { printf '%s\n' "$@" | tr '|' '\t'; }

# fields FILE: the fields: block of an assignment or type file
fields() { sed -n '/^fields:/,/^history:/p' "$1" | sed '/^history:/d'; }

# snapshot DIR: every file and folder with its mode and content digest
snapshot() { # (.hwk.cache aside: hwk's local cache, which reads write; and the
	# .hwk.order of earlier versions)
	(cd "$1" && find . ! -name .hwk.cache ! -name .hwk.order -print0 | sort -z |
		xargs -0 stat -c '%n %a %s' &&
		find . -type f ! -name .hwk.cache ! -name .hwk.order -print0 | sort -z | xargs -0 sha256sum)
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

# recorded DIR: the review file the last run of hwk review recorded (named in $T/err),
# into $REVIEW, under the practice DIR; in $T/err its four random digits become xxxx
recorded() {
	REVIEW=$1/$(sed -n 's/^hwk review: recorded in //p' "$T/err")
	sed -i -E 's/^(hwk review: recorded in reviews\/.*-[0-9]{6})-[0-9a-f]{4}\.yaml$/\1-xxxx.yaml/' "$T/err"
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
	local dir=$1 d
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

# hand_worked DIR CLIENT [STEP]: log, in the practice DIR, the entries of a client whose
# numbers tests/t/0600-review.t and tests/t/0700-report.t both work out by hand (their
# assignments are made there); a failure is counted in $setup_failed
hand_worked() {
	local dir=$1 d
	case $2 in
	full) # seven activity entries, Monday 16 to Sunday 22 (a skip, a partial)
		lg "$dir" full activity activity=walk planned=yes predicted_mood=5 mood_before=3 mood_after=6 mastery=4 pleasure=7 --at 2026-11-16T19:00
		lg "$dir" full activity activity=cook planned=yes predicted_mood=4 mood_before=4 mood_after=5 mastery=6 pleasure=5 --at 2026-11-17T19:00
		lg "$dir" full activity activity=call planned=no mood_before=2 mood_after=4 mastery=5 pleasure=3 --at 2026-11-18T19:00
		lg "$dir" full activity --skip busy -m 'late shift' --at 2026-11-19T19:00
		lg "$dir" full activity activity=gym planned=yes predicted_mood=6 mood_before=5 mood_after=5 mastery=8 pleasure=6 --at 2026-11-20T19:00
		lg "$dir" full activity --partial activity=walk mood_before=3 mood_after=5 --at 2026-11-21T19:00
		lg "$dir" full activity activity=read planned=no predicted_mood=5 mood_before=5 mood_after=8 mastery=3 pleasure=8 --at 2026-11-22T19:00
		;;
	part) # three exposure steps, logged out of order; STEP is the one on Saturday 21 at 16:00
		lg "$dir" part exposure step="$3" suds_peak=90 --at 2026-11-21T16:00
		lg "$dir" part exposure step='lift, 3 floors' suds_before=40 suds_peak=80 suds_after=30 minutes=25 --at 2026-11-19T18:00
		lg "$dir" part exposure step='lift, 3 floors' suds_before=35 suds_peak=70 suds_after=40 minutes=20 --at 2026-11-21T10:00
		;;
	night) # four nights of sleep, bed before and after midnight, optional values missing
		lg "$dir" night sleep bed=23:40 sol=15 awakenings=1 waso=10 wake=06:50 out_of_bed=07:05 quality=4 --at 2026-11-17T07:30
		lg "$dir" night sleep bed=23:40 lights_out=00:10 sol=20 awakenings=2 waso=30 wake=06:50 out_of_bed=07:20 quality=3 --at 2026-11-18T07:30
		lg "$dir" night sleep bed=00:30 sol=10 waso=0 wake=06:50 out_of_bed=07:00 quality=4 --at 2026-11-19T07:30
		lg "$dir" night sleep bed=23:50 wake=06:20 out_of_bed=06:45 quality=1 --at 2026-11-20T07:30
		;;
	dst) # sleep in 2026-W43, each night logged that morning, across the change to winter time
		for d in 19 20 21 22 23 24; do
			HWK_NOW=2026-10-${d}T08:00:00+02:00 lg "$dir" dst sleep bed=23:00 sol=20 waso=10 wake=06:30 out_of_bed=07:00 quality=3 --at 2026-10-${d}T07:30
		done
		HWK_NOW=2026-10-25T08:00:00+01:00 lg "$dir" dst sleep bed=23:00 lights_out=01:30 sol=20 waso=10 wake=06:30 out_of_bed=07:00 quality=4 --at 2026-10-25T07:30
		;;
	gaps) # three mindfulness practices, optional values missing
		lg "$dir" gaps mindfulness practice=breathing minutes=10 before=3 after=6 --at 2026-11-17T07:00
		lg "$dir" gaps mindfulness practice='body scan' minutes=20 --at 2026-11-19T07:00
		lg "$dir" gaps mindfulness --partial practice=breathing minutes=5 after=4 --at 2026-11-22T08:00
		;;
	cust) # six mood-check entries (a partial, a skip), optional values missing
		lg "$dir" cust mood-check mood=4 hours=1.5 walked=yes --at 2026-11-16T21:00
		lg "$dir" cust mood-check mood=6 hours=0.25 walked=no what=park --at 2026-11-17T21:00
		lg "$dir" cust mood-check mood=7 walked=yes --at 2026-11-18T21:00
		lg "$dir" cust mood-check mood=5 hours=2.5 --at 2026-11-20T21:00
		lg "$dir" cust mood-check --partial mood=3 --at 2026-11-21T21:00
		lg "$dir" cust mood-check --skip difficult --at 2026-11-22T21:00
		;;
	*)
		echo "hand_worked: no client $2" >&2
		setup_failed=$((setup_failed + 1))
		;;
	esac
}

# csv2tsv: RFC 4180 CSV on stdin (quoted fields may hold commas, quotes and line ends) to
# one line per record, fields joined by tabs
csv2tsv() {
	LC_ALL=C awk '
	{
		line = pending == "" ? $0 : pending "\n" $0
		if (gsub(/"/, "\"", line) % 2) { pending = line; next }
		pending = ""; out = ""; f = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (q) {
				if (c != "\"") f = f c
				else if (substr(line, i + 1, 1) == "\"") { f = f "\""; i++ }
				else q = 0
			} else if (c == "\"") q = 1
			else if (c == ",") { out = out f "\t"; f = "" }
			else f = f c
		}
		print out f
	}
	END { if (pending != "") print "UNTERMINATED" }'
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
