# SPDX-License-Identifier: MIT
# Sourced by scripts/bench once every run is done: turns the results into the Markdown table,
# docs/benchmarks.md and the chart of ratios. Reads result[], get(), commands[], aes_mbps and
# the load sizes from scripts/bench.

chart_rows=() # "label|cost ratio|target": every ratio as SecureChat's cost, so lower is better

# ratio A B [FORMAT]: A / B, 3 significant digits unless FORMAT; nan if either is missing or B is 0.
ratio() { awk -v a="$1" -v b="$2" -v f="${3:-%.3g}" 'BEGIN { if (a == "nan" || b == "nan" || b + 0 == 0) print "nan"; else printf f, a / b }'; }
difference() { awk -v a="$1" -v b="$2" -v f="${3:-%.3g}" 'BEGIN { if (a == "nan" || b == "nan") print "nan"; else printf f, a - b }'; }
exact='%.9g' # verdicts are taken on this, not on the 3 digits shown
fmt() { awk -v v="$1" 'BEGIN { if (v == "nan" || v == "") print "–"; else if (v >= 1000) printf "%.0f", v; else if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.3g", v }'; }
times() { [ "$1" = nan ] && echo "–" || echo "$1×"; }
holds() { awk -v r="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (r == "nan") { print "**no** (no value)"; exit }
    ok = (op == "le" && r <= l) || (op == "lt" && r < l) || (op == "ge" && r >= l) || (op == "eq" && r == l)
    print ok ? "yes" : "**no**" }'; }
# lost NAME.KIND: lines missing + repeated + reordered + changed; nan if the run has no result.
lost() {
    local m d r c
    m=$(get missing "$1") d=$(get duplicates "$1") r=$(get reordered "$1") c=$(get corrupt "$1")
    awk -v m="$m" -v d="$d" -v r="$r" -v c="$c" 'BEGIN {
        if (m == "nan" || d == "nan" || r == "nan" || c == "nan") print "nan"; else print m + d + r + c }'
}

# row LOAD MEASURE SECURECHAT QTFLOOR NCAT S_SERVER RULE [LIMIT]
# Every value is a number or nan (no such reference). The "vs" columns are SecureChat's value
# divided by each reference's, except with the rules diff and floor-plus: SecureChat minus the
# Qt floor, in the measure's unit (UNIT, set by the caller).
#   floor-cost:  SecureChat ÷ Qt floor at most LIMIT (lower is better)
#   floor-plus:  SecureChat − Qt floor at most LIMIT
#   diff:        SecureChat − Qt floor shown, no target
#   ncat-rate:   SecureChat ÷ ncat at least 1 (higher is better)
#   ncat-below:  SecureChat ÷ ncat below 1
#   below:       SecureChat's own value below LIMIT
#   zero:        SecureChat's own value exactly 0
#   none:        shown, no target
UNIT=""
row() {
    local load=$1 measure=$2 sc=$3 floor=$4 ncat=$5 sserver=$6 rule=$7 limit=${8:-}
    local vsfloor vsncat vsss target="" verdict="" r
    vsfloor=$(times "$(ratio "$sc" "$floor")") vsncat=$(times "$(ratio "$sc" "$ncat")") vsss=$(times "$(ratio "$sc" "$sserver")")
    case $rule in
    floor-cost)
        target="≤ $limit× Qt floor" verdict=$(holds "$(ratio "$sc" "$floor" $exact)" le "$limit")
        # A ratio that rounds to the limit gets a fourth digit, so that the verdict can be seen.
        [ "$(ratio "$sc" "$floor")" = "$limit" ] && vsfloor=$(times "$(ratio "$sc" "$floor" %.4g)")
        chart_rows+=("$load: $measure vs Qt floor|$(ratio "$sc" "$floor")|$limit")
        ;;
    floor-plus | diff)
        r=$(difference "$sc" "$floor")
        vsfloor=$([ "$r" = nan ] && echo "–" || awk -v d="$r" -v u="$UNIT" 'BEGIN { printf "%+.3g %s", d, u }')
        if [ $rule = floor-plus ]; then
            target="≤ Qt floor + $limit $UNIT" verdict=$(holds "$(difference "$sc" "$floor" $exact)" le "$limit")
            chart_rows+=("$load: $measure vs Qt floor|$(ratio "$sc" "$floor")|$(awk -v f="$floor" -v l="$limit" 'BEGIN { if (f == "nan" || f + 0 == 0) print "nan"; else printf "%.3g", (f + l) / f }')")
        fi
        ;;
    ncat-rate)
        target="≥ ncat's" verdict=$(holds "$(ratio "$sc" "$ncat" $exact)" ge 1)
        chart_rows+=("$load: time per delivered line vs ncat|$(ratio "$ncat" "$sc")|1")
        ;;
    ncat-below)
        target="< ncat's" verdict=$(holds "$(ratio "$sc" "$ncat" $exact)" lt 1)
        chart_rows+=("$load: $measure vs ncat|$(ratio "$sc" "$ncat")|1")
        ;;
    below)
        target="< $limit" verdict=$(holds "$sc" lt "$limit")
        [ -n "$UNIT" ] && target="< $limit $UNIT" && chart_rows+=("$load: $measure vs $limit $UNIT|$(ratio "$sc" "$limit")|1")
        ;;
    zero) target="0" verdict=$(holds "$sc" eq 0) vsfloor="–" vsncat="–" vsss="–" ;; # counts: no ratios
    esac
    echo "| $load | $measure | $(fmt "$sc") | $(fmt "$floor") | $vsfloor | $(fmt "$ncat") | $vsncat | $(fmt "$sserver") | $vsss | $target | $verdict |"
}

