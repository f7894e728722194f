@script:python flush depends on !collect@
@@
flush()

// ---------------------------------------------------------------------------
// Context mode: star the places report mode reports (flush() kept them):
// the call that took a leaked reference, the second put, the put of a
// lock mismatch, the use after a put (the object, or the iterator that
// walks on from it).

@depends on context && !collect@
identifier fn;
position p : script:python() { starred(p) };
@@
* fn@p(...)

@depends on context && !collect@
iterator it;
expression list es;
statement S;
position p : script:python() { starred(p) };
@@
* it@p(es)
  S

@depends on context && !collect@
idexpression E;
position p : script:python() { starred(p) };
@@
* E@p
