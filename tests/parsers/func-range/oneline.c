// SPDX-License-Identifier: GPL-2.0
/* Canned input of tests/t-parsers.sh: bodies that scripts/awk/func-range.awk
 * must close on the line that opens them. Not compiled. */
#include "local.h"

#ifdef CONFIG_GADGET_SCALE
void gadget_init_scale(void);
#else
static inline void gadget_init_scale(void) { }
#endif

int gadget_probe(unsigned int cpu)
{
	gadget_init_scale();
	return cpu ? 0 : -ENODEV;
}

struct gadget_pair { int a; int b; };
static const struct gadget_pair gadget_zero = { .a = 0, .b = 0 };

static int gadget_sum(const struct gadget_pair *p)
{
	return p->a + p->b;
}

static inline int gadget_none(void)
{ return 0; }

static void gadget_nested(int x) { if (x) { x++; } }

static void gadget_last(void)
{
	gadget_nested(gadget_none());
}
