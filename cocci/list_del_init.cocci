// SPDX-License-Identifier: GPL-2.0-only
/// list_del() leaves the entry's pointers poisoned: list_empty() on it
/// returns false and a second list_del() or list_move() on it crashes (or
/// reports list corruption with CONFIG_DEBUG_LIST).  That is fine when the
/// entry is freed or put on another list right away, not when some other
/// path of the same file tests the entry with list_empty() to learn whether
/// it is still queued, or deletes it again.  Use list_del_init() there.
///
/// Reported: list_del(&E->f) where a field f of the same structure type is
/// tested with list_empty() (or list_empty_careful()) anywhere in the file
/// (or in another file: -D collect lists each file's tests, LISTTEST lines,
/// and a file of them named by LIST_TESTED is read),
/// or the same entry is deleted again later on the path, and on some path
/// after the delete the entry is neither added to a list again,
/// re-initialised, returned, stored, nor passed to a function whose name
/// says that it frees, puts or queues it (kfree, put_page, ..._add, ...).
/// Nor is the whole object wiped (memset(E, 0, sizeof(*E))): that would
/// undo list_del_init() too, so the fix cannot help; whoever uses the
/// object again must set it up again.  A partial wipe does not count.
/// A list_for_each_entry_safe() walk whose whole body is list_del() (or
/// list_del_rcu()) of its cursor's entry drops the entries it takes off:
/// when another function of the file deletes the same member of an entry
/// its caller hands it (an unregister), the entry's owner deletes it
/// again after the walk, and both are reported.
/// Not reported: a field the file also uses as a list head (its
/// list_empty() tests are about the head), and a guard in a teardown
/// function (..._release, _destroy, _free, _fini, _dtor) that is the
/// field's only list_empty() test: it covers "never added", and the object
/// goes away with the function.
/// -D collect also lists the functions that delete, add or initialise a
/// member of a parameter (LISTUNLINK and LISTLINK lines), which
/// list_del_twice.cocci reads from the same file.
//# A field the file uses as a list head anywhere is skipped, so a field
//# that is a head in some objects and an entry in others is not checked.
//# The entry may also be freed through another pointer (a containing page,
//# a parent object, the caller), which the rule cannot see: most of the
//# remaining false positives.
//
// Confidence: Moderate
// Copyright: (C) 2026 z3fold-series maintainers
// Comments: The structure type of both expressions must be known to spatch:
//  declarations of locals and parameters are enough, members of members
//  need the header that defines the outer structure.
//  Measured on the whole 6.1 tree: 1 of 40 sampled findings true
//  (cocci/triage/list_del_init-v2-6.1.tsv), 1 of the 27 of them the rule
//  still reports; a fresh full run at 8e78d7c, 4 of 40 sampled true
//  (list_del_init-v3-6.1.tsv); an earlier version without the
//  other-function shape, 8 of 32 (list_del_init-6.1.tsv).  The
//  draining-walk shape: 2 of its 4 findings latent true
//  (list_del_init-drain-6.1.tsv).
// Options: --no-includes --include-headers
// Keywords: list_del, list_del_init, list_empty, LIST_POISON

virtual patch
virtual context
virtual org
virtual report
virtual collect

@initialize:python@
@@
import os
import re

TESTED = {}
TESTED_IN = {}
HEADS = set()
FINDINGS = {}
MODE = set()


def norm(t):
    """Structure type without qualifiers or spacing differences."""
    t = re.sub(r"\b(const|volatile)\b", " ", str(t))
    return " ".join(t.split())


# Fields tested in other files of the tree: "LISTTEST TYPE FIELD FILE:LINE"
# lines that "spatch -D collect" printed, in the file LIST_TESTED names.
ELSEWHERE = {}


def load_tested(path):
    with open(path) as fh:
        for line in fh:
            if line.startswith(("LISTUNLINK ", "LISTLINK ")):
                continue    # list_del_twice's
            m = re.match(r"^(?:LISTTEST )?(.+) (\S+) (\S+:\d+)$", line.strip())
            if m:
                ELSEWHERE.setdefault((norm(m.group(1)), m.group(2)), m.group(3))


