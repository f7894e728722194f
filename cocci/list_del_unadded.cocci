// SPDX-License-Identifier: GPL-2.0-only
/// list_del() of an entry that was never added to a list and never
/// initialised follows the NULL pointers of a zeroed allocation (or the
/// garbage of an unzeroed one).  Error paths meet this: an object is
/// allocated, a later step fails before it is added to its list, and the
/// common cleanup function deletes it from the list all the same.
/// INIT_LIST_HEAD() the entry right after the allocation (and delete it
/// with list_del_init()), or add it before anything can fail.
///
/// Reported: list_del(&x->f) (also list_del_rcu(), hlist_del()) of a
/// parameter x, where a function of the same file allocates an object
/// (kzalloc(), kmalloc(), kmem_cache_alloc()...), and a path from the
/// allocation's NULL test reaches a call passing the object to that
/// function with nothing on the way adding, moving or initialising any
/// list_head of the object (also under a test: "if (!found) list_add()"
/// and a later "if (found)" are taken to go together), nor passing the
/// object to a function of another file or to one of this file that adds
/// or initialises a field of its parameter.
/// Not reported: a delete in a loop (a search of the list for the entry)
/// or under a test (a flag that says it was added), unless the test
/// drops the last reference (refcount_dec_and_test(), kref_put()...).
//# The path is not checked for feasibility otherwise: a flag tested
//# before the cleanup call that says the object was added makes a false
//# positive.
//
// Confidence: Moderate
// Copyright: (C) 2026 z3fold-series maintainers
// Options: --no-includes --include-headers
// Keywords: list_del, INIT_LIST_HEAD, error path, NULL pointer dereference

virtual context
virtual org
virtual report

@initialize:python@
@@
import re

PARAMS = {}     # function of the file: {parameter: index}
DELETES = {}    # (function, index of a parameter): [(field, position)]
LINKS = set()   # functions of the file that add or initialise a parameter
CANDIDATES = {}  # the findings, until the guarded deletes are dropped
LAST_REF_RE = re.compile(r"dec_and_test|dec_and_lock|kref_put|refcount_dec")
REPORTED = set()  # where the findings of the file are, for context mode
MODE = set()


def key(p):
    return (p.file, int(p.line), int(p.column))


def deletes_arg(g):
    return any(k[0] == g for k in DELETES)


def may_link_arg(g):
    """A function of another file, or one of this file that adds or
    initialises a field of a parameter."""
    return g not in PARAMS or g in LINKS


def flush():
    for k in sorted(CANDIDATES):
        (p, msg) = CANDIDATES[k]
        REPORTED.add(k)
        text = "[Moderate] list_del of an entry never added in %s(): %s" % (p.current_element, msg)
        if "report" in MODE:
            coccilib.report.print_report(p, text)
        if "org" in MODE:
            cocci.print_main(text, [p])
    CANDIDATES.clear()

@script:python depends on report@
@@
MODE.add("report")

@script:python depends on org@
@@
MODE.add("org")

@script:python reset@
@@
PARAMS.clear()
DELETES.clear()
LINKS.clear()
CANDIDATES.clear()
REPORTED.clear()

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

// Parameters whose entry a function deletes ...
@deletes_param@
identifier x, f;
identifier dl =~ "^(h?list_del(_rcu)?)$";
position p;
@@
dl@p(&x->f)

@script:python@
x << deletes_param.x;
f << deletes_param.f;
p << deletes_param.p;
@@
fn = p[0].current_element
i = PARAMS.get(fn, {}).get(str(x))
if i is not None:
    DELETES.setdefault((fn, i), []).append((str(f), p[0]))

// ... or adds or initialises.
@links_param@
identifier x, f;
identifier lo =~ "^(INIT_H?LIST_HEAD|h?list_add(_tail|_rcu|_tail_rcu|_head|_head_rcu)?)$";
position p;
@@
lo@p(&x->f, ...)

@script:python@
x << links_param.x;
p << links_param.p;
@@
fn = p[0].current_element
if str(x) in PARAMS.get(fn, {}):
    LINKS.add(fn)

// An allocation that reaches such a delete with no list_head set.
@unadded exists@
expression X, E, C;
identifier al =~ "^(kzalloc|kmalloc|kcalloc|kvzalloc|kvmalloc|kmem_cache_zalloc|kmem_cache_alloc|devm_kzalloc)$";
identifier lo =~ "^(INIT_H?LIST_HEAD|h?list_add(_tail|_rcu|_tail_rcu|_head|_head_rcu)?|list_move(_tail)?|h?list_del(_init|_rcu)?)$";
identifier lk : script:python() { may_link_arg(lk) };
identifier D : script:python() { deletes_arg(D) };
identifier h;
statement S;
expression list[n] es;
position pa, pc;
@@
X = al@pa(...);
if (\( !X \| X == NULL \| unlikely(!X) \)) S
... when != X = E
    when != lo(&X->h, ...)
    when != if (C) lo(&X->h, ...);
    when != lk(..., X, ...)
D@pc(es, X, ...);

@script:python@
D << unadded.D;
n << unadded.n;
al << unadded.al;
pa << unadded.pa;
pc << unadded.pc;
@@
for (f, p) in DELETES.get((str(D), int(n)), ()):
    if key(p) not in CANDIDATES:
        CANDIDATES[key(p)] = (p, "%s() at line %s passes an entry it %s()ed at line %s and never added to a list: ->%s was not initialised; INIT_LIST_HEAD() it after the allocation"
                            % (pc[0].current_element, pc[0].line, al, pa[0].line, f))

// Deletes done only in a loop (a search of the list for the entry) or
// under a test (a flag that says the entry was added), unless the test
// drops the last reference, are no findings.  Checked only in files with
// a candidate: <+... ...+> over every test is slow.
@guarded depends on unadded@
expression C, L;
identifier dl =~ "^(h?list_del(_rcu)?)$";
iterator I;
statement S;
position p;
@@
(
if (C) { <+... dl@p(L) ...+> } else S
|
if (C) { <+... dl@p(L) ...+> }
|
if (C) dl@p(L); else S
|
if (C) dl@p(L);
|
I(...) { <+... dl@p(L) ...+> }
|
for (...;...;...) { <+... dl@p(L) ...+> }
|
while (...) { <+... dl@p(L) ...+> }
)

@script:python@
C << guarded.C = "";
p << guarded.p;
@@
if not LAST_REF_RE.search(str(C)):
    CANDIDATES.pop(key(p[0]), None)

@script:python@
@@
flush()

@depends on context@
position p : script:python() { key(p[0]) in REPORTED };
identifier dl;
expression L;
@@
* dl@p(L);
