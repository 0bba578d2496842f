#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs a widget test on a real X display that has a system tray: a private Xvfb (xvfb-run) with
# trayer docking the icons, and the xcb platform instead of offscreen (which has no tray).
#   with-tray.sh TEST [ARGS...]
set -euo pipefail
if [ -z "${SECURECHAT_WITH_TRAY:-}" ]; then
    SECURECHAT_WITH_TRAY=1 exec xvfb-run -a -s "-screen 0 1024x768x24" "$0" "$@"
fi
trayer --edge top --align right --widthtype request --height 32 --SetDockType true >/dev/null 2>&1 &
tray=$!
trap 'kill "$tray" 2>/dev/null || true' EXIT
QT_QPA_PLATFORM=xcb "$@"
