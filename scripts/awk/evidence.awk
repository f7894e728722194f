# SPDX-License-Identifier: GPL-2.0
#
# The evidence gate of scripts/evidence.sh, on two tab-separated files:
#   records   K, PATCH, RECORD (the KUnit cases of patch K, or "none: why")
#   results   K, CASE, RESULT (ok, fail or skip, ",splat" when the kernel
#             log reported something while the case ran), and K, @boot,
#             done or died
# for prefixes 0 (the base) to n.
#
# A case no record names is checked for regressions (see check_flips) and
# must pass on the whole series.
#
# Each cell of the matrix is ok, fail, skip, splat (the case passed its
# own assertions but the kernel log reported something while it ran),
# died (the guest died in this case: the first case missing from a boot
# that did not finish) or - (no result).
#
# Prints TAP on stdout; writes the matrix to the file `matrix`, the
# first error, one line, to the file `first`, and, when `flips` is set,
# the cases no record names that passed on the base and failed later to
# that file, one a line (evidence.sh boots the base again for them).
# Variables: n, matrix, first, flips.

FNR == NR {
	patch[$1] = $2
	record[$1] = $3
	if ($3 !~ /^none:/) {
		nc = split($3, cs, " ")
		for (i = 1; i <= nc; i++) {
			owner[cs[i]] = owner[cs[i]] ? owner[cs[i]] "," $1 : $1
			if (!(cs[i] in recorded)) {
				recorded[cs[i]] = 1
				order[++ncases] = cs[i]
				known[cs[i]] = 1
			}
		}
	}
	next
}

$2 == "@boot" { died[$1] = $3 == "died"; next }

{
	res = $3
	if (res ~ /,splat$/)
		res = res ~ /^ok/ ? "splat" : substr(res, 1, index(res, ",") - 1)
	cell[$1, $2] = res
	seen[$2] = 1
	if (!($2 in known)) {
		known[$2] = 1
		order[++ncases] = $2
	}
}

function prefix(k) {
	return k == 0 ? "prefix 0 (base)" : "patch " k "/" n " (" patch[k] ")"
}

function result(k, c) {
	return (k, c) in cell ? cell[k, c] : "-"
}

# error K MSG: the TAP line of patch K (0: the whole series) fails.
function error(k, msg) {
	if (!(k in err))
		err[k] = msg
	else
		more[k] = more[k] "\n# " msg
}

# what a cell says, as words
function says(r) {
	if (r == "ok") return "passes"
	if (r == "fail") return "fails"
	if (r == "skip") return "is skipped"
	if (r == "splat") return "passes, but the kernel log reported something while it ran,"
	if (r == "died") return "kills the guest"
	return "has no result"
}

# died in the first case a boot that did not finish left without result
function mark_died(    k, i, c) {
	for (k = 0; k <= n; k++) {
		if (!died[k])
			continue
		for (i = 1; i <= ncases; i++) {
			c = order[i]
			if (c in seen && !((k, c) in cell)) {
				cell[k, c] = "died"
				break
			}
		}
	}
}

function check_record(k, c,    j, r, m, why) {
	if (!(c in seen)) {
		error(k, patch[k] ": case " c " of series/evidence was reported by no boot")
		return
	}
	for (j = 0; j < k; j++) {
		r = result(j, c)
		if (r == "fail" || r == "died")
			continue
		if (r == "ok")
			why = "passes at " prefix(j) ", before its patch"
		else if (r == "splat")
			why = "passes its own assertions at " prefix(j) ", before its patch: only the kernel log shows the bug"
		else if (r == "skip")
			why = "is skipped at " prefix(j)
		else
			why = "has no result at " prefix(j)
		error(k, patch[k] ": reproducer " c " " why)
		return
	}
	for (j = k; j <= n; j++) {
		r = result(j, c)
		if (r == "ok")
			continue
		if (j == k) {
			why = "does not pass at its own patch: it " says(r)
			for (m = n; m > k && result(m, c) == "ok"; m--)
				;
			if (m < n)
				why = why "; it passes from " prefix(m + 1) " on"
		} else {
			why = "passes at its own patch but " says(r) " again at " prefix(j)
		}
		error(j == k ? k : j, patch[k] ": reproducer " c " " why)
		return
	}
}

