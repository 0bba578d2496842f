#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The man page renders without warnings and documents every option --help lists.
# Usage: check-man-page.sh SECURECHAT_CLI MAN_PAGE
set -euo pipefail
cli=$1
page=$2
warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
[ -z "$warnings" ] || { echo "groff warnings: $warnings"; exit 1; }
rendered=$(groff -man -Tutf8 -P-cbou "$page")
for command in host connect identity peers; do
    for option in $("$cli" "$command" --help | grep -oE '^  --[a-z-]+'); do
        grep -q -- "$option" <<<"$rendered" || { echo "man page lacks $command $option"; exit 1; }
    done
done
echo "man page documents every option"
