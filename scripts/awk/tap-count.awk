# SPDX-License-Identifier: GPL-2.0
#
# One suite's TAP counted: prints "PASSED FAILED SKIPPED PLAN", where an
# "ok ... # SKIP" line is skipped, not passed, and PLAN is "ok" when the
# suite printed exactly one plan "1..N" (first or last) and N test lines,
# else what is wrong ("missing", "1..N for M tests", "printed twice").
# A nested suite's lines (indented) are not counted.
/^ok / {
	if ($0 ~ /# [Ss][Kk][Ii][Pp]([ \t]|$)/)
		skipped++
	else
		passed++
}
/^not ok / {
	failed++
}
/^1\.\.[0-9]+/ {
	plans++
	planned = substr($1, 4) + 0
}
END {
	tests = passed + failed + skipped
	if (plans == 0)
		plan = "missing"
	else if (plans > 1)
		plan = "printed twice"
	else if (planned != tests)
		plan = "1.." planned " for " tests " tests"
	else
		plan = "ok"
	printf "%d %d %d %s\n", passed, failed, skipped, plan
}
