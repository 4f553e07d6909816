#pragma once
// Reading the text form of setting values: booleans, whole numbers, language
// lists and device assignments. Each refusal starts with the key, so that a
// message read out of context still says which setting it is about.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "settings/kiosk_settings.hpp"

namespace kiosk {

/// true/false, yes/no, on/off, 1/0, in any case.
Result<bool> parseBoolSetting(std::string_view key, std::string_view text);
/// A whole number in decimal, optionally negative (so that "-5" is refused for its range, not its form).
Result<long long> parseWholeSetting(std::string_view key, std::string_view text);
/// "zh-CN, en": a comma list of language tags.
Result<std::vector<Language>> parseLanguageList(std::string_view key, std::string_view text);
std::string formatLanguageList(const std::vector<Language>& languages);
/// auto, none, sim, usb:VVVV:PPPP[:SERIAL], cups:QUEUE, hidraw:/dev/hidrawN, evdev:/dev/input/...
Result<DeviceAssignment> parseDeviceAssignment(std::string_view key, std::string_view text);

/// Levenshtein distance, for "did you mean" suggestions.
std::size_t editDistance(std::string_view a, std::string_view b);
/// Leading and trailing spaces and tabs removed.
std::string_view trimmed(std::string_view text);

} // namespace kiosk
