#pragma once
#include <optional>
#include <string_view>

namespace kiosk {

/// The screens of the shell. Service flows add theirs as they land.
enum class ScreenId {
    Attract,
    Identify,
    Patient,
    Registration,
    Bills,
    Reports,
    Prices,
    CheckIn,
    TransactionLookup,
    MaintainerPin,
    Maintainer,
};

/// A layer over the current screen; at most one at a time.
enum class Overlay { None, TimeoutWarning, CallStaff, Sound, Language };

std::string_view screenName(ScreenId id);
std::optional<ScreenId> screenFromName(std::string_view name);
std::string_view overlayName(Overlay overlay);
std::optional<Overlay> overlayFromName(std::string_view name);

} // namespace kiosk