if os.environ.get("LIST_TESTED"):
    load_tested(os.environ["LIST_TESTED"])


def tested(t, f):
    k = (norm(t), str(f))
    return (k in TESTED or k in ELSEWHERE) and k not in HEADS


# Deletes after which some path keeps the poisoned entry alive, by
# structure type and field: {(type, field): {function: first position}};
# and the arguments of each, reported once the file is read.  An entry
# that two functions both leave poisoned is deleted twice when the second
# runs after the first.
DELETED = {}
CANDS = []


def deleted_at(t, f, e, p, dl):
    k = (norm(t), str(f))
    fns = DELETED.setdefault(k, {})
    fn = str(p.current_element)
    if key(p) not in RELINKED and \
            (fn not in fns or int(p.line) < int(fns[fn].line)):
        fns[fn] = p
    CANDS.append((t, str(f), e, p, dl))


# Deletes of an entry the function itself linked earlier on the path (a
# register function undoing its add on an error path, a hand-made move):
# they say nothing of another function's delete of the entry, which
# runs on the entries that stayed linked.
RELINKED = set()


# Entries a function got from its caller (a parameter, a cast, field or
# container_of() of one): (function, name).  A function handed an entry
# cannot know whether another path already took it off its list; one that
# found it on the list (an iterator, list_first_entry()) or asserted that it
# is linked (list_is_first()) can.
FROMPARAM = set()
PARAMS = set()
ASSERTED = set()
# Deletes that are the whole body of a walk over a list: the walk takes
# each entry off and drops it, neither freeing it nor handing it on, so
# the entries live on with whoever linked them.
DRAINED = set()


def judge():
    for (t, f, e, p, dl) in CANDS:
        if (norm(t), f) not in HEADS:
            poisoned(t, f, e, p, dl)
    del CANDS[:]


# The tests -D collect prints once the file is read: those of a structure
# the file does not define (a .c file's own structure is another type in
# every other file, whatever its name), of a field it does not use as a
# list head (a test of the head says nothing of an entry).
COLLECTED = []
LOCAL = set()
# For list_del_twice.cocci (collect mode): functions that delete, or link,
# a member of a parameter, (name, index, field, [delete,] type,
# position); the positions of static functions and of those that drop a
# reference.
UNLINKS = []
LINKS = []
STATIC = set()
LASTREF = set()
# Functions that return true (or 1) after each delete of a parameter's
# member, and those that return anything else after one: the first
# without the second tell their caller whether they deleted.
RET_TRUE = set()
RET_OTHER = set()


def print_unlinkers():
    linked = set((fn, n, f, t) for (fn, n, f, t, p) in LINKS)
    for (fn, n, f, dl, t, p) in UNLINKS:
        how = dl
        if (fn, n, f, t) in linked:
            how = "relink"
        elif key(p) in LASTREF and "init" not in dl:
            how = "lastref"
        elif key(p) in RET_TRUE and key(p) not in RET_OTHER:
            how = dl + "+ontrue"
        print("LISTUNLINK %s %d %s %s %s %s %s:%s" % (
            fn, n, f, how, scope(p), t, p.file, p.line))
    for (fn, n, f, t, p) in LINKS:
        print("LISTLINK %s %d %s %s %s %s:%s" % (fn, n, f, scope(p), t, p.file, p.line))
    del UNLINKS[:]
    del LINKS[:]
    STATIC.clear()
    LASTREF.clear()
    RET_TRUE.clear()
    RET_OTHER.clear()


def scope(p):
    return "static" if key(p) in STATIC else "global"


def tested_at(t, f, p):
    k = (norm(t), str(f))
    if "collect" in MODE:
        COLLECTED.append((norm(t), str(f), p.file, p.line))
    if k not in TESTED or int(p.line) < int(TESTED[k].line):
        TESTED[k] = p
    TESTED_IN.setdefault(k, set()).add((str(p.current_element), int(p.line)))


