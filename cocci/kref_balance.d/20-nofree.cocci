// ---------------------------------------------------------------------------
// Release callbacks that leave their object alive: the object goes back to
// a pool, or its owner waits for a completion inside it and frees it
// afterwards (kref_put(); wait_for_completion(&obj->done); kfree(obj)).
// Using the object after a put that can only reach such a callback is not
// a use after free.  A callback is taken to free its object when it calls
// through a function pointer, passes its kref on, passes the object to any
// call or anything of it to a call named like freeing (a callback that
// completes a member of the object: only the object itself), or passes
// anything of it to a call named like deferring (call_rcu(), queue_work()).

@rel disable ptr_to_array@
identifier R, k, P, acc;
type T;
position p;
@@
R@p(struct kref *k) {
... when any
(
 T *P = acc(k, ...);
|
 P = acc(k, ...);
)
... when any
}

@script:python@
R << rel.R;
P << rel.P;
acc << rel.acc;
p << rel.p;
@@
release_seen(R, P, acc, p[0])

@rel_bare disable ptr_to_array exists@
identifier rel.R, rel.k, rel.P, g;
@@
R(struct kref *k) {
<+... g(..., P, ...) ...+>
}

@script:python@
R << rel.R;
g << rel_bare.g;
@@
release_call(R, "bare", g)

@rel_part disable ptr_to_array exists@
identifier rel.R, rel.k, rel.P, g;
@@
R(struct kref *k) {
<+... g(..., <+... P ...+>, ...) ...+>
}

@script:python@
R << rel.R;
g << rel_part.g;
@@
release_call(R, "part", g)

@rel_fp exists@
identifier rel.R, rel.k, h;
expression E;
position pp;
@@
R(struct kref *k) {
<+... \( E@pp->h(...) \| (*E@pp)(...) \) ...+>
}

@script:python@
R << rel.R;
pp << rel_fp.pp;
@@
release_call(R, "pointer", "")

@rel_kref exists@
identifier rel.R, rel.k, g;
@@
R(struct kref *k) {
<+... g(..., <+... k ...+>, ...) ...+>
}

@script:python@
R << rel.R;
g << rel_kref.g;
@@
release_call(R, "kref", g)

@script:python rel_done@
@@
releases_done()

// The callbacks a put wrapper passes to kref_put(): whether it can free
// is known once the callbacks of the whole tree are.
@w_put_cb disable ptr_to_array@
identifier fn, P, f, g, R;
type T;
position p;
@@
fn@p(T *P, ...) {
<+...
(
 kref_put(&P->f, R)
|
 kref_put(&P->f.g, R)
|
 kref_put_mutex(&P->f, R, ...)
|
 kref_put_lock(&P->f, R, ...)
)
...+>
}

@script:python@
fn << w_put_cb.fn;
R << w_put_cb.R;
p << w_put_cb.p;
@@
if wrap("put", fn):
    state = ""
    if str(R) in RELEASES:
        state = ":keeps" if nofree(R) else ":frees"
    add_wrapper("putcb", "%s/%s%s" % (fn, R, state), p[0])

@nofree_put depends on !collect@
expression K;
identifier R : script:python() { nofree(R) };
position p;
@@
(
 kref_put@p(K, R)
|
 kref_put_mutex@p(K, R, ...)
|
 kref_put_lock@p(K, R, ...)
)

@script:python@
p << nofree_put.p;
@@
NOFREE_PUTS.add(key(p[0]))

