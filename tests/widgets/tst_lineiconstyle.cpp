// SPDX-License-Identifier: MIT
#include "buttonicons.h"
#include "contrast.h"
#include "iconlabel.h"
#include "lineicon.h"
#include "lineiconstyle.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPushButton>
#include <QTabBar>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

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
    for (const char* name : { "ok", "close", "save", "open", "reset", "help" })
        icons.append(imageOf(LineIcon::icon(QLatin1String(name))));
    return icons;
}

// A dialog's button row with one standard button, drawn as the app draws it.
struct ButtonRow {
    ButtonsWithIcons style { new LineIconStyle(QStringLiteral("Fusion")) };
    QDialogButtonBox box;
    QPushButton* button;

    explicit ButtonRow(QDialogButtonBox::StandardButton which)
    {
        box.setStyle(&style);
        box.setStandardButtons(which);
        button = box.button(which);
        button->setText(QString()); // the icon alone, in the middle of the button
        box.show();
    }
};

// The ink of the button's icon, and the button's face around it.
struct Drawn {
    QColor ink;
    QColor face;
    double contrast() const { return securechat::test::contrast(ink, face); }
};

Drawn drawnIcon(QWidget& button)
{
    QApplication::processEvents();
    const QImage image = button.grab().toImage();
    const int size = button.style()->pixelMetric(QStyle::PM_ButtonIconSize, nullptr, &button);
    QRect icon(0, 0, size, size);
    icon.moveCenter(image.rect().center());
    const QColor face = image.pixelColor(icon.left() - 3, image.height() / 2);
    return { strongestAgainst(image, icon, face), face };
}

} // namespace

class TestLineIconStyle final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void dialogButtonIconsAreLineIcons_data();
    void dialogButtonIconsAreLineIcons();
    void buttonBoxShowsLineIcons_data();
    void buttonBoxShowsLineIcons();
    void otherIconsAreTheWrappedStyles();
    void toolBarOverflowArrowFollowsThePalette_data();
    void toolBarOverflowArrowFollowsThePalette();
    void iconStandsOutFromTheButton_data();
    void iconStandsOutFromTheButton();
    void iconFollowsAPaletteChange_data();
    void iconFollowsAPaletteChange();
    void iconLabelFollowsAPaletteChange_data();
    void iconLabelFollowsAPaletteChange();
    void disabledButtonDrawsTheDisabledColour_data();
    void disabledButtonDrawsTheDisabledColour();
    void tabCloseButtonStandsOutFromTheTab_data();
    void tabCloseButtonStandsOutFromTheTab();
    void accentIconStandsOutFromTheBanner_data();
    void accentIconStandsOutFromTheBanner();
    void customDialogButtonGetsAnIconWhereTheStandardOnesDo_data();
    void customDialogButtonGetsAnIconWhereTheStandardOnesDo();

private:
    std::unique_ptr<LineIconStyle> m_style;
    QPalette m_startPalette;
    QString m_startStyle;
};

void TestLineIconStyle::initTestCase()
{
    m_startPalette = QApplication::palette();
    m_startStyle = QApplication::style()->name();
    m_style = std::make_unique<LineIconStyle>(QApplication::style()->name());
    for (const QImage& icon : lineIcons())
        QVERIFY2(!icon.isNull(), "every line icon is in the resources");
}