# The delete that leaves an entry poisoned, and the one that does not.
INIT = {"list_del": "list_del_init", "list_del_rcu": "list_del_init_rcu",
        "hlist_del": "hlist_del_init", "hlist_del_rcu": "hlist_del_init_rcu"}


# Functions that end an object's life: a list_empty() guard in one of them
# only covers "never added".
TEARDOWN_RE = re.compile(r"(^|_)(release|destroy|free|fini|dtor)(_|$)")


def teardown_guard(t, f, p):
    """Every list_empty() test of the field is a guard before this delete,
    in this teardown function."""
    k = (norm(t), str(f))
    fn = str(p.current_element)
    return bool(TEARDOWN_RE.search(fn)) and \
        all(g == fn and line < int(p.line) for (g, line) in TESTED_IN[k])


# Calls that take over an entry through one of its members: it will be
# freed (or handled) later.
DEFER_RE = re.compile(r"^(call_rcu|call_srcu|kfree_rcu|kvfree_rcu)$"
                      r"|^(queue|schedule|mod|kthread_queue)_(delayed_|rcu_)?work")


def defer(name):
    return bool(DEFER_RE.search(str(name)))


# Calls that may free the entry or put it on a list again, by a word of
# their name (kfree, kmem_cache_free, put_page, obj_destroy, list_add_...).
# Passing the entry to any other function (a lock helper, a tracepoint)
# does not end the check.
KEEP_RE = re.compile(
    r"(^|_)(k|v|kv|kz)?(free|put|release|destroy|drop|unref|dispose|recycle"
    r"|reclaim|evict|kill|cleanup|finish|complete|retire|delete|remove|del"
    r"|add|insert|queue|enqueue|requeue|push|move|splice|attach|submit"
    r"|return|give|hand|transfer|store|stash|park|defer|schedule|reuse)"
    r"(s|d|ed|ing)?(_|$)")


def keeps(name):
    return bool(KEEP_RE.search(str(name)))


def key(p):
    return (p.file, int(p.line), int(p.column))


FIX = set()


def poisoned(t, f, e, p, dl):
    """Report a delete of a field tested elsewhere in the file, or deleted
    in another function too."""
    k = (norm(t), f)
    if k not in TESTED and k in ELSEWHERE:
        what = "hlist_unhashed()" if dl.startswith("h") else "list_empty()"
        emit(p, "%s() leaves %s->%s poisoned, but %s.%s is tested with %s in %s; use %s()"
             % (dl, e, f, norm(t), f, what, ELSEWHERE[k], INIT[dl]))
        return
    if k not in TESTED:
        fn = str(p.current_element)
        if key(p) in DRAINED:
            drained(t, f, e, p, dl)
            return
        if (fn, str(e)) not in FROMPARAM or key(p) in ASSERTED or \
                key(p) in RELINKED:
            return
        others = sorted((q for (g, q) in DELETED.get(k, {}).items() if g != fn),
                        key=lambda q: int(q.line))
        if not others:
            return
        q = others[0]
        emit(p, "%s() leaves %s->%s poisoned, but %s.%s is deleted again in %s() at line %s, and nothing tests it; use %s()"
             % (dl, e, f, norm(t), f, q.current_element, q.line, INIT[dl]),
             [("other delete", q)])
        return
    q = TESTED[k]
    if teardown_guard(t, f, p):
        return
    what = "hlist_unhashed()" if dl.startswith("h") else "list_empty()"
    emit(p, "%s() leaves %s->%s poisoned, but %s.%s is tested with %s at line %s; use %s()"
         % (dl, e, f, norm(t), f, what, q.line, INIT[dl]), [("%s test" % what, q)])


