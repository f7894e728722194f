// SPDX-License-Identifier: GPL-2.0-only
/// Find unbalanced kref reference counting within a function:
///  - a reference taken with kref_get(), kref_get_unless_zero(), a get
///    wrapper, or returned by a getter ("x = foo_lookup(...)") that reaches
///    a return on some path without being put, handed off (stored, added
///    to a list, queued, returned, passed to a function that consumes it,
///    also through a pointer converted from it: container_of(), to_*(),
///    or returned as its driver data: x = pci_get_drvdata(pdev); return x;)
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
/// as a getter when the function puts its result elsewhere; one named
/// like a put (put, unref, release, free, destroy), given the object,
/// counts as dropping it (not kfree()).  A devm_*()
/// call gives no reference (devres drops it), nor does a constructor
/// that adds a devres entry (ata_host_alloc()); an init wrapper that puts
/// the object itself when it fails (i2c_add_adapter(),
/// drm_dp_aux_register()), or sets its release only after the init call
/// (video_register_device()), leaves its caller nothing to put.
///
/// Every finding starts with its confidence, by shape:
///  [High]     a leak of a reference the function gives back on other
///             paths (taken by kref_get(), a wrapper, a getter known by
///             its body);
///  [Moderate] a leak through a getter known by its name only, a leak on
///             the branch where a hand-off failed (queue_work() false, a
///             keeper returning NULL), a leak of a reference on the
///             caller's object at an error return, a device-tree lookup
///             (of_find_*(), of_get_parent()...), an I2C adapter or a URB
///             (i2c_get_adapter(), usb_get_from_anchor()) no path gives
///             back (nor puts through a member, put_device(&pdev->dev)),
///             a lock mismatch;
///  [Low]      another reference no path of the function gives back
///             (often kept on purpose for state the function does not
///             show), a leak only at returns of 0 with the last statement
///             of the function among them (kept where it succeeds, for the
///             same reason; not a failed init, nor an of_*() lookup), a
///             failed init of an object reached from a global, or in an
///             init wrapper, or a function given the object and putting
///             it on no path, that returns the failure (its caller puts),
///             the first reference of a bare init (device_initialize(),
///             kobject_init(), kset_init() of &x->member or of a pointer)
///             at a return no path reaches after a call given the member
///             or the object, or a store of a call's result in the member
///             (nothing set up yet that its release would free: freeing
///             the object leaks nothing, though the kernel-doc asks for
///             the put), a use after put, two puts on one path (both
///             mostly another reference the function cannot see: 4 of 18
///             and 0 of 9 true in the 6.1 triage).
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
//# skips the put other paths do; a return in the branch of a NULL test of
//# the object; a path through "if (C) put(x); else kfree(x);" (either
//# order, braced or not: the state C the function keeps says which one
//# the path needs; a flag set too late, after the name, is not seen; an
//# else of two statements, or a put through a nested member, is not
//# matched); the reference stored in a variable whose cleanup class
//# (__free()) puts.  Returns are keyed by line: a bare init's return
//# that one path reaches after a set-up is High for every path, and a put
//# through the member on one path (after an init through a pointer to it)
//# excuses every path to that return.
//# A reference dropped by a callee that is neither a wrapper, a consumer
//# nor named like a put is reported.
//
// Confidence: High, Moderate, Low (in each message)
// Copyright: (C) 2026 z3fold-series maintainers
// Comments: The lock check only knows lock functions by name (a "lock",
//  "trylock" or "unlock" word in the callee name, down_*/up_* for rwsems)
//  and only looks at locks taken on the object itself.
//  Measured (cocci/MEASUREMENTS.md, verdicts in cocci/triage/): on the
//  6.1 tree it was tuned on, a fresh sample of 40 findings a tier at
//  24bde93, High 19 and Moderate 24 of 40, Low 5 of 38 true
//  (kref_balance-v11-6.1.tsv); on code the version measured was not
//  tuned on, every High and Moderate finding judged, the default report
//  31, 31, 29 and 31 percent true in four holdouts: 1500, 3000 and 2239
//  files of 6.1 (at ca377e7, e72816b and 2e5ad5e:
//  kref_balance-v7-holdout-6.1.tsv, -v9-, -v10-) and the files new in
//  6.12.118 (at 24bde93, kref_balance-v11-holdout-6.12.tsv).
// Options: --no-includes --include-headers
// Reduce: a finding starts from a call of kref_*(), of a listed wrapper or
// of a wrapper of the file, and the rule reads other functions of the
// file only where such a function names them (two levels) or where they
// put a member of a parameter; scripts/cocci.sh may give spatch copies
// with the other functions' bodies blanked (scripts/cocci-reduce.py).
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
         "nofree", "putcb", "rget", "init", "initput")
