// SPDX-License-Identifier: GPL-2.0-only
/// An entry deleted twice on one path, where at least one of the deletes
/// is done by a function the entry is passed to: list_del() (also
/// list_del_rcu(), hlist_del()) leaves the entry's pointers poisoned, and
/// the second delete writes through them (a crash, or "list_del
/// corruption" with CONFIG_DEBUG_LIST).  Helpers hide this: one that
/// checks a command is still pending and takes it off the pending list,
/// then one that removes and frees it, each correct alone.
///
/// Reported: a call passing a variable E to a function whose body does
/// list_del(&P->f) (list_del_rcu(), hlist_del(), hlist_del_rcu()) on the
/// parameter in E's position, or a list_del(&E->f) of the function
/// itself, then, later on the same path, a second delete of the same
/// structure type's member: a call passing E to a function whose body
/// deletes that member of the parameter in E's position (with an _init
/// variant too), or a delete or list_move() of the function itself, with
/// nothing on the way adding E to a list again, initialising it or
/// assigning E (or giving its address to a function), nor passing E to
/// a function that adds or initialises a member of what it is given (by
/// its body, or by a word of its name, _add, _queue, _init..., unless
/// its body deletes).  A function is
/// not a first delete when its body also links the member again (a
/// register function that deletes only on its own error path, a move by
/// hand) or deletes only under a last-reference test (a dec_and_test, a
/// kref_put, "if (--x->ref)", also kept in a variable and tested later):
/// a put twice is two references.  Nor is a function that returns true
/// after its delete, and nothing else after it, when the caller leaves
/// the path if it returns true ("if (lru_gen_del_folio(...)) return;",
/// or "continue" to a walk's next entry).  The functions are known by
/// their bodies, from the list the runner's collecting pass writes
/// (LISTUNLINK and LISTLINK lines of
/// "list_del_init -D collect" over the tree and the checked files, in the
/// file LIST_TESTED names; a static function counts in its own file
/// only): without that list the rule reports nothing.  Two deletes in the
/// function itself are list_del_init.cocci's.
//# The path is not checked for feasibility: a helper that deletes the
//# entry only in some state (still listed, a flag set), followed by one
//# that deletes it only in another state, is reported.  Entries are
//# matched by the structure type of the argument and the member, so the
//# structure type must be known to spatch (a declared local or parameter).
//# Not reported: a second delete at the same call as the first (a retry
//# loop that deletes again), and a second delete through a function after
//# a re-add of any member of E.
//
// Confidence: Moderate
// Comments: Measured on the whole 6.1 tree: 7 of its 14 findings true,
//  all latent (cocci/triage/list_del_twice-v2-6.1.tsv, whose 17 are
//  these 14 and three a last-reference put and a signalled delete no
//  longer report).
// Copyright: (C) 2026 z3fold-series maintainers
// Options: --no-includes --include-headers
// Keywords: list_del, double delete, list corruption, LIST_POISON

virtual context
virtual org
virtual report

@initialize:python@
@@
import os
import re

# From the collecting pass's list: {function: [(index, member, how, type,
# file)]}, file None for a function any file may call, else the only file
# that sees it (a static function).  how: the delete its body does
# (list_del, hlist_del_init...), "relink" when it also links the member
# again, "lastref" when it deletes only on the last reference.
UNLINKS = {}
# Functions that add or initialise a member of a parameter.
LINKS = set()
FINDINGS = {}
REPORTED = set()
MOVED_ON = set()
LEFT_ON_TRUE = set()
MODE = set()
POISON = ("list_del", "list_del_rcu", "hlist_del", "hlist_del_rcu")
INIT = {"list_del": "list_del_init", "list_del_rcu": "list_del_init_rcu",
        "hlist_del": "hlist_del_init", "hlist_del_rcu": "hlist_del_init_rcu"}


def norm(t):
    """Structure type without qualifiers or spacing differences."""
    t = re.sub(r"\b(const|volatile)\b", " ", str(t))
    return " ".join(t.split())


