#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The .desktop and AppStream files pass their validators. Usage: validate-desktop-files.sh DIR
set -euo pipefail
dir=$1
desktop-file-validate "$dir"/*.desktop
appstreamcli validate --no-net --pedantic "$dir"/*.metainfo.xml