TREE = dict((k, set()) for k in KINDS)
LOCAL = dict((k, set()) for k in KINDS)
BAD_GET = set()
CALLBACKS = set()
NOWRAP = re.compile(r"^kref_")
# Device-managed calls (devm_*()): devres drops what they took when the
# device goes, so their caller holds nothing it must put: no getter.
DEVM_RE = re.compile(r"^devm_")
# Functions of this file that add a devres entry (devres_add(),
# devm_add_action()): what they make belongs to devres.
DEVRES_OWNED = set()
# Init wrappers of this file with an error return after their init call:
# {function: positions of those returns}.
INIT_ERR_AFTER = {}
# Returns that pass up the failure of an init call that left nothing.
PASSED_UP = set()
# Calls whose result the callee's own owner puts, by an argument: a
# device link added without DL_FLAG_STATELESS is managed by the driver
# core, which deletes it when a driver unbinds (see device_link_add()).
MANAGED = set()


# Lookups of DRM mode objects that have no free callback: CRTCs, planes,
# encoders and properties live as long as their device, and
# drm_mode_object_find() takes a reference only on an object with one.
# Pass 1 sees the conditional get and would take them for returning
# getters.
UNCOUNTED_RE = re.compile(r"^drm_(crtc|plane|encoder|property)_find$")


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
            if words[0] == "rget" and UNCOUNTED_RE.search(words[1]):
                continue
            TREE[words[0]].add(words[1])


if os.environ.get("KREF_WRAPPERS"):
    load_wrappers(os.environ["KREF_WRAPPERS"])


def wrap(kind, name):
    return name in TREE[kind] or name in LOCAL[kind]


def anyput(name):
    return wrap("put", name) or wrap("consume", name)


# Functions of this file that only keep what they are given (store it,
# queue it, link it): consumers for a hand-off, but they put nothing.
KEEPONLY = set()
# The second-level ones (constructors that pass it to one of the above),
# with the parameter they keep: (function, parameter).
KEEP2 = set()


def realput(name):
    """A callee that drops a reference on what it is given (not one that
    only keeps it)."""
    return wrap("put", name) or wrap("kput", name) or \
        name in TREE["consume"] or \
        (name in LOCAL["consume"] and name not in KEEPONLY)


def known(name):
    return any(name in TREE[k] or name in LOCAL[k] for k in KINDS)


# Functions of this file that return nothing.
VOIDFN = set()

# Functions defined in this file whose name looks like that of a getter,
# a keeper or a put: their body, not their name, says what they do.
DEFINED = set()

# A callee the tree has no body for, named like a lookup that returns a
# referenced object.  Only believed when the function puts what it got on
# some path (name fallback: Moderate at best).
GETNAME_RE = re.compile(r"(^|_)(get|lookup|find)(_|$)")
# Device-tree lookups pass 1 finds as returning getters: of_find_*(),
# of_get_parent(), of_irq_find_parent(), of_find_device_by_node()...
# Those of them that iterate: "np = of_find_compatible_node(np, ...)",
# "child = of_get_next_child(node, child)" put the node given.
OF_ITER_RE = re.compile(r"^of_(find_(?!next_cache_node)\w+|get_next_\w+"
                        r"|graph_get_next_\w+)$")
OF_LOOKUP_RE = re.compile(r"^of_(find_\w+|irq_find_parent"
                          r"|get_(parent|next_\w+)|graph_get_\w+"
                          r"|cpu_device_node_get)$")
