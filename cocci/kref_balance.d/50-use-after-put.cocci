// ---------------------------------------------------------------------------
// Use after put.  A put whose result is ignored may have freed the object;
// with "if (put(x))" the true branch knows that it did, with "if (!put(x))"
// only the true branch knows that it did not.

@uap_stmt depends on !collect disable ptr_to_array exists@
idexpression E;
expression E2;
identifier f, g, h, fn, f2, g2, rf;
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
identifier pw2 : script:python() { wrap("put", pw2) };
identifier kpw2 : script:python() { wrap("kput", kpw2) };
iterator name list_for_each_entry, list_for_each_entry_reverse;
iterator name list_for_each_entry_continue, hlist_for_each_entry;
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
...
(
 list_for_each_entry@p2(E, ...) S
|
 list_for_each_entry_reverse@p2(E, ...) S
|
 list_for_each_entry_continue@p2(E, ...) S
|
 hlist_for_each_entry@p2(E, ...) S
|
 iter(..., E, ...) S
|
 E = E2
|
 rf(..., &E, ...)
|
 \( kref_put(&E->f2, ...) \| kref_put(&E->f2.g2, ...) \| pw2(E, ...) \| kpw2(&E->f2, ...) \)
|
 E@p2->h
|
 *E@p2
|
 fn(..., E@p2, ...)
)

@uap_branch depends on !collect disable ptr_to_array, neg_if, drop_else exists@
idexpression E;
expression E2;
identifier f, g, h, fn, l, rf;
identifier pw : script:python() { wrap("put", pw) };
identifier kpw : script:python() { wrap("kput", kpw) };
statement S, S1, S2;
position p1, p2;
@@
(
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) {
  ... when != E = E2
      when != rf(..., &E, ...)
  \( E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
  ...
 }
|
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) {
  ... when != E = E2
      when != rf(..., &E, ...)
  \( E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
  ...
 } else S
|
 if (!\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1 else {
  ... when != E = E2
      when != rf(..., &E, ...)
  \( E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
  ...
 }
|
 if (\( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| pw(E, ...) \| kpw(&E->f, ...) \))
  \( return ...; \| goto l; \| break; \| continue; \| { ... \( return ...; \| goto l; \| break; \| continue; \) } \)
|
 if (\( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| pw(E, ...) \| kpw(&E->f, ...) \))
  \( return ...; \| goto l; \| break; \| continue; \| { ... \( return ...; \| goto l; \| break; \| continue; \) } \) else S
|
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
|
 if (\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1 else S2
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
|
 if (!\( kref_put(&E->f, ...) \| kref_put(&E->f.g, ...) \| pw(E, ...) \| kpw(&E->f, ...) \)) S1 else \( return ...; \| goto l; \| break; \| continue; \| { ... \( return ...; \| goto l; \| break; \| continue; \) } \)
|
 if (!\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
|
 if (!\( kref_put@p1(&E->f, ...) \| kref_put@p1(&E->f.g, ...) \| pw@p1(E, ...) \| kpw@p1(&E->f, ...) \)) S1 else S2
 ...
 \( E = E2 \| rf(..., &E, ...) \| E@p2->h \| *E@p2 \| fn(..., E@p2, ...) \)
)

@script:python@
p1 << uap_stmt.p1;
p2 << uap_stmt.p2;
E << uap_stmt.E;
@@
if key(p1[0]) not in PRIOR and key(p1[0]) not in CANCEL_PUTS and \
        may_free(p1[0]):
    emit("kref use after put", p2[0],
         "'%s' is used after %s() at line %s, which may have freed it"
         % (E, callee(p1[0]), p1[0].line),
         [("put", p1[0])], tier="Low")

@script:python@
p1 << uap_branch.p1;
p2 << uap_branch.p2;
E << uap_branch.E;
@@
if key(p1[0]) not in PRIOR and key(p1[0]) not in CANCEL_PUTS and \
        may_free(p1[0]):
    emit("kref use after put", p2[0],
         "'%s' is used after %s() at line %s, which may have freed it"
         % (E, callee(p1[0]), p1[0].line),
         [("put", p1[0])], tier="Low")

