// SPDX-License-Identifier: MIT
#include "trust/knownclients.h"

#include "tls/certificatedetails.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace securechat {

namespace {

    constexpr qsizetype Sha256Size = 32;

    QString verdictWord(KnownClient::Verdict verdict)
    {
        switch (verdict) {
        case KnownClient::Verdict::Verified:
            return QStringLiteral("verified");
        case KnownClient::Verdict::Block:
            return QStringLiteral("block");
        case KnownClient::Verdict::Admit:
            break;
        }
        return QStringLiteral("admit");
    }

    std::optional<KnownClient::Verdict> verdictOf(const QString& word)
    {
        for (const auto verdict :
            { KnownClient::Verdict::Admit, KnownClient::Verdict::Verified, KnownClient::Verdict::Block }) {
            if (word == verdictWord(verdict))
                return verdict;
        }
        return std::nullopt;
    }

} // namespace

KnownClients::KnownClients(QString filePath)
    : m_filePath(std::move(filePath))
{
}

Status KnownClients::load()
{
    if (m_filePath.isEmpty())
        return succeeded(); // in memory only: the list is all there is
    m_clients.clear();
    m_warnings.clear();
    if (!QFileInfo::exists(m_filePath))
        return succeeded();
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Status::failure(
            tr("Cannot read the known clients file %1: %2").arg(m_filePath, file.errorString()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        const QByteArray digest
            = fields.isEmpty() ? QByteArray() : CertificateDetails::parseFingerprint(fields.at(0));
        const auto verdict = verdictOf(fields.value(1));
        if (digest.size() != Sha256Size || !verdict) {
            m_warnings
                << tr("line %1: expected \"SHA256:fingerprint admit|verified|block nickname\"").arg(i + 1);
            continue;
        }
        m_clients << KnownClient { digest, *verdict, fields.value(2) };
    }
    return succeeded();
}

std::optional<KnownClient> KnownClients::admittedUnderNickWithOtherCertificate(
    const QString& nick, const QByteArray& sha256) const
{
    for (const KnownClient& client : m_clients) {
        if (client.verdict != KnownClient::Verdict::Block && client.nick == nick && client.sha256 != sha256)
            return client;
    }
    return std::nullopt;
}

std::optional<KnownClient> KnownClients::find(const QByteArray& sha256) const
{
    for (const KnownClient& client : m_clients) {
        if (client.sha256 == sha256)
            return client;
    }
    return std::nullopt;
}

Status KnownClients::remember(const KnownClient& client)
{
    if (client.sha256.size() != Sha256Size)
        return Status::failure(
            tr("A SHA-256 fingerprint has 32 bytes; this one has %1.").arg(client.sha256.size()));
    // Read first: another program (Settings, another hosted session) may have changed the file.
    if (const Status loaded = load(); !loaded)
        return loaded;
    auto it = std::find_if(m_clients.begin(), m_clients.end(),
        [&client](const KnownClient& known) { return known.sha256 == client.sha256; });
    if (it != m_clients.end())
        *it = client;
    else
        m_clients << client;
    return save();
}

Status KnownClients::forget(const QByteArray& sha256)
{
    if (const Status loaded = load(); !loaded)
        return loaded;
    const qsizetype removed
        = m_clients.removeIf([&sha256](const KnownClient& known) { return known.sha256 == sha256; });
    if (removed == 0)
        return Status::failure(tr("No known client has that fingerprint."));
    return save();
}

Status KnownClients::save() const
{
    if (m_filePath.isEmpty())
        return succeeded();
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Status::failure(
            tr("Cannot write the known clients file %1: %2").arg(m_filePath, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray text = "# SecureChat known clients: SHA256:fingerprint admit|verified|block nickname\n";
    for (const KnownClient& client : m_clients) {
        text += "SHA256:" + CertificateDetails::formatFingerprint(client.sha256).toUtf8() + ' '
            + verdictWord(client.verdict).toUtf8() + ' ' + client.nick.toUtf8() + '\n';
    }
    file.write(text);
    if (!file.commit())
        return Status::failure(
            tr("Cannot write the known clients file %1: %2").arg(m_filePath, file.errorString()));
    return succeeded();
}

} // namespace securechat
