// SPDX-License-Identifier: GPL-2.0-only
/// Find a loop over a reference-holding iterator left early with the loop
/// variable's reference still held:
///   for_each_node_by_type(np, "display") {
///           if (setup(np) == 0)
///                   break;          <- np's reference is kept
///   }
/// Such an iterator (for_each_child_of_node(), for_each_compatible_node(),
/// ...) is a macro whose loop header assigns its loop variable the
/// result of a returning getter that also puts the getter's previous
/// result: the body holds a reference on the variable, which the macro
/// gives back only when it walks on.  A break, return or goto that leaves
/// the body keeps that reference; it needs a put before it (or after the
/// loop, for a break or a goto), unless the object is handed off: returned,
/// stored, or passed to a function that puts or keeps it.
/// Which macros are such iterators, and which argument is the loop
/// variable, is read from the file named by the environment variable
/// KREF_WRAPPERS (lines "iter NAME FILE:LINE ARG", which the runner's
/// pass 1 writes from the tree's macros with its list of returning
/// getters; the put wrappers and consumers of the same list are the
/// puts).  Without it nothing is reported.
///
/// Every finding starts with its confidence:
///  [High]     nothing says the object may have been handed off;
///  [Moderate] before the exit it went to a function named like one that
///             drops a reference (release, remove, ...) that the list does
///             not know; or the value returned comes from a call it went
///             to (ret = func(np); return ret: ret may be np); or, after a
///             break or a goto, the code after the loop passes it to a
///             function, which may keep it.
/// The message names each exit (break, return or goto at line N) and, for
/// Moderate, why.
///
//# A function of another file that puts or keeps the object without
//# being on the list or named like it makes a false positive; so does a
//# loop that an earlier test guarantees never to leave early.  A reference
//# kept on purpose for the rest of the program (an __init lookup of a
//# node that is never freed) is still reported: a leak, if a harmless
//# one.  A hand-off on one path after the loop (stored only when a test
//# passes) silences the break, though the other path leaks.
//
// Confidence: High, Moderate (in each message)
// Copyright: (C) 2026 z3fold-series maintainers
// Comments: The iterators are only known from the list (the rule cannot
//  see a macro's definition): run it through scripts/cocci.sh, or give
//  it KREF_WRAPPERS.  An iterator defined in a .c file counts only in
//  that file.
//  Measured: 21 findings on the whole 6.1 tree, 20 true
//  (cocci/triage/kref_iterator-6.1.tsv).
// Options: --no-includes --include-headers
// Keywords: for_each_child_of_node, of_node_put, iterator, refcount leak

virtual context
virtual org
virtual report

@initialize:python@
@@
import os
import re

ITERS = {}      # iterator name -> {defining .c file or "": loop argument}
PUT_KINDS = ("put", "consume")
PUTS = set()    # put wrappers and consumers
GETS = set()    # get wrappers: one that also puts takes its own reference
LOCAL = set()   # functions of the checked file that put a parameter
OWN = set()     # ... and those that take a reference of their own on it


def where(field):
    """The file of a "FILE:LINE" field when it is a .c file (its static
    functions and macros are its own), else ""."""
    f = re.sub(r":[0-9]+$", "", field)
    f = re.sub(r"^\./", "", f)
    return f if f.endswith(".c") else ""


def load(path):
    with open(path) as fh:
        for line in fh:
            w = line.split()
            if len(w) >= 4 and w[0] == "iter" and w[3].isdigit():
                ITERS.setdefault(w[1], {})[where(w[2])] = int(w[3])
            elif len(w) >= 3 and w[0] in PUT_KINDS:
                PUTS.add(w[1])
            elif len(w) >= 2 and w[0] in ("get", "tryget"):
                GETS.add(w[1])


if os.environ.get("KREF_WRAPPERS"):
    load(os.environ["KREF_WRAPPERS"])


def here(p):
    return re.sub(r"^\./", "", p.file)


def puts(name):
    """name puts what it is given, and did not take a reference of its
    own on it first (of_get_ibm_chip_id() gets and puts its parameter:
    calling it hands nothing off)."""
    return (name in LOCAL or name in PUTS) and name not in GETS and \
        name not in OWN


# Calls that keep what they are given, by name (as kref_balance knows
# them): list and tree insertions, queueing, registering, storing.
KEEP_RE = re.compile(
    r"(^|_)(add|attach|insert|install|enqueue|queue|push|link|store"
    r"|register|submit|schedule|publish|assign|set|bind|hold|own|transfer"
    r"|track|hash|enlist)(_|$)|^(rcu_assign_pointer|RCU_INIT_POINTER"
    r"|WRITE_ONCE|smp_store_release|xchg|cmpxchg)$")


def keeps(name):
    return puts(name) or bool(KEEP_RE.search(name))


