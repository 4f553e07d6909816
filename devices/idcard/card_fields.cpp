#include "idcard/card_fields.hpp"

#include <chrono>

#include "idcard/nations.hpp"
#include "text/utf8.hpp"

namespace kiosk::devices::idcard {

namespace {

std::string where(FieldSpec field, std::size_t byteInField)
{
    return "byte " + std::to_string(field.offset + byteInField) + " of the text block";
}

std::string codePoint(char32_t c)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out = "U+";
    for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) out += kDigits[(c >> shift) & 0xF];
    return out;
}

/// The field's characters, padding kept; trimming is the caller's choice.
Result<std::u32string> decodeUcs2(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto bytes = block.subspan(field.offset, field.bytes);
    std::u32string out;
    out.reserve(bytes.size() / 2);
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        char32_t unit = static_cast<char32_t>(bytes[i] | bytes[i + 1] << 8);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            // The chip stores UCS-2, but a pair is the only sane reading of a
            // high surrogate followed by a low one, so it is accepted.
            char32_t low = i + 3 < bytes.size() ? static_cast<char32_t>(bytes[i + 2] | bytes[i + 3] << 8) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(std::string(field.name) + " has an unpaired high surrogate " + codePoint(unit) + " at " +
                            where(field, i));
            out += 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
            continue;
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail(std::string(field.name) + " has an unpaired low surrogate " + codePoint(unit) + " at " +
                        where(field, i));
        // The block is space-padded; a NUL or other control character inside a
        // field means a misread, and would cut the text short in C strings later.
        if (unit < 0x20 || unit == 0x7F)
            return fail(std::string(field.name) + " has the control character " + codePoint(unit) + " at " +
                        where(field, i));
        out += unit;
    }
    return out;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool allOf(std::string_view s, bool (*test)(char))
{
    for (char c : s)
        if (!test(c)) return false;
    return true;
}

} // namespace

Result<std::string> decodeTextField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto chars = decodeUcs2(block, field);
    if (!chars) return fail(chars.error().message);
    // Only trailing spaces are padding: "TANAKA MISAKI" must keep its middle.
    std::size_t end = chars->find_last_not_of(U' ');
    chars->resize(end == std::u32string::npos ? 0 : end + 1);
    return encodeUtf8(*chars);
}

Result<std::string> decodeNumberField(std::span<const std::uint8_t> block, FieldSpec field, std::size_t minLength,
                                      std::size_t maxLength)
{
    auto text = decodeTextField(block, field);
    if (!text) return text;
    // The number itself stays out of the message: it would identify the holder in a log.
    if (text->empty()) return fail(std::string(field.name) + " is empty");
    for (std::size_t i = 0; i < text->size(); ++i) {
        char c = (*text)[i];
        if (!isDigit(c) && !isUpper(c))
            return fail(std::string(field.name) + " has a character other than a digit or capital letter at position " +
                        std::to_string(i + 1));
    }
    if (text->size() < minLength || text->size() > maxLength)
        return fail(std::string(field.name) + " has " + std::to_string(text->size()) + " characters, expected " +
                    (minLength == maxLength ? std::to_string(minLength)
                                            : std::to_string(minLength) + " to " + std::to_string(maxLength)));
    return text;
}

Result<CivilDate> decodeDateField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto text = decodeTextField(block, field);
    if (!text) return fail(text.error().message);
    if (text->size() != 8 || !allOf(*text, isDigit))
        return fail(std::string(field.name) + " is '" + *text + "', not YYYYMMDD");
    auto number = [&](std::size_t at, std::size_t count) {
        int v = 0;
        for (std::size_t i = at; i < at + count; ++i) v = v * 10 + ((*text)[i] - '0');
        return v;
    };
    CivilDate date{number(0, 4), number(4, 2), number(6, 2)};
    std::chrono::year_month_day ymd{std::chrono::year{date.year}, std::chrono::month{static_cast<unsigned>(date.month)},
                                    std::chrono::day{static_cast<unsigned>(date.day)}};
    // No cardholder was born before 1900; a year like 0000 is an unwritten field.
    if (!ymd.ok() || date.year < 1900)
        return fail(std::string(field.name) + " '" + *text + "' is not a calendar date from 1900 on");
    return date;
}

Result<std::optional<CivilDate>> decodeExpiryField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto text = decodeTextField(block, field);
    if (!text) return fail(text.error().message);
    if (*text == "长期") return std::optional<CivilDate>{};
    auto date = decodeDateField(block, field);
    if (!date) return fail(date.error().message + " (nor 长期)");
    return std::optional{*date};
}

Result<Sex> decodeSexField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto text = decodeTextField(block, field);
    if (!text) return fail(text.error().message);
    // Common reader code maps every code but '1' to female. A code outside
    // GB/T 2261.1 means the block was misread, so it is refused instead of guessed.
    if (*text == "0") return Sex::Unknown;
    if (*text == "1") return Sex::Male;
    if (*text == "2") return Sex::Female;
    if (*text == "9") return Sex::Unspecified;
    return fail(std::string(field.name) + " code is '" + *text + "', expected 0, 1, 2 or 9");
}

Result<std::string> decodeNationField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto text = decodeTextField(block, field);
    if (!text) return text;
    if (!nationName(*text)) return fail(std::string(field.name) + " code '" + *text + "' is not one of 01-56, 97, 98");
    return text;
}

Result<std::string> decodeNationalityField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto text = decodeTextField(block, field);
    if (!text) return text;
    if (text->size() != 3 || !allOf(*text, isUpper))
        return fail(std::string(field.name) + " '" + *text + "' is not a three-letter country code");
    return text;
}

Result<std::optional<int>> decodeCountField(std::span<const std::uint8_t> block, FieldSpec field)
{
    auto text = decodeTextField(block, field);
    if (!text) return fail(text.error().message);
    if (text->empty()) return std::optional<int>{};
    if (!allOf(*text, isDigit)) return fail(std::string(field.name) + " is '" + *text + "', not a number");
    int value = 0;
    for (char c : *text) value = value * 10 + (c - '0');
    return std::optional{value};
}

} // namespace kiosk::devices::idcard
