// SPDX-License-Identifier: GPL-2.0
/*
 * z3fold-stress - /init of the z3fold boot test (scripts/boot.sh)
 *
 * Puts z3fold under zswap pressure and proves three things: no page came
 * back wrong, every path of interest ran, and every reference was returned
 * once the memory is gone.
 *
 * Steps, in order (see main()):
 *   console, mounts, options, zswap on z3fold, swap on the virtio disk,
 *   kmemleak baseline, counter baseline, stress (workers + compactor), exit
 *   of the workers, swapoff, balance, report, reboot.
 *
 * Workers map more anonymous memory than the guest has and fill it with
 * pages of mixed compressibility (tiny: three share a z3fold page; medium;
 * near-incompressible: headless z3fold pages; random: rejected by lzo),
 * push them out with MADV_PAGEOUT, drop some while they sit in swap
 * (z3fold frees), read every page back against a per-page checksum,
 * rewrite some and repeat.  A compactor writes compact_memory meanwhile
 * (z3fold page migration).  zswap runs with a small max_pool_percent and
 * accept_threshold_percent=110 (kernel command line, scripts/boot.sh):
 * above 100, a store after the pool was full is not held off until the
 * pool drains, so every store that finds the pool full queues a z3fold
 * reclaim and writeback.
 *
 * Every line for the host goes to /dev/kmsg, so it is never torn by a
 * concurrent printk on the serial console:
 *   z3fold-stress: step NAME
 *   z3fold-stress: heartbeat ...
 *   z3fold-stress: counter NAME=VALUE
 *   z3fold-stress: result pass
 *   z3fold-stress: result fail: REASON
 * The guest then reboots with RB_AUTOBOOT; QEMU runs with -no-reboot and
 * exits.  A heartbeat line comes at most every HEARTBEAT_SEC while the
 * workers make progress and never while they make none: the host kills a
 * guest whose console stays silent (boot.sh --stall), so a guest stuck in
 * the kernel fails in a minute rather than at the boot test's timeout.
 *
 * The options, the page patterns and the parsing of /proc and /sys text
 * are in stress-util.c, tested on the host by test-stress-util.c.
 *
 * Arguments (kernel command line after "--"), all NAME=VALUE:
 *   seed=N          pattern and choice seed (default 1)
 *   workers=N       worker processes (default 4)
 *   mem_pct=N       memory all workers map, % of MemTotal (default 120)
 *   rounds=N        fill/page-out/drop/verify rounds (default 1)
 *   compact_ms=N    pause between two compact_memory writes (default 1000)
 *   min_writeback=N fewer zswap writebacks fail the run (default 1000)
 *   zpool=NAME      the zpool zswap stores into: z3fold (default), or
 *                   zsmalloc or zbud as references for make bench-z3fold
 *   swap=PATH       swap block device (default /dev/vda)
 *   fault=hang|panic  self-test hooks: never finish, or let init exit
 *   stress=0        report right after the options: the KUnit suites,
 *                   which run before /init, are all the boot is for
 *                   (make check's evidence stage)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/fs.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/swap.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stress-util.h"

#define TAG		"z3fold-stress: "
#define LINE_MAX_LEN	512
#define REASON_LEN	256
#define PAGEOUT_STEP	(1UL << 20)
#define ZSWAP_DIR	"/sys/kernel/debug/zswap/"
#define KMEMLEAK	"/sys/kernel/debug/kmemleak"
#define Z3FOLD_PAGES	"/sys/kernel/debug/z3fold_test/pages"
#define HEARTBEAT_SEC	10
#define SETTLE_SEC	20
#define KMEMLEAK_SHOW	40
#define KMEMLEAK_SETTLE	8.0	/* s of uptime: boot objects are 5 s old */

/*
 * The one global: the log descriptor every helper writes to.  Threading it
 * through each call would only add noise; it is set once in step_console().
 */
static int log_fd = -1;

/* Counters sampled from /proc/vmstat and zswap's debugfs directory. */
struct sample {
	uint64_t zswpout, zswpin, pswpout, pswpin;
	uint64_t migrate_ok, migrate_fail, compact_isolated;
	uint64_t stored, same_filled, pool_total, written_back;
	uint64_t limit_hit, reclaim_fail, alloc_fail, compress_poor;
	uint64_t kmemcache_fail, duplicate;
};

struct worker_stats {
	uint64_t pages;
	uint64_t paged_out;	/* pages asked out with MADV_PAGEOUT */
	uint64_t verified;
	uint64_t dropped;
	uint64_t dropped_swapped;
	uint64_t rewritten;
	uint64_t corrupt;
};

/* z3fold pages by state (Z3FOLD_PAGES, from the test overlay). */
struct z3fold_states {
	uint64_t pages;
	uint64_t claimed;
	uint64_t isolated;
	uint64_t queued;	/* NEEDS_COMPACTING or the work pending */
	uint64_t stale;
	uint64_t stuck;		/* in any of the first three states */
};

/*
 * A worker's progress, in memory it shares with the parent: what the
 * heartbeat reports, and what tells a slow worker from a stuck one.
 */
struct progress {
	uint64_t pages;		/* pages filled, paged out, scanned, read */
	uint32_t round;
};

struct slab_watch {
	const char *name;
	const char *what;
	long idle;
	long end;
};