# values KEY LOAD NCAT-KIND: SecureChat's, the Qt floor's, ncat's and s_server's KEY for LOAD
# (nan where that server did not run the load).
values() { echo "$(get "$1" "$2.securechat") $(get "$1" "$2.qtfloor") $(get "$1" "$2.$3") $(get "$1" "$2.s_server")"; }

benchmark_table() {
    local name rule
    echo "| Load | Measure | SecureChat | Qt floor | vs Qt floor | ncat | vs ncat | openssl s_server | vs s_server | Target | Holds |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    row handshakes "handshakes/s" $(values per_s handshake ncat-broker) none
    row handshakes "server CPU µs per handshake" $(values server_us_per handshake ncat-broker) floor-cost 1.15
    row handshakes "load generator CPU µs per handshake" $(values loadgen_us_per handshake ncat-broker) none
    for name in relay-one relay-all relay-paced bulk; do
        if [ $name = bulk ]; then
            row bulk "MB/s end to end (ceiling $(awk -v m="$aes_mbps" 'BEGIN { printf "%.0f", m / 2 }'): half of one core's AES-128-GCM)" $(values mb_per_s $name ncat-chat) none
            row bulk "server CPU s per GiB" $(values server_s_per_gib $name ncat-chat) floor-cost 1.5
        else
            rule=ncat-rate && [ $name = relay-paced ] && rule=none
            row "$name" "lines/s delivered" $(values lines_per_s $name ncat-chat) $rule
            row "$name" "MB/s delivered" $(values mb_per_s $name ncat-chat) none
            if [ $name = relay-paced ]; then
                UNIT=µs row "$name" "p50 latency µs" $(values p50_us $name ncat-chat) below 500
                row "$name" "p99 latency µs" $(values p99_us $name ncat-chat) ncat-below
            else
                row "$name" "p50 latency µs" $(values p50_us $name ncat-chat) none
                row "$name" "p99 latency µs" $(values p99_us $name ncat-chat) none
            fi
            row "$name" "server CPU µs per delivered line" $(values server_us_per_line $name ncat-chat) floor-cost 1.15
        fi
        row "$name" "load generator CPU µs per line" $(values loadgen_us_per_line $name ncat-chat) none
        row "$name" "lines lost, repeated, reordered or changed" \
            "$(lost $name.securechat)" "$(lost $name.qtfloor)" "$(lost $name.ncat-chat)" nan zero
    done
    UNIT=KiB row "idle $IDLE_PEERS" "server RSS KiB per idle peer" $(values kib_per_peer idle ncat-broker) floor-plus 8
    UNIT=KiB row "idle $IDLE_PEERS" "KiB per peer past the first $IDLE_CHECKPOINT" $(values kib_per_added_peer idle ncat-broker) diff
    row ui "launch to shown window, ms" "$(get launch_ms ui.securechat)" nan nan nan none
    row ui "append 100,000 messages, CPU s" "$(get append_cpu_s ui.securechat)" nan nan nan below 1
    row ui "append 100,000 messages, extra MiB" "$(get append_extra_mib ui.securechat)" nan nan nan below 200
    row ui "scroll through $(get scroll_pages ui.securechat) pages, CPU s" "$(get scroll_cpu_s ui.securechat)" nan nan nan none
    row ui "peak extra MiB (append and scroll)" "$(get peak_extra_mib ui.securechat)" nan nan nan below 200
}

