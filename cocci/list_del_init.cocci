// SPDX-License-Identifier: GPL-2.0-only
/// list_del() leaves the entry's pointers poisoned: list_empty() on it
/// returns false and a second list_del() or list_move() on it crashes (or
/// reports list corruption with CONFIG_DEBUG_LIST).  That is fine when the
/// entry is freed or put on another list right away, not when some other
/// path of the same file tests the entry with list_empty() to learn whether
/// it is still queued, or deletes it again.  Use list_del_init() there.
///
/// Reported: list_del(&E->f) where a field f of the same structure type is
/// tested with list_empty() (or list_empty_careful()) anywhere in the file,
/// or the same entry is deleted again later on the path, and on some path
/// after the delete the entry is neither added to a list again,
/// re-initialised, returned, stored, nor passed to a function whose name
/// says that it frees, puts or queues it (kfree, put_page, ..._add, ...).
/// Not reported: a field the file also uses as a list head (its
/// list_empty() tests are about the head), and a guard in a teardown
/// function (..._release, _destroy, _free, _fini, _dtor) that is the
/// field's only list_empty() test: it covers "never added", and the object
/// goes away with the function.
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
//  Measured: 8 of the 32 decided findings true on the whole 6.1 tree (cocci/triage/).
// Options: --no-includes --include-headers
// Keywords: list_del, list_del_init, list_empty, LIST_POISON

virtual patch
virtual context
virtual org
virtual report

@initialize:python@
@@
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


def tested(t, f):
    k = (norm(t), str(f))
    return k in TESTED and k not in HEADS


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

// New file: forget the previous one.
@script:python reset@
@@
TESTED.clear()
TESTED_IN.clear()
HEADS.clear()
FINDINGS.clear()
FIX.clear()

// Fields tested with list_empty() somewhere in the file, by structure type.
@tst disable ptr_to_array@
type T;
T *X;
identifier f;
position p;
@@
\( list_empty@p(&X->f) \| list_empty_careful@p(&X->f) \)

@script:python@
T << tst.T;
f << tst.f;
p << tst.p;
@@
k = (norm(T), str(f))
if k not in TESTED or int(p[0].line) < int(TESTED[k].line):
    TESTED[k] = p[0]
TESTED_IN.setdefault(k, set()).add((str(p[0].current_element), int(p[0].line)))

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

// list_del() of such a field, after which some path keeps the poisoned
// entry: it is not added again, re-initialised, freed or passed on.
@bad disable ptr_to_array exists@
type T;
T *E;
identifier f, g;
identifier fn : script:python() { keeps(fn) };
identifier df : script:python() { defer(df) };
expression E2, H;
position p : script:python(T, f) { tested(T, f) };
@@
list_del@p(&E->f);
... when != \( list_add(&E->f, H) \| list_add_tail(&E->f, H) \)
    when != \( list_add_rcu(&E->f, H) \| list_add_tail_rcu(&E->f, H) \)
    when != \( list_move(&E->f, H) \| list_move_tail(&E->f, H) \)
    when != \( __list_add(&E->f, ...) \| list_replace(&E->f, ...) \)
    when != INIT_LIST_HEAD(&E->f)
    when != E->f.next = E2
    when != fn(..., E, ...)
    when != df(..., &E->g, ...)
    when != E2 = E
    when != return E;
    when != *E = E2

// The same entry deleted a second time on one path.
@twice disable ptr_to_array exists@
type T;
T *E;
identifier f;
expression E2, H, H2;
iterator iter;
statement S;
position p, p2;
@@
list_del@p(&E->f);
... when != \( list_add(&E->f, H) \| list_add_tail(&E->f, H) \)
    when != \( list_add_rcu(&E->f, H) \| list_add_tail_rcu(&E->f, H) \)
    when != \( __list_add(&E->f, ...) \| list_replace(&E->f, ...) \)
    when != INIT_LIST_HEAD(&E->f)
    when != E = E2
    when != \( E++ \| E-- \| ++E \| --E \| E += E2 \| E -= E2 \)
(
 iter(..., E, ...) S
|
 \( list_del@p2(&E->f) \| list_del_init@p2(&E->f) \| list_move@p2(&E->f, H2) \| list_move_tail@p2(&E->f, H2) \)
)

@script:python@
T << bad.T;
f << bad.f;
E << bad.E;
p << bad.p;
@@
q = TESTED[(norm(T), str(f))]
if not teardown_guard(T, f, p[0]):
    emit(p[0], "list_del() leaves %s->%s poisoned, but %s.%s is tested with list_empty() at line %s; use list_del_init()"
         % (E, f, norm(T), f, q.line), [("list_empty() test", q)])

@script:python@
f << twice.f;
E << twice.E;
p << twice.p;
p2 << twice.p2;
@@
if key(p[0]) != key(p2[0]):
    emit(p[0], "%s->%s is deleted again at line %s after this list_del(); use list_del_init()"
         % (E, f, p2[0].line), [("second delete", p2[0])])

@script:python flush@
@@
flush()

@depends on patch@
position p : script:python() { key(p[0]) in FIX };
expression E;
identifier f;
@@
- list_del@p(&E->f);
+ list_del_init(&E->f);

@depends on context@
position p : script:python() { key(p[0]) in FIX };
expression E;
identifier f;
@@
* list_del@p(&E->f);