struct run {
	struct options opt;
	struct timespec start;
	struct sample base, end_mapped, end_exit, end_swapoff;
	struct worker_stats total;
	struct slab_watch slabs[2];
	unsigned int nslabs;
	/* z3fold page states before the stress and after swapoff */
	struct z3fold_states zs_idle, zs_end;
	bool zs;		/* Z3FOLD_PAGES exists */
	struct progress *progress;	/* MAX_WORKERS, shared */
	uint64_t mem_pages;	/* MemTotal */
	uint64_t stress_ms;	/* the workers' fixed workload, start to end */
	uint64_t stored_peak;
	/* over the stress samples: pages zswap stored in z3fold, pool pages */
	uint64_t density_stored, density_pool;
	long kmemleak;		/* -1: facility absent */
	pid_t compactor;
	pid_t pids[MAX_WORKERS];
	int stats_fd[MAX_WORKERS];
	int release_fd;
	char reason[REASON_LEN];
};

struct region {
	unsigned int id;
	uint64_t seed;
	size_t npages;
	unsigned char *mem;
	page_gen_t *gen;	/* 0: dropped, expect zeroes */
	unsigned char *vec;	/* mincore() output */
	struct worker_stats st;
	struct progress *progress;	/* this worker's, shared */
	uint64_t done;
};

/* Count n more pages done where the parent's heartbeat sees them. */
static void advance(struct region *r, uint64_t n)
{
	r->done += n;
	__atomic_store_n(&r->progress->pages, r->done, __ATOMIC_RELAXED);
}

/* ---- logging ---------------------------------------------------------- */

static void log_line(const char *fmt, ...)
{
	char buf[LINE_MAX_LEN];
	va_list ap;
	int n, fd = log_fd >= 0 ? log_fd : STDOUT_FILENO;

	n = snprintf(buf, sizeof(buf), "<5>" TAG);
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	/* Without /dev/kmsg the "<5>" prefix means nothing: drop it. */
	if (fd == STDOUT_FILENO)
		(void)!write(fd, buf + 3, n - 3);
	else if (write(fd, buf, n) < 0)
		(void)!write(STDOUT_FILENO, buf + 3, n - 3);
}

/* Record the first failure; later ones are only logged. */
static int fail(struct run *run, const char *fmt, ...)
{
	char msg[REASON_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_line("FAIL %s", msg);
	if (!run->reason[0])
		snprintf(run->reason, sizeof(run->reason), "%s", msg);
	return -1;
}

static int sys_fail(struct run *run, const char *what, const char *arg)
{
	return fail(run, "%s(%s): %s", what, arg, strerror(errno));
}

static double elapsed(const struct run *run)
{
	struct timespec now;

	if (clock_gettime(CLOCK_MONOTONIC, &now))
		return 0;
	return (now.tv_sec - run->start.tv_sec) +
	       (now.tv_nsec - run->start.tv_nsec) / 1e9;
}

/* Sleep, resuming after signals; nanosleep only fails on bad input. */
static void sleep_ms(unsigned int ms)
{
	struct timespec t = {
		.tv_sec = ms / 1000,
		.tv_nsec = (ms % 1000) * 1000L * 1000,
	};

	while (nanosleep(&t, &t) && errno == EINTR)
		;
}

static void log_step(const struct run *run, const char *name)
{
	log_line("step %s t=%.1fs", name, elapsed(run));
}

/* ---- small file helpers ----------------------------------------------- */

static int write_str(struct run *run, const char *path, const char *val)
{
	ssize_t len = strlen(val);
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return sys_fail(run, "open", path);
	if (write(fd, val, len) != len) {
		sys_fail(run, "write", path);
		close(fd);
		return -1;
	}
	if (close(fd))
		return sys_fail(run, "close", path);
	return 0;
}

static int close_fd(struct run *run, int fd, const char *what)
{
	if (close(fd))
		return sys_fail(run, "close", what);
	return 0;
}

/*
 * Read a whole (pseudo) file, or fail the run: an empty file, and one
 * larger than buf, fail it too.  Nothing parses half a file.
 */
static int read_file(struct run *run, const char *path, char *buf,
		     size_t size)
{
	ssize_t len = read_text(path, buf, size);

	if (len < 0 && errno == EFBIG)
		return fail(run, "read(%s): longer than its %zu-byte buffer",
			    path, size - 1);
	if (len < 0)
		return sys_fail(run, "read", path);
	if (!len)
		return fail(run, "read(%s): empty", path);
	return 0;
}

static int read_u64(struct run *run, const char *path, uint64_t *val)
{
	char buf[64];

	if (read_file(run, path, buf, sizeof(buf)))
		return -1;
	*val = strtoull(buf, NULL, 10);
	return 0;
}

/* ---- counters --------------------------------------------------------- */

static int sample_vmstat(struct run *run, struct sample *s)
{
	static char buf[16384];

	if (read_file(run, "/proc/vmstat", buf, sizeof(buf)))
		return -1;
	s->zswpout = text_field(buf, "zswpout");
	s->zswpin = text_field(buf, "zswpin");
	s->pswpout = text_field(buf, "pswpout");
	s->pswpin = text_field(buf, "pswpin");
	s->migrate_ok = text_field(buf, "pgmigrate_success");
	s->migrate_fail = text_field(buf, "pgmigrate_fail");
	s->compact_isolated = text_field(buf, "compact_isolated");
	return 0;
}

/*
 * zswap's debugfs counters.  Those marked gone_in left zswap in that
 * release (6.12 has neither: zero-filled pages are the swap core's, and a
 * duplicate store replaces the old entry); where the file is missing they
 * count 0.  Every other counter must be there.
 */
static int sample_zswap(struct run *run, struct sample *s)
{
	static const struct {
		const char *file;
		size_t off;
		const char *gone_in;
	} files[] = {
		{ .file = "stored_pages", .off = offsetof(struct sample, stored) },
		{ .file = "same_filled_pages", .off = offsetof(struct sample, same_filled),
		  .gone_in = "6.12" },
		{ .file = "pool_total_size", .off = offsetof(struct sample, pool_total) },
		{ .file = "written_back_pages", .off = offsetof(struct sample, written_back) },
		{ .file = "pool_limit_hit", .off = offsetof(struct sample, limit_hit) },
		{ .file = "reject_reclaim_fail", .off = offsetof(struct sample, reclaim_fail) },
		{ .file = "reject_alloc_fail", .off = offsetof(struct sample, alloc_fail) },
		{ .file = "reject_compress_poor", .off = offsetof(struct sample, compress_poor) },
		{ .file = "reject_kmemcache_fail", .off = offsetof(struct sample, kmemcache_fail) },
		{ .file = "duplicate_entry", .off = offsetof(struct sample, duplicate),
		  .gone_in = "6.12" },
	};
	char path[128];
	uint64_t *val;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		snprintf(path, sizeof(path), ZSWAP_DIR "%s", files[i].file);
		val = (uint64_t *)((char *)s + files[i].off);
		if (files[i].gone_in && access(path, F_OK) && errno == ENOENT) {
			*val = 0;
			continue;
		}
		if (read_u64(run, path, val))
			return -1;
	}
	return 0;
}

