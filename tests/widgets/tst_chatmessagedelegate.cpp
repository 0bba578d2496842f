// SPDX-License-Identifier: MIT
#include "chatmessagedelegate.h"
#include "chatmessagemodel.h"
#include "contrast.h"
#include "texttone.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace securechat;
using securechat::test::contrast;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

constexpr int Width = 600;

QStyleOptionViewItem optionFor(int width = Width)
{
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    option.rect = QRect(0, 0, width, 0);
    return option;
}

int heightOf(const QString& text, int width = Width)
{
    ChatMessageModel model;
    model.appendMessage({ 1, QString(), str("alice"), text, QDateTime::currentDateTimeUtc() });
    ChatMessageDelegate delegate;
    return delegate.sizeHint(optionFor(width), model.index(0)).height();
}

// Paints row 0 of model into an image of the row's size, on the palette's base as a view has it.
QImage paintRow(
    const ChatMessageModel& model, ChatMessageDelegate& delegate, QStyle::State state = QStyle::State_Enabled)
{
    QStyleOptionViewItem option = optionFor();
    option.state = state;
    const QSize size = delegate.sizeHint(option, model.index(0));
    option.rect = QRect(QPoint(0, 0), size);
    QImage image(size, QImage::Format_RGB32);
    image.fill(option.palette.color(QPalette::Base));
    QPainter painter(&image);
    delegate.paint(&painter, option, model.index(0));
    return image;
}

bool containsColour(const QImage& image, const QColor& wanted, int tolerance = 40)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - wanted.red()) + std::abs(pixel.green() - wanted.green())
                    + std::abs(pixel.blue() - wanted.blue())
                < tolerance)
                return true;
        }
    }
    return false;
}

QPalette paletteOn(const QColor& base)
{
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Base, base);
    return palette;
}

void appendFrom(ChatMessageModel& model, const char* nick, const char* text,
    ChatMessageModel::Kind kind = ChatMessageModel::Kind::Message)
{
    model.appendMessage({ 1, QString(), str(nick), str(text), QDateTime::currentDateTimeUtc() }, kind);
}

} // namespace

class TestChatMessageDelegate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void markupTakesOneLine_data();
    void markupTakesOneLine();
    void eachLineBreakAddsALine();
    void longTextWrapsToTheWidth();
    void nickColourIsStable();
    void nickColoursDiffer();
    void nickColourSuitsDarkPalettes();
    void annAndBobLookDifferent_data();
    void annAndBobLookDifferent();
    void nickColoursAreReadable_data();
    void nickColoursAreReadable();
    void problemIsReadableOnEveryPalette_data() { securechat::test::addPaletteRows(); }
    void problemIsReadableOnEveryPalette();
    void ownMessagesAreSetApart();
    void lineLengthStopsAtReadableWidth();
    void deliveredMessageShowsCheckMark_data() { securechat::test::addPaletteRows(); }
    void deliveredMessageShowsCheckMark();
    void highlightMarksMatches();
    void highlightShowsOnTheSelectedRow();
    void highlightMarksTheCurrentMatchStrongest();
    void highlightMarksAMatchingNick();
};

// Were the text parsed as HTML, each of these would be taller than one line (line breaks,
// a heading, an image) or empty; as plain text each is one short line like any other.
void TestChatMessageDelegate::markupTakesOneLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("line breaks") << str("<br><br><br><br>x");
    QTest::newRow("heading") << str("<h1>big</h1>");
    QTest::newRow("image") << str("<b>x</b><img src=/etc/hostname>");
    QTest::newRow("table") << str("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>");
}

void TestChatMessageDelegate::markupTakesOneLine()
{
    QFETCH(QString, text);
    QCOMPARE(heightOf(text), heightOf(str("plain")));
}

void TestChatMessageDelegate::eachLineBreakAddsALine()
{
    const int one = heightOf(str("a"));
    const int three = heightOf(str("a\nb\nc"));
    const int lineHeight = QFontMetrics(QApplication::font()).height();
    QVERIFY2(three >= one + 2 * lineHeight - 2, qPrintable(str("one %1, three %2").arg(one).arg(three)));
}

void TestChatMessageDelegate::longTextWrapsToTheWidth()
{
    const QString text = str("word ").repeated(80);
    const int wide = heightOf(text, 1200);
    const int narrow = heightOf(text, 400);
    QVERIFY2(narrow > wide, qPrintable(str("wide %1, narrow %2").arg(wide).arg(narrow)));
    QVERIFY(heightOf(str("x").repeated(400), 400) > heightOf(str("x"), 400)); // no spaces: wraps anywhere
}

