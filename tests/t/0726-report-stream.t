#!/bin/bash
# hwk report holds one client at a time (issue 12): each client's section, or records,
# waits in a temporary file in the practice folder until the caseload is sorted. The
# order by attention across many clients is the same in every format; no file is left
# in the practice after a report, done or failed; where the file system refuses an
# unnamed file (O_TMPFILE) a named one is made and removed at once; a temporary file
# that cannot be made or written is said, exit 1, and nothing printed.
# shellcheck disable=SC2154 # rc is set by run in tests/lib.sh
. "$(dirname "$0")/../lib.sh"

# The clock: Friday 2026-11-27; the report is on 2026-W47, Monday 16 to Sunday 22.
hwk init p 2>/dev/null
for c in ann bob cat eve fay gus hal; do
	asg p "$c" activity --start 2026-11-09 >/dev/null
done
asg p dan activity --start 2026-11-30 >/dev/null # none active in the week
days() { # CLIENT DAY...: a walk on each day of November
	local c=$1 d
	shift
	for d in "$@"; do lg p "$c" activity walk --at "2026-11-${d}T19:00"; done
}
days ann 16 17 18 19 20 21 22  # 100%
# bob: nothing at all: 0%, nothing logged since the period before (two flags)
days cat 16 17 18              # 43%, nothing logged for 4 days (two flags)
days eve 17 18 19 20 21 22     # 86%
days fay 16 17 18 19 20 21 22  # 100%
days gus 16 18 20 22           # 57%
days hal 16 17 18 19           # 57%, and three skips: busy (one flag)
for d in 20 21 22; do lg p hal activity --skip busy --at "2026-11-${d}T19:00"; done
is "setup" "${setup_failed:-0}" 0

# attention first: more flags, then lower completion, then the id; none expected last
ORDER="bob cat hal gus eve ann fay dan"
RECORDS="bob cat hal gus eve ann fay" # dan has no assignment: no record
words() { tr '\n' ' ' | sed 's/ $//'; }

# in_order FORMAT CASELOAD SECTIONS: report -f FORMAT exits 0, the clients of its
# caseload (the shell command CASELOAD reading the report) and of its sections
# (SECTIONS) come in ORDER, and nothing is left in the practice
in_order() {
	run -C p report -f "$1" --week 2026-W47
	is "$1 (exit)" "$rc" 0
	is "$1: the caseload, attention first" "$(eval "$2" <"$T/out" | words)" "$ORDER"
	is "$1: the sections in the same order" "$(eval "$3" <"$T/out" | words)" "$ORDER"
	unchanged "$1: no file left in the practice" p
}

snap p
in_order text "sed -n '4,11p' | cut -d' ' -f1" "grep -xE '[a-z]{3}'"
is "text: the caseload row of cat" "$(grep '^cat ' "$T/out" | tr -s ' ')" \
	"cat 43% 4 completion 43%; nothing logged for 4 days -"

in_order md "grep '^| [a-z]' | cut -d' ' -f2 | sed 1d" "sed -n 's/^## //p'"
# each section is what a report of its client alone shows (but the blank line before
# the next one)
nolast() { awk '{ l[NR] = $0 } END { n = NR; while (n && l[n] == "") n--; for (i = 1; i <= n; i++) print l[i] }'; }
for c in hal dan; do
	hwk -C p report -f md --week 2026-W47 "$c" | sed -n '/^## /,$p' | nolast >"$T/one"
	awk -v c="## $c" '/^## /{on = ($0 == c)} on' "$T/out" | nolast >"$T/part"
	check "md: $c's section as in a report of $c alone" cmp -s "$T/one" "$T/part"
done

for f in csv tsv; do
	sep=,
	[ $f = tsv ] && sep=$'\t'
	run -C p report -f $f --week 2026-W47
	is "$f (exit)" "$rc" 0
	is "$f: the records, attention first" "$(sed 1d "$T/out" | cut -d"$sep" -f1 | uniq | words)" "$RECORDS"
	is "$f: one header and a record an assignment" "$(wc -l <"$T/out")" 8
	unchanged "$f: no file left in the practice" p
done
run -C p report -f tsv --week 2026-W47
hwk -C p report --week 2026-W47 </dev/null >"$T/plain" 2>&1
check "no -f and not a terminal: TSV" cmp -s "$T/out" "$T/plain"

run -C p report -f json --week 2026-W47
is "json (exit)" "$rc" 0
is "json: the records, attention first" "$(jq -r '.[].client' "$T/out" | words)" "$RECORDS"
is "json: hal's numbers in hal's record" \
	"$(jq -c '.[] | select(.client == "hal") | [.done, .skipped_busy, .client_attention]' "$T/out")" \
	'[4,3,"3 skips: busy"]'
unchanged "json: no file left in the practice" p

in_order html "grep -o '^<tr><td>[a-z]*</td>' | sed 's/<[^>]*>//g'" \
	"grep -o '^<h2>[a-z]*</h2>' | sed 's/<[^>]*>//g'"
is "html: one page" "$(grep -c '^</html>$' "$T/out")" 1

