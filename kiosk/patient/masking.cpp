#include "patient/masking.hpp"

#include "text/utf8.hpp"

namespace kiosk {

namespace {
bool isLatinLetter(char32_t c)
{
    return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xC0 && c <= 0x24F);
}
} // namespace

std::string maskName(std::string_view utf8Name)
{
    std::u32string chars = decodeUtf8Lossy(utf8Name);
    bool latin = false;
    for (char32_t c : chars) latin = latin || isLatinLetter(c);

    std::u32string out;
    if (latin) {
        bool wordStart = true;
        for (char32_t c : chars) {
            if (c == U' ' || c == U'-' || c == U',' || c == U'.') {
                out.push_back(c);
                wordStart = true;
            } else {
                out.push_back(wordStart ? c : U'*');
                wordStart = false;
            }
        }
    } else if (chars.size() <= 1) {
        out = chars.empty() ? U"" : U"*";
    } else if (chars.size() == 2) {
        out = {chars[0], U'*'};
    } else {
        out.push_back(chars.front());
        out.append(chars.size() - 2, U'*');
        out.push_back(chars.back());
    }
    return encodeUtf8(out);
}

std::string maskIdNumber(std::string_view idNumber)
{
    if (idNumber.size() >= 12) {
        std::string out(idNumber.substr(0, 4));
        out.append(idNumber.size() - 8, '*');
        out.append(idNumber.substr(idNumber.size() - 4));
        return out;
    }
    if (idNumber.size() <= 2) return std::string(idNumber.size(), '*');
    std::string out(idNumber.size() - 2, '*');
    out.append(idNumber.substr(idNumber.size() - 2));
    return out;
}

std::string maskPhoneNumber(std::string_view phone)
{
    if (phone.size() < 8) return std::string(phone.size(), '*');
    std::string out(phone.substr(0, 3));
    out.append(phone.size() - 7, '*');
    out.append(phone.substr(phone.size() - 4));
    return out;
}

} // namespace kiosk
