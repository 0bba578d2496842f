// SPDX-License-Identifier: MIT
#include "trust/knownpeers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>

namespace securechat {

namespace {

    constexpr qsizetype sha256Size = 32;

    // Long enough for another process to finish saving, short enough that a writer stuck while
    // holding the lock is reported instead of freezing the caller. QLockFile removes a lock left
    // behind by a process that died, so a crash does not block later saves.
    constexpr int lockTimeoutMs = 10'000;

    QLatin1String fingerprintPrefix()
    {
        return QLatin1String("SHA256:");
    }

    QStringList newFileHeader()
    {
        return {
            QStringLiteral("# SecureChat known peers: the certificates you chose to always trust."),
            QStringLiteral("# One peer per line: host:port SHA256:fingerprint first-seen-UTC note"),
            QStringLiteral("# Lines starting with # are comments. Delete a peer's line to forget it."),
        };
    }

    Result<QString> normalizeHost(const QString& host)
    {
        if (host.isEmpty())
            return Result<QString>::failure(KnownPeers::tr("The host name is empty."));
        QHostAddress address;
        if (address.setAddress(host)) {
            if (address.protocol() == QAbstractSocket::IPv6Protocol)
                return Result<QString>::success(u'[' + address.toString() + u']');
            return Result<QString>::success(address.toString());
        }
        // toAce() refuses what cannot be a host name (spaces, '#', '/', ...) and folds case, so
        // "Example.COM" and "example.com" are one peer, and an IDN is stored in one spelling.
        const QByteArray ace = QUrl::toAce(host);
        if (ace.isEmpty())
            return Result<QString>::failure(KnownPeers::tr("\"%1\" is not a valid host name.").arg(host));
        return Result<QString>::success(QString::fromLatin1(ace).toLower());
    }

    Result<quint16> parsePort(const QString& text)
    {
        const bool digitsOnly = !text.isEmpty()
            && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        const uint port = digitsOnly ? text.toUInt() : 0;
        if (port == 0 || port > 65535) {
            return Result<quint16>::failure(
                KnownPeers::tr("\"%1\" is not a port number from 1 to 65535.").arg(text));
        }
        return Result<quint16>::success(static_cast<quint16>(port));
    }

    QString formatFingerprint(const QByteArray& sha256)
    {
        return fingerprintPrefix() + QString::fromLatin1(sha256.toHex(':').toUpper());
    }

    Result<QByteArray> parseFingerprint(const QString& text)
    {
        if (!text.startsWith(fingerprintPrefix(), Qt::CaseInsensitive)) {
            return Result<QByteArray>::failure(
                KnownPeers::tr("\"%1\" is not a fingerprint: it should start with SHA256:.").arg(text));
        }
        static const QRegularExpression hexPairs(
            QStringLiteral("^(?:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){31}|[0-9A-Fa-f]{64})$"));
        QString hex = text.mid(fingerprintPrefix().size());
        if (!hexPairs.match(hex).hasMatch()) {
            return Result<QByteArray>::failure(
                KnownPeers::tr("\"%1\" is not a SHA-256 fingerprint: it should be SHA256: followed by 32 "
                               "hexadecimal pairs separated by colons.")
                    .arg(text));
        }
        return Result<QByteArray>::success(QByteArray::fromHex(hex.remove(u':').toLatin1()));
    }

    QString formatLine(const KnownPeer& peer)
    {
        QString line = peer.hostPort + u' ' + formatFingerprint(peer.sha256) + u' '
            + peer.firstSeen.toString(Qt::ISODate);
        if (!peer.note.isEmpty())
            line += u' ' + peer.note;
        return line;
    }

    // A peer, nothing (blank or comment line), or why the line cannot be read.
    Result<std::optional<KnownPeer>> parseLine(const QString& line)
    {
        using LineResult = Result<std::optional<KnownPeer>>;
        const QString text = line.trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            return LineResult::success(std::nullopt);

        static const QRegularExpression fields(QStringLiteral("^(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*))?$"));
        const QRegularExpressionMatch match = fields.match(text);
        if (!match.hasMatch()) {
            return LineResult::failure(
                KnownPeers::tr("expected \"host:port SHA256:fingerprint first-seen note\", found \"%1\".")
                    .arg(text));
        }
        const Result<QString> hostPort = KnownPeers::normalizeHostPort(match.captured(1));
        if (!hostPort)
            return LineResult::failure(hostPort.error());
        const Result<QByteArray> sha256 = parseFingerprint(match.captured(2));
        if (!sha256)
            return LineResult::failure(sha256.error());
        const QDateTime firstSeen = QDateTime::fromString(match.captured(3), Qt::ISODate);
        if (!firstSeen.isValid()) {
            return LineResult::failure(
                KnownPeers::tr("\"%1\" is not a date and time like 2026-11-29T19:00:00Z.")
                    .arg(match.captured(3)));
        }
        return LineResult::success(
            KnownPeer { hostPort.value(), sha256.value(), firstSeen.toUTC(), match.captured(4) });
    }

