#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of the CI engines' pipeline files (.gitlab-ci.yml,
# .github/workflows/check.yml) against the repo: they parse, their jobs
# call make targets the Makefile has and set the variables the README
# documents, the GitHub matrix runs every cell in Debian 12; and a
# pipeline with a wrong target and an undocumented variable is refused.
# (make test runs the GitLab jobs for real with gitlab-ci-local:
# tests/ci-engine.sh.) Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_scratch
# The make variables the README's table documents.
grep -o '^| `[A-Z_]*=' "$REPO/README.md" | tr -d '|` =' >"$SCRATCH/variables"
assert "README documents the variables the matrices use" \
	grep -qx BASE_TARBALL "$SCRATCH/variables"

ci_yaml() {
	/usr/bin/python3 "$REPO/tests/ci-yaml.py" "$1" "$2" "$REPO/Makefile" "$SCRATCH/variables"
}

rc=0
ci_yaml "$REPO/.gitlab-ci.yml" "$REPO/.github/workflows/check.yml" >"$SCRATCH/real.out" 2>&1 || rc=$?
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	*) printf '# %s\n' "$line" ;;
	esac
done <"$SCRATCH/real.out"
assert "the pipeline files pass as a whole (exit $rc)" [ "$rc" == 0 ]

rc=0
ci_yaml "$REPO/tests/ci/bad-gitlab.yml" "$REPO/.github/workflows/check.yml" >"$SCRATCH/bad.out" 2>&1 || rc=$?
assert "a pipeline with mistakes is refused (exit 1)" [ "$rc" == 1 ]
assert "... naming the target the Makefile lacks" \
	grep -q "^not ok - gitlab: quick: 'make test-quik' calls make targets" "$SCRATCH/bad.out"
assert "... and the undocumented variable" \
	grep -q '^not ok - gitlab: check: sets documented variables only (FLAVOR)' "$SCRATCH/bad.out"

finish
