#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Copy C files with the bodies blanked of the functions a rule cannot
report on.

Usage: scripts/cocci-reduce.py --names FILE [--names FILE]... [--depth N]
                               --from DIR --to DIR LIST

Each path of LIST (one a line, relative to DIR; blank lines are skipped,
so a spatch --file-groups file will do) is copied from --from DIR to the
same path under --to DIR, with the body of every top-level function
definition that the rule has no business in replaced by empty lines.
Line numbers and the columns of what is kept do not change, so spatch's
reports on the copy are reports on the original. The header and the
braces stay: spatch sees the same top-level items, so where it fails to
parse something, it resumes at the same closing brace as in the
original (with the whole function gone, it resumed at a later one, in a
kept function, and lost that).

A function is kept when its text names a function of the lists (the
second word of each line of a --names FILE: pass 1's wrapper list) or an
identifier starting with "kref", or when it gives a member of a pointer
parameter to a call named like a put (a put-back helper, which the
rule's drvdata_backput reads). Upward, to a fixed point: a function of
the file that the rule's check may find to be a wrapper or getter (it
is kept and returns a pointer, or gives one of its pointer parameters to
a call of such a name) joins the list, so that its callers are kept:
pass 1 does not read every file, and the check finds the file's
wrappers again. Downward, N times (default 2): a function that a kept
one names, which the rule reads (the helpers of the file that store what
they are given, and the constructors that pass it to them; callbacks).
The text between the functions the scan is sure of (declarations, and
functions it is not sure of) is never blanked, and counts as a kept
function when it calls a name of the list or a kept function names what
it seems to define.

Only the body of what is surely a whole function definition in kernel
style is blanked: a header starting in column 0 after a line that ends
the previous construct, with a name before "(", no "=" and no continued
line; a body from "{" alone on its line to "}" alone on its line (not
in a comment), with balanced braces and #if/#endif, defining no macro
(spatch parses the rest of the file with it). Files are read and written
as bytes.

Prints "functions N kept K" to standard error.
Exit: 0, 2 usage or I/O error.
"""

import argparse
import os
import re
import sys

IDENT = re.compile(rb"[A-Za-z_]\w*")
TOKEN = re.compile(rb"[A-Za-z_]\w*|[()]")
CALL = re.compile(rb"([A-Za-z_]\w*)\s*\(")
# string and char literals and comments: left out where words, braces
# and parentheses are read
NOISE = re.compile(rb'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)
COND_OPEN = re.compile(rb"\s*#\s*if")
COND_CLOSE = re.compile(rb"\s*#\s*endif\b")
# a macro a body defines: spatch parses the rest of the file with it
MACRO = re.compile(rb"^\s*#\s*(define|undef)\b", re.M)
# callees the rule takes for puts by their name alone (its PUT_WORDS),
# which make a function a put-back helper for drvdata_backput
PUT_NAME = re.compile(rb"(?<!in)(?<!out)put|unref|release|drop|destroy|unget|unhold")
# words before a "(" in a header that do not name the function
NOT_NAMES = {b"__printf", b"__scanf", b"__attribute__", b"__attribute", b"__acquires",
             b"__releases", b"__must_hold", b"__cond_acquires", b"__cond_releases",
             b"__section", b"__aligned", b"__alloc_size", b"__realloc_size", b"__malloc",
             b"__diag_ignore", b"defined", b"void", b"int", b"char", b"long", b"short",
             b"unsigned", b"signed", b"bool", b"struct", b"union", b"enum", b"const"}


def ends_construct(line):
    """Whether a line above a function header ends what came before: a
    blank line, a statement or block end, a preprocessor line, a comment
    line (not a comment after a parameter)."""
    s = line.strip()
    if s.startswith((b"}", b"#", b"/*", b"*", b"//")):
        return True
    s = re.sub(rb"/\*.*$", b"", NOISE.sub(b" ", s)).strip()
    return not s or s.endswith((b";", b"}"))


def header_start(lines, brace):
    """The first line of the header of the body opening at line BRACE, or
    None where that is not sure: the header starts in column 0, after a
    line that ends a construct and is no macro's continued line, and no
    line of it is continued."""
    s = brace
    while s > 0 and not ends_construct(lines[s - 1]):
        s -= 1
    if s == brace or lines[s][:1] in (b" ", b"\t"):
        return None
    if s > 0 and lines[s - 1].rstrip().endswith(b"\\"):
        return None
    if any(line.rstrip().endswith(b"\\") for line in lines[s:brace]):
        return None
    return s


def header_name(header):
    """The defined function's name: the first word before a top-level "("
    of the header (comments left out) that is no attribute or type; None
    if the header is no function's (no such word, or an "=" in it)."""
    code = NOISE.sub(b" ", header)
    if b"=" in code:
        return None
    depth, prev = 0, None
    for m in TOKEN.finditer(code):
        t = m.group()
        if t == b"(":
            if depth == 0 and prev not in (None, b"(", b")") and prev not in NOT_NAMES:
                return prev
            depth += 1
        elif t == b")":
            depth -= 1
        prev = t
    return None


def balanced(body):
    """Whether the braces (outside strings and comments) and the #if and
    #endif lines of BODY pair up, its last brace outside a comment."""
    code = NOISE.sub(b" ", body)
    if b"/*" in code or not code.rstrip().endswith(b"}"):
        return False
    depth = 0
    for c in code:
        if c == ord("{"):
            depth += 1
        elif c == ord("}"):
            depth -= 1
            if depth < 0:
                return False
    if depth:
        return False
    cond = 0
    for line in body.split(b"\n"):
        if COND_OPEN.match(line):
            cond += 1
        elif COND_CLOSE.match(line):
            cond -= 1
    return cond == 0


def functions(lines):
    """(first line, line of "{", line of "}", name) of each function whose
    body can be blanked."""
    out = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].rstrip() != b"{":
            i += 1
            continue
        end = i + 1
        while end < n and not lines[end].startswith(b"}"):
            end += 1
        if end == n:
            break
        start = header_start(lines, i)
        name = header_name(b"\n".join(lines[start:i])) if start is not None else None
        body = b"\n".join(lines[i:end + 1])
        if name and lines[end].rstrip() == b"}" and balanced(body) and not MACRO.search(body):
            out.append((start, i, end, name))
        i = end + 1
    return out


