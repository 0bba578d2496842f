// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

namespace securechat::cli {

/// The translation context of the command's free functions: Tr::tr("...") is found by lupdate,
/// which cannot give a context to a plain tr() outside a class.
struct Tr final {
    Q_DECLARE_TR_FUNCTIONS(securechat::cli)
};

} // namespace securechat::cli
