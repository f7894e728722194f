# SPDX-License-Identifier: GPL-2.0
#
# The boot test's console log as KEY=VALUE lines (scripts/boot.sh
# parse_log; tests/boot/run.sh feeds it canned logs):
#   result, reason        the guest's verdict line
#   fail.GATE             the guest's first FAIL line of each gate
#   step.NAME, counter.NAME
#   suite.SUITE           ok or fail, for the z3fold suites
#   case.CASE             every case of a suite: ok, fail or skip, with
#                         ",splat" when the kernel log matched re (the
#                         gate's patterns) while the case ran, i.e.
#                         between the previous case's result and its own
#   repro.CASE            the same, again, for the z3fold_repro_ cases
#   kunit_failed          the names of every failed case or subtest
#   kunit_expect          the first failed KUnit expectation, one line
#   panic                 the first "Kernel panic" line
# Variables: re, the log gate's patterns as one extended regexp.

{
	sub(/\r$/, "")
	stamp = ""
	if (match($0, /^\[ *[0-9]+\.[0-9]+\] ?/)) {
		stamp = substr($0, 1, RLENGTH)
		$0 = substr($0, RLENGTH + 1)
	}
}

# the first failed KUnit expectation: its lines share one timestamp
expect && stamp == estamp && !/^ *((not )?ok [0-9]|# )/ {
	if ($0 != "") {
		sub(/^ +/, "")
		msg = msg (msg == "" ? "" : " ") $0
	}
	next
}
expect { print "kunit_expect=" msg; expect = 0 }
/EXPECTATION FAILED/ && !estamp { expect = 1; estamp = stamp }

/^z3fold-stress: result pass$/ { print "result=pass" }
/^z3fold-stress: result fail: / {
	sub(/^z3fold-stress: result fail: /, "")
	print "result=fail"
	print "reason=" $0
}
/^z3fold-stress: FAIL / {
	sub(/^z3fold-stress: FAIL /, "")
	gate = $0
	sub(/:.*/, "", gate)
	if (gate !~ /^(data|paths|balance)$/)
		gate = "setup"
	if (!(gate in seen))
		print "fail." gate "=" $0
	seen[gate] = 1
}
/^z3fold-stress: step [a-z]+ / { print "step." $3 "=1" }
/^z3fold-stress: counter [a-z0-9_]+=[0-9]+$/ {
	sub(/^z3fold-stress: counter /, "")
	print "counter." $0
}

/^(not ok|ok) [0-9]+ (- )?z3fold(_repro)?( |$)/ {
	print "suite." $NF "=" ($1 == "ok" ? "ok" : "fail")
}
/^z3fold-stress: / { kunit_done = 1 }
!kunit_done && $0 ~ re { splat = 1 }

# a case of a suite (the results of a parameterised case are deeper)
/^    (not ok|ok) [0-9]+ / {
	res = $1 != "ok" ? "fail" : / # SKIP/ ? "skip" : "ok"
	name = $0
	sub(/ # .*/, "", name)
	sub(/.* /, "", name)
	res = res (splat ? ",splat" : "")
	print "case." name "=" res
	if (name ~ /^z3fold_repro_/)
		print "repro." name "=" res
	splat = 0
}
/^ +not ok [0-9]+ / {
	sub(/^ +not ok [0-9]+ (- )?/, "")
	bad = bad " " $0
}
/Kernel panic - not syncing/ && !panic { print "panic=" $0; panic = 1 }

END {
	if (expect)
		print "kunit_expect=" msg
	if (bad != "")
		print "kunit_failed=" substr(bad, 2)
}
