#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Print only the file sections of a diff whose path is one of PATH.

Usage: cocci/eval/tools/filterdiff.py [--moved OLD NEW] DIFF PATH...

A section starts at 'diff --git' or, in diffs without that line, at a
'--- ' line followed by '+++ '; a mail signature line '-- ' ends it. The
paths of its '--- ' and '+++ ' lines are compared with a/ and b/ and any
tab-separated timestamp stripped. Anything before the first section (the
mail's header) is dropped. With --moved, a section for OLD (a file that
has moved since the diff was written) is kept as a section for NEW: its
diff --git, --- and +++ lines name NEW. Used by mkcase.sh.
"""
import argparse
import sys


def strip(p):
    """The path of a ---/+++ line's name, without a/ or b/ and timestamp."""
    p = p.split('\t')[0]
    return p[2:] if p[:2] in ('a/', 'b/') else p


def rename(ln, moved):
    """The diff --git, --- or +++ line LN with a path that is a key of
    MOVED replaced by its value (a/ and b/ and a timestamp kept)."""
    if ln.startswith('diff --git '):
        words = ln.split(' ')
        for i, w in enumerate(words[2:], 2):
            if w[:2] in ('a/', 'b/') and w[2:] in moved:
                words[i] = w[:2] + moved[w[2:]]
        return ' '.join(words)
    name, tab, stamp = ln[4:].partition('\t')
    old = strip(name)
    if old not in moved:
        return ln
    return ln[:4] + name[:len(name) - len(old)] + moved[old] + tab + stamp


def filter_diff(text, keep, moved=None):
    """The sections of the diff TEXT for the paths in KEEP, as one text;
    MOVED maps a path the diff names to the path it has now."""
    moved = moved or {}
    keep = set(keep) | set(moved)
    lines = text.split('\n')
    git = any(ln.startswith('diff --git ') for ln in lines)
    out, cur, take = [], [], False
    for i, ln in enumerate(lines):
        if git:
            start = ln.startswith('diff --git ')
        else:
            start = (ln.startswith('--- ') and i + 1 < len(lines)
                     and lines[i + 1].startswith('+++ '))
        if start or ln == '-- ':
            if take:
                out.extend(cur)
            cur, take = [], False
            if not start:
                continue
        if ln.startswith('+++ ') or ln.startswith('--- '):
            if strip(ln[4:]) in keep:
                take = True
        if ln.startswith(('diff --git ', '--- ', '+++ ')):
            ln = rename(ln, moved)
        cur.append(ln)
    if take:
        out.extend(cur)
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n', 1)[0],
        epilog=__doc__.split('\n\n', 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--moved', nargs=2, metavar=('OLD', 'NEW'),
                    action='append', default=[],
                    help='keep the sections for OLD, renamed to NEW')
    ap.add_argument('diff', metavar='DIFF')
    ap.add_argument('paths', metavar='PATH', nargs='+')
    args = ap.parse_args()
    with open(args.diff, errors='surrogateescape') as f:
        text = f.read()
    sys.stdout.write(filter_diff(text, set(args.paths), dict(args.moved)))


if __name__ == '__main__':
    main()
