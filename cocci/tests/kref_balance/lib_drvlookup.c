// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: lookups that return an adapter or a URB with a
 * reference taken, and the puts that give them back.  i2c_find_by_name()
 * is a lookup of the same kind by another name: it stays Low when never
 * put.
 */
#include "include/drvlookup.h"

static void i2c_adapter_release(struct kref *kref)
{
	struct i2c_adapter *adap = container_of(kref, struct i2c_adapter, kref);

	kfree(adap);
}

void i2c_put_adapter(struct i2c_adapter *adap)
{
	if (adap)
		kref_put(&adap->kref, i2c_adapter_release);
}

struct i2c_adapter *i2c_get_adapter(int nr)
{
	struct i2c_adapter *adap = i2c_adapter_by_nr(nr);

	if (adap)
		kref_get(&adap->kref);
	return adap;
}

struct i2c_adapter *i2c_find_by_name(const char *name)
{
	struct i2c_adapter *adap = i2c_adapter_by_name(name);

	if (adap)
		kref_get(&adap->kref);
	return adap;
}

static void urb_destroy(struct kref *kref)
{
	struct urb *urb = container_of(kref, struct urb, kref);

	kfree(urb);
}

void usb_free_urb(struct urb *urb)
{
	if (urb)
		kref_put(&urb->kref, urb_destroy);
}

struct urb *usb_get_from_anchor(struct usb_anchor *anchor)
{
	struct urb *victim = anchor_first(anchor);

	if (victim)
		kref_get(&victim->kref);
	return victim;
}

// expect-wrapper: put i2c_put_adapter
// expect-wrapper: put usb_free_urb
// expect-wrapper: putcb i2c_put_adapter/i2c_adapter_release:frees
// expect-wrapper: putcb usb_free_urb/urb_destroy:frees
// expect-wrapper: rget i2c_find_by_name
// expect-wrapper: rget i2c_get_adapter
// expect-wrapper: rget usb_get_from_anchor