def load_unlinkers(path):
    """LISTUNLINK NAME INDEX FIELD HOW SCOPE TYPE... FILE:LINE and
    LISTLINK NAME INDEX FIELD SCOPE TYPE... FILE:LINE lines."""
    with open(path) as fh:
        for line in fh:
            w = line.split()
            if len(w) >= 8 and w[0] == "LISTUNLINK":
                where = os.path.normpath(w[-1].rsplit(":", 1)[0]) \
                    if w[5] == "static" else None
                (how, _, signal) = w[4].partition("+")
                UNLINKS.setdefault(w[1], []).append(
                    (int(w[2]), w[3], how, " ".join(w[6:-1]), where,
                     signal == "ontrue"))
            elif len(w) >= 7 and w[0] == "LISTLINK":
                LINKS.add(w[1])


if os.environ.get("LIST_TESTED"):
    load_unlinkers(os.environ["LIST_TESTED"])


def deletes(name, p, idx, t, first, left_on_true=False):
    """The deletes function name does on its argument at position idx (a
    str, from an "expression list[n]") of structure type t, as seen from
    the file of p: {member: how}.  first: only those that leave the entry
    poisoned for good; left_on_true: the caller leaves the path when the
    call returns true, so a function that returns true after each of its
    deletes did none on the path that goes on.  A function that also links
    the member (a register function that deletes on its own error path) is
    neither first nor second delete: the matcher does not know which it
    does first."""
    out = {}
    for (n, f, how, u, where, signal) in UNLINKS.get(name, ()):
        if str(n) != str(idx) or u != norm(t) or \
                where not in (None, os.path.normpath(p.file)):
            continue
        if how == "relink" or \
                (first and (how not in POISON or (signal and left_on_true))):
            continue
        out[f] = how
    return out


def unlinks(name):
    return name in UNLINKS


# A callee named like one that links or initialises what it is given
# (the tree may have no body for it: a macro, a function of a file the
# collecting pass did not read), unless it is known to delete it.
LINK_RE = re.compile(r"(^|_)(add|insert|queue|enqueue|requeue|push|move|splice"
                     r"|attach|link|relink|init|reinit)(_|$)")


def links(name):
    return name in LINKS or \
        (not unlinks(name) and bool(LINK_RE.search(name)))


def key(p):
    return (p.file, int(p.line), int(p.column))


def emit(p, msg, secs):
    k = (key(p), msg)
    if k not in FINDINGS:
        FINDINGS[k] = (p, msg, secs)


def flush():
    for k in sorted(FINDINGS):
        (p, msg, secs) = FINDINGS[k]
        text = "list double delete in %s(): %s" % (p.current_element, msg)
        REPORTED.add(key(p))
        if "report" in MODE:
            coccilib.report.print_report(p, text)
        if "org" in MODE:
            cocci.print_main(text, [p])
            for (title, q) in secs:
                cocci.print_secs(title, [q])
    FINDINGS.clear()

@script:python depends on report@
@@
MODE.add("report")

@script:python depends on org@
@@
MODE.add("org")

@script:python depends on context@
@@
MODE.add("context")

// New file: forget the previous one's findings.
@script:python reset@
@@
REPORTED.clear()
MOVED_ON.clear()
LEFT_ON_TRUE.clear()

// "E = a(..., E, ...)": the call deletes the entry E pointed to, and E
// then points to another (the next buffer): no first delete of E.
@moved_on@
idexpression E;
identifier a : script:python() { unlinks(a) };
position p;
@@
E = a@p(..., E, ...)

@script:python@
p << moved_on.p;
@@
MOVED_ON.add(key(p[0]))