static int sample_all(struct run *run, struct sample *s)
{
	if (sample_vmstat(run, s) || sample_zswap(run, s))
		return -1;
	return 0;
}

/* Flush per-cpu slabs and the KASAN quarantine, then count live objects. */
static int slab_active(struct run *run, const char *name, long *active)
{
	static char buf[65536];
	char path[128];

	snprintf(path, sizeof(path), "/sys/kernel/slab/%s/shrink", name);
	if (write_str(run, path, "1") ||
	    read_file(run, "/proc/slabinfo", buf, sizeof(buf)))
		return -1;
	if (slabinfo_active(buf, name, active))
		return fail(run, "slab cache %s missing from /proc/slabinfo",
			    name);
	return 0;
}

/*
 * Count z3fold pages by state: the test overlay's debugfs file, absent
 * without it (OVERLAY=none), and then nothing is counted.
 */
static int z3fold_states(struct run *run, struct z3fold_states *zs)
{
	char buf[256];

	if (!run->zs)
		return 0;
	if (read_file(run, Z3FOLD_PAGES, buf, sizeof(buf)))
		return -1;
	zs->pages = text_field(buf, "pages");
	zs->claimed = text_field(buf, "claimed");
	zs->isolated = text_field(buf, "isolated");
	zs->queued = text_field(buf, "compaction_queued");
	zs->stale = text_field(buf, "stale");
	zs->stuck = text_field(buf, "stuck");
	return 0;
}

/* ---- page contents ---------------------------------------------------- */

static unsigned char *region_page(const struct region *r, size_t index)
{
	return r->mem + index * PAGE_SZ;
}

static void region_fill_page(const struct region *r, size_t index,
			     unsigned int gen)
{
	fill_page(region_page(r, index), page_key(r->seed, r->id, index, gen),
		  index, gen);
}

static bool region_page_ok(const struct region *r, size_t index,
			   unsigned int gen)
{
	return page_ok(region_page(r, index),
		       page_key(r->seed, r->id, index, gen), index, gen);
}

/* ---- one worker ------------------------------------------------------- */

static void region_fill(struct region *r, unsigned int gen)
{
	size_t i;

	for (i = 0; i < r->npages; i++) {
		advance(r, 1);
		if (r->gen[i])
			continue;
		region_fill_page(r, i, gen);
		r->gen[i] = gen;
	}
}

static int region_pageout(struct region *r)
{
	size_t len = r->npages * PAGE_SZ, off, n;

	for (off = 0; off < len; off += PAGEOUT_STEP) {
		n = len - off < PAGEOUT_STEP ? len - off : PAGEOUT_STEP;
		if (madvise(r->mem + off, n, MADV_PAGEOUT)) {
			log_line("worker %u: madvise(MADV_PAGEOUT): %s",
				 r->id, strerror(errno));
			return -1;
		}
		advance(r, n / PAGE_SZ);
	}
	r->st.paged_out += r->npages;
	return 0;
}

/* Drop about a quarter of the pages, most of them while in swap. */
static int region_drop(struct region *r, uint64_t *rng)
{
	size_t i;

	if (mincore(r->mem, r->npages * PAGE_SZ, r->vec)) {
		log_line("worker %u: mincore: %s", r->id, strerror(errno));
		return -1;
	}
	for (i = 0; i < r->npages; i++) {
		advance(r, 1);
		*rng = mix64(*rng + i);
		if (*rng % 4 || !r->gen[i])
			continue;
		if (madvise(r->mem + i * PAGE_SZ, PAGE_SZ, MADV_DONTNEED)) {
			log_line("worker %u: madvise(MADV_DONTNEED): %s",
				 r->id, strerror(errno));
			return -1;
		}
		r->gen[i] = 0;
		r->st.dropped++;
		if (!(r->vec[i] & 1))
			r->st.dropped_swapped++;
	}
	return 0;
}

