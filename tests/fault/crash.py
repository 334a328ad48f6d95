"""The crash trials of tests/t/0386-crash.t (run by it; see there).

Usage: crash.py HWK SO TRIALS SEED
Each trial copies a practice, starts one writer (log, assign --edit, assign --end,
assign of a new client, review -m), kills it with SIGKILL after a random delay (0 to a
little more than the writer's clean run takes), then checks:
  - every YAML and CSV file in the practice parses;
  - the practice is as before the writer, or as its clean run leaves it, or part way
    with only its folders made (a kill cannot take back a mkdir) and, for a new client,
    its .gitattributes or client.yaml (for --end: any state its steps pass through,
    each of which reads as ended, see end_part_way);
  - a client folder without its client.yaml is not listed by hwk list clients;
and runs the same writer again to its end (the next command), after which:
  - the practice is as one clean run leaves it (log: one or two rows added; --end:
    or with the old file as above);
  - no temp file (*.tmp.*) is left, and every client folder has its client.yaml.
The shim (tests/fault/fault.c, no fault) makes the ids follow a fixed seed, so states
compare whole. The delays follow from SEED alone: a failing trial replays with it.
Prints one line per writer: "PASS description" or "FAIL description"; diagnostics go to
stderr as "# " lines.
"""
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import files

HWK, SO, TRIALS, SEED = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
TOP = tempfile.mkdtemp(prefix='hwk-crash.')
W = os.path.join(TOP, 'w')
BASE = os.path.join(TOP, 'base')
ENV = dict(os.environ, HOME=os.path.join(TOP, 'home'), LD_PRELOAD=SO, HWK_FAULT_RANDOM='5')


def diag(*lines):
    for line in lines:
        for part in str(line).splitlines():
            print('#   ' + part, file=sys.stderr)


