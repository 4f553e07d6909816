#pragma once
#include <optional>
#include <string_view>

namespace kiosk {

/// The services a patient can start from the service menu.
enum class ServiceKind { Registration, Bills, Reports, Prices, CheckIn, TransactionLookup };

/// Whether the service works on one patient's records. Price lookup is open to anyone; so is the
/// transaction lookup, whose number (from the patient's slip) is the proof and which shows no personal data.
constexpr bool needsPatient(ServiceKind kind)
{
    return kind != ServiceKind::Prices && kind != ServiceKind::TransactionLookup;
}

} // namespace kiosk
