#pragma once
#include <optional>
#include <string_view>

namespace kiosk {

/// The services a patient can start from the service menu.
enum class ServiceKind { Registration, Bills, Reports, Prices, CheckIn };

/// Whether the service works on one patient's records; price lookup is open to anyone.
constexpr bool needsPatient(ServiceKind kind) { return kind != ServiceKind::Prices; }

} // namespace kiosk
