// SPDX-License-Identifier: GPL-2.0-only
/// An entry that keeps a flag saying it is on a list ("in_list",
/// "queued", a LISTED bit) must have that flag cleared wherever it leaves
/// the list.  Code that tests the flag before a delete ("if
/// (cmd->in_list) { cmd->in_list = false; list_del(&cmd->node); }")
/// trusts it: an unlink elsewhere that leaves the flag set lets that
/// delete run again on an entry that is no longer on the list, and
/// list_del() writes through poisoned pointers (list corruption), or the
/// count kept beside the list is dropped twice.  This is
/// list_del_init.cocci's check for a flag of the entry's own instead of
/// list_empty().
///
/// Reported: an unlink of an entry (list_del(), list_del_init(),
/// list_del_rcu(), hash_del(), their hlist_ forms) of a structure type's
/// member f, where a member g of the same type is named for being on a
/// list (in_list, on_..._queue, queued, listed, linked, hashed...; or a
/// bit of g named so in capitals, FOO_LISTED), some delete of f in the
/// file is done under a test of g (an if around it, or one before it that
/// returns, jumps or continues; which way the test goes is not checked),
/// and some function of the file writes g (a constant, or a bit
/// operation) where it unlinks or moves an entry.  The reported unlink
/// must leave the entry so that a second delete hurts: a poisoning one
/// (list_del(), list_del_rcu(), hlist_del()), or an _init one with a
/// count dropped right after it (also after one statement between) when
/// a guarded delete drops one too.  Not reported: an unlink in a function
/// that writes g of that entry to the value the unlinking writers use
/// (or another flag of the entry, named so: an entry kept on two lists by
/// two flags), or after which, on some path, the entry is added to a
/// list by the same member, freed or put (a function named for freeing,
/// putting, releasing or destroying given the entry or a member of it),
/// or returned (a helper that takes an entry off, whose caller clears the
/// flag); nor the unlink of the cursor of a walk over a list head of the
/// function's own that a list_splice() or list_cut_*() filled (a batch
/// taken whole off another list, whose entries whoever put them there
/// answers for).  A list_move() keeps the entry listed and is not
/// reported.
//# Everything is read from one file: a flag tested or cleared in another
//# file is not seen.  The exclusions hold on some path, not on each: a
//# free on an error path hides the path that goes on with the flag set.
//# The write is looked for anywhere in the function, before the unlink
//# or on another branch too; a write through another pointer to the
//# object, or by a helper given the entry, is not seen (reported).  An
//# entry whose member moves it through several lists (active, retired,
//# free), each delete after the first one clearing nothing, is reported
//# at the later deletes.  A goto into the body of an if makes spatch give
//# up the file ("reachable by inconsistent control-flow paths").  A state
//# kept under another name (a status enum, "pending") is not seen: the
//# first version took any member tested before a delete and set with one,
//# and none of 40 sampled findings on 6.1 was true
//# (cocci/triage/list_del_flag-v1-6.1.tsv).
//
// Confidence: Moderate
// Comments: On the whole 6.1.192 tree no finding (3344 files with a
//  delete); on 6.12.117 one, false (cifs cfids_invalidation_worker(): a
//  batch spliced off a list whose mover cleared the flag), which the
//  spliced-batch exclusion took out since; on the qedi driver before
//  6.1's fix (corpus case l18) its three unflagged deletes.
// Copyright: (C) 2026 z3fold-series maintainers
// Options: --no-includes --include-headers
// Keywords: list_del, in_list, queued flag, double delete, list corruption

virtual context
virtual org
virtual report

@initialize:python@
@@
import re

UNLINKS = []      # (type, member, entry, function, position, call)
GUARDS = {}       # (type, member): {(flag, bit): [(position, call)]}
SETS = {}         # (function, entry): {(member, bit): [(value, position)]}
COUNTED = set()   # position keys of deletes right before a count drops
KEPT = set()      # position keys of unlinks after which the entry goes on
FINDINGS = {}
REPORTED = set()
MODE = set()
POISON = ("list_del", "list_del_rcu", "hlist_del", "hlist_del_rcu")
CONST = r"(?:[A-Z][A-Z0-9_]*|true|false|-?\d+|0x[0-9a-fA-F]+)"
# A member, or a bit of one (a constant, in capitals), whose name says
# the entry is on a list.  The rules flagged and flagged_bit ask these.
MEMBER_RE = re.compile(r"(?i)(^|_)((in|on)(_\w+)?_(list|queue|lru|hash)|"
                       r"(en)?queued|listed|linked|hashed|onlist)$")
