// ---------------------------------------------------------------------------
// Hand-offs through a converted pointer: "entry = container_of(res, ...)"
// (or to_*()) is the object res is part of, so queueing entry->work or
// linking entry->node hands the reference on res over, as the same call
// on a member of res would (vmci_dbell_host_context_notify() queues the
// doorbell's work for the resource it looked up).  The returns reached
// after such a call are no leak of the object; whether the queueing could
// fail is the ignored-queue shape's question.

@alias_handoff depends on !collect exists@
expression E;
identifier A, h, i;
identifier pc : script:python() { conversion(pc) };
identifier hff : script:python() { handoff_member(hff) };
type T;
position p2;
@@
(
 A = pc(..., E, ...);
|
 T *A = pc(..., E, ...);
)
...
(
 hff(..., &A->h, ...)
|
 hff(..., &A->h.i, ...)
)
...
return@p2 ...;

@script:python@
E << alias_handoff.E;
p2 << alias_handoff.p2;
@@
ALIAS_HANDOFF.add((fn_of(p2[0]), str(E), int(p2[0].line)))

// Returning the converted pointer itself: "stm = to_stm_device(dev); ...
// return stm;" gives the caller the reference on dev (stm_find_device()).
// Only that return is excused: "pdev = to_platform_device(dev); ...
// return 0;" still leaks dev.  A path that sets the pointer again before
// the same return ("if (flag) pdev = NULL;") is not told apart: the
// return is excused when one path reaches it with the converted pointer.

@alias_return depends on !collect exists@
expression E, E2;
identifier A;
identifier pc : script:python() { conversion(pc) };
type T;
position p2;
@@
(
 A = pc(..., E, ...);
|
 T *A = pc(..., E, ...);
)
... when != A = E2
return@p2 A;

@script:python@
E << alias_return.E;
p2 << alias_return.p2;
@@
ALIAS_HANDOFF.add((fn_of(p2[0]), str(E), int(p2[0].line)))

// Returning a pointer made from the object, when the function gives the
// object back where that pointer is NULL: "adapter = i2c_verify_adapter(
// dev); if (!adapter) put_device(dev); return adapter;", or a member of
// it ("return &a->engine;" after "if (!a) { put(dev); return ...; }"),
// hands the reference to the caller with the pointer
// (i2c_find_adapter_by_fwnode()).  Without that put nothing says the
// pointer carries the reference: "x = of_get_child_by_name(np, ...);
// return x;" leaks np.  Not the driver data: a lookup returning it leaks
// the device unless the file puts the device through the data (the rule
// below), whether or not it puts the device when there is no data.  Nor
// a getter's result (a child found from np holds its own reference, and
// np still leaks), nor in a function that returns no pointer (an int
// status made from the object says nothing of who holds it).

@derived_return depends on !collect exists@
expression E, E2;
identifier A, h, fn;
identifier f : script:python() { not f.endswith("_get_drvdata") and not rget(f) };
identifier pw : script:python() { leakput(pw) };
type T, T2;
position p2;
@@
T2 *fn(...) {
... when any
(
 A = f(..., E, ...);
|
 T *A = f(..., E, ...);
)
... when != A = E2
(
 if (\(!A\|A == NULL\)) pw(E);
|
 if (\(!A\|A == NULL\)) { ... pw(E); ... }
)
... when != A = E2
(
 return@p2 A;
|
 return@p2 &A->h;
)
...
}

@script:python@
E << derived_return.E;
p2 << derived_return.p2;
@@
ALIAS_HANDOFF.add((fn_of(p2[0]), str(E), int(p2[0].line)))

// Returning the driver data of the object: a lookup that wants a device's
// driver data ("ptp = pci_get_drvdata(pdev); return ptp;") hands the
// reference on the device over with it, when the file has the put that
// gives it back through the data's pointer to its device (cavium_ptp_get()
// and cavium_ptp_put(): "pci_dev_put(ptp->pdev)").  The return is excused,
// not the path: one that sets the variable to an error before the same
// return without putting the device is not told apart.

@drvdata_backput depends on !collect disable ptr_to_array@
identifier fn, P, f, g;
identifier pw : script:python() { leakput(pw) };
type T;
@@
fn(..., T *P, ...) {
<+... \( pw(P->f, ...) \| pw(&P->f->g, ...) \) ...+>
}

@script:python@
T << drvdata_backput.T;
@@
BACKPUT.add(type_key(T))

@drvdata_return depends on !collect exists@
expression E, E2;
type T;
identifier fn, A;
identifier dd =~ "_get_drvdata$";
position p2;
@@
T *fn(...) {
... when any
(
 A = dd(E);
|
 T *A = dd(E);
)
... when != A = E2
return@p2 A;
}

@script:python@
E << drvdata_return.E;
T << drvdata_return.T;
p2 << drvdata_return.p2;
@@
if type_key(T) in BACKPUT:
    ALIAS_HANDOFF.add((fn_of(p2[0]), str(E), int(p2[0].line)))