def drained(t, f, e, p, dl):
    """A walk that only takes its entries off, in a file where another
    function deletes the same member of an entry its caller hands it:
    that entry's owner deletes it again after the walk (an unregister
    after a teardown that dropped every registration)."""
    k = (norm(t), f)
    fn = str(p.current_element)
    owners = sorted((q for (t2, f2, e2, q, dl2) in CANDS
                     if (norm(t2), f2) == k and
                     str(q.current_element) != fn and
                     (str(q.current_element), str(e2)) in FROMPARAM and
                     key(q) not in ASSERTED and key(q) not in RELINKED),
                    key=lambda q: int(q.line))
    if not owners:
        return
    q = owners[0]
    emit(p, "%s() in a walk that only takes each entry off leaves %s->%s poisoned, but %s() deletes %s.%s of the entry its caller hands it (line %s), and nothing tests it; use %s() or leave the entries to their owners"
         % (dl, e, f, q.current_element, norm(t), f, q.line, INIT[dl]),
         [("owner's delete", q)])


def emit(p, msg, secs=()):
    FIX.add(key(p))
    k = (key(p), msg)
    if k not in FINDINGS:
        FINDINGS[k] = (p, msg, list(secs))


def flush():
    for k in sorted(FINDINGS):
        (p, msg, secs) = FINDINGS[k]
        text = "list_del without init in %s(): %s" % (p.current_element, msg)
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

@script:python depends on collect@
@@
MODE.add("collect")

// New file: forget the previous one.
@script:python reset@
@@
TESTED.clear()
TESTED_IN.clear()
HEADS.clear()
DELETED.clear()
del CANDS[:]
FROMPARAM.clear()
PARAMS.clear()
ASSERTED.clear()
RELINKED.clear()
DRAINED.clear()
FINDINGS.clear()
FIX.clear()
del COLLECTED[:]
LOCAL.clear()

// Structures the file defines.
@localdef@
identifier S;
@@
struct S { ... };

@script:python@
S << localdef.S;
@@
LOCAL.add("struct %s" % S)

// Fields tested with list_empty() somewhere in the file, by structure type.
@tst disable ptr_to_array@
type T;
T *X;
identifier f;
identifier tf =~ "^(list_empty|list_empty_careful|hlist_unhashed|hlist_unhashed_lockless)$";
position p;
@@
tf@p(&X->f)

@script:python@
T << tst.T;
f << tst.f;
p << tst.p;
@@
tested_at(T, f, p[0])

// Members of members: &dev->links.consumer is field "links.consumer".
@tst2 disable ptr_to_array@
type T;
T *X;
identifier f, g;
identifier tf =~ "^(list_empty|list_empty_careful|hlist_unhashed|hlist_unhashed_lockless)$";
position p;
@@
tf@p(&X->f.g)

@script:python@
T << tst2.T;
f << tst2.f;
g << tst2.g;
p << tst2.p;
@@
tested_at(T, "%s.%s" % (f, g), p[0])

// Fields used as a list head somewhere in the file, by structure type.
@head disable ptr_to_array@
type T;
T *X;
identifier f;
expression E;
@@
(
 \( list_add(E, &X->f) \| list_add_tail(E, &X->f) \| list_move(E, &X->f) \| list_move_tail(E, &X->f) \)
|
 \( list_splice(E, &X->f) \| list_splice_tail(E, &X->f) \| list_splice_init(E, &X->f) \| list_splice_tail_init(E, &X->f) \)
|
 \( list_first_entry(&X->f, ...) \| list_last_entry(&X->f, ...) \| list_first_entry_or_null(&X->f, ...) \)
)

@script:python@
T << head.T;
f << head.f;
@@
HEADS.add((norm(T), str(f)))

@head2 disable ptr_to_array@
type T;
T *X;
identifier f, g;
expression E;
identifier hf =~ "^(list_(add|add_tail|move|move_tail|splice|splice_tail|splice_init|splice_tail_init)|hlist_add_head(_rcu)?)$";
identifier ef =~ "^list_(first|last)_entry(_or_null)?$";
@@
\( hf(E, &X->f.g) \| ef(&X->f.g, ...) \)

