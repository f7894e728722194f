# SPDX-License-Identifier: GPL-2.0
#
# Naming what a console log reports, for scripts/awk/boot-log.awk, whose
# rules collect a report's lines and a stuck task's stack and call these
# (awk -f boot-report.awk -f boot-log.awk: one program, one set of
# globals). A report is named by its kind and the top z3fold/zswap frame
# of its call trace ("F <- C", with its caller); a stuck task by its state
# and that frame, else by its top frame that is not a wait or a lock.
# Functions and the frame patterns only: no rule of its own.

BEGIN {
	# functions of mm/z3fold.c, mm/zswap.c (6.1.192 and the series) and
	# the overlay's mm/z3fold_test.c (z3t_) whose names do not say so
	Z3_FRAME = "z3fold|zswap|^z3t_|^(__encode_handle|__idx|" \
		"add_to_unbuddied|alloc_slots|buddy_single|compact_page_work|" \
		"compact_single_buddy|do_compact_page|encode_handle|" \
		"free_handle|free_pages_work|get_free_buddy|handle_to_buddy|" \
		"handle_to_chunks|handle_to_slots|mchunk_memmove|" \
		"num_free_chunks|relist_page|shrink_worker|size_to_chunks|" \
		"slots_to_pool|zhdr_to_pool)$"
	# frames a stuck task's stack begins with, which say nothing of why
	WAIT_FRAME = "^(__schedule|schedule|schedule_.*|io_schedule.*|" \
		"preempt_schedule.*|_?_cond_resched|.*wait_for_common.*|" \
		"wait_for_completion.*|__mutex_lock.*|mutex_lock.*|" \
		"rwsem_down_.*|down_.*|__down.*|.*queued_spin_lock_slowpath|" \
		"do_raw_spin_lock|_raw_spin_lock.*|lock_acquire|__lock_acquire|" \
		"bit_wait.*|.*wait_on_bit.*|folio_wait_.*|__folio_lock.*|" \
		"__lock_page.*|cpu_relax|delay_tsc|__const_udelay)$"
}

# ---- helpers ------------------------------------------------------------

# fname(s): the function of a frame or RIP, without offset and clone suffix
function fname(s) {
	sub(/^ *(\? )?/, "", s)
	sub(/\+0x.*/, "", s)
	sub(/\.(isra|constprop|part|cold)\.[0-9]+.*/, "", s)
	return s
}

# where(frames, n, any): "F <- C" of the first z3fold/zswap frame F and its
# caller C; with any, of the first frame that is not a wait or a lock
# when none is z3fold's.
function where(frames, n, any,    i) {
	for (i = 1; i <= n; i++)
		if (frames[i] ~ Z3_FRAME)
			break
	if (i > n && any)
		for (i = 1; i <= n; i++)
			if (frames[i] !~ WAIT_FRAME)
				break
	if (i > n)
		return ""
	return frames[i] (i < n ? " <- " frames[i + 1] : "")
}

# is_frame(): this line is a frame of a call trace
function is_frame() {
	return $0 ~ /^ +[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+\/0x[0-9a-f]+( \[[^]]*\])?$/
}

# relpath(p): a source path as the tree names it, not as seen from O=
function relpath(p) {
	sub(/^(\.\.\/)+[^\/]+\//, "", p)
	return p
}

# strip_addr(s): the head of a report without the addresses that differ
# from run to run
function strip_addr(s) {
	gsub(/\+0x[0-9a-f]+\/0x[0-9a-f]+/, "", s)
	return s
}

# ---- reports, named -------------------------------------------------------

# name_report: name the report collected so far; print report= for the
# first.
function name_report(    s, w, f, named) {
	rep = 2
	s = rhead
	named = 1
	w = where(rframes, nrframes, 0)
	f = w
	sub(/ <- .*/, "", f)
	if (s ~ /^INFO: task .* blocked for more than/) {
		s = hung_task_name(s)
		w = where(rframes, nrframes, 1)
		s = "hang: task " s " blocked" (w != "" ? " in " w : "")
		w = ""
	} else if (s ~ /soft lockup - CPU#[0-9]+ stuck for/) {
		sub(/.*\[/, "", s)
		sub(/:[0-9]+\]$/, "", s)
		w = where(rframes, nrframes, 1)
		s = "soft lockup: task " s " stuck" (w != "" ? " in " w : "")
		w = ""
	} else if (s ~ /BUG: KASAN: [^ ]+ in /) {
		match(s, /BUG: KASAN: [^ ]+ in [A-Za-z0-9_.]+/)
		s = substr(s, RSTART, RLENGTH)
		sub(/\.(isra|constprop|part|cold)\.[0-9]+$/, "", s)
	} else if (s ~ /^WARNING: CPU: [0-9]+ PID: [0-9]+ at /) {
		s = "WARNING at " (rwarn != "" ? rwarn " in " : "") rwfunc
	} else if (s ~ /^kernel BUG at /) {
		sub(/!$/, "", s)
		s = s (rrip != "" ? " in " rrip : "")
	} else if (s ~ /^(general protection fault|BUG: (kernel NULL pointer|unable to handle)|Oops)/) {
		sub(/,.*/, "", s)
		sub(/ for address.*|: [0-9a-f]+ \[#.*/, "", s)
		s = s (rrip != "" ? " in " rrip : "")
	} else if (s ~ /^list_(add|del) corruption/) {
		sub(/[.,] .*/, "", s)
		named = 0
	} else if (s ~ /^refcount_t: /) {
		named = 0
	} else {
		s = strip_addr(s)
		named = 0
	}
	if (!named && w == "" && rwfunc != "")
		w = rwfunc
	# the top z3fold/zswap frame and its caller, unless the head ends
	# with it already (then only its caller)
	if (w != "" && s ~ (f "$"))
		s = s substr(w, length(f) + 1)
	else if (w != "" && !index(s, f))
		s = s (named ? " (from " w ")" : " in " w)
	if (report == "") {
		report = s
		print "report=" report
	}
	if (rburst)
		burst = s
	if (burst_reset)
		burst = ""
	burst_reset = 0
}

# hung_task_name(line): the task of "INFO: task COMM:PID blocked ..."
function hung_task_name(s) {
	sub(/^INFO: task /, "", s)
	sub(/ blocked for more than.*/, "", s)
	sub(/:[0-9]+$/, "", s)
	return s
}

# ---- stacks of stuck tasks ------------------------------------------------

# end_stack: weigh the stack collected so far.
function end_stack(    w, verb, kind) {
	if (!sk)
		return
	nstacks++
	w = where(sframes, nsframes, 0)
	if (sk == "hung" || sstate == "D") {
		kind = "hang: "
		verb = "blocked"
	} else if (sk == "lockup") {
		kind = "soft lockup: "
		verb = "stuck"
	} else if (sk == "nmi" || sstate == "R") {
		verb = "running"
	} else {
		verb = "waiting"
	}
	if (w != "" && stack_z3 == "")
		stack_z3 = kind "task " stask " " verb " in " w
	if (w == "" && (sk == "hung" || sk == "lockup") && stack_any == "") {
		w = where(sframes, nsframes, 1)
		stack_any = kind "task " stask " " verb (w != "" ? " in " w : "")
	}
	sk = ""
}

# start_stack(KIND, TASK, STATE)
function start_stack(kind, task, state) {
	end_stack()
	sk = kind
	stask = task
	sstate = state
	nsframes = 0
	sirq = 0
	delete sframes
}
