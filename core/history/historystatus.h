// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <utility>

namespace securechat {

/// The outcome of a history operation that yields nothing: success, or a sentence saying why not.
/// (The history module depends on no other core module; on merge this can become base's Status.)
class [[nodiscard]] HistoryStatus final {
public:
    static HistoryStatus success() { return HistoryStatus({}); }
    static HistoryStatus failure(QString error) { return HistoryStatus(std::move(error)); }

    bool ok() const { return m_error.isEmpty(); }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

private:
    explicit HistoryStatus(QString error)
        : m_error(std::move(error))
    {
    }

    QString m_error;
};

} // namespace securechat
