#!/bin/sh
# SPDX-License-Identifier: MIT
# check-tidy.sh BUILD_DIR SOURCE_DIR: runs clang-tidy (.clang-tidy's checks) on every core/ source
# with the build's compile commands, both cores at once; any warning fails.
set -eu
build_dir=$1
source_dir=$2
ls "$source_dir"/core/*/*.cpp \
    | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build_dir" --quiet 2>/dev/null
