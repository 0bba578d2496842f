#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What a script asks the build for, without building: cmake and ctest are replaced on PATH by
# stand-ins that record their arguments (the build stand-in leaves an app that records its own).
# Usage: check-build-scope.sh SOURCE_DIR run|test
#   run:  scripts/run builds the securechat target alone, says so first, then starts the app
#   test: scripts/test builds every target, then runs ctest
set -euo pipefail
source_dir=$1
script=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
cat >"$work/bin/cmake" <<'STANDIN'
#!/usr/bin/env bash
echo "cmake $*" >>"$SCOPE_LOG"
if [ "$1" = "--build" ]; then
    mkdir -p "$2/app"
    printf '#!/bin/sh\necho "app $*" >>"%s"\n' "$SCOPE_LOG" >"$2/app/securechat"
    chmod +x "$2/app/securechat"
fi
STANDIN
printf '#!/bin/sh\necho "ctest $*" >>"$SCOPE_LOG"\n' >"$work/bin/ctest"
chmod +x "$work/bin/cmake" "$work/bin/ctest"

export SCOPE_LOG="$work/log" SECURECHAT_BUILD_DIR="$work/build"
PATH="$work/bin:$PATH" "$source_dir/scripts/$script" --version 2>"$work/stderr" >/dev/null
build=$(grep '^cmake --build' "$work/log") || { echo "scripts/$script built nothing"; exit 1; }
fail() { echo "scripts/$script: $1"; echo "build: $build"; cat "$work/stderr"; exit 1; }
case $script in
run)
    grep -q -- '--target securechat$' <<<"$build" || fail "builds more than the app"
    grep -q '^Building SecureChat (the first time takes' "$work/stderr" || fail "does not say it is building"
    grep -q '^app --version$' "$work/log" || fail "did not start the app with its arguments"
    ;;
test)
    ! grep -q -- '--target' <<<"$build" || fail "builds only some targets"
    grep -q '^ctest ' "$work/log" || fail "did not run ctest"
    ;;
esac
echo "scripts/$script: $build"