    // The file's lines without their line ends; a missing file has none.
    Result<QStringList> readLines(const QString& path)
    {
        QFile file(path);
        if (!file.exists())
            return Result<QStringList>::success({});
        if (!file.open(QIODevice::ReadOnly)) {
            return Result<QStringList>::failure(
                KnownPeers::tr("Cannot read the known peers file %1: %2.").arg(path, file.errorString()));
        }
        const QByteArray data = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            return Result<QStringList>::failure(
                KnownPeers::tr("Cannot read the known peers file %1: %2.").arg(path, file.errorString()));
        }
        QStringList lines = QString::fromUtf8(data).split(u'\n');
        if (lines.constLast().isEmpty())
            lines.removeLast();
        for (QString& line : lines) {
            if (line.endsWith(u'\r'))
                line.chop(1);
        }
        return Result<QStringList>::success(lines);
    }

    QString lockFailure(const QLockFile& lock, const QString& path)
    {
        switch (lock.error()) {
        case QLockFile::LockFailedError:
            return KnownPeers::tr("Another program kept the known peers file %1 locked for %2 seconds; "
                                  "nothing was changed. Try again.")
                .arg(path)
                .arg(lockTimeoutMs / 1000);
        case QLockFile::PermissionError:
            return KnownPeers::tr("No permission to create the lock file beside the known peers file %1.")
                .arg(path);
        case QLockFile::NoError:
        case QLockFile::UnknownError:
            break;
        }
        return KnownPeers::tr("Cannot lock the known peers file %1.").arg(path);
    }

} // namespace

KnownPeers::KnownPeers(QString filePath)
    : m_filePath(std::move(filePath))
{
}

QString KnownPeers::filePath() const
{
    return m_filePath;
}

Status KnownPeers::load()
{
    const Result<QStringList> lines = readLines(m_filePath);
    if (!lines)
        return Status::failure(lines.error());
    adopt(lines.value());
    return succeeded();
}

std::optional<KnownPeer> KnownPeers::find(const QString& hostPort) const
{
    const Result<QString> normalized = normalizeHostPort(hostPort);
    if (!normalized)
        return std::nullopt;
    const auto it = std::find_if(m_peers.cbegin(), m_peers.cend(),
        [&](const KnownPeer& peer) { return peer.hostPort == normalized.value(); });
    if (it == m_peers.cend())
        return std::nullopt;
    return *it;
}

Status KnownPeers::remember(KnownPeer peer)
{
    const Result<QString> hostPort = normalizeHostPort(peer.hostPort);
    if (!hostPort)
        return Status::failure(hostPort.error());
    if (peer.sha256.size() != sha256Size) {
        return Status::failure(
            KnownPeers::tr("A SHA-256 fingerprint has 32 bytes; the one given for %1 has %2.")
                .arg(hostPort.value())
                .arg(peer.sha256.size()));
    }
    peer.hostPort = hostPort.value();
    // The file keeps whole seconds in UTC; storing exactly that keeps find() equal to a reload.
    const QDateTime firstSeen = peer.firstSeen.isValid() ? peer.firstSeen : QDateTime::currentDateTimeUtc();
    peer.firstSeen = QDateTime::fromSecsSinceEpoch(firstSeen.toSecsSinceEpoch(), Qt::UTC);
    // The note ends at the end of the line, so it cannot hold a line break.
    for (QChar& c : peer.note) {
        if (c.category() == QChar::Other_Control)
            c = u' ';
    }
    peer.note = peer.note.trimmed();
    return change(peer.hostPort, peer);
}

Status KnownPeers::forget(const QString& hostPort)
{
    const Result<QString> normalized = normalizeHostPort(hostPort);
    if (!normalized)
        return Status::failure(normalized.error());
    return change(normalized.value(), std::nullopt);
}

QList<KnownPeer> KnownPeers::all() const
{
    return m_peers;
}

QStringList KnownPeers::warnings() const
{
    return m_warnings;
}

