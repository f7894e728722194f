// ---------------------------------------------------------------------------
// Leak: a reference taken on a local object reaches a return without being
// put or handed off.  A get of a member (get_device(&x->dev)) is a get of
// its object: storing or returning x hands the reference on, as putting
// &x->dev gives it back (E is never "&...": the member branches bind the
// object).

@leak depends on !collect disable ptr_to_array exists@
expression E : script:python() { not E.lstrip().startswith("&") };
expression E2, E3;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier kgw : script:python() { wrap("kget", kgw) };
identifier ktgw : script:python() { wrap("ktryget", ktgw) };
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier hff : script:python() { handoff_member(hff) };
expression fp;
statement S;
type T;
position p1, p2;
@@
(
 E3 = \( gw(&E->f, ...) \| gw(E, ...) \| kgw(&E->f, ...) \);
|
 kref_get@p1(&E->f);
|
 kref_get@p1(&E->f.g);
|
 gw@p1(&E->f, ...);
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
 if (!tgw@p1(&E->f, ...)) S
|
 if (... || !tgw@p1(&E->f, ...)) S
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
    when != pw(&E)
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
    when != E2->h = pc(..., E, ...)
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
// no leak, unless the path calls the wrapper again on the same object
// (the next turn of a loop, whose failure path is the same return); a
// call on another object (the next loop's cache->kobj after mem->kobj)
// says nothing of this one.  A put wrapper's put of a member of the
// object the wrapper set up gives the reference back too:
// register_virtio_device(&x->vdev) counts in x->vdev.dev, which its
// callers put; a call only named like a put (destroy_work_on_stack(&x->
// w.work)) does not, nor does a consumer, which puts another argument.

@init_ok depends on !collect exists@
expression R, E5, X;
identifier iw : script:python() { wrap("init", iw) };
statement S;
position p1, p2;
@@
(
 R = iw@p1(X, ...);
 ... when != R = E5
 if (\( R \| R < 0 \| R != 0 \| unlikely(R) \| WARN_ON(R) \)) S
|
 if (\( iw@p1(X, ...) \| iw@p1(X, ...) < 0 \| iw@p1(X, ...) != 0 \)) S
)
... when != iw(X, ...)
    when any
return@p2 ...;

@script:python@
p1 << init_ok.p1;
p2 << init_ok.p2;
@@
INIT_OK.add((key(p1[0]), key(p2[0])))
INIT_TESTED.add(key(p1[0]))

// A pointer to the member taken before the init call ("dev = &x->dev",
// then device_initialize(&x->dev), as __nd_btt_create() does) is the
// object: a return of it, or a return after a put through it, gives the
// first reference back; so does a put through the member after an init
// through the pointer (stdev_create(): device_initialize(dev), then
// put_device(&stdev->dev)).  An alias taken after the call is the leak
// rule's own exclusion (E2 = &E->h).

@init_alias_ok depends on !collect exists@
identifier A, f;
expression E;
identifier iw : script:python() { wrap("init", iw) };
identifier pw : script:python() { leakput(pw) };
type T;
position p1, p2;
@@
(
 A = &E->f;
|
 T *A = &E->f;
)
...
iw@p1(&E->f, ...)
...
(
 pw(..., A, ...);
 ...
 return@p2 ...;
|
 return@p2 A;
)

@script:python@
p1 << init_alias_ok.p1;
p2 << init_alias_ok.p2;
@@
INIT_OK.add((key(p1[0]), key(p2[0])))

@init_ptr_alias_ok depends on !collect exists@
identifier A, f;
expression E;
identifier iw : script:python() { wrap("init", iw) };
identifier pw : script:python() { leakput(pw) };
type T;
position p1, p2;
@@
(
 A = &E->f;
|
 T *A = &E->f;
)
...
iw@p1(A, ...)
...
pw(..., &E->f, ...);
...
return@p2 ...;

@script:python@
p1 << init_ptr_alias_ok.p1;
p2 << init_ptr_alias_ok.p2;
@@
INIT_OK.add((key(p1[0]), key(p2[0])))

// An init call on an object reached from a global (a static device, a
// slot of a global table): the object outlives the function and some
// teardown it does not show may put it.  Such leaks are only Low.
@init_global depends on !collect@
global idexpression G;
identifier iw : script:python() { wrap("init", iw) };
position p1;
@@
iw@p1(<+... G ...+>, ...)

@script:python@
p1 << init_global.p1;
@@
INIT_OWNED.add(key(p1[0]))

// An init call on an object a devm_*() call allocated on the path
// (devm_mdiobus_alloc_size(), then of_mdiobus_register()): devres frees
// it, and its own release (mdiobus_free()) does the put a failed init
// needs.  Such leaks are only Low too.
@init_devm depends on !collect exists@
identifier x;
identifier dm =~ "^devm_";
identifier iw : script:python() { wrap("init", iw) };
expression E;
type T;
position p1;
@@
(
 x = dm(...);
|
 T x = dm(...);
)
... when != x = E
iw@p1(<+... x ...+>, ...)

@script:python@
p1 << init_devm.p1;
@@
INIT_OWNED.add(key(p1[0]))

// Puts of an object anywhere in a function, itself or through a member
// (see leak_tier(): an init on an object the caller gave).
@puts_own depends on !collect disable ptr_to_array@
expression E;
identifier f;
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position pa;
@@
(
 pw@pa(..., E, ...)
|
 pw@pa(..., &E->f, ...)
|
 kpw@pa(&E->f, ...)
|
 kref_put@pa(&E->f, ...)
)

@script:python@
E << puts_own.E;
pa << puts_own.pa;
@@
# &x->f is what the first branch matches: a put through a member of x
m = re.match(r"^&\s*([A-Za-z_]\w*)\s*->", str(E))
PUTS_OWN.add((fn_of(pa[0]), m.group(1) if m else str(E)))

// A bare init (BARE_INITS) followed, on some path to a return, by a call
// given the member it set up or the object, by a store of the result of a
// call in the member (a node or parent it will put: dev.of_node =
// of_node_get(...)), or preceded by such a call: the call may have named
// it, added it or attached devres to it, so freeing the object at that
// return can leak.  Calls that only read or set a field of a device or
// print are not counted (dma_set_mask(), dev_set_drvdata(), dev_err():
// css_alloc_subchannel() sets the DMA masks before it frees), nor the
// free or put that ends the object.  Returns reached by no such path free
// an object that holds nothing yet (leak_tier()): only for an init of
// &x->member or of a plain pointer (BARE_SIMPLE); one of a nested
// member or an array slot keeps its tier.  A return that another path
// reaches after a set-up counts as set up (the key is the return).
@init_bare_simple depends on !collect@
identifier iw : script:python() { iw in BARE_INITS };
identifier fld;
expression E;
idexpression X;
position p1;
@@
(
iw@p1(&E->fld, ...)
|
iw@p1(X, ...)
)

@script:python@
p1 << init_bare_simple.p1;
@@
BARE_SIMPLE.add(key(p1[0]))

@init_bare_set_up depends on !collect exists@
identifier iw : script:python() { iw in BARE_INITS };
identifier g : script:python() { sets_up(g) };
identifier fld, h, g2;
expression E;
position p1, p2;
@@
iw@p1(&E->fld, ...)
... when any
(
g(..., <+... E->fld ...+>, ...)
|
g(..., E, ...)
|
E->fld.h = g2(...)
)
... when any
return@p2 ...;

@script:python@
p1 << init_bare_set_up.p1;
p2 << init_bare_set_up.p2;
@@
set_up(p1[0], p2[0])

@init_bare_set_up_ptr depends on !collect exists@
identifier iw : script:python() { iw in BARE_INITS };
identifier g : script:python() { sets_up(g) };
identifier h, g2;
idexpression X;
position p1, p2;
@@
iw@p1(X, ...)
... when any
(
g(..., <+... X ...+>, ...)
|
X->h = g2(...)
)
... when any
return@p2 ...;

@script:python@
p1 << init_bare_set_up_ptr.p1;
p2 << init_bare_set_up_ptr.p2;
@@
set_up(p1[0], p2[0])

@init_bare_set_up_alias depends on !collect exists@
identifier iw : script:python() { iw in BARE_INITS };
identifier g : script:python() { sets_up(g) };
identifier A, fld;
expression E;
type T;
position p1, p2;
@@
(
 A = &E->fld;
|
 T *A = &E->fld;
)
... when any
iw@p1(\( A \| &E->fld \), ...)
... when any
g(..., <+... \( A \| E->fld \) ...+>, ...)
... when any
return@p2 ...;

@script:python@
p1 << init_bare_set_up_alias.p1;
p2 << init_bare_set_up_alias.p2;
@@
set_up(p1[0], p2[0])

@init_bare_set_up_first depends on !collect exists@
identifier iw : script:python() { iw in BARE_INITS };
identifier g : script:python() { sets_up(g) };
identifier fld;
expression E;
position p1;
@@
g(..., <+... E->fld ...+>, ...)
... when any
iw@p1(&E->fld, ...)

@script:python@
p1 << init_bare_set_up_first.p1;
@@
set_up(p1[0])

@init_bare_set_up_first_ptr depends on !collect exists@
identifier iw : script:python() { iw in BARE_INITS };
identifier g : script:python() { sets_up(g) };
idexpression X;
position p1;
@@
g(..., <+... X ...+>, ...)
... when any
iw@p1(X, ...)

@script:python@
p1 << init_bare_set_up_first_ptr.p1;
@@
set_up(p1[0])

// An init call that only sets a count (HOLLOW_INITS), or a configfs
// init given a literal name short enough to be copied into the item:
// nothing to leak.
@init_hollow depends on !collect@
identifier iw : script:python() { iw in HOLLOW_INITS };
position p1;
@@
iw@p1(...)

@script:python@
p1 << init_hollow.p1;
@@
INIT_HOLLOW.add(key(p1[0]))

@init_hollow_named depends on !collect@
identifier iw =~ "^config_(group|item)_init_type_name$";
expression E;
constant char[] C;
position p1;
@@
iw@p1(E, C, ...)

@script:python@
p1 << init_hollow_named.p1;
C << init_hollow_named.C;
@@
# a plain string literal: quote characters spelt as chr() here, since
# the SmPL parser reads this text for rule boundaries and takes quotes
# for strings (a comment line whose first word is the name of the tool
# it takes for command-line options)
name = str(C).strip()
quote = chr(34)
body = name[1:-1]
if len(name) >= 2 and name[0] == quote and name[-1] == quote and \
        quote not in body and chr(92) not in body and \
        len(body) < CONFIGFS_INLINE_NAME:
    INIT_HOLLOW.add(key(p1[0]))

@leak_init depends on !collect disable ptr_to_array exists@
expression E;
expression E2, E3;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier iw : script:python() { wrap("init", iw) };
identifier pw : script:python() { leakput(pw) };
identifier rpw : script:python() { wrap("put", rpw) or wrap("kput", rpw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps_alive(hf) };
identifier hff : script:python() { handoff_member(hff) };
identifier fr =~ "^(kfree|kvfree|kfree_sensitive|kmem_cache_free)$";
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
    when != pw(&E)
    when != pw(..., &E->f, ...)
    when != rpw(&E->f.g, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2->h = pc(..., E, ...)
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != if (E3) \( pw(..., E, ...); \| pw(..., &E->f, ...); \| kpw(&E->f, ...); \) else fr(..., E);
    when != if (E3) fr(..., E); else \( pw(..., E, ...); \| pw(..., &E->f, ...); \| kpw(&E->f, ...); \)
    when != if (E3) { \( pw(..., E, ...); \| pw(..., &E->f, ...); \| kpw(&E->f, ...); \) } else { fr(..., E); }
    when != if (E3) { fr(..., E); } else { \( pw(..., E, ...); \| pw(..., &E->f, ...); \| kpw(&E->f, ...); \) }
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
# iw(E, ...) with E "&x->f" is the &E->f branch's match, about x; an
# init wrapper that puts the object itself when it fails leaves nothing
if not str(E).lstrip().startswith("&") and \
        not wrap("initput", callee(p1[0])) and \
        (key(p1[0]), key(p2[0])) not in INIT_OK:
    leak(p1[0], p2[0], E, "init" if key(p1[0]) in INIT_TESTED else "get")

// A reference stored in a field of an object this function allocated,
// which it then frees with kfree() without putting what it stored: the
// store handed nothing off (gss_alloc_msg() stored gss_auth in the new
// message, took a reference for it, and freed the message on an error
// path).  An error path that frees the object and then puts what it
// stored through the variable it came from (the "kfree(r); ... out_put:
// fw_card_put(card)" ladder) leaks nothing, nor does a free after the
// variable was set again: "ret = sc; sc = NULL; out: kfree(sc);" in
// sc_alloc() frees nothing on the path that handed sc on.  (A keeper
// allocated after the get is the usual order, so a new keeper on the
// next turn of a loop, as in wf_sat_probe(), is still taken for the
// one that holds the reference.)

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
expression E, E3;
identifier X, f, g, h;
identifier gw : script:python() { wrap("get", gw) };
identifier rg : script:python() { wrap("rget", rg) };
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier fr =~ "^(kfree|kvfree|kfree_sensitive|kmem_cache_free)$";
position p1, p2;
@@
(
 X->h = E;
 ... when != X = E3
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
    when != X = E3
    when != pw(..., E, ...)
    when != pw(&E)
    when != pw(..., X->h, ...)
    when != kpw(&E->f, ...)
    when != kpw(&X->h->f, ...)
    when != pw(..., X, ...)
fr@p2(..., X);
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != pw(..., E, ...)
    when != pw(&E)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)

@script:python@
p1 << leak_keeper_freed.p1;
p2 << leak_keeper_freed.p2;
E << leak_keeper_freed.E;
X << leak_keeper_freed.X;
@@
if (fn_of(p1[0]), str(X)) in ALLOCATED:
    FREED.append((p1[0], E, X, int(p2[0].line)))

// A work function whose object holds a reference for the queued work
// (the queuer took it, as __set_chan_timer() does): a function that puts
// the object on some path must put it on every path that returns, or
// hand it on (queue it again, store it).  l2cap_chan_timeout() returned
// early when the channel was being deleted and kept the reference.  A
// helper of the file that only keeps what it is given is no put: a work
// function that passes its own object to one (to queue more work) says
// nothing of a reference.  Only a put among the statements of the body
// itself says the work holds one: a put in a branch or a loop drops a
// reference the branch or the item took (a request's, one per packet),
// and one in a function that takes a reference of its own in its body
// (not in a branch) balances that get.

@work_own_get depends on !collect exists@
identifier fn, w, X, f;
identifier gw : script:python() { wrap("get", gw) or wrap("tryget", gw) };
identifier kgw : script:python() { wrap("kget", kgw) or wrap("ktryget", kgw) };
position pg;
@@
fn(struct work_struct *w) {
... when any
(
 kref_get@pg(&X->f)
|
 kref_get_unless_zero@pg(&X->f)
|
 gw@pg(X, ...)
|
 kgw@pg(&X->f, ...)
)
... when any
}

@script:python@
fn << work_own_get.fn;
X << work_own_get.X;
pg << work_own_get.pg;
@@
# a get in a branch (one case of a state machine) leaves the put of the body
# to the reference of the queued work
if body_line(pg[0]):
    WORKOWN.add((str(fn), str(X)))

@work_puts depends on !collect exists@
identifier fn, w, X, f;
identifier pw : script:python() { realput(pw) };
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
if (str(fn), str(X)) not in WORKOWN and body_statement(p[0]):
    WORKPUT.setdefault((str(fn), str(X)), callee(p[0]))

@work_leak depends on !collect exists@
identifier fn, w, X, f;
expression E2;
type T;
identifier pw : script:python() { leakput(pw) };
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
(
 return <+... pw(..., X, ...) ...+>;
|
 return@p2 ...;
)
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
    # keyed by where, not by the Location: two matches at one place give
    # two Location objects, which sorted() could not compare
    WORKLEAK.setdefault((key(p1[0]), str(X), put), (p1[0], set()))[1].add(int(p2[0].line))

@script:python depends on !collect@
@@
for ((k, X, put), (p, lines)) in sorted(WORKLEAK.items(), key=lambda kv: kv[0]):
    where = "line %d" % min(lines) if len(lines) == 1 else \
        "lines " + ", ".join(str(n) for n in sorted(lines))
    emit("kref leak", p,
         "the reference the queued work holds on '%s' is not put before the return at %s (other paths put it with %s())"
         % (X, where, put), tier="Moderate")
WORKLEAK.clear()
WORKPUT.clear()
WORKOWN.clear()

// A reference handed to a work item whose queueing result is ignored:
// queue_work() and schedule_work() return false, and take nothing over,
// when the work was already pending.  A hand-off attempted only when a
// condition holds ("if (c && !queue_work(...)) put(x)") leaks when it
// does not.  A function that puts the object after queueing (on every
// path) took the reference for itself, not for the work.  A reference
// stored on the way (in a field, by cmpxchg()) belongs to where it went:
// the next run of the work takes it from there.  A work item initialised
// on the path (before the reference was taken or after: a new request's
// work item) cannot be pending, nor can one queued after the function won
// a test_and_set_bit() (a "needs work" flag the work function clears once
// it runs): only one caller queues it.  Nor can one whose cancel_work() or
// cancel_delayed_work() just failed, the reference taken only then: the
// timer idiom "if (!cancel_delayed_work(&w)) hold(x); schedule...(&w)"
// (the caller's lock keeps others from queueing it in between).

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

@qw_inited depends on !collect exists@
identifier qw =~ "^(queue|schedule|kthread_queue)_(delayed_)?work(_on)?$";
identifier iw =~ "^INIT_(DELAYED_)?WORK";
expression W;
position p2;
@@
iw(W, ...)
...
qw@p2(..., W, ...)

@script:python@
p2 << qw_inited.p2;
@@
QGUARD.add(key(p2[0]))

@qw_cancelled depends on !collect exists@
identifier qw =~ "^(queue|schedule|kthread_queue)_(delayed_)?work(_on)?$";
identifier cw =~ "^cancel_(delayed_)?work$";
expression W;
statement S;
position p2;
@@
if (!cw(W)) S
...
qw@p2(...)

@script:python@
p2 << qw_cancelled.p2;
@@
QGUARD.add(key(p2[0]))

@leak_qw depends on !collect disable ptr_to_array exists@
expression E, E2, E3;
identifier f, g, i;
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { handoff(hf) };
identifier qw =~ "^(queue|schedule|kthread_queue)_(delayed_)?work(_on)?$";
identifier iw =~ "^INIT_(DELAYED_)?WORK";
statement S;
type T;
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
    when != pw(&E)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != E2 = E
    when != E2 = (T)E
    when != iw(...)
    when != qw(...)
(
 qw@p2(...);
|
 if@p2 (E3 && !qw(...)) S
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != pw(..., E, ...)
    when != pw(&E)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
return ...;

@script:python@
p1 << leak_qw.p1;
p2 << leak_qw.p2;
E << leak_qw.E;
@@
if key(p1[0]) not in BEFORE and key(p2[0]) not in QGUARD:
    leak(p1[0], p2[0], E, "ignored")

// A returning getter's result is often put after some unrelated work is
// queued: only a work item of the object itself, or of what it is part
// of (container_of(), to_*()), says the reference went to the work.

@leak_qw_rg depends on !collect disable ptr_to_array exists@
local idexpression E;
identifier A, f, g, h;
identifier rg : script:python() { wrap("rget", rg) };
identifier pc : script:python() { conversion(pc) };
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier qw =~ "^(queue|schedule|kthread_queue)_(delayed_)?work(_on)?$";
position p1, p2;
@@
E = rg@p1(...);
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != pw(..., E, ...)
    when != kpw(&E->f, ...)
    when != qw(...)
(
 qw@p2(..., &E->h, ...);
|
 A = pc(..., E, ...);
 ... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
     when != pw(..., E, ...)
     when != kpw(&E->f, ...)
     when != qw(...)
 qw@p2(..., &A->h, ...);
)
... when != \( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \)
    when != pw(..., E, ...)
    when != kpw(&E->f, ...)
return ...;

@script:python@
p1 << leak_qw_rg.p1;
p2 << leak_qw_rg.p2;
E << leak_qw_rg.E;
@@
if key(p2[0]) not in QGUARD:
    leak(p1[0], p2[0], E, "ignored")

