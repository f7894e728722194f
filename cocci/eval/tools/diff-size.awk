# SPDX-License-Identifier: GPL-2.0
#
# diff-size.awk: "+A -R" for unified diffs on stdin or in the files
# given: the lines their hunks add and remove. Each hunk is read for as
# many lines as its @@ header counts, so a file header (---, +++) or a
# mail's text between the hunks is never taken for a change. Read by
# verify.sh.
function count(s) { return s == "" ? 1 : substr(s, 2) + 0 }
in_hunk == 0 && /^@@ -[0-9]+(,[0-9]+)? \+[0-9]+(,[0-9]+)? @@/ {
	match($2, /,[0-9]+$/)
	old = count(RSTART ? substr($2, RSTART) : "")
	match($3, /,[0-9]+$/)
	new = count(RSTART ? substr($3, RSTART) : "")
	in_hunk = old + new > 0
	next
}
in_hunk {
	c = substr($0, 1, 1)
	if (c == "+") { added++; new-- }
	else if (c == "-") { removed++; old-- }
	else if (c == "\\") { next }
	else { old--; new-- }
	in_hunk = old > 0 || new > 0
}
END { printf "+%d -%d\n", added, removed }
