#pragma once
// What a screen asks for. Screens draw and return intents; the Shell decides.
#include <string>
#include <variant>

#include "i18n/language.hpp"
#include "shell/service_kind.hpp"

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
struct OpenService { ServiceKind service; };
struct Choose { std::string id; };  ///< A department, doctor, period, report... by its id, on the current step.
struct Confirm {};         ///< The current step's main action (confirm and pay, print).
struct Back {};            ///< One step back inside a service.
struct LeaveService {};    ///< Back to the service menu (after the flow has finished or been cancelled).
struct CancelService {};   ///< Stop the service; during payment the order is closed first.
struct Page { int delta; }; ///< Next (+1) or previous (-1) page of a list that does not fit the screen.
/// A key of the on-screen keypad: 'A'–'Z', '0'–'9', '\b' (backspace) or 0x18 (clear).
struct KeyInput { char key; };
struct Rate { int score; }; ///< The one-tap satisfaction rating at the end of a service, 1 to 5.
struct Reprint {};         ///< Print the looked-up transaction's slip again (transaction lookup).
/// Maintainer mode: a tap on the hidden corner, the PIN pad's OK, leaving, a setting changed by its
/// config key and text value ("timeouts.idle_seconds", "90"), a test print.
struct Maintainer {
    enum class Action { CornerTap, SubmitPin, Close, Change, TestPrint } action;
    std::string key{};
    std::string value{};
};

} // namespace kiosk::intent

namespace kiosk {
using Intent = std::variant<intent::Touch, intent::Start, intent::Home, intent::SetLanguage, intent::ToggleElderMode,
                            intent::ExtendTime, intent::CallStaff, intent::OpenSound, intent::OpenLanguage,
                            intent::CloseOverlay, intent::ToggleMute, intent::VolumeUp, intent::VolumeDown,
                            intent::OpenService, intent::Choose, intent::Confirm, intent::Back, intent::LeaveService,
                            intent::CancelService, intent::Page, intent::Rate,
                            intent::KeyInput, intent::Reprint, intent::Maintainer>;
} // namespace kiosk
