// ---------------------------------------------------------------------------
// Release callback against the caller's lock state: a _locked callback
// after the caller dropped the object's lock, or the unlocked twin of a
// _locked callback while the caller still holds it.

@lk_locked depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g;
identifier R : script:python() { locked_cb(R) };
identifier ul : script:python() { is_unlock(ul) };
identifier lk : script:python() { is_lock(lk) };
position p1, p2;
@@
\( ul@p1(E, ...) \| ul@p1(&E->g, ...) \| ul@p1(E->g, ...) \)
... when != \( lk(E, ...) \| lk(&E->g, ...) \| lk(E->g, ...) \)
    when != E = E2
kref_put@p2(&E->f, R)

@lk_unlocked depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g;
identifier R : script:python() { unlocked_twin(R) };
identifier ul : script:python() { is_unlock(ul) };
identifier lk : script:python() { is_lock(lk) };
position p1, p2;
@@
\( lk@p1(E, ...) \| lk@p1(&E->g, ...) \| lk@p1(E->g, ...) \)
... when != \( ul(E, ...) \| ul(&E->g, ...) \| ul(E->g, ...) \)
    when != E = E2
kref_put@p2(&E->f, R)

@script:python@
p1 << lk_locked.p1;
p2 << lk_locked.p2;
E << lk_locked.E;
R << lk_locked.R;
@@
emit("kref lock mismatch", p2[0],
     "%s() expects '%s' locked, but %s() at line %s unlocked it"
     % (R, E, callee(p1[0]), p1[0].line),
     [("unlock", p1[0])])

@script:python@
p1 << lk_unlocked.p1;
p2 << lk_unlocked.p2;
E << lk_unlocked.E;
R << lk_unlocked.R;
@@
emit("kref lock mismatch", p2[0],
     "%s() expects '%s' unlocked, but it is still locked by %s() at line %s; use the _locked variant"
     % (R, E, callee(p1[0]), p1[0].line),
     [("lock", p1[0])])