def hwk(*args, env=None, check=False):
    r = subprocess.run([HWK, '-C', W] + list(args), env=env or ENV, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    if check and r.returncode:
        raise RuntimeError('hwk %s: exit %d: %s' % (' '.join(args), r.returncode, r.stderr))
    return r


def unparsable(p):
    bad = files.unreadable(p)
    for what in (['assignments', '--all'], ['entries', '--all']):
        r = hwk('list', *what)
        if r.returncode or r.stderr:
            bad.append('hwk list %s: exit %d %s' % (what[0], r.returncode, r.stderr))
    return bad


def state(top):
    """Every folder and file under top (temp files, lock files and the cache of what was
    seen in order aside), with digest."""
    out = set()
    for root, dirs, files in os.walk(top):
        for d in dirs:
            out.add(('d', os.path.relpath(os.path.join(root, d), top)))
        for f in files:
            if '.tmp.' in f or f in ('.hwk.lock', '.hwk.cache'):
                continue
            with open(os.path.join(root, f), 'rb') as fh:
                h = hashlib.sha256(fh.read()).hexdigest()
            out.add(('f', os.path.relpath(os.path.join(root, f), top), h))
    return frozenset(out)


def show(want, now):
    diag(*('- %s' % (x,) for x in sorted(want - now)))
    diag(*('+ %s' % (x,) for x in sorted(now - want)))


def temps(p):
    return [os.path.relpath(os.path.join(r, f), p)
            for r, _, fs in os.walk(p) for f in fs if '.tmp.' in f]


def clients_without_yaml(p):
    d = os.path.join(p, 'clients')
    return sorted(c for c in os.listdir(d)
                  if os.path.isdir(os.path.join(d, c))
                  and not os.path.exists(os.path.join(d, c, 'client.yaml')))


def listed_clients():
    r = hwk('list', 'clients', '-f', 'tsv')
    return {line.split('\t')[0] for line in r.stdout.splitlines()[1:]}


# the practice every trial starts from: alex with a task (an entry on Monday)
os.makedirs(ENV['HOME'])
subprocess.run([HWK, 'init', W], env=ENV, check=True, capture_output=True)
TASK = hwk('assign', 'alex', 'task', '--start', '2026-11-23', check=True).stdout.strip()
hwk('log', '-q', 'task', '--at', '2026-11-23T10:00', check=True)
shutil.copytree(W, BASE)

LATER = dict(ENV, HWK_NOW='2026-11-30T09:00:00+01:00')
# a month on: an end on the task's first day moves it into ended/2026/ at once (its 31
# days in the folder are over), so a kill can stop that move part way
MONTH_ON = dict(ENV, HWK_NOW='2026-12-28T09:00:00+01:00')
# name, arguments, environment, what a killed run may leave part way (a pattern)
WRITERS = [
    ('log', ['log', '-q', 'task', '-m', 'a note'], ENV, None),
    ('edit', ['assign', '--edit', TASK, '--when', 'after breakfast'], ENV, None),
    ('end', ['assign', '--end', TASK, '--at', '2026-11-23'], MONTH_ON, None),
    ('new-client', ['assign', 'bob', 'task'], ENV,
     re.compile(r'clients/bob(/\.gitattributes|/client\.yaml)?')),
    ('review', ['review', 'alex', '-m', 'went well'], LATER, None),
]

# each writer's clean run: how long it takes alone (the delays range a little beyond
# it), the state it leaves, and (log) the state two runs leave
span, golden, twice = {}, {}, {}
base = state(BASE)
for name, args, env, _ in WRITERS:
    shutil.rmtree(W)
    shutil.copytree(BASE, W)
    t = time.monotonic()
    p = subprocess.Popen([HWK, '-C', W] + args, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if p.wait():
        raise RuntimeError('%s: a clean run fails' % name)
    span[name] = (time.monotonic() - t) * 1.2
    golden[name] = state(W)
    hwk(*args, env=env)
    twice[name] = state(W)



def end_part_way(now):
    """An --end killed part way (hwk(5) LAYOUT): the ended file written in the folder,
    the old one removed, the ended file written into ended/YYYY/, the entries renamed there,
    the folder's ended file removed. Each step is one file made or gone, so a state part
    way holds nothing but the files before and after and the folder's ended file, with
    the entries in one of their places and the assignment in at least one."""
    made = golden['end'] - base
    ended = [x for x in made if x[0] == 'f' and x[1].endswith('.yaml')]
    csvs = [x for x in (base ^ golden['end']) if x[0] == 'f' and x[1].endswith('.csv')]
    if len(ended) != 1:
        return False
    # the client folder: ended[0] is in its ended/YYYY/
    folder = os.path.dirname(os.path.dirname(os.path.dirname(ended[0][1])))
    in_folder = os.path.join(folder, os.path.basename(ended[0][1]))
    extra = {x for x in now - base - golden['end']}
    if any(x[0] != 'f' or x[1] != in_folder for x in extra):
        return False
    kept = {x[1] for x in base - golden['end'] if x[0] == 'f' and x[1].endswith('.yaml')}
    yamls = {x[1] for x in now if x[0] == 'f'} & (kept | {ended[0][1], in_folder})
    return bool(now & set(csvs)) and bool(yamls) and not (base & golden['end']) - now


rng = random.Random(SEED)
# trials, killed, with files that do not parse, with temp files left, with a client
# lacking client.yaml, in a state neither before nor after
stats = {name: [0, 0, 0, 0, 0, 0] for name, _, _, _ in WRITERS}
try:
    for k in range(TRIALS):
        name, args, env, partial = WRITERS[k % len(WRITERS)]
        delay = rng.uniform(0, span[name])
        s = stats[name]
        s[0] += 1
        shutil.rmtree(W)
        shutil.copytree(BASE, W)
        p = subprocess.Popen([HWK, '-C', W] + args, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        if p.wait() == -signal.SIGKILL:
            s[1] += 1
        what = 'trial %d (%s, killed at %.1f ms)' % (k, name, delay * 1000)
        bad = unparsable(W)
        now = state(W)
        # (--end) a kill between its steps: hwk reads the assignment as ended, its
        # entries found in either place (lib/assignment.c, drop_leftovers)
        stale = name == 'end' and end_part_way(now)
        if now not in (base, golden[name]) and not stale and not (
                not base - now and
                all(x in golden[name] and (x[0] == 'd' or partial and partial.fullmatch(x[1]))
                    for x in now - base)):
            s[5] += 1
            print('# %s: the practice neither as before nor as after the writer:' % what,
                  file=sys.stderr)
            show(golden[name], now)
        hidden = clients_without_yaml(W)
        listed = listed_clients() & set(hidden)
        if listed:
            s[4] += 1
            print('# %s: listed without client.yaml: %s' % (what, ' '.join(sorted(listed))),
                  file=sys.stderr)
        done = now == golden[name]  # killed after its change was complete
        r = hwk(*args, env=env)
        bad += unparsable(W)
        if bad:
            s[2] += 1
            print('# %s: files that do not parse:' % what, file=sys.stderr)
            diag(*bad)
        now = state(W)
        stale = name == 'end' and golden[name] < now <= golden[name] | base
        # a run killed after its change was complete, run again, is two runs (a second
        # log, a second assignment of a fresh id)
        if now != golden[name] and not stale and not (
                (name == 'log' or done) and now == twice[name]):
            s[5] += 1
            print('# %s: after the next run (exit %d) the practice is not as one clean run leaves it:'
                  % (what, r.returncode), file=sys.stderr)
            diag(r.stderr)
            show(golden[name], now)
        left = temps(W)
        if left:
            s[3] += 1
            print('# %s: temp files survive the next run (exit %d): %s'
                  % (what, r.returncode, ' '.join(left)), file=sys.stderr)
            diag(r.stderr)
        hidden = clients_without_yaml(W)
        if hidden:
            s[4] += 1
            print('# %s: client folders without client.yaml after the next run: %s'
                  % (what, ' '.join(hidden)), file=sys.stderr)
finally:
    shutil.rmtree(TOP, ignore_errors=True)

for name, _, _, _ in WRITERS:
    t, killed, bad, left, cl, wrong = stats[name]
    print('%s %s: seed %d: %d trials, %d killed before they ended, %d with files that do not '
          'parse, %d in a state neither before nor after, %d with temp files left, %d with a '
          'client lacking client.yaml'
          % ('PASS' if bad + left + cl + wrong == 0 else 'FAIL', name, SEED, t, killed, bad,
             wrong, left, cl))