@script:python@
T << head2.T;
f << head2.f;
g << head2.g;
@@
HEADS.add((norm(T), "%s.%s" % (f, g)))

@head_iter disable ptr_to_array@
type T;
T *X;
identifier f, m;
expression E, E2;
iterator name list_for_each_entry, list_for_each_entry_safe;
iterator name list_for_each, list_for_each_safe;
statement S;
@@
(
 list_for_each_entry(E, &X->f, m) S
|
 list_for_each_entry_safe(E, E2, &X->f, m) S
|
 list_for_each(E, &X->f) S
|
 list_for_each_safe(E, E2, &X->f) S
)

@script:python@
T << head_iter.T;
f << head_iter.f;
@@
HEADS.add((norm(T), str(f)))

// Entries handed in by the caller (the checking runs only, as the next
// rules up to the deletes).
@lparam_self depends on !collect@
identifier fn, P;
type T1;
@@
fn(..., T1 P, ...) { ... }

@script:python@
fn << lparam_self.fn;
P << lparam_self.P;
@@
FROMPARAM.add((str(fn), str(P)))
PARAMS.add((str(fn), str(P)))

// Each assignment alone, by position, not as a nest in the function's
// body: spatch gives up a whole file when such a nest is "reachable by
// inconsistent control-flow paths" (regmap_noinc_readwrite()).
@lparam depends on !collect@
identifier P, E, f, acc;
type T2;
position pa;
@@
(
 E@pa = P
|
 E@pa = (T2)P
|
 E@pa = P->f
|
 E@pa = container_of(P, ...)
|
 E@pa = container_of(&P->f, ...)
|
 E@pa = acc(P)
)

@script:python@
P << lparam.P;
E << lparam.E;
pa << lparam.pa;
@@
fn = str(pa[0].current_element)
if (fn, str(P)) in PARAMS:
    FROMPARAM.add((fn, str(E)))

@lparam_decl depends on !collect@
identifier fn, P, E, f, acc;
type T1, T2, T3;
@@
fn(..., T1 P, ...) {
... when any
(
 T2 E = P;
|
 T2 E = (T3)P;
|
 T2 E = P->f;
|
 T2 E = container_of(P, ...);
|
 T2 E = container_of(&P->f, ...);
|
 T2 E = acc(P);
)
... when any
}

@script:python@
fn << lparam_decl.fn;
E << lparam_decl.E;
@@
FROMPARAM.add((str(fn), str(E)))

// Deletes after a test that the entry is linked (list_is_first() in a
// WARN_ON()): the function knows it is on the list.
@asserted depends on !collect disable ptr_to_array exists@
expression E;
identifier f;
identifier lt =~ "^(list_is_first|list_is_last|list_is_head|hlist_unhashed|list_empty|list_empty_careful)$";
identifier dl =~ "^h?list_del(_rcu)?$";
position p;
@@
lt(&E->f, ...)
...
dl@p(&E->f)

@script:python@
p << asserted.p;
@@
ASSERTED.add(key(p[0]))

// Deletes of an entry the function itself took off a list head
// (buf = list_entry(head->next, ...)), though the variable first held the
// caller's entry: the function found it linked.
@found_linked depends on !collect disable ptr_to_array exists@
idexpression E;
identifier f;
identifier le =~ "^h?list_(first_|last_|next_|prev_)?entry(_or_null|_safe)?$";
identifier dl =~ "^h?list_del(_rcu)?$";
position p;
@@
E = le(...)
...
dl@p(&E->f)

@script:python@
p << found_linked.p;
@@
ASSERTED.add(key(p[0]))

// Walks whose whole body is the delete of the cursor's entry.
@drain depends on !collect disable ptr_to_array@
expression E, E2, H;
identifier f;
identifier dl =~ "^list_del(_rcu)?$";
iterator name list_for_each_entry_safe;
position p;
@@
list_for_each_entry_safe(E, E2, H, f) { dl@p(&E->f); }

