# SPDX-License-Identifier: GPL-2.0
#
# The scoring of scripts/cocci-eval.sh: which corpus cases a rule finds in
# the buggy function (before the fix) and keeps quiet about once fixed.
# Input, one tab-separated record per line, kind first:
#   case     ID CLASS PATH FUNC STATE   STATE: ok, or missing
#   range    ID SIDE NAME START END     function definitions of PATH
#   finding  SIDE RULE ID PATH LINE MSG
#   failure  SIDE RULE ID PATH KIND NAME KIND: function (NAME not parsed),
#                                        timeout or failed (file given up)
#   checked  SIDE RULE ID PATH          the rule ran on this file
# SIDE is before or after; PATH is relative to the case's side.
# A case is FOUND when a finding of one of its class's rules (-v ran:
# the rules run, each of the class its name starts with: kref_balance is
# of kref, list_walk of list) lies in FUNC in the before file, QUIET when none lies in
# FUNC in the after file. Only findings of the tiers a report shows count
# (awk -v tiers=: COCCI_TIERS, "high,moderate" by default; a message
# without a "[Tier]" is Moderate, list_del_init's confidence).
# Prints one row per case (with a reason for each miss), then the counts
# per class, and the counts when every tier counts.

BEGIN {
	FS = "\t"
	# -v ran: the rules the runs ran; a rule's class is its name's
	# first word (kref_balance: kref)
	nran = split(ran, names, " ")
	for (i = 1; i <= nran; i++) {
		cl = names[i]
		sub(/_.*/, "", cl)
		class_of[names[i]] = cl
		if (cl in rules)
			rules[cl] = rules[cl] ", " names[i]
		else
			rules[cl] = names[i]
	}
	why_unchecked["kref"] = "no kref call, known wrapper or iterator in it"
	why_unchecked["list"] = "no list_del or list walk in it"
	if (tiers == "")
		tiers = "high,moderate"
	nt = split(tolower(tiers), tl, ",")
	for (i = 1; i <= nt; i++)
		shown[tl[i]] = 1
}

$1 == "case" {
	n++; id[n] = $2; class[$2] = $3; path[$2] = $4; func[$2] = $5
	state[$2] = $6
	next
}
$1 == "range" {
	k = $2 SUBSEP $3
	nr[k]++; rname[k, nr[k]] = $4; rs[k, nr[k]] = $5; re[k, nr[k]] = $6
	next
}
# findings, failures and checked files of a side count for the class of
# the rule (RULE is that class from here on)
$1 == "finding" || $1 == "failure" || $1 == "checked" { $3 = class_of[$3] }
$1 == "finding" {
	k = $2 SUBSEP $3 SUBSEP $4
	nf[k]++; fpath[k, nf[k]] = $5; fline[k, nf[k]] = $6; fmsg[k, nf[k]] = $7
	ftier[k, nf[k]] = match($7, /^\[[A-Za-z]+\]/) ? tolower(substr($7, 2, RLENGTH - 2)) : "moderate"
	next
}
$1 == "failure" {
	k = $2 SUBSEP $3 SUBSEP $4 SUBSEP $5
	if ($6 == "function")
		badfunc[k, $7] = 1
	else
		gaveup[k] = $6
	next
}
$1 == "checked" { checked[$2, $3, $4, $5] = 1; next }

# the function of case c's file on side s containing line l, or ""
function func_at(c, s, l,    k, i) {
	k = c SUBSEP s
	for (i = 1; i <= nr[k]; i++)
		if (rs[k, i] <= l && l <= re[k, i])
			return rname[k, i]
	return ""
}

# has_range(c, s): whether FUNC is defined in case c's file on side s
function has_range(c, s,    k, i) {
	k = c SUBSEP s
	for (i = 1; i <= nr[k]; i++)
		if (rname[k, i] == func[c])
			return 1
	return 0
}

