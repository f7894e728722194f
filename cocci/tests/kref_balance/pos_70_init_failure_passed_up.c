// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init helper sets up an object the caller gave, the function hands
 * it on where the helper succeeded, and returns the helper's failure: the
 * caller, which allocated the object, puts it (whoever allocates an MDIO
 * bus calls mdiobus_free() after __acpi_mdiobus_register() failed, which
 * registers the bus's PHYs where it succeeded).  Only Low, though a path
 * hands the object on.  A void function keeps the failure to itself and
 * must put (pos_29), and one that puts the object on another path owns
 * the put (pos_39).
 */
#include "include/nobj.h"

void widget_list_add(struct widget *w);

int widget_register_listed(struct widget *w, struct nobj *parent)
{
	int error;

	error = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (error)
		return error;
	widget_list_add(w);
	return 0;
}

// expect-wrapper: init widget_register_listed
// expect: 20:9-28: [Low] kref leak in widget_register_listed(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 22
