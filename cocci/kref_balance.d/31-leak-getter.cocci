// A managed device link: flags written out without DL_FLAG_STATELESS.
// Flags in a variable say nothing, and the link stays this function's.

@managed_link depends on !collect@
expression C, S;
expression F : script:python() { "DL_FLAG_" in F and "DL_FLAG_STATELESS" not in F };
position p;
@@
device_link_add@p(C, S, F)

@script:python@
p << managed_link.p;
@@
MANAGED.add(key(p[0]))

// Leak of the reference of a returning getter: "x = lookup(...)" reaches a
// return without x put or handed off.  A NULL or ERR_PTR result holds no
// reference: paths through a test of x are only followed from the test
// right after the call, on the branch where x is valid.  A put given to
// devm_add_action_or_reset() with a member of x as its data
// (put_device() on &pdev->dev) hands x off: devres puts it when the
// device goes, or at once when adding the action fails; not
// devm_add_action(), which runs nothing when it fails.

@leak_rg depends on !collect disable ptr_to_array exists@
local idexpression E;
expression E2, E3, E4, E5;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier pw : script:python() { leakput(pw) };
identifier dpw : script:python() { leakput(dpw) };
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
    when != pw(&E)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != devm_add_action_or_reset(E5, dpw, &E->h)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2->h = pc(..., E, ...)
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != E == 0
    when != E != NULL
    when != E != 0
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
 return E ? E : E4;
|
 return E ? &E->h : E4;
|
 return devm_add_action_or_reset(E5, dpw, &E->h);
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
expression E2, E3, E4, E5;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier pw : script:python() { leakput(pw) };
identifier dpw : script:python() { leakput(dpw) };
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
 if (\(!E\|E == NULL\|E == 0\|unlikely(!E)\|IS_ERR(E)\|unlikely(IS_ERR(E))\|IS_ERR_OR_NULL(E)\)) S
|
 if (!E || E3) S
|
 if (E3 || !E) S
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
    when != devm_add_action_or_reset(E5, dpw, &E->h)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2->h = pc(..., E, ...)
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != E == 0
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
 return E ? E : E4;
|
 return E ? &E->h : E4;
|
 return devm_add_action_or_reset(E5, dpw, &E->h);
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
expression E2, E3, E4, E5;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier pw : script:python() { leakput(pw) };
identifier dpw : script:python() { leakput(dpw) };
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
    when != pw(&E)
    when != pw(..., &E->f, ...)
    when != kpw(&E->f, ...)
    when != hf(..., E, ...)
    when != hff(..., &E->h, ...)
    when != hff(..., &E->h.i, ...)
    when != devm_add_action_or_reset(E5, dpw, &E->h)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2->h = pc(..., E, ...)
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != E == 0
    when != E != NULL
    when != E != 0
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
 return E ? E : E4;
|
 return E ? &E->h : E4;
|
 return devm_add_action_or_reset(E5, dpw, &E->h);
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
expression E2, E3, E4, E5;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier pw : script:python() { leakput(pw) };
identifier dpw : script:python() { leakput(dpw) };
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
 if (\(!E\|E == NULL\|E == 0\|unlikely(!E)\|IS_ERR(E)\|unlikely(IS_ERR(E))\|IS_ERR_OR_NULL(E)\)) S
|
 if (!E || E3) S
|
 if (E3 || !E) S
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
    when != devm_add_action_or_reset(E5, dpw, &E->h)
    when != fp->h(..., E, ...)
    when != (*fp)(..., E, ...)
    when != E = E2
    when != E2 = E
    when != E2 = (T)E
    when != E2->h = pc(..., E, ...)
    when != E2 = &E->h
    when != E2 = &E->h.i
    when != if (E) S
    when != !E
    when != E == NULL
    when != E == 0
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
 return E ? E : E4;
|
 return E ? &E->h : E4;
|
 return devm_add_action_or_reset(E5, dpw, &E->h);
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
identifier pw : script:python() { leakput(pw) };
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


// A put of the member the reference is on (put_device(&pdev->dev) after
// of_find_device_by_node()): the function gives the reference back on
// some path, so a path that keeps it may keep it on purpose.
@rg_member_put depends on !collect disable ptr_to_array@
idexpression E;
identifier f;
identifier pw2 : script:python() { wrap("put", pw2) };
position pa;
@@
pw2@pa(&E->f, ...)

@script:python@
E << rg_member_put.E;
pa << rg_member_put.pa;
@@
fn = pa[0].current_element
if rg_fn(fn):
    MEMBERPUT.add((fn, str(E)))

// A device-tree lookup called as an iterator ("ep =
// of_graph_get_next_endpoint(node, ep)" in a loop): each call drops the
// reference the previous one took, and the loop ends on NULL, holding
// nothing.  Not "np = of_get_parent(np)", which puts nothing.

@rg_iterates depends on !collect disable ptr_to_array@
idexpression E;
identifier rg : script:python() { bool(OF_ITER_RE.match(rg)) };
position pa;
@@
E = rg@pa(..., E, ...)

@script:python@
pa << rg_iterates.pa;
@@
ITERATED.add(key(pa[0]))
