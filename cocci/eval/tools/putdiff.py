#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Decode a fix diff as the search tools print it into CORPUS/diffs/ID.diff.

Usage: CORPUS=DIR cocci/eval/tools/putdiff.py [--qp] [--later N] [--header LINE]... [--corpus DIR] ID < TEXT

TEXT is the JSON-escaped text of a mail (read_file's "text", without the
surrounding quotes), or the part of it from the diff on: \\n, \\t, \\" and
\\uXXXX are decoded; with --qp the result is then decoded as
quoted-printable (mails sent that way, =3D, soft line breaks). Each
--header LINE is written first, as it is (the Message-ID, idx, subject
and any note on a rebuilt hunk). Lines before the first 'diff --git' or
'--- a/' are a header, ignored by patch. With --later N it writes
CORPUS/diffs/ID.laterN.diff instead (a later change fetched from a mail,
see mkcase.sh). Prints the path written and its length.
"""
import argparse
import json
import os
import quopri
import sys


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n', 1)[0],
        epilog=__doc__.split('\n\n', 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('id', metavar='ID', help='the case id, e.g. k01-uss720')
    ap.add_argument('--qp', action='store_true',
                    help='decode quoted-printable after the JSON escapes')
    ap.add_argument('--later', metavar='N',
                    help='write ID.laterN.diff (a later change), not ID.diff')
    ap.add_argument('--header', metavar='LINE', action='append', default=[],
                    help='a line written above the text, as it is')
    ap.add_argument('--corpus', default=os.environ.get('CORPUS'),
                    help='the corpus (default: $CORPUS)')
    args = ap.parse_args()
    if not args.corpus:
        ap.error('CORPUS=DIR or --corpus DIR is required')
    raw = sys.stdin.read().strip('\n')
    txt = json.loads('"' + raw + '"')
    if args.qp:
        txt = quopri.decodestring(txt.encode('utf-8')).decode('utf-8')
    if not txt.endswith('\n'):
        txt += '\n'
    txt = ''.join(h + '\n' for h in args.header) + txt
    d = os.path.join(args.corpus, 'diffs')
    os.makedirs(d, exist_ok=True)
    name = args.id + ('.later%s' % args.later if args.later else '') + '.diff'
    out = os.path.join(d, name)
    with open(out, 'w') as f:
        f.write(txt)
    print(out, len(txt))


if __name__ == '__main__':
    main()
