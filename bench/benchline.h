// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace securechat::bench {

/*
 * The lines the load generator sends, so that every received one can be checked byte for byte:
 *
 *   data   = "@" sender "." index "." sent-ns "|" filler LF    ; exactly `bytes` bytes, LF included
 *   filler = ASCII from a fixed pattern, starting at an offset fixed by (sender, index),
 *            then "é€" (5 bytes of UTF-8 with 2- and 3-byte sequences)
 *   ready  = "%ready " sender LF
 *
 * Received lines are the relay's rendering of these. SecureChat (text mode) sends
 * "<nick> " + line. ncat --chat prefixes "<userFD> " to each chunk it read, not to each line,
 * so the prefix can land inside a line, and writes every byte that is not printable ASCII as
 * "\ooo": for ncat both are undone before checking (a chunk of another sender's that lands
 * inside a line cannot be undone: that line counts as changed). The Qt floor
 * (securechat-qtfloor) relays each line as it was sent, so its lines are checked as they
 * arrive (Raw).
 */
class BenchLine final {
public:
    enum class Flavor { SecureChat, NcatChat, Raw };
    enum class Kind { Data, Ready, Other };
    struct Parsed {
        int sender = -1;
        int64_t index = -1;
        int64_t sentNs = 0;
        bool intact = false; ///< every byte as sent
    };

    static constexpr size_t MinBytes = 48;
    static constexpr size_t MaxBytes = 64 * 1024;

    static void appendData(std::string& out, int sender, int64_t index, int64_t sentNs, size_t bytes);
    static std::string ready(int sender);
    /// What one received line carries; Other for the relay's own notices.
    static Kind parse(
        std::string_view received, Flavor flavor, size_t bytes, Parsed& parsed, std::string& scratch);

private:
    static std::string_view unwrap(std::string_view received, Flavor flavor, std::string& scratch);
    static bool parseData(std::string_view payload, size_t bytes, Parsed& parsed);
};

} // namespace securechat::bench
