#include "journal/personal_data.hpp"

#include <cstddef>

namespace kiosk::journal {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::string_view> classify(std::string_view run, bool followedByX)
{
    std::size_t n = run.size();
    if (n == 18 || (n == 17 && followedByX)) return "an ID card number";
    if (n == 11 && run.front() == '1') return "a mobile number";
    if (n == 13 && run.starts_with("861")) return "a mobile number";
    if (n >= 16 && n <= 24) return "a payment code";
    return std::nullopt;
}

} // namespace

std::optional<std::string_view> personalDataIn(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < text.size() && isDigit(text[i])) ++i;
        bool followedByX = i < text.size() && (text[i] == 'X' || text[i] == 'x');
        if (auto found = classify(text.substr(start, i - start), followedByX)) return found;
    }
    return std::nullopt;
}

} // namespace kiosk::journal
