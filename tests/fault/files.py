"""What the fault sweep and the crash trials both check of a practice's files."""
import csv
import os

import yaml


def unreadable(p):
    """The YAML and CSV files under p that do not read (temp files aside), each as
    'PATH: why', PATH relative to p; a CSV's rows must all be as long as its header."""
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
    return bad
