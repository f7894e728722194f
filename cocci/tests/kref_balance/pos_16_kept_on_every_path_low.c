// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference that no path of the function gives back is often kept on
 * purpose for state the function does not show (here the open file, which
 * gets a pointer derived from the object, and whose release drops it), but
 * a lookup compared and never put looks the same: reported at Low.
 */
#include "include/foo.h"

int foo_open(struct inode *inode, struct file *file)
{
	struct foo *f = foo_find(&foo_devices, iminor(inode));

	if (!f)
		return -ENODEV;
	kref_get(&f->ref);
	file->private_data = f->priv;
	return 0;
}

// expect: 16:1-9: [Low] kref leak in foo_open(): reference on 'f' taken by kref_get() is neither put nor handed off before the return at line 18
