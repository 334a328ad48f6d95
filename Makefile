# hwk: CBT homework as plain files.  make | make check | make demo | make install
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
# where each shell looks for the completion of a command (hwk completion SHELL)
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
BUILD ?= build

CC ?= cc
CFLAGS ?= -O2 -g
# warnings can be added to, never dropped
override CFLAGS := -std=c11 -Wall -Wextra $(CFLAGS)
override CPPFLAGS := -Ilib -Icmd $(CPPFLAGS)

YAML_LIBS ?= $(shell pkg-config --libs yaml-0.1 2>/dev/null)
CSV_LIBS ?= -lcsv
# libyaml and libcsv are linked in statically where their archives exist: it spares
# every run the dynamic loader's work for them (hwk log aims at the cost of /bin/true)
STATIC_OK = $(and $(filter /%,$(shell $(CC) -print-file-name=libyaml.a)),$(filter /%,$(shell $(CC) -print-file-name=libcsv.a)))
LIBS_STATIC = -Wl,-Bstatic $(YAML_LIBS) $(CSV_LIBS) -Wl,-Bdynamic
LDLIBS += $(if $(STATIC_OK),$(LIBS_STATIC),$(YAML_LIBS) $(CSV_LIBS)) -pthread -ldl
# libical is not linked: hwk calendar opens it with dlopen (lib/ical.h says why: linked,
# it and ICU are loaded by every run, about 4 ms each); only its header is needed here.
# The program that reads calendars back in the tests links it.
ICAL_LIBS ?= -lical

