// SPDX-License-Identifier: MIT
#pragma once

#include "tls/certificatedetails.h"

#include <QDialog>
#include <QList>
#include <QSslCertificate>

#include <array>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace securechat {

/// Shows a certificate chain (a peer's, a participant's, or the person's own identity): the chain
/// as a tree with the certificate itself on top and each issuer below the one it vouches for, and
/// every field of the selected certificate. Everything shown comes from the certificate's owner,
/// so it is displayed as plain text only.
class CertificateDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)

public:
    /// chain: the certificate first, then its issuers, as SessionDetails::peerChain holds it.
    explicit CertificateDialog(const QList<CertificateDetails>& chain, QWidget* parent = nullptr);

    /// CertificateDetails for each certificate, e.g. of Identity::chain().
    static QList<CertificateDetails> detailsOf(const QList<QSslCertificate>& chain);

    /// The position in the chain of the certificate whose fields are shown; -1 if the chain is empty.
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);

private:
    enum Field {
        Subject,
        Issuer,
        Serial,
        ValidFrom,
        ValidUntil,
        Validity,
        Names,
        Key,
        Signature,
        Sha256,
        Sha1,
        Extensions,
        SelfSigned,
        FieldCount
    };

    QWidget* buildChainTree();
    QWidget* buildFields();
    void showCertificate(int index);
    void copyFingerprint();
    void saveAsPem();

    QList<CertificateDetails> m_chain;
    int m_current = -1;
    QTreeWidget* m_tree = nullptr;
    std::array<QLabel*, FieldCount> m_values {};
    QPushButton* m_copyButton = nullptr;
    QPushButton* m_saveButton = nullptr;
};

} // namespace securechat
