// SPDX-License-Identifier: MIT
#include "messageinput.h"

#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class TestMessageInput final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void enterSends_data();
    void enterSends();
    void shiftEnterStartsANewLine();
    void blankTextIsNotSent();
    void growsWithItsLines();
    void placeholderIsNotCutOff();
};

void TestMessageInput::enterSends_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("return") << int(Qt::Key_Return);
    QTest::newRow("keypad enter") << int(Qt::Key_Enter);
}

void TestMessageInput::enterSends()
{
    QFETCH(int, key);
    MessageInput input;
    QSignalSpy submitted(&input, &MessageInput::submitted);
    QTest::keyClicks(&input, str("hello"));
    QTest::keyClick(&input, Qt::Key(key));
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), str("hello"));
    QVERIFY(input.toPlainText().isEmpty());
}

void TestMessageInput::shiftEnterStartsANewLine()
{
    MessageInput input;
    QSignalSpy submitted(&input, &MessageInput::submitted);
    QTest::keyClicks(&input, str("first"));
    QTest::keyClick(&input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(&input, str("second"));
    QCOMPARE(submitted.size(), 0);
    QTest::keyClick(&input, Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), str("first\nsecond"));
}

void TestMessageInput::blankTextIsNotSent()
{
    MessageInput input;
    QSignalSpy submitted(&input, &MessageInput::submitted);
    QTest::keyClicks(&input, str("   "));
    QTest::keyClick(&input, Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
}

void TestMessageInput::growsWithItsLines()
{
    MessageInput input;
    input.resize(300, input.height());
    input.show();
    QVERIFY(QTest::qWaitForWindowExposed(&input));
    const int oneLine = input.height();
    input.setPlainText(str("1\n2\n3"));
    QTRY_VERIFY(input.height() > oneLine);
    input.setPlainText(str("x\n").repeated(50));
    QTRY_VERIFY(input.height() < oneLine * 8); // scrolls past a few lines instead of growing
}

// In a narrow window the placeholder wraps: the empty input is as tall as the wrapped text, and
// one line again once the person types.
void TestMessageInput::placeholderIsNotCutOff()
{
    QWidget window;
    auto* input = new MessageInput(&window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(input);
    layout->addStretch();
    window.resize(1200, 200);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(input, str("x"));
    const int oneLine = input->height();
    input->clear();
    QCOMPARE(input->height(), oneLine); // the placeholder fits on one line
    window.resize(180, 200);
    QTRY_VERIFY(input->height() > oneLine);
    const QRect wrapped = input->fontMetrics().boundingRect(
        QRect(0, 0, input->viewport()->width(), 10000), Qt::TextWordWrap, input->placeholderText());
    QTRY_VERIFY2(input->viewport()->height() >= wrapped.height(),
        qPrintable(str("viewport %1×%2, input %3 high, placeholder %4 high")
                       .arg(input->viewport()->width())
                       .arg(input->viewport()->height())
                       .arg(input->height())
                       .arg(wrapped.height())));
    QTest::keyClicks(input, str("x"));
    QTRY_COMPARE(input->height(), oneLine);
}

QTEST_MAIN(TestMessageInput)
#include "tst_messageinput.moc"
