// SPDX-License-Identifier: MIT
// Result: a value or the sentence that says why not; reading the value of a failure is a bug that
// stops the program in every build, rather than reading an empty optional.
#include "base/result.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

using namespace securechat;

namespace {
// Set in the child process that reads the value of a failure.
constexpr char ReadFailureVariable[] = "TST_RESULT_READ_A_FAILURE";
} // namespace

class TestResult final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void successHoldsItsValue();
    void failureHoldsItsReason();
    void readingTheValueOfAFailureStopsTheProgram();
};

void TestResult::successHoldsItsValue()
{
    const Result<int> result = Result<int>::success(42);
    QVERIFY(result.ok());
    QCOMPARE(result.value(), 42);
    QVERIFY(result.error().isEmpty());
}

void TestResult::failureHoldsItsReason()
{
    const Status status = Status::failure(QStringLiteral("the disk is full"));
    QVERIFY(!status.ok());
    QCOMPARE(status.error(), QStringLiteral("the disk is full"));
}

void TestResult::readingTheValueOfAFailureStopsTheProgram()
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(ReadFailureVariable), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(20'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const QByteArray said = child.readAllStandardError();
    QVERIFY2(said.contains("Result::value() called on a failure: no such peer"), said.constData());
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(ReadFailureVariable)) {
        const Result<int> failed = Result<int>::failure(QStringLiteral("no such peer"));
        return failed.value(); // stops here
    }
    QCoreApplication app(argc, argv);
    TestResult test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_result.moc"
