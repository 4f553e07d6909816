// Every scan is untrusted text from a device anyone can hold a code under.
// The classifier must answer for any bytes, and its answers must hang
// together: a classified payload classifies the same way again, a slip
// re-encodes to itself, a masked payment code shows at most eight characters, and an unknown
// number is never quoted in the reason.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "scan/scan_classifier.hpp"
#include "text/utf8.hpp"

namespace {

void check(bool condition)
{
    if (!condition) std::abort();
}

void checkOne(std::string_view payload, const kiosk::ScanRules& rules)
{
    using namespace kiosk;
    ScanClassification c = classifyScan(payload, rules);
    bool known = c.kind != ScanKind::Unknown;
    check(known == (c.problem == ScanProblem::None));
    check(known == c.reason.empty());
    check(c.text.size() <= payload.size());
    check(c.slip.has_value() == (c.kind == ScanKind::KioskSlip));
    if (known) {
        check(!c.text.empty());
        check(classifyScan(c.text, rules).kind == c.kind);  // the normalised text is a fixed point
    }
    if (c.slip) {
        auto again = encodeSlipCode(*c.slip);
        check(again.has_value() && *again == c.text);
    }
    std::string masked = maskForLog(c);
    check(decodeUtf8Lossy(masked).size() == decodeUtf8Lossy(c.text).size());
    if (isPaymentCode(c.kind) || c.kind == ScanKind::MedicalInsurance) {
        // At most the first and last four characters show, and only of 12 or more; the rest are stars.
        std::u32string chars = decodeUtf8Lossy(masked);
        std::size_t kept = chars.size() >= 12 ? 4 : 0;
        for (std::size_t i = kept; i + kept < chars.size(); ++i) check(chars[i] == U'*');
    }
    bool allDigits = std::all_of(c.text.begin(), c.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!known && allDigits && c.text.size() >= 8) check(c.reason.find(c.text) == std::string::npos);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view payload(reinterpret_cast<const char*>(data), size);
    checkOne(payload, kiosk::ScanRules{});

    kiosk::ScanRules site;
    site.maxBytes = 256;
    site.insurancePrefixes = {"YB", "", "HK1:"};  // an empty and a slip-like prefix must not confuse it
    site.insuranceMinLength = 4;
    site.reportPatterns = {"LAB-####", "@@##", "##################", ""};
    checkOne(payload, site);

    (void)kiosk::decodeSlipCode(payload);
    (void)kiosk::maskPaymentCode(payload);
    return 0;
}
