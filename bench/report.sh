# SPDX-License-Identifier: MIT
# Sourced by scripts/bench once every run is done: turns the results into the Markdown table,
# docs/benchmarks.md and the chart of ratios. Reads result[], get(), commands[], aes_mbps and
# the load sizes from scripts/bench.

chart_rows=() # "label|cost ratio|target": every ratio as SecureChat's cost, so lower is better

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b + 0 == 0) print "nan"; else printf "%.3g", a / b }'; }
fmt() { awk -v v="$1" 'BEGIN { if (v == "nan" || v == "") print "–"; else if (v >= 1000) printf "%.0f", v; else if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.3g", v }'; }
holds() { awk -v r="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (r == "nan") { print "**no** (no value)"; exit }
    ok = (op == "le" && r <= l) || (op == "lt" && r < l) || (op == "ge" && r >= l)
    print ok ? "yes" : "**no**" }'; }

# row BENCH MEASURE SECURECHAT REFERENCE-NAME REFERENCE RULE LIMIT
#   cost:   SecureChat / reference must be at most LIMIT (lower is better)
#   costlt: SecureChat / reference must be below LIMIT
#   rate:   SecureChat / reference must be at least LIMIT (higher is better)
#   below:  SecureChat's own value must be below LIMIT
#   none:   shown, no target
row() {
    local bench=$1 measure=$2 sc=$3 refname=$4 ref=$5 rule=$6 limit=${7:-} r target="" verdict=""
    r=$(ratio "$sc" "$ref")
    case $rule in
    cost) target="≤ $limit×" verdict=$(holds "$r" le "$limit") chart_rows+=("$bench: $measure vs $refname|$r|$limit") ;;
    costlt) target="< $limit×" verdict=$(holds "$r" lt "$limit") chart_rows+=("$bench: $measure vs $refname|$r|$limit") ;;
    rate)
        target="≥ $limit×" verdict=$(holds "$r" ge "$limit")
        chart_rows+=("$bench: time per delivered line vs $refname|$(ratio "$ref" "$sc")|$(ratio 1 "$limit")")
        ;;
    below) target="< $limit" verdict=$(holds "$sc" lt "$limit") ;;
    esac
    echo "| $bench | $measure | $(fmt "$sc") | $refname | $(fmt "$ref") | $r | $target | $verdict |"
}

