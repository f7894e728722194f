// SPDX-License-Identifier: GPL-2.0
/*
 * test-stress-util - the guest program's pure helpers (stress-util.c),
 * tested on the host in the style of a kselftest: TAP 13 on stdout, one
 * "ok N - name" or "not ok N - name" per case, exit 0 only when every
 * case passed.  Built and run by tests/t-stress-util.sh, which gives it a
 * scratch directory for the files it reads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stress-util.h"

#define KSFT_PASS	0
#define KSFT_FAIL	1

/* The harness's state, as kselftest.h keeps it: one counter each. */
static unsigned int ksft_pass, ksft_fail;

static void ksft_test_result(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		ksft_pass++;
	else
		ksft_fail++;
	printf("%s %u - ", ok ? "ok" : "not ok", ksft_pass + ksft_fail);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void ksft_print_msg(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* ---- options ---------------------------------------------------------- */

static void test_defaults(void)
{
	struct options o;

	options_default(&o);
	ksft_test_result(o.seed == 1 && o.workers == 4 && o.mem_pct == 120 &&
			 o.rounds == 1 && o.compact_ms == 1000 &&
			 o.min_writeback == 1000 && !strcmp(o.swap, "/dev/vda") &&
			 !strcmp(o.zpool, "z3fold") && !o.fault && o.stress,
			 "options: the defaults the guest documents");
}

static void test_good_args(void)
{
	struct options o;
	char err[128] = "";
	bool ok = true;
	size_t i;
	static const char *const args[] = {
		"seed=0x10", "workers=16", "mem_pct=1000", "rounds=100",
		"compact_ms=1", "min_writeback=0", "stress=0", "swap=/dev/vdb",
		"zpool=zbud", "fault=hang",
	};

	options_default(&o);
	for (i = 0; i < ARRAY_SIZE(args); i++) {
		if (parse_arg(&o, args[i], err, sizeof(err))) {
			ksft_print_msg("%s: %s", args[i], err);
			ok = false;
		}
	}
	ksft_test_result(ok && o.seed == 16 && o.workers == 16 &&
			 o.mem_pct == 1000 && o.rounds == MAX_ROUNDS &&
			 o.compact_ms == 1 && !o.min_writeback && !o.stress &&
			 !strcmp(o.swap, "/dev/vdb") && !strcmp(o.zpool, "zbud") &&
			 !strcmp(o.fault, "hang"),
			 "options: every name, at its limits, sets its field");
}

static void test_bad_args(void)
{
	static const struct {
		const char *arg, *want;
	} cases[] = {
		{ "workers", "bad argument workers (want NAME=VALUE)" },
		{ "workers=0", "bad argument workers=0" },
		{ "workers=17", "bad argument workers=17" },
		{ "rounds=101", "bad argument rounds=101" },
		{ "mem_pct=", "bad argument mem_pct=" },
		{ "compact_ms=60001", "bad argument compact_ms=60001" },
		{ "seed=12abc", "bad argument seed=12abc" },
		{ "stress=2", "bad argument stress=2 (0 or 1)" },
		{ "zpool=zram", "bad argument zpool=zram (z3fold, zsmalloc or zbud)" },
		{ "fault=oops", "bad argument fault=oops (hang or panic)" },
		{ "seeds=1", "unknown argument seeds=1" },
		{ "see=1", "unknown argument see=1" },
		{ "=1", "unknown argument =1" },
	};
	struct options o, before;
	char err[128];
	size_t i;
	int rc;

	options_default(&before);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		o = before;
		err[0] = '\0';
		rc = parse_arg(&o, cases[i].arg, err, sizeof(err));
		ksft_test_result(rc == -1 && !strcmp(err, cases[i].want) &&
				 !memcmp(&o, &before, sizeof(o)),
				 "options: '%s' refused as '%s', options unchanged",
				 cases[i].arg, cases[i].want);
		if (strcmp(err, cases[i].want))
			ksft_print_msg("got '%s'", err);
	}
}

/* ---- page contents ---------------------------------------------------- */

/*
 * Keys and checksums as the guest wrote them before its helpers moved
 * here (seed 1, worker 3, page i at generation 2i + 1): the base and the
 * series are compared on the same workload, run after run.
 */
static void test_known_pages(void)
{
	static const struct {
		uint64_t key, sum;
		uint32_t klass, fill;
	} want[] = {
		{ 0xb73bc00b5085045fULL, 0xeed5079639793450ULL, PC_TINY, 323 },
		{ 0xabbfdba80f21e6dbULL, 0x6668cfd23f670c51ULL, PC_MEDIUM, 1686 },
		{ 0xaf8ec0fecc2f9537ULL, 0xd667ee08a9348e95ULL, PC_HEADLESS, 3937 },
		{ 0xa619b71ac9a40300ULL, 0x04040f8ec361773cULL, PC_MEDIUM, 1203 },
	};
	static uint64_t page[PAGE_SZ / 8];
	const struct page_hdr *h = (const struct page_hdr *)page;
	unsigned int i, gen;
	uint64_t key;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		gen = 2 * i + 1;
		key = page_key(1, 3, i, gen);
		fill_page(page, key, i, gen);
		ksft_test_result(key == want[i].key && h->sum == want[i].sum &&
				 h->klass == want[i].klass &&
				 h->fill == want[i].fill && h->index == i &&
				 h->gen == gen,
				 "pages: page %u has the key, class, length and checksum of before",
				 i);
	}
}

