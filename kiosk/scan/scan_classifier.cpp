#include "scan/scan_classifier.hpp"

#include <algorithm>
#include <cstdio>

#include "text/utf8.hpp"

namespace kiosk {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), isDigit); }

/// Printable ASCII without space: what machine-made tokens are written in.
bool isTokenCharacter(char c) { return c > 0x20 && c < 0x7F; }

bool isTerminator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimTerminators(std::string_view s)
{
    while (!s.empty() && isTerminator(s.front())) s.remove_prefix(1);
    while (!s.empty() && isTerminator(s.back())) s.remove_suffix(1);
    return s;
}

bool isControl(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

// Invisible characters that change how text is displayed without showing
// themselves: zero-width spaces and joiners, bidirectional overrides and
// isolates (which can make a code read differently on screen than in the
// log), word joiners and the byte-order mark.
bool isFormatting(char32_t c)
{
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

std::string codePointName(char32_t c)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

bool twoDigitPrefixIn(std::string_view s, int low, int high)
{
    if (s.size() < 2 || !isDigit(s[0]) || !isDigit(s[1])) return false;
    int prefix = (s[0] - '0') * 10 + (s[1] - '0');
    return prefix >= low && prefix <= high;
}

// ^1[0-5]\d{16}$
bool isWeChatPay(std::string_view s) { return s.size() == 18 && allDigits(s) && twoDigitPrefixIn(s, 10, 15); }

// ^(2[5-9]|30)\d{14,22}$
bool isAlipayCode(std::string_view s)
{
    return s.size() >= 16 && s.size() <= 24 && allDigits(s) && twoDigitPrefixIn(s, 25, 30);
}

// ^fp.{33}$ — the token is machine-made, so "any character" is read as
// printable ASCII without space; a Chinese character or a space there is a
// different code, not a face-pay token.
bool isAlipayFaceToken(std::string_view s)
{
    return s.size() == 35 && s.starts_with("fp") && std::all_of(s.begin(), s.end(), isTokenCharacter);
}

// ^62\d{17}$
bool isUnionPay(std::string_view s) { return s.size() == 19 && allDigits(s) && s.starts_with("62"); }

ScanClassification rejected(ScanProblem problem, std::string reason)
{
    ScanClassification out;
    out.problem = problem;
    out.reason = std::move(reason);
    return out;
}

ScanClassification classified(ScanKind kind, std::string_view text)
{
    ScanClassification out;
    out.kind = kind;
    out.text = std::string(text);
    return out;
}

ScanClassification unknown(std::string_view text, ScanProblem problem, std::string reason)
{
    ScanClassification out = rejected(problem, std::move(reason));
    out.text = std::string(text);
    return out;
}

// Checks that the text is safe to look at: valid UTF-8 without control or
// formatting characters. Returns the problem, if any; `characters` receives
// the number of code points.
std::optional<ScanClassification> checkText(std::string_view text, std::size_t& characters)
{
    Utf8Error error;
    auto decoded = decodeUtf8(text, &error);
    if (!decoded)
        return rejected(ScanProblem::InvalidUtf8,
                        "the scan is not valid UTF-8 (bad byte sequence at byte " + std::to_string(error.offset) + ")");
    for (std::size_t i = 0; i < decoded->size(); ++i) {
        char32_t c = (*decoded)[i];
        if (isControl(c))
            return rejected(ScanProblem::ControlCharacter, "the scan holds control character " + codePointName(c) +
                                                               " at character " + std::to_string(i + 1));
        if (isFormatting(c))
            return rejected(ScanProblem::FormattingCharacter, "the scan holds invisible formatting character " +
                                                                  codePointName(c) + " at character " +
                                                                  std::to_string(i + 1));
    }
    characters = decoded->size();
    return std::nullopt;
}

std::optional<ScanClassification> matchInsurance(std::string_view text, const ScanRules& rules)
{
    for (const std::string& prefix : rules.insurancePrefixes) {
        // An empty prefix would take every payload for a credential.
        if (prefix.empty() || !text.starts_with(prefix)) continue;
        if (text.size() < rules.insuranceMinLength || text.size() > rules.insuranceMaxLength)
            return unknown(text, ScanProblem::Unrecognised,
                           "starts like a 医保电子凭证 but is " + std::to_string(text.size()) +
                               " bytes long; expected " + std::to_string(rules.insuranceMinLength) + " to " +
                               std::to_string(rules.insuranceMaxLength));
        if (!std::all_of(text.begin(), text.end(), isTokenCharacter))
            return unknown(text, ScanProblem::Unrecognised,
                           "starts like a 医保电子凭证 but holds characters other than printable ASCII");
        return classified(ScanKind::MedicalInsurance, text);
    }
    return std::nullopt;
}

} // namespace

bool matchesPattern(std::string_view text, std::string_view pattern)
{
    if (text.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char p = pattern[i];
        char c = text[i];
        bool ok = p == '#' ? isDigit(c) : p == '@' ? (c >= 'A' && c <= 'Z') : c == p;
        if (!ok) return false;
    }
    return true;
}

ScanClassification classifyScan(std::string_view payload, const ScanRules& rules)
{
    if (payload.size() > rules.maxBytes)
        return rejected(ScanProblem::TooLong, "the scan is " + std::to_string(payload.size()) + " bytes; at most " +
                                                  std::to_string(rules.maxBytes) + " are accepted");
    std::string_view text = trimTerminators(payload);
    if (text.empty()) return rejected(ScanProblem::Empty, "the scan is empty");
    std::size_t characters = 0;
    if (auto problem = checkText(text, characters)) return *problem;

    if (looksLikeSlipCode(text)) {
        auto slip = decodeSlipCode(text);
        if (!slip) return unknown(text, ScanProblem::BadSlip, slip.error().message);
        ScanClassification out = classified(ScanKind::KioskSlip, text);
        out.slip = std::move(*slip);
        return out;
    }
    if (isWeChatPay(text)) return classified(ScanKind::WeChatPay, text);
    if (isAlipayCode(text) || isAlipayFaceToken(text)) return classified(ScanKind::Alipay, text);
    if (isUnionPay(text)) return classified(ScanKind::UnionPay, text);
    if (auto insurance = matchInsurance(text, rules)) return *insurance;
    for (const std::string& pattern : rules.reportPatterns)
        if (!pattern.empty() && matchesPattern(text, pattern)) return classified(ScanKind::ReportBarcode, text);

    if (allDigits(text))
        return unknown(text, ScanProblem::Unrecognised,
                       "a number of " + std::to_string(text.size()) +
                           " digits that matches no payment code or report barcode rule");
    return unknown(text, ScanProblem::Unrecognised,
                   std::to_string(characters) +
                       " characters that match no known code (payment code, 医保电子凭证, kiosk slip, report barcode)");
}

std::string_view scanKindName(ScanKind kind)
{
    switch (kind) {
    case ScanKind::WeChatPay: return "wechat-pay";
    case ScanKind::Alipay: return "alipay";
    case ScanKind::UnionPay: return "unionpay";
    case ScanKind::MedicalInsurance: return "medical-insurance";
    case ScanKind::KioskSlip: return "kiosk-slip";
    case ScanKind::ReportBarcode: return "report-barcode";
    case ScanKind::Unknown: return "unknown";
    }
    return "unknown";
}

bool isPaymentCode(ScanKind kind)
{
    return kind == ScanKind::WeChatPay || kind == ScanKind::Alipay || kind == ScanKind::UnionPay;
}

std::string maskPaymentCode(std::string_view text)
{
    std::u32string chars = decodeUtf8Lossy(text);
    if (chars.size() < 12) return std::string(chars.size(), '*');
    std::u32string masked = chars.substr(0, 4);
    masked.append(chars.size() - 8, U'*');
    masked.append(chars.substr(chars.size() - 4));
    return encodeUtf8(masked);
}

std::string maskForLog(const ScanClassification& scan)
{
    switch (scan.kind) {
    case ScanKind::KioskSlip:
    case ScanKind::ReportBarcode: return scan.text;
    case ScanKind::WeChatPay:
    case ScanKind::Alipay:
    case ScanKind::UnionPay:
    case ScanKind::MedicalInsurance:
    case ScanKind::Unknown: break;
    }
    return maskPaymentCode(scan.text);
}

} // namespace kiosk
