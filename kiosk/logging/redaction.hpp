#pragma once
// The filter every log message passes before it is written. It masks what
// can be recognised by its shape:
//   - ID numbers (GB 11643: 17 digits and a digit or X, with a plausible birth
//     date inside; also the old 15-digit numbers) → 4401**********1234
//   - mobile numbers (11 digits starting 13–19, with or without +86, written
//     together or as 3-4-4 groups) → 138****5678
//   - payment codes (the WeChat Pay, Alipay and UnionPay shapes scan_classifier
//     knows, including the Alipay face-pay token) → 1345**********6789
//   - bank card numbers (16–19 digits starting 3–6 that pass the Luhn check,
//     together or in groups of four) → 6222***********7890
// Only whole runs of digits are looked at, so order, transaction and slip
// numbers (which are longer, shorter or joined by other characters) stay
// readable for support staff.
//
// A name has no shape: 张三 looks like any other two characters. The filter
// cannot find names, so the rule is on the caller: never pass a patient's name
// (or address) to the log, not even masked by hand in some other way; use the
// session number or the order number to say whose it was.
#include <string>
#include <string_view>

namespace kiosk::logging {

/// The text with every recognised piece of personal data masked; the rest unchanged, byte for byte.
std::string redactPersonalData(std::string_view text);

} // namespace kiosk::logging