static void region_verify(struct region *r)
{
	const struct page_hdr *h;
	size_t i;

	for (i = 0; i < r->npages; i++) {
		advance(r, 1);
		r->st.verified++;
		if (region_page_ok(r, i, r->gen[i]))
			continue;
		if (r->st.corrupt++ < 5) {
			h = (const struct page_hdr *)region_page(r, i);
			log_line("worker %u: page %zu gen %u corrupt: found index %u gen %u",
				 r->id, i, r->gen[i], h->index, h->gen);
		}
	}
}

/* Rewrite about an eighth: the write fault frees the page's swap slot. */
static void region_rewrite(struct region *r, uint64_t *rng, unsigned int gen)
{
	size_t i;

	for (i = 0; i < r->npages; i++) {
		advance(r, 1);
		*rng = mix64(*rng ^ i);
		if (*rng % 8 || !r->gen[i])
			continue;
		region_fill_page(r, i, gen);
		r->gen[i] = gen;
		r->st.rewritten++;
	}
}

static int region_map(struct region *r)
{
	size_t len = r->npages * PAGE_SZ;

	r->mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	r->gen = calloc(r->npages, sizeof(*r->gen));
	r->vec = malloc(r->npages);
	if (r->mem == MAP_FAILED || !r->gen || !r->vec) {
		log_line("worker %u: cannot map %zu pages: %s", r->id,
			 r->npages, strerror(errno));
		return -1;
	}
	r->st.pages = r->npages;
	return 0;
}

static int worker_rounds(const struct run *run, struct region *r)
{
	uint64_t rng = mix64(r->seed ^ r->id);
	unsigned int i, rounds = run->opt.rounds;

	for (i = 0; i < rounds; i++) {
		__atomic_store_n(&r->progress->round, i, __ATOMIC_RELAXED);
		log_line("worker %u: round %u t=%.1fs", r->id, i, elapsed(run));
		region_fill(r, 2 * i + 1);
		if (region_pageout(r) || region_drop(r, &rng))
			return -1;
		region_verify(r);
		region_rewrite(r, &rng, 2 * i + 2);
	}
	if (region_pageout(r))
		return -1;
	region_verify(r);
	return 0;
}

/* Runs in the child: report stats, then hold the memory until released. */
static void worker_main(const struct run *run, unsigned int id, int stats_fd,
			int release_fd)
{
	struct region r = { .id = id, .seed = run->opt.seed,
			    .progress = &run->progress[id] };
	char c;
	int rc;

	r.npages = run->mem_pages * run->opt.mem_pct / 100 / run->opt.workers;
	rc = region_map(&r) || worker_rounds(run, &r);
	if (write(stats_fd, &r.st, sizeof(r.st)) != sizeof(r.st))
		log_line("worker %u: write(stats): %s", id, strerror(errno));
	while (read(release_fd, &c, 1) < 0 && errno == EINTR)
		;
	_exit(rc || r.st.corrupt ? 1 : 0);
}

/* ---- compactor -------------------------------------------------------- */

static void compactor_main(unsigned int ms)
{
	int fd;

	for (;;) {
		fd = open("/proc/sys/vm/compact_memory", O_WRONLY | O_CLOEXEC);
		if (fd < 0 || write(fd, "1", 1) != 1 || close(fd)) {
			log_line("compactor: compact_memory: %s",
				 strerror(errno));
			_exit(1);
		}
		sleep_ms(ms);
	}
}

/* ---- steps ------------------------------------------------------------ */

static int step_console(struct run *run)
{
	int fd;

	if (mkdir("/dev", 0755) && errno != EEXIST)
		return sys_fail(run, "mkdir", "/dev");
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) && errno != EBUSY)
		return sys_fail(run, "mount", "/dev");
	/* No /dev/console in the initramfs: the kernel gave us no stdio. */
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0) {
		fd = open("/dev/console", O_RDWR);
		if (fd < 0 || dup2(fd, STDIN_FILENO) < 0 ||
		    dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
			return -1;	/* nowhere to say it: the host sees no result */
		if (fd > STDERR_FILENO && close(fd))
			return -1;
	}
	log_fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
	if (log_fd < 0)
		return sys_fail(run, "open", "/dev/kmsg");
	return 0;
}

static int step_mounts(struct run *run)
{
	static const struct {
		const char *src, *dir, *type;
	} mounts[] = {
		{ "proc", "/proc", "proc" },
		{ "sysfs", "/sys", "sysfs" },
		{ "debugfs", "/sys/kernel/debug", "debugfs" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mounts); i++) {
		if (mkdir(mounts[i].dir, 0755) && errno != EEXIST)
			return sys_fail(run, "mkdir", mounts[i].dir);
		if (mount(mounts[i].src, mounts[i].dir, mounts[i].type, 0,
			  NULL) && errno != EBUSY)
			return sys_fail(run, "mount", mounts[i].dir);
	}
	return 0;
}

