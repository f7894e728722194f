# SPDX-License-Identifier: GPL-2.0
#
# The boot test's console log as KEY=VALUE lines (parse_log of
# scripts/lib/boot-gates.sh; tests/boot/run.sh feeds it canned logs):
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
#   ktap                  1: KUnit printed a KTAP header
#   started.SUITE         1: the suite printed its "# Subtest:" header
#   last_started.SUITE    the last case of it that started ("# CASE:
#                         started", test overlay 0003, or a parameterised
#                         case's "# Subtest: CASE")
#   last_done.SUITE, done.SUITE  its last case with a result, how many
#   panic                 the first "Kernel panic" line
#   report                the first report the log gate matches (the
#                         panic line aside), named: "WARNING at FILE:LINE
#                         in FUNC", "BUG: KASAN: KIND in FUNC", ..., with
#                         the top z3fold/zswap frame of its call trace
#   panic_report          the report that led to the panic: the first
#                         since the guest last showed progress (a KUnit
#                         case starting or ending, a line of the stress)
#   first_report          report, or the first failed KUnit expectation
#                         when that came first
#   stack                 where a stuck task is: from the hung-task and
#                         soft-lockup reports and the sysrq dumps (t, w,
#                         l), the first task whose stack has a z3fold or
#                         zswap frame: "hang: task T blocked in F <- C";
#                         else the first hung task or lockup, named by
#                         its top frame that is not a wait or lock
#   stacks                how many task stacks the log holds
# Variables: re, the log gate's patterns as one extended regexp.
# The functions that name a report or a stack, and the frame patterns,
# are in scripts/awk/boot-report.awk, given first (-f) on awk's command
# line; the rules here are one pass over the log, in order.

{
	sub(/\r$/, "")
	stamp = ""
	if (match($0, /^\[ *[0-9]+\.[0-9]+\] ?/)) {
		stamp = substr($0, 1, RLENGTH)
		$0 = substr($0, RLENGTH + 1)
	}
}

# ---- reports, named -------------------------------------------------------

# progress: what comes after it is a new burst of reports
/^    (not )?ok [0-9]+ |^    # [A-Za-z0-9_]+: started$|^ *# Subtest: |^z3fold-stress: / {
	if (rep == 1)
		burst_reset = 1
	else
		burst = ""
}

# the panic ends the report it interrupts
/Kernel panic - not syncing/ && !panic {
	if (rep == 1)
		name_report()
	print "panic_report=" burst
}

rep != 1 && $0 ~ re && !/Kernel panic/ {
	rep = 1
	rhead = $0
	rlines = nrframes = rirq = 0
	rwarn = rwfunc = rrip = ""
	delete rframes
	if (!rorder)
		rorder = ++order
	rburst = burst == ""
}

