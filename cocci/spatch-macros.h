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

/*
 * Constructs that make spatch skip whole functions in 6.1/6.12 mm/:
 * scoped_guard() blocks (cleanup.h, also backported to Debian's 6.1),
 * the __realloc_size() attribute, and an iterator whose body is a bare
 * "break;".  Seen as loops and as nothing, the functions parse.
 */
#define scoped_guard(_name, args...) for (;;)
#define __realloc_size(x)
#define cgroup_taskset_for_each_leader(task, css, tset) for (;;)
