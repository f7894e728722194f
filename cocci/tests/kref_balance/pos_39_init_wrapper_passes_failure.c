// SPDX-License-Identifier: GPL-2.0-only
/*
 * An init wrapper that puts the object on no path and returns its init
 * call's error passes the failure up: by the device_register() contract
 * its caller puts.  Still reported, as Low: the contract is the
 * wrapper's documentation, which the rule cannot read.  One that puts
 * on another path is the one that owns the put (High).
 */
#include "include/nobj.h"

int widget_enroll(struct widget *w, struct nobj *parent)
{
	int error;

	error = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (error)
		return error;
	widget_announce(w);
	return 0;
}

int widget_enroll_checked(struct widget *w, struct nobj *parent)
{
	int error;

	error = nobj_setup_and_link(&w->nobj, parent, "widget");
	if (error == -EEXIST)
		return error;
	if (error) {
		nobj_drop(&w->nobj);
		return error;
	}
	widget_announce(w);
	return 0;
}

// expect-wrapper: init widget_enroll
// expect-wrapper: consume widget_enroll_checked
// expect-wrapper: init widget_enroll_checked
// expect-wrapper: initput widget_enroll_checked
// expect: 15:9-28: [Low] kref leak in widget_enroll(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 17
// expect: 26:9-28: [High] kref leak in widget_enroll_checked(): reference on 'w' taken by nobj_setup_and_link() is neither put nor handed off before the return at line 28
