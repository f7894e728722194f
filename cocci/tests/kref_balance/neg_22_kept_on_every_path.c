// SPDX-License-Identifier: GPL-2.0-only
/*
 * A reference that no path of the function gives back is kept on purpose
 * for state the function does not show: here the open file, which gets a
 * pointer derived from the object, and whose release drops it.  Only a
 * reference that is given back on some paths and not on others leaks.
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

// expect: none
