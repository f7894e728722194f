#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/ci-engine.sh [--help]
#
# The GitLab pipeline run for real, by a GitLab CI engine
# (gitlab-ci-local, scripts/ci-local.sh): the pipeline lists its jobs; the
# quick job runs make test-quick and passes, and fails when a suite of it
# fails (SUITES= picks two suites: make test has just run them all); the
# check cell (6.1.y) passes and leaves its JUnit report. The check cell
# runs on make check's output dir (O=, as make test's make check
# BRANCH=6.1.y just left it in O/6.1.y)
# with BOOT=no: its builds and the boots that make check ran are not
# repeated. Part of make test, after make check. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lib_init series

case ${1:-} in -h | --help) usage_from_header; exit 0 ;; esac
new_scratch
CELL='check: [debug,6.1.y]'

expect "gitlab-ci-local lists the quick job, the check cells and 4 scan shards" 0 \
	'cocci-tree: \[4/4\]' "$REPO/scripts/ci-local.sh" --list
assert "... with a check cell per branch, named by its matrix" grep -qF "$CELL" "$SCRATCH/last.log"
assert "... the 6.12.y one too" grep -qF 'check: [debug,6.12.y]' "$SCRATCH/last.log"
expect "the quick job passes (make test-quick, two suites)" 0 'PASS.*quick' \
	"$REPO/scripts/ci-local.sh" quick -- --variable "SUITES=t-runner.sh t-parsers.sh"
assert "... having run them" grep -Eq 't-runner.sh: [0-9]+ passed, 0 failed' "$SCRATCH/last.log"
expect "the quick job fails when make test-quick does" 1 'FAIL.*quick' \
	"$REPO/scripts/ci-local.sh" quick -- --variable SUITES=t-nosuch.sh
rm -f "$OUT/6.1.y/report.xml"
expect "the check cell passes (make check WIDE=yes, BOOT=no, on O=)" 0 \
	'PASS.*check' "$REPO/scripts/ci-local.sh" "$CELL" -- \
	--variable "O=$OUT" --variable BOOT=no
assert "... and writes the JUnit report the job publishes" \
	grep -q '<testsuite name="make check"' "$OUT/6.1.y/report.xml"

finish
