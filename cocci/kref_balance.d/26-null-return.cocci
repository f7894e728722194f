// ---------------------------------------------------------------------------
// Returns in the branch of a NULL test of the object ("if (!conn) return
// 0;"): the object is NULL there, so they hold no reference on it, even
// when a path reaches the test from a get the matcher cannot tell was
// skipped ("if (conn) hci_conn_get(conn); ... if (!conn) return 0;", as
// unpair_device_sync() does).  An ERR_PTR() holds none either.  Only a
// return written in the branch, after at most three statements none of
// which sets the object again: a return the branch jumps to (goto, break,
// continue), or one under a label or case in the branch, is shared with
// other paths, and one after "x = get(...)" holds the new reference.
// (Braces also match a branch without them, but not when they hold a
// disjunction: spatch 1.1.1 then misses "if (!f) return -ENOENT;", hence
// four forms of the test rather than one with a disjunction inside.)

@null_ret depends on !collect@
expression E;
statement S1, S2, S3;
position pi, p2;
@@
(
 if@pi (\( !E \| E == NULL \| NULL == E \| E == 0 \| unlikely(!E) \| IS_ERR(E) \| IS_ERR_OR_NULL(E) \))
 { return@p2 ...; }
|
 if@pi (\( !E \| E == NULL \| NULL == E \| E == 0 \| unlikely(!E) \| IS_ERR(E) \| IS_ERR_OR_NULL(E) \))
 { S1 return@p2 ...; }
|
 if@pi (\( !E \| E == NULL \| NULL == E \| E == 0 \| unlikely(!E) \| IS_ERR(E) \| IS_ERR_OR_NULL(E) \))
 { S1 S2 return@p2 ...; }
|
 if@pi (\( !E \| E == NULL \| NULL == E \| E == 0 \| unlikely(!E) \| IS_ERR(E) \| IS_ERR_OR_NULL(E) \))
 { S1 S2 S3 return@p2 ...; }
)

@script:python@
E << null_ret.E;
S1 << null_ret.S1 = "";
S2 << null_ret.S2 = "";
S3 << null_ret.S3 = "";
pi << null_ret.pi;
p2 << null_ret.p2;
@@
null_return(E, (S1, S2, S3), pi[0], p2[0])
