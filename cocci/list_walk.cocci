// SPDX-License-Identifier: GPL-2.0-only
/// list_for_each_entry() and the other walks without _safe read the
/// cursor's next pointer after the body has run.  A body that unlinks the
/// cursor (list_del(), list_move(), hlist_del()), frees it, or calls a
/// function that does, and then walks on, follows a poisoned or freed
/// pointer: use the _safe walk, and unlink an entry before freeing it.
/// A walk, _safe or not, that frees its entries without unlinking them
/// leaves the head pointing at freed memory: a head that outlives the
/// walk needs list_del() in the loop or INIT_LIST_HEAD() after it.
///
/// A loop that drains a list (while (!list_empty(&H)) taking its first
/// entry) and leaves the entry linked on a path takes it again for ever.
///
/// Three shapes are [Moderate]: a walk over a list head local to the
/// function (LIST_HEAD(), a struct list_head variable: a batch taken off
/// a shared list) that passes its cursor to a function that frees it; a
/// walk in a function not named for teardown (_fini, _destroy, _exit...)
/// that frees entries still linked on a head the file tests with
/// list_empty(), so the head is used again; and a drain loop that unlinks
/// its entry on one path and leaves it linked on another, the entry never
/// tested for NULL.  Every other finding
/// is [Low]: on the whole 6.1 tree 4 of 65 sampled findings were true
/// (cocci/triage/list_walk-6.1.tsv), so a report shows them only with
/// COCCI_TIERS=all.
//# The false positives: a callee that unlinks or frees another entry of
//# the cursor's type (the callee check knows types and members, not
//# entries); a name that says "free" of a function that frees something
//# else; a list_move() back to the walked head, which restarts the walk
//# on purpose; a flag set with the unlink and tested before the walk goes
//# on; a head freed or re-initialised by the caller after the freeing
//# walk; an unlink in a header's inline helper, which the rule cannot see.
//
// Confidence: Moderate, Low (in each message)
// Copyright: (C) 2026 z3fold-series maintainers
// Comments: The cursor's structure type must be known to spatch for the
//  callee check (a local or a parameter declaration is enough).
// Options: --no-includes --include-headers
// Keywords: list_for_each_entry, list_for_each_entry_safe, list_del, use after free

virtual context
virtual org
virtual report

@initialize:python@
@@
import re

# Walks that read the cursor's next pointer after the body.
UNSAFE = {"list_for_each_entry", "list_for_each_entry_reverse",
          "list_for_each_entry_continue", "list_for_each_entry_continue_reverse",
          "list_for_each_entry_from", "list_for_each_entry_from_reverse",
          "hlist_for_each_entry", "hlist_for_each_entry_continue",
          "hlist_for_each_entry_from"}
SAFE = {"list_for_each_entry_safe", "list_for_each_entry_safe_reverse",
        "list_for_each_entry_safe_continue", "list_for_each_entry_safe_from",
        "hlist_for_each_entry_safe"}

FREES_RE = re.compile(r"(^|_)(free|release|destroy|complete)(_|$)")
# A function named for the state it tests or sets frees nothing.
PREDICATE_RE = re.compile(r"(^|_)(is|has|can|was|set|mark)_")
# Functions whose freeing walk ends the life of the head with its owner.
TEARDOWN_RE = re.compile(r"(^|_)(fini|free|destroy|release|exit|dtor|cleanup|"
                         r"close|remove|uninit|deinit|teardown|shutdown|"
                         r"stop|dealloc|delete|del|put|unregister|cancel|"
                         r"flush|purge|clear|detach|unbind|unload|kill)(_|s?$)")

DELETES = {}    # (type, field): {function that unlinks it}
CALLS = {}      # function: {function it calls}
UNLINKERS = {}  # (type, field): {function that unlinks it, itself or by calls}
ANY_UNLINKER = set()  # all of them: the callee constraint, tried at each call
PARAMS = {}       # function of the file: {parameter: index}
FREED_ARGS = set()  # (function, index of a parameter it frees)
PASSED_ARGS = {}  # (callee, index): {(caller, index of its parameter)}
LOCAL_HEADS = set()  # (function, name) of its struct list_head variables
HEADS_TESTED = set()  # (type, field) of heads tested with list_empty()
FINDINGS = {}
REPORTED = set()  # where the findings of the file are, for context mode
MODE = set()


def norm(t):
    t = re.sub(r"\b(const|volatile)\b", " ", str(t))
    return " ".join(t.split())


def unlinkers(k):
    """Functions of the file that unlink field k, themselves or by calls."""
    found = set(DELETES.get(k, ()))
    grew = True
    while grew:
        grew = False
        for (fn, callees) in CALLS.items():
            if fn not in found and callees & found:
                found.add(fn)
                grew = True
    return found


