#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Usage: cocci/triage/rescore.py [--strata LIST,...] TRIAGE FINDINGS

What a triaged sample says of a later run of the same rule on the same
tree, without judging anything again: each sampled finding of TRIAGE (a
cocci/triage/*.tsv: finding FILE:LINE, function, kind, tier, verdict TP
or FP, source naming "stratum N") is kept when FINDINGS (findings-RULE.txt
of the later run) still reports that kind in that function at that line
with that tier, moved when it reports it with another tier, dropped
otherwise.  The kept part of a random sample of a tier is a random sample
of what the later run still reports in that tier, so its share of TP
estimates that tier's precision (with a smaller sample).

Prints per tier of the sample: sampled, dropped (how many of them TP),
moved to another tier (TP), kept, TP kept and the share; with --strata
(the file lists, one path a line or NUL-separated, of strata 1, 2...;
the last stratum is every file in none of them), the share per stratum
weighted by how many findings of that tier the later run has in it.
Then the default report's (High and Moderate) share, weighted by the
later run's count per tier.

Exit: 0 printed, 2 usage error.
"""
import argparse
import re
import sys

FINDING_RE = re.compile(r"^(\S+?):(\d+):\S*:? \[(High|Moderate|Low)\] "
                        r"kref ([a-z -]+?) in (\w+)\(\):")
STRATUM_RE = re.compile(r"stratum (\d+)")
TIERS = ("High", "Moderate", "Low")


def read_lines(path):
    with open(path, errors="replace") as fh:
        return fh.read().replace("\0", "\n").split("\n")


def read_findings(path):
    """(file, line, function, kind, tier) of every finding."""
    found = []
    for ln in read_lines(path):
        m = FINDING_RE.match(ln)
        if m:
            (f, line, tier, kind, fn) = m.groups()
            found.append((f, line, fn, kind.replace(" ", "-"), tier))
    return found


def read_triage(path):
    rows = []
    for ln in read_lines(path)[1:]:
        cols = ln.split("\t")
        if len(cols) < 7:
            continue
        (f, _, line) = cols[0].rpartition(":")
        m = STRATUM_RE.search(cols[6])
        rows.append({"key": (f, line, cols[1], cols[2]), "tier": cols[3],
                     "tp": cols[4] == "TP",
                     "stratum": int(m.group(1)) if m else 1})
    return rows


def stratum_of(f, strata):
    for (i, files) in enumerate(strata):
        if f in files:
            return i + 1
    return len(strata) + 1


def main():
    ap = argparse.ArgumentParser(
        usage="cocci/triage/rescore.py [--strata LIST,...] TRIAGE FINDINGS",
        description=__doc__.split("\n\n")[1])
    ap.add_argument("--strata", default="", metavar="LIST,...")
    ap.add_argument("triage")
    ap.add_argument("findings")
    args = ap.parse_args()
    try:
        found = read_findings(args.findings)
        rows = read_triage(args.triage)
        strata = [set(x for x in read_lines(p) if x)
                  for p in args.strata.split(",") if p]
    except OSError as e:
        print("rescore.py: %s" % e, file=sys.stderr)
        return 2
    if not rows:
        print("rescore.py: no triaged findings in %s" % args.triage,
              file=sys.stderr)
        return 2
    if not strata:
        for r in rows:
            r["stratum"] = 1
    count = {}
    tiers_of = {}
    for (f, line, fn, kind, tier) in found:
        s = stratum_of(f, strata)
        count[(tier, s)] = count.get((tier, s), 0) + 1
        tiers_of.setdefault((f, line, fn, kind), set()).add(tier)
    share = {}
    print("tier      sampled  dropped (TP)  moved (TP)  kept  TP  share  weighted")
    for tier in TIERS:
        mine = [r for r in rows if r["tier"] == tier]
        if not mine:
            continue
        by_fate = {"kept": [], "moved": [], "dropped": []}
        for r in mine:
            now = tiers_of.get(r["key"])
            fate = "dropped" if not now else "kept" if tier in now else "moved"
            by_fate[fate].append(r)
        (kept, moved, gone) = (by_fate["kept"], by_fate["moved"],
                               by_fate["dropped"])
        tp = sum(r["tp"] for r in kept)
        num = den = 0.0
        for s in sorted(set(r["stratum"] for r in mine)):
            ks = [r for r in kept if r["stratum"] == s]
            n = count.get((tier, s), 0)
            if ks:
                num += n * sum(r["tp"] for r in ks) / len(ks)
                den += n
        share[tier] = num / den if den else 0.0
        print("%-9s %7d  %7d (%d)  %5d (%d)  %4d  %2d  %4.0f %%  %4.0f %%" % (
            tier, len(mine), len(gone), sum(r["tp"] for r in gone),
            len(moved), sum(r["tp"] for r in moved), len(kept), tp,
            100.0 * tp / len(kept) if kept else 0.0, 100.0 * share[tier]))
    total = {t: sum(n for ((tt, _), n) in count.items() if tt == t)
             for t in TIERS}
    print("findings: " + ", ".join("%d %s" % (total[t], t) for t in TIERS))
    shown = total["High"] + total["Moderate"]
    if shown:
        true = sum(total[t] * share.get(t, 0.0) for t in ("High", "Moderate"))
        print("default report (High, Moderate): %d findings, %.0f %% true"
              " weighted" % (shown, 100.0 * true / shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
