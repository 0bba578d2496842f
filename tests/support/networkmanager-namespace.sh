#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A real NetworkManager for the test of reconnecting when the network comes back, touching nothing
# of the machine's own network.
#
#   networkmanager-namespace.sh start NAME STATE_DIR       make the namespace, start D-Bus and
#                                                           NetworkManager, wait until it is online
#   networkmanager-namespace.sh exec  NAME STATE_DIR PROGRAM..
#                                                           run PROGRAM inside it, on its D-Bus
#   networkmanager-namespace.sh link-down NAME STATE_DIR   unplug the managed link; returns once
#                                                           NetworkManager says disconnected
#   networkmanager-namespace.sh link-up NAME STATE_DIR     plug it back in
#   networkmanager-namespace.sh stop  NAME STATE_DIR       stop both, delete the namespace and STATE_DIR
#
# Why nothing leaves and nothing of the machine changes:
# - The network namespace NAME holds only `lo` and a veth pair whose two ends are both inside it
#   (`start` checks that no link has a peer in another namespace). NetworkManager manages one end
#   with a static profile whose gateway is the other end, so it has a default route and reports
#   itself online (connectivity checks are off: it never tries to reach anything).
# - NetworkManager runs in a mount and UTS namespace of its own: a tmpfs on /run (its run folder is
#   hard-wired), STATE_DIR bound over /var/lib/NetworkManager, /sys read-only (so it does not wait for
#   udev, which does not see links in this namespace) and its own host name. Its configuration,
#   profiles and state files are all in STATE_DIR; it sets no DNS (dns=none, rc-manager=unmanaged),
#   no host name, and its dispatcher scripts cannot run: the private D-Bus starts no service.
#
# Where a namespace cannot be made (not root, no CAP_SYS_ADMIN) or NetworkManager is not installed,
# `start` succeeds without making one and writes the reason to STATE_DIR/unavailable; `exec` then
# runs PROGRAM outside any namespace with SECURECHAT_NETWORKMANAGER_UNAVAILABLE set to that reason,
# and the test skips.
set -euo pipefail

usage() {
    echo "usage: $0 start|exec|link-down|link-up|stop NAME STATE_DIR [PROGRAM ARGS...]" >&2
    exit 2
}
[ $# -ge 3 ] || usage
command=$1 namespace=$2 state=$3
shift 3
# shellcheck source=tests/support/namespace-common.sh
. "$(dirname "$0")/namespace-common.sh"

managed_link=sc-nm
# The other end: the managed link's gateway. Unplugging it takes the managed link's carrier away.
peer_link=sc-nm-peer
# NetworkManager's State property (NMState).
StateDisconnected=20
StateConnectedGlobal=70

stop_namespace() {
    kill_recorded "$state/networkmanager.pid" NetworkManager
    kill_recorded "$state/dbus.pid" dbus-daemon
    remove_namespace
}

# The namespace, its links, and the proof that none of them leads outside.
make_namespace() {
    if ! command -v NetworkManager >/dev/null; then
        echo "NetworkManager is not installed (Debian package network-manager; scripts/setup installs it)" \
            >"$state/unavailable"
        return 1
    fi
    add_namespace || return 1
    ip -n "$namespace" link add "$managed_link" type veth peer name "$peer_link"
    ip -n "$namespace" addr add 198.51.100.2/24 dev "$peer_link"
    ip -n "$namespace" link set "$peer_link" up
    check_no_link_leaves
}

write_configs() {
    mkdir -p "$state/conf.d" "$state/system-conf.d" "$state/profiles" "$state/lib"
    cat >"$state/NetworkManager.conf" <<CONF
[main]
plugins=keyfile
dns=none
rc-manager=unmanaged
systemd-resolved=false
hostname-mode=none
no-auto-default=*
auth-polkit=false
[keyfile]
path=$state/profiles
unmanaged-devices=except:interface-name:$managed_link
[connectivity]
enabled=false
CONF
    cat >"$state/profiles/$managed_link.nmconnection" <<CONF
[connection]
id=$managed_link
type=ethernet
interface-name=$managed_link
autoconnect=true
[ipv4]
method=manual
address1=198.51.100.1/24,198.51.100.2
[ipv6]
method=disabled
CONF
    # NetworkManager ignores a profile that others can read.
    chmod 0600 "$state/profiles/$managed_link.nmconnection"
}

start_networkmanager() {
    # ip netns exec, unshare and sh all exec: $! is NetworkManager's pid.
    DBUS_SYSTEM_BUS_ADDRESS=$bus_address ip netns exec "$namespace" \
        unshare --mount --uts --propagation private \
        sh -c 'mount -n -t tmpfs -o mode=0755 tmpfs /run \
            && mount -n --bind "$1/lib" /var/lib/NetworkManager \
            && mount -n --bind /sys /sys && mount -n -o remount,bind,ro /sys \
            && exec NetworkManager --debug --config="$1/NetworkManager.conf" \
                --config-dir="$1/conf.d" --system-config-dir="$1/system-conf.d" \
                --intern-config="$1/lib/NetworkManager-intern.conf" \
                --state-file="$1/lib/NetworkManager.state"' \
        sh "$state" </dev/null >>"$state/networkmanager.log" 2>&1 &
    echo $! >"$state/networkmanager.pid"
}

networkmanager_state() {
    DBUS_SYSTEM_BUS_ADDRESS=$bus_address dbus-send --system --print-reply --reply-timeout=1000 \
        --dest=org.freedesktop.NetworkManager /org/freedesktop/NetworkManager \
        org.freedesktop.DBus.Properties.Get string:org.freedesktop.NetworkManager string:State \
        2>/dev/null | awk '/uint32/ { print $3 }'
}

# wait_for_state STATE SECONDS
wait_for_state() {
    local tries=$(($2 * 10)) pid last=
    pid=$(cat "$state/networkmanager.pid")
    while [ $((tries--)) -gt 0 ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "NetworkManager exited:" >&2
            tail -n 30 "$state/networkmanager.log" >&2
            return 1
        fi
        last=$(networkmanager_state)
        [ "$last" = "$1" ] && return 0
        sleep 0.1
    done
    echo "NetworkManager did not reach state $1 within $2 s (it says ${last:-nothing}):" >&2
    grep -v -e '<debug>' -e '<trace>' "$state/networkmanager.log" | tail -n 30 >&2
    return 1
}

case $command in
start)
    prepare_namespace "The test"
    write_configs
    start_bus
    start_networkmanager
    wait_for_state $StateConnectedGlobal 20 || exit 1
    echo "NetworkManager $(cat "$state/networkmanager.pid") runs in network namespace $namespace, D-Bus at $bus_address"
    ;;
exec)
    [ $# -ge 1 ] || usage
    exec_in_namespace SECURECHAT_NETWORKMANAGER "$@"
    ;;
link-down)
    ip -n "$namespace" link set "$peer_link" down
    # NetworkManager waits 6 s after a carrier is lost before it deactivates the link.
    wait_for_state $StateDisconnected 20
    ;;
link-up)
    ip -n "$namespace" link set "$peer_link" up
    ;;
stop)
    stop_namespace
    ;;
*)
    usage
    ;;
esac
