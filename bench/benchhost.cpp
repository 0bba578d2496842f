// SPDX-License-Identifier: MIT
// securechat-benchhost: SecureChat's ChatHost as `securechat-cli host` runs it, with the peer limit
// raised, for the memory benchmark: it connects 1,000 peers, and the CLI allows 64 (the default
// limit). Prints "listening on ADDR:PORT" on stderr like the CLI.
//
//   securechat-benchhost --port N --cert PEM --key PEM --max-peers N
#include "chathost.h"
#include "identity.h"
#include "tlslistener.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace securechat;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port, 0 for any."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption cert(QStringLiteral("cert"), QStringLiteral("Certificate (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Private key (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption maxPeers(QStringLiteral("max-peers"), QStringLiteral("Peer limit."), QStringLiteral("N"), QStringLiteral("64"));
    parser.addOptions({ port, cert, key, maxPeers });
    parser.process(app);

    auto identity = Identity::fromPemFiles(parser.value(cert), parser.value(key));
    if (!identity) {
        std::fprintf(stderr, "securechat-benchhost: %s\n", qPrintable(identity.error()));
        return 1;
    }
    HostOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = static_cast<quint16>(parser.value(port).toUInt());
    options.identity = std::move(identity).value();
    options.limits.maxPeers = parser.value(maxPeers).toInt();
    ChatHost host(std::move(options));
    if (const Status started = host.start(); !started) {
        std::fprintf(stderr, "securechat-benchhost: %s\n", qPrintable(started.error()));
        return 1;
    }
    std::fprintf(stderr, "listening on %s\n", qPrintable(describeEndpoint(host.address(), host.port())));
    return app.exec();
}
