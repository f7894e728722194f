// SPDX-License-Identifier: GPL-2.0-only
/*
 * The adapter and the URB looked up are given back on every path, or the
 * adapter is kept in the driver's state: no finding.
 */
#include "include/drvlookup.h"

struct sensor {
	struct i2c_adapter *adap;
};

int sensor_read_bus(int nr)
{
	struct i2c_adapter *adap = i2c_get_adapter(nr);
	int ret;

	if (!adap)
		return -ENODEV;
	ret = adap->nr;
	i2c_put_adapter(adap);
	return ret;
}

int sensor_attach(struct sensor *s, int nr)
{
	struct i2c_adapter *adap = i2c_get_adapter(nr);

	if (!adap)
		return -ENODEV;
	s->adap = adap;
	return 0;
}

int modem_kill_first(struct usb_anchor *anchor)
{
	struct urb *urb = usb_get_from_anchor(anchor);
	int status;

	if (!urb)
		return 0;
	status = urb->status;
	usb_free_urb(urb);
	return status;
}

// expect: none