def gap_names(text):
    """Names a stretch of text between the functions() may define: a line
    in column 0 with a word before "(" that does not end in ";" (a
    function the scan could not be sure of)."""
    out = set()
    for line in text.split(b"\n"):
        if line[:1].isalpha() or line[:1] == b"_":
            if b"(" in line and not line.rstrip().endswith((b";", b"\\")):
                name = header_name(line)
                if name:
                    out.add(name)
    return out


def group_after(code, at):
    """The text inside the parentheses that open at CODE[AT]."""
    depth = 0
    for j in range(at, len(code)):
        if code[j] == ord("("):
            depth += 1
        elif code[j] == ord(")"):
            depth -= 1
            if depth == 0:
                return code[at + 1:j]
    return code[at + 1:]


def split_top(text):
    """TEXT split at the commas outside parentheses."""
    out, depth, last = [], 0, 0
    for j, c in enumerate(text):
        if c == ord("("):
            depth += 1
        elif c == ord(")"):
            depth -= 1
        elif c == ord(",") and depth == 0:
            out.append(text[last:j])
            last = j + 1
    out.append(text[last:])
    return out


def listed(name, known):
    """Whether NAME is one of KNOWN or starts with "kref"."""
    return name in known or name.startswith(b"kref")


class Part:
    """A function() of the file (NAME set) or a stretch of text between
    two of them (NAME None: declarations, and functions the scan could
    not be sure of)."""

    def __init__(self, text, name=None, header=b""):
        self.name = name
        self.code = NOISE.sub(b" ", text)
        self.ids = set(IDENT.findall(text))
        self.calls = [(m.group(1), m.end() - 1) for m in CALL.finditer(self.code)]
        self.params = set()
        self.returns_pointer = False
        if name:
            self.defines = {name}
            head = NOISE.sub(b" ", header)
            m = re.search(rb"\b%s\s*\(" % re.escape(name), head)
            if m:
                self.returns_pointer = b"*" in head[:m.start()]
                for param in split_top(group_after(head, m.end() - 1)):
                    words = IDENT.findall(param)
                    if words and b"*" in param:
                        self.params.add(words[-1])
        else:
            self.defines = gap_names(text)
        # drvdata_backput reads such a function of the file
        self.puts_member = bool(name) and self.gives_param(PUT_NAME.search, True)

    def gives_param(self, callee, member=False):
        """Whether it gives one of its pointer parameters (or, with MEMBER,
        only a member of one: "P->f") to a call whose name CALLEE
        accepts."""
        for c, at in self.calls:
            if callee(c):
                args = group_after(self.code, at)
                if member:
                    if any(re.search(rb"\b%s\s*->" % p, args) for p in self.params):
                        return True
                elif set(IDENT.findall(args)) & self.params:
                    return True
        return False

    def root(self, known):
        """Whether it names (a function) or calls (a stretch) a name of
        KNOWN or one starting with "kref"; or (a function) gives a member
        of one of its pointer parameters to a call named like a put."""
        if self.name:
            return self.puts_member or any(listed(x, known) for x in self.ids)
        return any(listed(c, known) for c, _ in self.calls)

    def may_wrap(self, known):
        """Whether the check may find it to be a wrapper or getter of the
        file: a root stretch, or a root function that returns a pointer or
        gives one of its pointer parameters to a call of a name of KNOWN
        (or kref_*()), as the rule's w_* rules require."""
        if not self.root(known):
            return False
        if self.name is None or self.returns_pointer:
            return True
        return self.gives_param(lambda c: listed(c, known))


