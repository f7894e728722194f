// SPDX-License-Identifier: GPL-2.0-only
/// Find unbalanced kref reference counting within a function:
///  - a reference taken with kref_get(), kref_get_unless_zero(), a get
///    wrapper, or returned by a getter ("x = foo_lookup(...)") that reaches
///    a return on some path without being put, handed off (stored, added
///    to a list, queued, returned, passed to a function that consumes it)
///    or dropped on the error path;
///  - two puts of the same reference on one path;
///  - a use of the object after a put that may have freed it, outside the
///    branch that knows it did not;
///  - a kref_put() whose release callback does not match the lock state of
///    the caller, for files that have _locked and unlocked release variants.
/// Get/put wrappers (foo_get()/foo_put() whose body takes or drops a kref)
/// and returning getters (a function that returns an object it took a
/// reference on, or created with kref_init()) are found by looking at
/// function bodies: the ones defined in the same file are found on the
/// fly, the ones defined elsewhere in the tree are read from the file
/// named by the environment variable KREF_WRAPPERS, which "spatch -D
/// collect" on the tree writes (scripts/cocci.sh does it).  A call the
/// tree has no body for, named like a lookup (get, lookup, find), counts
/// as a getter when the function puts its result elsewhere.
///
/// Every finding starts with its confidence, by shape:
///  [High]     a leak of a reference the function gives back on other
///             paths (taken by kref_get(), a wrapper, a getter known by
///             its body);
///  [Moderate] a leak through a getter known by its name only, a leak on
///             the branch where a hand-off failed (queue_work() false, a
///             keeper returning NULL), a leak of a reference on the
///             caller's object at an error return, a lock mismatch;
///  [Low]      a reference no path of the function gives back (often kept
///             on purpose for state the function does not show), a use
///             after put, two puts on one path (both mostly another
///             reference the function cannot see: 4 of 18 and 0 of 9 true
///             in the 6.1 triage).
///
//# Paths that are infeasible because of correlated conditions (a reference
//# taken only when a flag is set and dropped only when the same flag is set)
//# give false positives, as do objects whose reference is owned by a state
//# the caller cannot see (an isolated page, an object handed over through a
//# callback table), or objects another reference keeps alive (the caller's,
//# a second one the function holds).  Not reported: a use after a put when
//# the function took a reference of its own on the object earlier, when the
//# put drops a cancelled work item's or an unlinking container's reference,
//# or when its release callback does not free the object; two puts in one
//# straight run of statements; a leak of a reference on an object of the
//# caller (a parameter, a field of one) except at an error return that
//# skips the put other paths do.  A reference dropped by a callee that is
//# neither a wrapper nor a consumer is reported.
//
// Confidence: High, Moderate, Low (in each message)
// Copyright: (C) 2026 z3fold-series maintainers
// Comments: The lock check only knows lock functions by name (a "lock",
//  "trylock" or "unlock" word in the callee name, down_*/up_* for rwsems)
//  and only looks at locks taken on the object itself.
//  Measured: 5 of 33 sampled findings true on the whole 6.1 tree before
//  getters and tiers; with them 1 of 9 High and 2 of 19 Low on a 6.1 slice
//  (cocci/triage/kref_balance-6.1.tsv, cocci/triage/rules-v2-6.1.tsv).
// Options: --no-includes --include-headers
// Keywords: kref_get, kref_put, kref_get_unless_zero, refcount, use after free

virtual context
virtual org
virtual report
virtual collect

@initialize:python@
@@
import os
import re

KINDS = ("get", "tryget", "put", "kget", "ktryget", "kput", "consume",
         "nofree", "putcb", "rget", "init")
TREE = dict((k, set()) for k in KINDS)
LOCAL = dict((k, set()) for k in KINDS)
BAD_GET = set()
CALLBACKS = set()
NOWRAP = re.compile(r"^kref_")


def load_wrappers(path):
    """Lines "KIND NAME [FILE:LINE [static]]".  A static function of a .c
    file is private to that file (which finds it by itself), and its name
    may be reused by unrelated static functions elsewhere: skip it."""
    with open(path) as fh:
        for line in fh:
            words = line.split()
            if len(words) < 2 or words[0] not in TREE:
                continue
            if "static" in words[3:] and len(words) > 2 and \
                    re.match(r".*\.c:[0-9]+$", words[2]):
                continue
            TREE[words[0]].add(words[1])


if os.environ.get("KREF_WRAPPERS"):
    load_wrappers(os.environ["KREF_WRAPPERS"])


def wrap(kind, name):
    return name in TREE[kind] or name in LOCAL[kind]


def anyput(name):
    return wrap("put", name) or wrap("consume", name)


def known(name):
    return any(name in TREE[k] or name in LOCAL[k] for k in KINDS)


# Functions defined in this file whose name looks like that of a getter
# or a keeper: their body, not their name, says what they do.
DEFINED = set()

# A callee the tree has no body for, named like a lookup that returns a
# referenced object.  Only believed when the function puts what it got on
# some path (name fallback: Moderate at best).
GETNAME_RE = re.compile(r"(^|_)(get|lookup|find)(_|$)")


def rget(name):
    """Calls whose result carries a reference: returning getters known by
    their body, or named like one when no body is known."""
    return wrap("rget", name) or \
        (not known(name) and name not in DEFINED and
         bool(GETNAME_RE.search(name)))


def fallback(name):
    return not wrap("rget", name)


# lock functions are known by a word of their name only
LOCK_RE = re.compile(r"(^|_)(try)?lock(_|$)|^down_(read|write)")
UNLOCK_RE = re.compile(r"(^|_)unlock(_|$)|^up_(read|write)")
NOTLOCK_RE = re.compile(r"_init$|is_locked|_held|^lockdep")


def is_lock(name):
    return bool(LOCK_RE.search(name)) and not UNLOCK_RE.search(name) \
        and not NOTLOCK_RE.search(name)


def is_unlock(name):
    return bool(UNLOCK_RE.search(name)) and not NOTLOCK_RE.search(name)


def locked_cb(name):
    return "_locked" in name


def unlocked_twin(name):
    # release_foo is the unlocked twin of release_foo_locked[_suffix]
    if locked_cb(name):
        return False
    for cb in CALLBACKS:
        if locked_cb(cb) and cb.split("_locked")[0] == name:
            return True
    return False


# Calls that take over a reference given to them, either as the object or
# as one of its members (list nodes, work items, rcu heads, timers).
HANDOFF_RE = re.compile(
    r"^(__)?(h|ll)?list_(add|move|replace|splice)|^hash_add|^list_lru_add"
    r"|^rb_(link_node|insert|add)|^(__)?(xa|xas)_(store|insert|cmpxchg|alloc)"
    r"|^idr_(alloc|replace)|^radix_tree_(insert|replace)|^rhl?table_.*insert"
    r"|^(rcu_assign_pointer|RCU_INIT_POINTER|WRITE_ONCE|smp_store_release"
    r"|xchg|cmpxchg|try_cmpxchg)$"
    r"|^(queue|schedule|mod|kthread_queue|kthread_mod)_(delayed_|rcu_)?work"
    r"|^queue_(delayed_)?work_on|^call_rcu|^kfree_rcu|^kthread_(run|create)"
    r"|^(add|mod)_timer|^timer_reduce|^hrtimer_start|^tasklet_(hi_)?schedule"
    r"|^irq_work_queue|^llist_add|^btree_insert|^kfifo_put|^fd_install")

# Calls whose name says that they keep the object passed to them.
VERB_RE = re.compile(
    r"(^|_)(add|attach|insert|install|enqueue|queue|push|link|store"
    r"|register|submit|schedule|publish|assign|set|bind|hold|own|transfer"
    r"|track|hash|enlist)(_|$)")


def handoff(name):
    return bool(HANDOFF_RE.search(name))


# Stores: their first argument is where the pointer goes, so a member of
# the object there (cmpxchg(&x->busy, 0, 1)) is no hand-off of it.
STORE_RE = re.compile(r"^(rcu_assign_pointer|RCU_INIT_POINTER|WRITE_ONCE"
                      r"|smp_store_release|xchg|cmpxchg|try_cmpxchg)$")


def handoff_member(name):
    """A call taking the object over through one of its members (a list
    node, a work item, an rcu head)."""
    return handoff(name) and not STORE_RE.search(name)


# Freeing the object outright ends it, whatever its count said.
KFREE_RE = re.compile(r"^(kv?|v)free(_sensitive)?$|^kmem_cache_free$")


def keeps(name):
    """A callee the object is handed to keeps it: by its body where this
    file has it (a consumer), by its name otherwise."""
    if anyput(name) or HANDOFF_RE.search(name) or KFREE_RE.search(name):
        return True
    return bool(VERB_RE.search(name)) and name not in DEFINED


def keeps_alive(name):
    """keeps() for a reference made by an init wrapper: kfree() of an
    object whose count kref_init() set is the bug (its release callback
    must free it), not a hand-off."""
    return keeps(name) and not KFREE_RE.search(name)


_SRC = {}


