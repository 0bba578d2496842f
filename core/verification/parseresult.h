// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace securechat {

/// A value, or the sentence that says why there is none. The same shape as core's Result<T>
/// (ok(), value(), error()), kept here so that this module needs nothing but Qt6::Core.
template <typename T> class [[nodiscard]] ParseResult final {
public:
    static ParseResult success(T value) { return ParseResult(std::move(value), {}); }
    static ParseResult failure(QString error) { return ParseResult(std::nullopt, std::move(error)); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    const QString& error() const { return m_error; }

private:
    ParseResult(std::optional<T> value, QString error)
        : m_value(std::move(value))
        , m_error(std::move(error))
    {
    }

    std::optional<T> m_value;
    QString m_error;
};

} // namespace securechat