void TestLineIconStyle::cleanup()
{
    QApplication::setPalette(m_startPalette);
    if (qobject_cast<const LineIconStyle*>(QApplication::style()))
        QApplication::setStyle(m_startStyle);
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

void TestLineIconStyle::toolBarOverflowArrowFollowsThePalette_data()
{
    QTest::addColumn<int>("pixmap");
    QTest::addColumn<QString>("icon");
    QTest::newRow("horizontal") << int(QStyle::SP_ToolBarHorizontalExtensionButton) << QStringLiteral("more");
    QTest::newRow("vertical") << int(QStyle::SP_ToolBarVerticalExtensionButton)
                              << QStringLiteral("more-down");
}

// The "»" of a toolbar too narrow for its actions: the stock one is a dark arrow on any palette.
void TestLineIconStyle::toolBarOverflowArrowFollowsThePalette()
{
    QFETCH(int, pixmap);
    QFETCH(QString, icon);
    QApplication::setPalette(breezeDark());
    const QImage shown = imageOf(m_style->standardIcon(static_cast<QStyle::StandardPixmap>(pixmap)));
    QCOMPARE(shown, imageOf(LineIcon::icon(icon)));
    QVERIFY(
        shown != imageOf(QApplication::style()->standardIcon(static_cast<QStyle::StandardPixmap>(pixmap))));
}

void TestLineIconStyle::iconStandsOutFromTheButton_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("button");
    const QList<std::pair<const char*, QDialogButtonBox::StandardButton>> buttons {
        { "OK", QDialogButtonBox::Ok }, { "Cancel", QDialogButtonBox::Cancel },
        { "Save", QDialogButtonBox::Save }, { "Open", QDialogButtonBox::Open },
        { "Reset", QDialogButtonBox::Reset }, { "Help", QDialogButtonBox::Help }
    };
    for (const auto& [paletteName, palette] : everyPalette()) {
        for (const auto& [buttonName, button] : buttons)
            QTest::addRow("%s, %s", paletteName, buttonName) << palette << int(button);
    }
}

// WCAG 2.1's 3:1 for the parts of a control a person needs to see.
void TestLineIconStyle::iconStandsOutFromTheButton()
{
    QFETCH(QPalette, palette);
    QFETCH(int, button);
    QApplication::setPalette(palette);
    ButtonRow row { QDialogButtonBox::StandardButton(button) };
    const Drawn drawn = drawnIcon(*row.button);
    QVERIFY2(drawn.contrast() >= 3.0,
        qPrintable(
            QStringLiteral("%1 on %2: %3:1").arg(drawn.ink.name(), drawn.face.name()).arg(drawn.contrast())));
}

void TestLineIconStyle::iconFollowsAPaletteChange_data()
{
    addPaletteRows();
}

// A desktop switching to a dark theme while the dialog is open.
void TestLineIconStyle::iconFollowsAPaletteChange()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(fusionLight());
    ButtonRow row(QDialogButtonBox::Ok);
    static_cast<void>(drawnIcon(*row.button));
    QApplication::setPalette(palette);
    const Drawn drawn = drawnIcon(*row.button);
    QVERIFY2(drawn.contrast() >= 3.0, qPrintable(drawn.ink.name()));
    QCOMPARE(drawn.ink, palette.color(QPalette::ButtonText));
}

void TestLineIconStyle::iconLabelFollowsAPaletteChange_data()
{
    addPaletteRows();
}

// The status bar's and the banner's signs: drawn again in the new palette, not kept as pictures.
void TestLineIconStyle::iconLabelFollowsAPaletteChange()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(fusionLight());
    QWidget window;
    window.setAutoFillBackground(true);
    auto* label = new IconLabel(&window);
    label->setIcon(LineIcon::icon(QStringLiteral("pending")), IconSize);
    window.show();
    static_cast<void>(window.grab());
    QApplication::setPalette(palette);
    QApplication::processEvents();
    const QImage drawn = window.grab().toImage();
    const QColor ink = strongestAgainst(drawn, label->geometry(), palette.color(QPalette::Window));
    QCOMPARE(ink, palette.color(QPalette::ButtonText));
}

void TestLineIconStyle::disabledButtonDrawsTheDisabledColour_data()
{
    addPaletteRows();
}

void TestLineIconStyle::disabledButtonDrawsTheDisabledColour()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    ButtonRow row(QDialogButtonBox::Ok);
    const Drawn enabled = drawnIcon(*row.button);
    row.button->setEnabled(false);
    const Drawn disabled = drawnIcon(*row.button);
    QCOMPARE(disabled.ink, palette.color(QPalette::Disabled, QPalette::ButtonText));
    QVERIFY(disabled.contrast() < enabled.contrast());
}

void TestLineIconStyle::tabCloseButtonStandsOutFromTheTab_data()
{
    addPaletteRows();
}