def callee(p):
    """Name of the identifier at position p (the called function)."""
    lines = _SRC.get(p.file)
    if lines is None:
        try:
            with open(p.file, errors="replace") as fh:
                lines = fh.read().split("\n")
        except OSError:
            lines = []
        _SRC[p.file] = lines
    try:
        text = lines[int(p.line) - 1][int(p.column):]
    except (IndexError, ValueError):
        return "?"
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", text)
    return m.group(0) if m else "?"


# A wrapper is a small function: its body is about the reference.  A
# longer function that drops a reference on its parameter is only counted
# as a consumer (hand-off target); a longer one that takes a reference on
# its parameter is ignored.
WRAPPER_MAX_LINES = 20


def small(p):
    """True if the function at p ends (a "}" in column 0) within
    WRAPPER_MAX_LINES lines."""
    callee(p)
    lines = _SRC.get(p.file) or []
    start = int(p.line) - 1
    for i in range(start, min(len(lines), start + WRAPPER_MAX_LINES + 1)):
        if lines[i].startswith("}"):
            return True
    return False


# A put wrapper is named like one.  A function that drops a reference on
# its parameter as a side effect of other work (cancelling a work item,
# freeing an URB that held a reference) is only a consumer: calling it
# hands the reference off, but using the object afterwards is not suspect.
PUTNAME_RE = re.compile(r"(?<!in)(?<!out)put|unref|deref|release|drop|free"
                        r"|destroy|unget|unhold")


def is_static(p):
    """The definition at p is static (looked up in the source text)."""
    callee(p)
    lines = _SRC.get(p.file) or []
    i = int(p.line) - 1
    if i >= len(lines):
        return False
    if re.search(r"\bstatic\b", lines[i][:int(p.column)]):
        return True
    return int(p.column) == 0 and i > 0 and \
        bool(re.search(r"\bstatic\b", lines[i - 1]))


def add_wrapper(kind, fn, p):
    if NOWRAP.match(fn):
        return
    if kind in ("put", "kput") and (not small(p) or not PUTNAME_RE.search(fn)):
        kind = "consume"
    elif kind in ("get", "tryget", "kget", "ktryget") and not small(p):
        return
    elif kind == "init" and fn in BAD_GET:
        return
    if fn in LOCAL[kind]:
        return
    LOCAL[kind].add(fn)
    if "collect" in MODE:
        print("KREFWRAP %s %s %s:%s%s" % (kind, fn, p.file, p.line,
                                          " static" if is_static(p) else ""))


PRIOR = set()
NOFREE_PUTS = set()
RELEASES = {}

# Names of calls that may free what they are given, or defer it to a
# callback that may (call_rcu(), queue_work(), a timer).
FREEING_RE = re.compile(r"free|destroy|release|put|dealloc|kill|fini|cleanup"
                        r"|unref|drop|delete|remove|discard|dispose|rcu")
DEFER_RE = re.compile(r"work|rcu|timer|tasklet|queue|schedule")
COMPLETE_RE = re.compile(r"^complete(_all)?$")


def release_seen(R, P, acc, p):
    RELEASES.setdefault(str(R), {"acc": str(acc), "p": p, "calls": set()})


def release_call(R, kind, g):
    if str(R) in RELEASES:
        RELEASES[str(R)]["calls"].add((kind, str(g)))


def release_frees(rel):
    calls = rel["calls"]
    completes = any(kind == "part" and COMPLETE_RE.match(g)
                    for (kind, g) in calls)
    for (kind, g) in calls:
        if kind == "pointer":
            return True
        if kind == "kref" and g not in (rel["acc"], "container_of"):
            return True
        if kind == "bare" and (FREEING_RE.search(g) or not completes):
            return True
        if kind == "part" and (DEFER_RE.search(g) or
                               (FREEING_RE.search(g) and not completes)):
            return True
    return False


def releases_done():
    for (R, rel) in sorted(RELEASES.items()):
        if not release_frees(rel):
            add_wrapper("nofree", R, rel["p"])


def nofree(name):
    return wrap("nofree", name)


# Between two puts, anything that branches or joins paths.
BRANCH_RE = re.compile(r"[{}]|\b(if|else|for|while|do|switch|case|default"
                       r"|goto|return|break|continue)\b|^\s*\w+\s*:(?!:)")


def in_a_row(p1, p2):
    """The puts at p1 and p2 are in one straight run of statements: nothing
    between them branches or is a jump target.  Two puts written in a row
    drop two references on purpose (the lookup's and the list's)."""
    if p1.file != p2.file or int(p2.line) <= int(p1.line):
        return False
    callee(p1)
    lines = _SRC.get(p1.file) or []
    first, last = int(p1.line) - 1, int(p2.line) - 1
    text = "\n".join([lines[first][int(p1.column):]] +
                      lines[first + 1:last] +
                      [lines[last][:int(p2.column)]])
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\])*"', '""', text)
    return not any(BRANCH_RE.search(line) for line in text.split("\n"))


def put_callbacks(name):
    """Release callbacks the put wrapper 'name' passes to kref_put(): kind
    putcb, recorded as "WRAPPER/CALLBACK:keeps" (or ":frees") when the
    callback is defined in the wrapper's file, as "WRAPPER/CALLBACK" when
    it is not: a wrapper defined in a header finds its callback in the
    tree's list."""
    return set(w.split("/", 1)[1] for w in TREE["putcb"] | LOCAL["putcb"]
               if w.split("/", 1)[0] == name)


def may_free(p):
    """The put at p may reach a release callback that frees the object."""
    if key(p) in NOFREE_PUTS:
        return False
    cbs = put_callbacks(callee(p))
    for cb in cbs:
        (name, _, state) = cb.partition(":")
        if not (state == "keeps" if state else nofree(name)):
            return True
    return not cbs


# Cancelling a work item or a timer that held a reference.
CANCEL_RE = re.compile(r"^(cancel_(delayed_)?work|kthread_cancel_"
                       r"|(try_to_)?del_(singleshot_)?timer|timer_delete"
                       r"|hrtimer_(try_to_)?cancel)")
CANCEL_PUTS = set()

# Removing an entry from a list, tree or id map that held a reference.
UNLINK_RE = re.compile(r"^((h|ll)?list_del|list_lru_del|rb_erase|idr_remove"
                       r"|xa_erase|radix_tree_delete|rhashtable_remove)")
GETCAND = []
FROMPARAM = set()
# (function, object, P): the object taken straight from P (fromparam_*)
FROMPARAM_OF = set()
BEFORE = set()
RELEASED = set()
EXPLICIT = set()
ERRRET = set()
OWNREF = set()
QGUARD = set()
# (init call, return) pairs where the return is on the path on which the
# init wrapper succeeded: the object is in the hierarchy it was added to.
INIT_OK = set()
# init calls whose result the function tests: its returns are on the path
# where the call failed unless INIT_OK says otherwise.
INIT_TESTED = set()
# work functions: (function, object) -> the put some path does on it, and
# the returns that skip it
WORKPUT = {}
WORKLEAK = {}
# (function, variable) pairs of the objects a function allocated itself
ALLOCATED = set()
ALLOC_RE = re.compile(r"^(k[mzc]alloc|kv[mzc]alloc|kmalloc_array|kcalloc|k[mz]alloc_node|kmem_cache_z?alloc)$")


def key(p):
    return (p.file, p.line, p.column)


def fn_of(p):
    return p.current_element


FINDINGS = {}


def emit(rule, p, msg, secs=(), tier="Moderate"):
    """Queue a finding; flush() prints them sorted once the file is done."""
    k = (key(p), rule, msg)
    if k not in FINDINGS:
        FINDINGS[k] = (rule, p, msg, list(secs), tier)


LEAKS = {}
RGFUNCS = set()
GIVES = set()
PUTS = set()


def root(e):
    """The variable an expression starts from: "priv" of "priv->sp"."""
    m = re.match(r"[&*(\s]*([A-Za-z_][A-Za-z0-9_]*)", str(e))
    return m.group(1) if m else str(e)


def spell(e):
    """An expression as written: "k->w", not spatch's "k -> w"."""
    e = re.sub(r"\s*(->|\.)\s*", r"\1", str(e))
    return re.sub(r"([&*!(])\s+", r"\1", e)


def leak(p1, p2, obj, kind):
    """Leaks are reported once per reference, naming every leaking return.
    kind: how the reference was taken ("get": kref_get() or a wrapper on
    the object; "rget": a returning getter known by its body; "fallback":
    a call named like one; "failed": a hand-off that can fail)."""
    k = key(p1) + (kind == "ignored",)
    if k not in LEAKS:
        LEAKS[k] = (p1, spell(obj), set(), set())
    LEAKS[k][2].add(int(p2.line))
    LEAKS[k][3].add(kind)


def rg_leak(p1, p2, obj, name):
    RGFUNCS.add(fn_of(p1))
    leak(p1, p2, obj, "fallback" if fallback(name) else "rget")


def rg_fn(fn):
    return fn in RGFUNCS


def leaky(fn):
    return any(fn_of(p1) == str(fn) for (p1, obj, lines, kinds) in LEAKS.values())


# "if (x) put(x)" at a shared exit: the matcher follows its false branch
# (x NULL, no reference) to the return after it; such returns are no leak.
CONDPUT = {}


def after_condput(fn, obj, line):
    return any(c < line for c in CONDPUT.get((fn, obj), ()))


