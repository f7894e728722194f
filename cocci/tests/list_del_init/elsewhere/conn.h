/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The structure queue.c and wake.c share: a field that one file tests
 * and the other deletes must be of a type both can name, so it is
 * defined here (a structure a .c file defines is another type in every
 * other file, and -D collect does not list its tests).
 */
struct conn {
	struct list_head wait;
	int id;
};