BIT_RE = re.compile(r"(^|_)((IN|ON)(_[A-Z0-9_]+)?_(LIST|QUEUE|LRU|HASH)|"
                    r"(EN)?QUEUED|LISTED|LINKED|HASHED|ONLIST)$")


def norm(t):
    t = re.sub(r"\b(const|volatile)\b", " ", str(t))
    return " ".join(t.split())


def key(p):
    return (p.file, int(p.line), int(p.column))


def bits_of(x):
    """The bits a mask or bit number names: FOO of ~FOO, (1 << FOO),
    BIT(FOO); A and B of (A | B)."""
    x = re.sub(r"\bBIT(_ULL)?\s*\(", "(", str(x))
    x = re.sub(r"\b1U?L?L?\s*<<", "", x)
    return [b for b in (re.sub(r"[\s()~]", "", y) for y in x.split("|")) if b]


def flag_tests(cond, e, g):
    """The flags of e->g that cond tests: "" for the member alone, negated
    or compared with a constant, each bit of a bit test.  A comparison
    with a variable (a lookup key) is no test of a flag."""
    c = re.sub(r"\b(?:READ_ONCE|likely|unlikely)\s*\(", "(", cond)
    m = re.escape(e) + r"\s*->\s*" + re.escape(g) + r"\b"
    end = r"\s*(?:$|\)|&&|\|\|)"
    bit_test = r"(?:\b|__)(?:test_bit\w*|test_and_(?:set|clear|change)_bit)"
    out = set()
    for x in re.findall(bit_test + r"\s*\(([^,]*),\s*&\s*" + m, c):
        out.update(bits_of(x))
    mask = r"\s*\)?\s*&(?!&)\s*([^&|]+?(?:\|[^&|]+?)*)"
    for x in re.findall(m + mask + end, c):
        out.update(bits_of(x))
    if re.search(r"(?:^|\(|!|&&|\|\|)\s*" + m + end, c) or \
            re.search(m + r"\s*\)?\s*[=!]=\s*\(?\s*" + CONST + end, c):
        out.add("")
    return out


def guarded(t, f, e, cond, p, how):
    """A delete of e->f under cond: note each flag of e that cond tests."""
    for g in set(re.findall(re.escape(e) + r"\s*->\s*(\w+)", cond)):
        if g == f:
            continue
        for b in flag_tests(cond, e, g):
            GUARDS.setdefault((t, f), {}).setdefault((g, b), []).append(
                (p, how))


def named(g, b):
    return BIT_RE.search(b) if b else MEMBER_RE.search(g)


def unlink_writes(t, f, g, b, unlinked):
    """{value: (function, position)} of the writes of e->g (a constant, or
    the bit) where e->f is unlinked or moved (unlinked: the (type, member,
    function, entry) of each unlink)."""
    out = {}
    for (fn, e) in sorted(SETS):
        if (t, f, fn, e) in unlinked:
            for (v, q) in SETS[(fn, e)].get((g, b), ()):
                if v != "?":
                    out.setdefault(v, (fn, q))
    return out


def flags(t, f, unlinked):
    """{(g, bit): (guarded deletes, values written with an unlink, first
    such write)} of the flags of e->f."""
    out = {}
    for ((g, b), guards) in sorted(GUARDS.get((t, f), {}).items()):
        writes = unlink_writes(t, f, g, b, unlinked)
        if writes and named(g, b):
            first = min(writes.values(), key=lambda w: (w[0], key(w[1])))
            out[(g, b)] = (guards, set(writes), first)
    return out


def keeps_flag(fn, e, fl):
    """Whether fn writes a flag of fl on e to a value an unlink writes
    (for a bit, a write of the whole member counts too)."""
    have = SETS.get((fn, e), {})
    for ((g, b), (_, values, _)) in fl.items():
        for k in ((g, b), (g, "")):
            if any(v in values or k != (g, b) for (v, _) in have.get(k, ())):
                return True
    return False


def hurts(p, how, guards):
    """Whether a guarded delete after this unlink does harm."""
    if how in POISON:
        return True
    return key(p) in COUNTED and any(key(q) in COUNTED for (q, _) in guards)