# hits(c, s, every): findings of c's rules in FUNC of c's file on side s,
# of the shown tiers or, with EVERY, of any; sets OTHER (functions or
# files with findings elsewhere) and FIRSTMSG
function hits(c, s, every,    k, i, h, g, seen) {
	k = s SUBSEP class[c] SUBSEP c
	h = 0; OTHER = ""; FIRSTMSG = ""
	for (i = 1; i <= nf[k]; i++) {
		if (!every && !("all" in shown) && !(ftier[k, i] in shown))
			continue
		if (fpath[k, i] != path[c]) {
			g = "file " fpath[k, i]
		} else {
			g = func_at(c, s, fline[k, i])
			if (g == func[c]) {
				if (!h++)
					FIRSTMSG = fmsg[k, i]
				continue
			}
			g = g == "" ? "top level" : g "()"
		}
		if (!(g in seen)) {
			seen[g] = 1
			OTHER = OTHER (OTHER == "" ? "" : ", ") g
		}
	}
	return h
}

# why(c, s): why case c's rules report nothing in FUNC on side s
function why(c, s,    r, k) {
	r = class[c]
	k = s SUBSEP r SUBSEP c SUBSEP path[c]
	if (!has_range(c, s))
		return "function " func[c] "() not found in " path[c]
	if (gaveup[k] == "timeout")
		return "rule timed out"
	if (gaveup[k] != "")
		return "spatch gave up on the file"
	if ((k, func[c]) in badfunc)
		return "spatch parse failure in " func[c] "()"
	if (!((s, r, c, path[c]) in checked))
		return "file not checked: " why_unchecked[r]
	if (OTHER != "")
		return "finding in other function " OTHER
	if (hits(c, s, 1))
		return "only a hidden tier's finding: " FIRSTMSG
	if (OTHER != "")
		return "only a hidden tier's findings, in other function " OTHER
	return "no finding"
}

function pct(a, b) { return b ? sprintf("%d%%", 100 * a / b + 0.5) : "-" }

END {
	printf "%-28s %-5s %-5s %-5s %s\n", "case", "class", "found", "quiet", "reason"
	for (i = 1; i <= n; i++) {
		c = id[i]; cl = class[c]
		classes[cl] = 1
		if (state[c] != "ok") {
			missing[cl]++
			printf "%-28s %-5s %-5s %-5s %s\n", c, cl, "-", "-", "missing"
			continue
		}
		total[cl]++
		reason = ""
		if (hits(c, "before", 1))
			efound[cl]++
		if (has_range(c, "after") && !hits(c, "after", 1))
			equiet[cl]++
		if (hits(c, "before")) {
			f = "yes"; nfound[cl]++
		} else {
			f = "no"; reason = "found: " why(c, "before")
		}
		if (!has_range(c, "after")) {
			q = "no"
			reason = reason (reason == "" ? "" : "; ") "quiet: " why(c, "after")
		} else if (hits(c, "after")) {
			q = "no"
			reason = reason (reason == "" ? "" : "; ") \
				"quiet: still reported after the fix: " FIRSTMSG
		} else {
			q = "yes"; nquiet[cl]++
		}
		row = sprintf("%-28s %-5s %-5s %-5s %s", c, cl, f, q, reason)
		sub(/ +$/, "", row)
		print row
	}
	print ""
	nc = split("kref list", order, " ")
	for (cl in classes)
		if (cl != "kref" && cl != "list")
			order[++nc] = cl
	for (j = 1; j <= nc; j++) {
		cl = order[j]
		if (!(cl in classes))
			continue
		t = total[cl] + 0
		printf "%s (%s): %d case(s): found %d/%d (%s), quiet %d/%d (%s)%s; every tier: found %d, quiet %d\n", \
			cl, rules[cl], t, nfound[cl], t, pct(nfound[cl], t), \
			nquiet[cl], t, pct(nquiet[cl], t), \
			missing[cl] ? ", " missing[cl] " missing" : "", efound[cl], equiet[cl]
	}
}
