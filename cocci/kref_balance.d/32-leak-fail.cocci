// Hand-offs that failed: a keeper that returned NULL, or queue_work() and
// friends returning false (the work was already queued), did not take the
// reference over; the branch that knows it still owns it.  Not a callee
// that puts what it is given even when it fails: a consumer of the tree
// (of_find_matching_node() puts its "from" node whatever it finds), a
// constructor of the file that puts it on its error path
// (rpc_new_client()).
//# The tree's list does not say which argument a consumer puts: a failed
//# of_get_next_available_child(np, NULL), which puts only its second
//# argument, leaves np with the caller, and that leak is not reported.
@leak_fail depends on !collect disable ptr_to_array exists@
local idexpression E;
expression E2, X;
identifier f, g, h, i, fc;
identifier pc : script:python() { conversion(pc) };
identifier gw : script:python() { wrap("get", gw) };
identifier tgw : script:python() { wrap("tryget", tgw) };
identifier rg : script:python() { wrap("rget", rg) };
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier hf : script:python() { keeps(hf) };
identifier kf : script:python() { (keeps(kf) or leakput(kf)) and not realput(kf) };
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
 X = kf(..., E, ...);
 if (\(!X\|X == NULL\|IS_ERR(X)\|IS_ERR_OR_NULL(X)\)) {
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
 return@p2 ...;
 }
|
 if (!qw(..., &E->h, ...)) {
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

// Conditional puts of a pointer that may be NULL or an error: "if (x)
// put(x);", "if (x && !IS_ERR(x)) put(x);" (acrn_irqfd_assign()).
@condput depends on !collect disable ptr_to_array@
idexpression E;
identifier f;
identifier pw : script:python() { leakput(pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
position pc;
@@
if@pc (\(E\|E != NULL\|E != 0\|!IS_ERR_OR_NULL(E)\|!IS_ERR(E)\|E && !IS_ERR(E)\|!IS_ERR(E) && E\)) {
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