@script:python@
p << drain.p;
@@
DRAINED.add(key(p[0]))

// Deletes of an entry this function added to a list before, on the path.
@relinked depends on !collect disable ptr_to_array exists@
expression E, H;
identifier f;
identifier al =~ "^(h?list_add(_tail)?(_rcu)?|hlist_add_(head|before|behind)(_rcu)?|list_move(_tail)?)$";
identifier dl =~ "^h?list_del(_rcu)?$";
position p;
@@
al(&E->f, ...)
...
dl@p(&E->f)

@script:python@
p << relinked.p;
@@
RELINKED.add(key(p[0]))

// list_del() of such a field, after which some path keeps the poisoned
// entry: it is not added again, re-initialised, freed or passed on.
@bad depends on !collect disable ptr_to_array exists@
type T;
T *E;
identifier f, g;
identifier fn : script:python() { keeps(fn) };
identifier df : script:python() { defer(df) };
identifier dl =~ "^h?list_del(_rcu)?$";
expression E2, H;
position p;
@@
dl@p(&E->f);
... when != \( list_add(&E->f, H) \| list_add_tail(&E->f, H) \)
    when != \( list_add_rcu(&E->f, H) \| list_add_tail_rcu(&E->f, H) \)
    when != \( list_move(&E->f, H) \| list_move_tail(&E->f, H) \)
    when != \( __list_add(&E->f, ...) \| list_replace(&E->f, ...) \)
    when != \( hlist_add_head(&E->f, H) \| hlist_add_head_rcu(&E->f, H) \)
    when != \( hlist_add_before(&E->f, ...) \| hlist_add_behind(&E->f, ...) \)
    when != \( INIT_LIST_HEAD(&E->f) \| INIT_HLIST_NODE(&E->f) \)
    when != E->f.next = E2
    when != E->f.pprev = E2
    when != fn(..., E, ...)
    when != df(..., &E->g, ...)
    when != \( memset(E, 0, sizeof(*E)) \| memset(E, 0, sizeof(T)) \)
    when != E2 = E
    when != return E;
    when != *E = E2

// The same for a member of a member (&dev->links.consumer).
@bad2 depends on !collect disable ptr_to_array exists@
type T;
T *E;
identifier f, f2, g;
identifier fn : script:python() { keeps(fn) };
identifier df : script:python() { defer(df) };
identifier dl =~ "^h?list_del(_rcu)?$";
expression E2, H;
position p;
@@
dl@p(&E->f.f2);
... when != \( list_add(&E->f.f2, H) \| list_add_tail(&E->f.f2, H) \)
    when != \( list_add_rcu(&E->f.f2, H) \| list_add_tail_rcu(&E->f.f2, H) \)
    when != \( list_move(&E->f.f2, H) \| list_move_tail(&E->f.f2, H) \)
    when != \( __list_add(&E->f.f2, ...) \| list_replace(&E->f.f2, ...) \)
    when != \( hlist_add_head(&E->f.f2, H) \| hlist_add_head_rcu(&E->f.f2, H) \)
    when != \( hlist_add_before(&E->f.f2, ...) \| hlist_add_behind(&E->f.f2, ...) \)
    when != \( INIT_LIST_HEAD(&E->f.f2) \| INIT_HLIST_NODE(&E->f.f2) \)
    when != E->f.f2.next = E2
    when != E->f.f2.pprev = E2
    when != fn(..., E, ...)
    when != df(..., &E->g, ...)
    when != \( memset(E, 0, sizeof(*E)) \| memset(E, 0, sizeof(T)) \)
    when != E2 = E
    when != return E;
    when != *E = E2