# ---- the temporary file --------------------------------------------------------------
root=$(cd p && pwd)
noleak=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 # (no leak check under strace)
hwk -C p report -f md --week 2026-W47 >"$T/clean" 2>&1
# the practice folder is opened for an unnamed file, and nothing else of it is made
# (the main thread alone is traced: the folders read ahead in a second thread would
# count their own calls, and take the fault injected below)
ASAN_OPTIONS=$noleak strace -qq -o "$T/trace" -e trace=openat,open,creat \
	"$HWK" -C p report -f md --week 2026-W47 >"$T/out" 2>&1
is "the temporary file: unnamed, in the practice folder, 0600" \
	"$(grep -c "openat(AT_FDCWD, \"$root\", O_RDWR|O_EXCL|O_CLOEXEC|O_TMPFILE, 0600)" "$T/trace")" 1
is "no named file made (but the practice's cache)" \
	"$(grep O_CREAT "$T/trace" | grep -vc '\.hwk\.cache')" 0

# a file system without O_TMPFILE: a named file in the practice folder, removed at once
n=$(grep openat "$T/trace" | grep -n O_TMPFILE | cut -d: -f1)
ASAN_OPTIONS=$noleak strace -qq -o "$T/trace" -e trace=openat,unlink \
	-e inject=openat:error=EOPNOTSUPP:when="$n" \
	"$HWK" -C p report -f md --week 2026-W47 >"$T/out" 2>&1
is "no O_TMPFILE (exit)" "$?" 0
check "no O_TMPFILE: the same report" cmp -s "$T/clean" "$T/out"
spill=$(grep -F ", O_RDWR|O_CREAT|O_EXCL|O_CLOEXEC, 0600) = " "$T/trace" |
	grep -oE "\"$root/\\.hwk\\.spill-[A-Za-z0-9]{6}\"" | tr -d '"')
check "no O_TMPFILE: a .hwk.spill- file made in the practice folder, 0600" test -n "$spill"
is "no O_TMPFILE: and removed at once" \
	"$(grep -A1 -F "\"$spill\", O_RDWR" "$T/trace" | grep -c "unlink(\"$spill\") = 0")" 1
unchanged "no O_TMPFILE: no file left in the practice" p

# none can be made where the folder cannot be written in (full, read-only, not one's
# own): the report is a read, and works all the same, held in memory; nothing left
for e in ENOSPC EROFS EACCES; do
	ASAN_OPTIONS=$noleak strace -f -qq -o /dev/null -P "$root" -e trace=openat \
		-e inject=openat:error=$e "$HWK" -C p report -f md --week 2026-W47 >"$T/out" 2>"$T/err"
	is "$e on the temporary file: the report all the same (exit)" "$?" 0
	is "$e: nothing said" "$(cat "$T/err")" ""
	check "$e: the same report" cmp -s "$T/clean" "$T/out"
done
unchanged "none made: nothing left in the practice" p
# a practice folder of another user's: root makes no file there (hwk(5) PERMISSIONS)
if [ "$(id -u)" = 0 ]; then
	cp -a p other && chown -R 4321 other
	ASAN_OPTIONS=$noleak strace -qq -o "$T/trace" -e trace=openat \
		"$HWK" -C other report -f md --week 2026-W47 >"$T/out" 2>"$T/err"
	is "another user's practice, as root: the report (exit)" "$?" 0
	check "... the same report" cmp -s "$T/clean" "$T/out"
	is "... and no file made in it" "$(grep -c -e O_TMPFILE -e O_CREAT "$T/trace")" 0
else
	_n=$((_n + 1))
	echo "ok $_n # skip not run as root: only root reads another user's practice here"
fi
# another error (the folder gone meanwhile, a disk error): said, exit 1, nothing printed
ASAN_OPTIONS=$noleak strace -f -qq -o /dev/null -P "$root" -e trace=openat \
	-e inject=openat:error=EIO "$HWK" -C p report -f md --week 2026-W47 >"$T/out" 2>"$T/err"
rc=$?
expect "cannot be made (EIO)" 1 "" "hwk report: $root: cannot make a temporary file there: Input/output error"
unchanged "cannot be made: nothing left in the practice" p

# the disk fills while a client's section is written: said, exit 1, nothing printed
for f in text md csv tsv json html; do
	ASAN_OPTIONS=$noleak strace -f -qq -o /dev/null -e trace=pwrite64 \
		-e inject=pwrite64:error=ENOSPC:when=3 \
		"$HWK" -C p report -f $f --week 2026-W47 >"$T/out" 2>"$T/err"
	rc=$?
	expect "$f: the disk full" 1 "" "hwk report: $root: cannot write a temporary file there: No space left on device"
done
# and so with the named file
ASAN_OPTIONS=$noleak strace -qq -o /dev/null -e trace=openat,pwrite64 \
	-e inject=openat:error=EOPNOTSUPP:when="$n" -e inject=pwrite64:error=ENOSPC:when=2 \
	"$HWK" -C p report -f json --week 2026-W47 >"$T/out" 2>"$T/err"
rc=$?
expect "no O_TMPFILE, the disk full" 1 "" "hwk report: $root: cannot write a temporary file there: No space left on device"
unchanged "the disk full: nothing left in the practice" p

done_testing