static int step_options(struct run *run, int argc, char **argv)
{
	char err[REASON_LEN];
	int i;

	options_default(&run->opt);
	for (i = 1; i < argc; i++)
		if (parse_arg(&run->opt, argv[i], err, sizeof(err)))
			return fail(run, "%s", err);
	/* z3fold's handle cache exists only once zswap made a z3fold pool */
	run->slabs[run->nslabs++] = (struct slab_watch) {
		.name = "zswap_entry", .what = "zswap entries" };
	if (!strcmp(run->opt.zpool, "z3fold"))
		run->slabs[run->nslabs++] = (struct slab_watch) {
			.name = "z3fold_handle", .what = "z3fold handle slots" };
	log_line("options seed=%" PRIu64 " workers=%u mem_pct=%u rounds=%u compact_ms=%u min_writeback=%" PRIu64 " swap=%s zpool=%s stress=%d",
		 run->opt.seed, run->opt.workers, run->opt.mem_pct,
		 run->opt.rounds, run->opt.compact_ms, run->opt.min_writeback,
		 run->opt.swap, run->opt.zpool, run->opt.stress);
	return 0;
}

/* Self-test hooks for tests/boot: a guest that never ends, a dying init. */
static int step_fault(struct run *run)
{
	if (!run->opt.fault)
		return 0;
	if (!strcmp(run->opt.fault, "hang")) {
		log_line("fault=hang: sleeping forever");
		for (;;)
			pause();
	}
	/* "panic", the other value parse_arg() lets through */
	log_line("fault=panic: init exits, the kernel panics");
	exit(1);
}

/*
 * Forget every object allocated so far; only the stress's leaks count.
 * kmemleak reports (and "clear" forgets) only objects older than its
 * minimum age of 5 s, so wait until the boot's last allocations are.
 */
static int step_kmemleak_baseline(struct run *run)
{
	char buf[64];

	if (access(KMEMLEAK, F_OK)) {
		run->kmemleak = -1;
		log_line("kmemleak not available: leak scan skipped");
		return 0;
	}
	for (;;) {
		if (read_file(run, "/proc/uptime", buf, sizeof(buf)))
			return -1;
		if (strtod(buf, NULL) >= KMEMLEAK_SETTLE)
			break;
		sleep_ms(250);
	}
	if (write_str(run, KMEMLEAK, "scan") ||
	    write_str(run, KMEMLEAK, "clear"))
		return -1;
	return 0;
}

/*
 * The kernel command line starts zswap on zbud: the KUnit z3fold suite runs
 * after zswap's initcall, and two caches named z3fold_handle (slub_nomerge)
 * would leave zswap's without a /sys/kernel/slab entry.  Switch now.
 */
static int step_zswap(struct run *run)
{
	const char *param = "/sys/module/zswap/parameters/zpool";
	const char *want = run->opt.zpool;
	char buf[32];

	if (write_str(run, param, want) ||
	    read_file(run, param, buf, sizeof(buf)))
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	if (strcmp(buf, want))
		return fail(run, "zswap zpool is %s, not %s", buf, want);
	if (read_file(run, "/sys/module/zswap/parameters/enabled", buf,
		      sizeof(buf)))
		return -1;
	if (buf[0] != 'Y')
		return fail(run, "zswap is not enabled");
	return 0;
}

static int write_swap_header(struct run *run, int fd, uint64_t bytes)
{
	static unsigned char page[PAGE_SZ];
	uint32_t *info = (uint32_t *)(page + 1024);

	if (bytes < 16 * PAGE_SZ)
		return fail(run, "%s: %" PRIu64 " bytes is too small for swap",
			    run->opt.swap, bytes);
	info[0] = 1;				/* version */
	info[1] = bytes / PAGE_SZ - 1;		/* last_page */
	info[2] = 0;				/* nr_badpages */
	memcpy(page + PAGE_SZ - 10, "SWAPSPACE2", 10);
	if (pwrite(fd, page, sizeof(page), 0) != sizeof(page))
		return sys_fail(run, "pwrite", run->opt.swap);
	if (fsync(fd))
		return sys_fail(run, "fsync", run->opt.swap);
	return 0;
}

