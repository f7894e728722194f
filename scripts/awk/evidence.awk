# SPDX-License-Identifier: GPL-2.0
#
# The evidence gate of scripts/evidence.sh, on two tab-separated files:
#   records   K, PATCH, RECORD (the KUnit cases of patch K, or "none: why")
#   results   K, CASE, RESULT (ok, fail or skip, ",splat" when the kernel
#             log reported something while the case ran), and K, @boot,
#             done or died, and K, @died, CASE (the case a boot died in),
#             for prefixes 0 (the base) to n; then rows of boots again:
#             K, CASE, RESULT, alone (the case alone: it fills a cell a
#             boot that died in another case left empty) and K, CASE,
#             RESULT, again (a whole boot once more, for a flip); a
#             RESULT of - (the boot never ran the case) tells nothing
#
# A case no record names is checked for regressions (see check_flips) and
# must pass on the whole series.
#
# Each cell of the matrix is ok, fail, skip, splat (the case passed its
# own assertions but the kernel log reported something while it ran),
# died (the guest died in this case: the case it started last, or when
# the log does not say, the first case missing from a boot that did not
# finish) or - (no result).
#
# Prints TAP on stdout; writes the matrix to the file `matrix`, the
# first error, one line, to the file `first`, and, when `flips` is set
# and no boot again was made, each flip of a case no record names that
# passed on the base and failed later to that file, as CASE<TAB>K
# (evidence.sh boots the base and prefix K again for them).
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
$2 == "@died" { died_in[$1] = $3; next }

$3 == "-" { next }

{
	res = $3
	if (res ~ /,splat$/)
		res = res ~ /^ok/ ? "splat" : substr(res, 1, index(res, ",") - 1)
	if ($4 == "again") {
		again[$1, $2] = res
		next
	}
	if ($4 == "alone" && ($1, $2) in cell)
		next
	cell[$1, $2] = res
	add_case($2)
}

function add_case(c) {
	seen[c] = 1
	if (!(c in known)) {
		known[c] = 1
		order[++ncases] = c
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

# died in the case a boot that did not finish started last, or if the
# log does not name it, in the first case it left without result
function mark_died(    k, i, c) {
	for (k = 0; k <= n; k++) {
		if (!died[k])
			continue
		if (k in died_in) {
			if (!((k, died_in[k]) in cell)) {
				cell[k, died_in[k]] = "died"
				add_case(died_in[k])
			}
			continue
		}
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
# regression, named with both patches, when a boot of each once more
# gives the same.  One that fails on the base too may still fail now and
# then until the last of the bugs it trips over is fixed (a stress of
# threads), and one whose failure does not repeat was a race: their flips
# are listed, not failed.
function check_flips(c,    j, r, base_ok, named) {
	base_ok = result(0, c) == "ok" && (!((0, c) in again) || again[0, c] == "ok")
	for (j = 1; j <= n; j++) {
		r = result(j, c)
		if (result(j - 1, c) != "ok" || (r != "fail" && r != "died" && r != "splat"))
			continue
		if (!base_ok) {
			flaky[c] = flaky[c] sprintf("# case %s %s at %s after passing at %s (it fails on the base too: a race a later patch settles, or a regression; read its log)\n", c, says(r), prefix(j), prefix(j - 1))
		} else if ((j, c) in again && again[j, c] == "ok") {
			flaky[c] = flaky[c] sprintf("# case %s %s at %s after passing at %s, and passes there when booted again: a race; read its log\n", c, says(r), prefix(j), prefix(j - 1))
		} else if (!((0, c) in again)) {
			if (!named)
				error(j, "case " c " passes at " prefix(j - 1) " and " says(r) " again at " prefix(j))
			named = 1
			if (flips != "")
				print c "\t" j > flips
		} else {
			error(j, "case " c " passes at " prefix(j - 1) " and " says(r) " again at " prefix(j) ", and when both are booted once more")
			return
		}
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
		if ((n, c) in again && again[n, c] == "ok" && result(0, c) == "ok")
			continue
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
