// SPDX-License-Identifier: GPL-2.0-only
/*
 * A looked-up object stored in a structure through a call that packs or
 * converts the pointer (ptr_pack_bits(), a to_*() helper, container_of()):
 * the structure holds the reference from then on, and a later return, on
 * this turn or the next, leaks nothing.
 */
#include "include/nobj.h"

struct slot {
	unsigned long packed;
};

unsigned long ptr_pack_bits(void *p, unsigned int flags, int bits);

int slots_fill(struct nobj *root, struct slot *s, const char **names, int n)
{
	struct widget *w;

	while (n--) {
		if (!*names)
			return -EINVAL;
		w = widget_find(root, *names++);
		if (!w)
			return -ENOENT;
		s->packed = ptr_pack_bits(w, 1, 2);
		s++;
	}
	return 0;
}

// expect: none