def leak_tier(p1, obj, lines, kinds):
    """Confidence of a leak, by the shape that found it, and the returns
    it names; None when it is not reported."""
    fn = fn_of(p1)
    mine = (fn, str(obj))
    if (fn, root(obj)) in FROMPARAM:
        # a field of the caller's object: the caller's state
        mine = (fn, root(obj))
    lines = set(n for n in lines if not after_condput(fn, str(obj), n))
    if not lines:
        return (None, lines)
    if "ignored" in kinds:
        return ("Moderate", lines)
    if kinds == set(["init"]):
        # the first reference, on the path where the init call failed:
        # this function's own, whoever's object it set up
        return ("High" if key(p1) in RELEASED else "Moderate", lines)
    if "get" in kinds or "failed" in kinds:
        if mine in FROMPARAM:
            # an object of the caller: only an error return that skips the
            # put the function does on other paths
            errs = [n for n in lines if (p1.file, n) in ERRRET]
            if key(p1) not in RELEASED or not errs:
                return (None, lines)
            return ("Moderate", errs)
        if "failed" in kinds and "get" not in kinds:
            return ("Moderate", lines)
        return ("High" if key(p1) in RELEASED else "Low", lines)
    if "rget" in kinds:
        return ("High" if mine in GIVES else "Low", lines)
    # named like a getter: believed when the function puts it elsewhere
    # and takes no reference of its own on it
    if mine in PUTS and mine not in EXPLICIT:
        return ("Moderate", lines)
    return (None, lines)


def flush():
    FROMPARAM.update((fn, e) for (fn, e, prm) in FROMPARAM_OF
                     if (fn, prm) in FROMPARAM)
    for (p1, obj, lines, kinds) in LEAKS.values():
        (tier, lines) = leak_tier(p1, obj, lines, kinds)
        if tier is None:
            continue
        lines = sorted(lines)
        where = "line %d" % lines[0] if len(lines) == 1 else \
            "lines " + ", ".join(str(n) for n in lines)
        if kinds == set(["ignored"]):
            emit("kref leak", p1,
                 "reference on '%s' taken by %s() is handed to a work item at %s that may not be queued (already pending, or the condition before it false): nothing puts it then"
                 % (obj, callee(p1), where), tier=tier)
            continue
        emit("kref leak", p1,
             "reference on '%s' taken by %s() is neither put nor handed off before the return at %s"
             % (obj, callee(p1), where), tier=tier)
    order = sorted(FINDINGS, key=lambda k: (k[0][0], int(k[0][1]), int(k[0][2]), k[1], k[2]))
    for k in order:
        (rule, p, msg, secs, tier) = FINDINGS[k]
        text = "[%s] %s in %s(): %s" % (tier, rule, fn_of(p), msg)
        if "context" in MODE:
            STARRED.add(key(p))
        if "report" in MODE:
            coccilib.report.print_report(p, text)
        if "org" in MODE:
            cocci.print_main(text, [p])
            for (title, q) in secs:
                cocci.print_secs(title, [q])
    FINDINGS.clear()
    LEAKS.clear()
    RGFUNCS.clear()
    GIVES.clear()
    PUTS.clear()
    CONDPUT.clear()


MODE = set()

# Context mode stars exactly the places report mode reports (flush() fills
# this; the rules at the end read it).
STARRED = set()


def starred(p):
    return key(p[0]) in STARRED

@script:python depends on context@
@@
MODE.add("context")

@script:python depends on report@
@@
MODE.add("report")

@script:python depends on org@
@@
MODE.add("org")

@script:python depends on collect@
@@
MODE.add("collect")

// New file: forget what was learnt from the previous one.
@script:python reset@
@@
for k in KINDS:
    LOCAL[k].clear()
BAD_GET.clear()
del GETCAND[:]
CALLBACKS.clear()
PRIOR.clear()
NOFREE_PUTS.clear()
RELEASES.clear()
CANCEL_PUTS.clear()
FROMPARAM.clear()
FROMPARAM_OF.clear()
BEFORE.clear()
RELEASED.clear()
EXPLICIT.clear()
ERRRET.clear()
OWNREF.clear()
QGUARD.clear()
INIT_OK.clear()
INIT_TESTED.clear()
ALLOCATED.clear()
WORKPUT.clear()
WORKLEAK.clear()
DEFINED.clear()
STARRED.clear()

// Functions of this file named like getters or keepers (see rget(), keeps()).
@defs@
identifier fn : script:python() { bool(GETNAME_RE.search(fn) or VERB_RE.search(fn)) };
@@
fn(...) { ... }

@script:python@
fn << defs.fn;
@@
DEFINED.add(fn)

// ---------------------------------------------------------------------------
// Pass 1: wrappers defined in this file (and, with -D collect, printed so
// that a run over the whole tree can hand them to the checking run).
// A get wrapper takes a reference on its first parameter and keeps it for
// the caller; a put wrapper drops a reference on its first parameter; a
// consumer puts or stores any of its parameters.

@w_get disable ptr_to_array@
identifier fn, P, f, g;
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 kref_get(&P->f)
|
 kref_get(&P->f.g)
)
...+>
}

@w_tryget disable ptr_to_array@
identifier fn, P, f, g;
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 kref_get_unless_zero(&P->f)
|
 kref_get_unless_zero(&P->f.g)
)
...+>
}

@w_kget@
identifier fn, P;
position p;
@@
fn@p(struct kref *P, ...) {
<+... kref_get(P) ...+>
}

@w_ktryget@
identifier fn, P;
position p;
@@
fn@p(struct kref *P, ...) {
<+... kref_get_unless_zero(P) ...+>
}

@w_put disable ptr_to_array@
identifier fn, P, f, g;
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 kref_put(&P->f, ...)
|
 kref_put(&P->f.g, ...)
|
 kref_put(&(P->f), ...)
|
 kref_put_mutex(&P->f, ...)
|
 kref_put_lock(&P->f, ...)
)
...+>
}

@w_kput@
identifier fn, P;
position p;
@@
fn@p(struct kref *P, ...) {
<+...
(
 kref_put(P, ...)
|
 kref_put_mutex(P, ...)
|
 kref_put_lock(P, ...)
)
...+>
}

@w_consume disable ptr_to_array@
identifier fn, P, f, g;
type T;
position p;
@@
fn@p(..., T *P, ...) {
<+...
(
 kref_put(&P->f, ...)
|
 kref_put(&P->f.g, ...)
|
 kref_put_mutex(&P->f, ...)
|
 kref_put_lock(&P->f, ...)
)
...+>
}

@script:python@
fn << w_get.fn;
p << w_get.p;
@@
GETCAND.append(("get", fn, p[0]))

@script:python@
fn << w_tryget.fn;
p << w_tryget.p;
@@
GETCAND.append(("tryget", fn, p[0]))

// Init wrappers: a function that sets the count of an object it is given
// with kref_init() (kobject_init(), through kobject_init_and_add()) leaves
// its caller holding that first reference, whether it failed or not.
@w_init disable ptr_to_array@
identifier fn, P, f, g;
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 kref_init(&P->f)
|
 kref_init(&P->f.g)
)
...+>
}

@script:python@
fn << w_init.fn;
p << w_init.p;
@@
GETCAND.append(("init", fn, p[0]))

// Candidates that put, store or hand off their parameter are not get
// wrappers: the reference they take is not the caller's.
@w_get_bad disable ptr_to_array@
identifier cand : script:python() { cand in [c[1] for c in GETCAND] };
identifier P, f, g;
identifier hf : script:python() { keeps(hf) };
type T;
expression X, E;
position pb;
@@
cand@pb(T *P, ...) {
<+...
(
 hf(..., P, ...)
|
 hf(..., &P->f, ...)
|
 kref_put(&P->f, ...)
|
 kref_put(&P->f.g, ...)
|
 kref_put_mutex(&P->f, ...)
|
 kref_put_lock(&P->f, ...)
|
 X = P
|
 list_add(&P->f, E)
|
 list_add_tail(&P->f, E)
|
 hlist_add_head(&P->f, E)
)
...+>
}

@script:python@
pb << w_get_bad.pb;
@@
BAD_GET.add(callee(pb[0]))

@script:python@
fn << w_kget.fn;
p << w_kget.p;
@@
add_wrapper("kget", fn, p[0])

@script:python@
fn << w_ktryget.fn;
p << w_ktryget.p;
@@
add_wrapper("ktryget", fn, p[0])

@script:python@
fn << w_put.fn;
p << w_put.p;
@@
add_wrapper("put", fn, p[0])

@script:python@
fn << w_kput.fn;
p << w_kput.p;
@@
add_wrapper("kput", fn, p[0])

@script:python@
fn << w_consume.fn;
p << w_consume.p;
@@
if not wrap("put", fn):
    add_wrapper("consume", fn, p[0])

@script:python addgets@
@@
for (kind, fn, p) in GETCAND:
    if fn not in BAD_GET:
        add_wrapper(kind, fn, p)

// Second level, still by body: a function whose body calls a get (put)
// wrapper on its first parameter is itself a get (put) wrapper.

