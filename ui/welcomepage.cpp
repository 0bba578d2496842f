// SPDX-License-Identifier: MIT
#include "welcomepage.h"

#include "lineicon.h"
#include "scaledfont.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Welcome"));
    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/securechat.svg")).pixmap(72, 72));
    auto* title = new QLabel(tr("Private chat over TLS"), this);
    QFont big = scaledFont(title->font(), 1.6);
    big.setBold(true);
    title->setFont(big);
    auto* text = new QLabel(tr("Host a session and tell others your address and fingerprint,\n"
                               "or connect to someone who hosts one."),
        this);
    text->setAlignment(Qt::AlignCenter);
    text->setForegroundRole(QPalette::PlaceholderText);
    auto* hostButton = new QPushButton(LineIcon::icon(QStringLiteral("host")), tr("Host a Session…"), this);
    auto* connectButton = new QPushButton(LineIcon::icon(QStringLiteral("connect")), tr("Connect…"), this);
    for (QPushButton* button : { hostButton, connectButton })
        button->setMinimumWidth(180);
    connect(hostButton, &QPushButton::clicked, this, &WelcomePage::hostRequested);
    connect(connectButton, &QPushButton::clicked, this, &WelcomePage::connectRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(hostButton);
    buttons->addWidget(connectButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(logo, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

} // namespace securechat