# A call that may drop a reference on what it is given, by its name.
DROP_RE = re.compile(r"put|release|free|destroy|unref|drop|remove|(^|_)del"
                     r"|unregister|detach|cleanup")


def may_drop(name):
    return bool(DROP_RE.search(name))


def conversion(name):
    """A call returning what it is given as another type, by its name:
    to_foo(), of_fwnode_handle(), container_of()."""
    return bool(re.search(r"^to_|_to_|handle$|^container_of$", name))


def converts(name):
    return keeps(name) or conversion(name)


_TEXT = {}


def lines_of(p):
    if p.file not in _TEXT:
        try:
            with open(p.file, errors="replace") as fh:
                _TEXT[p.file] = fh.read().split("\n")
        except OSError:
            _TEXT[p.file] = []
    return _TEXT[p.file]


def source_from(p, nlines=40):
    """The text of the file from position p on (nlines lines at most)."""
    src = lines_of(p)
    first = int(p.line) - 1
    return "\n".join([src[first][int(p.column):]] +
                     src[first + 1:first + nlines]) if first < len(src) else ""


def skip_nested(text, i, opening, closing):
    """The index just after the bracket closing the one at text[i]."""
    depth = 0
    while i < len(text):
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        elif text[i] in "\"'":
            m = re.compile(r"%s(\\.|[^%s\\])*%s" % ((text[i],) * 3)).match(text, i)
            if m:
                i = m.end() - 1
        i += 1
    return len(text)


