#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/clean.sh [--help]
#
# Remove the output dir ($O, default out/) and, when $O has spaces, the
# kernel work dir kept for it under $CACHE. The extracted base stays.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

no_args "$@"
rm -rf "$WORK" "$OUT"
msg "removed $OUT"
