// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init wrapper that, once its init call succeeded, gives its object to
 * a scan of this file that stores it in new objects as a back pointer
 * (fsi_master_register() and fsi_master_scan()): the scan returns an int,
 * so it is no constructor that keeps what it is given, and the failed
 * init call is still the wrapper passing its failure up (Low), not a
 * reference the function gives back on another path (High).
 */
#include "include/nobj.h"

struct widget_port {
	struct widget *owner;
	int index;
};

static void widget_port_setup(struct widget_port *port, struct widget *w,
			      int index)
{
	port->owner = w;
	port->index = index;
}

static int widget_scan_ports(struct widget *w)
{
	struct widget_port *port;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return -ENOMEM;
	widget_port_setup(port, w, 0);
	return 0;
}

int widget_bus_register(struct widget *w, struct nobj *parent)
{
	int error;

	error = nobj_setup_and_link(&w->nobj, parent, "bus");
	if (error)
		return error;
	widget_scan_ports(w);
	return 0;
}

// expect-wrapper: init widget_bus_register
// expect: 39:9-28: [Low] kref leak in widget_bus_register(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 41