# Collect what follows a report's line until its call trace ends.
rep == 1 {
	rlines++
	# "at FILE:LINE FUNC+off/size", or "at FUNC+off/size" without a file
	if (/^WARNING: CPU: [0-9]+ PID: [0-9]+ at [^ ]+/ && rwfunc == "") {
		rwfunc = $7 ~ /\+0x/ ? $7 : $8
		rwfunc = fname(rwfunc)
		rwarn = $7 ~ /\+0x/ ? "" : relpath($7)
	}
	# the function the report stopped in: the innermost frame
	if (/^RIP: [0-9a-f]+:[A-Za-z_][A-Za-z0-9_.]*\+0x/ && rrip == "") {
		rrip = $2
		sub(/^[0-9a-f]+:/, "", rrip)
		rrip = fname(rrip)
		if (!nrframes)
			rframes[++nrframes] = rrip
	}
	if (/^ *<(IRQ|NMI|SOFTIRQ)>$/)
		rirq = 1
	if (/^ *<\/(IRQ|NMI|SOFTIRQ)>$/)
		rirq = 0
	if (is_frame() && !rirq && $1 != "?")
		rframes[++nrframes] = fname($1)
	if (/---\[ end trace/ || (/^ *<\/TASK>$/ && nrframes) ||
	    (/^=====+$/ && rlines > 1) || rlines > 150)
		name_report()
}

# ---- stacks of stuck tasks ------------------------------------------------

/^INFO: task .* blocked for more than [0-9]+ seconds/ {
	start_stack("hung", hung_task_name($0), "D")
}
/^task:.* state:[A-Z]/ {
	t = $0
	sub(/^task:/, "", t)
	sub(/ +state:.*/, "", t)
	s = $0
	sub(/.* state:/, "", s)
	s = substr(s, 1, 1)
	# the hung-task report's own task line
	if (!(sk == "hung" && !nsframes && t == stask))
		start_stack("dump", t, s)
}
/watchdog: BUG: soft lockup - CPU#[0-9]+ stuck for/ {
	t = $0
	sub(/.*\[/, "", t)
	sub(/:[0-9]+\]$/, "", t)
	start_stack("lockup", t, "R")
}
/^NMI backtrace for cpu [0-9]+$/ { start_stack("nmi", "", "R") }
sk != "" && stask == "" && /^CPU: [0-9]+ PID: [0-9]+ Comm: / { stask = $6 }
sk != "" && /^RIP: [0-9a-f]+:[A-Za-z_]/ && !nsframes {
	t = $2
	sub(/^[0-9a-f]+:/, "", t)
	t = fname(t)
	if (t !~ WAIT_FRAME)
		sframes[++nsframes] = t
}
sk != "" && /^ *<(IRQ|NMI|SOFTIRQ)>$/ { sirq = 1 }
sk != "" && /^ *<\/(IRQ|NMI|SOFTIRQ)>$/ { sirq = 0 }
sk != "" && !sirq && $1 != "?" && is_frame() { sframes[++nsframes] = fname($1) }
sk != "" && /^ *<\/TASK>$/ && nsframes { end_stack() }

# ---- the guest program ------------------------------------------------------

# the first failed KUnit expectation: its lines share one timestamp
expect && stamp == estamp && !/^ *((not )?ok [0-9]|# )/ {
	if ($0 != "") {
		sub(/^ +/, "")
		msg = msg (msg == "" ? "" : " ") $0
	}
	next
}
expect { print "kunit_expect=" msg; expect = 0 }
/(EXPECTATION|ASSERTION) FAILED/ && !estamp {
	expect = 1
	estamp = stamp
	eorder = ++order
	sub(/^ *# /, "")
	if (match($0, / at [^ ]+:[0-9]+/))
		$0 = substr($0, 1, RSTART + 3) relpath(substr($0, RSTART + 4))
	msg = $0
	next
}

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

# ---- KUnit ------------------------------------------------------------------

/^ *KTAP version [0-9]+$/ { ktap = 1 }
/^    # Subtest: [A-Za-z0-9_]+$/ {
	suite = $3
	started[suite] = 1
	order_suites[++nsuites] = suite
}
/^(not ok|ok) [0-9]+ (- )?z3fold(_repro)?( |$)/ {
	print "suite." $NF "=" ($1 == "ok" ? "ok" : "fail")
}
suite != "" && /^    # [A-Za-z0-9_]+: started$/ {
	last_started[suite] = $2
	sub(/:$/, "", last_started[suite])
}
suite != "" && /^        # Subtest: [A-Za-z0-9_]+$/ { last_started[suite] = $3 }
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
	if (suite != "") {
		last_done[suite] = name
		done[suite]++
	}
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
	if (rep == 1)
		name_report()
	if (eorder && (!rorder || eorder < rorder)) {
		print "first_report=KUnit " msg
	} else if (report != "") {
		print "first_report=" report
	}
	end_stack()
	if (stack_z3 != "")
		print "stack=" stack_z3
	else if (stack_any != "")
		print "stack=" stack_any
	else if (nstacks)
		print "stack=no z3fold or zswap frame in " nstacks " dumped stack(s)"
	print "stacks=" nstacks + 0
	if (ktap)
		print "ktap=1"
	for (i = 1; i <= nsuites; i++) {
		s = order_suites[i]
		print "started." s "=1"
		if (s in last_started)
			print "last_started." s "=" last_started[s]
		if (s in last_done)
			print "last_done." s "=" last_done[s]
		print "done." s "=" done[s] + 0
	}
}