benchmark_table() {
    local sc ref name
    echo "| Load | Measure | SecureChat | Reference | Reference's | SecureChat ÷ reference | Target | Holds |"
    echo "| --- | --- | ---: | --- | ---: | ---: | --- | --- |"
    for ref in ncat-broker s_server; do
        name="ncat --broker" && [ $ref = s_server ] && name="openssl s_server"
        row handshakes "handshakes/s" "$(get per_s handshake.securechat)" "$name" "$(get per_s handshake.$ref)" none
        if [ $ref = s_server ]; then
            row handshakes "server CPU µs per handshake" "$(get server_us_per handshake.securechat)" "$name" "$(get server_us_per handshake.$ref)" costlt 1
        else
            row handshakes "server CPU µs per handshake" "$(get server_us_per handshake.securechat)" "$name" "$(get server_us_per handshake.$ref)" cost 1
        fi
        row handshakes "load generator CPU µs per handshake" "$(get loadgen_us_per handshake.securechat)" "$name" "$(get loadgen_us_per handshake.$ref)" none
    done
    for name in relay-one relay-all relay-paced; do
        sc=$name.securechat ref=$name.ncat-chat
        if [ $name = relay-paced ]; then
            row "$name" "lines/s delivered" "$(get lines_per_s $sc)" "ncat --chat" "$(get lines_per_s $ref)" none
        else
            row "$name" "lines/s delivered" "$(get lines_per_s $sc)" "ncat --chat" "$(get lines_per_s $ref)" rate 1
        fi
        row "$name" "MB/s delivered" "$(get mb_per_s $sc)" "ncat --chat" "$(get mb_per_s $ref)" none
        if [ $name = relay-paced ]; then
            row "$name" "p50 latency µs" "$(get p50_us $sc)" "ncat --chat" "$(get p50_us $ref)" below 500
        else
            row "$name" "p50 latency µs" "$(get p50_us $sc)" "ncat --chat" "$(get p50_us $ref)" none
        fi
        row "$name" "p99 latency µs" "$(get p99_us $sc)" "ncat --chat" "$(get p99_us $ref)" costlt 1
        row "$name" "server CPU µs per delivered line" "$(get server_us_per_line $sc)" "ncat --chat" "$(get server_us_per_line $ref)" cost 0.667
        row "$name" "load generator CPU µs per line" "$(get loadgen_us_per_line $sc)" "ncat --chat" "$(get loadgen_us_per_line $ref)" none
        row "$name" "lines lost, repeated, reordered or changed" \
            "$(($(get missing $sc) + $(get duplicates $sc) + $(get reordered $sc) + $(get corrupt $sc)))" "ncat --chat" \
            "$(($(get missing $ref) + $(get duplicates $ref) + $(get reordered $ref) + $(get corrupt $ref)))" none
    done
    row bulk "MB/s end to end" "$(get mb_per_s bulk.securechat)" "ncat --chat" "$(get mb_per_s bulk.ncat-chat)" none
    row bulk "MB/s end to end" "$(get mb_per_s bulk.securechat)" "AES-128-GCM ceiling" "$(awk -v m="$aes_mbps" 'BEGIN { print m / 2 }')" none
    row bulk "server CPU s per GiB" "$(get server_s_per_gib bulk.securechat)" "ncat --chat" "$(get server_s_per_gib bulk.ncat-chat)" cost 0.667
    row bulk "load generator CPU µs per line" "$(get loadgen_us_per_line bulk.securechat)" "ncat --chat" "$(get loadgen_us_per_line bulk.ncat-chat)" none
    row "idle $IDLE_PEERS" "server RSS KiB per idle peer" "$(get kib_per_peer idle.securechat)" "ncat --broker" "$(get kib_per_peer idle.ncat-broker)" cost 1
    row "idle $IDLE_PEERS" "KiB per peer past the first $IDLE_CHECKPOINT" "$(get kib_per_added_peer idle.securechat)" "ncat --broker" "$(get kib_per_added_peer idle.ncat-broker)" none
    row ui "launch to shown window, ms" "$(get launch_ms ui.securechat)" "–" nan none
    row ui "append 100,000 messages, CPU s" "$(get append_cpu_s ui.securechat)" "–" nan below 1
    row ui "append 100,000 messages, extra MiB" "$(get append_extra_mib ui.securechat)" "–" nan below 200
    row ui "scroll through $(get scroll_pages ui.securechat) pages, CPU s" "$(get scroll_cpu_s ui.securechat)" "–" nan none
    row ui "peak extra MiB (append and scroll)" "$(get peak_extra_mib ui.securechat)" "–" nan below 200
}

benchmark_report() {
    local table=$1 command
    cat <<EOF
# Benchmarks

Made by \`scripts/bench\` on $(date -u +%Y-%m-%d): SecureChat's host against \`ncat --ssl --chat\`,
\`ncat --ssl --broker\` and \`openssl s_server\`, on the same loads, on loopback, in the same run.
Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), Linux $(uname -r);
$(openssl version | cut -d' ' -f1-2), $(ncat --version 2>&1 | head -1 | sed 's/ (.*//'), Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6).

On two cores the load generator and the server share the machine, so each server's own CPU per
unit of work (utime + stime from \`/proc/PID/stat\`, read just before and after the measured part)
is the measure that compares servers; rates and latencies are shown too, and so is the load
generator's own CPU. Ratios are SecureChat's value divided by the reference's. Every relay line is
checked: delivered exactly once, in order, byte for byte (UTF-8 included; ncat's per-chunk
\`<userN>\` prefix and its \`\\ooo\` escapes are undone before checking ncat's).

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
  and at $IDLE_PEERS. SecureChat's host runs with \`--max-peers $((IDLE_PEERS + 100))\` (the default limit is 64).
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
