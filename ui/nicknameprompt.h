// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QPushButton;
class QSettings;

namespace securechat {

class NicknameField;

/// The first start's one question: the name others see. Prefilled with the login name when that
/// is a valid nickname; saved on Continue, and from then on prefilled in Host…, Connect… and
/// Settings, and the name of a newly generated certificate.
class NicknamePrompt final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NicknamePrompt)

public:
    NicknamePrompt(QSettings& settings, QWidget* parent = nullptr);

    /// Asks (modally) when no valid nickname is saved yet; does nothing otherwise.
    static void askOnFirstStart(QSettings& settings, QWidget* parent);

    void accept() override;

private:
    QSettings& m_settings;
    NicknameField* m_field = nullptr;
};

} // namespace securechat
