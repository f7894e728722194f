# SPDX-License-Identifier: GPL-2.0
#
# make check's reports, rendered from $O/results.tsv (scripts/check.sh):
# one row per stage, tab separated: stage, status (PASS FAIL SKIP
# TIMEOUT ERROR), exit code, seconds, one-line reason, log, the command
# that reruns it; lines starting with # are comments.
#   -v format=table|tap|xml  what to print
#   -v base=TEXT             the base line, if the base was resolved
#   -v matrix=FILE           the evidence matrix, shown with the evidence
#                            stage when that stage ran (may be empty)
#   -v flavour=F -v report=FILE -v state=complete|interrupted
# The reason and the matrix come cleaned of control bytes (check.sh).
BEGIN {
	FS = "\t"
}
/^#/ {
	next
}
{
	n++
	stage[n] = $1; status[n] = $2; secs[n] = $4
	reason[n] = $5; log_of[n] = $6; cmd[n] = $7
	total += $4
	if (status[n] != "PASS" && status[n] != "SKIP")
		fails++
	if (status[n] != "PASS")
		verdict = "FAIL"
}
function xml(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	return s
}
# matrix_of(i): the evidence matrix when stage i is the evidence stage and
# ran; "" otherwise.
function matrix_of(i,    line, text) {
	if (stage[i] != "evidence" || status[i] == "SKIP" || matrix == "")
		return ""
	while ((getline line < matrix) > 0)
		text = text line "\n"
	close(matrix)
	return text
}
function prefixed(text, p) {
	gsub(/\n/, "\n" p, text)
	sub(p "$", "", text)
	return p text
}
function tap(    i, m) {
	printf "TAP version 13\n1..%d\n", n
	if (base != "")
		printf "# %s\n", base
	for (i = 1; i <= n; i++) {
		if (status[i] == "PASS")
			printf "ok %d - %s\n", i, stage[i]
		else if (status[i] == "SKIP")
			printf "ok %d - %s # SKIP %s\n", i, stage[i], reason[i]
		else
			printf "not ok %d - %s\n# %s\n# log: %s\n# rerun: %s\n",
				i, stage[i], reason[i], log_of[i], cmd[i]
		if ((m = matrix_of(i)) != "")
			printf "%s", prefixed(m, "# ")
	}
	if (state == "interrupted")
		print "# make check was interrupted: stages after the last row did not run"
}
function junit(    i, m) {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	printf "<testsuite name=\"make check\" tests=\"%d\" failures=\"%d\" time=\"%d\">\n",
		n, fails, total
	printf "  <properties><property name=\"base\" value=\"%s\"/>", xml(base)
	printf "<property name=\"state\" value=\"%s\"/></properties>\n", state
	for (i = 1; i <= n; i++) {
		printf "  <testcase classname=\"check\" name=\"%s\" time=\"%d\">", stage[i], secs[i]
		if (status[i] == "SKIP")
			printf "<skipped message=\"%s\"/>", xml(reason[i])
		else if (status[i] != "PASS")
			printf "<failure message=\"%s\">log: %s&#10;rerun: %s</failure>",
				xml(status[i] ": " reason[i]), xml(log_of[i]), xml(cmd[i])
		if ((m = matrix_of(i)) != "")
			printf "<system-out>%s</system-out>", xml(m)
		print "</testcase>"
	}
	print "</testsuite>"
}
function table(    i, m) {
	print ""
	if (base != "")
		print base
	printf "%-11s %-8s %6s  %s\n", "stage", "result", "time", "log"
	for (i = 1; i <= n; i++) {
		printf "%-11s %-8s %5ss  %s\n", stage[i], status[i], secs[i], log_of[i]
		if (status[i] != "PASS" && reason[i] != "")
			printf "            %s\n", reason[i]
		if (status[i] != "PASS" && status[i] != "SKIP")
			printf "            rerun: %s\n", cmd[i]
		if ((m = matrix_of(i)) != "")
			matrix_text = m
	}
	if (matrix_text != "")
		printf "\nevidence (a KUnit boot per prefix; ok, fail, skip, splat, died):\n%s",
			prefixed(matrix_text, "  ")
	if (state == "interrupted")
		verdict = "INTERRUPTED"
	printf "make check: %s (flavour %s; report: %s)\n", verdict == "" ? "PASS" : verdict,
		flavour, report
}
END {
	if (format == "tap")
		tap()
	else if (format == "xml")
		junit()
	else
		table()
}
