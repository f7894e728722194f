/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: lookups a driver makes by number or from a queue, an
 * I2C adapter and a queued URB, each returned with a reference taken.
 * Everything is defined in lib_drvlookup.c.
 */
#ifndef _TEST_DRVLOOKUP_H
#define _TEST_DRVLOOKUP_H

struct i2c_adapter {
	struct kref kref;
	int nr;
};

struct urb {
	struct kref kref;
	int status;
};

struct usb_anchor {
	struct list_head urb_list;
};

struct i2c_adapter *i2c_get_adapter(int nr);
void i2c_put_adapter(struct i2c_adapter *adap);
struct urb *usb_get_from_anchor(struct usb_anchor *anchor);
void usb_free_urb(struct urb *urb);
struct i2c_adapter *i2c_find_by_name(const char *name);

#endif