static int step_swapon(struct run *run)
{
	uint64_t bytes;
	int fd, rc;

	fd = open(run->opt.swap, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return sys_fail(run, "open", run->opt.swap);
	rc = ioctl(fd, BLKGETSIZE64, &bytes);
	if (rc)
		sys_fail(run, "ioctl(BLKGETSIZE64)", run->opt.swap);
	else
		rc = write_swap_header(run, fd, bytes);
	if (close(fd) && !rc)
		rc = sys_fail(run, "close", run->opt.swap);
	if (rc)
		return -1;
	if (swapon(run->opt.swap, 0))
		return sys_fail(run, "swapon", run->opt.swap);
	log_line("swap %s: %" PRIu64 " MiB", run->opt.swap, bytes >> 20);
	return 0;
}

static int step_baseline(struct run *run)
{
	static char buf[4096];
	size_t i;

	if (read_file(run, "/proc/meminfo", buf, sizeof(buf)))
		return -1;
	run->mem_pages = text_field(buf, "MemTotal") * 1024 / PAGE_SZ;
	log_line("MemTotal %" PRIu64 " MiB", run->mem_pages * PAGE_SZ >> 20);
	for (i = 0; i < run->nslabs; i++)
		if (slab_active(run, run->slabs[i].name, &run->slabs[i].idle))
			return -1;
	run->zs = !access(Z3FOLD_PAGES, F_OK);
	if (!run->zs)
		log_line("%s not available: z3fold page states not checked",
			 Z3FOLD_PAGES);
	/* what the KUnit suites left behind, not the stress */
	if (z3fold_states(run, &run->zs_idle))
		return -1;
	return sample_all(run, &run->base);
}

static int spawn_workers(struct run *run)
{
	int release[2], stats[2];
	unsigned int i;

	run->progress = mmap(NULL, MAX_WORKERS * sizeof(*run->progress),
			     PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			     -1, 0);
	if (run->progress == MAP_FAILED)
		return sys_fail(run, "mmap", "worker progress");
	if (pipe2(release, O_CLOEXEC))
		return sys_fail(run, "pipe2", "release");
	for (i = 0; i < run->opt.workers; i++) {
		if (pipe2(stats, O_CLOEXEC))
			return sys_fail(run, "pipe2", "stats");
		run->pids[i] = fork();
		if (run->pids[i] < 0)
			return sys_fail(run, "fork", "worker");
		if (!run->pids[i]) {
			if (close(release[1]) || close(stats[0]))
				_exit(1);
			worker_main(run, i, stats[1], release[0]);
		}
		if (close_fd(run, stats[1], "stats"))
			return -1;
		run->stats_fd[i] = stats[0];
	}
	run->release_fd = release[1];
	return close_fd(run, release[0], "release");
}

static int spawn_compactor(struct run *run)
{
	run->compactor = fork();
	if (run->compactor < 0)
		return sys_fail(run, "fork", "compactor");
	if (!run->compactor)
		compactor_main(run->opt.compact_ms);
	return 0;
}

static void add_stats(struct worker_stats *t, const struct worker_stats *s)
{
	t->paged_out += s->paged_out;
	t->verified += s->verified;
	t->dropped += s->dropped;
	t->dropped_swapped += s->dropped_swapped;
	t->rewritten += s->rewritten;
	t->corrupt += s->corrupt;
}

/*
 * The heartbeat: at most every HEARTBEAT_SEC, and only once the workers
 * did more since the last one, so that a guest whose workers are stuck
 * goes silent and the host's stall detection ends it.
 */
static void log_heartbeat(struct run *run, const struct sample *s,
			  unsigned int left, uint64_t *last, double *next)
{
	uint64_t pages = 0;
	unsigned int i, round = run->opt.rounds - 1, r;

	if (elapsed(run) < *next)
		return;
	for (i = 0; i < run->opt.workers; i++) {
		pages += __atomic_load_n(&run->progress[i].pages,
					 __ATOMIC_RELAXED);
		r = __atomic_load_n(&run->progress[i].round, __ATOMIC_RELAXED);
		if (r < round)
			round = r;
	}
	if (pages == *last)
		return;
	log_line("heartbeat t=%.1fs round=%u/%u pages=%" PRIu64 " stored=%" PRIu64 " written_back=%" PRIu64 " workers_left=%u",
		 elapsed(run), round + 1, run->opt.rounds, pages, s->stored,
		 s->written_back - run->base.written_back, left);
	*last = pages;
	*next = elapsed(run) + HEARTBEAT_SEC;
}

/* Collect every worker's stats, sampling zswap once a second. */
static int wait_workers(struct run *run)
{
	struct pollfd pfd[MAX_WORKERS];
	struct worker_stats st;
	unsigned int i, left = run->opt.workers;
	double next_beat = elapsed(run) + HEARTBEAT_SEC;
	uint64_t last_pages = 0;
	struct sample s;

	for (i = 0; i < run->opt.workers; i++)
		pfd[i] = (struct pollfd) { .fd = run->stats_fd[i],
					   .events = POLLIN };
	while (left) {
		if (poll(pfd, run->opt.workers, 1000) < 0 && errno != EINTR)
			return sys_fail(run, "poll", "workers");
		if (sample_zswap(run, &s))
			return -1;
		if (s.stored > run->stored_peak)
			run->stored_peak = s.stored;
		/* same-filled pages are stored without z3fold */
		run->density_stored += s.stored - s.same_filled;
		run->density_pool += s.pool_total / PAGE_SZ;
		log_heartbeat(run, &s, left, &last_pages, &next_beat);
		for (i = 0; i < run->opt.workers; i++) {
			if (pfd[i].fd < 0 || !(pfd[i].revents & (POLLIN | POLLHUP)))
				continue;
			if (read(pfd[i].fd, &st, sizeof(st)) != sizeof(st))
				fail(run, "worker %u died before reporting", i);
			else
				add_stats(&run->total, &st);
			if (close_fd(run, pfd[i].fd, "stats"))
				return -1;
			pfd[i].fd = -1;
			left--;
		}
	}
	return 0;
}

static int reap(struct run *run, pid_t pid, const char *what, unsigned int id)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return sys_fail(run, "waitpid", what);
	if (WIFSIGNALED(status))
		return fail(run, "%s %u killed by signal %d%s", what, id,
			    WTERMSIG(status),
			    WTERMSIG(status) == SIGKILL ? " (OOM?)" : "");
	if (WEXITSTATUS(status))
		return fail(run, "%s %u exited with %d", what, id,
			    WEXITSTATUS(status));
	return 0;
}

static int step_stress(struct run *run)
{
	double start = elapsed(run);
	unsigned int i;
	int rc = 0;

	if (spawn_compactor(run) || spawn_workers(run))
		return -1;
	if (wait_workers(run))
		rc = -1;
	run->stress_ms = (elapsed(run) - start) * 1000;
	if (kill(run->compactor, SIGTERM))
		rc = sys_fail(run, "kill", "compactor");
	else if (waitpid(run->compactor, NULL, 0) != run->compactor)
		rc = sys_fail(run, "waitpid", "compactor");
	/* Workers still hold their memory: this is the in-pressure state. */
	if (sample_all(run, &run->end_mapped))
		rc = -1;
	log_step(run, "exit");
	if (close_fd(run, run->release_fd, "release"))
		rc = -1;
	for (i = 0; i < run->opt.workers; i++)
		if (reap(run, run->pids[i], "worker", i))
			rc = -1;
	if (run->total.corrupt)
		rc = fail(run, "data: %" PRIu64 " of %" PRIu64 " page reads came back wrong",
			  run->total.corrupt, run->total.verified);
	if (sample_all(run, &run->end_exit))
		rc = -1;
	return rc;
}