@w_get2 disable ptr_to_array@
identifier fn, P, f;
identifier gw : script:python() { wrap("get", gw) };
type T;
position p;
@@
fn@p(T *P, ...) {
<+... \( gw(P, ...) \| gw(&P->f, ...) \) ...+>
}

@w_put2 disable ptr_to_array@
identifier fn, P, f;
identifier pw : script:python() { wrap("put", pw) };
type T;
position p;
@@
fn@p(T *P, ...) {
<+... \( pw(P, ...) \| pw(&P->f, ...) \) ...+>
}

// Init wrappers of init wrappers (kobject_init_and_add() calls
// kobject_init(), which calls kobject_init_internal()): three levels.
@w_init2 disable ptr_to_array@
identifier fn, P, f;
identifier iw : script:python() { wrap("init", iw) };
type T;
position p;
@@
fn@p(T *P, ...) {
<+... \( iw(P, ...) \| iw(&P->f, ...) \) ...+>
}

@script:python@
fn << w_init2.fn;
p << w_init2.p;
@@
if not wrap("init", fn) and fn not in BAD_GET:
    add_wrapper("init", fn, p[0])

@w_init3 disable ptr_to_array@
identifier fn, P, f;
identifier iw : script:python() { wrap("init", iw) };
type T;
position p;
@@
fn@p(T *P, ...) {
<+... \( iw(P, ...) \| iw(&P->f, ...) \) ...+>
}

@script:python@
fn << w_init3.fn;
p << w_init3.p;
@@
if not wrap("init", fn) and fn not in BAD_GET:
    add_wrapper("init", fn, p[0])

@script:python@
fn << w_get2.fn;
p << w_get2.p;
@@
if not wrap("get", fn) and fn not in BAD_GET:
    add_wrapper("get", fn, p[0])

@script:python@
fn << w_put2.fn;
p << w_put2.p;
@@
if not wrap("put", fn):
    add_wrapper("put", fn, p[0])

// A small function that passes any of its parameters to a put wrapper or
// a consumer consumes it too (vgic_put_irq(kvm, irq) takes a lock and
// calls __vgic_put_lpi_locked(kvm, irq)).
@w_consume2 disable ptr_to_array@
identifier fn, P;
identifier cw : script:python() { anyput(cw) };
type T;
position p;
@@
fn@p(..., T *P, ...) {
<+... cw(..., P, ...) ...+>
}

@script:python@
fn << w_consume2.fn;
p << w_consume2.p;
@@
if not anyput(fn) and small(p[0]):
    add_wrapper("consume", fn, p[0])

// Returning getters: a function that returns an object it took a
// reference on (kref_init() of a new one, kref_get(), a successful
// kref_get_unless_zero(), a get wrapper, another returning getter), or a
// field of it, without storing or handing the object off on the way,
// gives that reference to its caller: "x = getter(...)" is a get of x.
// Known by body only, in any file; three levels of calls within a file.
@w_rget disable ptr_to_array exists@
identifier fn, f, g, h;
idexpression E;
expression X;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier rg : script:python() { wrap("rget", rg) };
identifier hf : script:python() { handoff(hf) };
identifier pw : script:python() { anyput(pw) };
type T;
position p;
@@
T *fn@p(...) {
... when any
(
 kref_init(&E->f)
|
 kref_init(&E->f.g)
|
 kref_get(&E->f)
|
 kref_get(&E->f.g)
|
 kref_get_unless_zero(&E->f)
|
 gw(E, ...)
|
 gw(&E->f, ...)
|
 E = rg(...)
)
... when != hf(..., E, ...)
    when != hf(..., &E->h, ...)
    when != X = E
    when != kref_put(&E->f, ...)
    when != pw(..., E, ...)
(
 return E;
|
 return &E->h;
)
}

@script:python@
fn << w_rget.fn;
p << w_rget.p;
@@
add_wrapper("rget", fn, p[0])

@w_rget2 exists@
identifier fn, fc;
identifier rg : script:python() { wrap("rget", rg) };
idexpression E;
expression E2;
type T;
position p;
@@
T *fn@p(...) {
... when any
(
 return rg(...);
|
 E = rg(...);
 ... when != E = E2
(
 return E;
|
 return E ? fc(E, ...) : NULL;
|
 return container_of(E, ...);
)
)
}

@script:python@
fn << w_rget2.fn;
p << w_rget2.p;
@@
add_wrapper("rget", fn, p[0])

@w_rget3 exists@
identifier fn, fc;
identifier rg : script:python() { wrap("rget", rg) };
idexpression E;
expression E2;
type T;
position p;
@@
T *fn@p(...) {
... when any
(
 return rg(...);
|
 E = rg(...);
 ... when != E = E2
(
 return E;
|
 return E ? fc(E, ...) : NULL;
|
 return container_of(E, ...);
)
)
}

@script:python@
fn << w_rget3.fn;
p << w_rget3.p;
@@
add_wrapper("rget", fn, p[0])

// A helper that takes a reference of its own on what it is given keeps
// that one, not the one of its caller: calling it hands nothing off.
@w_ownref depends on !collect disable ptr_to_array@
identifier fn, P, f;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
type T;
@@
fn(..., T *P, ...) {
<+...
(
 kref_get(&P->f)
|
 kref_get_unless_zero(&P->f)
|
 gw(P, ...)
)
...+>
}

@script:python@
fn << w_ownref.fn;
@@
OWNREF.add(fn)

// Functions of this file that keep an object given to them: they put it,
// store it in a list or in a structure.
@w_keep depends on !collect disable ptr_to_array@
identifier fn, P, f;
identifier hf : script:python() { handoff(hf) };
type T;
expression X;
@@
fn(..., T *P, ...) {
<+...
(
 hf(..., P, ...)
|
 hf(..., &P->f, ...)
|
 X->f = P
)
...+>
}

@script:python@
fn << w_keep.fn;
@@
if fn not in OWNREF:
    LOCAL["consume"].add(fn)

// Release callbacks named in this file, for the lock check.
@cb depends on !collect@
expression K;
identifier R;
@@
(
 kref_put(K, R)
|
 kref_put_mutex(K, R, ...)
|
 kref_put_lock(K, R, ...)
)

@script:python@
R << cb.R;
@@
CALLBACKS.add(R)

// ---------------------------------------------------------------------------
// Release callbacks that leave their object alive: the object goes back to
// a pool, or its owner waits for a completion inside it and frees it
// afterwards (kref_put(); wait_for_completion(&obj->done); kfree(obj)).
// Using the object after a put that can only reach such a callback is not
// a use after free.  A callback is taken to free its object when it calls
// through a function pointer, passes its kref on, passes the object to any
// call or anything of it to a call named like freeing (a callback that
// completes a member of the object: only the object itself), or passes
// anything of it to a call named like deferring (call_rcu(), queue_work()).

@rel disable ptr_to_array@
identifier R, k, P, acc;
type T;
position p;
@@
R@p(struct kref *k) {
... when any
(
 T *P = acc(k, ...);
|
 P = acc(k, ...);
)
... when any
}

@script:python@
R << rel.R;
P << rel.P;
acc << rel.acc;
p << rel.p;
@@
release_seen(R, P, acc, p[0])

@rel_bare disable ptr_to_array exists@
identifier rel.R, rel.k, rel.P, g;
@@
R(struct kref *k) {
<+... g(..., P, ...) ...+>
}

@script:python@
R << rel.R;
g << rel_bare.g;
@@
release_call(R, "bare", g)

@rel_part disable ptr_to_array exists@
identifier rel.R, rel.k, rel.P, g;
@@
R(struct kref *k) {
<+... g(..., <+... P ...+>, ...) ...+>
}

@script:python@
R << rel.R;
g << rel_part.g;
@@
release_call(R, "part", g)

@rel_fp exists@
identifier rel.R, rel.k, h;
expression E;
position pp;
@@
R(struct kref *k) {
<+... \( E@pp->h(...) \| (*E@pp)(...) \) ...+>
}

@script:python@
R << rel.R;
pp << rel_fp.pp;
@@
release_call(R, "pointer", "")

@rel_kref exists@
identifier rel.R, rel.k, g;
@@
R(struct kref *k) {
<+... g(..., <+... k ...+>, ...) ...+>
}

@script:python@
R << rel.R;
g << rel_kref.g;
@@
release_call(R, "kref", g)

@script:python rel_done@
@@
releases_done()

// The callbacks a put wrapper passes to kref_put(): whether it can free
// is known once the callbacks of the whole tree are.
@w_put_cb disable ptr_to_array@
identifier fn, P, f, g, R;
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 kref_put(&P->f, R)
|
 kref_put(&P->f.g, R)
|
 kref_put_mutex(&P->f, R, ...)
|
 kref_put_lock(&P->f, R, ...)
)
...+>
}

@script:python@
fn << w_put_cb.fn;
R << w_put_cb.R;
p << w_put_cb.p;
@@
if wrap("put", fn):
    state = ""
    if str(R) in RELEASES:
        state = ":keeps" if nofree(R) else ":frees"
    add_wrapper("putcb", "%s/%s%s" % (fn, R, state), p[0])

@nofree_put depends on !collect@
expression K;
identifier R : script:python() { nofree(R) };
position p;
@@
(
 kref_put@p(K, R)
|
 kref_put_mutex@p(K, R, ...)
|
 kref_put_lock@p(K, R, ...)
)