void TestChatMessageDelegate::nickColourIsStable()
{
    const QPalette palette = QApplication::palette();
    QCOMPARE(ChatMessageDelegate::nickColor(str("alice"), palette),
        ChatMessageDelegate::nickColor(str("alice"), palette));
    // Fixed across runs and machines: FNV-1a of the nickname, no random seed ("alice" -> magenta).
    QCOMPARE(ChatMessageDelegate::nickColor(str("alice"), paletteOn(Qt::white)), QColor(0xad1457));
}

void TestChatMessageDelegate::nickColoursDiffer()
{
    const QPalette palette = QApplication::palette();
    QSet<QRgb> colours;
    for (const char* nick : { "alice", "bob", "carol", "dave", "erin", "frank" })
        colours.insert(ChatMessageDelegate::nickColor(str(nick), palette).rgb());
    QVERIFY2(colours.size() >= 5, "nearly every nickname gets its own colour");
}

void TestChatMessageDelegate::nickColourSuitsDarkPalettes()
{
    QPalette dark;
    dark.setColor(QPalette::Base, Qt::black);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QVERIFY(ChatMessageDelegate::nickColor(str("alice"), dark).lightnessF()
        > ChatMessageDelegate::nickColor(str("alice"), light).lightnessF() + 0.2);
}

void TestChatMessageDelegate::annAndBobLookDifferent_data()
{
    QTest::addColumn<QColor>("base");
    QTest::newRow("light") << QColor(Qt::white);
    QTest::newRow("dark") << QColor(0x2b, 0x2b, 0x2b);
}

// Two hues a person tells apart at a glance, not two shades of purple.
void TestChatMessageDelegate::annAndBobLookDifferent()
{
    QFETCH(QColor, base);
    const QPalette palette = paletteOn(base);
    const int ann = ChatMessageDelegate::nickColor(str("ann"), palette).hslHue();
    const int bob = ChatMessageDelegate::nickColor(str("bob"), palette).hslHue();
    const int apart = std::min(std::abs(ann - bob), 360 - std::abs(ann - bob));
    QVERIFY2(apart >= 60, qPrintable(str("ann %1°, bob %2°").arg(ann).arg(bob)));
}

void TestChatMessageDelegate::nickColoursAreReadable_data()
{
    annAndBobLookDifferent_data();
}

void TestChatMessageDelegate::nickColoursAreReadable()
{
    QFETCH(QColor, base);
    const QPalette palette = paletteOn(base);
    QSet<QRgb> seen;
    for (int i = 0; i < 200; ++i) {
        const QColor colour = ChatMessageDelegate::nickColor(str("user%1").arg(i), palette);
        seen.insert(colour.rgb());
        QVERIFY2(contrast(colour, base) >= 4.5, qPrintable(colour.name()));
    }
    QVERIFY2(seen.size() >= 8, "every colour of the palette is used");
}

void TestChatMessageDelegate::ownMessagesAreSetApart()
{
    ChatMessageModel theirs;
    appendFrom(theirs, "alice", "hello");
    ChatMessageModel mine;
    appendFrom(mine, "bob", "hello", ChatMessageModel::Kind::OwnMessage);
    ChatMessageDelegate delegate;
    const QImage other = paintRow(theirs, delegate);
    const QImage own = paintRow(mine, delegate);
    const QPoint background(Width - 2, 1); // right of any text
    QCOMPARE(other.pixel(background), QColor(Qt::white).rgb());
    QCOMPARE(own.pixel(background), ChatMessageDelegate::ownMessageTint(QApplication::palette()).rgb());
    QVERIFY(own.pixel(background) != QColor(Qt::white).rgb());
    QCOMPARE(own.pixel(1, 1), QApplication::palette().color(QPalette::Highlight).rgb()); // the accent bar
}

// On a wide window a long message wraps at a readable length instead of running the full width.
void TestChatMessageDelegate::lineLengthStopsAtReadableWidth()
{
    const QString text = str("word ").repeated(200);
    const int oneLine = heightOf(str("word"));
    QCOMPARE(heightOf(text, 4000), heightOf(text, 2000));
    QVERIFY(heightOf(text, 4000) > 2 * oneLine);
    QVERIFY(heightOf(text, 400) > heightOf(text, 2000)); // narrower still wraps to the window
}