# Lookups of a bus adapter or a queued URB by a driver that only uses it
# for the call it is in: one kept is most often stored (a hand-off), as
# for the device-tree lookups; one kept through an I2C mux or a
# subdevice is in a function that ends in "return 0;", which stays Low.
DRIVER_LOOKUP_RE = re.compile(r"^(i2c_get_adapter|usb_get_from_anchor)$")
# Accessors named like getters: pci_get_drvdata(), usb_get_intfdata(),
# i2c_get_clientdata(), dev_get_platdata() return a pointer a driver
# stored, and take no reference.
ACCESSOR_RE = re.compile(r"_get_(drv|intf|client|plat)data$")


def by_name(name):
    """A callee only its name can speak for: pass 1 recorded nothing for
    it and this file does not define it."""
    return not known(name) and name not in DEFINED


def rget(name):
    """Calls whose result carries a reference: returning getters known by
    their body, or named like one when no body is known."""
    if UNCOUNTED_RE.search(name):
        return False
    return wrap("rget", name) or \
        (by_name(name) and bool(GETNAME_RE.search(name)) and
         not ACCESSOR_RE.search(name))


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

# Calls whose name says that they keep the object passed to them; "start"
# only as a verb with its object after it (qla2x00_start_sp(), not
# pci_resource_start()).
VERB_RE = re.compile(
    r"(^|_)(add|attach|insert|install|enqueue|queue|push|link|store"
    r"|register|submit|schedule|publish|assign|set|bind|hold|own|transfer"
    r"|track|hash|enlist)(_|$)|(^|_)start_")


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


# Calls that return what they are given as another type or packed with
# flag bits: storing their result in a field stores the object.
CONVERSION_RE = re.compile(r"^(to_[a-z0-9_]+|ptr_pack_bits|container_of)$")


def conversion(name):
    return bool(CONVERSION_RE.search(name))


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


def source(path):
    """The lines of a checked file, read once."""
    lines = _SRC.get(path)
    if lines is None:
        try:
            with open(path, errors="replace") as fh:
                lines = fh.read().split("\n")
        except OSError:
            lines = []
        _SRC[path] = lines
    return lines


def callee(p):
    """Name of the identifier at position p (the called function)."""
    lines = source(p.file)
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
    lines = source(p.file)
    start = int(p.line) - 1
    for i in range(start, min(len(lines), start + WRAPPER_MAX_LINES + 1)):
        if lines[i].startswith("}"):
            return True
    return False


# A put wrapper is named like one.  A function that drops a reference on
# its parameter as a side effect of other work (cancelling a work item,
# freeing an URB that held a reference) is only a consumer: calling it
# hands the reference off, but using the object afterwards is not suspect.
PUT_WORDS = r"(?<!in)(?<!out)put|unref|release|drop|destroy|unget|unhold"
PUTNAME_RE = re.compile(PUT_WORDS + r"|deref|free")


def is_static(p):
    """The definition at p is static (looked up in the source text)."""
    lines = source(p.file)
    i = int(p.line) - 1
    if i >= len(lines):
        return False
    if re.search(r"\bstatic\b", lines[i][:int(p.column)]):
        return True
    return int(p.column) == 0 and i > 0 and \
        bool(re.search(r"\bstatic\b", lines[i - 1]))


def leakput(name):
    """A call that drops the reference it is given, for the leak checks: a
    put wrapper or consumer, or a callee pass 1 recorded nothing for and
    this file does not define, named like a put (a put through a double
    pointer, "drm_master_put(&m)", or one that ends in a put wrapper of
    another file, "free_mdio_bitbang()").  Not kfree(): freeing an object
    a reference count still holds is the leak."""
    return anyput(name) or \
        (by_name(name) and bool(PUTNAME_RE.search(name)) and
         not KFREE_RE.search(name))


def add_wrapper(kind, fn, p):
    if NOWRAP.match(fn):
        return
    if kind in ("put", "kput") and (not small(p) or not PUTNAME_RE.search(fn)):
        kind = "consume"
    elif kind in ("get", "tryget", "kget", "ktryget") and not small(p):
        return
    elif kind == "init" and fn in BAD_GET:
        return
    if kind in ("get", "tryget", "rget", "init") and DEVM_RE.search(fn):
        return
    if kind == "rget" and (fn in DEVRES_OWNED or UNCOUNTED_RE.search(fn)):
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
    lines = source(p1.file)
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
# Second-level get candidates: {function: the get wrappers it calls}.
GET_VIA = {}


