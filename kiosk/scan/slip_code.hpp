#pragma once
// The QR code the kiosk prints on its own slips (registration, payment,
// queue ticket, report pick-up), so that a patient can scan the slip at any
// kiosk to come back to the same record.
//
// Format, version 1:
//
//     HK1:<KIND>:<ID>:<CHECK>          e.g.  HK1:R:20240611-0042:<4 hex digits>
//
//   HK1    the format and its version; a later format becomes HK2, so that an
//          old kiosk says "not supported" instead of misreading it.
//   KIND   one letter: R registration, P payment, Q queue ticket, T test report,
//          X a kiosk transaction (the money journal's id: the number on a failure slip).
//   ID     the record's id at the hospital, 1–32 characters of 0-9, A-Z and '-'.
//   CHECK  CRC-16/CCITT-FALSE of everything before the last ':', as four
//          upper-case hex digits.
//
// Every character is in QR's alphanumeric set (0-9, A-Z, space $ % * + - . / :),
// which keeps the symbol small enough to print and scan at 58 mm paper width.
//
// The check value catches misreads and hand-edited slips; it is not a
// signature, because anyone can compute a CRC. A slip therefore grants
// nothing by itself: the id is always looked up at the hospital back end,
// which decides whether the patient in front of the kiosk may see it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kiosk {

enum class SlipKind : char {
    Registration = 'R',
    Payment = 'P',
    QueueTicket = 'Q',
    Report = 'T',
    Transaction = 'X',
};

struct SlipCode {
    SlipKind kind = SlipKind::Registration;
    std::string id;

    friend bool operator==(const SlipCode&, const SlipCode&) = default;
};

inline constexpr std::string_view kSlipPrefix = "HK1:";
inline constexpr std::size_t kSlipMaxIdLength = 32;

/// "registration", "payment", "queue-ticket", "report", "transaction".
std::string_view slipKindName(SlipKind kind);

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF), the slip's check value.
std::uint16_t slipCheckValue(std::string_view text);

/// The text to put in the slip's QR code; fails if the id has characters outside 0-9, A-Z, '-' or is too long.
Result<std::string> encodeSlipCode(const SlipCode& slip);

/// True when the text claims to be a kiosk slip of any version ("HK", a digit, ':'), so that a damaged
/// or newer slip is reported as such instead of as an unknown code.
bool looksLikeSlipCode(std::string_view text);

/// Decodes a version-1 slip; the error says what is wrong without quoting the text.
Result<SlipCode> decodeSlipCode(std::string_view text);

} // namespace kiosk
