// ---------------------------------------------------------------------------
// Variables with a cleanup class (cleanup.h, also in 6.1 stable):
// "struct device_node *np __free(device_node) = of_find_...()" is put
// when np leaves its scope, on every return, so the reference stored in
// np, by its initializer or by a later "np = ..." in the function, leaks
// on no return (scope_store_at(): blocks are not told apart).
// Another reference taken on what np points to (kref_get(&np->kref)) is
// still checked, and so is a class that does not put (PUT_CLASS).
// Declaring the attribute also keeps spatch 1.1.1 from reading such a
// declaration as one of a variable named "__free", in every rule.  SmPL
// has no pattern for the class written before the star ("struct
// device_node __free(device_node) *np = ..."): scope_store() reads the
// source for that one.

@scope_put depends on !collect@
identifier x, cls;
attribute name __free;
type T;
expression E;
position pd, pe;
@@
(
 T x@pd __free(cls) = E@pe;
|
 T x@pd __free(cls);
)

@script:python@
cls << scope_put.cls;
pd << scope_put.pd;
pe << scope_put.pe = [];
@@
if pe:
    scope_store_at(pd[0], pe[0], cls)

@scope_assign depends on !collect@
identifier scope_put.x;
expression E;
position pe;
@@
x = E@pe

@script:python@
cls << scope_put.cls;
pd << scope_put.pd;
pe << scope_assign.pe;
@@
scope_store_at(pd[0], pe[0], cls)