def candidate(name, *kinds):
    """A function of this file collected as a candidate of one of KINDS
    (get, tryget, init: by its own kref_get(), kref_get_unless_zero() or
    kref_init(); get2: through a get wrapper), not yet checked for
    keeping the reference it takes."""
    return any(k in kinds and str(f) == str(name) for (k, f, p) in GETCAND)
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
# Init calls on an object whose life something else ends: one reached
# from a global (init_global), one devres allocated (init_devm).
INIT_OWNED = set()
# Init calls that only set a count, on an object that owns nothing until
# a later registration call: cdev_init() (no name, no parent before
# cdev_add()), tty_port_init() (its buffers come with the first open),
# config_group_init() and config_item_init(), and their _type_name()
# forms given a literal name that fits the item's inline buffer (see
# init_hollow).  Freeing such an object without a put leaks nothing.
HOLLOW_INITS = set(["cdev_init", "tty_port_init", "config_group_init",
                    "config_item_init"])
# CONFIGFS_ITEM_NAME_LEN: a shorter name is copied into ci_namebuf
CONFIGFS_INLINE_NAME = 20
INIT_HOLLOW = set()
# The kernel's bare inits: they set the count and allocate nothing.  The
# name, the parent's reference and the sysfs entry come with later calls
# given the member (dev_set_name(), kobject_add(), device_add()).
BARE_INITS = set(["device_initialize", "kobject_init", "kset_init"])
# (bare init call, return line) pairs with a path between them on which a
# call was given the member the init set up; bare init calls after such a
# call (a name set before the init, as fsi_slave_init() does).
INIT_SET_UP = set()
INIT_SET_UP_FIRST = set()
# bare init calls on "&x->member" or on a plain pointer
BARE_SIMPLE = set()
# Calls given a device that only read or set a field of it, or print: no
# name, no devres, nothing its release would have to free.
NO_SETUP_CALL_RE = re.compile(
    r"^(dma_set_(mask|coherent_mask|mask_and_coherent|max_seg_size|"
    r"seg_boundary)|dev_[sg]et_drvdata|set_dev_node|dev_name|"
    r"dev_(err|warn|info|dbg|notice|crit|alert|emerg|printk)"
    r"(_ratelimited|_once)?|dev_err_probe)$")


def sets_up(name):
    """A call whose arguments contain the member of a bare init, or the
    object itself, may set something up on it (a name, devres, an add).
    Errs towards High: a call that only reads a field of the member counts
    too.  Not the allocation ("kzalloc(sizeof(*dev), ...)" names the
    pointer), nor the free or the put that ends the object."""
    return not (NO_SETUP_CALL_RE.match(name) or ALLOC_RE.match(name) or
                KFREE_RE.search(name) or leakput(name))


def set_up(p1, p2=None):
    """Record a call on the member of the bare init at p1: before the
    init (p2 None), or on a path from it to the return at p2."""
    if p2 is None:
        INIT_SET_UP_FIRST.add(key(p1))
    else:
        INIT_SET_UP.add((key(p1), int(p2.line)))
# work functions: (function, object) -> the put some path does on it, and
# the returns that skip it
WORKPUT = {}
WORKLEAK = {}
WORKOWN = set()
# (function, variable) pairs of the objects a function allocated itself
ALLOCATED = set()
ALLOC_RE = re.compile(r"^(k[mzc]alloc|kv[mzc]alloc|kmalloc_array|kcalloc|k[mz]alloc_node|kmem_cache_z?alloc)$")


def key(p):
    return (p.file, p.line, p.column)


def fn_of(p):
    return p.current_element


