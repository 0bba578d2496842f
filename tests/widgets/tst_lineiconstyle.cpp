// SPDX-License-Identifier: MIT
#include "lineiconstyle.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QIcon>
#include <QImage>
#include <QProxyStyle>
#include <QPushButton>
#include <QTest>

using namespace securechat;

namespace {

constexpr int IconSize = 24;

QImage imageOf(const QIcon& icon)
{
    return icon.pixmap(IconSize, IconSize).toImage().convertToFormat(QImage::Format_ARGB32);
}

// Every line icon the app ships, rendered: an icon is "ours" when it draws as one of them.
QList<QImage> lineIcons()
{
    QList<QImage> icons;
    for (const QString& path : { QStringLiteral(":/icons/ok.svg"), QStringLiteral(":/icons/close.svg"),
             QStringLiteral(":/icons/save.svg"), QStringLiteral(":/icons/open.svg"),
             QStringLiteral(":/icons/reset.svg"), QStringLiteral(":/icons/help.svg") })
        icons.append(imageOf(QIcon(path)));
    return icons;
}

// Some platforms (offscreen among them) show no icons on dialog buttons; X11 and most desktops do.
class ButtonsWithIcons final : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
        QStyleHintReturn* returnData) const override
    {
        if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
            return 1;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }
};

} // namespace

class TestLineIconStyle final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dialogButtonIconsAreLineIcons_data();
    void dialogButtonIconsAreLineIcons();
    void buttonBoxShowsLineIcons_data();
    void buttonBoxShowsLineIcons();
    void otherIconsAreTheWrappedStyles();

private:
    std::unique_ptr<LineIconStyle> m_style;
};

void TestLineIconStyle::initTestCase()
{
    m_style = std::make_unique<LineIconStyle>(QApplication::style()->name());
    for (const QImage& icon : lineIcons())
        QVERIFY2(!icon.isNull(), "every line icon is in the resources");
}

void TestLineIconStyle::dialogButtonIconsAreLineIcons_data()
{
    QTest::addColumn<int>("pixmap");
    QTest::newRow("OK") << int(QStyle::SP_DialogOkButton);
    QTest::newRow("Cancel") << int(QStyle::SP_DialogCancelButton);
    QTest::newRow("Close") << int(QStyle::SP_DialogCloseButton);
    QTest::newRow("Yes") << int(QStyle::SP_DialogYesButton);
    QTest::newRow("No") << int(QStyle::SP_DialogNoButton);
    QTest::newRow("Apply") << int(QStyle::SP_DialogApplyButton);
    QTest::newRow("Save") << int(QStyle::SP_DialogSaveButton);
    QTest::newRow("Open") << int(QStyle::SP_DialogOpenButton);
    QTest::newRow("Discard") << int(QStyle::SP_DialogDiscardButton);
    QTest::newRow("Reset") << int(QStyle::SP_DialogResetButton);
    QTest::newRow("Help") << int(QStyle::SP_DialogHelpButton);
}

void TestLineIconStyle::dialogButtonIconsAreLineIcons()
{
    QFETCH(int, pixmap);
    const QImage icon = imageOf(m_style->standardIcon(static_cast<QStyle::StandardPixmap>(pixmap)));
    QVERIFY(lineIcons().contains(icon));
}

void TestLineIconStyle::buttonBoxShowsLineIcons_data()
{
    QTest::addColumn<int>("button");
    QTest::newRow("OK") << int(QDialogButtonBox::Ok);
    QTest::newRow("Cancel") << int(QDialogButtonBox::Cancel);
    QTest::newRow("Close") << int(QDialogButtonBox::Close);
    QTest::newRow("Yes") << int(QDialogButtonBox::Yes);
}

// What a dialog shows where the platform puts icons on dialog buttons.
void TestLineIconStyle::buttonBoxShowsLineIcons()
{
    QFETCH(int, button);
    ButtonsWithIcons style(new LineIconStyle(QApplication::style()->name()));
    QDialogButtonBox box;
    box.setStyle(&style);
    box.setStandardButtons(QDialogButtonBox::StandardButton(button));
    const QPushButton* shown = box.button(QDialogButtonBox::StandardButton(button));
    QVERIFY(lineIcons().contains(imageOf(shown->icon())));
}

void TestLineIconStyle::otherIconsAreTheWrappedStyles()
{
    const QImage wrapped = imageOf(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
    QCOMPARE(imageOf(m_style->standardIcon(QStyle::SP_MessageBoxWarning)), wrapped);
    QVERIFY(!lineIcons().contains(imageOf(QApplication::style()->standardIcon(QStyle::SP_DialogOkButton))));
}

QTEST_MAIN(TestLineIconStyle)
#include "tst_lineiconstyle.moc"
