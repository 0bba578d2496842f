// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace securechat {

/// The outcome of an operation that can fail: a value, or a reason a person can read.
template <typename T> class [[nodiscard]] Result final {
public:
    static Result success(T value) { return Result(std::move(value), {}); }
    static Result failure(QString error) { return Result(std::nullopt, std::move(error)); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Reading the value of a failure is a bug in the caller: stop loudly, in every build.
    const T& value() const&
    {
        checked();
        return *m_value;
    }
    T& value() &
    {
        checked();
        return *m_value;
    }
    T&& value() &&
    {
        checked();
        return std::move(*m_value);
    }
    const T* operator->() const
    {
        checked();
        return &*m_value;
    }
    const QString& error() const { return m_error; }

private:
    Result(std::optional<T> value, QString error)
        : m_value(std::move(value))
        , m_error(std::move(error))
    {
    }

    void checked() const
    {
        if (!ok())
            qFatal("Result::value() called on a failure: %s", qUtf8Printable(m_error));
    }

    std::optional<T> m_value;
    QString m_error;
};

/// Result of an operation that yields nothing but can fail.
struct Done final { };
using Status = Result<Done>;
inline Status succeeded()
{
    return Status::success(Done {});
}

} // namespace securechat
