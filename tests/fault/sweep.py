"""The fault sweep of tests/t/0385-faults.t (run by it; see there).

For each write command and each of EIO, ENOSPC, EINTR, SHORT and KILL, hwk runs with the
shim preloaded and its Nth I/O call failed, N = 1, 1+STRIDE, ... until the shim says
the fault no longer fired. Each run starts from a copy of the same practice, in a
folder that also holds a sentinel file and folder and HOME. After the run:
  exit 0   the folder must be exactly as a clean run leaves it;
  exit !=0 exactly as before, or (partial) with only what the command's partial
           pattern names (a new client's folder and files: a client made stays when its
           first assignment cannot be written, and before its client.yaml the folder
           is not a client yet; a new practice's before its hwk.yaml: not a practice
           yet; the next run completes both) or a folder's lock file added, as the
           clean run makes them;
With KILL the process dies at that call: the folder must be as before, as after, or
part way as for a failure (folders too: a kill takes back no mkdir); after the next run
it must be as one clean run leaves it (log: or two).
Then the same command runs again without a fault: after a failure it must exit 0 and
leave the clean run's state; either way no temp file may be left.
Prints one line per (command, errno): "PASS description" or "FAIL description";
diagnostics go to stderr as "# " lines.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

import files

HWK, SO, STRIDE = sys.argv[1], sys.argv[2], int(sys.argv[3])
ONLY = re.compile('(%s)$' % (sys.argv[4] or '.*'))
ERRNOS = sys.argv[5].split() if len(sys.argv) > 5 and sys.argv[5] else \
    ['EIO', 'ENOSPC', 'EINTR', 'SHORT', 'KILL']
TOP = tempfile.mkdtemp(prefix='hwk-fault.')
W = os.path.join(TOP, 'w')
BASE = os.path.join(TOP, 'w.base')
FAULT = os.path.join(TOP, 'fault')
# a folder's lock file, made by the first writer that locks it and never removed
LOCK = r'(.*/)?\.hwk\.lock'
EMPTY = hashlib.sha256(b'').hexdigest()


def diag(*lines):
    for line in lines:
        for part in str(line).splitlines():
            print('#   ' + part, file=sys.stderr)


def state(top):
    """Every folder and file under top (temp files and the cache of what was seen in
    order, which any read may write, aside), with mode and digest."""
    out = set()
    for root, dirs, files in os.walk(top):
        for d in dirs:
            p = os.path.join(root, d)
            out.add(('d', os.path.relpath(p, top), os.lstat(p).st_mode))
        for f in files:
            if '.tmp.' in f or f == '.hwk.cache':
                continue
            p = os.path.join(root, f)
            with open(p, 'rb') as fh:
                h = hashlib.sha256(fh.read()).hexdigest()
            out.add(('f', os.path.relpath(p, top), os.lstat(p).st_mode, h))
    return frozenset(out)


def temps(top):
    return [os.path.join(r, f) for r, _, fs in os.walk(top) for f in fs if '.tmp.' in f]


def parses(p):
    """Every YAML and CSV file in the practice p reads, and hwk lists them."""
    bad = files.unreadable(p)
    if os.path.exists(os.path.join(p, 'hwk.yaml')):
        for what in (['assignments', '--all'], ['entries', '--all']):
            r = subprocess.run([HWK, '-C', p, 'list'] + what, capture_output=True, text=True)
            if r.returncode or r.stderr:
                bad.append('hwk list %s: exit %d %s' % (what[0], r.returncode, r.stderr))
    return bad


def run(args, env_extra, n=0, errno='EIO', seed='7'):
    env = dict(os.environ, HOME=os.path.join(W, 'home'), LD_PRELOAD=SO,
               HWK_FAULT_RANDOM=seed, HWK_FAULT_OUT=FAULT,
               HWK_FAULT_N=str(n), HWK_FAULT_ERRNO=errno, **env_extra)
    if os.path.exists(FAULT):
        os.unlink(FAULT)
    r = subprocess.run([HWK] + args, cwd=W, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with open(FAULT) as fh:
            fired = fh.read().strip()
    except FileNotFoundError:
        fired = ''
    return r.returncode, r.stderr, fired


def fresh():
    shutil.rmtree(W, ignore_errors=True)
    shutil.copytree(BASE, W, symlinks=True)


def setup(kind, env_extra):
    shutil.rmtree(W, ignore_errors=True)
    os.makedirs(os.path.join(W, 'home'))
    os.makedirs(os.path.join(W, 'sentinel.d'))
    with open(os.path.join(W, 'sentinel'), 'w') as fh:
        fh.write('sentinel\n')
    task = None
    if kind in ('alex', 'alex2'):
        env = dict(os.environ, HOME=os.path.join(W, 'home'), **env_extra)
        subprocess.run([HWK, 'init', 'p'], cwd=W, env=env, check=True,
                       stderr=subprocess.DEVNULL)
        task = subprocess.run([HWK, '-C', 'p', 'assign', 'alex', 'task', '--start', '2026-11-23'],
                              cwd=W, env=dict(env, LD_PRELOAD=SO, HWK_FAULT_RANDOM='3'),
                              check=True, capture_output=True, text=True).stdout.strip()
        subprocess.run([HWK, '-C', 'p', 'log', '-q', 'task', '--at', '2026-11-23T10:00'],
                       cwd=W, env=env, check=True)
    if kind == 'alex2':
        env = dict(os.environ, HOME=os.path.join(W, 'home'), **env_extra)
        subprocess.run([HWK, '-C', 'p', 'assign', 'alex', 'mindfulness', '--start', '2026-11-23'],
                       cwd=W, env=dict(env, LD_PRELOAD=SO, HWK_FAULT_RANDOM='4'),
                       check=True, capture_output=True)
    shutil.rmtree(BASE, ignore_errors=True)
    shutil.copytree(W, BASE, symlinks=True)
    return task


def sweep(name, kind, args, partial='', env_extra=None, stale_ok=False, errnos=None):
    if not ONLY.match(name):
        return
    env_extra = env_extra or {}
    task = setup(kind, env_extra)
    args = [task if a == '@TASK@' else a for a in args]
    base = state(W)
    rc, err, _ = run(args, env_extra)
    golden = state(W)
    run(args, env_extra)
    twice = state(W)  # the same command twice (log: two rows; the rest: as once)
    run(args, env_extra)
    shutil.rmtree(W)
    shutil.copytree(BASE, W, symlinks=True)
    run(args, env_extra)
    bad = parses(os.path.join(W, 'p'))
    if rc or base == golden or bad or temps(W):
        print('FAIL %s: a clean run (exit %d) changes the practice, its files parse' % (name, rc))
        diag(err, *bad)
        return
    pat = re.compile('%s|%s' % (partial, LOCK) if partial else LOCK)

    golden_paths = {item[1] for item in golden}

    def partial_ok(now, folders=False):
        if base - now:
            return False
        # an entries file made empty by a log that could not then lock or look at it:
        # it is not removed without its lock (a writer waiting for that lock would lose
        # its row), and reads as no entries
        return all(item in golden and (pat.fullmatch(item[1]) or folders and item[0] == 'd')
                   or item[0] == 'f' and item[3] == EMPTY and item[1].endswith('.csv')
                   and item[1] in golden_paths
                   for item in now - base)

    def stale(now):
        # (--end) done, with the old file not yet removed: hwk reads the ended one
        return stale_ok and golden < now and now <= golden | base

    def moving(now):
        # (--end) part way: the ended file written in the folder (the old one perhaps
        # still there), then moved with its entries into ended/YYYY/ (lib/assignment.c,
        # move_one): each file as before or as after, or the ended file in the folder;
        # the ended file and the entries each somewhere. hwk reads the ended one, and
        # the next write finishes the move.
        if not stale_ok:
            return False
        ended = {x for x in golden - base if x[0] == 'f' and x[1].endswith('.yaml')}
        folder = {(x[0], re.sub(r'/ended/[0-9]{4}/', '/', x[1]), *x[2:]) for x in ended}
        entries = {x for x in base | golden if x[0] == 'f' and x[1].endswith('.csv')}
        return (now <= base | golden | folder and bool(now & (ended | folder))
                and (not entries or bool(now & entries)))

    def show(want, now):
        diag(*('- %s' % (x,) for x in sorted(want - now)))
        diag(*('+ %s' % (x,) for x in sorted(now - want)))

    def temps_left(errno, n, fired):
        # 1 (and their names on stderr) when temp files survive the next run
        left_now = temps(W)
        if left_now:
            print('# %s %s N=%d (%s): temp files survive the next run: %s'
                  % (name, errno, n, fired, ' '.join(os.path.relpath(t, W) for t in left_now)),
                  file=sys.stderr)
        return 1 if left_now else 0

    for errno in [e for e in ERRNOS if not errnos or e in errnos]:
        ran = ok0 = fail0 = part = bad = corrupt = left = 0
        n = 1
        while True:
            fresh()
            rc, err, fired = run(args, env_extra, n, errno)
            if not fired.startswith('fired'):
                break
            ran += 1
            now = state(W)
            if errno == 'KILL':
                # killed at that call: as before, as after, or part way as a failure
                # may leave it (and folders: a kill takes back no mkdir)
                if now in (base, golden) or stale(now):
                    ok0 += now != base
                    fail0 += now == base
                elif partial_ok(now, folders=True) or moving(now):
                    part += 1
                else:
                    bad += 1
                    print('# %s KILL N=%d (%s): the practice neither as before nor as after'
                          % (name, n, fired), file=sys.stderr)
                    show(golden, now)
                rc2, err2, _ = run(args, env_extra)
                now = state(W)
                if now not in (golden, twice) and not stale(now):
                    bad += 1
                    print('# %s KILL N=%d (%s): after the next run (exit %d) the practice is not as after one clean run'
                          % (name, n, fired, rc2), file=sys.stderr)
                    diag(err2)
                    show(golden, now)
                left += temps_left('KILL', n, fired)
                n += STRIDE
                continue
            if rc == 0 and now == golden:
                ok0 += 1
            elif rc != 0 and now == base:
                fail0 += 1
            elif rc != 0 and partial_ok(now):
                part += 1
            else:
                bad += 1
                print('# %s %s N=%d (%s): exit %d, the practice neither as before nor as a clean run leaves it'
                      % (name, errno, n, fired, rc), file=sys.stderr)
                diag(err)
                show(golden if rc == 0 else base, now)
                broken = parses(os.path.join(W, 'p'))
                if broken:
                    corrupt += 1
                    print('# %s %s N=%d: files that do not parse:' % (name, errno, n), file=sys.stderr)
                    diag(*broken)
            # the next run: the same command without a fault
            rc2, err2, _ = run(args, env_extra)
            if rc != 0:
                now = state(W)
                if rc2 != 0 or now != golden:
                    bad += 1
                    print('# %s %s N=%d (%s): the retry after the failure exits %d'
                          % (name, errno, n, fired, rc2), file=sys.stderr)
                    diag(err2)
                    show(golden, now)
            left += temps_left(errno, n, fired)
            n += STRIDE
        ok = bad == 0 and left == 0 and ran > 0
        if errno == 'KILL':
            print('%s %s KILL: N 1..%d by %d: %d kills, %d left it done, %d as before, '
                  '%d part way, %d wrong, %d corrupt, %d temp files left after the next run'
                  % ('PASS' if ok else 'FAIL', name, n - 1, STRIDE, ran, ok0, fail0, part,
                     bad, corrupt, left))
        else:
            print('%s %s %s: N 1..%d by %d: %d faults, %d exit 0 complete, %d exit 1 unchanged, '
                  '%d exit 1 partial, %d untruthful, %d corrupt, %d temp files left'
                  % ('PASS' if ok else 'FAIL', name, errno, n - 1, STRIDE, ran, ok0, fail0, part,
                     bad, corrupt, left))
        sys.stdout.flush()


try:
    sweep('log', 'alex', ['-C', 'p', 'log', '-q', 'task', '-m', 'a note'])
    # the first entry: log makes the entries file
    sweep('log-new', 'alex2', ['-C', 'p', 'log', '-q', 'mindfulness', 'breathing', '10'])
    imp = os.path.join(TOP, 'import.csv')
    with open(imp, 'w') as fh:
        fh.write('assignment,at,status,reason,note,practice,minutes\n'
                 'task,2026-11-24T08:00,done,,first,,\n'
                 'task,2026-11-25T08:00,skipped,busy,second,,\n'
                 'mindfulness,2026-11-25T09:00,done,,,breathing,10\n')
    # rows for two assignments: two entries files, all or none (a failed append takes
    # back the one before it); a kill between the two appends leaves the first, which
    # only a journal could take back: KILL sweeps an import to one file
    sweep('import', 'alex2', ['-C', 'p', 'log', '-q', '--import', imp],
          errnos=('EIO', 'ENOSPC', 'EINTR', 'SHORT'))
    imp1 = os.path.join(TOP, 'import1.csv')
    with open(imp1, 'w') as fh:
        fh.write('assignment,at,status,reason,note\n'
                 'task,2026-11-24T08:00,done,,first\ntask,2026-11-25T08:00,skipped,busy,second\n')
    sweep('import-one', 'alex', ['-C', 'p', 'log', '-q', '--import', imp1], errnos=('KILL',))
    sweep('assign', 'alex', ['-C', 'p', 'assign', 'alex', 'sleep'])
    sweep('new-client', 'alex', ['-C', 'p', 'assign', 'bob', 'task'],
          partial=r'p/clients/bob(/\.gitattributes|/client\.yaml)?')
    sweep('edit', 'alex', ['-C', 'p', 'assign', '--edit', '@TASK@', '--when', 'after breakfast'])
    # a kill between writing the ended file and removing the old one leaves both: the
    # ended one holds (lib/assignment.c, drop_leftovers); one part way through its move
    # into ended/ is read as ended, and the next run finishes the move
    # (a month on, an end on its first day: into ended/2026/ at once, its 31 days in the
    # folder over)
    sweep('end', 'alex', ['-C', 'p', 'assign', '--end', '@TASK@', '--at', '2026-11-23'],
          stale_ok=True, env_extra={'HWK_NOW': '2026-12-28T09:00:00+01:00'})
    sweep('review', 'alex', ['-C', 'p', 'review', 'alex', '-m', 'went well'],
          env_extra={'HWK_NOW': '2026-11-30T09:00:00+01:00'})
    sweep('init', 'none', ['init', 'p'], partial=r'p(/types|/clients|/\.gitattributes)?')
finally:
    shutil.rmtree(TOP, ignore_errors=True)
