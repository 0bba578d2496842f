// SPDX-License-Identifier: MIT
#include "peerscommand.h"

#include "base/apppaths.h"
#include "console.h"
#include "exitcode.h"
#include "tls/certificatedetails.h"
#include "tr.h"
#include "trust/knownpeers.h"

namespace securechat::cli {

int runPeersCommand(const Invocation& invocation)
{
    const QStringList& arguments = invocation.positional;
    const QString action = arguments.value(0, QStringLiteral("list"));
    KnownPeers peers(AppPaths(invocation.common.configDir).knownPeersFile());
    if (const Status loaded = peers.load(); !loaded) {
        Console::error(loaded.error());
        return ExitFailure;
    }
    for (const QString& warning : peers.warnings())
        Console::status(Tr::tr("%1: %2").arg(peers.filePath(), warning));

    if (action == QStringLiteral("list") && arguments.size() <= 1) {
        for (const KnownPeer& peer : peers.all()) {
            Console::line(Tr::tr("%1 SHA256:%2 first seen %3%4")
                              .arg(peer.hostPort,
                                  CertificateDetails::groupedFingerprint(
                                      CertificateDetails::formatFingerprint(peer.sha256)),
                                  peer.firstSeen.toString(Qt::ISODate),
                                  peer.note.isEmpty() ? QString() : QStringLiteral(" ") + peer.note));
        }
        return ExitOk;
    }
    if (action == QStringLiteral("forget") && arguments.size() == 2) {
        if (const Status forgotten = peers.forget(arguments.at(1)); !forgotten) {
            Console::error(forgotten.error());
            return ExitFailure;
        }
        Console::status(Tr::tr("forgot %1").arg(arguments.at(1)));
        return ExitOk;
    }
    Console::error(Tr::tr("usage: securechat-cli peers [list | forget HOST:PORT]"));
    return ExitUsage;
}

} // namespace securechat::cli
