// ---------------------------------------------------------------------------
// Variables with a cleanup class (cleanup.h, also in 6.1 stable):
// "struct device_node *np __free(device_node) = of_find_...()" is put
// when np leaves its scope, on every return, so no return leaks what np
// holds.  A class named like kfree() (kfree, kvfree, vfree,
// kfree_sensitive) only frees memory and gives no reference back.
// spatch 1.1.1 also reads such a declaration as one of a variable named
// "__free", which the other rules then see taking the reference: the
// declaration before the get, in its function, says which one it is.
// SmPL has no pattern for the class written before the star ("struct
// device_node __free(device_node) *np = ..."): the line of the get says
// that one.

@scope_put depends on !collect@
identifier x, cls;
attribute name __free;
type T;
expression E;
position p;
@@
(
 T x@p __free(cls) = E;
|
 T x@p __free(cls);
)

@script:python@
x << scope_put.x;
cls << scope_put.cls;
p << scope_put.p;
@@
scope_decl(p[0], str(x), str(cls))
