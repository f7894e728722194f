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

// Second level, still by body: a function whose body calls a get wrapper
// on its first parameter is a candidate too, checked like the first level
// below: usb_anchor_urb() calls usb_get_urb() and links the urb into the
// anchor's list, so the reference it takes is the anchor's.
@w_get2 disable ptr_to_array@
identifier fn, P, f;
identifier gw : script:python() { wrap("get", gw) or candidate(gw, "get") };
type T;
position p;
@@
fn@p(T *P, ...) {
<+... \( gw(P, ...) \| gw(&P->f, ...) \) ...+>
}

@script:python@
fn << w_get2.fn;
gw << w_get2.gw;
p << w_get2.p;
@@
if not wrap("get", fn) and not candidate(fn, "get"):
    GETCAND.append(("get2", fn, p[0]))
    GET_VIA.setdefault(str(fn), set()).add(str(gw))

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
identifier cand : script:python() { candidate(cand, "get", "tryget", "init") };
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

// A second-level candidate takes its reference through a function that
// may fail, and puts it or tests the object on its own error paths
// (scsi_device_get()): only a store or link of what it was given says the
// reference is not the caller's.
@w_get2_keeps disable ptr_to_array@
identifier cand : script:python() { candidate(cand, "get2") };
identifier P, f;
identifier hf : script:python() { handoff(hf) };
type T;
expression X, E;
position pb;
@@
cand@pb(T *P, ...) {
<+...
(
 hf(..., P, ...)
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
pb << w_get2_keeps.pb;
@@
BAD_GET.add(callee(pb[0]))

@script:python addgets@
@@
for (kind, fn, p) in GETCAND:
    if fn in BAD_GET:
        continue
    if kind == "get2":
        # only over a first-level get that keeps its reference for the caller
        if all(v in BAD_GET for v in GET_VIA[str(fn)]):
            continue
        kind = "get"
    add_wrapper(kind, fn, p)

// Second level, still by body: a function whose body calls a put wrapper
// on its first parameter is itself a put wrapper.

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

// Init wrappers that clean up after themselves: one that puts the object
// it was given (i2c_register_adapter() puts the adapter when
// device_register() failed), directly, through a put wrapper or through
// another such init wrapper, leaves its caller nothing to put on the path
// where it failed; where it succeeded, the object is registered.  A
// consumer that only may put (device_add()) does not count: a failed
// device_register() leaves its first reference with the caller.
@w_initput disable ptr_to_array@
identifier fn : script:python() { wrap("init", fn) and not wrap("initput", fn) };
identifier P, f, g;
identifier pw : script:python() { wrap("put", pw) or wrap("kput", pw) or wrap("initput", pw) };
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 pw(P, ...)
|
 pw(&P->f, ...)
|
 pw(&P->f.g, ...)
|
 kref_put(&P->f, ...)
|
 kref_put(&P->f.g, ...)
)
...+>
}

@script:python@
fn << w_initput.fn;
p << w_initput.p;
@@
add_wrapper("initput", fn, p[0])

// Once more, for an init wrapper over one found just above
// (i2c_add_numbered_adapter() over __i2c_add_numbered_adapter()).
@w_initput2 disable ptr_to_array@
identifier fn : script:python() { wrap("init", fn) and not wrap("initput", fn) };
identifier P, f;
identifier pw : script:python() { wrap("initput", pw) };
type T;
position p;
@@
fn@p(T *P, ...) {
<+... \( pw(P, ...) \| pw(&P->f, ...) \) ...+>
}

@script:python@
fn << w_initput2.fn;
p << w_initput2.p;
@@
add_wrapper("initput", fn, p[0])

