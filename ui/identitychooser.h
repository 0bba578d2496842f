// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"
#include "base/result.h"
#include "tls/identity.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace securechat {

class FileField;

/// Which certificate and key a session presents: the stored identity (made on first use), files
/// (PEM certificate and key, or PKCS#12), or, where allowed, none.
class IdentityChooser final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentityChooser)

public:
    enum class Source { Stored, Files, None };
    Q_ENUM(Source)

    /// allowNone: offer "No certificate" (a client need not present one).
    IdentityChooser(AppPaths paths, bool allowNone, QWidget* parent = nullptr);

    Source source() const;
    void setSource(Source source);
    void setFiles(const QString& certificatePath, const QString& keyPath);

    /// The identity chosen; the stored one is created for nick if there is none yet.
    Result<Identity> load(const QString& nick) const;

private:
    void updateVisibility();
    /// A PKCS#12 certificate file holds its key: the key field is not asked for then.
    void updateKeyField();

    AppPaths m_paths;
    QComboBox* m_source = nullptr;
    QWidget* m_files = nullptr;
    FileField* m_certificate = nullptr;
    FileField* m_key = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_storedHint = nullptr;
};

} // namespace securechat
