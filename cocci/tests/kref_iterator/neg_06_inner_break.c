// SPDX-License-Identifier: GPL-2.0-only
/*
 * The breaks leave a switch and an inner for loop, not the iterator.
 */
#include "include/node.h"

int node_score(struct node *parent)
{
	struct node *child;
	int score = 0, i;

	for_each_node_child(parent, child) {
		switch (child->flags) {
		case 1:
			score++;
			break;
		default:
			break;
		}
		for (i = 0; i < 4; i++)
			if (child->flags & (1 << i))
				break;
		score += i;
	}
	return score;
}

// expect: none
