#pragma once
// Overwriting personal data before its memory is released. A std::string
// that held a name or an ID number and is simply destroyed leaves the bytes in
// a freed heap block, where the next allocation (or a core dump) finds them.
#include <optional>
#include <string>

namespace kiosk {

/// Zeroes the string's characters in place, then empties it and gives its buffer back.
void secureClear(std::string& text);

/// The same for an optional string; leaves it empty (nullopt).
void secureClear(std::optional<std::string>& text);

} // namespace kiosk
