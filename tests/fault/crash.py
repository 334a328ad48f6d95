"""The crash trials of tests/t/0386-crash.t (run by it; see there).

Usage: crash.py HWK TRIALS SEED
Each trial copies a practice, starts one writer (log, assign --edit, assign --end,
assign of a new client, review -m), kills it with SIGKILL after a random delay (0 to a
little more than the writer's clean run takes), then checks:
  - every YAML and CSV file in the practice parses;
  - a client folder without its client.yaml is not listed by hwk list clients;
and runs the same writer again to its end (the next command), after which:
  - no temp file (*.tmp.*) is left;
  - every client folder has its client.yaml, and every file parses.
The delays follow from SEED alone, so a failing trial replays with the same SEED.
Prints one line per writer: "PASS description" or "FAIL description"; diagnostics go to
stderr as "# " lines.
"""
import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import yaml

HWK, TRIALS, SEED = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
TOP = tempfile.mkdtemp(prefix='hwk-crash.')
W = os.path.join(TOP, 'w')
BASE = os.path.join(TOP, 'base')
ENV = dict(os.environ, HOME=os.path.join(TOP, 'home'))


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
    bad = []
    for root, _, files in os.walk(p):
        for f in files:
            if '.tmp.' in f:
                continue
            path = os.path.join(root, f)
            try:
                if f.endswith('.yaml'):
                    with open(path, encoding='utf-8') as fh:
                        yaml.safe_load(fh)
                elif f.endswith('.csv'):
                    with open(path, encoding='utf-8', newline='') as fh:
                        rows = list(csv.reader(fh))
                    if any(len(r) != len(rows[0]) for r in rows):
                        raise ValueError('rows of unequal length')
            except Exception as e:  # any failure to read is a corrupt file
                bad.append('%s: %s' % (os.path.relpath(path, p), e))
    for what in (['assignments', '--all'], ['entries', '--all']):
        r = hwk('list', *what)
        if r.returncode or r.stderr:
            bad.append('hwk list %s: exit %d %s' % (what[0], r.returncode, r.stderr))
    return bad


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
WRITERS = [
    ('log', lambda k: ['log', '-q', 'task', '-m', 'trial %d' % k], ENV),
    ('edit', lambda k: ['assign', '--edit', TASK, '--when', 'at %d' % k], ENV),
    ('end', lambda k: ['assign', '--end', TASK], ENV),
    ('new-client', lambda k: ['assign', 'c%d' % k, 'task'], ENV),
    ('review', lambda k: ['review', 'alex', '-m', 'trial %d' % k], LATER),
]

# how long each writer takes when left alone: the delays range a little beyond it
span = {}
for name, args, env in WRITERS:
    shutil.rmtree(W)
    shutil.copytree(BASE, W)
    t = time.monotonic()
    hwk(*args(0), env=env, check=True)
    span[name] = (time.monotonic() - t) * 1.2

rng = random.Random(SEED)
stats = {name: [0, 0, 0, 0, 0] for name, _, _ in WRITERS}  # trials, killed, bad, temps, clients
try:
    for k in range(TRIALS):
        name, args, env = WRITERS[k % len(WRITERS)]
        delay = rng.uniform(0, span[name])
        s = stats[name]
        s[0] += 1
        shutil.rmtree(W)
        shutil.copytree(BASE, W)
        p = subprocess.Popen([HWK, '-C', W] + args(k), env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        if p.wait() == -signal.SIGKILL:
            s[1] += 1
        what = 'trial %d (%s, killed at %.1f ms)' % (k, name, delay * 1000)
        bad = unparsable(W)
        hidden = clients_without_yaml(W)
        listed = listed_clients() & set(hidden)
        if listed:
            s[4] += 1
            print('# %s: listed without client.yaml: %s' % (what, ' '.join(sorted(listed))),
                  file=sys.stderr)
        r = hwk(*args(k), env=env)
        bad += unparsable(W)
        if bad:
            s[2] += 1
            print('# %s: files that do not parse:' % what, file=sys.stderr)
            diag(*bad)
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

for name, _, _ in WRITERS:
    t, killed, bad, left, cl = stats[name]
    print('%s %s: seed %d: %d trials, %d killed mid-run, %d with files that do not parse, '
          '%d with temp files left, %d with a client lacking client.yaml'
          % ('PASS' if bad + left + cl == 0 else 'FAIL', name, SEED, t, killed, bad, left, cl))