# A goto label at the left margin (or one space in), and a line that leaves
# the function, one tab in.  Not the LABEL_RE of null_return() below,
# which also takes case lines and labels nested in a block: a scan of the
# body itself must step over those.
GOTO_LABEL_RE = re.compile(r"^ ?[A-Za-z_]\w*:(?!:)")
EXIT_RE = re.compile(r"^\t(return\b[^;]*|goto \w+);\s*([/][*].*[*][/])?\s*$")
NOISE_RE = re.compile(r"^\s*($|#|[/][*]|[*]|[/][/])|[*][/]\s*$")


def body_line(p):
    """The line of p is a statement line of its function's body itself,
    one tab in (kernel style), not nested in a branch or a loop, and not
    after a label that only a goto reaches (the line before it, comments
    and preprocessor lines aside, returns or jumps): a line on the path
    every run takes."""
    src = source(p.file)
    n = int(p.line)
    if not (0 < n <= len(src) and re.match(r"\t\S", src[n - 1])):
        return False
    for i in range(n - 2, -1, -1):
        if src[i].startswith(("{", "}")):
            return True
        if GOTO_LABEL_RE.match(src[i]):
            j = i - 1
            while j >= 0 and NOISE_RE.match(src[j]):
                j -= 1
            if j >= 0 and EXIT_RE.match(src[j]):
                return False
    return True


def body_statement(p):
    """The call at p starts a statement of the body itself (body_line())."""
    return int(p.column) == 1 and body_line(p)


FINDINGS = {}


def emit(rule, p, msg, secs=(), tier="Moderate"):
    """Queue a finding; flush() prints them sorted once the file is done."""
    k = (key(p), rule, msg)
    if k not in FINDINGS:
        FINDINGS[k] = (rule, p, msg, list(secs), tier)


LEAKS = {}
# (p1, object, the structure it is stored in, line of its kfree()): the
# stored-then-freed shape, reported by flush() once the conditional puts
# of the file are known.
FREED = []
RGFUNCS = set()
GIVES = set()
MEMBERPUT = set()
ITERATED = set()
PUTS = set()
# (function, object) pairs the function puts somewhere, itself or through
# a member (leak_tier(): a function given an object that puts it on some
# path owns the put)
PUTS_OWN = set()


def root(e):
    """The variable an expression starts from: "priv" of "priv->sp"."""
    m = re.match(r"[&*(\s]*([A-Za-z_][A-Za-z0-9_]*)", str(e))
    return m.group(1) if m else str(e)


def spell(e):
    """An expression as written: "k->w", not spatch's "k -> w"."""
    e = re.sub(r"\s*(->|\.)\s*", r"\1", str(e))
    return re.sub(r"([&*!(])\s+", r"\1", e)


# (function, object, return line): returns reached after the object was
# handed off through a pointer converted from it (24-alias-handoff).
ALIAS_HANDOFF = set()
# Structure types a function of the file puts a member pointer of (the
# put helper of a driver data that points back to its device).
BACKPUT = set()


def type_key(t):
    """A type as spatch prints it, without its spacing."""
    return " ".join(str(t).split())


# (function, object, return line): returns in the branch of a NULL test of
# the object (26-null-return).
NULL_RET = set()


LABEL_RE = re.compile(r"^\s*(case\b[^:]*|default|[A-Za-z_]\w*)\s*:(?!:)")


def null_return(e, stmts, pi, p):
    """A return at p in the branch of the NULL test of e at pi, after the
    statements stmts (as spatch prints them): none may set e again, and
    no label or case between the test and the return may let other paths
    in."""
    e = str(e)
    sets = re.compile(r"(^|[^\w>.])%s\s*=(?!=)" % re.escape(e))
    if any(sets.search(str(s)) for s in stmts):
        return
    lines = source(p.file)
    if any(LABEL_RE.match(lines[i - 1])
           for i in range(int(pi.line), int(p.line) + 1)
           if 0 < i <= len(lines)):
        return
    NULL_RET.add((fn_of(p), spell(e), int(p.line)))


# Position of a value stored in a variable declared with __free() (its
# initializer, or the right side of an assignment to it) -> (line of the
# declaration, cleanup class) (25-scope-put).
SCOPE_STORE = {}


