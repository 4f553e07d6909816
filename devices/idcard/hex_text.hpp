#pragma once
// Bytes as hex text, both ways: error messages name the byte values they
// complain about, and support staff paste reader captures as hex.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices::idcard {

/// "0x21".
std::string formatByte(std::uint8_t byte);
/// "AA AA AA 96 69": upper case, one space between bytes.
std::string formatBytes(std::span<const std::uint8_t> bytes);
/// Reads pairs of hex digits; whitespace anywhere is ignored, anything else is
/// an error naming the character and its position.
Result<std::vector<std::uint8_t>> parseHex(std::string_view text);

} // namespace kiosk::devices::idcard
