#!/bin/sh
# fuzz/run.sh BUILD TARGET...: AFL++ on each target in turn for $FUZZ_SECONDS seconds
# (default 60), or until about $FUZZ_EXECS executions when that is set, one instance on
# one core, from fuzz/seeds/NAME with fuzz/dict/NAME.dict;
# the corpus and findings go to BUILD/afl/NAME. Prints each target's executions and
# crashes; exits 1 if any target crashed or could not run. Works as root and without a
# terminal (CI).
set -u
build=$1
shift
secs=${FUZZ_SECONDS:-60}
execs=${FUZZ_EXECS:-}
if [ -n "$execs" ]; then
	limit="-E $execs"
	secs=86400
else
	limit="-V $secs"
fi
# no CPU frequency or core dump set-up to demand, no screen, no core to bind to (the
# machine is shared), and a run that ends at its time limit
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
export AFL_NO_AFFINITY=1
# a sanitizer report must end the run as a crash. No allocation stacks and a 16 MiB
# quarantine: unwinding the stack at every malloc and free, and 256 MiB of freed memory
# held back, made the practice target 8 times slower (85 against 719 executions a
# second); a crash found is replayed with the driver (build/tests/test_fuzz_NAME FILE)
# for the full report.
export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:allocator_may_return_null=1:malloc_context_size=0:quarantine_size_mb=16
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
failed=0
stat() { sed -n "s/^$1 *: *//p" "$2" | head -n 1; }
for t; do
	out=$build/afl/$t
	rm -rf "$out"
	mkdir -p "$build/afl"
	# the targets' temporary practice and entries file: afl-fuzz ends the target with
	# SIGKILL, so its own clean-up never runs
	tmp=$(pwd)/$build/afl/tmp-$t
	rm -rf "$tmp"
	mkdir -p "$tmp"
	dict=
	[ -f "fuzz/dict/$t.dict" ] && dict="-x fuzz/dict/$t.dict"
	# shellcheck disable=SC2086 # dict is empty or two words, limit two words
	TMPDIR=$tmp timeout -k 10 $((secs + 120)) afl-fuzz $limit -m none -t 2000 -i "fuzz/seeds/$t" \
		-o "$out" $dict -- "$build/fuzz/afl_$t" >"$build/afl/$t.log" 2>&1
	st=$?
	rm -rf "$tmp"
	s=$out/default/fuzzer_stats
	if [ ! -f "$s" ]; then
		echo "fuzz $t: afl-fuzz did not run (exit $st); its last words:" >&2
		tail -n 15 "$build/afl/$t.log" >&2
		failed=1
		continue
	fi
	crashes=$(stat saved_crashes "$s")
	[ -n "$crashes" ] || crashes=$(stat unique_crashes "$s")
	hangs=$(stat saved_hangs "$s")
	[ -n "$hangs" ] || hangs=$(stat unique_hangs "$s")
	printf 'fuzz %-9s %10s execs %8s/s  corpus %5s  crashes %s  hangs %s\n' "$t" \
		"$(stat execs_done "$s")" "$(stat execs_per_sec "$s")" "$(stat corpus_count "$s")" \
		"${crashes:-?}" "${hangs:-?}"
	if [ "${crashes:-0}" != 0 ]; then
		failed=1
		for c in "$out"/default/crashes/id*; do
			[ -f "$c" ] && echo "  $c (replay: build/tests/test_fuzz_$t '$c')"
		done
	fi
done
exit $failed