@script:python@
p << nofree_put.p;
@@
NOFREE_PUTS.add(key(p[0]))

// ---------------------------------------------------------------------------
// Puts that follow a get on the same object in the same function (or a
// get wrapper's result assigned to it): the function dropped a reference
// of its own, so using the object afterwards relies on the caller's
// reference and is not reported.

@prior depends on !collect disable ptr_to_array exists@
idexpression E;
identifier f, g;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier rg : script:python() { wrap("rget", rg) };
identifier kgw : script:python() { wrap("kget", kgw) or wrap("ktryget", kgw) };
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position p1;
@@
(
 kref_get(&E->f)
|
 kref_get(&E->f.g)
|
 kref_get_unless_zero(&E->f)
|
 gw(E, ...)
|
 E = gw(...)
|
 E = rg(...)
|
 kgw(&E->f, ...)
)
...
(
 kref_put@p1(&E->f, ...)
|
 kref_put@p1(&E->f.g, ...)
|
 kref_put_mutex@p1(&E->f, ...)
|
 kref_put_lock@p1(&E->f, ...)
|
 pw@p1(E, ...)
|
 kpw@p1(&E->f, ...)
)

@script:python@
p1 << prior.p1;
@@
PRIOR.add(key(p1[0]))

// A put under "if (cancel_delayed_work(&obj->work))" drops the reference
// the cancelled work item (or timer) held, and a put after the object was
// unlinked from a list, tree or id map drops the reference of that
// container; neither is the reference of the function, which needed one to
// reach the work item or the entry at all: the object outlives the put,
// and a put of the same object later on the path is not a second put of
// the same reference.

@cancel_put depends on !collect disable ptr_to_array@
identifier cf : script:python() { bool(CANCEL_RE.match(cf)) };
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position p1;
@@
(
if (<+... cf(...) ...+>)
 \( kref_put@p1(...); \| kref_put_mutex@p1(...); \| kref_put_lock@p1(...); \| pw@p1(...); \| kpw@p1(...); \)
|
if (<+... cf(...) ...+>) {
 ... when any
 \( kref_put@p1(...); \| kref_put_mutex@p1(...); \| kref_put_lock@p1(...); \| pw@p1(...); \| kpw@p1(...); \)
 ... when any
}
)

@script:python@
p1 << cancel_put.p1;
@@
CANCEL_PUTS.add(key(p1[0]))

@unlink_put depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g, h;
identifier ul : script:python() { bool(UNLINK_RE.match(ul)) };
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position p1;
@@
\( ul(&E->h, ...); \| ul(..., &E->h); \| ul(..., E); \)
... when != E = E2
    when != \( kref_get(&E->f) \| kref_get(&E->f.g) \| gw(E, ...) \)
(
 kref_put@p1(&E->f, ...);
|
 kref_put@p1(&E->f.g, ...);
|
 kref_put_mutex@p1(&E->f, ...);
|
 kref_put_lock@p1(&E->f, ...);
|
 pw@p1(E, ...);
|
 kpw@p1(&E->f, ...);
)

@script:python@
p1 << unlink_put.p1;
@@
CANCEL_PUTS.add(key(p1[0]))

// ---------------------------------------------------------------------------
// Objects that come straight from a parameter (the parameter itself, a
// field, container_of() or a one-argument accessor of it) belong to state
// the caller owns; a reference taken on them and kept is assumed to be
// owned by that state (isolated pages, registered gadgets, open files).
// The assignments are matched alone, by position: inside
// "fn(..., T1 *P, ...) { <+... ...+> }" they cost seconds a file.  Which
// P are pointer parameters is known for the functions with a leak only
// (leak_param, below), and only their objects are asked about (flush).
@fromparam_assign depends on !collect disable ptr_to_array@
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
|
 E@pa = acc(&P->f)
|
 E@pa = acc(P->f)
)

@fromparam_decl depends on !collect disable ptr_to_array@
identifier P, E, f, acc;
type T2, T3;
position pa;
@@
(
 T2 E@pa = P;
|
 T2 E@pa = (T3)P;
|
 T2 E@pa = P->f;
|
 T2 E@pa = container_of(P, ...);
|
 T2 E@pa = container_of(&P->f, ...);
|
 T2 E@pa = acc(P);
|
 T2 E@pa = acc(&P->f);
|
 T2 E@pa = acc(P->f);
)

@script:python@
E << fromparam_assign.E;
P << fromparam_assign.P;
pa << fromparam_assign.pa;
@@
FROMPARAM_OF.add((pa[0].current_element, str(E), str(P)))

@script:python@
E << fromparam_decl.E;
P << fromparam_decl.P;
pa << fromparam_decl.pa;
@@
FROMPARAM_OF.add((pa[0].current_element, str(E), str(P)))

// An object stored or handed off before the reference is taken: the
// reference is the one of the place it was stored in.

@before depends on !collect disable ptr_to_array exists@
local idexpression E;
expression E2;
identifier f, g, h;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier kgw : script:python() { wrap("kget", kgw) or wrap("ktryget", kgw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
type T;
position p1;
@@
(
 E2 = E
|
 E2 = (T)E
|
 E2 = &E->h
|
 hf(..., E, ...)
|
 hff(..., &E->h, ...)
)
...
(
 kref_get@p1(&E->f)
|
 kref_get@p1(&E->f.g)
|
 kref_get_unless_zero@p1(&E->f)
|
 gw@p1(E, ...)
|
 kgw@p1(&E->f, ...)
)

@script:python@
p1 << before.p1;
@@
BEFORE.add(key(p1[0]))

// ---------------------------------------------------------------------------
// References that some path of the function puts or hands off.  A reference
// that no path gives back is kept by design for a state the function does
// not show (an open file, a pinned mapping, the caller's out-parameter),
// so a leak is only reported for a reference the function gives back on
// some paths and not on others.

@released depends on !collect disable ptr_to_array exists@
expression E;
expression E2;
identifier f, g, h, i;
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier kgw : script:python() { wrap("kget", kgw) };
identifier ktgw : script:python() { wrap("ktryget", ktgw) };
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
expression fp;
statement S;
type T;
position p1;
@@
(
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(E, ...);
|
 kgw@p1(&E->f, ...);
|
 if (!kref_get_unless_zero@p1(&E->f)) S
|
 if (kref_get_unless_zero@p1(&E->f) == 0) S
|
 if (... || !kref_get_unless_zero@p1(&E->f)) S
|
 if (!tgw@p1(E, ...)) S
|
 if (... || !tgw@p1(E, ...)) S
|
 if (!ktgw@p1(&E->f, ...)) S
|
 if (... || !ktgw@p1(&E->f, ...)) S
)
...
(
 \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
|
 \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
|
 pw(..., E, ...)
|
 pw(..., &E->f, ...)
|
 kpw(&E->f, ...)
|
 hf(..., E, ...)
|
 hff(..., &E->h, ...)
|
 hff(..., &E->h.i, ...)
|
 fp->h(..., E, ...)
|
 (*fp)(..., E, ...)
|
 E2 = E
|
 E2 = (T)E
|
 E2 = &E->h
|
 E2 = &E->h.i
)

// The same for the reference of an init wrapper (freeing counts here: a
// path that gives the object back at all says the function owns it).
@released_init depends on !collect disable ptr_to_array exists@
expression E, E2;
identifier f, g;
identifier iw : script:python() { wrap("init", iw) };
identifier pw : script:python() { anyput(pw) };
identifier hf : script:python() { keeps(hf) };
type T;
position p1;
@@
(
 iw@p1(&E->f, ...)
|
 iw@p1(&E->f.g, ...)
|
 iw@p1(E, ...)
)
...
(
 pw(..., E, ...)
|
 pw(..., &E->f, ...)
|
 hf(..., E, ...)
|
 E2 = E
|
 E2 = (T)E
)

@script:python@
p1 << released_init.p1;
@@
RELEASED.add(key(p1[0]))

@released_init_ret depends on !collect disable ptr_to_array exists@
expression E;
identifier f, g, h, fc;
identifier iw : script:python() { wrap("init", iw) };
type T;
position p1;
@@
(
 iw@p1(&E->f, ...)
|
 iw@p1(&E->f.g, ...)
|
 iw@p1(E, ...)
)
...
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return <+... fc(..., E, ...) ...+>;
)

@script:python@
p1 << released_init_ret.p1;
@@
RELEASED.add(key(p1[0]))

@released_ret depends on !collect disable ptr_to_array exists@
expression E;
identifier f, g, h, i, fc;
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier kgw : script:python() { wrap("kget", kgw) };
identifier ktgw : script:python() { wrap("ktryget", ktgw) };
statement S;
type T;
position p1;
@@
(
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(E, ...);
|
 kgw@p1(&E->f, ...);
|
 if (!kref_get_unless_zero@p1(&E->f)) S
|
 if (kref_get_unless_zero@p1(&E->f) == 0) S
|
 if (... || !kref_get_unless_zero@p1(&E->f)) S
|
 if (!tgw@p1(E, ...)) S
|
 if (... || !tgw@p1(E, ...)) S
|
 if (!ktgw@p1(&E->f, ...)) S
|
 if (... || !ktgw@p1(&E->f, ...)) S
)
...
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
)

