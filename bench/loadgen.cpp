// SPDX-License-Identifier: MIT
// securechat-loadgen: the load generator of scripts/bench. One scenario per run, against a server
// already listening on 127.0.0.1; prints one line of key=value results and exits 1 if any line
// or connection was lost.
//
//   securechat-loadgen handshake --port P --ca CA --server-pid PID [--count N] [--concurrency C]
//   securechat-loadgen relay --port P --ca CA --server-pid PID --flavor securechat|ncat|raw
//                      [--clients N] [--all-send] [--lines M] [--bytes B] [--rate R] [--window W]
//   securechat-loadgen idle --port P --ca CA --server-pid PID [--peers N] [--checkpoint K]
// Every run stops by itself: --time-limit S (default 120) bounds the measured part.
#include "handshakebench.h"
#include "idlebench.h"
#include "relaybench.h"

#include <arpa/inet.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

using namespace securechat::bench;

namespace {

class Arguments final {
public:
    Arguments(int argc, char** argv)
    {
        for (int i = 2; i < argc; ++i) {
            const std::string name = argv[i];
            const bool isFlag = name == "--all-send";
            m_values[name] = isFlag || i + 1 >= argc ? "1" : argv[++i];
        }
    }
    std::string text(const std::string& name, const std::string& fallback = {}) const
    {
        const auto it = m_values.find(name);
        return it == m_values.end() ? fallback : it->second;
    }
    double number(const std::string& name, double fallback) const
    {
        const std::string value = text(name);
        return value.empty() ? fallback : std::strtod(value.c_str(), nullptr);
    }
    bool has(const std::string& name) const { return m_values.count(name) > 0; }

private:
    std::map<std::string, std::string> m_values;
};

sockaddr_in loopback(int port)
{
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int report(const std::string& error, const std::string& fields)
{
    std::printf("%s ok=%d error=\"%s\"\n", fields.c_str(), error.empty() ? 1 : 0, error.c_str());
    return error.empty() ? 0 : 1;
}

std::string field(const char* name, double value)
{
    char text[96];
    std::snprintf(text, sizeof text, "%s=%.6g ", name, value);
    return text;
}

int runHandshake(const Arguments& args, const sockaddr_in& server, pid_t pid)
{
    HandshakeOptions options;
    options.server = server;
    options.caFile = args.text("--ca");
    options.serverPid = pid;
    options.count = static_cast<int>(args.number("--count", options.count));
    options.concurrency = static_cast<int>(args.number("--concurrency", options.concurrency));
    options.timeLimitSeconds = args.number("--time-limit", 120);
    const HandshakeResult r = HandshakeBench(options).run();
    const double done = r.completed > 0 ? static_cast<double>(r.completed) : 1;
    return report(r.error.empty() && r.failed > 0 ? "handshakes failed" : r.error,
        field("completed", static_cast<double>(r.completed)) + field("failed", static_cast<double>(r.failed))
            + field("seconds", r.seconds) + field("per_s", static_cast<double>(r.completed) / r.seconds)
            + field("server_cpu_s", r.serverCpuSeconds)
            + field("server_us_per", r.serverCpuSeconds / done * 1e6)
            + field("loadgen_cpu_s", r.loadgenCpuSeconds)
            + field("loadgen_us_per", r.loadgenCpuSeconds / done * 1e6));
}

int runRelay(const Arguments& args, const sockaddr_in& server, pid_t pid)
{
    RelayOptions options;
    options.server = server;
    options.caFile = args.text("--ca");
    options.serverPid = pid;
    const std::string flavor = args.text("--flavor", "securechat");
    if (flavor == "ncat")
        options.flavor = BenchLine::Flavor::NcatChat;
    else if (flavor == "raw")
        options.flavor = BenchLine::Flavor::Raw;
    else if (flavor != "securechat")
        return report("--flavor is securechat, ncat or raw", "");
    options.clients = static_cast<int>(args.number("--clients", options.clients));
    options.allSend = args.has("--all-send");
    options.linesPerSender
        = static_cast<int64_t>(args.number("--lines", static_cast<double>(options.linesPerSender)));
    options.bytes = static_cast<size_t>(args.number("--bytes", static_cast<double>(options.bytes)));
    options.ratePerSender = args.number("--rate", 0);
    options.window = static_cast<int64_t>(args.number("--window", static_cast<double>(options.window)));
    options.timeLimitSeconds = args.number("--time-limit", 120);
    if (options.clients < 2 || options.bytes < BenchLine::MinBytes || options.bytes > BenchLine::MaxBytes)
        return report("need --clients >= 2 and --bytes between 48 and 65536", "");
    const RelayResult r = RelayBench(options).run();
    const double delivered = r.delivered > 0 ? static_cast<double>(r.delivered) : 1;
    const double mb = delivered * static_cast<double>(options.bytes) / 1e6;
    const double gib = delivered * static_cast<double>(options.bytes) / (1024.0 * 1024 * 1024);
    const bool lost = r.missing + r.duplicates + r.reordered + r.corrupt > 0;
    return report(r.error.empty() && lost ? "lines were lost, repeated, reordered or changed" : r.error,
        field("sent", static_cast<double>(r.sent)) + field("expected", static_cast<double>(r.expected))
            + field("delivered", static_cast<double>(r.delivered))
            + field("missing", static_cast<double>(r.missing))
            + field("duplicates", static_cast<double>(r.duplicates))
            + field("reordered", static_cast<double>(r.reordered))
            + field("corrupt", static_cast<double>(r.corrupt)) + field("seconds", r.seconds)
            + field("lines_per_s", delivered / r.seconds) + field("mb_per_s", mb / r.seconds)
            + field("p50_us", r.p50Us) + field("p99_us", r.p99Us) + field("max_us", r.maxUs)
            + field("server_cpu_s", r.serverCpuSeconds)
            + field("server_us_per_line", r.serverCpuSeconds / delivered * 1e6)
            + field("server_s_per_gib", r.serverCpuSeconds / gib)
            + field("loadgen_cpu_s", r.loadgenCpuSeconds)
            + field("loadgen_us_per_line", r.loadgenCpuSeconds / delivered * 1e6));
}

int runIdle(const Arguments& args, const sockaddr_in& server, pid_t pid)
{
    IdleOptions options;
    options.server = server;
    options.caFile = args.text("--ca");
    options.serverPid = pid;
    options.peers = static_cast<int>(args.number("--peers", options.peers));
    options.checkpoint = static_cast<int>(args.number("--checkpoint", options.checkpoint));
    options.timeLimitSeconds = args.number("--time-limit", 120);
    const IdleResult r = IdleBench(options).run();
    const double added = std::max(1, options.peers - options.checkpoint);
    return report(r.error,
        field("connected", r.connected) + field("rss_before_kib", static_cast<double>(r.rssBeforeKiB))
            + field("rss_checkpoint_kib", static_cast<double>(r.rssAtCheckpointKiB))
            + field("rss_all_kib", static_cast<double>(r.rssAtAllKiB))
            + field("kib_per_peer",
                static_cast<double>(r.rssAtAllKiB - r.rssBeforeKiB) / std::max(1, options.peers))
            + field("kib_per_added_peer", static_cast<double>(r.rssAtAllKiB - r.rssAtCheckpointKiB) / added)
            + field("connect_seconds", r.connectSeconds) + field("server_cpu_s", r.serverCpuSeconds)
            + field("loadgen_cpu_s", r.loadgenCpuSeconds));
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(
            stderr, "usage: securechat-loadgen handshake|relay|idle --port P --ca CA --server-pid PID ...\n");
        return 64;
    }
    signal(SIGPIPE, SIG_IGN);
    const std::string scenario = argv[1];
    const Arguments args(argc, argv);
    const int port = static_cast<int>(args.number("--port", 0));
    const auto pid = static_cast<pid_t>(args.number("--server-pid", 0));
    if (port <= 0 || pid <= 0 || args.text("--ca").empty()) {
        std::fprintf(stderr, "securechat-loadgen: --port, --ca and --server-pid are required\n");
        return 64;
    }
    const sockaddr_in server = loopback(port);
    if (scenario == "handshake")
        return runHandshake(args, server, pid);
    if (scenario == "relay")
        return runRelay(args, server, pid);
    if (scenario == "idle")
        return runIdle(args, server, pid);
    std::fprintf(stderr, "securechat-loadgen: unknown scenario %s\n", scenario.c_str());
    return 64;
}
