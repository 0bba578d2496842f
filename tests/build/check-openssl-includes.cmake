# SPDX-License-Identifier: MIT
# cmake -DCORE_DIR=... -P check-openssl-includes.cmake: fails naming each core/ file outside
# core/tls that includes an OpenSSL header.
file(GLOB_RECURSE sources "${CORE_DIR}/*.h" "${CORE_DIR}/*.cpp")
set(offenders "")
foreach(source IN LISTS sources)
    if(source MATCHES "/core/tls/")
        continue()
    endif()
    file(STRINGS "${source}" includes REGEX "^#include <openssl/")
    if(includes)
        list(APPEND offenders "${source}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " listed)
    message(FATAL_ERROR "OpenSSL headers outside core/tls (only that module links OpenSSL):\n  ${listed}")
endif()
