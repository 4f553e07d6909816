#pragma once
// 民族 codes as resident ID cards carry them (two digits, GB 3304): 56 nations,
// 97 for others and 98 for Chinese citizens of foreign origin.
#include <optional>
#include <string_view>

namespace kiosk::devices::idcard {

/// The nation's name as printed on the card ("01" → 汉, "46" → 德昂); nothing
/// for a code outside the table.
std::optional<std::string_view> nationName(std::string_view code);

} // namespace kiosk::devices::idcard
