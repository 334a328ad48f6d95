#!/bin/sh
# flatten.sh PRACTICE >flat.csv: every entry of a practice as one CSV row,
#   client,assignment,type,at,logged,status,reason
# for the awk baseline of bench/report.sh (see bench/week.awk). It keeps the columns of
# an entries file before note, which never hold a comma or a quote (hwk(5)), so that
# awk -F, reads the result right. Text after them may be quoted over several lines:
# a line starts a row only when the quotes before it in the file are balanced.
# Entries files in a client folder and in its ended/YYYY/ (format version 3, hwk(5)); the
# rows must be entries as logged, with replaces empty, as bench/gen-practice.c writes
# them: a correction (hwk log --correct, --withdraw) stops it with an error, since the
# corrected view hwk counts is not made here.
set -eu
if [ $# -ne 1 ]; then
	echo "usage: flatten.sh PRACTICE" >&2
	exit 2
fi
if [ ! -f "$1/hwk.yaml" ]; then
	echo "flatten.sh: $1: not a practice (no hwk.yaml)" >&2
	exit 1
fi
echo client,assignment,type,at,logged,status,reason
[ -d "$1/clients" ] || exit 0
# the entries files of a client folder, and of its ended/YYYY/ (hwk(5), LAYOUT)
cd "$1/clients"
find . -mindepth 2 -maxdepth 4 -name '*.csv' -type f \( -path './*/ended/[0-9][0-9][0-9][0-9]/*' -o ! -path './*/*/*' \) -exec awk '
FNR == 1 {	# the header row; the file names the client and the assignment
	n = split(FILENAME, p, "/"); id = p[n]; client = p[n - 1]
	if (n >= 3 && p[n - 2] == "ended")
		client = p[n - 3]
	sub(/\.csv$/, "", id)
	type = id; sub(/^[0-9]+-[0-9]+-[0-9]+-/, "", type); sub(/-[0-9a-f]+$/, "", type)
	inq = 0
	next
}
{
	if (!inq) {
		split($0, f, ",")
		print client "," id "," type "," f[1] "," f[2] "," f[3] "," f[4]
	}
	if (gsub(/"/, "\"") % 2)
		inq = !inq
	# a row ends here: its last field, replaces, is empty as logged (version 2; one
	# field short before it); a correction or a withdrawal names an entry logged
	if (!inq && $0 ~ /,[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[^,]*$/) {
		print "flatten.sh: " FILENAME ": a row corrects or withdraws an entry (replaces); only entries as logged are flattened" >"/dev/stderr"
		exit 1
	}
}' {} +