def close_freed_args():
    """A parameter passed on to a freeing argument is freed, too; so is
    one passed to a function the file lacks, named like one that frees."""
    todo = list(FREED_ARGS)
    todo += [k for k in PASSED_ARGS if k[0] not in PARAMS and named_free(k[0])]
    while todo:
        for caller_arg in PASSED_ARGS.get(todo.pop(), ()):
            if caller_arg not in FREED_ARGS:
                FREED_ARGS.add(caller_arg)
                todo.append(caller_arg)


def named_free(g):
    return (bool(FREES_RE.search(g)) and not PREDICATE_RE.search(g) and
            not g.startswith(("list_", "hlist_")))


def local_head(fn, h):
    """Whether h (&name) is a list head declared in function fn."""
    return h.startswith("&") and (fn, h[1:].strip()) in LOCAL_HEADS


def may_free_arg(g):
    return g in PARAMS or named_free(g)


def safe_name(it):
    """The _safe walk of the same kind."""
    it = str(it)
    if it.startswith("hlist_"):
        return "hlist_for_each_entry_safe"
    return it.replace("list_for_each_entry", "list_for_each_entry_safe", 1)


def expr(e):
    """An expression as the kernel writes it: spatch prints a->b as a -> b."""
    return re.sub(r"\s*(->|\.)\s*", r"\1", str(e))


def key(p):
    return (p.file, int(p.line), int(p.column))


def emit(p, msg, tier="Low"):
    """One finding per walk: the first shape found, or the first of a
    higher tier."""
    old = FINDINGS.get(key(p))
    if old is None or (old[2] == "Low" and tier != "Low"):
        FINDINGS[key(p)] = (p, msg, tier)


def flush():
    for k in sorted(FINDINGS):
        (p, msg, tier) = FINDINGS[k]
        REPORTED.add(k)
        text = "[%s] list walk in %s(): %s" % (tier, p.current_element, msg)
        if "report" in MODE:
            coccilib.report.print_report(p, text)
        if "org" in MODE:
            cocci.print_main(text, [p])
    FINDINGS.clear()

@script:python depends on report@
@@
MODE.add("report")

@script:python depends on org@
@@
MODE.add("org")

@script:python reset@
@@
DELETES.clear()
CALLS.clear()
UNLINKERS.clear()
ANY_UNLINKER.clear()
PARAMS.clear()
FREED_ARGS.clear()
PASSED_ARGS.clear()
LOCAL_HEADS.clear()
HEADS_TESTED.clear()
FINDINGS.clear()
REPORTED.clear()

// What each function of the file does, collected with a position on
// each call or walk and the function that holds it: a pattern over the
// whole body, fn(...) { <+... g(...) ...+> }, is too slow on files with
// long functions.
//
// Fields a function of the file unlinks, by structure type.
@unlinks disable ptr_to_array@
identifier f;
type T;
T *X;
identifier dl =~ "^(h?list_del(_init)?|list_move(_tail)?)$";
position p;
@@
dl@p(&X->f, ...)

@script:python@
T << unlinks.T;
f << unlinks.f;
p << unlinks.p;
@@
DELETES.setdefault((norm(T), str(f)), set()).add(p[0].current_element)

// The file's calls, by caller.
@calls@
identifier g;
position p;
@@
g@p(...)

@script:python@
g << calls.g;
p << calls.p;
@@
CALLS.setdefault(p[0].current_element, set()).add(str(g))

// List heads declared in a function: a batch it gathers for itself.
@local_heads@
identifier L;
position p;
@@
(
LIST_HEAD@p(L);
|
struct list_head L@p;
)

@script:python@
L << local_heads.L;
p << local_heads.p;
@@
LOCAL_HEADS.add((p[0].current_element, str(L)))

// Heads the file tests for entries: it uses them again.
@heads_tested disable ptr_to_array@
type T;
T *X;
identifier f;
identifier le =~ "^(list_empty(_careful)?|hlist_empty)$";
@@
le(&X->f)

@script:python@
T << heads_tested.T;
f << heads_tested.f;
@@
HEADS_TESTED.add((norm(T), str(f)))

// The file's functions and their parameters, by index.
@params@
identifier fn, x;
parameter list[n] ps;
type T;
@@
fn(ps, T x, ...) { ... }

@script:python@
fn << params.fn;
x << params.x;
n << params.n;
@@
PARAMS.setdefault(str(fn), {})[str(x)] = int(n)

