#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A real avahi-daemon for the discovery tests, with no multicast packet leaving the machine.
#
#   avahi-namespace.sh start NAME STATE_DIR           make the namespace, start D-Bus and avahi-daemon
#   avahi-namespace.sh exec  NAME STATE_DIR PROGRAM.. run PROGRAM inside it, on its D-Bus
#   avahi-namespace.sh stop  NAME STATE_DIR           stop both, delete the namespace and STATE_DIR
#   avahi-namespace.sh daemon-stop|daemon-start NAME STATE_DIR
#                                                     stop or start avahi-daemon alone (for the tests
#                                                     of what happens when it goes away and comes back)
#
# Why nothing leaves: the network namespace NAME holds only `lo` and a veth pair whose two ends are
# both inside it (`start` checks that no link has a peer in another namespace). mDNS goes out on one
# veth end and comes back on the other; there is no link, route or bridge to the real network, so a
# packet has no way out. The notes in shared/AVAHI-TEST-NOTES.md record 0 packets captured on the
# real interface while the tests ran.
#
# Where a namespace cannot be made (not root, no CAP_SYS_ADMIN), `start` succeeds without making one
# and writes the reason to STATE_DIR/unavailable; `exec` then runs PROGRAM outside any namespace with
# SECURECHAT_DISCOVERY_UNAVAILABLE set to that reason, and the test skips what needs the daemon.
set -euo pipefail

usage() {
    echo "usage: $0 start|exec|stop|daemon-stop|daemon-start NAME STATE_DIR [PROGRAM ARGS...]" >&2
    exit 2
}
[ $# -ge 3 ] || usage
command=$1 namespace=$2 state=$3
shift 3
# shellcheck source=tests/support/namespace-common.sh
. "$(dirname "$0")/namespace-common.sh"

# The avahi-daemon listens on one veth end only: on both, every service would be seen twice.
inside_link=sc-avahi
outside_link=sc-peer

stop_namespace() {
    kill_recorded "$state/avahi.pid" avahi-daemon
    kill_recorded "$state/dbus.pid" dbus-daemon
    remove_namespace
}

# The namespace, its links, and the proof that none of them leads outside.
make_namespace() {
    add_namespace || return 1
    ip -n "$namespace" link add "$inside_link" type veth peer name "$outside_link"
    ip -n "$namespace" addr add 198.51.100.1/24 dev "$inside_link"
    ip -n "$namespace" addr add 198.51.100.2/24 dev "$outside_link"
    # avahi-daemon silently ignores an interface without multicast.
    ip -n "$namespace" link set "$inside_link" multicast on up
    ip -n "$namespace" link set "$outside_link" multicast on up
    check_no_link_leaves
}

write_config() {
    cat >"$state/avahi.conf" <<CONF
[server]
host-name=securechat-test
use-ipv4=yes
use-ipv6=no
allow-interfaces=$inside_link
enable-dbus=yes
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
[reflector]
enable-reflector=no
CONF
}

start_avahi() {
    # avahi-daemon's pid file is hard-wired to /run/avahi-daemon/pid: a private /run in a mount
    # namespace of its own keeps it from meeting the system's daemon, or another build's.
    # ip netns exec, unshare and sh all exec: $! is avahi-daemon's pid.
    DBUS_SYSTEM_BUS_ADDRESS=$bus_address ip netns exec "$namespace" \
        unshare --mount --propagation private \
        sh -c 'mount -n -t tmpfs -o mode=0755 tmpfs /run && exec avahi-daemon -f "$1" --no-drop-root --no-chroot --no-rlimits' \
        sh "$state/avahi.conf" </dev/null >>"$state/avahi.log" 2>&1 &
    echo $! >"$state/avahi.pid"
}

avahi_running() {
    local pid
    pid=$(cat "$state/avahi.pid" 2>/dev/null) || return 1
    # A zombie no longer holds its D-Bus name nor its sockets: it counts as stopped.
    [ -n "$pid" ] && grep -qs '^State:[[:space:]]*[^Z]' "/proc/$pid/status"
}

stop_avahi() {
    local tries=50
    avahi_running || return 0
    kill_recorded "$state/avahi.pid" avahi-daemon
    while avahi_running && [ $((tries--)) -gt 0 ]; do
        sleep 0.1
    done
    ! avahi_running
}

# avahi-client fails at once when the daemon is not up yet: wait until it says S_RUNNING (2).
wait_until_running() {
    local tries=100 pid
    pid=$(cat "$state/avahi.pid")
    while [ $((tries--)) -gt 0 ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "avahi-daemon exited while starting:" >&2
            cat "$state/avahi.log" >&2
            return 1
        fi
        if DBUS_SYSTEM_BUS_ADDRESS=$bus_address dbus-send --system --print-reply --reply-timeout=1000 \
            --dest=org.freedesktop.Avahi / org.freedesktop.Avahi.Server.GetState 2>/dev/null \
            | grep -q "int32 2"; then
            return 0
        fi
        sleep 0.1
    done
    echo "avahi-daemon did not reach the running state within 10 s:" >&2
    cat "$state/avahi.log" >&2
    return 1
}

case $command in
start)
    prepare_namespace "The discovery tests"
    write_config
    start_bus
    start_avahi
    wait_until_running || exit 1
    echo "avahi-daemon $(cat "$state/avahi.pid") runs in network namespace $namespace, D-Bus at $bus_address"
    ;;
exec)
    [ $# -ge 1 ] || usage
    exec_in_namespace SECURECHAT_DISCOVERY "$@"
    ;;
daemon-stop)
    stop_avahi
    ;;
daemon-start)
    avahi_running && exit 0
    start_avahi
    wait_until_running
    ;;
stop)
    stop_namespace
    ;;
*)
    usage
    ;;
esac
