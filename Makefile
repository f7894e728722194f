# SPDX-License-Identifier: GPL-2.0
#
# The one entry point. Each target names a stage and calls its script;
# the scripts hold the logic, and read the variables below from the
# environment (make exports those given on its command line):
#   BRANCH=B     the series series/B/ (6.1.y, 6.12.y), output in $O/B;
#                make check without it: every branch; send, reroll, ...
#                without it: an error naming the branches (if several)
#   KSRC=DIR     base tree (default: the Debian linux-source-X.Y that the
#                branch's BASE names)
#   O=DIR        output: logs, reports, scratch tree, builds (default: out/)
#   FLAVOUR=F    kernel flavour, debug (default) or plain
#   JOBS=N       make -j for kernel builds (default: cores + 1)
#   FORCE_BASE=1 go on when the base differs from the branch's BASE
#   SERIES=DIR   another quilt series dir (outranks BRANCH; output in O)
#   BOOT=no      make check without the stages that boot (a quick re-check)
#   WIDE=yes     make check with the wide stages (xbuild, kcsan)
#   MBOX=FILE    make trailers, make review: the saved thread of a posting
# See README.md for each of them.

SHELL := /bin/bash
STAGES := $(shell ./scripts/check.sh --list-stages)

.PHONY: help check test test-quick deps base-record clean results bench-z3fold \
	bench-pipeline send trailers review reroll export identity cocci-tree \
	cocci-tree-merge \
	cocci-eval \
	$(STAGES)

help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)
	@printf '\nThe stages (scripts/check.sh --stages: name, needs, script, kinds):\n'
	@./scripts/check.sh --stages | sed 's/^/  /'

## check        every stage below, in order (WIDE=yes: the wide ones too;
##              BOOT=no: not those that boot); prints the stage table and
##              the evidence matrix; of BRANCH=B, else of every branch of
##              series/ in turn, then one line per branch
check:
	@./scripts/check.sh

## test         the quick self-tests, then make check on the real series and
##              the boot test on real kernels (what CI runs)
test:
	@./tests/run.sh

## test-quick   the self-tests alone: fake tree, fake QEMU and spatch, rule
##              tests, canned boot logs and parsers (a few minutes)
test-quick:
	@./tests/run.sh --quick

## STAGE        one stage and the stages it needs, e.g. make bisect (the
##              stages are listed below)
$(STAGES):
	@./scripts/check.sh $@

## cocci-tree   the Coccinelle rules on a whole tree (KSRC=, default the
##              base; any directory of C) or on PATHS='mm drivers/foo.c' of
##              it, on every core; SHARD=I/N for one Nth of the files;
##              COCCI_PASS1=callees: collecting passes only where PATHS'
##              calls lead
cocci-tree:
	@./scripts/cocci-tree.sh

## cocci-tree-merge  the report of a sharded cocci-tree run, from the
##              shards' dirs gathered in O=
cocci-tree-merge:
	@./scripts/cocci-tree.sh --merge

## cocci-eval   how many real, fixed bugs the rules find: the cases of
##              cocci/eval/manifest.tsv, before and after their fix, from
##              CORPUS=DIR (required)
cocci-eval:
	@./scripts/cocci-eval.sh

## results      the cover letter's results table, base against series, from
##              the last make check (boot stage) and make bench-z3fold
results:
	@./scripts/results.sh

## bench-z3fold the boot test's stress on plain kernels, interleaved
##              runs of base, series, zsmalloc and zbud: density and
##              throughput, medians and ratios (RUNS=, default 5)
bench-z3fold:
	@./scripts/bench-z3fold.sh --runs $${RUNS:-5}

## bench-pipeline  how fast make check is here: cold, warm, after a
##              one-line edit, with and without boot (RUNS=, default 3)
bench-pipeline:
	@./scripts/bench-pipeline.sh --runs $${RUNS:-3}

## send         the series as mails through b4: a dry run into
##              out/B/send/vN/
##              (SEND=yes to send, REFLECT=yes to send to yourself only)
send:
	@./scripts/send.sh

## trailers     the Reviewed-by/Acked-by/Tested-by the list gave, from the
##              thread MBOX=FILE, per patch: a dry run (APPLY=yes writes
##              series/B/; FORCE=yes also for patches changed since posted)
trailers:
	@./scripts/trailers.sh

## review       a posted series from its thread MBOX=FILE: b4 am into
##              out/review/, its base found, the static stages run on it
##              (KSRC=, FORCE_BASE=1; BOOT=yes boots it too)
review:
	@./scripts/review.sh

## reroll       after vN went out: series/B/revision becomes vN+1 and
##              series/B/changelog gets its section
reroll:
	@./scripts/reroll.sh

## export       write the git view's branch (edited in git) back to series/B/
export:
	@./scripts/export.sh

## identity     put your identity (git's user.name and user.email, or
##              ID='Name <mail>') on series/identity and every patch of
##              every branch
identity:
	@./scripts/identity.sh

## deps         install the Debian packages make check and make test need
deps:
	@./scripts/deps.sh check test

## base-record  write series/B/BASE from the current base (KSRC,
##              BASE_TARBALL or the one BASE names)
base-record:
	@./scripts/base.sh --record

## clean        remove the output dir (O=, default out/); the extracted
##              base tree in ~/.cache/z3fold-series stays
clean:
	@./scripts/clean.sh