// Parameters a function frees itself (unlinking is the business of
// through_call, which knows the member) ...
@frees_param@
identifier x;
expression E;
identifier fl =~ "^(kfree|kvfree|kmem_cache_free)$";
position p;
@@
\( fl@p(x) \| fl@p(E, x) \)

@script:python@
x << frees_param.x;
p << frees_param.p;
@@
fn = p[0].current_element
i = PARAMS.get(fn, {}).get(str(x))
if i is not None:
    FREED_ARGS.add((fn, i))

// ... or pass on to a function that does.
@passes_param@
identifier g, x;
expression list[n] es;
position p;
@@
g@p(es, x, ...)

@script:python@
g << passes_param.g;
x << passes_param.x;
n << passes_param.n;
p << passes_param.p;
@@
fn = p[0].current_element
i = PARAMS.get(fn, {}).get(str(x))
if i is not None:
    PASSED_ARGS.setdefault((str(g), int(n)), set()).add((fn, i))

@script:python@
@@
close_freed_args()

// The body unlinks or frees the cursor, and a path goes on walking.
@direct exists@
iterator I;
expression H, E;
idexpression pos;
identifier m, l;
identifier dl =~ "^(h?list_del(_init)?|list_move(_tail)?|kfree|kmem_cache_free)$";
position pw, p;
@@
I@pw(pos, H, m) {
... when any
\( dl@p(&pos->m, ...); \| dl@p(pos); \| dl@p(E, pos); \)
... when != break;
    when != return ...;
    when != goto l;
    when != pos = E
}

@script:python@
I << direct.I;
dl << direct.dl;
pos << direct.pos;
p << direct.p;
pw << direct.pw;
@@
if str(I) in UNSAFE:
    verb = "frees" if "free" in str(dl) else "unlinks"
    emit(pw[0], "%s() at line %s %s the cursor '%s' and the walk goes on through its next pointer; use %s()"
         % (dl, p[0].line, verb, pos, safe_name(I)))

// The body passes the cursor to a function that frees it: a function of
// the file by its body, another by its name.
@direct_free exists@
iterator I;
expression H, E;
idexpression pos;
identifier m, l;
expression list[n] es;
identifier fr : script:python() { may_free_arg(fr) };
position pw, p;
@@
I@pw(pos, H, m) {
... when any
fr@p(es, pos, ...)
... when != break;
    when != return ...;
    when != goto l;
    when != pos = E
}

@script:python@
I << direct_free.I;
H << direct_free.H;
fr << direct_free.fr;
n << direct_free.n;
pos << direct_free.pos;
p << direct_free.p;
pw << direct_free.pw;
@@
fr = str(fr)
if str(I) in UNSAFE:
    # A batch on a head of the function itself is there to be disposed of.
    own = local_head(pw[0].current_element, str(H))
    tier = "Moderate" if own else "Low"
    on = " of %s, a list head of this function" % expr(H).replace(" ", "") if own else ""
    if fr not in PARAMS:
        emit(pw[0], "%s() at line %s may free the cursor '%s'%s (by its name), and the walk goes on through its next pointer; use %s() and unlink the entry first"
             % (fr, p[0].line, pos, on, safe_name(I)), tier)
    elif (fr, int(n)) in FREED_ARGS:
        emit(pw[0], "%s() at line %s frees the cursor '%s'%s (its body does), and the walk goes on through its next pointer; use %s()"
             % (fr, p[0].line, pos, on, safe_name(I)), tier)

// The body calls a function of the file that unlinks the walked member
// of an entry of the cursor's type, and a path goes on walking.  The
// callee is constrained to the file's unlinkers: <+... g(...) ...+> with
// any g is too slow on files with long functions.  (The constraint is in
// parentheses: without them spatch cannot parse a script that inherits
// g.)
@script:python@
@@
for k in DELETES:
    UNLINKERS[k] = unlinkers(k)
    ANY_UNLINKER.update(UNLINKERS[k])

@through_call disable ptr_to_array exists@
iterator I;
expression H;
type T;
T *pos;
identifier m;
identifier g : script:python() { (g in ANY_UNLINKER) };
identifier l;
position pw, p;
@@
I@pw(pos, H, m) {
... when any
g@p(...)
... when != break;
    when != return ...;
    when != goto l;
}

@script:python@
I << through_call.I;
T << through_call.T;
m << through_call.m;
g << through_call.g;
p << through_call.p;
pw << through_call.pw;
pos << through_call.pos;
@@
if str(I) in UNSAFE:
    k = (norm(T), str(m))
    if str(g) in UNLINKERS.get(k, ()) and str(g) != pw[0].current_element:
        emit(pw[0], "%s() at line %s can unlink %s.%s (a function of this file does), and the walk goes on through the cursor '%s'; use the _safe walk"
             % (g, p[0].line, norm(T), m, pos))

