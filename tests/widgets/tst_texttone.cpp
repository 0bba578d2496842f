// SPDX-License-Identifier: MIT
#include "contrast.h"
#include "texttone.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

Q_DECLARE_METATYPE(TextTone::Tone)

namespace {

void addPalettesAndTones()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<TextTone::Tone>("tone");
    QTest::addColumn<int>("background");
    const std::pair<const char*, TextTone::Tone> tones[] = { { "warning", TextTone::Tone::Warning },
        { "all clear", TextTone::Tone::AllClear }, { "accent", TextTone::Tone::Accent } };
    const std::pair<const char*, QPalette::ColorRole> backgrounds[]
        = { { "window", QPalette::Window }, { "alternate base", QPalette::AlternateBase } };
    for (const auto& [paletteName, palette] : everyPalette()) {
        for (const auto& [toneName, tone] : tones) {
            for (const auto& [backgroundName, background] : backgrounds)
                QTest::addRow("%s, %s on %s", paletteName, toneName, backgroundName)
                    << palette << tone << int(background);
        }
    }
}

} // namespace

class TestTextTone final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsOnItsBackground_data() { addPalettesAndTones(); }
    void readsOnItsBackground();
    void keepsItsHue_data() { addPalettesAndTones(); }
    void keepsItsHue();
    void labelIsDrawnInTheTone_data() { addPaletteRows(); }
    void labelIsDrawnInTheTone();
    void plainGivesTheWindowsTextBack();
    void toneFollowsAPaletteChange_data() { addPaletteRows(); }
    void toneFollowsAPaletteChange();
};

// WCAG AA for text: 4.5:1.
void TestTextTone::readsOnItsBackground()
{
    QFETCH(QPalette, palette);
    QFETCH(TextTone::Tone, tone);
    QFETCH(int, background);
    const QColor behind = palette.color(QPalette::ColorRole(background));
    const QColor colour = TextTone::color(tone, palette, QPalette::ColorRole(background));
    QVERIFY2(contrast(colour, behind) >= 4.5,
        qPrintable(
            QStringLiteral("%1 on %2: %3").arg(colour.name(), behind.name()).arg(contrast(colour, behind))));
}

// A warning still looks like one: red, the all-clear green and the accent blue, not the plain
// text colour.
void TestTextTone::keepsItsHue()
{
    QFETCH(QPalette, palette);
    QFETCH(TextTone::Tone, tone);
    QFETCH(int, background);
    const QColor colour = TextTone::color(tone, palette, QPalette::ColorRole(background));
    QVERIFY2(colour.hslSaturationF() > 0.3, qPrintable(colour.name()));
    const int hue = colour.hslHue();
    if (tone == TextTone::Tone::Warning)
        QVERIFY2(hue < 15 || hue > 345, qPrintable(colour.name()));
    else if (tone == TextTone::Tone::AllClear)
        QVERIFY2(hue > 90 && hue < 150, qPrintable(colour.name()));
    else
        QVERIFY2(hue > 195 && hue < 225, qPrintable(colour.name()));
}

// What a person sees: the label's letters against the window, measured on the drawn pixels.
void TestTextTone::labelIsDrawnInTheTone()
{
    QFETCH(QPalette, palette);
    QWidget window;
    window.setPalette(palette);
    window.setAutoFillBackground(true);
    auto* label = new QLabel(QStringLiteral("The numbers differ"), &window);
    QFont large = label->font();
    large.setPixelSize(28);
    large.setBold(true);
    label->setFont(large);
    label->adjustSize();
    TextTone::apply(label, TextTone::Tone::Warning);
    const QImage image = window.grab().toImage();
    const QColor behind = palette.color(QPalette::Window);
    const QColor ink = strongestAgainst(image, label->geometry(), behind);
    QCOMPARE(ink, TextTone::color(TextTone::Tone::Warning, palette));
    QVERIFY(contrast(ink, behind) >= 4.5);
}

void TestTextTone::plainGivesTheWindowsTextBack()
{
    QWidget window;
    window.setPalette(breezeDark());
    auto* label = new QLabel(&window);
    TextTone::apply(label, TextTone::Tone::Warning);
    QVERIFY(label->palette().color(QPalette::WindowText) != breezeDark().color(QPalette::WindowText));
    TextTone::apply(label, TextTone::Tone::Plain);
    QCOMPARE(label->palette().color(QPalette::WindowText), breezeDark().color(QPalette::WindowText));
}

// A desktop switching to another palette while the window is open.
void TestTextTone::toneFollowsAPaletteChange()
{
    QFETCH(QPalette, palette);
    const QPalette before = QApplication::palette();
    QApplication::setPalette(fusionLight());
    QWidget window;
    auto* label
        = new QLabel(QStringLiteral("Open session: anyone who can reach this port can join."), &window);
    TextTone::apply(label, TextTone::Tone::Warning);
    QApplication::setPalette(palette);
    const QColor expected = TextTone::color(TextTone::Tone::Warning, palette);
    const bool followed
        = QTest::qWaitFor([&] { return label->palette().color(QPalette::WindowText) == expected; }, 1000);
    QApplication::setPalette(before);
    QVERIFY2(followed, qPrintable(label->palette().color(QPalette::WindowText).name()));
}

QTEST_MAIN(TestTextTone)
#include "tst_texttone.moc"