benchmark_report() {
    local table=$1 command
    cat <<EOF
# Benchmarks

Made by \`scripts/bench\` on $(date -u +%Y-%m-%d): SecureChat's host against the Qt floor,
\`ncat --ssl --chat\`, \`ncat --ssl --broker\` and \`openssl s_server\`, on the same loads, on
loopback, in the same run.
Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), Linux $(uname -r);
$(openssl version | cut -d' ' -f1-2), $(ncat --version 2>&1 | head -1 | sed 's/ (.*//'), Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6).

On two cores the load generator and the server share the machine, so each server's own CPU per
unit of work (utime + stime from \`/proc/PID/stat\`, read just before and after the measured part)
is the measure that compares servers; rates and latencies are shown too, and so is the load
generator's own CPU. Every relay line is checked: delivered exactly once, in order, byte for byte
(UTF-8 included; SecureChat's \`<nick> \` prefix is removed, ncat's per-chunk \`<userN>\` prefix
and its \`\\ooo\` escapes are undone, the floor's lines are checked as they arrive).

The references:
- **Qt floor** (\`securechat-qtfloor\`, bench/qtfloor.cpp): a relay on a bare \`QSslServer\` and
  server-side \`QSslSocket\`s with SecureChat's TLS policy (TLS 1.2+, the same cipher list and
  groups, no session tickets), Qt's own event dispatcher (it sets \`QT_NO_GLIB=1\` itself, as
  \`securechat-cli\` does) and \`TCP_NODELAY\` on every peer (as the host sets it, so that both
  send each line at once). It writes every complete line to every other peer as it came, and
  does nothing else (no framing, no limits, no trust, no notices): the least a host built on
  these Qt classes can cost, so the targets measure SecureChat against it.
- **ncat**: \`ncat --ssl --chat\` in the relay and bulk loads, \`ncat --ssl --broker\` for
  handshakes and idle peers (--chat announces every connection to everyone); **openssl s_server**
  (\`-www\`) for handshakes only. Their ratios are shown for comparison, with no target.

"vs" columns are SecureChat's value divided by that reference's, except the idle peers' RSS against
the floor: SecureChat's minus the floor's, in KiB. The targets: server CPU per handshake and per
relayed line ≤ 1.15× the Qt floor's, bulk CPU per GiB ≤ 1.5× the floor's, RSS per idle peer at
most 8 KiB above the floor's, paced p50 below 500 µs and paced p99 below ncat's, lines/s in
relay-one and relay-all at least ncat's, and no line lost, repeated, reordered or changed in any
relay or bulk load.

## Loads
- **handshakes**: $HANDSHAKES new connections, $HANDSHAKE_CONCURRENCY at a time: TCP connect, TLS 1.3 with
  TLS_AES_128_GCM_SHA256 and X25519, the server's EC P-256 certificate verified against the CA and
  127.0.0.1, close_notify, wait for the server to close. No session resumption.
- **relay-one**: $CLIENTS text-mode clients; one sends $LINES_ONE lines of $LINE_BYTES bytes, the other nine
  receive each; at most 1,000 lines in flight per sender.
- **relay-all**: the same $CLIENTS clients all send, $LINES_ALL lines each.
- **relay-paced**: all $CLIENTS send $PACED_RATE lines/s each (1,000 lines/s in all) for $((PACED_LINES / PACED_RATE)) s.
- **bulk**: one sender, one receiver, $BULK_LINES lines of $BULK_BYTES bytes (200 MiB), at most
  $BULK_WINDOW lines in flight. The ceiling: \`openssl speed\` gives $aes_mbps MB/s of AES-128-GCM on one core
  (16 KiB blocks); a relay decrypts and re-encrypts every byte, so one core relays at most half that.
- **idle**: $IDLE_PEERS text-mode peers connect and stay silent; RSS is read before, at $IDLE_CHECKPOINT peers
  and at $IDLE_PEERS. SecureChat's host runs with \`--max-peers $((IDLE_PEERS + 100))\` (the default limit is 64);
  the Qt floor has no limit.
- **ui**: \`securechat-uibench\` offscreen: launch to an exposed main window, then 100,000 received
  messages into a chat tab (events processed every 1,000), then every page painted from top to bottom.

## Results

$table

## Commands
Run in this order, each server fresh for each load (CERTS: the test certificates from
\`certs/make-certs.sh --test\`; PORT and PID: the server's).
\`\`\`
EOF
    for command in "${commands[@]}"; do echo "$command"; done
    echo '```'
    echo
    echo '![SecureChat cost relative to each reference](benchmarks.png)'
    echo
    cat "$SECURECHAT_ROOT/bench/profile-notes.md"
}

benchmark_chart() {
    local out=$1 data="$work/chart.dat" entry
    : >"$data"
    for entry in "${chart_rows[@]}"; do
        IFS='|' read -r label value target <<<"$entry"
        [ "$value" = nan ] && value=0
        [ "$target" = nan ] && target="?" # gnuplot: no target mark
        printf '"%s" %s %s\n' "$label" "$value" "$target" >>"$data"
    done
    gnuplot <<EOF
set terminal pngcairo size 1400,950 font "DejaVu Sans,10" noenhanced
set output "$out"
set title "SecureChat's cost relative to the reference (1 = the same; below the target marks, the target holds)"
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.7
set yrange [0:*]
set ylabel "SecureChat ÷ reference (lower is better)"
set xtics rotate by -35 left font ",9"
set grid ytics
set key top left
set bmargin 22
set rmargin 24
plot "$data" using 2:xtic(1) title "SecureChat ÷ reference" linecolor rgb "#3a7bd5", \
     "" using 0:3 with points pointtype 7 pointsize 1.5 linecolor rgb "#d53a3a" title "target", \
     1 with lines dashtype 2 linecolor rgb "#555555" title "same as the reference"
EOF
}
