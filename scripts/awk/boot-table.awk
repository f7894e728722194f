# SPDX-License-Identifier: GPL-2.0
#
# The boot test's table (scripts/boot.sh): the kernels side by side, one
# column each, from their parsed results (the files, in order; labels=
# their names). Rows: result, time_s, kunit (ok when every suite of
# suites= passed, fail when one failed, - when one did not report), then
# the reproducer cases and the counters, as any kernel reported them. Each
# line is a TAP diagnostic ("# ").

FNR == 1 { col++ }

{
	i = index($0, "=")
	if (i < 2)
		next
	k = substr($0, 1, i - 1)
	if (!((col, k) in val))
		val[col, k] = substr($0, i + 1)
	if (k ~ /^repro\.[a-z0-9_]+$/ && !(k in seen))
		repro[++nrepro] = k
	else if (k ~ /^counter\.[a-z0-9_]+$/ && !(k in seen))
		counter[++ncounter] = k
	seen[k] = 1
}

# row_name(key): how the table names a parsed key
function row_name(k) {
	if (k ~ /^repro\./)
		return "repro: " substr(k, length("repro.z3fold_repro_") + 1)
	if (k ~ /^counter\./)
		return substr(k, length("counter.") + 1)
	return k
}

# kunit(c): column c's KUnit result
function kunit(c,    i, v, r) {
	r = "ok"
	for (i = 1; i <= nsuites; i++) {
		v = val[c, "suite." suite[i]]
		if (v == "")
			return ""
		if (v != "ok")
			r = "fail"
	}
	return r
}

END {
	nlabels = split(labels, label, " ")
	nsuites = split(suites, suite, " ")
	nrows = split("result time_s kunit", row, " ")
	for (i = 1; i <= nrepro; i++)
		row[++nrows] = repro[i]
	for (i = 1; i <= ncounter; i++)
		row[++nrows] = counter[i]
	width = 22
	for (r = 1; r <= nrows; r++)
		if (length(row_name(row[r])) > width)
			width = length(row_name(row[r]))
	line = sprintf("# %-" width "s", "counter")
	for (c = 1; c <= nlabels; c++)
		line = line sprintf(" %14s", label[c])
	print line
	for (r = 1; r <= nrows; r++) {
		line = sprintf("# %-" width "s", row_name(row[r]))
		for (c = 1; c <= nlabels; c++) {
			v = row[r] == "kunit" ? kunit(c) : val[c, row[r]]
			line = line sprintf(" %14s", v == "" ? "-" : v)
		}
		print line
	}
}