def loop_head(p):
    """(name, [arguments]) of the iterator call at p."""
    text = source_from(p)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(", text)
    if not m:
        return ("?", [])
    end = skip_nested(text, m.end() - 1, "(", ")")
    args, depth, cur = [], 0, ""
    for c in text[m.end():end - 1]:
        if c == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
            continue
        depth += (c in "([{") - (c in ")]}")
        cur += c
    args.append(cur.strip())
    return (m.group(1), args)


def loop_var(p, n):
    """n is the loop variable of a known iterator at p."""
    (name, args) = loop_head(p)
    defs = ITERS.get(name, {})
    arg = defs.get(here(p), defs.get(""))
    return arg is not None and arg <= len(args) and \
        re.sub(r"^\((.*)\)$", r"\1", args[arg - 1]) == str(n)


def loop_last_line(p):
    """The last line of the loop statement whose iterator is at p."""
    text = source_from(p, 400)
    i = skip_nested(text, text.index("("), "(", ")")
    # the braces of the body, or of the one statement that is the body
    j = text.find("{", i)
    k = text.find(";", i)
    end = skip_nested(text, j, "{", "}") if 0 <= j and (k < 0 or j < k) else k
    return int(p.line) + text[:end].count("\n")


def label_inside(p0, label):
    """The label is within the loop at p0 (a goto to it stays in it)."""
    src = lines_of(p0)
    last = loop_last_line(p0)
    pat = re.compile(r"^\s*%s\s*:(?!:)" % re.escape(label))
    return any(pat.match(src[i]) for i in range(int(p0.line), min(last, len(src))))


def exit_kind(p):
    """break, return or goto (whose position is that of its label)."""
    m = re.match(r"(break|return)\b", source_from(p, 1))
    return m.group(1) if m else "goto"


EXITS = {}      # (loop, var) -> {exit: (kind, line)}
PASSED = {}     # (loop, var, exit) -> functions var went to before it
AFTER = {}      # (break or goto, var) -> functions var goes to after it
SAVED = set()   # (loop, var, exit): put or handed off after a break
SAVED_GOTO = set()  # (goto, var): put or handed off after the goto
RETURNED = set()  # (return, var): the return hands var to the caller
RET_CALL = {}   # (return, var) -> the calls the return passes var to
LOOPS = {}


def key(p):
    return (p.file, int(p.line), int(p.column))


def exit_seen(p0, n, p1, label=None):
    if not loop_var(p0, n):
        return
    if label is not None and label_inside(p0, label):
        return
    LOOPS[(key(p0), str(n))] = p0
    EXITS.setdefault((key(p0), str(n)), {})[key(p1)] = \
        (exit_kind(p1), int(p1.line))


MODE = set()
STARRED = set()


def flush():
    for (k, exits) in sorted(EXITS.items()):
        (loop, n) = k
        p0 = LOOPS[k]
        left = dict((e, v) for (e, v) in exits.items()
                    if not saved(loop, n, e, v[0]))
        if not left:
            continue
        why = sorted(set(r for e in left for r in doubts(loop, n, e)))
        what = ", ".join("%s at line %d" % v
                         for (_, v) in sorted(left.items(), key=lambda x: x[1][1]))
        msg = "[%s] kref iterator leak in %s(): the reference %s() holds on '%s' is neither put nor handed off where the loop is left: %s%s" % (
            "Moderate" if why else "High", p0.current_element,
            loop_head(p0)[0], n, what, " (%s)" % "; ".join(why) if why else "")
        STARRED.add(loop)
        if "report" in MODE:
            coccilib.report.print_report(p0, msg)
        if "org" in MODE:
            cocci.print_main(msg, [p0])
    for d in (EXITS, PASSED, AFTER, SAVED, SAVED_GOTO,
              RETURNED, RET_CALL, LOOPS):
        d.clear()


def doubts(loop, n, e):
    """Why the exit e may not leak n after all (Moderate)."""
    why = ["%s() may drop it" % f for f in sorted(PASSED.get((loop, n, e), ()))]
    after = sorted(AFTER.get((e, n), ()))
    if after:
        why.append("after the loop it goes to %s" % ", ".join("%s()" % f for f in after))
    why += ["the value returned comes from %s(), which was given it" % f
            for f in sorted(RET_CALL.get((e, n), ()))]
    return why


def saved(loop, n, e, kind):
    """The exit e of the loop hands n off, or the code after it does."""
    if kind == "return":
        return (e, n) in RETURNED
    if kind == "goto":
        return (e, n) in SAVED_GOTO
    return (loop, n, e) in SAVED


def starred(p):
    return key(p[0]) in STARRED

@script:python depends on report@
@@
MODE.add("report")

@script:python depends on org@
@@
MODE.add("org")

@script:python depends on context@
@@
MODE.add("context")

// New file: its own functions that put a parameter.
@script:python reset@
@@
LOCAL.clear()
OWN.clear()
STARRED.clear()

@local_put disable ptr_to_array@
identifier fn, P, f;
identifier pw : script:python() { puts(pw) };
type T;
@@
fn(..., T *P, ...) {
<+...
(
 pw(..., P, ...)
|
 pw(..., &P->f, ...)
|
 kref_put(&P->f, ...)
)
...+>
}

@script:python@
fn << local_put.fn;
@@
LOCAL.add(fn)

@local_get disable ptr_to_array@
identifier fn, P, f;
identifier gw : script:python() { gw in GETS };
type T;
@@
fn(..., T *P, ...) {
<+...
(
 gw(..., P, ...)
|
 gw(..., &P->f, ...)
|
 kref_get(&P->f)
)
...+>
}

@script:python@
fn << local_get.fn;
@@
OWN.add(fn)

// The exits of a loop over a known iterator reached with the loop
// variable neither put nor handed off since the loop head.  (break and
// goto statements only of this loop: spatch leaves out a break of an inner
// loop or switch.)
@exits exists@
iterator i : script:python() { i in ITERS };
local idexpression n;
identifier hf : script:python() { keeps(hf) };
identifier fc : script:python() { conversion(fc) };
identifier f, l;
expression E, X;
position p0, p1;
@@
(
i@p0(..., n, ...) {
 ... when != hf(..., n, ...)
     when != hf(..., &n->f, ...)
     when != hf(..., fc(..., n, ...), ...)
     when != X = n
     when != n = E
(
 break@p1;
|
 return@p1 ...;
|
 goto l@p1;
)
 ... when any
}
|
i@p0(..., n, ...)
 if (E) {
 ... when != hf(..., n, ...)
     when != hf(..., &n->f, ...)
     when != hf(..., fc(..., n, ...), ...)
     when != X = n
     when != n = E
(
 break@p1;
|
 return@p1 ...;
|
 goto l@p1;
)
 ... when any
 }
)

@script:python@
p0 << exits.p0;
p1 << exits.p1;
n << exits.n;
l << exits.l = "";
@@
exit_seen(p0[0], n, p1[0], l if exit_kind(p1[0]) == "goto" else None)

// A return that hands the object to the caller: return np, return
// &np->fwnode, return to_foo(np), return a call that keeps it.
@returned@
local idexpression n;
identifier fc : script:python() { converts(fc) };
identifier f;
type T;
position p1;
@@
(
 return@p1 n;
|
 return@p1 &n->f;
|
 return@p1 (T)n;
|
 return@p1 fc(..., n, ...);
|
 return@p1 fc(..., &n->f, ...);
)

@script:python@
p1 << returned.p1;
n << returned.n;
@@
RETURNED.add((key(p1[0]), str(n)))

// After a break: the code after the loop puts the object or hands it off
// on some path, before the variable is set again.
@after_break exists@
iterator i : script:python() { i in ITERS };
local idexpression n;
identifier hf : script:python() { keeps(hf) };
identifier fc : script:python() { converts(fc) };
identifier cv : script:python() { conversion(cv) };
identifier f;
expression E, E2, X;
type T;
position p0, p1;
@@
(
i@p0(..., n, ...) {
 ...
 break@p1;
 ... when any
}
|
i@p0(..., n, ...)
 if (E) {
 ...
 break@p1;
 ... when any
 }
)
 ... when != n = E2
(
 return n;
|
 return &n->f;
|
 return (T)n;
|
 return fc(..., n, ...);
|
 return fc(..., &n->f, ...);
|
 hf(..., n, ...)
|
 hf(..., &n->f, ...)
|
 hf(..., cv(..., n, ...), ...)
|
 X = n
)

@script:python@
p0 << after_break.p0;
p1 << after_break.p1;
n << after_break.n;
@@
SAVED.add((key(p0[0]), str(n), key(p1[0])))

// After a goto out of the loop: the same from its label.
@after_goto exists@
local idexpression n;
identifier hf : script:python() { keeps(hf) };
identifier fc : script:python() { converts(fc) };
identifier cv : script:python() { conversion(cv) };
identifier f, l;
expression E2, X;
type T;
position p1;
@@
 goto l@p1;
 ... when != n = E2
(
 return n;
|
 return &n->f;
|
 return (T)n;
|
 return fc(..., n, ...);
|
 return fc(..., &n->f, ...);
|
 hf(..., n, ...)
|
 hf(..., &n->f, ...)
|
 hf(..., cv(..., n, ...), ...)
|
 X = n
)

@script:python@
p1 << after_goto.p1;
n << after_goto.n;
@@
SAVED_GOTO.add((key(p1[0]), str(n)))

// Moderate: before the exit the variable went to a function the list
// does not know but whose name says it may drop a reference ...
@passed exists@
iterator i : script:python() { i in ITERS };
local idexpression n;
identifier fn : script:python() { may_drop(fn) };
identifier l;
expression E;
position p0, p1, pf;
@@
(
i@p0(..., n, ...) {
 ...
 fn@pf(..., n, ...)
 ...
(
 break@p1;
|
 return@p1 ...;
|
 goto l@p1;
)
 ... when any
}
|
i@p0(..., n, ...)
 if (E) {
 ...
 fn@pf(..., n, ...)
 ...
(
 break@p1;
|
 return@p1 ...;
|
 goto l@p1;
)
 ... when any
 }
)

@script:python@
p0 << passed.p0;
p1 << passed.p1;
n << passed.n;
fn << passed.fn;
@@
PASSED.setdefault((key(p0[0]), str(n), key(p1[0])), set()).add(str(fn))

// ... or the return passes it to a function, which may keep it ...
@ret_call@
local idexpression n;
identifier fn;
position p1;
@@
 return@p1 <+... fn(..., n, ...) ...+>;

@script:python@
p1 << ret_call.p1;
n << ret_call.n;
fn << ret_call.fn;
@@
RET_CALL.setdefault((key(p1[0]), str(n)), set()).add(str(fn))

// ... or the variable returned was set by a call it went to (it may be
// the object itself: ret = func(np); return ret;) ...
@alias_ret exists@
local idexpression n;
type T;
local idexpression T *X;
identifier fn;
expression E;
position p1;
@@
 X = fn(..., n, ...);
 ... when != X = E
 return@p1 X;

@script:python@
p1 << alias_ret.p1;
n << alias_ret.n;
fn << alias_ret.fn;
@@
RET_CALL.setdefault((key(p1[0]), str(n)), set()).add(str(fn))

// ... or, after a break or goto, it goes to a function after the loop
// (one that keeps it would hand it off there).
@used_after_break exists@
iterator i : script:python() { i in ITERS };
local idexpression n;
identifier fn;
expression E, E2;
position p0, p1;
@@
(
i@p0(..., n, ...) {
 ...
 break@p1;
 ... when any
}
|
i@p0(..., n, ...)
 if (E) {
 ...
 break@p1;
 ... when any
 }
)
 ... when != n = E2
 fn(..., n, ...)

@script:python@
p0 << used_after_break.p0;
p1 << used_after_break.p1;
n << used_after_break.n;
fn << used_after_break.fn;
@@
AFTER.setdefault((key(p1[0]), str(n)), set()).add(str(fn))

@used_after_goto exists@
local idexpression n;
identifier fn, l;
expression E2;
position p1;
@@
 goto l@p1;
 ... when != n = E2
 fn(..., n, ...)

@script:python@
p1 << used_after_goto.p1;
n << used_after_goto.n;
fn << used_after_goto.fn;
@@
AFTER.setdefault((key(p1[0]), str(n)), set()).add(str(fn))

@script:python flush@
@@
flush()

// Context mode stars the iterator of each reported loop.
@depends on context@
iterator it;
expression list es;
statement S;
position p : script:python() { starred(p) };
@@
* it@p(es)
  S