LIB_SRC := $(sort $(wildcard lib/*.c))
CMD_SRC := $(sort $(wildcard cmd/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ := $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
MANS := $(sort $(wildcard man/*.1 man/*.5))
# fuzz/: one target a reader or command; in make check each runs over its seeds
FUZZ_TARGETS ?= yaml csv date tail practice merge
FUZZ_TESTS := $(FUZZ_TARGETS:%=$(BUILD)/tests/test_fuzz_%)

all: $(BUILD)/hwk

# Stop at once, naming the Debian package, when a library is missing.
$(BUILD)/.libs-ok:
	@mkdir -p $(BUILD)
	@test -n "$(YAML_LIBS)" || { echo "libyaml not found. On Debian/Ubuntu: sudo apt-get install libyaml-dev (or: make deps)" >&2; exit 1; }
	@printf '\043include <csv.h>\nint main(void){struct csv_parser p;return csv_init(&p,0);}\n' \
	  | $(CC) -x c - -o /dev/null $(CSV_LIBS) >/dev/null 2>&1 \
	  || { echo "libcsv not found. On Debian/Ubuntu: sudo apt-get install libcsv-dev (or: make deps)" >&2; exit 1; }
	@printf '\043include <libical/ical.h>\nint main(void){return ICAL_VEVENT_COMPONENT;}\n' \
	  | $(CC) -x c - -o /dev/null >/dev/null 2>&1 \
	  || { echo "libical's header not found. On Debian/Ubuntu: sudo apt-get install libical-dev (or: make deps)" >&2; exit 1; }
	@touch $@

$(BUILD)/%.o: %.c $(BUILD)/.libs-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/hwk: $(CMD_OBJ) $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# tests/unit/ics_read.c reads iCalendar back with libical, for the calendar test
ICS_READ := $(BUILD)/tests/ics_read
$(ICS_READ): tests/unit/ics_read.c $(BUILD)/.libs-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(ICAL_LIBS)

# The fuzz targets (fuzz/fuzz_NAME.c) link hwk's library and its commands, with hwk's
# main renamed hwk_main for the one that runs whole commands in-process. With
# fuzz/driver.c each is a unit test over fuzz/seeds/NAME; with AFL++ (make fuzz) a fuzzer.
FUZZ_CMD_OBJ = $(filter-out $(BUILD)/cmd/hwk.o,$(CMD_OBJ)) $(BUILD)/fuzz/hwk_main.o

$(BUILD)/fuzz/hwk_main.o: cmd/hwk.c $(BUILD)/.libs-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Dmain=hwk_main -MMD -MP -c -o $@ $<

$(BUILD)/fuzz/driver_%.o: fuzz/driver.c $(BUILD)/.libs-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DFUZZ_NAME='"$*"' -MMD -MP -c -o $@ $<

$(BUILD)/tests/test_fuzz_%: $(BUILD)/fuzz/fuzz_%.o $(BUILD)/fuzz/driver_%.o $(LIB_OBJ) $(FUZZ_CMD_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/fuzz/afl_%: $(BUILD)/fuzz/fuzz_%.o $(LIB_OBJ) $(FUZZ_CMD_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# the unit tests' objects are kept: make does not delete them (nor print that it does)
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(UNIT_SRC:%.c=$(BUILD)/%.d) $(wildcard $(BUILD)/fuzz/*.d)

# What each step needs from Debian/Ubuntu. `make deps` installs what is missing of the
# build's and the tests' packages (as root, or through sudo); `make bench-deps` the
# benchmark's. make check and make bench first check for the commands they call, as
# COMMAND:PACKAGE (python3-yaml: python3 that can import yaml), and stop at once
# naming any that is missing.
BUILD_PKGS = make gcc libc6-dev pkg-config libyaml-dev libcsv-dev libical-dev
TEST_PKGS = jq python3 python3-yaml bsdutils strace git tar tidy chromium python3-html5lib \
	bash-completion zsh fish python3-icalendar tzdata
BENCH_PKGS = mawk jq gawk miller
TEST_NEEDS = jq:jq python3:python3 python3-yaml:python3-yaml script:bsdutils strace:strace git:git \
	tar:tar tidy:tidy chromium:chromium python3-html5lib:python3-html5lib \
	bash-completion:bash-completion zsh:zsh fish:fish python3-icalendar:python3-icalendar
BENCH_NEEDS = mawk:mawk jq:jq gawk:gawk mlr:miller
# a command checked for whose package make deps would not install is a mistake here
pkgs = $(foreach n,$(1),$(lastword $(subst :, ,$(n))))
$(if $(filter-out $(TEST_PKGS),$(call pkgs,$(TEST_NEEDS))),$(error TEST_NEEDS names a package not in TEST_PKGS))
$(if $(filter-out $(BENCH_PKGS),$(call pkgs,$(BENCH_NEEDS))),$(error BENCH_NEEDS names a package not in BENCH_PKGS))

deps:
	@sh tests/deps.sh $(BUILD_PKGS) $(TEST_PKGS)

bench-deps:
	@sh tests/deps.sh $(BENCH_PKGS)

# The main job on the bundled example practice: what is due, and this week's entries.
demo: $(BUILD)/hwk
	@sh examples/demo.sh $(BUILD)/hwk

# The README's picture of hwk report -f html: the example practice's last week, on a
# private copy (the checkout stays as it is), in the tests' Chromium (tests/browser.py)
screenshot: $(BUILD)/hwk
	@rm -rf $(BUILD)/shot && mkdir -p $(BUILD)/shot doc
	@cp -R examples/practice $(BUILD)/shot/practice && chmod -R go-rwx $(BUILD)/shot
	HWK_NOW=2026-11-30T10:00:00+01:00 TZ=Europe/Berlin LC_ALL=C.UTF-8 \
		$(BUILD)/hwk -C $(BUILD)/shot/practice report -f html >$(BUILD)/shot/report.html
	python3 tests/browser.py --screenshot doc/report.png $(BUILD)/shot/report.html >/dev/null

tests: $(UNIT_BIN) $(FUZZ_TESTS) $(ICS_READ)

# The fault-injection shim (tests/fault/fault.c), preloaded into hwk by the fault test
FAULT_SO := $(BUILD)/tests/libfault.so
$(FAULT_SO): tests/fault/fault.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

# hwk, the unit tests and the shim, quietly when they are up to date (for check's first step)
built: $(BUILD)/hwk $(UNIT_BIN) $(FUZZ_TESTS) $(FAULT_SO) $(ICS_READ)
	@:

check:
	@sh tests/needs.sh 'make check' $(TEST_NEEDS)
	@$(MAKE) --no-print-directory built
	@HWK=$(BUILD)/hwk UNIT_DIR=$(BUILD)/tests sh tests/run

# The fault sweep over every I/O call of the write commands (make check sweeps every
# third), and a few hundred SIGKILLs at random moments (make check kills 10 times).
check-faults:
	@sh tests/needs.sh 'make check-faults' $(TEST_NEEDS)
	@$(MAKE) --no-print-directory built
	@HWK=$(BUILD)/hwk FAULT_STRIDE=1 sh tests/run tests/t/0385-faults.t

check-crash:
	@sh tests/needs.sh 'make check-crash' $(TEST_NEEDS)
	@$(MAKE) --no-print-directory built
	@HWK=$(BUILD)/hwk CRASH_TRIALS=$${CRASH_TRIALS:-300} sh tests/run tests/t/0386-crash.t

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
check-asan:
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" check

# The end-to-end suite with every hwk run under valgrind (slow).
check-valgrind:
	@sh tests/needs.sh 'make check-valgrind' $(TEST_NEEDS) valgrind:valgrind
	@$(MAKE) --no-print-directory built
	@HWK=$(BUILD)/hwk UNIT_DIR=$(BUILD)/tests HWK_VALGRIND=1 sh tests/run

# Concurrent mixed writers on one client (tests/t/0370-concurrent-writers.t), 20 rounds
# where make check runs 2, its TAP in full with the figures; not part of .ci/run.
RACE_ROUNDS ?= 20
check-race:
	@sh tests/needs.sh 'make check-race' $(TEST_NEEDS)
	@$(MAKE) -s --no-print-directory $(BUILD)/hwk
	@HWK=$(abspath $(BUILD))/hwk HWK_RACE_ROUNDS=$(RACE_ROUNDS) bash tests/t/0370-concurrent-writers.t

# AFL++ on each fuzz target in turn (one core), FUZZ_SECONDS each (or about FUZZ_EXECS
# executions each, when given), built with ASan and
# UBSan in build-fuzz; prints executions and crashes, fails on any crash. One target:
# make fuzz FUZZ_TARGETS=csv. The corpus grows in build-fuzz/afl/NAME.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= afl-clang-fast
FUZZ_SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz:
	@command -v afl-fuzz >/dev/null 2>&1 && command -v $(FUZZ_CC) >/dev/null 2>&1 || \
	  { echo "make fuzz: afl-fuzz or $(FUZZ_CC) not found. On Debian/Ubuntu: sudo apt-get install afl++ (or: sh tests/deps.sh afl++)" >&2; exit 1; }
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_SAN)" \
	  LDFLAGS="-fsanitize=address,undefined" $(FUZZ_TARGETS:%=build-fuzz/fuzz/afl_%)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_EXECS=$(FUZZ_EXECS) sh fuzz/run.sh build-fuzz $(FUZZ_TARGETS)

lint:
	@sh tests/needs.sh 'make lint' mandoc:mandoc
	mandoc -Tlint -W warning $(MANS)

# Benchmarks (not tests): hwk log on a long history, the weekly report on a generated
# 2-year, 500-client practice against 2 weeks of it and an awk scan, the export of
# all its entries against libcsv parsing the same files, and list due and a week's
# list entries on 5 years against 2 weeks and the awk scan.
bench:
	@sh tests/needs.sh 'make bench' $(BENCH_NEEDS)
	@$(MAKE) -s --no-print-directory $(BUILD)/hwk
	@sh bench/log.sh $(BUILD)/hwk
	@BUILD=$(BUILD) CC="$(CC)" sh bench/report.sh $(BUILD)/hwk
	@BUILD=$(BUILD) CC="$(CC)" sh bench/export.sh $(BUILD)/hwk
	@BUILD=$(BUILD) CC="$(CC)" sh bench/list.sh $(BUILD)/hwk

# A clinic's scale (1,500 clients, 5 years, several GB made once and cached): time and
# peak RSS of report, list due, a week's export and a review.
bench-clinic:
	@sh tests/needs.sh 'make bench-clinic' $(BENCH_NEEDS)
	@$(MAKE) -s --no-print-directory $(BUILD)/hwk
	@BUILD=$(BUILD) CC="$(CC)" sh bench/clinic.sh $(BUILD)/hwk

# hwk sync of 30 client repositories against a shell loop of git pull && git push in
# each (bench/sync.sh; git only; RUNS rounds, 10, some minutes in all).
bench-sync:
	@sh tests/needs.sh 'make bench-sync' git:git
	@$(MAKE) -s --no-print-directory $(BUILD)/hwk
	@CC="$(CC)" sh bench/sync.sh $(BUILD)/hwk

# bench/gen-practice.c checked against the real hwk (replays its commands; slow)
check-bench: $(BUILD)/hwk
	@CC="$(CC)" sh bench/check-gen.sh $(BUILD)/hwk

# the completion scripts are made by the hwk built (hwk completion SHELL)
install: $(BUILD)/hwk
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BUILD)/hwk $(DESTDIR)$(BINDIR)/hwk
	install -m 644 $(filter %.1,$(MANS)) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(filter %.5,$(MANS)) $(DESTDIR)$(MANDIR)/man5/
	$(BUILD)/hwk completion bash >$(DESTDIR)$(BASHCOMPDIR)/hwk
	$(BUILD)/hwk completion zsh >$(DESTDIR)$(ZSHCOMPDIR)/_hwk
	$(BUILD)/hwk completion fish >$(DESTDIR)$(FISHCOMPDIR)/hwk.fish
	chmod 644 $(DESTDIR)$(BASHCOMPDIR)/hwk $(DESTDIR)$(ZSHCOMPDIR)/_hwk $(DESTDIR)$(FISHCOMPDIR)/hwk.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hwk
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(filter %.1,$(MANS)))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(filter %.5,$(MANS)))
	rm -f $(DESTDIR)$(BASHCOMPDIR)/hwk $(DESTDIR)$(ZSHCOMPDIR)/_hwk $(DESTDIR)$(FISHCOMPDIR)/hwk.fish

clean:
	rm -rf build build-asan build-fuzz

.PHONY: all tests built deps bench-deps demo screenshot check check-asan check-valgrind check-race check-faults check-crash fuzz check-bench lint bench bench-clinic bench-sync install uninstall clean
