#include "i18n/language.hpp"

namespace kiosk {

std::string_view languageTag(Language language)
{
    switch (language) {
    case Language::ZhCN: return "zh-CN";
    case Language::ZhTW: return "zh-TW";
    case Language::En: return "en";
    }
    return "zh-CN";
}

std::optional<Language> languageFromTag(std::string_view tag)
{
    for (Language l : kAllLanguages)
        if (languageTag(l) == tag) return l;
    return std::nullopt;
}

} // namespace kiosk