Result<QString> KnownPeers::normalizeHostPort(const QString& hostPort)
{
    QString host;
    QString port;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0) {
            return Result<QString>::failure(
                KnownPeers::tr("\"%1\" lacks the ] that closes its IPv6 address.").arg(hostPort));
        }
        host = hostPort.mid(1, close - 1);
        const QString rest = hostPort.mid(close + 1);
        if (!rest.startsWith(u':')) {
            return Result<QString>::failure(
                KnownPeers::tr("\"%1\" has no port: write it as [address]:port, e.g. [::1]:4433.")
                    .arg(hostPort));
        }
        port = rest.mid(1);
        QHostAddress address;
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv6Protocol) {
            return Result<QString>::failure(
                KnownPeers::tr("\"%1\" in brackets is not an IPv6 address.").arg(host));
        }
    } else {
        const qsizetype colon = hostPort.lastIndexOf(u':');
        if (colon < 0) {
            return Result<QString>::failure(
                KnownPeers::tr("\"%1\" has no port: write it as host:port, e.g. localhost:4433.")
                    .arg(hostPort));
        }
        host = hostPort.left(colon);
        port = hostPort.mid(colon + 1);
        // "::1:4433" could be [::1]:4433 or [::]:14433 ... only brackets say which.
        if (host.contains(u':')) {
            return Result<QString>::failure(
                KnownPeers::tr("\"%1\": write an IPv6 address in brackets, e.g. [::1]:4433.").arg(hostPort));
        }
    }
    const Result<quint16> portNumber = parsePort(port);
    if (!portNumber)
        return Result<QString>::failure(portNumber.error());
    return joinHostPort(host, portNumber.value());
}

Result<QString> KnownPeers::joinHostPort(const QString& host, quint16 port)
{
    if (port == 0)
        return Result<QString>::failure(KnownPeers::tr("Port 0 is not a port a peer can listen on."));
    const bool bracketed = host.startsWith(u'[') && host.endsWith(u']');
    Result<QString> normalized = normalizeHost(bracketed ? host.mid(1, host.size() - 2) : host);
    if (!normalized)
        return normalized;
    return Result<QString>::success(normalized.value() + u':' + QString::number(port));
}

void KnownPeers::adopt(const QStringList& lines)
{
    m_peers.clear();
    m_warnings.clear();
    QHash<QString, qsizetype> firstLineOf;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype lineNumber = i + 1;
        const Result<std::optional<KnownPeer>> parsed = parseLine(lines.at(i));
        if (!parsed) {
            m_warnings << KnownPeers::tr("line %1: %2").arg(lineNumber).arg(parsed.error());
            continue;
        }
        if (!parsed.value())
            continue;
        const KnownPeer& peer = *parsed.value();
        if (const auto it = firstLineOf.constFind(peer.hostPort); it != firstLineOf.cend()) {
            m_warnings << KnownPeers::tr("line %1: %2 is already listed on line %3, which is the one used.")
                              .arg(lineNumber)
                              .arg(peer.hostPort)
                              .arg(it.value());
            continue;
        }
        firstLineOf.insert(peer.hostPort, lineNumber);
        m_peers << peer;
    }
}

Status KnownPeers::change(const QString& hostPort, const std::optional<KnownPeer>& replacement)
{
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Status::failure(
            KnownPeers::tr("Cannot create the folder %1 for the known peers file.").arg(folder));
    }
    // Lock, re-read, change only this host:port, write: another process or object may have
    // saved its own peers since this one last read the file.
    QLockFile lock(m_filePath + QLatin1String(".lock"));
    if (!lock.tryLock(lockTimeoutMs))
        return Status::failure(lockFailure(lock, m_filePath));
    const Result<QStringList> current = readLines(m_filePath);
    if (!current)
        return Status::failure(current.error());

    QStringList lines;
    bool found = false;
    for (const QString& line : current.value()) {
        const Result<std::optional<KnownPeer>> parsed = parseLine(line);
        if (parsed && parsed.value() && parsed.value()->hostPort == hostPort) {
            if (!found && replacement)
                lines << formatLine(*replacement);
            found = true;
            continue;
        }
        // Comments and unreadable lines stay as they are: the person may fix them by hand.
        lines << line;
    }
    if (!found) {
        if (!replacement) {
            adopt(current.value());
            return Status::failure(KnownPeers::tr("%1 is not a known peer.").arg(hostPort));
        }
        if (lines.isEmpty())
            lines << newFileHeader();
        lines << formatLine(*replacement);
    }

    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return Status::failure(
            KnownPeers::tr("Cannot write the known peers file %1: %2.").arg(m_filePath, file.errorString()));
    }
    file.write((lines.join(u'\n') + u'\n').toUtf8());
    if (!file.commit()) {
        return Status::failure(
            KnownPeers::tr("Cannot save the known peers file %1: %2.").arg(m_filePath, file.errorString()));
    }
    adopt(lines);
    return succeeded();
}

} // namespace securechat
