#include "documents/registration_slip.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "patient/masking.hpp"
#include "scan/slip_code.hpp"

namespace kiosk {

namespace {
std::string hhmm(int minutes)
{
    char out[8];
    std::snprintf(out, sizeof out, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    return out;
}

std::string dateText(CivilDate date, const CatalogSet& catalogs, Language language)
{
    using namespace std::chrono;
    year_month_day ymd{year(date.year), month(static_cast<unsigned>(date.month)), day(static_cast<unsigned>(date.day))};
    unsigned weekday = ymd.ok() ? std::chrono::weekday(sys_days(ymd)).c_encoding() : 0;
    return catalogs.format(language, "date.format",
                           {{"year", std::to_string(date.year)},
                            {"month", std::to_string(date.month)},
                            {"month_name", catalogs.text(language, "month." + std::to_string(date.month))},
                            {"day", std::to_string(date.day)},
                            {"weekday", catalogs.text(language, "weekday." + std::to_string(weekday))}});
}


ReceiptText line(std::string text, TextAlign align = TextAlign::Left, int scale = 1, bool bold = false)
{
    return ReceiptText{std::move(text), align, scale, scale, bold};
}
} // namespace

std::string formatYuan(std::int64_t fen)
{
    char out[32];
    std::snprintf(out, sizeof out, "%s¥%lld.%02lld", fen < 0 ? "-" : "", static_cast<long long>(std::llabs(fen) / 100),
                  static_cast<long long>(std::llabs(fen) % 100));
    return out;
}

std::string formatSlotTime(const hospital::Slot& slot, const CatalogSet& catalogs, Language language)
{
    std::string period = catalogs.text(language, slot.period == hospital::DayPeriod::Morning ? "period.morning"
                                                                                            : "period.afternoon");
    return dateText(slot.date, catalogs, language) + " " + period + " " + hhmm(slot.startMinute) + "-" +
           hhmm(slot.endMinute);
}

ReceiptDocument buildRegistrationSlip(const SlipFacts& f, const CatalogSet& catalogs, Language language)
{
    auto tr = [&](std::string_view key) { return catalogs.text(language, key); };
    auto field = [&](std::string_view key, const std::string& value) { return line(tr(key) + value); };
    const hospital::Appointment& a = f.appointment;
    ReceiptDocument doc;
    auto& e = doc.elements;
    e.push_back(line(f.hospitalName, TextAlign::Center, 2, true));
    e.push_back(line(tr("slip.registration.title"), TextAlign::Center, 1, true));
    if (f.copy == SlipCopy::Reprint) e.push_back(line(tr("slip.reprint"), TextAlign::Center, 1, true));
    e.push_back(ReceiptFeed{1});
    e.push_back(line(tr("slip.queue_number"), TextAlign::Center));
    e.push_back(line(std::to_string(a.queueNumber), TextAlign::Center, 3, true));
    e.push_back(ReceiptFeed{1});
    e.push_back(field("slip.department", f.department.name));
    // The room names its building and floor in the demo hospital; the department's area is the fallback.
    e.push_back(field("slip.location", a.slot.room.empty() ? f.department.location : a.slot.room));
    if (!f.doctor.name.empty()) e.push_back(field("slip.doctor", f.doctor.name + " " + f.doctor.title));
    e.push_back(field("slip.time", formatSlotTime(a.slot, catalogs, language)));
    e.push_back(field("slip.patient", maskName(f.patientName)));
    // An appointment checked in here was paid where it was booked: no fee or payment lines then.
    if (!f.payment.orderNo.empty()) {
        e.push_back(field("slip.fee", formatYuan(a.slot.fee)));
        e.push_back(field("slip.payment", f.payment.transactionId.empty() ? f.payment.orderNo : f.payment.transactionId));
    }
    e.push_back(field("slip.registration_id", a.id));
    e.push_back(field("slip.printed_at", formatLocalTime(f.printedAt, "%Y-%m-%d %H:%M:%S") + " " + f.kioskId));
    if (auto code = encodeSlipCode(SlipCode{SlipKind::Registration, a.id})) {
        e.push_back(ReceiptFeed{1});
        e.push_back(ReceiptQrCode{*code, 6, TextAlign::Center});
    }
    e.push_back(line(tr("slip.registration.footer"), TextAlign::Center));
    e.push_back(ReceiptFeed{3});
    e.push_back(ReceiptCut{true});
    return doc;
}

} // namespace kiosk