// An init wrapper that gives the object its release only after the init
// call succeeded (__video_register_device() sets vdev->dev.release once
// device_register() returned 0) leaves its caller nothing it can put when
// it failed: a put would find no release.  For that path it is an
// initput; the reference the failed init left is the wrapper's business.
// (A release set after an init that cannot fail, device_initialize(), is
// the usual order: the object can be put from there on.)
@w_initlate disable ptr_to_array exists@
identifier fn : script:python() { wrap("init", fn) and not wrap("initput", fn) };
identifier P, f;
identifier iw : script:python() { wrap("init", iw) };
expression E, R;
statement S;
type T;
position p;
@@
fn@p(T *P, ...) {
... when any
(
 R = iw(&P->f, ...);
 ... when any
 if (\( R \| R < 0 \| R != 0 \| unlikely(R) \| WARN_ON(R) \)) S
|
 if (\( iw(&P->f, ...) \| iw(&P->f, ...) < 0 \| iw(&P->f, ...) != 0 \)) S
|
 R = iw(P, ...);
 ... when any
 if (\( R \| R < 0 \| R != 0 \| unlikely(R) \| WARN_ON(R) \)) S
)
... when any
\( P->f.release = E; \| P->release = E; \)
... when any
}

@script:python@
fn << w_initlate.fn;
p << w_initlate.p;
@@
add_wrapper("initput", fn, p[0])

// An init wrapper that can fail only before its init call
// (pm_genpd_init(), auxiliary_device_init(): after device_initialize()
// they only return 0) has made no reference when it failed: for that
// path it is an initput too.  Any other return after the init call,
// even of a variable that is always 0 there, keeps it an init wrapper.
@w_init_err_after disable ptr_to_array exists@
identifier fn : script:python() { wrap("init", fn) and not wrap("initput", fn) };
identifier iw : script:python() { wrap("init", iw) };
expression E;
position pr;
@@
fn(...) {
... when any
\( iw(...) \| kref_init(...) \)
... when any
return@pr E;
}

@script:python@
fn << w_init_err_after.fn;
E << w_init_err_after.E;
pr << w_init_err_after.pr;
@@
if str(E).strip() != "0":
    INIT_ERR_AFTER.setdefault(str(fn), set()).add(key(pr[0]))

// One that returns what its init call returns (of_mdiobus_register():
// "return __of_mdiobus_register(...)") fails after the init too.
@w_init_returns_init disable ptr_to_array exists@
identifier fn : script:python() { wrap("init", fn) and not wrap("initput", fn) };
identifier iw : script:python() { wrap("init", iw) };
position pr;
@@
fn(...) {
... when any
return@pr <+... iw(...) ...+>;
}

@script:python@
fn << w_init_returns_init.fn;
pr << w_init_returns_init.pr;
@@
INIT_ERR_AFTER.setdefault(str(fn), set()).add(key(pr[0]))

@w_initfirst disable ptr_to_array@
identifier fn : script:python() { wrap("init", fn) and not wrap("initput", fn) and fn not in INIT_ERR_AFTER };
position p;
@@
int fn@p(...) { ... }

@script:python@
fn << w_initfirst.fn;
p << w_initfirst.p;
@@
add_wrapper("initput", fn, p[0])

// Once more, for an init wrapper whose error returns after its init call
// only pass up the failure of an init call found to be an initput just
// above, the first init call on the path: "err = hwrng_init(rng); if
// (err) return err;" returns where nothing was made (set_current_rng()
// over hwrng_init(), which fails only before its kref_init()).  It is an
// initput when every error return w_init_err_after and
// w_init_returns_init recorded for it is such a return.
@w_init_passes_up disable ptr_to_array exists@
identifier fn : script:python() { str(fn) in INIT_ERR_AFTER and not wrap("initput", fn) };
identifier ipw : script:python() { wrap("initput", ipw) };
identifier iw : script:python() { wrap("init", iw) };
idexpression R;
position pr;
@@
fn(...) {
... when != \( iw(...) \| kref_init(...) \)
R = ipw(...);
if (\( R \| R < 0 \| R != 0 \| unlikely(R) \)) return@pr R;
... when any
}

@script:python@
pr << w_init_passes_up.pr;
@@
PASSED_UP.add(key(pr[0]))

