#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav sandbox --once --kill pasis`: the unified view is a partial answer
# whose ProcessingStatus has a NoDataSynchFailed record for the PASiS unit.
set -euo pipefail
tidnav=$1
work=$2
rm -rf "$work"; mkdir -p "$(dirname "$work")"
"$tidnav" sandbox --once --kill pasis --dir "$work" | tee "$work.out"
grep -q "partial answer" "$work.out"
grep -qE "ProcessingStatus: .*SE2321000016-SKP1 NoDataSynchFailed" "$work.out"
grep -q "skipped: the PASiS adapter is stopped" "$work.out"
echo "sandbox kill passed"
