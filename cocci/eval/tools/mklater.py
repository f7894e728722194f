#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Write CORPUS/diffs/ID.laterN.diff, a later change made by text substitution.

Usage: CORPUS=DIR cocci/eval/tools/mklater.py [--corpus DIR] ID N|fix SRC PATH OLD NEW [OLD NEW...]

For a case whose base has, on top of the fix, a later change to the same
lines (so the fix does not revert cleanly): the diff -u from the base's
PATH with each NEW text replaced by OLD (the older text) to the base's
PATH, i.e. the later change, which mkcase.sh reverts from both sides
before it applies or reverts the fix. SRC is 61 or 612 (the base
CORPUS/src61/linux-source-6.1 or CORPUS/src612/linux-source-6.12). Each
NEW must occur exactly once in the file. OLD and NEW are Python-escaped
(\\n, \\t). Prints the diff.

With fix for N, the same diff is the fix itself rebuilt on the base's
context, for a dir=R case whose mail hunk does not fit the base (OLD the
text before the fix, NEW the base's): it replaces CORPUS/diffs/ID.diff,
whose header lines (the Message-ID, idx, subject) are kept, with a note
under them that the hunks were rebuilt.
"""
import argparse
import codecs
import os
import subprocess
import sys
import tempfile

BASES = {'61': 'src61/linux-source-6.1', '612': 'src612/linux-source-6.12'}


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n', 1)[0],
        epilog=__doc__.split('\n\n', 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', default=os.environ.get('CORPUS'),
                    help='the corpus (default: $CORPUS)')
    ap.add_argument('id', metavar='ID')
    ap.add_argument('n', metavar='N|fix',
                    help='the suffix (later1, later2...), or fix: rebuild ID.diff')
    ap.add_argument('src', metavar='SRC', choices=sorted(BASES))
    ap.add_argument('path', metavar='PATH')
    ap.add_argument('pairs', metavar='OLD NEW', nargs='+')
    args = ap.parse_args()
    if not args.corpus:
        ap.error('CORPUS=DIR or --corpus DIR is required')
    if len(args.pairs) % 2:
        ap.error('OLD and NEW come in pairs')
    with open(os.path.join(args.corpus, BASES[args.src], args.path)) as f:
        s = f.read()
    t = s
    for i in range(0, len(args.pairs), 2):
        old = codecs.decode(args.pairs[i], 'unicode_escape')
        new = codecs.decode(args.pairs[i + 1], 'unicode_escape')
        if t.count(new) != 1:
            sys.exit('mklater: NEW occurs %d times, not once: %r'
                     % (t.count(new), new))
        t = t.replace(new, old)
    with tempfile.TemporaryDirectory(prefix='mklater-') as d:
        for side, txt in (('a', t), ('b', s)):
            p = os.path.join(d, side, args.path)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'w') as f:
                f.write(txt)
        out = subprocess.run(['diff', '-u', 'a/' + args.path, 'b/' + args.path],
                             cwd=d, capture_output=True, text=True).stdout
    if args.n == 'fix':
        dst = os.path.join(args.corpus, 'diffs', args.id + '.diff')
        head = ''
        if os.path.exists(dst):
            with open(dst) as f:
                for ln in f:
                    if ln.startswith(('diff --git ', '--- ', 'Note: ')):
                        break
                    head += ln
        head = head.rstrip('\n') + '\n' if head.strip() else ''
        head += ('Note: rebuilt by cocci/eval/tools/mklater.py on the '
                 'base\'s context; the change is the mail\'s.\n\n')
    else:
        dst = os.path.join(args.corpus, 'diffs',
                           '%s.later%s.diff' % (args.id, args.n))
        head = ('Made by cocci/eval/tools/mklater.py: a later change the '
                'base has, reverted from both sides.\n')
    with open(dst, 'w') as f:
        f.write(head + out)
    print(out)


if __name__ == '__main__':
    main()
