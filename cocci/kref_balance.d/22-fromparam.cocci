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

