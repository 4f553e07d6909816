#pragma once
// What a scanned code is: a payment code, a 医保电子凭证, one of the kiosk's
// own slips, a report barcode, or unknown. The scanner hands over untrusted
// text; this file decides what it is before any flow acts on it.
//
// Rules (devices.md §3.4), tried in this order:
//   1. kiosk slip    "HK" + digit + ":" (see slip_code.hpp); a damaged or altered slip is Unknown with the reason.
//   2. WeChat Pay    18 digits starting 10–15.
//      Alipay        16–24 digits starting 25–30, or the 35-character face-pay token "fp" + 33 characters.
//      UnionPay      19 digits starting 62.
//   3. 医保电子凭证    one of the configured prefixes, then a bounded token (see ScanRules).
//   4. report barcode one of the configured patterns.
// Payment codes come before the hospital-specific rules because their formats
// are fixed by the payment networks; a site configures its own patterns around
// them. The classifier knows no context: a flow decides which kinds it accepts
// at which step (a payment code outside the payment step is refused there).
//
// Untrusted input: the text is bounded in length, must be valid UTF-8 and may
// not hold control or invisible formatting characters. Matching is done by
// hand, never with std::regex (libstdc++'s matcher recurses per character and
// can exhaust the stack on long input), and nothing is ever built from the
// text but the normalised copy returned here. Reasons never quote the text,
// because a near-miss payment code is still a secret.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scan/slip_code.hpp"

namespace kiosk {

enum class ScanKind { WeChatPay, Alipay, UnionPay, MedicalInsurance, KioskSlip, ReportBarcode, Unknown };

/// Why a payload is Unknown: rejected before matching, or valid text that matches no rule.
enum class ScanProblem {
    None,
    Empty,
    TooLong,
    InvalidUtf8,
    ControlCharacter,
    FormattingCharacter,
    BadSlip,
    Unrecognised,
};

/// The site's settings for the hospital-specific rules. Every field has a safe default.
struct ScanRules {
    /// Longest payload accepted, in bytes, before trimming.
    std::size_t maxBytes = 512;

    /// 医保电子凭证: the national platform treats the QR string as opaque and resolves it through its own
    /// SDK/API (EcQuery), so the kiosk never parses it. Its string format is not published, so it is
    /// recognised only by prefixes the site's 医保 integrator provides. No prefixes (the default) means no
    /// payload is taken for a 医保电子凭证: better "not accepted here" than a misread credential.
    std::vector<std::string> insurancePrefixes;
    /// Bounds for the whole 医保 payload, prefix included; the rest must be printable ASCII without spaces.
    std::size_t insuranceMinLength = 16;
    std::size_t insuranceMaxLength = 512;

    /// Report and specimen barcodes, whole-payload patterns: '#' is a digit, '@' an upper-case letter A–Z,
    /// any other character stands for itself. Default: 12 digits.
    std::vector<std::string> reportPatterns = {"############"};
};

struct ScanClassification {
    ScanKind kind = ScanKind::Unknown;
    /// The payload without the scanner's terminator (surrounding CR, LF, tab, space); empty when rejected.
    std::string text;
    /// None when classified; otherwise why not.
    ScanProblem problem = ScanProblem::None;
    /// For Unknown: why, in words for the log and the maintainer. Never quotes the payload.
    std::string reason;
    /// The decoded slip when kind is KioskSlip.
    std::optional<SlipCode> slip;
};

/// Classifies one scanned payload. Never throws; any bytes give an answer.
ScanClassification classifyScan(std::string_view payload, const ScanRules& rules = {});

/// "wechat-pay", "alipay", "unionpay", "medical-insurance", "kiosk-slip", "report-barcode", "unknown".
std::string_view scanKindName(ScanKind kind);

/// WeChat Pay, Alipay and UnionPay codes authorise a charge: never print them in full.
bool isPaymentCode(ScanKind kind);

/// Keeps the first four and last four characters and stars the rest (1345**********6789). Text shorter
/// than 12 characters is starred entirely, because keeping eight of fewer would show most of it.
std::string maskPaymentCode(std::string_view text);

/// The payload as it may appear in a log or on a maintainer's screen: payment codes, 医保 tokens and
/// unknown payloads (which may be mistyped payment codes) are masked; slips and report barcodes are not
/// secret, the same text is printed on paper.
std::string maskForLog(const ScanClassification& scan);

/// True if the pattern ('#' digit, '@' letter, other characters literal) matches the whole text.
bool matchesPattern(std::string_view text, std::string_view pattern);

} // namespace kiosk