static int step_swapoff(struct run *run)
{
	if (swapoff(run->opt.swap))
		return sys_fail(run, "swapoff", run->opt.swap);
	return 0;
}

/*
 * zswap's pool_total_size is a copy it takes of z3fold's pool size only
 * when it stores or frees a page, and z3fold releases a page whose
 * compaction was still pending after zswap freed its last object.  Swap
 * one page out and drop it, so that zswap takes the copy again.
 */
static int refresh_pool_total(struct run *run)
{
	unsigned char *p;
	size_t i;
	int rc = 0;

	if (swapon(run->opt.swap, 0))
		return sys_fail(run, "swapon", run->opt.swap);
	p = mmap(NULL, PAGE_SZ, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		rc = sys_fail(run, "mmap", "pool size probe");
	} else {
		/* compressible, but not a same-filled page */
		for (i = 0; i < PAGE_SZ; i++)
			p[i] = i % 251;
		if (madvise(p, PAGE_SZ, MADV_PAGEOUT))
			rc = sys_fail(run, "madvise(MADV_PAGEOUT)", "pool size probe");
		if (munmap(p, PAGE_SZ))
			rc = sys_fail(run, "munmap", "pool size probe");
	}
	if (swapoff(run->opt.swap))
		rc = sys_fail(run, "swapoff", run->opt.swap);
	return rc;
}

/*
 * At idle no z3fold page may be left claimed, isolated or queued for
 * compaction: nothing would ever release it.  Checked first: it names why
 * pages were never released, which the pool size below only counts.
 */
static int check_states(struct run *run)
{
	const struct z3fold_states *zs = &run->zs_end;

	if (z3fold_states(run, &run->zs_end))
		return -1;
	if (!zs->stuck)
		return 0;
	return fail(run, "balance: %" PRIu64 " z3fold page(s) left claimed after swapoff (claimed %" PRIu64 ", isolated %" PRIu64 ", compaction queued %" PRIu64 "; %" PRIu64 " before the stress)",
		    zs->stuck, zs->claimed, zs->isolated, zs->queued,
		    run->zs_idle.stuck);
}

/* Wait for in-flight writeback to land, then every reference must be back. */
static int step_balance(struct run *run)
{
	struct sample *s = &run->end_swapoff;
	unsigned int i;
	int rc = 0;

	for (i = 0; i < SETTLE_SEC * 10; i++) {
		if (sample_all(run, s))
			return -1;
		if (!s->stored && !s->pool_total && !s->same_filled)
			break;
		/* a heartbeat: the wait is silent otherwise */
		if (i % 50 == 49)
			log_line("heartbeat t=%.1fs balance: stored=%" PRIu64 " same_filled=%" PRIu64 " pool_total_size=%" PRIu64,
				 elapsed(run), s->stored, s->same_filled,
				 s->pool_total);
		/* no entry left: the pool size may be a stale copy */
		if (!s->stored && !s->same_filled && i % 10 == 9 &&
		    refresh_pool_total(run))
			return -1;
		sleep_ms(100);
	}
	if (check_states(run))
		rc = -1;
	if (s->stored || s->same_filled)
		rc = fail(run, "balance: zswap stored_pages=%" PRIu64 " same_filled_pages=%" PRIu64 " after swapoff (entries leaked)",
			  s->stored, s->same_filled);
	if (s->pool_total)
		rc = fail(run, "balance: zswap pool_total_size=%" PRIu64 " after swapoff: %" PRIu64 " z3fold pages never released",
			  s->pool_total, s->pool_total / PAGE_SZ);
	for (i = 0; i < run->nslabs; i++) {
		if (slab_active(run, run->slabs[i].name, &run->slabs[i].end))
			return -1;
		if (run->slabs[i].end != run->slabs[i].idle)
			rc = fail(run, "balance: slab %s holds %ld objects after swapoff, %ld before the stress (%s leaked)",
				  run->slabs[i].name, run->slabs[i].end,
				  run->slabs[i].idle, run->slabs[i].what);
	}
	return rc;
}

/*
 * Print what kmemleak found; every object still listed counts.  A report
 * longer than the buffer fails with the count of its first part, as a
 * lower bound.
 */
static int step_kmemleak(struct run *run)
{
	static char buf[65536];
	char *line, *save = NULL;
	int shown = 0;
	bool cut;

	if (run->kmemleak < 0)
		return 0;
	if (write_str(run, KMEMLEAK, "scan"))
		return -1;
	cut = read_text(KMEMLEAK, buf, sizeof(buf)) < 0;
	if (cut && errno != EFBIG)
		return sys_fail(run, "read", KMEMLEAK);
	run->kmemleak = count_prefixed(buf, "unreferenced object");
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (shown++ < KMEMLEAK_SHOW)
			log_line("kmemleak: %s", line);
	if (cut)
		return fail(run, "balance: kmemleak reports at least %ld unreferenced objects (its report is longer than %zu bytes)",
			    run->kmemleak, sizeof(buf) - 1);
	if (run->kmemleak)
		return fail(run, "balance: kmemleak reports %ld unreferenced objects",
			    run->kmemleak);
	return 0;
}