// The same entry deleted a second time on one path.
@twice depends on !collect disable ptr_to_array exists@
type T;
T *E;
identifier f;
identifier dl =~ "^h?list_del(_rcu)?$";
identifier del2 =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_rcu|list_move(_tail)?)$";
expression E2, H, H2;
iterator iter;
statement S;
position p, p2;
@@
dl@p(&E->f);
... when != \( list_add(&E->f, H) \| list_add_tail(&E->f, H) \)
    when != \( list_add_rcu(&E->f, H) \| list_add_tail_rcu(&E->f, H) \)
    when != \( __list_add(&E->f, ...) \| list_replace(&E->f, ...) \)
    when != \( hlist_add_head(&E->f, H) \| hlist_add_head_rcu(&E->f, H) \)
    when != \( INIT_LIST_HEAD(&E->f) \| INIT_HLIST_NODE(&E->f) \)
    when != E = E2
    when != \( E++ \| E-- \| ++E \| --E \| E += E2 \| E -= E2 \)
(
 iter(..., E, ...) S
|
 del2@p2(&E->f, ...)
)

// A list_head pointer deleted, then tested or deleted again on the path;
// not through a loop that makes it its cursor (list_for_each_safe(pos,
// n, h): the next turn, or a second loop, is of another entry).
@bad_ptr depends on !collect exists@
idexpression struct list_head *P;
identifier dl =~ "^list_del(_rcu)?$";
identifier use =~ "^(list_empty|list_empty_careful|list_del|list_del_init|list_move|list_move_tail)$";
expression E2, H;
iterator it;
statement S;
position p, p2;
@@
dl@p(P);
... when != \( list_add(P, H) \| list_add_tail(P, H) \| list_add_rcu(P, H) \| list_add_tail_rcu(P, H) \)
    when != \( list_move(P, H) \| list_move_tail(P, H) \| INIT_LIST_HEAD(P) \)
    when != P = E2
    when != it(P, ...) S
use@p2(P, ...)

@script:python@
T << bad.T;
f << bad.f;
E << bad.E;
p << bad.p;
dl << bad.dl;
@@
deleted_at(T, str(f), E, p[0], str(dl))

@script:python@
T << bad2.T;
f << bad2.f;
f2 << bad2.f2;
E << bad2.E;
p << bad2.p;
dl << bad2.dl;
@@
deleted_at(T, "%s.%s" % (f, f2), E, p[0], str(dl))

@script:python@
P << bad_ptr.P;
p << bad_ptr.p;
p2 << bad_ptr.p2;
dl << bad_ptr.dl;
use << bad_ptr.use;
@@
if key(p[0]) != key(p2[0]):
    emit(p[0], "%s() leaves %s poisoned, but %s() at line %s uses it again; use %s()"
         % (dl, P, use, p2[0].line, INIT[str(dl)]), [("used again", p2[0])])

@script:python@
f << twice.f;
E << twice.E;
p << twice.p;
p2 << twice.p2;
dl << twice.dl;
@@
if key(p[0]) != key(p2[0]):
    emit(p[0], "%s->%s is deleted again at line %s after this %s(); use %s()"
         % (E, f, p2[0].line, dl, INIT[str(dl)]), [("second delete", p2[0])])

// For list_del_twice.cocci, which reads them from the same list: the
// functions that delete, or add or initialise, a member of a parameter,
// by the parameter's position (0 for the first).  Printed as
// "LISTUNLINK NAME INDEX FIELD HOW SCOPE TYPE FILE:LINE", HOW the delete
// (list_del, hlist_del_init...), or "relink" when the function also adds
// or initialises that member (a register function that deletes only on
// its error path, a hand-made move), or "lastref" when it deletes only
// on the last reference (a dec_and_test, a kref_put, a decrement), with
// "+ontrue" after it when the function returns true after each delete of
// a parameter's member and nothing else after one (its result tells its
// caller whether it deleted), and
// "LISTLINK NAME INDEX FIELD SCOPE TYPE FILE:LINE"; SCOPE "static" for a
// static function (list_del_twice believes it in its file only).
@unlinker depends on collect disable ptr_to_array@
identifier fn, P, f;
type T;
parameter list[n] ps;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_rcu)$";
position p;
@@
fn@p(ps, T *P, ...) {
<+... dl(&P->f) ...+>
}

