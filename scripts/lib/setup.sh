# SPDX-License-Identifier: MIT
# Shared by the scripts: install what a fresh Debian 12 machine lacks, then configure and build.
# Sourced, not run.

SECURECHAT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian packages that configuring and building need (the configure step also checks for the
# style tools); scripts/run installs only these.
SECURECHAT_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libgl-dev libqt6svg6 libqt6sql6-sqlite
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    libssl-dev openssl clang-format clang-tidy libavahi-client-dev
)

# What the tests run besides the build: interop peers (ncat, openssl), a display (xvfb), package
# checks, and real daemons each test starts in a namespace or on a bus of its own: avahi-daemon
# (discovery), dunst (the notification server), trayer (the system tray of the tray tests' Xvfb),
# network-manager (the NetworkManager of the reachability test). Not needed to run the app.
SECURECHAT_TEST_PACKAGES=(
    ncat python3 xvfb xauth
    desktop-file-utils appstream dpkg-dev groff-base
    avahi-daemon avahi-utils dbus iproute2
    dunst trayer network-manager
)

securechat_missing_packages() {
    local missing=() pkg
    for pkg in "${SECURECHAT_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    echo "${missing[@]}"
}

# avahi-daemon is installed for the discovery tests, which run their own inside a network namespace
# (tests/support/avahi-namespace.sh). Where the package has just been installed, its maintainer
# script may have started the system's daemon: stop it, so that installing build dependencies does
# not start announcing this machine on the network. A daemon that was there before is left alone.
securechat_stop_installed_avahi() {
    case " $1 " in *" avahi-daemon "*) ;; *) return 0 ;; esac
    if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
        systemctl disable --now avahi-daemon.socket avahi-daemon.service >/dev/null 2>&1 || true
    fi
    avahi-daemon --kill 2>/dev/null || true
}

# network-manager is installed for the reachability test, which runs its own NetworkManager inside a
# network namespace (tests/support/networkmanager-namespace.sh). Where it is about to be installed,
# its services are masked first: its maintainer script would start NetworkManager on this machine,
# where it takes over network links that something else configured. The package does not undo a
# mask it did not make; it only says it cannot enable what is masked ("Failed to preset unit").
# An existing installation is left alone.
securechat_mask_networkmanager() {
    case " $1 " in *" network-manager "*) ;; *) return 0 ;; esac
    local unit
    mkdir -p /etc/systemd/system
    for unit in NetworkManager.service NetworkManager-wait-online.service; do
        [ -e "/etc/systemd/system/$unit" ] || [ -L "/etc/systemd/system/$unit" ] \
            || ln -s /dev/null "/etc/systemd/system/$unit"
    done
}

# Installs missing packages when root; otherwise prints the one command to run and fails.
securechat_install_dependencies() {
    local missing
    missing=$(securechat_missing_packages "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing: $missing" >&2
        export DEBIAN_FRONTEND=noninteractive
        securechat_mask_networkmanager "$missing"
        apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >&2
        securechat_stop_installed_avahi "$missing"
    else
        echo "Missing Debian packages. Run this once, then try again:" >&2
        echo "  sudo apt-get install -y $missing" >&2
        return 1
    fi
}

# securechat_build BUILD_DIR [extra cmake arguments...]: configures and builds everything.
securechat_build() {
    local build_dir=$1
    shift
    cmake -S "$SECURECHAT_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2 \
        && cmake --build "$build_dir" --parallel "$(nproc)" >&2
}

# securechat_build_app BUILD_DIR: configures and builds the desktop app alone (no tests, no
# benchmarks), saying so first, with ninja's progress line while it compiles. CMake's own
# chatter is shown only if configuring fails.
securechat_build_app() {
    local build_dir=$1 log
    if [ -x "$build_dir/app/securechat" ]; then
        echo "Building SecureChat…" >&2
    else
        echo "Building SecureChat (the first time takes about 3 minutes)…" >&2
    fi
    log=$(mktemp)
    if ! cmake -S "$SECURECHAT_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
    cmake --build "$build_dir" --parallel "$(nproc)" --target securechat >&2
}
