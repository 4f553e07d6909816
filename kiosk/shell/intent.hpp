#pragma once
// What a screen asks for. Screens draw and return intents; the Shell decides.
#include <variant>

#include "i18n/language.hpp"

namespace kiosk::intent {

struct Touch {};           ///< Any touch or key: the patient is still there (not while the countdown shows).
struct Start {};           ///< Begin: go to identification.
struct Home {};            ///< Finish or cancel: end the session, back to attract.
struct SetLanguage { Language language; };
struct ToggleElderMode {};
struct ExtendTime {};      ///< "More time" on the countdown.
struct CallStaff {};
struct OpenSound {};
struct OpenLanguage {};
struct CloseOverlay {};
struct ToggleMute {};
struct VolumeUp {};
struct VolumeDown {};

} // namespace kiosk::intent

namespace kiosk {
using Intent = std::variant<intent::Touch, intent::Start, intent::Home, intent::SetLanguage, intent::ToggleElderMode,
                            intent::ExtendTime, intent::CallStaff, intent::OpenSound, intent::OpenLanguage,
                            intent::CloseOverlay, intent::ToggleMute, intent::VolumeUp, intent::VolumeDown>;
} // namespace kiosk
