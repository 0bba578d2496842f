// SPDX-License-Identifier: MIT
#include "connectdialog.h"

#include "discoveredsessionlist.h"
#include "filefield.h"
#include "hostdialog.h"
#include "identitychooser.h"
#include "nickname.h"
#include "nicknamefield.h"
#include "texttone.h"
#include "trust/knownpeers.h"
#include "verification/invitelink.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace securechat {

namespace {

    const QLatin1String CaFileKey("connect/caFile");
    // As last typed, so that Connect… after a failed attempt starts from there.
    const QLatin1String HostKey("connect/host");
    const QLatin1String PortKey("connect/port");

    // "host:port" and "[v6]:port" into their parts; the port is 0 when there is none.
    std::pair<QString, quint16> splitHostPort(const QString& text)
    {
        const qsizetype colon = text.lastIndexOf(u':');
        const bool bracketed = text.startsWith(u'[');
        if (colon < 0 || (!bracketed && text.count(u':') > 1) || (bracketed && colon < text.indexOf(u']')))
            return { text, 0 };
        bool ok = false;
        const uint port = text.mid(colon + 1).toUInt(&ok);
        QString host = text.left(colon);
        if (bracketed)
            host = host.mid(1, host.size() - 2);
        return { host, ok && port <= 65535 ? static_cast<quint16>(port) : quint16(0) };
    }

} // namespace