def scope_store_at(pd, pe, cls):
    """A value at pe stored in a variable of the name declared at pd: in
    the same function, after it; of several such declarations, the last
    one before pe.  Scopes are not told apart: a plain variable of the
    same name in a sibling or inner block is taken for the cleanup one
    (none in the 6.1 or 6.12 trees)."""
    if fn_of(pe) != fn_of(pd) or int(pe.line) < int(pd.line):
        return
    old = SCOPE_STORE.get(key(pe))
    if old is None or old[0] < int(pd.line):
        SCOPE_STORE[key(pe)] = (int(pd.line), str(cls))


# Cleanup classes that put what the variable holds: named like a put
# (put_device, pci_dev_put, fwnode_handle_put, snd_card_unref, path_put,
# fput), or one of the classes named after their type whose cleanup puts
# (DEFINE_FREE(device_node, ..., of_node_put(_T)), fwnode_handle).  Not
# the ones that free (kfree, free_percpu), unlock (mutex) or undo an add
# and keep the reference (device_del).
PUT_CLASS = re.compile(PUT_WORDS + r"|^(device_node|fwnode_handle)$")
DECL_BEFORE_STAR = re.compile(r"__free\((\w+)\)\s*\*\s*(\w+)\b")
STORED_INTO = re.compile(r"\b(\w+)\s*=\s*$")


def scope_store(p1):
    """The cleanup class of the variable the call at p1 is stored into;
    None when there is none.  A declaration with the class written before
    the star is looked for in the source, from the call's line up to the
    opening brace of the function."""
    if key(p1) in SCOPE_STORE:
        return SCOPE_STORE[key(p1)][1]
    lines = source(p1.file)
    n = int(p1.line)
    if not 0 < n <= len(lines):
        return None
    m = STORED_INTO.search(lines[n - 1][:int(p1.column)])
    if not m:
        return None
    for i in range(n, 0, -1):
        d = DECL_BEFORE_STAR.search(lines[i - 1])
        if d and d.group(2) == m.group(1):
            return d.group(1)
        if lines[i - 1].startswith("{"):
            break
    return None


# a null pointer constant, bare, in parentheses or cast: "(struct bo *)NULL"
NULL_CONSTANT = re.compile(r"\(*(\([\w\s]+\*+\s*\)\s*)?(NULL|0)\)*")


def no_object(obj):
    """Whether a wrapper was given no object: the null pointer constant.
    It takes nothing then: "bo_ref(NULL, &p)" only drops what p held."""
    return NULL_CONSTANT.fullmatch(obj) is not None


def leak(p1, p2, obj, kind):
    """Leaks are reported once per reference, naming every leaking return.
    kind: how the reference was taken ("get": kref_get() or a wrapper on
    the object; "rget": a returning getter known by its body; "fallback":
    a call named like one; "failed": a hand-off that can fail)."""
    if kind != "ignored" and \
            (fn_of(p1), str(obj), int(p2.line)) in ALIAS_HANDOFF:
        return
    obj = spell(obj)
    if no_object(obj):
        return
    if (fn_of(p1), obj, int(p2.line)) in NULL_RET:
        return
    cls = scope_store(p1)
    if cls and PUT_CLASS.search(cls):
        return
    k = key(p1) + (kind == "ignored",)
    if k not in LEAKS:
        LEAKS[k] = (p1, obj, set(), set())
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


def after_condput(fn, obj, line, since=0):
    """A conditional put of obj in fn before line (and after line since)."""
    return any(since < c < line for c in CONDPUT.get((fn, obj), ()))


LOOP_HEAD_RE = re.compile(r"\b(for|while|do)\b|for_each")


def loop_around(path, n):
    """(first, last) lines of the innermost loop body around line n, by
    the braces of the text (a loop whose body is one statement without
    braces, or braces in strings, are not seen); None outside loops."""
    src = source(path)
    i = n - 1
    while i > 0:
        depth = 0
        opener = None
        for j in range(i - 1, -1, -1):
            for k in range(len(src[j]) - 1, -1, -1):
                if src[j][k] == "}":
                    depth += 1
                elif src[j][k] == "{":
                    if depth == 0:
                        (opener, col) = (j, k)
                        break
                    depth -= 1
            if opener is not None:
                break
        if opener is None:
            return None
        depth = 0
        closer = None
        for j in range(opener, len(src)):
            for ch in src[j][col + 1:] if j == opener else src[j]:
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    if depth == 0:
                        closer = j
                        break
                    depth -= 1
            if closer is not None:
                break
        if closer is None:
            return None
        if LOOP_HEAD_RE.search(src[opener]) or \
                (opener > 0 and src[opener].strip() == "{" and
                 LOOP_HEAD_RE.search(src[opener - 1])):
            return (opener + 1, closer + 1)
        i = opener
    return None