def judge():
    unlinked = set((t, f, fn, e) for (t, f, e, fn, _, _) in UNLINKS)
    fls = {}    # (type, member): its flags, worked out once
    for (t, f, e, fn, p, how) in UNLINKS:
        if key(p) in KEPT or how.startswith("list_move"):
            continue
        if (t, f) not in fls:
            fls[(t, f)] = flags(t, f, unlinked)
        fl = fls[(t, f)]
        if not fl or keeps_flag(fn, e, fl):
            continue
        for ((g, b), (guards, _, (sfn, sp))) in sorted(fl.items()):
            if not hurts(p, how, guards):
                continue
            gp = guards[0][0]
            what = "%s->%s" % (e, g) if not b else "%s of %s->%s" % (b, e, g)
            msg = "%s() takes %s off its list but leaves %s set; " \
                "%s() deletes only under a test of it (line %s), " \
                "and %s() clears it where it unlinks (line %s)" % (
                    how, e, what, gp.current_element, gp.line, sfn, sp.line)
            FINDINGS[key(p)] = (p, msg, [("guarded delete", gp),
                                         ("flag cleared", sp)])
            break


def flush():
    for k in sorted(FINDINGS):
        (p, msg, secs) = FINDINGS[k]
        text = "list flag left set in %s(): %s" % (p.current_element, msg)
        REPORTED.add(k)
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

// New file: forget the previous one's facts.
@script:python reset@
@@
del UNLINKS[:]
for s in (COUNTED, KEPT, REPORTED):
    s.clear()
for d in (GUARDS, SETS, FINDINGS):
    d.clear()

// Only files that name such a flag (a member, or a bit) are read on:
// the path rules below are slow, and most files have none.
@flagged@
expression E;
identifier g : script:python() { bool(MEMBER_RE.search(g)) };
@@
E->g

@flagged_bit@
identifier b : script:python() { bool(BIT_RE.search(b)) };
@@
b

@unlink depends on flagged || flagged_bit disable ptr_to_array@
type T;
T *E;
identifier f;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_careful|list_move(_tail)?|hash_del(_rcu)?)$";
position p;
@@
dl@p(&E->f, ...)

@script:python@
T << unlink.T;
E << unlink.E;
f << unlink.f;
dl << unlink.dl;
p << unlink.p;
@@
fn = p[0].current_element
UNLINKS.append((norm(T), str(f), str(E), fn, p[0], str(dl)))

// What a function writes to a member of an entry: a constant (a number,
// true or false, NULL, an upper-case enum or macro), a bit set or
// cleared, or data ("?": no flag value, but still a write).
@sets depends on unlink disable ptr_to_array@
type T;
T *E;
identifier g;
expression X, B, C;
identifier bs =~ "^(__)?(test_and_)?set_bit$";
identifier bc =~ "^(__)?(test_and_)?clear_bit$";
identifier wo =~ "^(WRITE_ONCE|smp_store_release)$";
position p;
@@
(
 E@p->g = X
|
 wo(E@p->g, X)
|
 wo(&E@p->g, X)
|
 E@p->g |= B
|
 bs(B, &E@p->g)
|
 E@p->g &= ~C
|
 bc(C, &E@p->g)
)

@script:python@
E << sets.E;
g << sets.g;
X << sets.X = "";
B << sets.B = "";
C << sets.C = "";
p << sets.p;
@@
text = " ".join(str(X).split())
text = {"false": "0", "NULL": "0", "true": "1"}.get(text, text)
if B or C:
    w = [((str(g), b), "set" if B else "clear") for b in bits_of(B or C)]
else:
    w = [((str(g), ""), text if re.match("^" + CONST + "$", text) else "?")]
for (k, v) in w:
    SETS.setdefault((p[0].current_element, str(E)), {}).setdefault(k, []).append((v, p[0]))

// Deletes under a test of a member of the entry: an if around them (in
// either branch), or one before them on the path that leaves (return,
// goto, continue).
@guard_around depends on sets disable ptr_to_array exists@
type T;
T *E;
identifier f;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_careful|list_move(_tail)?|hash_del(_rcu)?)$";
expression Cond;
statement S;
position p;
@@
(
 if (Cond) { <+... dl@p(&E->f, ...) ...+> } else S
|
 if (Cond) S else { <+... dl@p(&E->f, ...) ...+> }
|
 if (Cond) { <+... dl@p(&E->f, ...) ...+> }
|
 if (Cond) dl@p(&E->f, ...); else S
|
 if (Cond) dl@p(&E->f, ...);
)