# A case no record names that passes on the base and fails later is a
# regression, named with both patches.  One that already failed on the
# base may still fail now and then until the last of the bugs it trips
# over is fixed (a stress of threads): its flips are listed, not failed.
function check_flips(c,    j, r) {
	for (j = 1; j <= n; j++) {
		r = result(j, c)
		if (result(j - 1, c) != "ok" || (r != "fail" && r != "died" && r != "splat"))
			continue
		if (result(0, c) == "ok") {
			error(j, "case " c " passes at " prefix(j - 1) " and " says(r) " again at " prefix(j))
			if (flips != "")
				print c > flips
			return
		}
		flaky[c] = flaky[c] sprintf("# case %s %s at %s after passing at %s (it fails on the base too: a race a later patch settles, or a regression; read its log)\n", c, says(r), prefix(j), prefix(j - 1))
	}
}

END {
	mark_died()
	for (k = 1; k <= n; k++) {
		if (record[k] ~ /^none:/)
			continue
		nc = split(record[k], cs, " ")
		for (i = 1; i <= nc; i++)
			check_record(k, cs[i])
	}
	for (i = 1; i <= ncases; i++) {
		c = order[i]
		if (!(c in recorded))
			check_flips(c)
	}
	for (i = 1; i <= ncases; i++) {
		c = order[i]
		r = result(n, c)
		if (c in seen && !(c in recorded) && r != "ok" && r != "skip")
			error(0, "case " c " " says(r) " on the whole series")
	}

	# the matrix: recorded reproducers first, then every other case
	w = 4
	for (i = 1; i <= ncases; i++)
		if (length(order[i]) + 8 > w)
			w = length(order[i]) + 8
	line = sprintf("%-" w "s %5s", "case (patch)", "base")
	for (k = 1; k <= n; k++)
		line = line sprintf(" %5s", k)
	print line > matrix
	for (pass = 1; pass <= 2; pass++)
		for (i = 1; i <= ncases; i++) {
			c = order[i]
			if ((pass == 1) != (c in recorded))
				continue
			name = c in recorded ? c " (" owner[c] ")" : c
			line = sprintf("%-" w "s", name)
			for (k = 0; k <= n; k++)
				line = line sprintf(" %5s", result(k, c))
			print line > matrix
		}
	close(matrix)

	print "TAP version 13"
	print "1.." n + 1
	for (k = 1; k <= n; k++) {
		if (k in err) {
			print "not ok " k " - " patch[k]
			printf "# %s%s\n", err[k], more[k] == "" ? "" : more[k]
		} else if (record[k] ~ /^none:/) {
			print "ok " k " - " patch[k] ": no reproducer (" substr(record[k], 7) ")"
		} else {
			print "ok " k " - " patch[k] ": " record[k] " fails before it, passes from it on"
		}
	}
	if (0 in err) {
		print "not ok " n + 1 " - every case passes on the whole series"
		printf "# %s%s\n", err[0], more[0]
	} else {
		print "ok " n + 1 " - every case passes on the whole series"
	}
	for (i = 1; i <= ncases; i++) {
		c = order[i]
		if (c in recorded || result(0, c) != "fail" || result(n, c) != "ok")
			continue
		for (k = n; k > 0 && result(k - 1, c) == "ok"; k--)
			;
		print "# case " c " first passes at " prefix(k) ", which no record names"
	}
	for (i = 1; i <= ncases; i++)
		printf "%s", flaky[order[i]]
	while ((getline line < matrix) > 0)
		print "# " line
	for (k = 1; k <= n + 1; k++)
		if (k % (n + 1) in err) {
			print err[k % (n + 1)] > first
			break
		}
}
