# SPDX-License-Identifier: GPL-2.0
#
# The function definitions of a C file in kernel style, one per line:
#   NAME<TAB>START<TAB>END
# START is the first line of the definition (where its return type or name
# begins, in column 0), END the line of the closing "}" in column 0.
#
# A definition is a run of lines starting in column 0 with an identifier
# that reaches a "{" before any ";", has a "(" and no "=" before that "(":
# prototypes, initialisers, struct and enum bodies are not functions. The
# name is the last identifier before the first "(" at parenthesis depth 0
# (so "static void __init foo(void)" gives foo, SYSCALL_DEFINE3(...) gives
# SYSCALL_DEFINE3). Preprocessor lines and labels are skipped. A body
# closed on the line that opens it ("static inline void foo(void) { }",
# "struct s { int a; };") ends there.

function reset() { head = ""; start = 0 }

# the last identifier before the first "(" at depth 0 of text, or ""
function fname(text,    i, c, id, last) {
	id = ""; last = ""
	for (i = 1; i <= length(text); i++) {
		c = substr(text, i, 1)
		if (c ~ /[A-Za-z0-9_]/) { id = id c; continue }
		if (c == "(")
			return id != "" ? id : last
		if (id != "") { last = id; id = "" }
	}
	return ""
}

# 1 when the braces of text, from its first "{" on, are all closed
function closed(text,    i, c, d) {
	d = 0
	for (i = index(text, "{"); i <= length(text); i++) {
		c = substr(text, i, 1)
		if (c == "{")
			d++
		else if (c == "}" && --d == 0)
			return 1
	}
	return 0
}

function decide(    b, s, p, e) {
	b = index(head, "{"); s = index(head, ";")
	if (s > 0 && (b == 0 || s < b)) { reset(); return }
	if (b == 0)
		return				# not decided yet
	p = index(head, "("); e = index(head, "=")
	if (p > 0 && p < b && (e == 0 || e > p) && (name = fname(head)) != "")
		infunc = 1
	else
		skipbody = 1			# struct/enum/initialiser body
	bodystart = start
	if (closed(head)) {
		if (infunc)
			printf "%s\t%d\t%d\n", name, bodystart, FNR
		infunc = 0; skipbody = 0
	}
	reset()
}

infunc {
	if (/^}/) {
		printf "%s\t%d\t%d\n", name, bodystart, FNR
		infunc = 0; reset()
	}
	next
}
skipbody {
	if (/^}/) { skipbody = 0; reset() }
	next
}
/^[ \t]*#/ { next }
start {
	head = head " " $0
	decide()
	next
}
/^[A-Za-z_][A-Za-z0-9_]*:/ && !/::/ { next }	# label
/^[A-Za-z_]/ {
	start = FNR; head = $0
	decide()
}
