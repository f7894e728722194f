#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/ci-local.sh [--list] [JOB...] [-- GITLAB-CI-LOCAL-OPTION...]
#
# Run jobs of .gitlab-ci.yml here, with a real GitLab CI engine:
# gitlab-ci-local (from the npm registry, a pinned version, installed once
# into $CACHE/npm) with the shell executor, in this checkout. The jobs run
# exactly their script lines; this machine's caches are passed in (CACHE,
# CCACHE_DIR) instead of the project-local ones the YAML names for a
# runner. --list lists the pipeline's jobs (the YAML parsed and checked
# against GitLab's schema). Options after -- go to gitlab-ci-local, e.g.
# '--variable O=out' to reuse make check's output dir.
#
#   GITLAB_CI_LOCAL  the gitlab-ci-local to run instead of the pinned one
#
# Exit: gitlab-ci-local's: 0 the jobs passed; 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

# 4.60 is the newest whose engines field takes Debian 12's Node.js 18;
# later ones need Node.js 20 or 22.
readonly GCL_VERSION=4.60.0

# gitlab_ci_local: the path of the pinned gitlab-ci-local, installed if
# missing.
gitlab_ci_local() {
	local prefix=$CACHE/npm/gitlab-ci-local-$GCL_VERSION
	local bin=$prefix/node_modules/.bin/gitlab-ci-local
	if [[ -n ${GITLAB_CI_LOCAL:-} ]]; then
		printf '%s\n' "$GITLAB_CI_LOCAL"
		return
	fi
	if [[ ! -x $bin ]]; then
		need_tool npm npm
		msg "installing gitlab-ci-local $GCL_VERSION from the npm registry into $prefix (once)"
		mkdir -p "$prefix"
		npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
			"gitlab-ci-local@$GCL_VERSION" >&2 ||
			die "$EX_SETUP" "npm install gitlab-ci-local@$GCL_VERSION failed"
	fi
	printf '%s\n' "$bin"
}

main() {
	local gcl jobs=() opts=()
	while (($#)); do
		case $1 in
		-h | --help) usage_from_header; exit 0 ;;
		--list) opts+=(--list) ;;
		--) shift; opts+=("$@"); break ;;
		-*) die "$EX_SETUP" "unknown option '$1' (see --help)" ;;
		*) jobs+=("$1") ;;
		esac
		shift
	done
	need_tool node nodejs
	gcl=$(gitlab_ci_local)
	cd "$REPO"
	# gitlab-ci-local takes its state dir relative to the checkout.
	exec "$gcl" --force-shell-executor \
		--state-dir "$(realpath -m --relative-to="$REPO" "$OUT/gitlab-ci-local")" \
		--variable "CACHE=$CACHE" \
		--variable "CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}" \
		${opts[@]+"${opts[@]}"} ${jobs[@]+"${jobs[@]}"}
}

main "$@"
