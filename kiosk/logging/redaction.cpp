#include "logging/redaction.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "patient/masking.hpp"
#include "scan/scan_classifier.hpp"

namespace kiosk::logging {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isAsciiAlnum(char c) { return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

int number(std::string_view digits) { return std::stoi(std::string(digits)); }

// A birth date as GB 11643 writes it: the year given in full (18 digits) or
// as two digits after 19 (the 15-digit numbers issued before 1999).
bool plausibleDate(int year, int month, int day)
{
    return year >= 1880 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Region codes start 11 (Beijing) to 82 (Macau), so the first digit is 1–8.
bool plausibleRegion(std::string_view digits) { return digits[0] >= '1' && digits[0] <= '8'; }

bool isIdNumber(std::string_view s)
{
    if (s.size() == 18) {
        bool lastOk = isDigit(s[17]) || s[17] == 'X' || s[17] == 'x';
        return lastOk && std::all_of(s.begin(), s.begin() + 17, isDigit) && plausibleRegion(s) &&
               plausibleDate(number(s.substr(6, 4)), number(s.substr(10, 2)), number(s.substr(12, 2)));
    }
    if (s.size() == 15)
        return std::all_of(s.begin(), s.end(), isDigit) && plausibleRegion(s) &&
               plausibleDate(1900 + number(s.substr(6, 2)), number(s.substr(8, 2)), number(s.substr(10, 2)));
    return false;
}

bool isMobileNumber(std::string_view digits)
{
    return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

bool passesLuhn(std::string_view digits)
{
    int sum = 0;
    bool twice = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

bool isBankCard(std::string_view digits)
{
    return digits.size() >= 16 && digits.size() <= 19 && digits[0] >= '3' && digits[0] <= '6' && passesLuhn(digits);
}

bool isPaymentCodeText(std::string_view text) { return isPaymentCode(classifyScan(text).kind); }

/// The mask for a run of digits (an ID number may end in X), or nothing if it is none of the known kinds.
std::optional<std::string> maskDigits(std::string_view digits)
{
    if (isIdNumber(digits)) return maskIdNumber(digits);
    if (isMobileNumber(digits)) return maskPhoneNumber(digits);
    if (digits.size() == 13 && digits.starts_with("86") && isMobileNumber(digits.substr(2)))
        return "86" + maskPhoneNumber(digits.substr(2));
    if (isPaymentCodeText(digits) || isBankCard(digits)) return maskPaymentCode(digits);
    return std::nullopt;
}

std::size_t digitRunEnd(std::string_view text, std::size_t from)
{
    while (from < text.size() && isDigit(text[from])) ++from;
    return from;
}

// Groups of digits joined by single spaces or hyphens, as people write phone
// and card numbers (138 1234 5678, 6222-0212-3456-7890): the digits, and where
// the grouped number ends, if the groups have one of those shapes.
std::optional<std::pair<std::string, std::size_t>> groupedNumber(std::string_view text, std::size_t start)
{
    std::vector<std::size_t> sizes;
    std::string digits;
    std::size_t at = start;
    char separator = 0;
    while (true) {
        std::size_t end = digitRunEnd(text, at);
        sizes.push_back(end - at);
        digits.append(text.substr(at, end - at));
        if (end + 1 >= text.size() || !isDigit(text[end + 1])) {
            at = end;
            break;
        }
        char c = text[end];
        if ((c != ' ' && c != '-') || (separator && c != separator)) {
            at = end;
            break;
        }
        separator = c;
        at = end + 1;
    }
    if (sizes.size() < 2) return std::nullopt;
    bool phoneShape = sizes == std::vector<std::size_t>{3, 4, 4};
    bool cardShape = sizes.size() >= 4 && sizes.size() <= 5 &&
                     std::all_of(sizes.begin(), sizes.end() - 1, [](std::size_t n) { return n == 4; }) &&
                     sizes.back() >= 1 && sizes.back() <= 4;
    if (phoneShape && isMobileNumber(digits)) return std::pair{digits, at};
    if (cardShape && (isBankCard(digits) || isPaymentCodeText(digits))) return std::pair{digits, at};
    return std::nullopt;
}

} // namespace

std::string redactPersonalData(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        bool wordStart = i == 0 || !isAsciiAlnum(text[i - 1]);
        // The Alipay face-pay token: "fp" and 33 printable characters, as one word.
        if (wordStart && c == 'f' && text.substr(i, 2) == "fp" && i + 35 <= text.size() &&
            (i + 35 == text.size() || !isAsciiAlnum(text[i + 35])) && isPaymentCodeText(text.substr(i, 35))) {
            out += maskPaymentCode(text.substr(i, 35));
            i += 35;
            continue;
        }
        if (!isDigit(c) || (i > 0 && isDigit(text[i - 1]))) {
            out.push_back(c);
            ++i;
            continue;
        }
        std::size_t end = digitRunEnd(text, i);
        // An ID number's check character may be X.
        if (end - i == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end;
        if (auto masked = maskDigits(text.substr(i, end - i))) {
            out += *masked;
            i = end;
            continue;
        }
        if (auto grouped = groupedNumber(text, i)) {
            out += isMobileNumber(grouped->first) ? maskPhoneNumber(grouped->first) : maskPaymentCode(grouped->first);
            i = grouped->second;
            continue;
        }
        out.append(text.substr(i, end - i));
        i = end;
    }
    return out;
}

} // namespace kiosk::logging
