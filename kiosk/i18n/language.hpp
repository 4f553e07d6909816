#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

enum class Language { ZhCN, ZhTW, En };

inline constexpr std::array<Language, 3> kAllLanguages{Language::ZhCN, Language::ZhTW, Language::En};

/// BCP 47 tag, also the catalog's file name: "zh-CN", "zh-TW", "en".
std::string_view languageTag(Language language);
std::optional<Language> languageFromTag(std::string_view tag);

} // namespace kiosk
