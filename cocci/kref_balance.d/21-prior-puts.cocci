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

