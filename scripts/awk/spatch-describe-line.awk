# SPDX-License-Identifier: GPL-2.0
#
# The top-level construct (function, macro, declaration) of a C file that
# contains line L (-v L=N): prints "KIND<tab>NAME<tab>LINE", KIND one of
# function, macro, declaration, "top level", LINE where it starts.

# name called or declared at parenthesis depth 0, the last one before
# the body: "static __realloc_size(2) void *f(int x)" gives "f"
function fname(text,    i, c, d, id, ws, last) {
	d = 0; id = ""; ws = 0; last = ""
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (c == "{" && d == 0)
			break
		if (c ~ /[A-Za-z0-9_]/) {
			if (ws) { id = ""; ws = 0 }
			id = id c
			continue
		}
		if (c ~ /[ \t]/) { ws = 1; continue }
		ws = 0
		if (c == "(") { if (d == 0 && id != "") last = id; d++ }
		else if (c == ")") d--
		id = ""
	}
	return last
}
function decide(text,    i, n, name, s) {
	i = index(text, "{"); n = index(text, ";")
	name = fname(text)
	if (i > 0 && (n == 0 || i < n) && name != "" &&
	    substr(text, 1, i) !~ /=/)
		return "function\t" name "()"
	s = cand
	sub(/[ \t]*[{=;].*$/, "", s)
	return "declaration\t" s
}
pending && NR > L + 50 { what = decide(text); pending = 0; exit }
!pending && NR > L { exit }
pending {
	text = text " " $0
	if (index($0, "{") || index($0, ";")) { what = decide(text); pending = 0 }
	next
}
/^[A-Za-z_][A-Za-z0-9_]*:/ { next }		# label
/^#[ \t]*define[ \t]+[A-Za-z_]/ {
	s = $0; sub(/^#[ \t]*define[ \t]+/, "", s)
	match(s, /^[A-Za-z_][A-Za-z0-9_]*/)
	what = "macro\t" substr(s, 1, RLENGTH); at = NR; next
}
/^#/ { next }
/^[A-Za-z_]/ {
	at = NR; cand = $0; text = $0
	if (index($0, "{") || index($0, ";"))
		what = decide(text)
	else
		pending = 1
}
END {
	if (pending)
		what = decide(text)
	if (what == "")
		print "top level\t-\t" L
	else
		print what "\t" at
}
