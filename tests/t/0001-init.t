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

# the settings file shows every setting hwk reads (hwk(5) PRACTICE SETTINGS), set or
# as a comment with its default, so that a clinician finds them there
keys=$(sed -n 's/^\.It Cm \([a-z_]*\)$/\1/p' "$TOP/man/hwk.5" |
	awk '/^version$/ { on = 1 } on && /^(id|name)$/ { exit } on')
is "hwk(5) lists the settings" "$(echo $keys)" "version week_start default_every timezone sync commit"
for k in $keys; do
	check "hwk.yaml shows $k" grep -Eq "^(# )?$k: " q/hwk.yaml
done
is "the commented settings are their defaults (or an example)" \
	"$(grep -E '^# [a-z_]+: ' q/hwk.yaml)" "# timezone: Europe/London
# sync: true
# commit: false"
run -C q list clients
expect "the practice made reads" 0 "client	name	active	created" ""

done_testing
