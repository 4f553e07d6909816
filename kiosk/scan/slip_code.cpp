#include "scan/slip_code.hpp"

#include <cstdio>

namespace kiosk {

namespace {

bool isIdCharacter(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-'; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<SlipKind> kindFromLetter(char c)
{
    switch (c) {
    case 'R': return SlipKind::Registration;
    case 'P': return SlipKind::Payment;
    case 'Q': return SlipKind::QueueTicket;
    case 'T': return SlipKind::Report;
    case 'X': return SlipKind::Transaction;
    default: return std::nullopt;
    }
}

Result<void> checkId(std::string_view id)
{
    if (id.empty() || id.size() > kSlipMaxIdLength)
        return fail("kiosk slip: the id must be 1 to " + std::to_string(kSlipMaxIdLength) + " characters long");
    for (char c : id)
        if (!isIdCharacter(c)) return fail("kiosk slip: the id may only hold 0-9, A-Z and '-'");
    return {};
}

std::string hex4(std::uint16_t value)
{
    char buffer[5];
    std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(value));
    return buffer;
}

} // namespace

std::string_view slipKindName(SlipKind kind)
{
    switch (kind) {
    case SlipKind::Registration: return "registration";
    case SlipKind::Payment: return "payment";
    case SlipKind::QueueTicket: return "queue-ticket";
    case SlipKind::Report: return "report";
    case SlipKind::Transaction: return "transaction";
    }
    return "unknown";
}

std::uint16_t slipCheckValue(std::string_view text)
{
    std::uint16_t crc = 0xFFFF;
    for (char c : text) {
        crc ^= static_cast<std::uint16_t>(static_cast<unsigned char>(c) << 8);
        for (int bit = 0; bit < 8; ++bit) {
            bool top = (crc & 0x8000) != 0;
            crc = static_cast<std::uint16_t>(crc << 1);
            if (top) crc ^= 0x1021;
        }
    }
    return crc;
}

Result<std::string> encodeSlipCode(const SlipCode& slip)
{
    if (auto ok = checkId(slip.id); !ok) return std::unexpected(ok.error());
    if (!kindFromLetter(static_cast<char>(slip.kind))) return fail("kiosk slip: unknown kind");
    std::string body = std::string(kSlipPrefix) + static_cast<char>(slip.kind) + ":" + slip.id;
    return body + ":" + hex4(slipCheckValue(body));
}

bool looksLikeSlipCode(std::string_view text)
{
    return text.size() >= 4 && text[0] == 'H' && text[1] == 'K' && isDigit(text[2]) && text[3] == ':';
}

Result<SlipCode> decodeSlipCode(std::string_view text)
{
    if (!looksLikeSlipCode(text)) return fail("not a kiosk slip (it does not start with HK1:)");
    if (!text.starts_with(kSlipPrefix))
        return fail(std::string("kiosk slip: version ") + text[2] + " is not supported; this kiosk reads version 1");

    // HK1:K:ID:CCCC — the shortest is "HK1:R:1:0000", 12 characters.
    std::string_view rest = text.substr(kSlipPrefix.size());
    std::size_t lastColon = rest.rfind(':');
    if (rest.size() < 8 || rest[1] != ':' || lastColon == std::string_view::npos || lastColon < 2)
        return fail("kiosk slip: malformed; expected HK1:KIND:ID:CHECK");
    std::string_view check = rest.substr(lastColon + 1);
    std::string_view id = rest.substr(2, lastColon - 2);

    auto kind = kindFromLetter(rest[0]);
    if (!kind) return fail("kiosk slip: unknown kind; expected R, P, Q, T or X");
    if (auto ok = checkId(id); !ok) return std::unexpected(ok.error());
    if (check.size() != 4) return fail("kiosk slip: the check value must be four hex digits");
    std::string_view body = text.substr(0, kSlipPrefix.size() + lastColon);
    if (check != hex4(slipCheckValue(body)))
        return fail("kiosk slip: the check value does not match; the slip is damaged or has been altered");
    return SlipCode{*kind, std::string(id)};
}

} // namespace kiosk