@script:python@
T << guard_around.T;
E << guard_around.E;
f << guard_around.f;
Cond << guard_around.Cond;
dl << guard_around.dl;
p << guard_around.p;
@@
guarded(norm(T), str(f), str(E), str(Cond), p[0], str(dl))

@guard_before depends on sets disable ptr_to_array exists@
type T;
T *E;
identifier f, l;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_careful|list_move(_tail)?|hash_del(_rcu)?)$";
expression E2, Cond;
position p;
@@
(
 if (Cond) { ... return ...; }
|
 if (Cond) return ...;
|
 if (Cond) { ... goto l; }
|
 if (Cond) goto l;
|
 if (Cond) { ... continue; }
|
 if (Cond) continue;
)
... when != E = E2
dl@p(&E->f, ...)

@script:python@
T << guard_before.T;
E << guard_before.E;
f << guard_before.f;
Cond << guard_before.Cond;
dl << guard_before.dl;
p << guard_before.p;
@@
guarded(norm(T), str(f), str(E), str(Cond), p[0], str(dl))

// Unlinks after which the entry goes on, on some path: added again by
// the same member (a move by hand), freed or put (given whole or by a
// member: kref_put(&E->ref, ...)), or returned to the caller (a helper
// that finds or takes the entry, whose caller clears the flag).
@kept depends on sets disable ptr_to_array exists@
type T;
T *E;
identifier f, h;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_careful|list_move(_tail)?|hash_del(_rcu)?)$";
identifier al =~ "^(list_add(_tail)?(_rcu)?|hlist_add_(head|before|behind)(_rcu)?)$";
identifier hadd =~ "^hash_add(_rcu)?$";
identifier fr =~ "(^|_)(k|v|kv)?(free|put|release|destroy)(_|$)";
expression E2;
position p;
@@
dl@p(&E->f, ...);
... when != E = E2
(
 al(&E->f, ...);
|
 hadd(..., &E->f, ...);
|
 fr(..., E, ...);
|
 fr(..., &E->h, ...);
|
 return E;
)

@script:python@
p << kept.p;
@@
KEPT.add(key(p[0]))

// Unlinks of the cursor of a walk over a list head of the function's own
// (LIST_HEAD(), a struct list_head variable) that a splice or a cut
// filled: a batch taken whole off another list, whose entries whoever
// put them there answers for.  Entries the function moved there itself
// one by one are its own.
@private_walk depends on sets disable ptr_to_array exists@
type T;
T *E;
identifier f, H;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_careful|list_move(_tail)?|hash_del(_rcu)?)$";
identifier sp =~ "^list_(splice|cut)[a-z_]*$";
iterator I;
position p;
@@
(
 LIST_HEAD(H);
|
 struct list_head H;
)
...
sp(..., &H, ...);
...
I(E, ..., &H, ...) { <+... dl@p(&E->f, ...) ...+> }

@script:python@
p << private_walk.p;
@@
KEPT.add(key(p[0]))

// Deletes right before a count kept beside the list drops (or with one
// statement between: the flag cleared first).
@counted depends on sets disable ptr_to_array@
type T;
T *E;
identifier f;
identifier dl =~ "^(h?list_del(_init)?(_rcu)?|list_del_init_careful|list_move(_tail)?|hash_del(_rcu)?)$";
identifier dec =~ "^(atomic(64|_long)?_(dec|sub)(_return)?|this_cpu_(dec|sub)|percpu_counter_(dec|sub)|refcount_dec)$";
expression X, Y;
statement S;
position p;
@@
dl@p(&E->f, ...);
(
 \(X--; \| --X; \| X -= Y; \| dec(...);\)
|
 S
 \(X--; \| --X; \| X -= Y; \| dec(...);\)
)

@script:python@
p << counted.p;
@@
COUNTED.add(key(p[0]))

@script:python@
@@
judge()
flush()

@depends on context@
position p : script:python() { key(p[0]) in REPORTED };
identifier dl;
expression L;
@@
* dl@p(L, ...)
