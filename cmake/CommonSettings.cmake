# SPDX-License-Identifier: MIT
# One INTERFACE target carries the settings every SecureChat target shares.
add_library(securechat_common INTERFACE)
target_compile_features(securechat_common INTERFACE cxx_std_20)
target_compile_options(securechat_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Werror)
target_compile_definitions(securechat_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    SECURECHAT_VERSION="${PROJECT_VERSION}"
    SECURECHAT_RELEASE_DATE="${SECURECHAT_RELEASE_DATE}")

if(SECURECHAT_SANITIZE)
    # GCC 12 at -O2 with ASan reports false "may be used uninitialized" inside std::optional of Qt
    # types (knownpeers.cpp); the normal build keeps that warning as an error.
    target_compile_options(securechat_common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
        -Wno-maybe-uninitialized)
    target_link_options(securechat_common INTERFACE -fsanitize=address,undefined)
endif()
