#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/deps.sh [--list] [check|test]...
#
# Make sure the Debian packages a job needs are installed: as root, install
# the missing ones with apt-get (and say which); otherwise print the exact
# apt-get line and exit 2. Checking costs one dpkg-query.
#   check  what 'make check' needs (the default)
#   test   what 'make test' needs on top: the send round trip, linting,
#          and Node.js for gitlab-ci-local
#
#   --list  print the packages required, one line, and check nothing
#
# 'check' includes the Debian package of the branch's base tarball
# (linux-source-X.Y of its BASE; none with KSRC= or a tarball outside
# /usr/src), so each branch of 'make check' installs its own.
#
#   DEPS_INSTALL=no  never run apt-get; only name what is missing
#   DEPS_EXTRA="pkg..."  more packages to require
#
# Exit: 0 everything is installed, 2 something is missing or apt-get failed.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

LOG=$LOGS/deps.log

packages() {
	local group
	for group in "$@"; do
		case $group in
		check)
			echo build-essential bc bison flex libelf-dev libssl-dev cpio \
				xz-utils perl python3 git patch quilt sparse ccache \
				coccinelle qemu-system-x86 codespell \
				clang lld llvm gcc-aarch64-linux-gnu
			base_package ;;
		test)
			echo shellcheck b4 git-email python3-aiosmtpd python3-yaml nodejs rsync
			# A Node.js from elsewhere (NodeSource) brings its own npm;
			# Debian's npm would replace that nodejs.
			command -v npm >/dev/null 2>&1 || echo npm ;;
		*) die "$EX_SETUP" "unknown group '$group' (check or test)" ;;
		esac
	done
	echo "${DEPS_EXTRA:-}"
}

# base_package: the Debian package shipping the base tarball, if the base
# comes from one: a KSRC tree or a tarball elsewhere needs none.
base_package() {
	local tarball
	[[ -z ${KSRC:-} ]] || return 0
	tarball=$(base_tarball)
	[[ $tarball =~ ^/usr/src/(linux-source-[0-9]+\.[0-9]+)\.tar\.xz$ ]] || return 0
	echo "${BASH_REMATCH[1]}"
}

# missing PKG...: the packages of PKG... that are not installed, one per
# line, found by a single dpkg-query (an unknown package is missing).
missing() {
	local -A ok=()
	local status name
	while read -r status name; do
		[[ $status == ii* ]] && ok[${name%%:*}]=1
	done < <(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "$@" 2>/dev/null)
	for name in "$@"; do
		[[ -n ${ok[$name]:-} ]] || printf '%s\n' "$name"
	done
}

main() {
	local pkgs missing=()
	local list=0
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	--list) list=1; shift ;;
	esac
	read -ra pkgs <<<"$(packages "${@:-check}" | tr '\n' ' ')"
	if ((list)); then
		echo "${pkgs[*]}"
		return 0
	fi
	need_tool dpkg-query dpkg
	mapfile -t missing < <(missing "${pkgs[@]}")
	[[ ${#missing[@]} -gt 0 ]] || return 0
	if [[ $(id -u) != 0 || ${DEPS_INSTALL:-yes} == no ]]; then
		die "$EX_SETUP" "missing packages: ${missing[*]}; install them with: apt-get install -y --no-install-recommends ${missing[*]}"
	fi
	msg "installing ${missing[*]} (apt-get, log: $LOG)"
	mkdir -p "$LOGS"
	{
		apt-get update &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y \
				--no-install-recommends "${missing[@]}"
	} >"$LOG" 2>&1 ||
		die "$EX_SETUP" "apt-get install ${missing[*]} failed; log: $LOG"
}

main "$@"
