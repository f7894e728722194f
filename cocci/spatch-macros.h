/*
 * Extra macro definitions for spatch (--macro-file), on top of the ones
 * spatch ships in standard.h.  spatch 1.1.1 cannot parse an aligned()
 * attribute with an argument after a local declarator, e.g. in 6.1
 * mm/z3fold.c, z3fold_reclaim_page():
 *	struct z3fold_buddy_slots slots __attribute__((aligned(SLOTS_ALIGN)));
 * and silently skips the whole function.  Dropping the argument keeps the
 * declaration (and the function) visible to the rules.
 */
#define aligned(x) aligned
#define __aligned__(x) __aligned__
