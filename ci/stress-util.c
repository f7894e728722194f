// SPDX-License-Identifier: GPL-2.0
/*
 * stress-util - the z3fold boot test's options, page patterns and file
 * parsing (see stress-util.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stress-util.h"

#define PAGE_MAGIC	0x7a33666f6c64ULL	/* "z3fold" */

/* ---- options ---------------------------------------------------------- */

enum arg_kind { ARG_U64, ARG_UINT, ARG_BOOL, ARG_STR };

/*
 * One NAME=VALUE argument: a number in [min, max] (strtoull, any base),
 * or a string, one of choices when they are given.
 */
struct arg_spec {
	const char *name;
	enum arg_kind kind;
	size_t off;
	uint64_t min, max;
	const char *const *choices;
	const char *hint;	/* said after a bad value */
};

static const char *const zpools[] = { "z3fold", "zsmalloc", "zbud", NULL };
static const char *const faults[] = { "hang", "panic", NULL };

#define OPT(field)	offsetof(struct options, field)

static const struct arg_spec arg_specs[] = {
	{ .name = "seed", .kind = ARG_U64, .off = OPT(seed),
	  .max = UINT64_MAX },
	{ .name = "workers", .kind = ARG_UINT, .off = OPT(workers),
	  .min = 1, .max = MAX_WORKERS },
	{ .name = "mem_pct", .kind = ARG_UINT, .off = OPT(mem_pct),
	  .min = 1, .max = 1000 },
	{ .name = "rounds", .kind = ARG_UINT, .off = OPT(rounds),
	  .min = 1, .max = MAX_ROUNDS },
	{ .name = "compact_ms", .kind = ARG_UINT, .off = OPT(compact_ms),
	  .min = 1, .max = 60000 },
	{ .name = "min_writeback", .kind = ARG_U64, .off = OPT(min_writeback),
	  .max = UINT64_MAX },
	{ .name = "stress", .kind = ARG_BOOL, .off = OPT(stress),
	  .max = 1, .hint = " (0 or 1)" },
	{ .name = "swap", .kind = ARG_STR, .off = OPT(swap) },
	{ .name = "zpool", .kind = ARG_STR, .off = OPT(zpool),
	  .choices = zpools, .hint = " (z3fold, zsmalloc or zbud)" },
	{ .name = "fault", .kind = ARG_STR, .off = OPT(fault),
	  .choices = faults, .hint = " (hang or panic)" },
};

void options_default(struct options *o)
{
	*o = (struct options) {
		.seed = 1, .workers = 4, .mem_pct = 120, .rounds = 1,
		.compact_ms = 1000, .min_writeback = 1000, .swap = "/dev/vda",
		.zpool = "z3fold", .stress = true,
	};
}

static bool one_of(const char *val, const char *const *choices)
{
	for (; *choices; choices++)
		if (!strcmp(val, *choices))
			return true;
	return false;
}

/* Set the option spec names from val; false when val is no valid value. */
static bool set_option(struct options *o, const struct arg_spec *spec,
		       const char *val)
{
	char *p = (char *)o + spec->off, *end;
	unsigned long long v;

	if (spec->kind == ARG_STR) {
		if (spec->choices && !one_of(val, spec->choices))
			return false;
		*(const char **)p = val;
		return true;
	}
	errno = 0;
	v = strtoull(val, &end, 0);
	if (errno || end == val || *end || v < spec->min || v > spec->max)
		return false;
	if (spec->kind == ARG_U64)
		*(uint64_t *)p = v;
	else if (spec->kind == ARG_UINT)
		*(unsigned int *)p = v;
	else
		*(bool *)p = v;
	return true;
}

/*
 * Apply one argument of the kernel command line (after "--") to o.  On a
 * bad one, return -1 with the reason in err and o unchanged.
 */
int parse_arg(struct options *o, const char *arg, char *err, size_t errlen)
{
	const char *val = strchr(arg, '=');
	const struct arg_spec *spec;
	size_t klen, i;

	if (!val) {
		snprintf(err, errlen, "bad argument %s (want NAME=VALUE)", arg);
		return -1;
	}
	klen = val++ - arg;
	for (i = 0; i < ARRAY_SIZE(arg_specs); i++) {
		spec = &arg_specs[i];
		if (strlen(spec->name) != klen || strncmp(arg, spec->name, klen))
			continue;
		if (set_option(o, spec, val))
			return 0;
		snprintf(err, errlen, "bad argument %s%s", arg,
			 spec->hint ? spec->hint : "");
		return -1;
	}
	snprintf(err, errlen, "unknown argument %s", arg);
	return -1;
}

/* ---- page contents ---------------------------------------------------- */

uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xd6e8feb86659fd93ULL;
	x ^= x >> 31;
	x *= 0xa5a3564e27f886bbULL;
	x ^= x >> 29;
	return x;
}