def looped_condput(fn, obj, p1, n):
    """Return line n comes before the get at p1 in the body of the same
    loop, which puts obj under a test after the get ("if (x) put(x);"):
    the path reaches the return around the loop, past that put, on the
    branch where x is NULL."""
    g = int(p1.line)
    if n >= g:
        return False
    loop = loop_around(p1.file, n)
    return loop is not None and loop[0] < g < loop[1] and \
        any(g < c < loop[1] for c in CONDPUT.get((fn, obj), ()))


def fell_off(p1, n):
    """Line n of p1's file is the closing brace of p1's function, which
    returns a value: the return spatch puts there is only reached out of
    a loop without exit (while (1), for (;;)), that is, never."""
    src = source(p1.file)
    return 0 < n <= len(src) and src[n - 1].rstrip() == "}" and \
        fn_of(p1) not in VOIDFN


def leak_tier(p1, obj, lines, kinds):
    """Confidence of a leak, by the shape that found it, and the returns
    it names; None when it is not reported."""
    fn = fn_of(p1)
    mine = (fn, str(obj))
    if (fn, root(obj)) in FROMPARAM:
        # a field of the caller's object: the caller's state
        mine = (fn, root(obj))
    lines = set(n for n in lines if not after_condput(fn, str(obj), n) and
                not looped_condput(fn, str(obj), p1, n) and
                not fell_off(p1, n))
    if not lines:
        return (None, lines)
    if "ignored" in kinds:
        return ("Moderate", lines)
    if key(p1) in INIT_HOLLOW:
        # a count on an object that holds nothing yet: no leak
        return (None, lines)
    if key(p1) in BARE_SIMPLE and key(p1) not in INIT_SET_UP_FIRST:
        # a bare init whose member no call was given before the return
        # holds nothing yet: freeing the object there leaks nothing,
        # though the kernel-doc asks for a put
        set_up_lines = set(n for n in lines if (key(p1), n) in INIT_SET_UP)
        if not set_up_lines:
            return ("Low", lines)
        lines = set_up_lines
    if key(p1) in INIT_OWNED:
        # an init call on an object that lives on in a global, or that
        # devres frees: its teardown is not up to this function
        return ("Low", lines)
    if kinds == set(["init"]):
        # the first reference, on the path where the init call failed:
        # this function's own, whoever's object it set up; but an init
        # wrapper that puts it on no path and returns a value passes the
        # failure up, and its caller puts (the callers of
        # device_register() do); so does a function that registers an
        # object its caller gave it and puts it on no path
        # (__acpi_mdiobus_register(mdio, ...): whoever allocated the bus
        # calls mdiobus_free() after a failure)
        if (fn, str(obj)) in FROMPARAM and fn not in VOIDFN and \
                (fn, str(obj)) not in PUTS_OWN:
            return ("Low", lines)
        if key(p1) in RELEASED:
            return ("High", lines)
        passes_up = wrap("init", fn) and fn not in VOIDFN
        return ("Low" if passes_up else "Moderate", lines)
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
        if mine in GIVES:
            return ("High", lines)
        # a device-tree or driver lookup no path gives back: the node,
        # adapter or URB found is needed only while the function reads it,
        # and one the function keeps is stored, which is a hand-off.  Not
        # one the function puts on some path through a member
        # (put_device(&pdev->dev)): such a put on an error path only is not
        # told apart from one on the main path (left Low, as before); nor
        # one taken by an iterating call (each call puts the node the last
        # one returned)
        name = callee(p1)
        lookup = OF_LOOKUP_RE.match(name) or DRIVER_LOOKUP_RE.match(name)
        transient = lookup and mine not in MEMBERPUT and \
            key(p1) not in ITERATED
        return ("Moderate" if transient else "Low", lines)
    # named like a getter: believed when the function puts it elsewhere
    # and takes no reference of its own on it
    if mine in PUTS and mine not in EXPLICIT:
        return ("Moderate", lines)
    return (None, lines)


