// ---------------------------------------------------------------------------
// Returns in the branch of a NULL test of the object ("if (!conn) return
// 0;"): the object is NULL there, so they hold no reference on it, even
// when a path reaches the test from a get the matcher cannot tell was
// skipped ("if (conn) hci_conn_get(conn); ... if (!conn) return 0;", as
// unpair_device_sync() does).  An ERR_PTR() holds none either.  Only a
// return inside the branch: one the branch jumps to (goto, break,
// continue) is shared with other paths.  (The braces also match a branch
// without them.  A nest over the branch made spatch give up whole
// functions: usb_set_configuration(), "inconsistent control-flow paths".)

@null_ret depends on !collect@
expression E;
identifier l;
position p2;
@@
 if (\( !E \| E == NULL \| NULL == E \| E == 0 \| unlikely(!E) \| IS_ERR(E) \| IS_ERR_OR_NULL(E) \)) {
   ... when != goto l;
       when != break;
       when != continue;
   return@p2 ...;
 }

@script:python@
E << null_ret.E;
p2 << null_ret.p2;
@@
NULL_RET.add((fn_of(p2[0]), spell(E), int(p2[0].line)))
