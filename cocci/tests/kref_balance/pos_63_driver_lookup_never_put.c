// SPDX-License-Identifier: GPL-2.0-only
/*
 * An I2C adapter and a queued URB looked up and never given back: like a
 * device-tree node, an adapter or URB a driver looks up is needed only
 * while the function uses it, and one kept is stored, so Moderate.  A
 * lookup of the same kind by another name stays Low: pass 1 cannot tell
 * it from one whose reference is kept on purpose.  So does an adapter
 * forgotten where the function ends with "return 0;": drivers keep
 * adapters for the device's life through calls the rule does not follow
 * (an I2C mux, a subdevice), unlike device-tree nodes.
 */
#include "include/drvlookup.h"

int sensor_probe_bus(int nr)
{
	struct i2c_adapter *adap;

	adap = i2c_get_adapter(nr);
	if (!adap)
		return -ENODEV;
	return adap->nr == nr ? 0 : -EINVAL;
}

int sensor_probe_name(const char *name)
{
	struct i2c_adapter *adap;

	adap = i2c_find_by_name(name);
	if (!adap)
		return -ENODEV;
	return adap->nr > 0 ? 0 : -EINVAL;
}

int sensor_probe_quiet(int nr)
{
	struct i2c_adapter *adap;

	adap = i2c_get_adapter(nr);
	if (!adap)
		return -ENODEV;
	adap->nr = nr;
	return 0;
}

int modem_kill_one(struct usb_anchor *anchor)
{
	struct urb *urb = usb_get_from_anchor(anchor);

	if (!urb)
		return 0;
	return urb->status;
}

// expect: 18:8-23: [Moderate] kref leak in sensor_probe_bus(): reference on 'adap' taken by i2c_get_adapter() is neither put nor handed off before the return at line 21
// expect: 28:8-24: [Low] kref leak in sensor_probe_name(): reference on 'adap' taken by i2c_find_by_name() is neither put nor handed off before the return at line 31
// expect: 38:8-23: [Low] kref leak in sensor_probe_quiet(): reference on 'adap' taken by i2c_get_adapter() is neither put nor handed off before the return at line 42
// expect: 47:19-38: [Moderate] kref leak in modem_kill_one(): reference on 'urb' taken by usb_get_from_anchor() is neither put nor handed off before the return at line 51
