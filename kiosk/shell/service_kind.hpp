#pragma once
#include <optional>
#include <string_view>

namespace kiosk {

/// The services a patient can start from the service menu.
enum class ServiceKind { Registration, Bills, Reports, Prices };

} // namespace kiosk
