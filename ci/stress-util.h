/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stress-util - what the z3fold boot test's guest program computes
 * without the guest: its options, the page patterns and their checksum,
 * and the text of /proc and /sys files.  Every function here but
 * read_text() is pure, so ci/test-stress-util.c tests them on the host.
 */
#ifndef STRESS_UTIL_H
#define STRESS_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PAGE_SZ		4096UL
#define MAX_WORKERS	16
#define MAX_ROUNDS	100
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * A page's generation: 0 for a page dropped (read back as zeroes), then
 * 2 * round + 1 when filled and 2 * round + 2 when rewritten.  Each
 * worker keeps it in one byte per page, and page_key() packs it below
 * the page index: both must hold the largest one.
 */
#define MAX_GEN		(2 * MAX_ROUNDS)
#define KEY_GEN_BITS	12
typedef uint8_t page_gen_t;
_Static_assert(MAX_GEN <= (page_gen_t)~0,
	       "page_gen_t cannot hold the generation of the last round");
_Static_assert(MAX_GEN < 1 << KEY_GEN_BITS,
	       "page_key() would mix the generation into the page index");
_Static_assert(MAX_WORKERS <= 1 << 8,
	       "page_key() packs the worker id into the top 8 bits");

struct options {
	uint64_t seed;
	unsigned int workers;
	unsigned int mem_pct;
	unsigned int rounds;
	unsigned int compact_ms;
	uint64_t min_writeback;
	const char *swap;
	const char *fault;
	const char *zpool;
	bool stress;
};

/* Page header: first bytes of every page a worker writes. */
struct page_hdr {
	uint64_t magic;
	uint32_t index;
	uint32_t gen;
	uint32_t klass;
	uint32_t fill;
	uint64_t sum;
};

enum page_class { PC_TINY, PC_MEDIUM, PC_HEADLESS, PC_RANDOM };

/* Options: the defaults, then one NAME=VALUE argument on top. */
void options_default(struct options *o);
int parse_arg(struct options *o, const char *arg, char *err, size_t errlen);

/* Page contents */
uint64_t mix64(uint64_t x);
uint64_t page_key(uint64_t seed, unsigned int id, size_t index,
		  unsigned int gen);
uint64_t sum_words(const uint64_t *w, size_t n);
void page_shape(uint64_t key, uint32_t *klass, uint32_t *fill);
void fill_page(void *page, uint64_t key, size_t index, unsigned int gen);
bool page_ok(const void *page, uint64_t key, size_t index, unsigned int gen);

/* Text of /proc and /sys files */
ssize_t read_text(const char *path, char *buf, size_t size);
uint64_t text_field(const char *text, const char *name);
int slabinfo_active(const char *text, const char *name, long *active);
unsigned long count_prefixed(const char *text, const char *prefix);

#endif /* STRESS_UTIL_H */