/* The seed of one page's contents: worker, index and generation. */
uint64_t page_key(uint64_t seed, unsigned int id, size_t index,
		  unsigned int gen)
{
	return mix64(seed ^ ((uint64_t)id << 56) ^
		     ((uint64_t)index << KEY_GEN_BITS) ^ gen);
}

/* FNV-1a over 64-bit words: the checksum of a page's body. */
uint64_t sum_words(const uint64_t *w, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--)
		h = (h ^ *w++) * 0x100000001b3ULL;
	return h;
}

/* Pick the class and the length of the random run after the header. */
void page_shape(uint64_t key, uint32_t *klass, uint32_t *fill)
{
	unsigned int pick = key % 100, spread = (key >> 8) % 1024;
	uint32_t body = PAGE_SZ - sizeof(struct page_hdr);

	if (pick < 45) {
		*klass = PC_TINY;	/* ~0.2-1 KiB compressed */
		*fill = 128 + spread * 3 / 4;
	} else if (pick < 75) {
		*klass = PC_MEDIUM;	/* ~1.2-2.2 KiB */
		*fill = 1200 + spread;
	} else if (pick < 90) {
		*klass = PC_HEADLESS;	/* just under a page: headless */
		*fill = 3900 + spread % 80;
	} else {
		*klass = PC_RANDOM;	/* lzo output > a page: rejected */
		*fill = body;
	}
}

/*
 * Write a page's pattern: the header, a xorshift run of the shape's length
 * and zeroes after it, with the checksum of the body in the header.
 */
void fill_page(void *page, uint64_t key, size_t index, unsigned int gen)
{
	struct page_hdr *h = page;
	uint64_t x = key | 1;
	uint64_t *w = (uint64_t *)(h + 1);
	size_t nwords = (PAGE_SZ - sizeof(*h)) / 8, i, nfill;

	page_shape(key, &h->klass, &h->fill);
	nfill = h->fill / 8;
	for (i = 0; i < nwords; i++) {
		if (i < nfill) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			w[i] = x;
		} else {
			w[i] = 0;
		}
	}
	h->magic = key ^ PAGE_MAGIC;
	h->index = index;
	h->gen = gen;
	h->sum = sum_words(w, nwords);
}

/* Whether page holds what fill_page() wrote, or zeroes for generation 0. */
bool page_ok(const void *page, uint64_t key, size_t index, unsigned int gen)
{
	const struct page_hdr *h = page;
	const uint64_t *w = page;
	uint64_t acc = 0;
	size_t i;

	if (!gen) {
		for (i = 0; i < PAGE_SZ / 8; i++)
			acc |= w[i];
		return !acc;
	}
	return h->magic == (key ^ PAGE_MAGIC) && h->index == index &&
	       h->gen == gen &&
	       h->sum == sum_words((const uint64_t *)(h + 1),
				   (PAGE_SZ - sizeof(*h)) / 8);
}

/* ---- text of /proc and /sys files ------------------------------------- */

/*
 * Read a whole (pseudo) file into buf, NUL-terminated; return its length.
 * -1 with errno set when it cannot be read, and with errno EFBIG when it
 * does not fit: buf then holds only its first size - 1 bytes.
 */
ssize_t read_text(const char *path, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n = 0;
	char more;
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;

	if (fd < 0)
		return -1;
	for (;;) {
		if (len < size - 1)
			n = read(fd, buf + len, size - 1 - len);
		else
			n = read(fd, &more, 1);	/* anything past the buffer? */
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err = errno;
		if (n <= 0)
			break;
		if (len == size - 1) {
			err = EFBIG;
			break;
		}
		len += n;
	}
	buf[len] = '\0';
	if (close(fd) && !err)
		err = errno;
	if (err) {
		errno = err;
		return -1;
	}
	return len;
}

/*
 * The value of the line "name value" (/proc/vmstat) or "name: value kB"
 * (/proc/meminfo) in text; 0 when no line has that name.
 */
uint64_t text_field(const char *text, const char *name)
{
	size_t len = strlen(name);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, name, len) && (p[len] == ' ' || p[len] == ':'))
			return strtoull(p + len + 1 + (p[len] == ':'), NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

/*
 * The active objects of slab cache name in the text of /proc/slabinfo,
 * whose first line is its version: -1 when no line names that cache.
 */
int slabinfo_active(const char *text, const char *name, long *active)
{
	char key[64];
	const char *p;
	int klen;

	klen = snprintf(key, sizeof(key), "\n%s ", name);
	if (klen < 0 || (size_t)klen >= sizeof(key))
		return -1;
	p = strstr(text, key);
	if (!p)
		return -1;
	*active = strtol(p + klen, NULL, 10);
	return 0;
}

/* How many lines of text start with prefix. */
unsigned long count_prefixed(const char *text, const char *prefix)
{
	size_t len = strlen(prefix);
	unsigned long n = 0;
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, prefix, len))
			n++;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return n;
}