def returns_zero(p1, lines):
    """Every return a leak reaches is "return 0;", the last statement of
    the function among them: where the function ends in success, a
    reference it does not give back is most often kept on purpose (a
    probe that binds what it found, an open that holds its device for the
    file), by state the function does not show.  An early "return 0;"
    alone is not that: the end of the function may put."""
    src = source(p1.file)
    if not all(0 < n < len(src) and src[n - 1].strip() == "return 0;"
               for n in lines):
        return False
    return any(src[n] == "}" for n in lines)


def flush():
    # to a fixed point: "port = to_port(dev); md = to_md(port->uport)"
    # is a chain, and one pass over the set would follow it only in the
    # order the set happens to iterate in (by string hashes, per process)
    while True:
        more = set((fn, e) for (fn, e, prm) in FROMPARAM_OF
                   if (fn, prm) in FROMPARAM) - FROMPARAM
        if not more:
            break
        FROMPARAM.update(more)
    for (p1, obj, x, line) in FREED:
        # "if (x && !IS_ERR(x)) put(x)" between the get and the kfree():
        # the path that skips it is the one where the lookup failed (a
        # goto past that put to the kfree() is not told apart)
        if no_object(spell(obj)):
            continue
        if not after_condput(fn_of(p1), str(obj), line, int(p1.line)):
            emit("kref leak", p1,
                 "reference on '%s' taken by %s() is stored in '%s', which is freed at line %d without putting it"
                 % (spell(obj), callee(p1), x, line), tier="Moderate")
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
        if returns_zero(p1, lines) and "init" not in kinds and \
                not callee(p1).startswith("of_"):
            # (not a failed init, which no success keeps, nor a device-
            # tree lookup, which is not kept without a store)
            tier = "Low"
        emit("kref leak", p1,
             "reference on '%s' taken by %s() is neither put nor handed off before the return at %s"
             % (obj, callee(p1), where), tier=tier)
    order = sorted(FINDINGS, key=lambda k: (k[0][0], int(k[0][1]), int(k[0][2]), k[1], k[2]))
    for k in order:
        (rule, p, msg, secs, tier) = FINDINGS[k]
        if key(p) in MANAGED:
            continue
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
    FREED.clear()
    RGFUNCS.clear()
    GIVES.clear()
    MEMBERPUT.clear()
    ITERATED.clear()
    PUTS.clear()
    PUTS_OWN.clear()
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
KEEPONLY.clear()
KEEP2.clear()
DEVRES_OWNED.clear()
INIT_ERR_AFTER.clear()
PASSED_UP.clear()
MANAGED.clear()
del GETCAND[:]
GET_VIA.clear()
ALIAS_HANDOFF.clear()
BACKPUT.clear()
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
INIT_OWNED.clear()
INIT_HOLLOW.clear()
INIT_SET_UP.clear()
INIT_SET_UP_FIRST.clear()
BARE_SIMPLE.clear()
ALLOCATED.clear()
WORKPUT.clear()
WORKLEAK.clear()
WORKOWN.clear()
DEFINED.clear()
VOIDFN.clear()
STARRED.clear()
NULL_RET.clear()
SCOPE_STORE.clear()

// Functions of this file named like getters, keepers or puts (see rget(),
// keeps(), leakput()).
@defs@
identifier fn : script:python() { bool(GETNAME_RE.search(fn) or VERB_RE.search(fn) or PUTNAME_RE.search(fn)) };
@@
fn(...) { ... }

@script:python@
fn << defs.fn;
@@
DEFINED.add(fn)

// Functions of this file that return nothing (see leak_tier()).
@voidfns depends on !collect@
identifier fn;
@@
void fn(...) { ... }

@script:python@
fn << voidfns.fn;
@@
VOIDFN.add(fn)