ConnectDialog::ConnectDialog(AppPaths paths, QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_paths(std::move(paths))
    , m_settings(settings)
{
    setWindowTitle(tr("Connect to a Session"));
    setAccessibleName(windowTitle());

    m_host = new QComboBox(this);
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setAccessibleName(tr("Host"));
    m_host->lineEdit()->setPlaceholderText(tr("host name, IP address or invite link (securechat://…)"));
    m_host->addItems(m_settings.value(RecentPeersKey).toStringList());
    m_host->setCurrentIndex(-1);
    m_host->setEditText(m_settings.value(HostKey, QStringLiteral("127.0.0.1")).toString());

    m_port = new QSpinBox(this);
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(m_settings.value(PortKey, HostDialog::DefaultPort).toInt());

    m_nick = new NicknameField(Nickname::forConnecting(m_settings), this);

    m_caFile = new FileField(tr("CA certificates"), tr("Certificates (*.pem *.crt);;All files (*)"), this);
    m_caFile->setAccessibleName(tr("CA certificates file"));
    m_caFile->setPlaceholderText(tr("Optional: only for hosts with a private CA"));
    m_caFile->setPath(m_settings.value(CaFileKey).toString());

    m_identity = new IdentityChooser(m_paths, true, this);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    TextTone::apply(m_error, TextTone::Tone::Warning);
    m_error->hide();

    m_discovered = new DiscoveredSessionList(this);
    connect(m_discovered, &DiscoveredSessionList::sessionChosen, this, &ConnectDialog::chooseDiscovered);

    auto* hint = new QLabel(tr("If nobody vouches for the host's certificate, you will be shown its "
                               "fingerprint and asked whether to trust it."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("On this network:"), m_discovered);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Nickname:"), m_nick);
    form->addRow(tr("&CA file:"), m_caFile);
    form->addRow(tr("&Your certificate:"), m_identity);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_host, &QComboBox::activated, this, &ConnectDialog::chooseRecent);
    resize(560, sizeHint().height());
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::chooseRecent(int index)
{
    const auto [host, port] = splitHostPort(m_host->itemText(index));
    m_host->setEditText(host);
    if (port != 0)
        m_port->setValue(port);
}

void ConnectDialog::chooseDiscovered(const DiscoveredSession& session)
{
    m_host->setEditText(session.address);
    m_port->setValue(session.port);
    m_chosenEndpoint = std::pair(session.address, session.port);
    m_chosenFingerprint = session.fingerprint;
}

void ConnectDialog::setHost(const QString& host)
{
    m_host->setEditText(host);
}

void ConnectDialog::setPort(quint16 port)
{
    m_port->setValue(port);
}

void ConnectDialog::setNickname(const QString& nick)
{
    m_nick->setNick(nick);
}

void ConnectDialog::setCaFile(const QString& path)
{
    m_caFile->setPath(path);
}

void ConnectDialog::setIdentityFiles(const QString& certificatePath, const QString& keyPath)
{
    m_identity->setFiles(certificatePath, keyPath);
}

void ConnectDialog::setAnonymous()
{
    m_identity->setSource(IdentityChooser::Source::None);
}

Result<ClientOptions> ConnectDialog::buildOptions() const
{
    using R = Result<ClientOptions>;
    const QString hostText = m_host->currentText().trimmed();
    if (hostText.startsWith(QStringLiteral("securechat:"), Qt::CaseInsensitive))
        return optionsFromInvite(hostText);
    ClientOptions options;
    // Someone pasting "host:port" into the host field means exactly that.
    const auto [host, port] = splitHostPort(hostText);
    options.host = host;
    options.port = port != 0 ? port : static_cast<quint16>(m_port->value());
    if (options.host.isEmpty())
        return R::failure(tr("Enter the host's name or IP address."));
    if (const auto hostPort = KnownPeers::joinHostPort(options.host, options.port); !hostPort)
        return R::failure(hostPort.error());
    if (m_chosenEndpoint == std::pair(options.host, options.port))
        options.announcedFingerprint = m_chosenFingerprint;
    if (const QString caPath = m_caFile->path(); !caPath.isEmpty()) {
        QFile file(caPath);
        if (!file.open(QIODevice::ReadOnly))
            return R::failure(tr("Cannot read %1: %2").arg(caPath, file.errorString()));
        options.caCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (options.caCertificates.isEmpty())
            return R::failure(tr("%1 holds no PEM certificate.").arg(caPath));
    }
    if (const Status identity = addIdentity(options); !identity)
        return R::failure(identity.error());
    return R::success(std::move(options));
}

Result<ClientOptions> ConnectDialog::optionsFromInvite(const QString& link) const
{
    using R = Result<ClientOptions>;
    const auto invite = InviteLink::parse(link);
    if (!invite)
        return R::failure(invite.error());
    ClientOptions options;
    options.host = invite->host();
    options.port = invite->port();
    // Exactly this certificate: any other is refused like a changed one, and no CA file widens it.
    options.pin = invite->certificateSha256();
    options.pinFromInvite = true;
    if (const Status identity = addIdentity(options); !identity)
        return R::failure(identity.error());
    return R::success(std::move(options));
}

Status ConnectDialog::addIdentity(ClientOptions& options) const
{
    options.nick = m_nick->nick();
    if (!m_nick->isValid())
        return Status::failure(m_nick->problem());
    auto identity = m_identity->load(options.nick);
    if (!identity)
        return Status::failure(identity.error());
    options.identity = std::move(identity).value();
    return succeeded();
}

void ConnectDialog::accept()
{
    if (!m_nick->isValid()) {
        m_nick->showProblem(); // under the field, where it is corrected
        m_error->hide();
        return;
    }
    auto options = buildOptions();
    if (!options) {
        m_error->setText(options.error());
        m_error->show();
        return;
    }
    m_options = std::move(options).value();
    rememberPeer(m_settings, KnownPeers::joinHostPort(m_options->host, m_options->port).value());
    m_settings.setValue(CaFileKey, m_caFile->path());
    m_settings.setValue(HostKey, m_host->currentText().trimmed());
    m_settings.setValue(PortKey, m_port->value());
    Nickname::keepTyped(m_settings, m_nick->nick());
    QDialog::accept();
}

void ConnectDialog::rememberPeer(QSettings& settings, const QString& hostPort)
{
    QStringList recent = settings.value(RecentPeersKey).toStringList();
    recent.removeAll(hostPort);
    recent.prepend(hostPort);
    settings.setValue(RecentPeersKey, QStringList(recent.mid(0, MaxRecentPeers)));
}

} // namespace securechat
