#!/bin/sh
# tests/python-with.sh MODULE: print the first python3 on PATH that can import MODULE
# (a python of one's own may come before Debian's, without Debian's modules); exit 1,
# printing nothing, when none can. tests/needs.sh and the tests that run python use it.
ifs=$IFS
IFS=:
for d in $PATH; do
	IFS=$ifs
	if [ -x "$d/python3" ] && "$d/python3" -c "import $1" >/dev/null 2>&1; then
		echo "$d/python3"
		exit 0
	fi
done
exit 1
