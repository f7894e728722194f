// SPDX-License-Identifier: GPL-2.0-only
/// A wait queue entry on the stack, queued with add_wait_queue() or
/// prepare_to_wait(), must be off its queue when the function returns:
/// otherwise the queue keeps a list_head in a dead stack frame, and the
/// next wake_up() on it, or the next add or delete beside it, writes
/// into whatever the stack holds then.  A loop that breaks out, or a
/// goto to an error exit, between the add and the finish_wait() or
/// remove_wait_queue() is how it happens.
///
/// Reported: a wait_queue_entry_t of the function (also DEFINE_WAIT(),
/// DECLARE_WAITQUEUE(), DEFINE_WAIT_FUNC()) queued by add_wait_queue(),
/// add_wait_queue_exclusive(), prepare_to_wait(),
/// prepare_to_wait_exclusive() or prepare_to_wait_event(), and a path
/// from there to the end of the function on which nothing removes it:
/// no remove_wait_queue() or finish_wait() of it, no list_del() of its
/// entry, and no other call given its address (which may remove it; the
/// adds, the inits, wait_woken(), sk_wait_event() and do_wait_intr*() do
/// not).
/// Not reported: an add that is the whole branch of an if ("if
/// (!nonblock) prepare_to_wait(...)") when a remove of the entry is the
/// whole branch of an if on the same test: the matcher does not follow
/// the two tests together.
//# A DEFINE_WAIT() entry is taken off its queue by the wake-up that ends
//# the sleep (autoremove_wake_function()), so a return right after a
//# schedule() that only that wake-up ends is safe in practice; it is
//# reported all the same, as any other wake-up leaves it queued.
//# Limits: an add whose result is used ("ret = prepare_to_wait_event()")
//# is not matched; a loop with no exit of its own ("for (;;)") that
//# removes before each break is reported when a continue comes between
//# the add and the remove (the matcher gives the loop head a way out);
//# a static entry (of the function or the file) is taken for one on the
//# stack.
//
// Confidence: Moderate
// Copyright: (C) 2026 z3fold-series maintainers
// Options: --no-includes --include-headers
// Keywords: add_wait_queue, prepare_to_wait, finish_wait, stack, list corruption

virtual context
virtual org
virtual report

@initialize:python@
@@
import re

# calls given the entry's address that do not take it off its queue
KEEPS_QUEUED = re.compile(r"^(wait_woken|sk_wait_event|do_wait_intr(_irq)?|init_wait|"
                          r"init_wait_entry|init_waitqueue_entry|"
                          r"(add_wait_queue|prepare_to_wait)\w*)$")
REPORTED = set()
MODE = set()


def key(p):
    return (p.file, int(p.line), int(p.column))

@script:python depends on report@
@@
MODE.add("report")

@script:python depends on org@
@@
MODE.add("org")

@script:python reset@
@@
REPORTED.clear()

// The wait entries declared in a function (not matched as part of the
// whole function body: spatch gives up a file whose body it cannot
// follow that way, af_ax25.c's ax25_connect()).
@onstack@
identifier w;
declarer name DEFINE_WAIT, DECLARE_WAITQUEUE, DEFINE_WAIT_FUNC;
@@
(
wait_queue_entry_t w;
|
struct wait_queue_entry w;
|
DEFINE_WAIT(w);
|
DECLARE_WAITQUEUE(w, ...);
|
DEFINE_WAIT_FUNC(w, ...);
)

// An add that is the whole branch of an if, and a remove that is the
// whole branch of an if on the same test.
@guarded exists@
identifier onstack.w;
identifier af = { add_wait_queue, add_wait_queue_exclusive, prepare_to_wait,
                  prepare_to_wait_exclusive, prepare_to_wait_event };
identifier rf = { finish_wait, remove_wait_queue };
expression E, Q, Q2;
position p;
@@
if (E) af@p(Q, &w, ...);
... when any
if (E) rf(Q2, &w);

@left exists@
identifier fn, onstack.w;
identifier af = { add_wait_queue, add_wait_queue_exclusive, prepare_to_wait,
                  prepare_to_wait_exclusive, prepare_to_wait_event };
identifier g : script:python() { not KEEPS_QUEUED.match(g) };
expression Q, Q2;
position p1 != guarded.p;
@@
fn(...) {
... when any
af@p1(Q, &w, ...);
... when != remove_wait_queue(Q2, &w)
    when != finish_wait(Q2, &w)
    when != list_del(&w.entry)
    when != list_del_init(&w.entry)
    when != g(..., &w, ...)
}

@script:python@
fn << left.fn;
w << onstack.w;
af << left.af;
p1 << left.p1;
@@
if key(p1[0]) not in REPORTED:
    REPORTED.add(key(p1[0]))
    text = ("[Moderate] list wait entry left queued in %s(): '%s' on the stack, "
            "queued by %s(), may still be on its queue when the function returns; "
            "finish_wait() or remove_wait_queue() it on every path"
            % (fn, w, af))
    if "report" in MODE:
        coccilib.report.print_report(p1[0], text)
    if "org" in MODE:
        cocci.print_main(text, p1)

@depends on context@
identifier onstack.w, left.af;
expression Q;
position left.p1;
@@
* af@p1(Q, &w, ...);
