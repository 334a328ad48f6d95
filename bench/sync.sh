#!/bin/sh
# make bench-sync: `hwk sync` of a practice whose CLIENTS (30) client folders are each a
# git repository with a bare remote on the same disk, against the shell loop a user
# would otherwise run, `git pull && git push` in each folder, on a copy of the same
# practice with remotes of its own; run in turn round by round by bench/interleave.c.
# Before each run, untimed (interleave's -p), the same preparation on either side: a
# new entry logged and committed in every client folder, so that each run has one
# commit a repository to send. Afterwards both are checked to have left the same
# result: every remote at its folder's commit, with as many entries on either side.
# Target: hwk sync within 1.0x the loop.
#
#   sh bench/sync.sh [HWK]           (HWK: build/hwk)
#
# Environment: CLIENTS (30), RUNS (rounds, 10), CC (cc, for bench/interleave.c).
set -eu
hwk=$(cd "$(dirname "${1:-build/hwk}")" && pwd)/$(basename "${1:-build/hwk}")
bench=$(cd "$(dirname "$0")" && pwd)
clients=${CLIENTS:-30} runs=${RUNS:-10}
command -v git >/dev/null || { echo "bench: git is needed (apt-get install git)" >&2; exit 1; }
[ -x "$hwk" ] || { echo "bench: $hwk: no such program (make first)" >&2; exit 1; }
d=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$d"' EXIT
"${CC:-cc}" -O2 -o "$d/interleave" "$bench/interleave.c"
export TZ=Europe/Berlin GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$d/gitconfig"
unset HWK_DIR HWK_CLIENT HWK_NOW
git config --global user.name bench
git config --global user.email bench@example.org
git config --global init.defaultBranch main

# side A for hwk sync, side B for the loop: the same practice, remotes of their own
echo "bench: making 2 practices of $clients client repositories..." >&2
"$hwk" init "$d/A" 2>/dev/null
i=0
while [ "$i" -lt "$clients" ]; do
	i=$((i + 1))
	"$hwk" -C "$d/A" assign "c$i" sleep >/dev/null
done
cp -a "$d/A" "$d/B"
for side in A B; do
	for c in "$d/$side"/clients/*/; do
		c=${c%/}
		git init -q --bare "$d/server-$side/${c##*/}.git"
		git -C "$c" init -q
		git -C "$c" remote add origin "$d/server-$side/${c##*/}.git"
	done
	# the first push, by hwk sync on both sides (it also sets the drivers up)
	"$hwk" -C "$d/$side" sync >/dev/null
done

# the preparation: a night logged and committed in every client folder of a side
cat >"$d/prep.sh" <<'PREP'
set -e
for c in "$2"/clients/*/; do
	"$1" -C "$c" log -q sleep bed=23:40 wake=06:50 out_of_bed=07:05
	git -C "$c" add -A && git -C "$c" commit -qm "a night"
done
PREP
# what a user would run without hwk sync
cat >"$d/loop.sh" <<'LOOP'
set -e
for c in "$1"/clients/*/; do
	(cd "$c" && git pull -q && git push -q)
done
LOOP

"$d/interleave" -r "$runs" -w 1 -o "$d/result" \
	-p "sync=sh $d/prep.sh $hwk $d/A" -p "loop=sh $d/prep.sh $hwk $d/B" \
	"sync=$hwk -C $d/A sync" "loop=sh $d/loop.sh $d/B" -- sync/loop

# the same result: each remote at its folder's commit, as many entries on both sides
bad=0
for side in A B; do
	for c in "$d/$side"/clients/*/; do
		c=${c%/}
		if [ "$(git -C "$c" rev-parse HEAD)" != "$(git --git-dir="$d/server-$side/${c##*/}.git" rev-parse main)" ]; then
			echo "bench: $side/${c##*/}: the remote is not at the folder's commit" >&2
			bad=1
		fi
	done
	git --git-dir="$d/server-$side/c1.git" show "main:$(cd "$d/$side/clients/c1" && ls -- *.csv)" |
		wc -l >"$d/rows-$side"
done
cmp -s "$d/rows-A" "$d/rows-B" || { echo "bench: the two sides' remotes hold different entries" >&2; bad=1; }
[ "$bad" -eq 0 ] || exit 1
echo "bench: both sides' remotes hold every commit ($(($(cat "$d/rows-A") - 1)) entries a client)"
awk -F'\t' '$1 == "ratio" { printf "hwk sync / git pull && git push loop, %d repositories: %.2fx (target <= 1.0)\n", n, $4 }' \
	n="$clients" "$d/result"
