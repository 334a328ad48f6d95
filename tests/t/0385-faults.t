#!/bin/bash
# Fault injection: the write commands (log, log --import, assign of an existing and of a
# new client, assign --edit, assign --end, review -m, init) with their Nth I/O call
# failed by EIO, ENOSPC, EINTR or a short write, for every N until the command makes no
# more calls. After each run the exit status is truthful: 0 and the change complete,
# byte for byte as a clean run makes it, or not 0 and the practice as it was (only
# folders, and a new client's or practice's files before the one that marks it
# finished, may stay: the next run completes them). The same command run again without
# a fault then makes the change once and leaves no temp file; nothing outside the
# practice is touched. KILL, the fifth, is a crash at each call (SIGKILL): the practice
# as before, as after or part way as above, and as after one clean run once the next
# run is done. The shim tests/fault/fault.c is preloaded into the real hwk;
# tests/fault/sweep.py drives it, one line here per command and errno. make check
# sweeps every FAULT_STRIDE-th N (7), make check-faults every N; FAULT_ONLY=NAME and
# FAULT_ERRNOS="EIO KILL ..." narrow it.
# fsync on a RAM disk costs nothing: the sweep runs hwk some thousand times
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
. "$(dirname "$0")/../lib.sh"

SO=${FAULT_SO:-$(cd "$(dirname "$HWK")" && pwd)/tests/libfault.so}
if ldd "$HWK" 2>/dev/null | grep -q libasan; then
	echo "ok 1 # SKIP the shim cannot be preloaded beside AddressSanitizer"
	echo "1..1"
	exit 0
fi
if [ -n "${HWK_VALGRIND:-}" ]; then
	echo "ok 1 # SKIP under valgrind the preloaded shim does not see hwk's calls"
	echo "1..1"
	exit 0
fi
check "the shim is built (make check builds it)" test -f "$SO"

python3 "$TOP/tests/fault/sweep.py" "$HWK" "$SO" "${FAULT_STRIDE:-7}" "${FAULT_ONLY:-}" \
	"${FAULT_ERRNOS:-}" >"$T/sweep"
is "the sweep ran to its end" "$?" 0
while read -r verdict desc; do
	_result "$([ "$verdict" = PASS ] && echo 0 || echo 1)" "$desc"
done <"$T/sweep"
done_testing