// The style's own close button is a red box on every tab: the line cross instead, readable.
void TestLineIconStyle::tabCloseButtonStandsOutFromTheTab()
{
    QFETCH(QPalette, palette);
    QApplication::setPalette(palette);
    QApplication::setStyle(new LineIconStyle(QStringLiteral("Fusion"))); // the close buttons' too
    QTabBar bar;
    bar.setDocumentMode(true);
    bar.setTabsClosable(true);
    bar.addTab(QStringLiteral("127.0.0.1:7447"));
    bar.addTab(QStringLiteral("[::1]:7447"));
    bar.show();
    for (int tab = 0; tab < bar.count(); ++tab) {
        QWidget* close = bar.tabButton(tab, QTabBar::RightSide);
        QVERIFY(close);
        QApplication::processEvents();
        const QImage image = close->grab().toImage();
        const QColor face = bar.grab(close->geometry().adjusted(-4, 0, -4, 0)).toImage().pixelColor(1, 1);
        const QColor ink = strongestAgainst(image, image.rect(), face);
        QVERIFY2(
            contrast(ink, face) >= 3.0, qPrintable(QStringLiteral("%1 on %2").arg(ink.name(), face.name())));
    }
}

void TestLineIconStyle::accentIconStandsOutFromTheBanner_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("icon");
    for (const auto& [name, palette] : everyPalette()) {
        QTest::addRow("%s, hosting", name) << palette << QStringLiteral("hosting");
        QTest::addRow("%s, waiting", name) << palette << QStringLiteral("pending");
    }
}

// The session banner (the palette's alternate base) and the status bar (its window) show the
// hosting and waiting signs in the accent colour.
void TestLineIconStyle::accentIconStandsOutFromTheBanner()
{
    QFETCH(QPalette, palette);
    QFETCH(QString, icon);
    QApplication::setPalette(palette);
    for (const QPalette::ColorRole background : { QPalette::AlternateBase, QPalette::Window }) {
        QPixmap drawn(IconSize, IconSize);
        drawn.fill(palette.color(background));
        QPainter painter(&drawn);
        LineIcon::icon(icon, TextTone::Tone::Accent).paint(&painter, drawn.rect());
        painter.end();
        const QColor ink = strongestAgainst(drawn.toImage(), drawn.rect(), palette.color(background));
        QVERIFY2(contrast(ink, palette.color(background)) >= 3.0,
            qPrintable(QStringLiteral("%1 on %2").arg(ink.name(), palette.color(background).name())));
        QVERIFY2(ink.hslSaturationF() > 0.3, qPrintable(ink.name())); // blue, not grey
    }
}

void TestLineIconStyle::customDialogButtonGetsAnIconWhereTheStandardOnesDo_data()
{
    QTest::addColumn<bool>("buttonsHaveIcons");
    QTest::newRow("a style with icons on dialog buttons") << true;
    QTest::newRow("a style without") << false;
}

void TestLineIconStyle::customDialogButtonGetsAnIconWhereTheStandardOnesDo()
{
    QFETCH(bool, buttonsHaveIcons);
    ButtonsWithIcons withIcons(new LineIconStyle(QStringLiteral("Fusion")));
    LineIconStyle without(QStringLiteral("Fusion"));
    QDialogButtonBox box;
    box.setStyle(buttonsHaveIcons ? static_cast<QStyle*>(&withIcons) : &without);
    box.setStandardButtons(QDialogButtonBox::Cancel);
    QPushButton* end = box.addButton(QStringLiteral("End Session"), QDialogButtonBox::AcceptRole);
    LineIcon::decorateDialogButton(end, QStringLiteral("disconnect"));
    QCOMPARE(end->icon().isNull(), box.button(QDialogButtonBox::Cancel)->icon().isNull());
    QCOMPARE(!end->icon().isNull(), buttonsHaveIcons);
    if (buttonsHaveIcons)
        QCOMPARE(imageOf(end->icon()), imageOf(LineIcon::icon(QStringLiteral("disconnect"))));
}

QTEST_MAIN(TestLineIconStyle)
#include "tst_lineiconstyle.moc"
