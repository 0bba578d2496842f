// SPDX-License-Identifier: MIT
#include "hostdialog.h"

#include "filefield.h"
#include "identitychooser.h"
#include "nickname.h"
#include "nicknamefield.h"
#include "portavailability.h"
#include "texttone.h"
#include "tls/certificatedetails.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace securechat {

namespace {

    enum class AddressChoice { Any, Localhost, Custom };

    const QLatin1String AddressKey("host/address"); // "any", "localhost" or an IP address
    const QLatin1String PortKey("host/port");
    const QLatin1String AdmissionKey("host/admission"); // "ask", "known" or "open"
    const QLatin1String AnnounceKey("host/announce"); // bool; unset: announce when on all addresses

    QString admissionWord(Admission admission)
    {
        switch (admission) {
        case Admission::Open:
            return QStringLiteral("open");
        case Admission::Known:
            return QStringLiteral("known");
        case Admission::Ask:
            break;
        }
        return QStringLiteral("ask");
    }

} // namespace

HostDialog::HostDialog(AppPaths paths, QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_paths(std::move(paths))
    , m_settings(settings)
{
    setWindowTitle(tr("Host a Session"));
    setAccessibleName(windowTitle());

    m_address = new QComboBox(this);
    m_address->setAccessibleName(tr("Address to listen on"));
    m_address->addItem(
        tr("All addresses of this computer (others can join)"), QVariant::fromValue(int(AddressChoice::Any)));
    m_address->addItem(
        tr("This computer only (127.0.0.1)"), QVariant::fromValue(int(AddressChoice::Localhost)));
    m_address->addItem(tr("A specific address…"), QVariant::fromValue(int(AddressChoice::Custom)));
    m_customAddress = new QLineEdit(this);
    m_customAddress->setAccessibleName(tr("Specific address"));
    m_customAddress->setPlaceholderText(tr("e.g. 192.168.1.20 or ::1"));

    m_port = new QSpinBox(this);
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setValue(m_settings.value(PortKey, DefaultPort).toInt());

    m_nick = new NicknameField(Nickname::preferred(m_settings), this);

    m_identity = new IdentityChooser(m_paths, false, this);

    m_admission = new QComboBox(this);
    m_admission->setAccessibleName(tr("Who may join"));
    m_admission->addItem(tr("Ask me about each new participant"), QVariant::fromValue(int(Admission::Ask)));
    m_admission->addItem(tr("Only people I know"), QVariant::fromValue(int(Admission::Known)));
    m_admission->addItem(tr("Anyone who can reach this port"), QVariant::fromValue(int(Admission::Open)));
    m_admission->setToolTip(tr("People you know are those you chose to always admit; you can see them, and "
                               "whom you blocked, in Settings."));
    setAdmission(rememberedAdmission(m_settings));

    m_requireClientCertificates
        = new QCheckBox(tr("Require a client certificate from everyone who joins"), this);
    m_requireClientCertificates->setAccessibleName(tr("Require client certificates"));
    m_clientCa
        = new FileField(tr("Client CA certificates"), tr("Certificates (*.pem *.crt);;All files (*)"), this);
    m_clientCa->setAccessibleName(tr("Accept client certificates issued by"));
    m_clientCa->setPlaceholderText(tr("CA certificates (PEM), optional"));
    m_allowedFingerprints = new QLineEdit(this);
    m_allowedFingerprints->setAccessibleName(tr("Accept client certificates with these fingerprints"));
    m_allowedFingerprints->setPlaceholderText(tr("SHA-256 fingerprints, separated by commas, optional"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setTextFormat(Qt::PlainText); // quotes file paths and library errors
    m_error->setWordWrap(true);
    TextTone::apply(m_error, TextTone::Tone::Warning);
    m_error->hide();
    m_freePort = new QPushButton(this);
    m_freePort->setObjectName(QStringLiteral("freePortButton"));
    m_freePort->hide();
    connect(m_freePort, &QPushButton::clicked, this, [this] {
        m_port->setValue(m_offeredPort);
        m_freePort->hide();
        m_error->hide();
    });

    m_announce = new QCheckBox(tr("Announce on the &local network"), this);
    m_announce->setToolTip(tr("Others on this network see your nickname and certificate fingerprint in "
                              "their Connect dialog. Who may join is still your choice below."));

    m_form = new QFormLayout;
    auto* form = m_form;
    form->addRow(tr("&Address:"), m_address);
    form->addRow(QString(), m_customAddress);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Nickname:"), m_nick);
    form->addRow(tr("&Identity:"), m_identity);
    form->addRow(QString(), m_announce);
    form->addRow(tr("&Who may join:"), m_admission);
    form->addRow(QString(), m_requireClientCertificates);
    form->addRow(tr("Issued by:"), m_clientCa);
    form->addRow(tr("Or fingerprints:"), m_allowedFingerprints);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start Hosting"));
    connect(buttons, &QDialogButtonBox::accepted, this, &HostDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HostDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_freePort, 0, Qt::AlignLeft);
    layout->addStretch(1);
    layout->addWidget(buttons);

    const QString address = m_settings.value(AddressKey, QStringLiteral("any")).toString();
    if (address == QStringLiteral("localhost"))
        m_address->setCurrentIndex(int(AddressChoice::Localhost));
    else if (address != QStringLiteral("any"))
        setAddress(QHostAddress(address));
    auto updateAddress = [this] {
        m_customAddress->setVisible(m_address->currentIndex() == int(AddressChoice::Custom));
        // Nobody else can reach a session on this computer only: nothing to announce.
        const bool anyAddress = m_address->currentIndex() == int(AddressChoice::Any);
        m_announce->setEnabled(m_address->currentIndex() != int(AddressChoice::Localhost));
        m_announce->setChecked(m_settings.value(AnnounceKey, anyAddress).toBool() && m_announce->isEnabled());
    };
    connect(m_address, &QComboBox::currentIndexChanged, this, updateAddress);
    updateAddress();
    connect(
        m_requireClientCertificates, &QCheckBox::toggled, this, &HostDialog::updateClientCertificateFields);
    updateClientCertificateFields();
    resize(560, sizeHint().height());
}

HostDialog::~HostDialog() = default;

void HostDialog::setAddress(const QHostAddress& address)
{
    if (address == QHostAddress(QHostAddress::Any)) {
        m_address->setCurrentIndex(int(AddressChoice::Any));
    } else if (address == QHostAddress(QHostAddress::LocalHost)) {
        m_address->setCurrentIndex(int(AddressChoice::Localhost));
    } else {
        m_address->setCurrentIndex(int(AddressChoice::Custom));
        m_customAddress->setText(address.toString());
    }
}

void HostDialog::setPort(quint16 port)
{
    m_port->setValue(port);
}

void HostDialog::setNickname(const QString& nick)
{
    m_nick->setNick(nick);
}

void HostDialog::setIdentityFiles(const QString& certificatePath, const QString& keyPath)
{
    m_identity->setFiles(certificatePath, keyPath);
}

Admission HostDialog::rememberedAdmission(const QSettings& settings)
{
    const QString word = settings.value(AdmissionKey).toString();
    for (const Admission admission : { Admission::Open, Admission::Known }) {
        if (word == admissionWord(admission))
            return admission;
    }
    return Admission::Ask;
}

void HostDialog::setAdmission(Admission admission)
{
    m_admission->setCurrentIndex(m_admission->findData(QVariant::fromValue(int(admission))));
}

void HostDialog::setRequireClientCertificates(bool require)
{
    m_requireClientCertificates->setChecked(require);
}

void HostDialog::setClientCaFile(const QString& path)
{
    m_clientCa->setPath(path);
}

void HostDialog::updateClientCertificateFields()
{
    const bool require = m_requireClientCertificates->isChecked();
    m_form->setRowVisible(m_clientCa, require);
    m_form->setRowVisible(m_allowedFingerprints, require);
}

Result<QHostAddress> HostDialog::address() const
{
    switch (AddressChoice(m_address->currentIndex())) {
    case AddressChoice::Any:
        return Result<QHostAddress>::success(QHostAddress(QHostAddress::Any));
    case AddressChoice::Localhost:
        return Result<QHostAddress>::success(QHostAddress(QHostAddress::LocalHost));
    case AddressChoice::Custom:
        break;
    }
    const QHostAddress custom(m_customAddress->text().trimmed());
    if (custom.isNull())
        return Result<QHostAddress>::failure(
            tr("“%1” is not an IP address.").arg(m_customAddress->text().trimmed()));
    return Result<QHostAddress>::success(custom);
}

Result<HostOptions> HostDialog::buildOptions() const
{
    using R = Result<HostOptions>;
    HostOptions options;
    const auto bind = address();
    if (!bind)
        return R::failure(bind.error());
    options.address = bind.value();
    options.port = static_cast<quint16>(m_port->value());
    options.nick = m_nick->nick();
    if (!m_nick->isValid())
        return R::failure(m_nick->problem());
    auto identity = m_identity->load(options.nick);
    if (!identity)
        return R::failure(identity.error());
    options.identity = std::move(identity).value();
    options.admission = Admission(m_admission->currentData().toInt());
    options.requireClientCertificates = m_requireClientCertificates->isChecked();
    if (!options.requireClientCertificates)
        return R::success(std::move(options));

    if (const QString caPath = m_clientCa->path(); !caPath.isEmpty()) {
        QFile file(caPath);
        if (!file.open(QIODevice::ReadOnly))
            return R::failure(tr("Cannot read %1: %2").arg(caPath, file.errorString()));
        options.clientCaCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (options.clientCaCertificates.isEmpty())
            return R::failure(tr("%1 holds no PEM certificate.").arg(caPath));
    }
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    for (const QString& text : m_allowedFingerprints->text().split(separators, Qt::SkipEmptyParts)) {
        const QByteArray digest = CertificateDetails::parseFingerprint(text.trimmed());
        if (digest.isEmpty())
            return R::failure(tr("“%1” is not a SHA-256 fingerprint.").arg(text.trimmed()));
        options.allowedClientFingerprints << digest;
    }
    if (options.clientCaCertificates.isEmpty() && options.allowedClientFingerprints.isEmpty())
        return R::failure(
            tr("To require client certificates, say which to accept: a CA file, fingerprints, or both."));
    return R::success(std::move(options));
}

void HostDialog::accept()
{
    if (!m_nick->isValid()) {
        m_nick->showProblem(); // under the field, where it is corrected
        m_error->hide();
        return;
    }
    auto options = buildOptions();
    if (!options) {
        showError(options.error());
        return;
    }
    if (const Status free = PortAvailability::check(options->address, options->port); !free) {
        offerFreePort(free.error(), options->address, options->port);
        return;
    }
    m_options = std::move(options).value();
    remember();
    QDialog::accept();
}

void HostDialog::showError(const QString& error)
{
    m_error->setText(error);
    m_error->show();
    m_freePort->hide();
}

void HostDialog::offerFreePort(const QString& error, const QHostAddress& address, quint16 busyPort)
{
    showError(error);
    const quint16 free = PortAvailability::freeNear(address, busyPort);
    if (free == 0)
        return;
    m_offeredPort = free;
    m_freePort->setText(tr("Use Port %1").arg(free));
    m_freePort->show();
    m_freePort->setFocus();
}

bool HostDialog::announceOnLocalNetwork() const
{
    return m_announce->isEnabled() && m_announce->isChecked();
}

void HostDialog::setAnnounceOnLocalNetwork(bool announce)
{
    m_announce->setChecked(announce);
}

void HostDialog::remember() const
{
    QString address = QStringLiteral("any");
    if (m_address->currentIndex() == int(AddressChoice::Localhost))
        address = QStringLiteral("localhost");
    else if (m_address->currentIndex() == int(AddressChoice::Custom))
        address = m_customAddress->text().trimmed();
    m_settings.setValue(AddressKey, address);
    m_settings.setValue(PortKey, m_port->value());
    if (m_announce->isEnabled())
        m_settings.setValue(AnnounceKey, m_announce->isChecked());
    m_settings.setValue(AdmissionKey, admissionWord(Admission(m_admission->currentData().toInt())));
}

} // namespace securechat