void TestChatMessageDelegate::deliveredMessageShowsCheckMark()
{
    QFETCH(QPalette, palette);
    const QPalette before = QApplication::palette();
    QApplication::setPalette(palette);
    const QColor checkGreen = TextTone::color(TextTone::Tone::AllClear, palette, QPalette::Base);
    ChatMessageModel model;
    model.appendMessage({ 0, str("m1"), str("bob"), str("on its way"), QDateTime::currentDateTimeUtc() },
        ChatMessageModel::Kind::OwnMessage, ChatMessageModel::Delivery::Pending);
    ChatMessageDelegate delegate;
    const QImage pending = paintRow(model, delegate);
    QVERIFY(model.markDelivered(str("m1")));
    const QImage delivered = paintRow(model, delegate);
    QApplication::setPalette(before);
    QVERIFY(!containsColour(pending, checkGreen));
    QVERIFY(containsColour(delivered, checkGreen));
    QVERIFY(contrast(checkGreen, palette.color(QPalette::Base)) >= 3.0);
}

void TestChatMessageDelegate::highlightMarksMatches()
{
    const QColor marker = ChatMessageDelegate::findMarker(false);
    ChatMessageModel model;
    appendFrom(model, "alice", "find the needle here");
    ChatMessageDelegate delegate;
    QVERIFY(!containsColour(paintRow(model, delegate), marker));
    delegate.setHighlight(str("NEEDLE"));
    QVERIFY(containsColour(paintRow(model, delegate), marker));
}

// The row the find bar lands on is selected: the marker must stand out on the selection colour.
void TestChatMessageDelegate::highlightShowsOnTheSelectedRow()
{
    ChatMessageModel model;
    appendFrom(model, "alice", "find the needle here");
    ChatMessageDelegate delegate;
    delegate.setHighlight(str("needle"));
    delegate.setCurrentMatch(model.index(0));
    const QStyle::State selected = QStyle::State_Enabled | QStyle::State_Selected;
    QVERIFY(containsColour(paintRow(model, delegate, selected), ChatMessageDelegate::findMarker(true), 10));
}

void TestChatMessageDelegate::highlightMarksTheCurrentMatchStrongest()
{
    const QColor current = ChatMessageDelegate::findMarker(true);
    const QColor other = ChatMessageDelegate::findMarker(false);
    QVERIFY(contrast(current, other) > 1.2);
    ChatMessageModel model;
    appendFrom(model, "alice", "find the needle here");
    ChatMessageDelegate delegate;
    delegate.setHighlight(str("needle"));
    QVERIFY(!containsColour(paintRow(model, delegate), current, 10));
    delegate.setCurrentMatch(model.index(0));
    QVERIFY(containsColour(paintRow(model, delegate), current, 10));
    delegate.setHighlight(QString()); // the find bar closed: nothing is marked
    QVERIFY(!containsColour(paintRow(model, delegate), current, 10));
}

// Find matches nicknames too: the nickname it matched in is marked.
void TestChatMessageDelegate::highlightMarksAMatchingNick()
{
    ChatMessageModel model;
    appendFrom(model, "alice", "hello");
    ChatMessageDelegate delegate;
    delegate.setHighlight(str("ali"));
    QVERIFY(containsColour(paintRow(model, delegate), ChatMessageDelegate::findMarker(false), 10));
}

// "Could not connect…" in red that reads on the palette's base (TextTone: 4.5:1 at least).
void TestChatMessageDelegate::problemIsReadableOnEveryPalette()
{
    QFETCH(QPalette, palette);
    const QPalette before = QApplication::palette();
    QApplication::setPalette(palette);
    ChatMessageModel model;
    appendFrom(model, "", "Could not connect: nobody is listening on 127.0.0.1:7447.",
        ChatMessageModel::Kind::Problem);
    ChatMessageDelegate delegate;
    const QImage row = paintRow(model, delegate);
    QApplication::setPalette(before);
    const QColor warning = TextTone::color(TextTone::Tone::Warning, palette, QPalette::Base);
    QVERIFY2(containsColour(row, warning, 10), qPrintable(warning.name()));
    QVERIFY(contrast(warning, palette.color(QPalette::Base)) >= 4.5);
}

QTEST_MAIN(TestChatMessageDelegate)
#include "tst_chatmessagedelegate.moc"
