#pragma once
// A guard on free text bound for the journal. The journal is kept for months
// and read by finance staff, so it holds references only; a caller that
// pastes an ID number, a mobile number or a payment code into a note is
// stopped here rather than trusted to remember.
#include <optional>
#include <string_view>

namespace kiosk::journal {

/// What kind of personal data `text` seems to hold ("an ID card number", ...), or nothing.
/// Looks at runs of digits: 18 (or 17 and an X) for an ID card number, 11
/// starting with 1 for a mobile number (also after a country code 86), 16 to
/// 24 for a payment code.
std::optional<std::string_view> personalDataIn(std::string_view text);

} // namespace kiosk::journal