static void test_page_ok(void)
{
	static uint64_t page[PAGE_SZ / 8];
	struct page_hdr *h = (struct page_hdr *)page;
	unsigned char *bytes = (unsigned char *)page;
	uint64_t key = page_key(7, 1, 42, 5);

	fill_page(page, key, 42, 5);
	ksft_test_result(page_ok(page, key, 42, 5),
			 "pages: a page as written checks out");
	ksft_test_result(!page_ok(page, page_key(7, 1, 42, 6), 42, 6),
			 "pages: another generation's page does not");
	ksft_test_result(!page_ok(page, page_key(7, 1, 43, 5), 43, 5),
			 "pages: another index's page does not");
	bytes[PAGE_SZ - 1] ^= 1;
	ksft_test_result(!page_ok(page, key, 42, 5),
			 "pages: one bit flipped in the zero tail is caught");
	bytes[PAGE_SZ - 1] ^= 1;
	bytes[sizeof(*h) + 3] ^= 0x80;
	ksft_test_result(!page_ok(page, key, 42, 5),
			 "pages: one bit flipped in the random run is caught");
	memset(page, 0, sizeof(page));
	ksft_test_result(page_ok(page, 0, 42, 0),
			 "pages: generation 0 (dropped) wants a zero page");
	bytes[100] = 1;
	ksft_test_result(!page_ok(page, 0, 42, 0),
			 "pages: generation 0 refuses a page that is not zero");
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Every (index, generation) pair of a worker has a key of its own. */
static void test_keys_distinct(void)
{
	enum { NIDX = 4, NGEN = MAX_GEN + 1 };
	static uint64_t keys[NIDX * NGEN];
	unsigned int i, g, dup = 0;

	for (i = 0; i < NIDX; i++)
		for (g = 0; g < NGEN; g++)
			keys[i * NGEN + g] = page_key(1, 0, i, g);
	qsort(keys, ARRAY_SIZE(keys), sizeof(keys[0]), cmp_u64);
	for (i = 1; i < ARRAY_SIZE(keys); i++)
		dup += keys[i] == keys[i - 1];
	ksft_test_result(!dup,
			 "pages: %u indexes x generations 0..%u: no two share a key",
			 NIDX, MAX_GEN);
}

/* The mix the guest writes: 45% tiny, 30% medium, 15% headless, 10% random. */
static void test_shapes(void)
{
	unsigned int count[4] = { 0 }, bad = 0, i, n = 20000;
	uint32_t klass, fill, body = PAGE_SZ - sizeof(struct page_hdr);
	static const uint32_t lo[] = { 128, 1200, 3900, 0 };
	static const uint32_t hi[] = { 128 + 1023 * 3 / 4, 1200 + 1023, 3979, 0 };
	static const unsigned int pct[] = { 45, 30, 15, 10 };

	for (i = 0; i < n; i++) {
		page_shape(mix64(i), &klass, &fill);
		count[klass]++;
		if (klass == PC_RANDOM ? fill != body :
		    fill < lo[klass] || fill > hi[klass])
			bad++;
	}
	ksft_test_result(!bad, "pages: every length within its class's range");
	for (i = 0; i < 4; i++) {
		unsigned int got = count[i] * 100 / n;

		ksft_test_result(got + 2 >= pct[i] && got <= pct[i] + 2,
				 "pages: class %u is %u%% of pages (want %u%%)",
				 i, got, pct[i]);
	}
}

/* ---- text of /proc and /sys files ------------------------------------- */

static void test_text_field(void)
{
	static const char vmstat[] =
		"zswpin 3\nzswpout 12\npswpout 7\ncompact_isolated 99";
	static const char meminfo[] =
		"MemTotal:         262144 kB\nMemFree:           1024 kB\n";

	ksft_test_result(text_field(vmstat, "zswpout") == 12 &&
			 text_field(vmstat, "zswpin") == 3,
			 "text: vmstat fields by exact name");
	ksft_test_result(!text_field(vmstat, "zswp") &&
			 !text_field(vmstat, "pswpin"),
			 "text: a name's prefix, or a name not there, is 0");
	ksft_test_result(text_field(vmstat, "compact_isolated") == 99,
			 "text: the last line, without a newline");
	ksft_test_result(text_field(meminfo, "MemTotal") == 262144 &&
			 text_field(meminfo, "MemFree") == 1024,
			 "text: meminfo's 'name: value kB' lines");
}

static void test_slabinfo(void)
{
	static const char slabinfo[] =
		"slabinfo - version: 2.1\n"
		"# name            <active_objs> <num_objs> <objsize> ...\n"
		"z3fold_handle_x      9     10    64   64    1 : tunables ...\n"
		"z3fold_handle        5     64    64   64    1 : tunables ...\n"
		"zswap_entry        117    128    56   73    1 : tunables ...\n";
	long active = -7;

	ksft_test_result(!slabinfo_active(slabinfo, "zswap_entry", &active) &&
			 active == 117, "slabinfo: zswap_entry's active objects");
	ksft_test_result(!slabinfo_active(slabinfo, "z3fold_handle", &active) &&
			 active == 5,
			 "slabinfo: the cache, not one whose name it starts");
	active = -7;
	ksft_test_result(slabinfo_active(slabinfo, "zbud", &active) == -1 &&
			 active == -7, "slabinfo: a missing cache is -1");
	ksft_test_result(slabinfo_active(slabinfo, "slabinfo", &active) == -1,
			 "slabinfo: the version line is no cache");
}

static void test_count_prefixed(void)
{
	static const char report[] =
		"unreferenced object 0xffff888004a0e000 (size 64):\n"
		"  comm \"z3fold-stress\", pid 1, jiffies 4294892349\n"
		"  backtrace: see unreferenced object above\n"
		"unreferenced object 0xffff888004a0e040 (size 64):\n"
		"unreferenced object 0xffff888004a0e080 (size 64):";

	ksft_test_result(count_prefixed(report, "unreferenced object") == 3,
			 "kmemleak: 3 objects, a mention inside a line not counted");
	ksft_test_result(!count_prefixed("", "unreferenced object"),
			 "kmemleak: an empty report is 0");
}

/* A file of n bytes 'a'..'z' in dir; its path in path. */
static int make_file(const char *dir, size_t n, char *path, size_t len)
{
	char buf[512];
	size_t i;
	int fd;

	snprintf(path, len, "%s/%zu-bytes", dir, n);
	for (i = 0; i < n && i < sizeof(buf); i++)
		buf[i] = 'a' + i % 26;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (write(fd, buf, n) != (ssize_t)n) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static void test_read_text(const char *dir)
{
	char path[512], buf[17];
	ssize_t len;

	if (make_file(dir, 16, path, sizeof(path))) {
		ksft_test_result(false, "read_text: cannot write %s: %s", path,
				 strerror(errno));
		return;
	}
	len = read_text(path, buf, sizeof(buf));
	ksft_test_result(len == 16 && strlen(buf) == 16,
			 "read_text: a file that just fits is read whole");
	if (make_file(dir, 17, path, sizeof(path)))
		return;
	errno = 0;
	len = read_text(path, buf, sizeof(buf));
	ksft_test_result(len == -1 && errno == EFBIG && strlen(buf) == 16,
			 "read_text: one byte more is EFBIG, not a short text");
	if (make_file(dir, 0, path, sizeof(path)))
		return;
	ksft_test_result(read_text(path, buf, sizeof(buf)) == 0 && !buf[0],
			 "read_text: an empty file is 0 bytes");
	errno = 0;
	len = read_text("/nonexistent/z3fold-stress", buf, sizeof(buf));
	ksft_test_result(len == -1 && errno == ENOENT,
			 "read_text: a missing file is -1 with its errno");
}

/* A pseudo file of /proc, read as the guest reads them. */
static void test_read_proc(void)
{
	static char big[65536];
	char small[64];
	ssize_t len;

	errno = 0;
	len = read_text("/proc/meminfo", small, sizeof(small));
	ksft_test_result(len == -1 && errno == EFBIG,
			 "read_text: /proc/meminfo in 64 bytes is EFBIG");
	len = read_text("/proc/meminfo", big, sizeof(big));
	ksft_test_result(len > 0 && text_field(big, "MemTotal") > 0,
			 "read_text: /proc/meminfo whole, with its MemTotal");
}

/* Usage: test-stress-util DIR, an empty directory for its files. */
int main(int argc, char **argv)
{
	printf("TAP version 13\n");
	if (argc != 2) {
		printf("Bail out! usage: %s DIR (a scratch directory)\n",
		       argv[0]);
		return KSFT_FAIL;
	}
	test_defaults();
	test_good_args();
	test_bad_args();
	test_known_pages();
	test_page_ok();
	test_keys_distinct();
	test_shapes();
	test_text_field();
	test_slabinfo();
	test_count_prefixed();
	test_read_text(argv[1]);
	test_read_proc();
	printf("1..%u\n", ksft_pass + ksft_fail);
	printf("# Totals: pass:%u fail:%u\n", ksft_pass, ksft_fail);
	return ksft_fail ? KSFT_FAIL : KSFT_PASS;
}
