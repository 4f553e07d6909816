#pragma once
// The small rules the simulated gateway shares with real channels: which
// merchant numbers are acceptable, which channel a payment code belongs to,
// what a channel's transaction number looks like, and where a local day
// begins and ends in the ledger's time.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/clock.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::payment {

/// Why an order or refund number is not acceptable, or nothing if it is. The channels allow at most 32
/// letters, digits, '_' and '-' (WeChat Pay's rule, the tightest of the three that still fits the kiosk);
/// the number also goes into the QR code's link, which these characters keep safe.
std::optional<std::string> merchantNumberProblem(std::string_view what, std::string_view number);

struct PaymentCodeCheck {
    PayChannel channel = PayChannel::Unknown;  ///< Unknown if it is no payment code.
    std::string masked;                        ///< First four and last four characters only.
};

/// The channel a payment code shown by the patient belongs to, by the scan classifier's rules.
PaymentCodeCheck checkPaymentCode(std::string_view code);

/// "WeChat Pay", "Alipay", "UnionPay" or "unknown channel", for messages.
std::string_view channelName(PayChannel channel);

/// A transaction number in the shape the channel uses, unique for each serial: WeChat Pay
/// "4200001234" + date + 10 digits, Alipay date + "22001" + 15 digits, UnionPay date + "62" + 11 digits.
std::string transactionNumber(PayChannel channel, CivilDate day, std::int64_t serial);

/// "12.34 yuan": amounts in messages, exact to the fen.
std::string formatFen(Fen amount);

/// Wall-clock microseconds since the epoch, and back.
std::int64_t toMicros(WallTime time);
WallTime fromMicros(std::int64_t micros);
std::int64_t toMicros(Duration duration);

/// The start of the local day and the start of the next one, in wall-clock microseconds (a day with a
/// daylight-saving change is 23 or 25 hours long).
std::pair<std::int64_t, std::int64_t> localDayBounds(CivilDate day);

} // namespace kiosk::payment