@script:python@
fn << unlinker.fn;
n << unlinker.n;
T << unlinker.T;
f << unlinker.f;
dl << unlinker.dl;
p << unlinker.p;
@@
UNLINKS.append((str(fn), int(n), str(f), str(dl), norm(T), p[0]))

@linker depends on collect disable ptr_to_array@
identifier fn, P, f;
type T;
parameter list[n] ps;
identifier al =~ "^(list_(add|add_tail|add_rcu|add_tail_rcu|move|move_tail)|hlist_add_(head|head_rcu|before|behind)|INIT_LIST_HEAD|INIT_HLIST_NODE)$";
position p;
@@
fn@p(ps, T *P, ...) {
<+... al(&P->f, ...) ...+>
}

@script:python@
fn << linker.fn;
n << linker.n;
T << linker.T;
f << linker.f;
p << linker.p;
@@
LINKS.append((str(fn), int(n), str(f), norm(T), p[0]))

@lastref depends on collect@
identifier fn;
expression E;
identifier rf =~ "(dec_and_test|dec_and_lock|dec_and_mutex_lock|sub_and_test|dec_return|^kref_put|^refcount_dec)";
statement S1, S2;
position p;
@@
fn@p(...) {
<+... if (<+... \( rf(...) \| --E \) ...+>) S1 else S2 ...+>
}

@script:python@
p << lastref.p;
@@
LASTREF.add(key(p[0]))

// The same with the test's result kept in a variable and tested later
// ("dead = refcount_dec_and_test(&x->ref); trace(...); if (dead) {
// ... list_del(&x->link); ... }"): the delete must be in the branch.
@lastref_var depends on collect disable ptr_to_array@
identifier fn, P, f;
idexpression V;
expression E;
type T;
identifier rf =~ "(dec_and_test|dec_and_lock|dec_and_mutex_lock|sub_and_test|^kref_put|^refcount_dec)";
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_rcu)$";
position p;
@@
fn@p(..., T *P, ...) {
<+...
V = rf(...);
... when != V = E
if (V) { <+... dl(&P->f) ...+> }
...+>
}

@script:python@
p << lastref_var.p;
@@
LASTREF.add(key(p[0]))

// What a function returns after a delete of a parameter's member (the
// first return on each path after it).
@ret_after_delete depends on collect disable ptr_to_array exists@
identifier fn, P, f;
type T;
expression R;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_rcu)$";
position p;
@@
fn@p(..., T *P, ...) {
... when any
dl(&P->f);
...
return R;
}

@script:python@
p << ret_after_delete.p;
R << ret_after_delete.R;
@@
if str(R) in ("true", "1"):
    RET_TRUE.add(key(p[0]))
else:
    RET_OTHER.add(key(p[0]))

@static_fn depends on collect@
identifier fn;
type T;
position p;
@@
static T fn@p(...) { ... }

@script:python@
p << static_fn.p;
@@
STATIC.add(key(p[0]))

@script:python flush@
@@
judge()
flush()
for (t, f, fname, line) in COLLECTED:
    if not (fname.endswith(".c") and t in LOCAL) and (t, f) not in HEADS:
        print("LISTTEST %s %s %s:%s" % (t, f, fname, line))
del COLLECTED[:]
print_unlinkers()

@depends on patch@
position p : script:python() { key(p[0]) in FIX };
expression L;
@@
(
- list_del@p(L);
+ list_del_init(L);
|
- list_del_rcu@p(L);
+ list_del_init_rcu(L);
|
- hlist_del@p(L);
+ hlist_del_init(L);
|
- hlist_del_rcu@p(L);
+ hlist_del_init_rcu(L);
)

@depends on context@
position p : script:python() { key(p[0]) in FIX };
identifier dl;
expression L;
@@
* dl@p(L);
