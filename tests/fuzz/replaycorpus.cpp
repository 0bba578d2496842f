// SPDX-License-Identifier: MIT
// Replays corpus files through the fuzz target without libFuzzer, so any compiler can run the
// committed corpus as an ordinary test. Usage: tst_fuzz_corpus FILE_OR_DIRECTORY...
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (!QFileInfo(path).isDir()) {
            files.append(path);
            continue;
        }
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "tst_fuzz_corpus: no corpus files given or found\n");
        return 1;
    }
    files.sort();
    for (const QString& path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "tst_fuzz_corpus: cannot read %s: %s\n", qPrintable(path),
                qPrintable(file.errorString()));
            return 1;
        }
        const QByteArray data = file.readAll();
        std::printf("%s (%lld bytes)\n", qPrintable(path), static_cast<long long>(data.size()));
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(
            reinterpret_cast<const std::uint8_t*>(data.constData()), static_cast<std::size_t>(data.size()));
    }
    std::printf("replayed %lld inputs\n", static_cast<long long>(files.size()));
    return 0;
}
