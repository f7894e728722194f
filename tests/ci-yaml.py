#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/ci-yaml.py GITLAB_YML GITHUB_YML MAKEFILE VARIABLES
#
# The CI engines' pipeline files checked against what the repo has: both
# parse; every job's script calls make targets the Makefile has; every
# variable a job or matrix sets is a make variable the README documents
# (VARIABLES: a file, one name a line) or one of the engine's own; the
# GitHub matrix does not stop at its first failure and runs in a Debian
# 12 container. Prints one "ok"/"not ok" line per check (TAP without a
# plan), and exits 1 when one fails.
import re
import sys

import yaml

# Variables the pipelines set for the engine, not for make.
ENGINE_VARS = {"GIT_DEPTH", "CCACHE_DIR"}
failed = 0


def check(ok, what):
    global failed
    print(("ok - " if ok else "not ok - ") + what)
    failed += not ok


def make_targets(makefile):
    with open(makefile) as f:
        return set(re.findall(r"^([a-z][a-z0-9-]*):", f.read(), re.M))


def targets_of(line):
    """The make targets a script line names (make's options dropped)."""
    m = re.search(r"\bmake\b((?:\s+[^\s|;&]+)*)", line)
    if not m:
        return None
    return [w for w in m.group(1).split() if "=" not in w and not w.startswith("-")]


def main(gitlab_yml, github_yml, makefile, variables):
    targets = make_targets(makefile)
    with open(variables) as f:
        known = set(f.read().split()) | ENGINE_VARS
    with open(gitlab_yml) as f:
        gl = yaml.safe_load(f)
    with open(github_yml) as f:
        gh = yaml.safe_load(f)
    check(isinstance(gl, dict) and isinstance(gh, dict), "both pipeline files parse")

    jobs = {k: v for k, v in gl.items() if isinstance(v, dict) and "script" in v}
    check({"quick", "check", "cocci-tree", "cocci-tree-merge"} <= set(jobs),
          "gitlab: quick, check, cocci-tree and its merge are jobs")
    for name, job in jobs.items():
        for line in job["script"]:
            t = targets_of(line)
            check(t is not None and set(t) <= targets,
                  f"gitlab: {name}: '{line}' calls make targets the Makefile has")
        names = set(job.get("variables", {}))
        for cell in job.get("parallel", {}).get("matrix", []) if isinstance(
                job.get("parallel"), dict) else []:
            names |= set(cell)
        check(names <= known, f"gitlab: {name}: sets documented variables only "
              f"({', '.join(sorted(names - known)) or 'all known'})")
    check(set(gl.get("variables", {})) <= known,
          "gitlab: the global variables are documented or the engine's")
    check("junit" in str(jobs["check"].get("artifacts", {}).get("reports", {})),
          "gitlab: check publishes the JUnit report")

    gjobs = gh.get("jobs", {})
    check({"quick", "check"} <= set(gjobs), "github: quick and check are jobs")
    cj = gjobs.get("check", {})
    check(cj.get("strategy", {}).get("fail-fast") is False, "github: fail-fast is off")
    check(all(j.get("container") == "debian:bookworm" for j in gjobs.values()),
          "github: every job runs in debian:bookworm")
    check(set(cj.get("strategy", {}).get("matrix", {})) <= known,
          "github: the matrix names documented make variables")
    for name, job in gjobs.items():
        for step in job.get("steps", []):
            line = step.get("run", "")
            if re.match(r"\s*make\b", line):
                check(set(targets_of(line)) <= targets,
                      f"github: {name}: '{line}' calls make targets the Makefile has")
    check(any("upload-artifact" in s.get("uses", "") for s in cj.get("steps", [])),
          "github: check uploads its reports")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
