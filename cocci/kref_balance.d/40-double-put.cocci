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

