#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Usage: cocci/triage/sample.py [--per-tier N] [--seed S] FINDINGS...

A random sample of a tree run's findings for triage, the same every time
for the same findings and seed: per tier ([High], [Moderate], [Low], or
"-" for a rule without tiers) the N findings whose text hashes lowest
(sha1 of the seed and the line).  FINDINGS are report lines as
make cocci-tree keeps them (findings-RULE.txt: FILE:LINE:COL: [Tier]
message).  Prints the sampled lines, grouped by tier, and on stderr how
many each tier had.

Exit: 0 sampled, 2 usage error.
"""
import argparse
import hashlib
import re
import sys

TIER_RE = re.compile(r"^\S+:\d+:\S*:? \[(High|Moderate|Low)\] ")


def tier(line):
    m = TIER_RE.match(line)
    return m.group(1) if m else "-"


def main():
    ap = argparse.ArgumentParser(
        usage="cocci/triage/sample.py [--per-tier N] [--seed S] FINDINGS...",
        description=__doc__.split("\n\n")[1])
    ap.add_argument("--per-tier", type=int, default=40, metavar="N")
    ap.add_argument("--seed", default="", metavar="S")
    ap.add_argument("findings", nargs="+")
    args = ap.parse_args()
    by_tier = {}
    for path in args.findings:
        try:
            with open(path, errors="replace") as fh:
                lines = [ln.rstrip("\n") for ln in fh if ln.strip()]
        except OSError as e:
            print("sample.py: %s" % e, file=sys.stderr)
            return 2
        for ln in lines:
            by_tier.setdefault(tier(ln), []).append(ln)
    for t in ("High", "Moderate", "Low", "-"):
        lines = by_tier.get(t)
        if not lines:
            continue
        lines.sort(key=lambda ln: hashlib.sha1(
            (args.seed + ln).encode()).hexdigest())
        picked = sorted(lines[:args.per_tier])
        print("%s: %d of %d" % (t, len(picked), len(lines)), file=sys.stderr)
        print("\n".join(picked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
