# SPDX-License-Identifier: MIT
# shellcheck shell=bash disable=SC2154 # namespace and state: set by the sourcing script
# What the test fixtures that run a real daemon in a network namespace of their own share
# (avahi-namespace.sh, networkmanager-namespace.sh). Sourced, not run; the sourcing script sets
# `namespace` (the network namespace's name) and `state` (its 0700 folder) first, and defines
# stop_namespace (its daemons stopped, then remove_namespace) and make_namespace (add_namespace,
# its links, then check_no_link_leaves).

bus_address="unix:path=$state/bus"

# kill_recorded PID_FILE PROGRAM: only if that pid still is PROGRAM (a stale file may name another).
kill_recorded() {
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 0
    [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && kill "$pid" 2>/dev/null
    return 0
}

# After the daemons were told to stop: the namespace and the state folder go.
remove_namespace() {
    local pid tries=50
    if [ -e "/run/netns/$namespace" ]; then
        # Whatever still runs in the namespace was started for the tests (a daemon exiting, the
        # processes of a test).
        while [ -n "$(ip netns pids "$namespace" 2>/dev/null)" ] && [ $((tries--)) -gt 0 ]; do
            sleep 0.1
        done
        for pid in $(ip netns pids "$namespace" 2>/dev/null); do
            kill -KILL "$pid" 2>/dev/null || true
        done
        ip netns del "$namespace"
    fi
    rm -rf "$state"
}

# The namespace with `lo` up; 1, with the reason in STATE/unavailable, where none can be made.
add_namespace() {
    local error
    if [ "$(id -u)" -ne 0 ]; then
        echo "creating a network namespace needs root (running as uid $(id -u))" >"$state/unavailable"
        return 1
    fi
    if ! error=$(ip netns add "$namespace" 2>&1); then
        echo "cannot create a network namespace: $error" >"$state/unavailable"
        return 1
    fi
    ip -n "$namespace" link set lo up
}

# The proof that no link of the namespace leads outside it.
check_no_link_leaves() {
    if ip -n "$namespace" -d -o link show | grep -q "link-netns"; then
        echo "a link of namespace $namespace leads to another namespace:" >&2
        ip -n "$namespace" -d -o link show >&2
        return 2
    fi
}

# prepare_namespace WHO_SKIPS: the namespace made afresh, after what a crashed earlier run left.
# Where none can be made, says so and exits with success (WHO_SKIPS: the tests that will skip).
prepare_namespace() {
    local status=0
    stop_namespace
    mkdir -p "$state"
    chmod 0700 "$state"
    make_namespace || status=$?
    if [ $status -eq 1 ]; then
        echo "No network namespace: $(cat "$state/unavailable"). $1 will skip." >&2
        exit 0
    fi
    [ $status -eq 0 ] || exit 1
}

# A private D-Bus bus at $bus_address, started inside the namespace.
start_bus() {
    cat >"$state/dbus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <listen>$bus_address</listen>
  <auth>EXTERNAL</auth>
  <!-- Only root can reach the socket (its folder is 0700), so everyone on the bus may do anything:
       a daemon must own its name, which a system-style policy forbids. No servicedir: the bus
       starts no service of the machine's. -->
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
CONF
    ip netns exec "$namespace" dbus-daemon --config-file="$state/dbus.conf" --fork --print-pid \
        </dev/null >"$state/dbus.pid"
}

# exec_in_namespace PREFIX PROGRAM ARGS...: PROGRAM inside the namespace, on its bus, told where it
# runs by PREFIX_NETNS and PREFIX_STATE; where no namespace could be made, outside it with
# PREFIX_UNAVAILABLE set to the reason.
exec_in_namespace() {
    local prefix=$1
    shift
    if [ -f "$state/unavailable" ]; then
        exec env "${prefix}_UNAVAILABLE=$(cat "$state/unavailable")" "$@"
    fi
    if [ ! -e "/run/netns/$namespace" ]; then
        echo "network namespace $namespace does not exist: run '$0 start' first (ctest does)" >&2
        exit 1
    fi
    exec ip netns exec "$namespace" env DBUS_SYSTEM_BUS_ADDRESS="$bus_address" \
        "${prefix}_NETNS=$namespace" "${prefix}_STATE=$state" "$@"
}
