// SPDX-License-Identifier: MIT
#include "tls/randomuuid.h"

#include <QUuid>

#include <openssl/rand.h>

#include <array>

namespace securechat {

// A random (version 4) UUID from OpenSSL's DRBG, drawn 4 KiB at a time. QUuid::createUuid() uses
// QRandomGenerator::system(), which runs RDSEED for every 8 bytes: that was 22% of the host's CPU
// relaying text-mode lines, and one RAND_bytes call per id still cost 6%. Ids stay unpredictable,
// so no peer can claim in advance the id the host will give someone else's message (clients drop
// a second message with an id they know).
QString randomUuid()
{
    thread_local std::array<unsigned char, 4096> pool {};
    thread_local size_t used = pool.size();
    std::array<unsigned char, 16> bytes {};
    if (used + bytes.size() > pool.size()) {
        if (RAND_bytes(pool.data(), static_cast<int>(pool.size())) != 1)
            return QUuid::createUuid().toString(QUuid::WithoutBraces);
        used = 0;
    }
    std::copy_n(pool.begin() + static_cast<std::ptrdiff_t>(used), bytes.size(), bytes.begin());
    used += bytes.size();
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), bytes.size())).toString(QUuid::WithoutBraces);
}

} // namespace securechat
