# SPDX-License-Identifier: GPL-2.0
#
# The iterators of a tree that hold a reference on their loop variable:
# macros "#define for_each_X(..., V, ...)" (any name with for_each in it,
# continuation lines joined) whose loop header assigns V the result of a
# returning getter of the kref wrapper list that is passed V itself:
#   for (V = G(a, NULL); V != NULL; V = G(a, V))
#   while ((V = G(a, V)) != NULL)
# G returns the next object with a reference taken and puts the one it is
# given, so the body holds a reference on V that leaving the loop early
# keeps. A macro that is another such iterator with V at its loop
# variable's place (for_each_X(a, V) for_each_Y(NULL, a, V)) is one too.
# A header declaring V itself (the _scoped iterators, freed by __free()) is
# not: V is not a parameter there.
#
# Usage: awk -f kref-iterators.awk WRAPPERS FILE...
# WRAPPERS: pass 1's list ("KIND NAME WHERE...": its rget names are the
# getters); FILE: C sources, named as the output should name them.
# Output, one line per iterator: "iter NAME FILE:LINE ARG", ARG the
# macro argument (from 1) that is the loop variable.

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# the index of the ")" closing the "(" at index i of s, or 0
function closing(s, i,    d, c) {
	d = 0
	for (; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "(")
			d++
		else if (c == ")" && --d == 0)
			return i
	}
	return 0
}

# s without the parentheses around all of it: "((a))" is "a"
function bare(s) {
	s = trim(s)
	while (substr(s, 1, 1) == "(" && closing(s, 1) == length(s))
		s = trim(substr(s, 2, length(s) - 2))
	return s
}

# split s at the characters sep outside parentheses into parts[1..n]
function split0(s, sep, parts,    i, d, c, n, from) {
	d = 0; n = 0; from = 1
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "(")
			d++
		else if (c == ")")
			d--
		else if (c == sep && d == 0) {
			parts[++n] = trim(substr(s, from, i - from))
			from = i + 1
		}
	}
	parts[++n] = trim(substr(s, from))
	return n
}

# whether word w occurs in s as a word
function has_word(s, w,    i, rest, before, after) {
	rest = s
	while ((i = index(rest, w)) > 0) {
		before = i > 1 ? substr(rest, i - 1, 1) : " "
		after = substr(rest, i + length(w), 1)
		if (before !~ /[A-Za-z0-9_]/ && after !~ /[A-Za-z0-9_]/)
			return 1
		rest = substr(rest, i + length(w))
	}
	return 0
}

# the argument number of the loop variable that text advances with a
# getter (an assignment "V = G(..., V, ...)", V a parameter), or 0
function advance(text,    t, v, g, shut, args) {
	t = text
	while (match(t, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\)?[ \t]*=[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
		v = substr(t, RSTART, RLENGTH)
		t = substr(t, RSTART + RLENGTH)
		g = v
		sub(/[ \t]*\($/, "", g)
		sub(/^.*=[ \t]*/, "", g)
		sub(/[ \t]*\)?[ \t]*=.*$/, "", v)
		shut = closing("(" t, 1)
		args = substr(t, 1, shut - 2)
		if ((g in rget) && (v in param) && has_word(args, v))
			return param[v]
	}
	return 0
}

# the macro text collected in mtext, defined at mfile:mline
function macro(    t, i, name, nparam, p, k, body, hdr, parts, n, init, v) {
	t = mtext
	gsub(/\/\*([^*]|\*+[^*\/])*\*+\//, " ", t)
	gsub(/[ \t]+/, " ", t)
	sub(/^[ \t]*#[ \t]*define[ \t]+/, "", t)
	i = index(t, "(")
	name = substr(t, 1, i - 1)
	if (name !~ /for_each/)
		return
	k = closing(t, i)
	if (!k)
		return
	delete param
	nparam = split(substr(t, i + 1, k - i - 1), p, ",")
	for (i = 1; i <= nparam; i++)
		param[trim(p[i])] = i
	body = trim(substr(t, k + 1))
	if (match(body, /^(for|while)[ \t]*\(/)) {
		i = RLENGTH
		k = closing(body, i)
		if (!k)
			return
		hdr = substr(body, i + 1, k - i - 1)
		v = advance(hdr)
		if (!v)
			return
		if (body ~ /^for/) {
			# the init assigns the loop variable, it declares nothing
			n = split0(hdr, ";", parts)
			init = bare(parts[1])
			if (n != 3 || (init != "" && !match(init, /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=[^=]/)))
				return
			if (init != "" && param[trim(substr(init, 1, index(init, "=") - 1))] != v)
				return
		}
		found(name, v, mfile ":" mline)
		return
	}
	# another iterator: resolved at the end, once all are known
	if (match(body, /^[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
		i = RLENGTH
		k = closing(body, i)
		if (!k || trim(substr(body, k + 1)) != "")
			return
		nalias++
		aname[nalias] = name
		atarget[nalias] = trim(substr(body, 1, i - 1))
		aargs[nalias] = substr(body, i + 1, k - i - 1)
		awhere[nalias] = mfile ":" mline
		aparams[nalias] = ""
		for (v in param)
			aparams[nalias] = aparams[nalias] SUBSEP v SUBSEP param[v]
	}
}

function found(name, arg, where) {
	if ((name SUBSEP where) in seen)
		return
	seen[name, where] = 1
	iter[name] = arg
	print "iter", name, where, arg
}

FILENAME == ARGV[1] {
	if ($1 == "rget")
		rget[$2] = 1
	next
}

FNR == 1 { inmacro = 0 }

inmacro {
	mtext = mtext " " $0
}
!inmacro && /^[ \t]*#[ \t]*define[ \t]+[A-Za-z_][A-Za-z0-9_]*\(/ {
	inmacro = 1
	mtext = $0
	mfile = FILENAME
	mline = FNR
}
inmacro {
	if (sub(/\\[ \t\r]*$/, "", mtext))
		next
	inmacro = 0
	macro()
}

END {
	do {
		more = 0
		for (a = 1; a <= nalias; a++) {
			if (done[a] || !(atarget[a] in iter))
				continue
			done[a] = 1
			if (split0(aargs[a], ",", parts) < iter[atarget[a]])
				continue
			v = bare(parts[iter[atarget[a]]])
			np = split(aparams[a], p, SUBSEP)
			for (k = 2; k < np; k += 2)
				if (p[k] == v) {
					found(aname[a], p[k + 1], awhere[a])
					more = 1
				}
		}
	} while (more)
}