@script:python@
p1 << released_ret.p1;
@@
RELEASED.add(key(p1[0]))

@script:python@
p1 << released.p1;
@@
RELEASED.add(key(p1[0]))

// ---------------------------------------------------------------------------
// Leak: a reference taken on a local object reaches a return without being
// put or handed off.

@leak depends on !collect disable ptr_to_array exists@
expression E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier kgw : script:python() { wrap("kget", kgw) };
identifier ktgw : script:python() { wrap("ktryget", ktgw) };
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
expression fp;
statement S;
type T;
position p1, p2;
@@
(
 E3 = \( gw(E, ...) \| kgw(&E->f, ...) \);
|
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(E, ...);
|
 kgw@p1(&E->f, ...);
|
 if (!kref_get_unless_zero@p1(&E->f)) S
|
 if (kref_get_unless_zero@p1(&E->f) == 0) S
|
 if (... || !kref_get_unless_zero@p1(&E->f)) S
|
 if (!tgw@p1(E, ...)) S
|
 if (... || !tgw@p1(E, ...)) S
|
 if (!ktgw@p1(&E->f, ...)) S
|
 if (... || !ktgw@p1(&E->f, ...)) S
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
|
 return@p2 ...;
)

@script:python@
p1 << leak.p1;
p2 << leak.p2;
E << leak.E;
@@
if key(p1[0]) not in BEFORE:
    leak(p1[0], p2[0], E, "get")

// Leak of the first reference an init wrapper gave an object
// (kobject_init_and_add(&x->kobj, ...)): it holds even when the call
// failed, so the object must be put, not freed, on the path where it
// failed; kfree() gives nothing back.  Where the call succeeded, the
// object is in the hierarchy it was added to, and whoever removes it
// puts it (through a pointer stored before the call, or the parent's
// teardown): a return on that path, even after a later step failed, is
// no leak, unless the path calls the wrapper again (the next turn of a
// loop, whose failure path is the same return).

@init_ok depends on !collect exists@
expression R, E5;
identifier iw : script:python() { wrap("init", iw) };
statement S;
position p1, p2;
@@
(
 R = iw@p1(...);
 ... when != R = E5
 if (\( R \| R < 0 \| R != 0 \| unlikely(R) \| WARN_ON(R) \)) S
|
 if (\( iw@p1(...) \| iw@p1(...) < 0 \| iw@p1(...) != 0 \)) S
)
... when != iw(...)
    when any
return@p2 ...;

@script:python@
p1 << init_ok.p1;
p2 << init_ok.p2;
@@
INIT_OK.add((key(p1[0]), key(p2[0])))
INIT_TESTED.add(key(p1[0]))

@leak_init depends on !collect disable ptr_to_array exists@
expression E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier iw : script:python() { wrap("init", iw) };
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps_alive(hf) };
identifier hff : script:python() { handoff_member(hff) };
expression fp;
statement S;
type T;
position p1, p2;
@@
(
 iw@p1(&E->f, ...)
|
 iw@p1(&E->f.g, ...)
|
 iw@p1(E, ...)
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| kref_put(E, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
|
 return@p2 ...;
)

@script:python@
p1 << leak_init.p1;
p2 << leak_init.p2;
E << leak_init.E;
@@
# iw(E, ...) with E "&x->f" is the &E->f branch's match, about x
if not str(E).lstrip().startswith("&") and \
        (key(p1[0]), key(p2[0])) not in INIT_OK:
    leak(p1[0], p2[0], E, "init" if key(p1[0]) in INIT_TESTED else "get")

// A reference stored in a field of an object this function allocated,
// which it then frees with kfree() without putting what it stored: the
// store handed nothing off (gss_alloc_msg() stored gss_auth in the new
// message, took a reference for it, and freed the message on an error
// path).

@keeper_alloc depends on !collect@
identifier x, al;
type T;
position p;
@@
(
 T *x@p = al(...);
|
 x@p = al(...)
)

@script:python@
x << keeper_alloc.x;
al << keeper_alloc.al;
p << keeper_alloc.p;
@@
if ALLOC_RE.match(str(al)):
    ALLOCATED.add((fn_of(p[0]), str(x)))

@leak_keeper_freed depends on !collect disable ptr_to_array exists@
expression E;
identifier X, f, g, h;
identifier gw : script:python() { wrap("get", gw) };
identifier rg : script:python() { wrap("rget", rg) };
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier fr =~ "^(kfree|kvfree|kfree_sensitive|kmem_cache_free)$";
position p1, p2;
@@
(
 X->h = E;
 ...
(
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(E, ...);
)
|
(
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(E, ...);
|
 E = rg@p1(...);
)
 ...
 X->h = E;
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != pw(..., E, ...)
    when != pw(..., X->h, ...)
    when != kpw(&E->f, ...)
    when != kpw(&X->h->f, ...)
    when != pw(..., X, ...)
fr@p2(..., X);

@script:python@
p1 << leak_keeper_freed.p1;
p2 << leak_keeper_freed.p2;
E << leak_keeper_freed.E;
X << leak_keeper_freed.X;
@@
if (fn_of(p1[0]), str(X)) in ALLOCATED:
    emit("kref leak", p1[0],
         "reference on '%s' taken by %s() is stored in '%s', which is freed at line %s without putting it"
         % (spell(E), callee(p1[0]), X, p2[0].line), tier="Moderate")

// A work function whose object holds a reference for the queued work
// (the queuer took it, as __set_chan_timer() does): a function that puts
// the object on some path must put it on every path that returns, or
// hand it on (queue it again, store it).  l2cap_chan_timeout() returned
// early when the channel was being deleted and kept the reference.

@work_puts depends on !collect exists@
identifier fn, w, X, f;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position p;
@@
fn(struct work_struct *w) {
... when any
(
 pw@p(..., X, ...)
|
 kref_put@p(&X->f, ...)
|
 kpw@p(&X->f, ...)
)
... when any
}

@script:python@
fn << work_puts.fn;
X << work_puts.X;
p << work_puts.p;
@@
WORKPUT.setdefault((str(fn), str(X)), callee(p[0]))

@work_leak depends on !collect exists@
identifier fn, w, X, f;
expression E2;
type T;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { handoff(hf) };
identifier qw =~ "^(queue|schedule|mod|kthread_queue|kthread_mod)_(delayed_)?work(_on)?$";
position p1, p2;
@@
fn(struct work_struct *w) {
... when any
(
 T *X = container_of@p1(...);
|
 X = container_of@p1(...);
)
... when != pw(..., X, ...)
    when != kref_put(&X->f, ...)
    when != kpw(&X->f, ...)
    when != qw(...)
    when != hf(..., X, ...)
    when != E2 = X
return@p2 ...;
... when any
}

@script:python@
fn << work_leak.fn;
X << work_leak.X;
p1 << work_leak.p1;
p2 << work_leak.p2;
@@
put = WORKPUT.get((str(fn), str(X)))
if put:
    WORKLEAK.setdefault((key(p1[0]), str(X), put, p1[0]), set()).add(int(p2[0].line))

@script:python depends on !collect@
@@
for ((k, X, put, p), lines) in sorted(WORKLEAK.items()):
    where = "line %d" % min(lines) if len(lines) == 1 else \
        "lines " + ", ".join(str(n) for n in sorted(lines))
    emit("kref leak", p,
         "the reference the queued work holds on '%s' is not put before the return at %s (other paths put it with %s())"
         % (X, where, put), tier="Moderate")
WORKLEAK.clear()
WORKPUT.clear()

// A reference handed to a work item whose queueing result is ignored:
// queue_work() and schedule_work() return false, and take nothing over,
// when the work was already pending.  A hand-off attempted only when a
// condition holds ("if (c && !queue_work(...)) put(x)") leaks when it
// does not.  A work item initialised on the path cannot be pending, nor
// can one queued after the function won a test_and_set_bit() (a
// "needs work" flag the work function clears once it runs): only one
// caller queues it.

@qw_guarded depends on !collect exists@
identifier qw =~ "^(queue|schedule|kthread_queue)_(delayed_)?work(_on)?$";
identifier tb =~ "^(__)?test_and_set_bit(_lock)?$";
position p2;
@@
tb(...)
...
qw@p2(...)

@script:python@
p2 << qw_guarded.p2;
@@
QGUARD.add(key(p2[0]))

@leak_qw depends on !collect disable ptr_to_array exists@
expression E, E3;
identifier f, g, i;
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier qw =~ "^(queue|schedule|kthread_queue)_(delayed_)?work(_on)?$";
identifier iw =~ "^INIT_(DELAYED_)?WORK";
statement S;
position p1, p2;
@@
(
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(E, ...);
|
 if (!kref_get_unless_zero@p1(&E->f)) S
|
 if (!kref_get_unless_zero@p1(&E->f.g)) S
|
 if (!tgw@p1(E, ...)) S
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != iw(...)
    when != qw(...)
(
 qw@p2(...);
|
 if@p2 (E3 && !qw(...)) S
)

@script:python@
p1 << leak_qw.p1;
p2 << leak_qw.p2;
E << leak_qw.E;
@@
if key(p1[0]) not in BEFORE and key(p2[0]) not in QGUARD:
    leak(p1[0], p2[0], E, "ignored")

// Leak of the reference of a returning getter: "x = lookup(...)" reaches a
// return without x put or handed off.  A NULL or ERR_PTR result holds no
// reference: paths through a test of x are only followed from the test
// right after the call, on the branch where x is valid.

@leak_rg depends on !collect disable ptr_to_array exists@
local idexpression E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
identifier rg : script:python() { rget(rg) };
expression fp;
statement S;
type T;
position p1, p2;
@@
E = rg@p1(...);
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != E != NULL
    when != IS_ERR(E)
    when != IS_ERR_OR_NULL(E)
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
|
 return@p2 ...;
)

@script:python@
p1 << leak_rg.p1;
p2 << leak_rg.p2;
E << leak_rg.E;
rg << leak_rg.rg;
@@
rg_leak(p1[0], p2[0], E, rg)

@leak_rgc depends on !collect disable ptr_to_array exists@
local idexpression E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
identifier rg : script:python() { rget(rg) };
expression fp;
statement S;
type T;
position p1, p2;
@@
E = rg@p1(...);
... when != E
(
 if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR(E)\|unlikely(IS_ERR(E))\|IS_ERR_OR_NULL(E)\)) S
|
 if (!E || E3) S
|
 if (E3 || !E) S
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != IS_ERR(E)
    when != IS_ERR_OR_NULL(E)
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
|
 return@p2 ...;
)

