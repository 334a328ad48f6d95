#!/bin/sh
# tests/needs.sh WHAT COMMAND:PACKAGE...: exit 0 when every COMMAND is on PATH; else one
# line naming the missing packages and how to install them, and exit 1. The COMMAND
# python3-yaml means the python3 first on PATH can import yaml; python3-MODULE otherwise,
# a python3 on PATH that can import MODULE (any of them: a python of one's own may come
# before Debian's); bash-completion, that pkg-config knows bash-completion.
# Example: sh tests/needs.sh 'make check' jq:jq script:bsdutils
what=$1
shift
missing=
for need; do
	cmd=${need%%:*} pkg=${need#*:}
	case $cmd in
	python3-yaml) python3 -c 'import yaml' >/dev/null 2>&1 && continue ;;
	python3-*) sh "$(dirname "$0")/python-with.sh" "${cmd#python3-}" >/dev/null && continue ;;
	bash-completion) pkg-config --exists bash-completion 2>/dev/null && continue ;;
	*) command -v "$cmd" >/dev/null 2>&1 && continue ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
echo "$what needs$missing: run 'make deps' (or: sudo apt-get install$missing)" >&2
exit 1
