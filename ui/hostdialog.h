// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"
#include "session/hostoptions.h"
#include "trust/admission.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace securechat {

class FileField;
class IdentityChooser;
class NicknameField;

/// Asks how to host a session: address, port, nickname, identity, who may join, client
/// certificates.
///
/// The address defaults to all of this computer's addresses (IPv4 and IPv6), as the CLI's
/// `host` does: hosting is for others to join, and admission, not the address, is what keeps
/// strangers out. "This computer only" (127.0.0.1) is one click away. The port defaults to
/// 7447; 0 picks a free one. Who may join defaults to asking about each new participant (the
/// CLI's default is open, for scripts; a person at a window can answer). What was chosen is
/// remembered for next time. "Announce on the local network" is on by default when listening on
/// all addresses, and remembered once chosen.
class HostDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostDialog)

public:
    static constexpr quint16 DefaultPort = 7447;

    /// Who may join, as last chosen in this dialog (Ask if never).
    static Admission rememberedAdmission(const QSettings& settings);

    HostDialog(AppPaths paths, QSettings& settings, QWidget* parent = nullptr);
    ~HostDialog() override;

    void setAddress(const QHostAddress& address);
    void setPort(quint16 port);
    void setNickname(const QString& nick);
    void setIdentityFiles(const QString& certificatePath, const QString& keyPath);
    void setAdmission(Admission admission);
    void setRequireClientCertificates(bool require);
    /// CA certificates (PEM) whose client certificates are accepted when they are required.
    void setClientCaFile(const QString& path);

    /// Checks the form, loads the identity and checks that the port is free; stays open with the
    /// reason if that fails (and, for a busy port, a button that takes a free one).
    void accept() override;
    /// What to host with; set once the dialog was accepted.
    const std::optional<HostOptions>& hostOptions() const { return m_options; }
    /// Whether to announce the session on the local network (DNS-SD); never for "this computer only".
    bool announceOnLocalNetwork() const;
    void setAnnounceOnLocalNetwork(bool announce);

private:
    Result<HostOptions> buildOptions() const;
    Result<QHostAddress> address() const;
    void remember() const;
    void updateClientCertificateFields();
    void showError(const QString& error);
    /// Says that the port is busy and offers one free now.
    void offerFreePort(const QString& error, const QHostAddress& address, quint16 busyPort);

    AppPaths m_paths;
    QSettings& m_settings;
    QFormLayout* m_form = nullptr;
    QComboBox* m_address = nullptr;
    QLineEdit* m_customAddress = nullptr;
    QSpinBox* m_port = nullptr;
    NicknameField* m_nick = nullptr;
    IdentityChooser* m_identity = nullptr;
    QComboBox* m_admission = nullptr;
    QCheckBox* m_announce = nullptr;
    QCheckBox* m_requireClientCertificates = nullptr;
    FileField* m_clientCa = nullptr;
    QLineEdit* m_allowedFingerprints = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_freePort = nullptr; // shown with a busy port's error
    quint16 m_offeredPort = 0;
    std::optional<HostOptions> m_options;
};

} // namespace securechat
