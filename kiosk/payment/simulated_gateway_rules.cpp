#include "payment/simulated_gateway_rules.hpp"

#include <cstdio>
#include <ctime>

#include "scan/scan_classifier.hpp"

namespace kiosk::payment {

namespace {

constexpr std::size_t kMaxMerchantNumber = 32;

bool isMerchantNumberCharacter(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

std::string yyyymmdd(CivilDate day)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", day.year % 10000, day.month % 100, day.day % 100);
    return buffer;
}

// The serial padded to `width` digits; a serial that outgrows the width keeps
// its digits rather than being cut, so numbers stay unique.
std::string padded(std::int64_t serial, int width)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%0*lld", width, static_cast<long long>(serial));
    return buffer;
}

std::int64_t localMidnight(CivilDate day)
{
    std::tm local{};
    local.tm_year = day.year - 1900;
    local.tm_mon = day.month - 1;
    local.tm_mday = day.day;
    local.tm_isdst = -1;  // Let the C library find out whether daylight saving applies at midnight.
    std::time_t t = std::mktime(&local);
    return toMicros(std::chrono::system_clock::from_time_t(t));
}

} // namespace

std::optional<std::string> merchantNumberProblem(std::string_view what, std::string_view number)
{
    if (number.empty()) return "the " + std::string(what) + " is empty";
    if (number.size() > kMaxMerchantNumber)
        return "the " + std::string(what) + " has " + std::to_string(number.size()) + " characters; at most " +
               std::to_string(kMaxMerchantNumber) + " are allowed";
    for (char c : number)
        if (!isMerchantNumberCharacter(c))
            return "the " + std::string(what) + " may hold only letters, digits, '_' and '-'";
    return std::nullopt;
}

PaymentCodeCheck checkPaymentCode(std::string_view code)
{
    ScanClassification scan = classifyScan(code);
    PaymentCodeCheck check;
    // Whatever it turned out to be, it stood where a payment code should be and may be a mistyped one,
    // so it is masked like one.
    check.masked = maskPaymentCode(scan.text);
    switch (scan.kind) {
    case ScanKind::WeChatPay: check.channel = PayChannel::WeChat; break;
    case ScanKind::Alipay: check.channel = PayChannel::Alipay; break;
    case ScanKind::UnionPay: check.channel = PayChannel::UnionPay; break;
    case ScanKind::MedicalInsurance:
    case ScanKind::KioskSlip:
    case ScanKind::ReportBarcode:
    case ScanKind::Unknown: break;
    }
    return check;
}

std::string_view channelName(PayChannel channel)
{
    switch (channel) {
    case PayChannel::WeChat: return "WeChat Pay";
    case PayChannel::Alipay: return "Alipay";
    case PayChannel::UnionPay: return "UnionPay";
    case PayChannel::Unknown: break;
    }
    return "unknown channel";
}

std::string transactionNumber(PayChannel channel, CivilDate day, std::int64_t serial)
{
    switch (channel) {
    case PayChannel::WeChat: return "4200001234" + yyyymmdd(day) + padded(serial, 10);
    case PayChannel::Alipay: return yyyymmdd(day) + "22001" + padded(serial, 15);
    case PayChannel::UnionPay: return yyyymmdd(day) + "62" + padded(serial, 11);
    case PayChannel::Unknown: break;
    }
    return "0" + yyyymmdd(day) + padded(serial, 10);
}

std::string formatFen(Fen amount)
{
    char buffer[48];
    const char* sign = amount < 0 ? "-" : "";
    unsigned long long magnitude =
        amount < 0 ? 0ULL - static_cast<unsigned long long>(amount) : static_cast<unsigned long long>(amount);
    std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu yuan", sign, magnitude / 100, magnitude % 100);
    return buffer;
}

std::int64_t toMicros(WallTime time)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count();
}

WallTime fromMicros(std::int64_t micros)
{
    return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::microseconds(micros)));
}

std::int64_t toMicros(Duration duration)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(duration).count();
}

std::pair<std::int64_t, std::int64_t> localDayBounds(CivilDate day)
{
    CivilDate next = day;
    next.day += 1;  // mktime carries an overflowing day into the next month and year.
    return {localMidnight(day), localMidnight(next)};
}

} // namespace kiosk::payment