@script:python@
p1 << leak_rgc.p1;
p2 << leak_rgc.p2;
E << leak_rgc.E;
rg << leak_rgc.rg;
@@
rg_leak(p1[0], p2[0], E, rg)

@leak_rgd depends on !collect disable ptr_to_array exists@
identifier E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
identifier rg : script:python() { rget(rg) };
expression fp;
statement S;
type T;
position p1, p2;
@@
T E = rg@p1(...);
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != E != NULL
    when != IS_ERR(E)
    when != IS_ERR_OR_NULL(E)
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
|
 return@p2 ...;
)

@script:python@
p1 << leak_rgd.p1;
p2 << leak_rgd.p2;
E << leak_rgd.E;
rg << leak_rgd.rg;
@@
rg_leak(p1[0], p2[0], E, rg)

@leak_rgdc depends on !collect disable ptr_to_array exists@
identifier E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
identifier rg : script:python() { rget(rg) };
expression fp;
statement S;
type T;
position p1, p2;
@@
T E = rg@p1(...);
... when != E
(
 if (\(!E\|E == NULL\|unlikely(!E)\|IS_ERR(E)\|unlikely(IS_ERR(E))\|IS_ERR_OR_NULL(E)\)) S
|
 if (!E || E3) S
|
 if (E3 || !E) S
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != IS_ERR(E)
    when != IS_ERR_OR_NULL(E)
(
 return E;
|
 return (T)E;
|
 return &E->h;
|
 return &E->h.i;
|
 return <+... fc(..., E, ...) ...+>;
|
 return@p2 ...;
)

@script:python@
p1 << leak_rgdc.p1;
p2 << leak_rgdc.p2;
E << leak_rgdc.E;
rg << leak_rgdc.rg;
@@
rg_leak(p1[0], p2[0], E, rg)

// The result of a returning getter known by its body thrown away: the
// reference it took is never put.  A get wrapper that also returns its
// argument (x_get(x);) takes the reference on the argument: not this.
@leak_drop depends on !collect@
identifier rg : script:python() { wrap("rget", rg) and not wrap("get", rg) and not wrap("tryget", rg) };
position p1;
@@
rg@p1(...);

@script:python@
p1 << leak_drop.p1;
rg << leak_drop.rg;
@@
emit("kref leak", p1[0],
     "the reference returned by %s() is dropped: its result is not used, so nothing can put it" % rg,
     tier="Moderate")

// What the functions with such a leak do with x elsewhere: a get of their
// own (the lookup only found it), a put or a hand-off somewhere.
@rg_explicit depends on !collect disable ptr_to_array@
identifier fn : script:python() { rg_fn(fn) };
idexpression E;
identifier f;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier kgw : script:python() { wrap("kget", kgw) or wrap("ktryget", kgw) };
@@
fn(...) {
<+...
(
 kref_get(&E->f)
|
 kref_get_unless_zero(&E->f)
|
 gw(E, ...)
|
 kgw(&E->f, ...)
)
...+>
}

@script:python@
fn << rg_explicit.fn;
E << rg_explicit.E;
@@
EXPLICIT.add((fn, E))

// Each put or hand-off matched alone and its function taken from the
// position: as a nest in "fn(...) { <+... ...+> }" the unconstrained
// assignments cost up to half a minute in a large file.
@rg_gives depends on !collect disable ptr_to_array@
idexpression E;
expression E2;
identifier f, g, h;
identifier pw : script:python() { anyput(pw) };
identifier pw2 : script:python() { wrap("put", pw2) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
type T;
position pa, pp;
@@
(
 \( kref_put@pa@pp(&E->f, ...) \| kref_put@pa@pp(&E->f.g, ...) \)
|
 \( kref_put_mutex@pa@pp(&E->f, ...) \| kref_put_lock@pa@pp(&E->f, ...) \)
|
 pw2@pa@pp(E, ...)
|
 pw@pa(..., E, ...)
|
 kpw@pa@pp(&E->f, ...)
|
 hf@pa(..., E, ...)
|
 hff@pa(..., &E->h, ...)
|
 E2 = E@pa
|
 E2 = (T)E@pa
|
 E2 = &E->h@pa
)

@script:python@
E << rg_gives.E;
pa << rg_gives.pa;
@@
fn = pa[0].current_element
if rg_fn(fn):
    GIVES.add((fn, str(E)))

@script:python@
E << rg_gives.E;
pa << rg_gives.pa;
pp << rg_gives.pp;
@@
fn = pa[0].current_element
if rg_fn(fn):
    PUTS.add((fn, str(E)))

// Hand-offs that failed: a keeper that returned NULL, or queue_work() and
// friends returning false (the work was already queued), did not take the
// reference over; the branch that knows it still owns it.
@leak_fail depends on !collect disable ptr_to_array exists@
local idexpression E;
expression E2, X;
identifier f, g, h, i, fc;
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier rg : script:python() { wrap("rget", rg) };
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
identifier qw =~ "^(queue|schedule|mod)_(delayed_)?work(_on)?$";
expression fp;
statement S;
type T;
position p1, p2;
@@
(
 kref_get@p1(&E->f);
|
 gw@p1(E, ...);
|
 E = rg@p1(...);
|
 if (!kref_get_unless_zero@p1(&E->f)) S
|
 if (kref_get_unless_zero@p1(&E->f) == 0) S
|
 if (!tgw@p1(E, ...)) S
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
    when != pw(..., E, ...)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
(
 X = \( pw(..., E, ...) \| hf(..., E, ...) \);
 if (\(!X\|X == NULL\|IS_ERR(X)\|IS_ERR_OR_NULL(X)\)) {
 ... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
     when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
     when != pw(..., E, ...)
     when != pw(..., &E->f, ...)
     when != kpw(&E->f, ...)
     when != hf(..., E, ...)
     when != hff(..., &E->h, ...)
     when != hff(..., &E->h.i, ...)
     when != fp->h(..., E, ...)
     when != (*fp)(..., E, ...)
     when != E = E2
     when != E2 = E
     when != E2 = (T)E
     when != E2 = &E->h
     when != E2 = &E->h.i
     when != if (E) S
 return@p2 ...;
 }
|
 if (!qw(..., &E->h, ...)) {
 ... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
     when != \( kref_put_mutex(&E->f, ...) \| kref_put_lock(&E->f, ...) \)
     when != pw(..., E, ...)
     when != pw(..., &E->f, ...)
     when != kpw(&E->f, ...)
     when != hf(..., E, ...)
     when != hff(..., &E->h, ...)
     when != hff(..., &E->h.i, ...)
     when != fp->h(..., E, ...)
     when != (*fp)(..., E, ...)
     when != E = E2
     when != E2 = E
     when != E2 = (T)E
     when != E2 = &E->h
     when != E2 = &E->h.i
     when != if (E) S
 return@p2 ...;
 }
)

@script:python@
p1 << leak_fail.p1;
p2 << leak_fail.p2;
E << leak_fail.E;
@@
if key(p1[0]) not in BEFORE:
    leak(p1[0], p2[0], E, "failed")

// Error returns: a leak of a reference on a parameter is only reported at
// a return that says the function failed.
@errret depends on !collect@
identifier C =~ "^E[A-Z0-9]+$";
expression X;
position p;
@@
(
 return@p -C;
|
 return@p NULL;
|
 return@p ERR_PTR(X);
)

@script:python@
p << errret.p;
@@
ERRRET.add((p[0].file, int(p[0].line)))

// Conditional puts of a pointer that may be NULL: "if (x) put(x);".
@condput depends on !collect disable ptr_to_array@
idexpression E;
identifier f;
identifier pw : script:python() { anyput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position pc;
@@
if@pc (\(E\|E != NULL\|!IS_ERR_OR_NULL(E)\)) {
 ... when any
(
 pw(..., E, ...);
|
 kref_put(&E->f, ...);
|
 kpw(&E->f, ...);
)
 ... when any
}

@script:python@
E << condput.E;
pc << condput.pc;
@@
CONDPUT.setdefault((fn_of(pc[0]), str(E)), set()).add(int(pc[0].line))

// The parameter itself: a function that takes a reference on what it was
// given and keeps it is a get wrapper for its caller, even when it is not
// small enough to be collected as one.  Only functions with a leak are
// looked at: matching every function's header costs more than the rest.
@leak_param depends on !collect@
identifier fn : script:python() { leaky(fn) };
identifier P;
type T1;
@@
fn(..., T1 *P, ...) { ... }

@script:python@
fn << leak_param.fn;
P << leak_param.P;
@@
FROMPARAM.add((str(fn), str(P)))

// ---------------------------------------------------------------------------
// Double put: two puts of the same object on one path, with no get between.
// Two puts in one straight run of statements are taken to be deliberate:
// code that holds two references drops them like that.

@dput depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g, f2, g2, rf;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier kgw : script:python() { wrap("kget", kgw) or wrap("ktryget", kgw) };
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier pw2 : script:python() { wrap("put", pw2) };
identifier kpw2 : script:python() { wrap("kput", kpw2) };
iterator iter;
statement S;
position p1, p2;
@@
(
 kref_put@p1(&E->f, ...);
|
 kref_put@p1(&E->f.g, ...);
|
 kref_put_mutex@p1(&E->f, ...);
|
 kref_put_lock@p1(&E->f, ...);
|
 pw@p1(E, ...);
|
 kpw@p1(&E->f, ...);
)
... when != E = E2
    when != rf(..., &E, ...)
    when != \( kref_get(&E->f2) \| kref_get(&E->f2.g2) \)
    when != kref_get_unless_zero(&E->f2)
    when != gw(E, ...)
    when != kgw(&E->f2, ...)
(
 iter(..., E, ...) S
|
 kref_put@p2(&E->f2, ...)
|
 kref_put@p2(&E->f2.g2, ...)
|
 kref_put_mutex@p2(&E->f2, ...)
|
 kref_put_lock@p2(&E->f2, ...)
|
 pw2@p2(E, ...)
|
 kpw2@p2(&E->f2, ...)
)

@script:python@
p1 << dput.p1;
p2 << dput.p2;
E << dput.E;
@@
if key(p1[0]) not in PRIOR and key(p1[0]) not in CANCEL_PUTS and \
        key(p1[0]) != key(p2[0]) and callee(p1[0]) == callee(p2[0]) and \
        not in_a_row(p1[0], p2[0]):
    emit("kref double put", p2[0],
         "'%s' was already put at line %s by %s() on this path"
         % (E, p1[0].line, callee(p1[0])),
         [("first put", p1[0])], tier="Low")

// ---------------------------------------------------------------------------
// Use after put.  A put whose result is ignored may have freed the object;
// with "if (put(x))" the true branch knows that it did, with "if (!put(x))"
// only the true branch knows that it did not.

@uap_stmt depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g, h, fn, f2, g2, rf;
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier pw2 : script:python() { wrap("put", pw2) };
identifier kpw2 : script:python() { wrap("kput", kpw2) };
iterator name list_for_each_entry, list_for_each_entry_reverse;
iterator name list_for_each_entry_continue, hlist_for_each_entry;
iterator iter;
statement S;
position p1, p2;
@@
(
 kref_put@p1(&E->f, ...);
|
 kref_put@p1(&E->f.g, ...);
|
 kref_put_mutex@p1(&E->f, ...);
|
 kref_put_lock@p1(&E->f, ...);
|
 pw@p1(E, ...);
|
 kpw@p1(&E->f, ...);
)
...
(
 list_for_each_entry@p2(E, ...) S
|
 list_for_each_entry_reverse@p2(E, ...) S
|
 list_for_each_entry_continue@p2(E, ...) S
|
 hlist_for_each_entry@p2(E, ...) S
|
 iter(..., E, ...) S
|
 E = E2
|
 rf(..., &E, ...)
|
 \( kref_put(&E->f2, ...) \| kref_put(&E->f2.g2, ...) \| pw2(E, ...) \| kpw2(&E->f2, ...) \)
|
 E@p2->h
|
 *E@p2
|
 fn(..., E@p2, ...)
)

@uap_branch depends on !collect disable ptr_to_array, neg_if, drop_else exists@
idexpression E;
expression E2;
identifier f, g, h, fn, l, rf;
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
statement S, S1, S2;
position p1, p2;
@@
(
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) {
  ... when != E = E2
      when != rf(..., &E, ...)
  \( E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
  ...
 }
|
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) {
  ... when != E = E2
      when != rf(..., &E, ...)
  \( E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
  ...
 } else S
|
 if (!\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1 else {
  ... when != E = E2
      when != rf(..., &E, ...)
  \( E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
  ...
 }
|
 if (\( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| pw(E, ...) \| kpw(&E->f, ...) \))
  \( return ...; \| goto l; \| break; \| continue; \| { ... \( return ...; \| goto l; \| break; \| continue; \) } \)
|
 if (\( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| pw(E, ...) \| kpw(&E->f, ...) \))
  \( return ...; \| goto l; \| break; \| continue; \| { ... \( return ...; \| goto l; \| break; \| continue; \) } \) else S
|
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
|
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1 else S2
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
|
 if (!\( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| pw(E, ...) \| kpw(&E->f, ...) \)) S1 else \( return ...; \| goto l; \| break; \| continue; \| { ... \( return ...; \| goto l; \| break; \| continue; \) } \)
|
 if (!\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
|
 if (!\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1 else S2
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
)

@script:python@
p1 << uap_stmt.p1;
p2 << uap_stmt.p2;
E << uap_stmt.E;
@@
if key(p1[0]) not in PRIOR and key(p1[0]) not in CANCEL_PUTS and \
        may_free(p1[0]):
    emit("kref use after put", p2[0],
         "'%s' is used after %s() at line %s, which may have freed it"
         % (E, callee(p1[0]), p1[0].line),
         [("put", p1[0])], tier="Low")

@script:python@
p1 << uap_branch.p1;
p2 << uap_branch.p2;
E << uap_branch.E;
@@
if key(p1[0]) not in PRIOR and key(p1[0]) not in CANCEL_PUTS and \
        may_free(p1[0]):
    emit("kref use after put", p2[0],
         "'%s' is used after %s() at line %s, which may have freed it"
         % (E, callee(p1[0]), p1[0].line),
         [("put", p1[0])], tier="Low")

// ---------------------------------------------------------------------------
// Release callback against the caller's lock state: a _locked callback
// after the caller dropped the object's lock, or the unlocked twin of a
// _locked callback while the caller still holds it.

@lk_locked depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g;
identifier R : script:python() { locked_cb(R) };
identifier ul : script:python() { is_unlock(ul) };
identifier lk : script:python() { is_lock(lk) };
position p1, p2;
@@
\( ul@p1(E, ...) \| ul@p1(&E->g, ...) \| ul@p1(E->g, ...) \)
... when != \( lk(E, ...) \| lk(&E->g, ...) \| lk(E->g, ...) \)
    when != E = E2
kref_put@p2(&E->f, R)

@lk_unlocked depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g;
identifier R : script:python() { unlocked_twin(R) };
identifier ul : script:python() { is_unlock(ul) };
identifier lk : script:python() { is_lock(lk) };
position p1, p2;
@@
\( lk@p1(E, ...) \| lk@p1(&E->g, ...) \| lk@p1(E->g, ...) \)
... when != \( ul(E, ...) \| ul(&E->g, ...) \| ul(E->g, ...) \)
    when != E = E2
kref_put@p2(&E->f, R)

@script:python@
p1 << lk_locked.p1;
p2 << lk_locked.p2;
E << lk_locked.E;
R << lk_locked.R;
@@
emit("kref lock mismatch", p2[0],
     "%s() expects '%s' locked, but %s() at line %s unlocked it"
     % (R, E, callee(p1[0]), p1[0].line),
     [("unlock", p1[0])])

@script:python@
p1 << lk_unlocked.p1;
p2 << lk_unlocked.p2;
E << lk_unlocked.E;
R << lk_unlocked.R;
@@
emit("kref lock mismatch", p2[0],
     "%s() expects '%s' unlocked, but it is still locked by %s() at line %s; use the _locked variant"
     % (R, E, callee(p1[0]), p1[0].line),
     [("lock", p1[0])])

@script:python flush depends on !collect@
@@
flush()

// ---------------------------------------------------------------------------
// Context mode: star the places report mode reports (flush() kept them):
// the call that took a leaked reference, the second put, the put of a
// lock mismatch, the use after a put (the object, or the iterator that
// walks on from it).

@depends on context && !collect@
identifier fn;
position p : script:python() { starred(p) };
@@
* fn@p(...)

@depends on context && !collect@
iterator it;
expression list es;
statement S;
position p : script:python() { starred(p) };
@@
* it@p(es)
  S

@depends on context && !collect@
idexpression E;
position p : script:python() { starred(p) };
@@
* E@p
