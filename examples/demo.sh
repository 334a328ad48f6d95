#!/bin/sh
# The main job on the bundled example practice (examples/practice), as it stood on
# Friday 27 November 2026 at noon: what is due, and the week's sleep diary of one client.
# Usage: sh examples/demo.sh [PATH-TO-HWK]
hwk=${1:-build/hwk}
here=$(dirname "$0")
export HWK_NOW=2026-11-27T12:00:00+01:00 TZ=Europe/Berlin
# on a private copy, as a practice is (hwk(5) PERMISSIONS): the checkout stays as it is
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -R "$here/practice" "$copy/practice" && chmod -R go-rwx "$copy" || exit 1
echo "What is due this week (hwk list due):"
"$hwk" -C "$copy/practice" list due -f table || exit 1
echo
echo "Alex's sleep diary since Monday (hwk -c alex list entries -t sleep --since mon):"
"$hwk" -C "$copy/practice" -c alex list entries -t sleep --since mon -f table
