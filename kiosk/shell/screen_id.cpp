#include "shell/screen_id.hpp"

#include <array>
#include <utility>

namespace kiosk {

namespace {
constexpr std::array kScreens{std::pair{ScreenId::Attract, std::string_view("attract")},
                              std::pair{ScreenId::Identify, std::string_view("identify")},
                              std::pair{ScreenId::Patient, std::string_view("patient")},
                              std::pair{ScreenId::Registration, std::string_view("registration")},
                              std::pair{ScreenId::Bills, std::string_view("bills")},
                              std::pair{ScreenId::Reports, std::string_view("reports")},
                              std::pair{ScreenId::Prices, std::string_view("prices")},
                              std::pair{ScreenId::CheckIn, std::string_view("check-in")},
                              std::pair{ScreenId::TransactionLookup, std::string_view("transaction-lookup")},
                              std::pair{ScreenId::MaintainerPin, std::string_view("maintainer-pin")},
                              std::pair{ScreenId::Maintainer, std::string_view("maintainer")}};
constexpr std::array kOverlays{std::pair{Overlay::None, std::string_view("none")},
                               std::pair{Overlay::TimeoutWarning, std::string_view("timeout-warning")},
                               std::pair{Overlay::CallStaff, std::string_view("call-staff")},
                               std::pair{Overlay::Sound, std::string_view("sound")},
                               std::pair{Overlay::Language, std::string_view("language")}};
} // namespace

std::string_view screenName(ScreenId id)
{
    for (auto [k, v] : kScreens)
        if (k == id) return v;
    return "?";
}

std::optional<ScreenId> screenFromName(std::string_view name)
{
    for (auto [k, v] : kScreens)
        if (v == name) return k;
    return std::nullopt;
}

std::string_view overlayName(Overlay overlay)
{
    for (auto [k, v] : kOverlays)
        if (k == overlay) return v;
    return "?";
}

std::optional<Overlay> overlayFromName(std::string_view name)
{
    for (auto [k, v] : kOverlays)
        if (v == name) return k;
    return std::nullopt;
}

} // namespace kiosk