// "if (a(...)) return;": the path that goes on is the one where a()
// returned false.  So is the rest of a walk's turn after "if (a(..., E,
// ...)) continue;" on the walk's own cursor E.  Not a goto or a break:
// the code after the label or the loop may delete the entry again.
@left_on_true@
identifier a : script:python() { unlinks(a) };
expression E, E2, H;
identifier m;
iterator name list_for_each_entry, list_for_each_entry_safe;
position p;
@@
(
 if (a@p(...)) return ...;
|
 list_for_each_entry(E, H, m) { <... if (a@p(..., E, ...)) continue; ...> }
|
 list_for_each_entry_safe(E, E2, H, m) { <... if (a@p(..., E, ...)) continue; ...> }
)

@script:python@
p << left_on_true.p;
@@
LEFT_ON_TRUE.add(key(p[0]))

// A delete, then a second one of the same member on the path, one of them
// (at least) through a function.  E is a variable, and a path that
// assigns it, or gives its address to a function, ends the match; a path
// that changes what an expression such as x->child or arr[i] points to
// is not seen.
// A re-add or init of any member of E between a first delete and a
// second one through a function ends the path (the second one's member
// is not known to the matcher).
// E's position in a call is found by the two rules after this one, at
// the call alone: binding it here ("a(es, E, ...)" with an expression
// list) made spatch try each split of each call along every path, over
// a minute for btrfs' merge_ref().
@twice disable ptr_to_array exists@
type T;
idexpression T *E;
identifier a : script:python() { unlinks(a) };
identifier b : script:python() { unlinks(b) };
identifier lk : script:python() { links(lk) };
identifier f, g, h;
identifier dl =~ "^h?list_del(_rcu)?$";
identifier d2 =~ "^(h?list_del(_init)?(_rcu)?|list_move(_tail)?)$";
identifier al =~ "^(list_(add|add_tail|add_rcu|add_tail_rcu|move|move_tail)|hlist_add_(head|head_rcu|before|behind)|INIT_LIST_HEAD|INIT_HLIST_NODE|__list_add|list_replace)$";
expression E2;
iterator iter;
statement S;
position p, p2;
@@
(
 a@p(..., E, ...)
|
 dl@p(&E->f)
)
... when != al(&E->g, ...)
    when != lk(..., E, ...)
    when != E = E2
    when != h(..., &E, ...)
(
 iter(..., E, ...) S
|
 b@p2(..., E, ...)
|
 d2@p2(&E->g, ...)
)

// Where E is in the first call's arguments, and in the second's.
@first_arg disable ptr_to_array@
type twice.T;
idexpression T *twice.E;
identifier twice.a;
position twice.p;
expression list[n] es;
@@
a@p(es, E, ...)

@second_arg disable ptr_to_array@
type twice.T;
idexpression T *twice.E;
identifier twice.b;
position twice.p2;
expression list[m] es2;
@@
b@p2(es2, E, ...)

@script:python@
T << twice.T;
E << twice.E;
a << twice.a = "";
b << twice.b = "";
n << first_arg.n = "";
m << second_arg.m = "";
f << twice.f = "";
g << twice.g = "";
dl << twice.dl = "";
d2 << twice.d2 = "";
p << twice.p;
p2 << twice.p2;
@@
first = deletes(a, p[0], n, T, True, key(p[0]) in LEFT_ON_TRUE) \
    if a else {str(f): str(dl)}
second = deletes(b, p2[0], m, T, False) if b else {str(g): str(d2)}
common = sorted(set(first) & set(second))
if (a or b) and common and key(p[0]) != key(p2[0]) and key(p[0]) not in MOVED_ON:
    k = common[0]
    how = first[k]
    if a:
        what = "%s() deletes '%s->%s' (%s() in its body leaves it poisoned)" % (a, E, k, how)
    else:
        what = "%s() leaves '%s->%s' poisoned" % (dl, E, k)
    again = "%s() at line %s deletes it again%s" % (
        b or d2, p2[0].line, " (its body does)" if b else "")
    emit(p[0], "%s, and %s; delete it once, or leave it empty the first time (%s())"
         % (what, again, INIT[how]), [("second delete", p2[0])])

@script:python flush@
@@
flush()

@depends on context@
position p : script:python() { key(p[0]) in REPORTED };
identifier fn;
@@
* fn@p(...)
