#!/bin/sh
# tests/deps.sh PACKAGE...: install the Debian/Ubuntu packages that are not installed yet,
# as root or through sudo; says nothing when all are there.
missing=
for p; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "make deps: no apt-get here: install$missing with your package manager" >&2
	exit 1
fi
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
echo "make deps: installing$missing"
apt() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" >/dev/null; }
# shellcheck disable=SC2086 # one word a package
apt install $missing || { apt update && apt install $missing; } ||
	{ echo "make deps: could not install$missing" >&2; exit 1; }