def reduce_text(text, names, depth):
    """TEXT with the bodies blanked of the functions not kept (the
    module's text says which), the number of functions() and of those
    kept."""
    lines = text.split(b"\n")
    fns = functions(lines)
    parts, prev = [], 0
    for s, b, e, name in fns:
        parts.append(Part(b"\n".join(lines[prev:s])))
        parts.append(Part(b"\n".join(lines[s:e + 1]), name, b"\n".join(lines[s:b])))
        prev = e + 1
    parts.append(Part(b"\n".join(lines[prev:])))
    known = set(names)
    grew = True
    while grew:
        grew = False
        for part in parts:
            if not part.defines <= known and part.may_wrap(known):
                known |= part.defines
                grew = True
    keep = [part.root(known) for part in parts]
    defined = set().union(*(part.defines for part in parts))
    for _ in range(depth):
        named = set()
        for k, part in enumerate(parts):
            if keep[k]:
                named |= part.ids & defined
        # (a stretch is never blanked: kept here, what it names is kept)
        keep = [kept or bool(parts[k].defines & named) for k, kept in enumerate(keep)]
    fn_keep = [kept for k, kept in enumerate(keep) if parts[k].name is not None]
    for k, (_, b, e, _) in enumerate(fns):
        if not fn_keep[k]:
            lines[b + 1:e] = [b""] * (e - b - 1)
    return b"\n".join(lines), len(fns), sum(fn_keep)


def read_names(paths):
    """The second word of each line of the files PATHS."""
    names = set()
    for p in paths:
        with open(p, "rb") as f:
            for line in f:
                w = line.split()
                if len(w) > 1:
                    names.add(w[1])
    return names


def main():
    ap = argparse.ArgumentParser(usage=argparse.SUPPRESS, description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", action="append", required=True, metavar="FILE")
    ap.add_argument("--depth", type=int, default=2, metavar="N")
    ap.add_argument("--from", dest="src", required=True, metavar="DIR")
    ap.add_argument("--to", dest="dst", required=True, metavar="DIR")
    ap.add_argument("list", metavar="LIST")
    a = ap.parse_args()
    if a.depth < 0:
        ap.error("--depth must be 0 or more")
    total = kept = 0
    try:
        names = read_names(a.names)
        with open(a.list, "rb") as f:
            paths = [p for p in f.read().split(b"\n") if p.strip()]
        for p in paths:
            rel = os.fsdecode(p)
            if os.path.isabs(rel) or ".." in rel.split(os.sep):
                print(f"cocci-reduce: {rel}: not a path inside --from", file=sys.stderr)
                sys.exit(2)
            with open(os.path.join(a.src, rel), "rb") as f:
                text, n, k = reduce_text(f.read(), names, a.depth)
            dst = os.path.join(a.dst, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "wb") as f:
                f.write(text)
            total += n
            kept += k
    except OSError as e:
        print(f"cocci-reduce: {e}", file=sys.stderr)
        sys.exit(2)
    print(f"functions {total} kept {kept}", file=sys.stderr)


if __name__ == "__main__":
    main()
