/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: commands pending on a hub's list, each also on a
 * timeout list.  The helpers are defined in lib_cmd.c.
 */
#ifndef _TEST_CMD_H
#define _TEST_CMD_H

struct hub {
	struct list_head pending;
	struct list_head timeouts;
};

struct pending_cmd {
	struct list_head list;
	struct list_head timeout_node;
	struct hlist_node hnode;
	void *param;
	int ref;
	refcount_t refs;
	int opcode;
};

bool pending_valid(struct hub *hub, struct pending_cmd *cmd);
void pending_free(struct pending_cmd *cmd);
void pending_remove(struct pending_cmd *cmd);
void pending_unlink(struct pending_cmd *cmd);
void pending_add(struct hub *hub, struct pending_cmd *cmd);
void pending_stop_timer(struct pending_cmd *cmd);
int pending_register(struct hub *hub, struct pending_cmd *cmd);
void pending_unregister(struct pending_cmd *cmd);
void pending_put(struct pending_cmd *cmd);
void pending_release(struct pending_cmd *cmd);
void pending_finish(struct pending_cmd *cmd);
bool pending_take(struct pending_cmd *cmd);
void pending_replace(struct pending_cmd *old, struct pending_cmd *new);
void pending_unhash(struct pending_cmd *cmd);
struct pending_cmd *pending_next(struct hub *hub, struct pending_cmd *cmd);

#endif
