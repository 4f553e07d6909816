#pragma once
// The registration slip the patient takes to the clinic: where to go, when,
// their queue number, what was paid, and a QR code any kiosk can scan to
// find the registration again. The name is masked: a slip left behind must
// not tell a stranger who was ill.
#include <string>

#include "documents/receipt.hpp"
#include "hospital/hospital_types.hpp"
#include "i18n/catalog.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk {

/// A slip printed again later (from the transaction lookup) says so, so that two slips for one booking
/// are not taken for two bookings.
enum class SlipCopy { Original, Reprint };

struct SlipFacts {
    std::string hospitalName;
    hospital::Department department;
    hospital::Doctor doctor;
    hospital::Appointment appointment;
    std::string patientName;  ///< Masked when printed.
    payment::PaymentStatus payment;
    WallTime printedAt;
    std::string kioskId;
    SlipCopy copy = SlipCopy::Original;
};

ReceiptDocument buildRegistrationSlip(const SlipFacts& facts, const CatalogSet& catalogs, Language language);

/// "¥12.50" for 1250 fen.
std::string formatYuan(std::int64_t fen);
/// "2026-11-23 星期一 上午 09:00-10:00" in the language's words.
std::string formatSlotTime(const hospital::Slot& slot, const CatalogSet& catalogs, Language language);

} // namespace kiosk
