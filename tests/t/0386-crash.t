#!/bin/bash
# Crash trials: a writer (log, assign --edit, assign --end, assign of a new client,
# review -m) killed with SIGKILL at a random moment leaves every file readable, the
# practice as before or as after the writer (a new client part way, not listed until it
# has its client.yaml), and nothing the next run does not mend: after the same command
# run again the practice is as one clean run leaves it, no temp file is left and every
# client folder has its client.yaml. tests/fault/crash.py runs the trials: CRASH_TRIALS of them (10 in make
# check, a few hundred in make check-crash), their delays drawn from CRASH_SEED (printed
# in each line, so a failure replays with the same seed).
# a RAM disk: the trials run hwk many times, and a kill finds the same moments there
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && export TMPDIR=/dev/shm
. "$(dirname "$0")/../lib.sh"

if [ -n "${HWK_VALGRIND:-}" ]; then
	echo "ok 1 # SKIP a kill under valgrind tests valgrind's timing, not hwk's"
	echo "1..1"
	exit 0
fi
SO=${FAULT_SO:-$(cd "$(dirname "$HWK")" && pwd)/tests/libfault.so}
if ldd "$HWK" 2>/dev/null | grep -q libasan; then
	echo "ok 1 # SKIP the shim (it fixes the ids) cannot be preloaded beside AddressSanitizer"
	echo "1..1"
	exit 0
fi
seed=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
python3 "$TOP/tests/fault/crash.py" "$HWK" "$SO" "${CRASH_TRIALS:-10}" "$seed" >"$T/crash"
is "the trials ran to their end (seed $seed)" "$?" 0
while read -r verdict desc; do
	_result "$([ "$verdict" = PASS ] && echo 0 || echo 1)" "$desc"
done <"$T/crash"
done_testing
