#!/bin/bash
# hwk init: a practice with its settings, .gitattributes and folders, private to its owner.
. "$(dirname "$0")/../lib.sh"

umask 022
run init p
expect "init makes a practice" 0 "" "hwk init: made a practice in p"
check "hwk.yaml is there" test -f p/hwk.yaml
check "types/ and clients/ are there" test -d p/types -a -d p/clients
is "entries merge with git's union driver, assignments with hwk's" \
	"$(grep -v '^#' p/.gitattributes)" "$(printf '*.csv merge=union\n*.yaml merge=hwk-assignment')"
is "files are 0600 and folders 0700 under umask 022" \
	"$(find p -printf '%m %y\n' | sort -u)" "$(printf '600 f\n700 d')"

snap p
run init p
expect "init refuses an existing practice" 1 "" "hwk init: p: already a practice (hwk.yaml is there)"
unchanged "the practice is unchanged" p

run init a b
is "two folders is a usage error" "$rc" 2
check "nothing made" test ! -e a -a ! -e b

run -C q init
expect "-C names the folder to make" 0 "" "hwk init: made a practice in q"

done_testing
