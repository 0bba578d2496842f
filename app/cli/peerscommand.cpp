// SPDX-License-Identifier: MIT
#include "peerscommand.h"

#include "base/apppaths.h"
#include "console.h"
#include "exitcode.h"
#include "protocol/textsanitizer.h"
#include "tls/certificatedetails.h"
#include "tr.h"
#include "trust/knownclients.h"
#include "trust/knownpeers.h"
#include "trust/trustwords.h"

namespace securechat::cli {

namespace {

    void listPeers(const KnownPeers& peers)
    {
        for (const KnownPeer& peer : peers.all()) {
            Console::line(Tr::tr("%1 SHA256:%2 first seen %3%4")
                              .arg(peer.hostPort, CertificateDetails::formatFingerprint(peer.sha256),
                                  peer.firstSeen.toString(Qt::ISODate),
                                  peer.note.isEmpty() ? QString() : QStringLiteral(" ") + peer.note));
        }
    }

    /// The participants this person's hosted sessions decided about, after the hosts it joins.
    void listClients(const KnownClients& clients)
    {
        for (const KnownClient& client : clients.all()) {
            Console::line(Tr::tr("client %1 SHA256:%2 %3")
                              .arg(TextSanitizer::forDisplay(client.nick, TextSanitizer::Mode::SingleLine),
                                  CertificateDetails::formatFingerprint(client.sha256),
                                  TrustWords::knownClient(client.verdict)));
        }
    }

} // namespace

int runPeersCommand(const Invocation& invocation)
{
    const QStringList& arguments = invocation.positional;
    const QString action = arguments.value(0, QStringLiteral("list"));
    const AppPaths paths(invocation.common.configDir);
    KnownPeers peers(paths.knownPeersFile());
    KnownClients clients(paths.knownClientsFile());
    for (const Status& loaded : { peers.load(), clients.load() }) {
        if (!loaded) {
            Console::error(loaded.error());
            return ExitFailure;
        }
    }
    for (const QString& warning : peers.warnings())
        Console::status(Tr::tr("%1: %2").arg(peers.filePath(), warning));
    for (const QString& warning : clients.warnings())
        Console::status(Tr::tr("%1: %2").arg(paths.knownClientsFile(), warning));

    if (action == QStringLiteral("list") && arguments.size() <= 1) {
        listPeers(peers);
        listClients(clients);
        return ExitOk;
    }
    if (action == QStringLiteral("forget") && arguments.size() == 2) {
        // A client is named by its fingerprint, a host by where it listens.
        const QByteArray clientDigest = arguments.at(1).startsWith(QLatin1String("SHA256:"))
            ? CertificateDetails::parseFingerprint(arguments.at(1))
            : QByteArray();
        const Status forgotten
            = clientDigest.isEmpty() ? peers.forget(arguments.at(1)) : clients.forget(clientDigest);
        if (!forgotten) {
            Console::error(forgotten.error());
            return ExitFailure;
        }
        Console::status(Tr::tr("forgot %1").arg(arguments.at(1)));
        return ExitOk;
    }
    Console::error(
        Tr::tr("usage: securechat-cli peers [list | forget HOST:PORT | forget SHA256:FINGERPRINT]"));
    return ExitUsage;
}

} // namespace securechat::cli
