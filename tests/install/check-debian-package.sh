#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb with CPack, unpacks it into a scratch root and runs the programs from there.
# Usage: check-debian-package.sh BUILD_DIR
set -euo pipefail
build=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$scratch" && cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" >/dev/null)
deb=$(ls "$scratch"/out/*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6network6 libqt6widgets6 libssl3 libqt6svg6; do
    grep -q "$needed" <<<"$depends" || { echo "Depends lacks $needed: $depends"; exit 1; }
done

dpkg -x "$deb" "$scratch/root"
for file in usr/bin/securechat usr/bin/securechat-cli usr/share/man/man1/securechat-cli.1 \
    usr/share/applications/io.github.securechat.SecureChat.desktop \
    usr/share/metainfo/io.github.securechat.SecureChat.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/io.github.securechat.SecureChat.svg \
    usr/share/icons/hicolor/48x48/apps/io.github.securechat.SecureChat.png; do
    [ -e "$scratch/root/$file" ] || { echo "the package lacks /$file"; exit 1; }
done
"$scratch/root/usr/bin/securechat-cli" --version | grep -q "^securechat-cli "
QT_QPA_PLATFORM=offscreen "$scratch/root/usr/bin/securechat" --version | grep -q "^securechat "
echo "package $(basename "$deb") installs and runs; Depends: $depends"
