# SPDX-License-Identifier: GPL-2.0
#
# What a patch's changelog says about the commit it fixes (read by
# scripts/hygiene.sh), one record a line, fields separated by tabs:
#   fixes  LINE  ID  SUBJECT   a Fixes: tag in the kernel's form,
#                              'Fixes: <12+ lowercase hex> ("<subject>")'
#   bad    LINE  REASON  TEXT  any other line that starts with "Fixes:"
#                              (any case): what is wrong, and the line
#   prose  -     ID  SUBJECT   'commit <12+ lowercase hex> ("<subject>")'
#                              in the changelog's text, where the words
#                              may wrap across lines
# The changelog is the mail body: from the blank line after the headers
# to the "---" line (or the diff, when a patch has no "---"), as git am
# reads it. mawk has no {12,} in regexps: lengths are tested apart.

function lowhex(s) { return s != "" && s !~ /[^0-9a-f]/ }

# why_bad(LINE): what keeps LINE from being a Fixes: tag in the kernel's form.
function why_bad(l,    rest, id, after) {
	if (substr(l, 1, 7) != "Fixes: " || substr(l, 8, 1) == " ")
		return "want 'Fixes: ' with that case and one space"
	rest = substr(l, 8)
	id = rest
	sub(/ .*/, "", id)
	if (id ~ /[^0-9a-fA-F]/)
		return "the id is not hex"
	if (id ~ /[A-F]/)
		return "uppercase hex in the id"
	if (length(id) < 12)
		return "the id is shorter than 12 hex digits"
	after = substr(rest, length(id) + 1)
	if (after == "")
		return "no (\"subject\") after the id"
	if (after !~ /^ \("/)
		return "the subject is not in (\"...\") one space after the id"
	if (after == " (\"\")")
		return "the subject is empty"
	if (index(after, "\")") == 0)
		return "the subject does not end in \") on this line (wrapped?)"
	if (after ~ /"\)[ \t]+$/)
		return "trailing whitespace"
	return "text after (\"subject\")"
}

# prose(TEXT): every 'commit <id> ("<subject>")' of TEXT with a full id.
function prose(text,    id, subject, end) {
	while (match(text, /(^|[^A-Za-z0-9_])[Cc]ommit +[0-9a-fA-F]+ +\("/)) {
		id = substr(text, RSTART, RLENGTH)
		text = substr(text, RSTART + RLENGTH)
		sub(/^[^0-9a-fA-F]*[Cc]ommit +/, "", id)
		sub(/ +\("$/, "", id)
		end = index(text, "\")")
		if (end == 0)
			break
		subject = substr(text, 1, end - 1)
		if (lowhex(id) && length(id) >= 12 && subject != "")
			printf "prose\t-\t%s\t%s\n", id, subject
	}
}

{ sub(/\r$/, "") }
!body { if ($0 == "") body = 1; next }
done { next }
/^---$/ || /^diff -/ || /^Index: / { done = 1; next }
tolower(substr($0, 1, 6)) == "fixes:" {
	if ($0 ~ /^Fixes: [0-9a-f]+ \(".+"\)$/) {
		id = $0
		sub(/^Fixes: /, "", id)
		sub(/ .*/, "", id)
		if (length(id) >= 12) {
			subject = substr($0, length("Fixes: ") + length(id) + 4)
			printf "fixes\t%d\t%s\t%s\n", FNR, id, substr(subject, 1, length(subject) - 2)
			next
		}
	}
	printf "bad\t%d\t%s\t%s\n", FNR, why_bad($0), $0
	next
}
{
	# The text for prose(), one space where a line was wrapped.
	line = $0
	sub(/^[ \t]+/, "", line)
	sub(/[ \t]+$/, "", line)
	if (line != "")
		text = text == "" ? line : text " " line
}
END { prose(text) }