@w_initfirst2 disable ptr_to_array@
identifier fn : script:python() { str(fn) in INIT_ERR_AFTER and not wrap("initput", fn) and INIT_ERR_AFTER[str(fn)] <= PASSED_UP };
position p;
@@
int fn@p(...) { ... }

@script:python@
fn << w_initfirst2.fn;
p << w_initfirst2.p;
@@
add_wrapper("initput", fn, p[0])

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
// A constructor that leaves its object to devres (ata_host_alloc() adds
// a devres entry that puts the host when the device goes) gives its
// caller nothing to put: not a returning getter, like devm_*().
@w_devres@
identifier fn;
type T;
@@
T *fn(...) {
<+...
(
 devres_add(...)
|
 devm_add_action(...)
|
 devm_add_action_or_reset(...)
)
...+>
}

@script:python@
fn << w_devres.fn;
@@
DEVRES_OWNED.add(fn)

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

// A function returning what a getter gave it, unless it put it first: a
// lookup that only checks that the object exists (as
// cros_ec_cec_find_hdmi_dev() does) returns no reference.
@w_rget2 exists@
identifier fn, fc, f;
identifier rg : script:python() { wrap("rget", rg) };
identifier pw : script:python() { anyput(pw) };
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
     when != pw(..., E, ...)
     when != kref_put(&E->f, ...)
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
identifier fn, fc, f;
identifier rg : script:python() { wrap("rget", rg) };
identifier pw : script:python() { anyput(pw) };
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
     when != pw(..., E, ...)
     when != kref_put(&E->f, ...)
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
// store it in a list or in a structure (also in a slot of an array member:
// fb->base.obj[0] = obj).
@w_keep depends on !collect disable ptr_to_array@
identifier fn, P, f;
identifier hf : script:python() { handoff(hf) };
type T;
expression X, I;
@@
fn(..., T *P, ...) {
<+...
(
 hf(..., P, ...)
|
 hf(..., &P->f, ...)
|
 X->f = P
|
 X.f = P
|
 X->f[I] = P
|
 X.f[I] = P
)
...+>
}

@script:python@
fn << w_keep.fn;
@@
if fn not in OWNREF:
    if not anyput(fn):
        KEEPONLY.add(fn)
    LOCAL["consume"].add(fn)

// Second level: a constructor (it returns a pointer) that passes what it
// is given to a keeper of this file keeps it too: psb_framebuffer_create()
// gives obj to psb_framebuffer_init(), which stores it in the new
// framebuffer.  Not any function: fsi_master_scan() gives its master to
// the slaves it creates as a back pointer, which takes nothing over.
@w_keep2 depends on !collect disable ptr_to_array exists@
identifier fn, P;
identifier kf : script:python() { kf in KEEPONLY };
type T, T2;
@@
T2 *fn(..., T *P, ...) {
... when any
kf(..., P, ...)
... when any
}

@script:python@
fn << w_keep2.fn;
P << w_keep2.P;
@@
if fn not in OWNREF and not anyput(fn):
    KEEPONLY.add(fn)
    KEEP2.add((fn, P))
    LOCAL["consume"].add(fn)

// Such a constructor that also puts what it keeps on a path (its error
// path: rpc_new_client() puts the xprt switch when it fails) consumes it:
// its caller holds nothing after a failed call either.  A put of its
// first parameter already made it a consumer (w_put2): this is for the
// others, as rpc_new_client(args, xps, ...) is.
@w_keep2_put depends on !collect disable ptr_to_array exists@
identifier fn : script:python() { any(k == fn for (k, _) in KEEP2) };
identifier P;
identifier pw : script:python() { wrap("put", pw) };
type T, T2;
@@
T2 *fn(..., T *P, ...) {
... when any
pw(..., P, ...)
... when any
}

@script:python@
fn << w_keep2_put.fn;
P << w_keep2_put.P;
@@
if (fn, P) in KEEP2:
    KEEPONLY.discard(fn)

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