/* A run that did not reach a path proves nothing about it. */
static int step_paths(struct run *run)
{
	const struct sample *b = &run->base, *m = &run->end_mapped;
	uint64_t stores = m->zswpout - b->zswpout;
	uint64_t freed = stores - m->stored;
	uint64_t wb = m->written_back - b->written_back;
	uint64_t migrated = m->migrate_ok - b->migrate_ok;
	int rc = 0;

	if (!stores)
		rc = fail(run, "paths: no zswap store reached %s",
			  run->opt.zpool);
	if (!(m->zswpin - b->zswpin))
		rc = fail(run, "paths: no page loaded back from zswap");
	if (wb < run->opt.min_writeback)
		rc = fail(run, "paths: %" PRIu64 " %s writebacks, want >= %" PRIu64,
			  wb, run->opt.zpool, run->opt.min_writeback);
	if (freed <= wb)
		rc = fail(run, "paths: no %s free besides writeback (freed %" PRIu64 ")",
			  run->opt.zpool, freed);
	if (!migrated)
		rc = fail(run, "paths: no page migrated during compaction");
	return rc;
}

static void log_counter(const char *name, uint64_t val)
{
	log_line("counter %s=%" PRIu64, name, val);
}

static void step_report(struct run *run)
{
	const struct sample *b = &run->base, *m = &run->end_mapped;
	const struct sample *e = &run->end_swapoff;
	uint64_t work = run->total.paged_out + run->total.verified;
	unsigned int i;

	log_counter("stores", m->zswpout - b->zswpout);
	log_counter("loads", m->zswpin - b->zswpin);
	log_counter("stored_peak", run->stored_peak);
	/* compressed pages per 100 pool pages, averaged over the stress */
	log_counter("density_pct", run->density_pool ?
		    run->density_stored * 100 / run->density_pool : 0);
	log_counter("written_back", m->written_back - b->written_back);
	log_counter("pool_limit_hit", m->limit_hit - b->limit_hit);
	log_counter("reclaim_fail", m->reclaim_fail - b->reclaim_fail);
	log_counter("freed", m->zswpout - b->zswpout - m->stored);
	log_counter("reject_alloc", m->alloc_fail - b->alloc_fail);
	log_counter("reject_poor", m->compress_poor - b->compress_poor);
	log_counter("duplicate", m->duplicate - b->duplicate);
	log_counter("swap_out_disk", m->pswpout - b->pswpout);
	log_counter("swap_in_disk", m->pswpin - b->pswpin);
	log_counter("migrated", m->migrate_ok - b->migrate_ok);
	log_counter("migrate_fail", m->migrate_fail - b->migrate_fail);
	log_counter("compact_isolated", m->compact_isolated - b->compact_isolated);
	log_counter("pages_verified", run->total.verified);
	log_counter("pages_dropped_in_swap", run->total.dropped_swapped);
	log_counter("pages_corrupt", run->total.corrupt);
	log_counter("end_stored", e->stored);
	log_counter("end_pool_total_size", e->pool_total);
	if (run->zs) {
		log_counter("idle_z3fold_stuck", run->zs_idle.stuck);
		log_counter("end_z3fold_pages", run->zs_end.pages);
		log_counter("end_z3fold_claimed", run->zs_end.claimed);
		log_counter("end_z3fold_isolated", run->zs_end.isolated);
		log_counter("end_z3fold_compaction_queued", run->zs_end.queued);
		log_counter("end_z3fold_stale", run->zs_end.stale);
	}
	for (i = 0; i < run->nslabs; i++)
		log_line("counter end_%s=%ld", run->slabs[i].name,
			 run->slabs[i].end);
	if (run->kmemleak >= 0)
		log_counter("kmemleak", run->kmemleak);
	/* the fixed workload: pages asked out plus pages read back */
	log_counter("stress_ms", run->stress_ms);
	log_counter("workload_pages_per_s", run->stress_ms ?
		    work * 1000 / run->stress_ms : 0);
	log_counter("elapsed_ms", elapsed(run) * 1000);
	if (run->reason[0])
		log_line("result fail: %s", run->reason);
	else
		log_line("result pass");
}

static void step_reboot(void)
{
	sync();
	reboot(RB_AUTOBOOT);
	/* Only reached if reboot() failed: panic rather than hang. */
	exit(1);
}

int main(int argc, char **argv)
{
	struct run run = { 0 };

	if (clock_gettime(CLOCK_MONOTONIC, &run.start))
		return 1;
	if (step_console(&run) || step_mounts(&run))
		goto out;
	log_step(&run, "start");
	if (step_options(&run, argc, argv) || step_fault(&run))
		goto out;
	log_step(&run, "setup");
	if (!run.opt.stress) {
		log_line("result pass");
		step_reboot();
	}
	if (step_zswap(&run) || step_swapon(&run) ||
	    step_kmemleak_baseline(&run) || step_baseline(&run))
		goto out;
	log_step(&run, "stress");
	if (step_stress(&run))
		goto out;
	log_step(&run, "swapoff");
	if (step_swapoff(&run))
		goto out;
	log_step(&run, "balance");
	step_balance(&run);
	step_kmemleak(&run);
	step_paths(&run);
out:
	log_step(&run, "report");
	step_report(&run);
	step_reboot();
	return 0;
}
