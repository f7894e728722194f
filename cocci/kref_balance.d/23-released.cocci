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

