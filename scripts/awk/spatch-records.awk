# SPDX-License-Identifier: GPL-2.0
#
# What spatch printed for a list of files, cut into one record file per
# checked file, so that each file's part can be kept (and found again)
# on its own. Input: the files run, one "NAME<tab>PATH" a line (NAME: the
# record file's name, see spatch_entry_names), then the chunks' standard
# output (*.out) and standard error (*.err, with --verbose-parsing).
# -v dir=DIR: where to write DIR/NAME for every listed file (empty when
# spatch said nothing about it); -v macro=FILE: our --macro-file.
# Each record line is "KIND<tab>PATH<tab>TEXT":
#   out    a line of standard output: a finding, a KREFWRAP, LISTTEST,
#          LISTUNLINK or LISTLINK line
#   parse  LINE<tab>NOTE: a construct spatch skipped at LINE of PATH (NOTE
#          when the error was in a macro of spatch's or our macro file:
#          LINE is then the last line spatch resynchronised on, minus one)
#   exn    spatch gave up on the file: its "EXN: ... in PATH" line
# What names no listed file goes to DIR/stray (the caller then keeps
# nothing of this run).

function keep(path, line) {
	if (path in name)
		rec[path] = rec[path] line "\n"
	else
		stray = stray line "\n"
}

# The file a standard output line is about: a report line starts with
# "PATH:LINE:", a KREFWRAP line is "KREFWRAP KIND NAME PATH:LINE [static]",
# a LISTTEST line "LISTTEST TYPE FIELD PATH:LINE" (TYPE of one or more
# words), a LISTUNLINK or LISTLINK line ends with PATH:LINE too.
function subject(line,    w, f, n) {
	if (line ~ /^(KREFWRAP|LISTTEST|LISTUNLINK|LISTLINK) /) {
		n = split(line, w, " ")
		f = (line ~ /^KREFWRAP /) ? w[4] : w[n]
		sub(/:[0-9]+$/, "", f)
		return f
	}
	if (line ~ /^[^ :]+:[0-9]+:[0-9]+-[0-9]+: /) {
		f = line
		sub(/:.*/, "", f)
		return f
	}
	return ""
}

FILENAME == ARGV[1] {
	i = index($0, "\t")
	name[substr($0, i + 1)] = substr($0, 1, i - 1)
	order[++n] = substr($0, i + 1)
	next
}

FILENAME ~ /\.out$/ {
	f = subject($0)
	if (f != "")
		keep(f, "out\t" f "\t" $0)
	next
}

# standard error: spatch names each file before its messages
/^HANDLING: / { file = $2; sync = 0; next }
/^EXN: .* in [^ ]+$/ {
	f = $NF
	keep(f, "exn\t" f "\t" $0)
	next
}
/ERROR-RECOV: found sync/ {
	m = split($0, w, /[^0-9]+/)
	for (i = m; i > 0; i--)
		if (w[i] != "") { sync = w[i]; break }
}
/^ = File "/ {
	s = $0
	sub(/^ = File "/, "", s)
	f = substr(s, 1, index(s, "\"") - 1)
	s = substr(s, index(s, "\"") + 1)
	sub(/^, line /, "", s)
	l = s + 0
	if (f == file)
		keep(file, "parse\t" file "\t" l "\t")
	else if ((f ~ /\/coccinelle\/standard\.h$/ || f == macro) && sync > 1)
		keep(file, "parse\t" file "\t" (sync - 1) "\tin a macro from " f)
}

END {
	for (i = 1; i <= n; i++) {
		out = dir "/" name[order[i]]
		printf "%s", rec[order[i]] >out
		close(out)
	}
	if (stray != "") {
		printf "%s", stray >(dir "/stray")
		close(dir "/stray")
	}
}
