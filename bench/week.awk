# week.awk: the entries of each client and assignment dated in one week, by status,
# from the flat CSV of bench/flatten.sh (client,assignment,type,at,logged,status,reason):
#   awk -v from=2026-11-16 -v to=2026-11-22 -f bench/week.awk flat.csv
# prints client,assignment,type,done,partial,skipped, one line each, in no order.
# An entry counts for the date part of its at (hwk(5)).
BEGIN {
	FS = ","
	if (from !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ || to !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/) {
		print "week.awk: give -v from=YYYY-MM-DD -v to=YYYY-MM-DD" >"/dev/stderr"
		bad = 1
		exit 2
	}
}
FNR > 1 {
	d = substr($4, 1, 10)
	if (d >= from && d <= to) {
		k = $1 "," $2 "," $3
		seen[k] = 1
		n[k, $6]++
	}
}
END {
	if (bad)
		exit 2
	for (k in seen)
		print k "," n[k, "done"] + 0 "," n[k, "partial"] + 0 "," n[k, "skipped"] + 0
}
