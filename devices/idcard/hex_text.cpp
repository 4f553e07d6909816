#include "idcard/hex_text.hpp"

namespace kiosk::devices::idcard {

namespace {

constexpr char kDigits[] = "0123456789ABCDEF";

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string formatByte(std::uint8_t byte)
{
    return std::string{'0', 'x', kDigits[byte >> 4], kDigits[byte & 0x0F]};
}

std::string formatBytes(std::span<const std::uint8_t> bytes)
{
    std::string out;
    out.reserve(bytes.size() * 3);
    for (std::uint8_t b : bytes) {
        if (!out.empty()) out += ' ';
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

Result<std::vector<std::uint8_t>> parseHex(std::string_view text)
{
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 2);
    int high = -1;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (isSpace(c)) continue;
        int value = hexValue(c);
        if (value < 0) {
            // Bytes outside printable ASCII are shown by value so the message stays one readable line.
            auto byte = static_cast<std::uint8_t>(c);
            std::string shown = byte >= 0x20 && byte < 0x7F ? "'" + std::string(1, c) + "'" : formatByte(byte);
            return fail(shown + " at position " + std::to_string(i) + " is not a hex digit");
        }
        ++digits;
        if (high < 0) {
            high = value;
        } else {
            out.push_back(static_cast<std::uint8_t>(high << 4 | value));
            high = -1;
        }
    }
    if (high >= 0)
        return fail("odd number of hex digits (" + std::to_string(digits) + "): the last byte is incomplete");
    return out;
}

} // namespace kiosk::devices::idcard
