// SPDX-License-Identifier: MIT
#include "benchline.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace securechat::bench {

namespace {

    constexpr std::string_view Tail = "\xC3\xA9\xE2\x82\xAC"; // "é€"
    constexpr std::string_view Period = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,";

    const std::string& pattern()
    {
        static const std::string text = [] {
            std::string repeated;
            while (repeated.size() < BenchLine::MaxBytes + Period.size())
                repeated += Period;
            return repeated;
        }();
        return text;
    }

    size_t offsetFor(int sender, int64_t index)
    {
        return static_cast<size_t>((index * 7 + sender) % static_cast<int64_t>(Period.size()));
    }

    template <typename Number> bool readNumber(std::string_view& text, char terminator, Number& value)
    {
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end == text.data() + text.size() || *end != terminator)
            return false;
        text.remove_prefix(static_cast<size_t>(end - text.data()) + 1);
        return true;
    }

    bool isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

} // namespace

void BenchLine::appendData(std::string& out, int sender, int64_t index, int64_t sentNs, size_t bytes)
{
    char header[64];
    const int written = std::snprintf(header, sizeof header, "@%d.%lld.%lld|", sender,
        static_cast<long long>(index), static_cast<long long>(sentNs));
    const size_t headerSize = static_cast<size_t>(written);
    const size_t filler = bytes - 1 - headerSize;
    out.append(header, headerSize);
    out.append(pattern(), offsetFor(sender, index), filler - Tail.size());
    out.append(Tail);
    out.push_back('\n');
}

std::string BenchLine::ready(int sender)
{
    return "%ready " + std::to_string(sender) + "\n";
}

BenchLine::Kind BenchLine::parse(
    std::string_view received, Flavor flavor, size_t bytes, Parsed& parsed, std::string& scratch)
{
    const std::string_view payload = unwrap(received, flavor, scratch);
    if (payload.empty())
        return Kind::Other;
    if (payload.front() == '%')
        return payload.substr(0, 7) == "%ready " ? Kind::Ready : Kind::Other;
    if (payload.front() != '@')
        return Kind::Other;
    parsed = Parsed {};
    if (!parseData(payload, bytes, parsed))
        parsed.intact = false;
    return Kind::Data;
}

std::string_view BenchLine::unwrap(std::string_view received, Flavor flavor, std::string& scratch)
{
    if (flavor == Flavor::Raw)
        return received;
    if (flavor == Flavor::SecureChat) {
        // "<nick> text"; the host's notices ("* ...") are not ours.
        if (received.empty() || received.front() != '<')
            return {};
        const size_t close = received.find("> ");
        return close == std::string_view::npos ? std::string_view() : received.substr(close + 2);
    }
    scratch.clear();
    for (size_t i = 0; i < received.size();) {
        const char c = received[i];
        if (c == '<' && received.substr(i, 5) == "<user") {
            size_t j = i + 5;
            while (j < received.size() && isDigit(received[j]))
                ++j;
            if (j > i + 5 && received.substr(j, 2) == "> ") {
                i = j + 2;
                continue;
            }
        }
        if (c == '\\' && i + 3 < received.size() && isDigit(received[i + 1]) && isDigit(received[i + 2])
            && isDigit(received[i + 3])) {
            scratch.push_back(static_cast<char>(
                (received[i + 1] - '0') * 64 + (received[i + 2] - '0') * 8 + (received[i + 3] - '0')));
            i += 4;
            continue;
        }
        scratch.push_back(c);
        ++i;
    }
    return scratch;
}

bool BenchLine::parseData(std::string_view payload, size_t bytes, Parsed& parsed)
{
    const size_t contentSize = bytes - 1;
    std::string_view rest = payload.substr(1);
    if (!readNumber(rest, '.', parsed.sender) || !readNumber(rest, '.', parsed.index)
        || !readNumber(rest, '|', parsed.sentNs))
        return false;
    if (payload.size() != contentSize || parsed.sender < 0 || parsed.index < 0)
        return false;
    const size_t ascii = rest.size() - Tail.size();
    parsed.intact
        = std::memcmp(rest.data(), pattern().data() + offsetFor(parsed.sender, parsed.index), ascii) == 0
        && rest.substr(ascii) == Tail;
    return true;
}

} // namespace securechat::bench