// A loop that drains a list by taking its first (or last) entry until
// the list is empty, where a path back to the test leaves the entry
// linked: the loop takes the same entry again, for ever.  A call that
// may unlink it (a function of the file that unlinks, one of another
// file given the entry itself, not only a member of it) counts as
// unlinking.
@drain exists@
expression H, E2;
type T;
T *E;
identifier f, l;
identifier dl =~ "^(h?list_del(_init|_rcu)?|list_move(_tail)?|list_splice(_init|_tail|_tail_init)?)$";
identifier ug : script:python() { (ug in ANY_UNLINKER) };
identifier og : script:python() { og not in PARAMS };
position pw, pa;
@@
while@pw (!list_empty(&H)) {
... when any
E@pa = \( list_first_entry(&H, T, f) \| list_entry(H.next, T, f) \| list_last_entry(&H, T, f) \| list_entry(H.prev, T, f) \);
... when != dl(&E->f, ...)
    when != dl(&H, ...)
    when != ug(...)
    when != og(..., E, ...)
    when != E = E2
    when != break;
    when != return ...;
    when != goto l;
}

// The body unlinks the entry itself on another path: the path that does
// not is an omission, unless the entry is tested for NULL (a path that
// cannot be taken for an entry of a non-empty list).
@drain_unlinks exists@
expression drain.H;
type drain.T;
T *drain.E;
identifier drain.f;
identifier dl =~ "^(h?list_del(_init|_rcu)?|list_move(_tail)?)$";
position drain.pw;
@@
while@pw (!list_empty(&H)) {
... when any
dl(&E->f, ...)
... when any
}

@drain_null exists@
expression drain.H;
type drain.T;
T *drain.E;
position drain.pw;
statement S1, S2;
@@
while@pw (!list_empty(&H)) {
... when any
\( if (E) S1 else S2 \| if (E) S1 \| if (!E) S1 else S2 \| if (!E) S1 \)
... when any
}

@script:python@
H << drain.H;
E << drain.E;
pw << drain.pw;
pa << drain.pa;
@@
emit(pw[0], "the loop takes '%s' off %s at line %s, but a path leaves it linked and the loop takes it again; list_del() it on that path"
     % (E, expr(H), pa[0].line))

@script:python depends on drain_unlinks && !drain_null@
H << drain.H;
E << drain.E;
pw << drain.pw;
pa << drain.pa;
@@
emit(pw[0], "the loop takes '%s' off %s at line %s and unlinks it on one path, but another path leaves it linked and the loop takes it again; list_del() it on that path"
     % (E, expr(H), pa[0].line), "Moderate")

// A walk that frees its entries without unlinking them from a head that
// is a field of an object or a global.
@frees_linked disable ptr_to_array exists@
iterator I;
expression E;
type T;
T *X;
identifier pos, f, m, g;
position pw, p;
@@
I@pw(pos, ..., &X->f, m) {
  ... when != g(..., &pos->m, ...)
  \( kfree@p(pos); \| kmem_cache_free@p(E, pos); \)
  ... when any
}

// ... and the head re-initialised, or its object handed on, after the walk.
@reinit disable ptr_to_array exists@
iterator I;
type frees_linked.T;
T *frees_linked.X;
identifier frees_linked.f;
identifier g;
position frees_linked.pw;
statement S;
expression E1;
@@
I@pw(E1, ..., &X->f, ...) S
...
(
INIT_LIST_HEAD(&X->f);
|
INIT_HLIST_HEAD(&X->f);
|
X = E1;
|
g(..., X, ...);
)

@script:python depends on !reinit@
I << frees_linked.I;
T << frees_linked.T;
f << frees_linked.f;
pw << frees_linked.pw;
p << frees_linked.p;
pos << frees_linked.pos;
@@
if str(I) in UNSAFE or str(I) in SAFE:
    # Not a teardown, and the head is tested again: a later call finds
    # the freed entries.
    again = ((norm(T), str(f)) in HEADS_TESTED and
             not TEARDOWN_RE.search(pw[0].current_element))
    emit(pw[0], "kfree() at line %s frees '%s' while it is still linked on %s.%s%s, and nothing re-initialises the head after the walk; list_del() it first"
         % (p[0].line, pos, norm(T), f,
            ", which this file tests with list_empty()" if again else ""),
         "Moderate" if again else "Low")

@script:python@
@@
flush()

@depends on context@
position p : script:python() { key(p[0]) in REPORTED };
iterator I;
expression C;
statement S;
@@
(
* I@p(...)
  S
|
* while@p (C)
  S
)
