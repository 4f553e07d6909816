#pragma once
// The plain-text UI scenario language (documented in README.md). Parsing is
// separate from running, so a scenario with a typo fails before anything
// starts, naming the line.
#include <chrono>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace kiosk {

enum class ScenarioOp {
    Tap,             ///< tap "visible text" | tap #widget-id
    TapAt,           ///< tap-at X Y   (pixels from the top-left corner)
    Type,            ///< type "text"
    InsertCard,      ///< insert-card IDENTITY
    RemoveCard,      ///< remove-card
    CardError,       ///< card-error   (the reader fails to read the card)
    Scan,            ///< scan "text"   (through the simulated scanner)
    ScanSlip,        ///< scan-slip    (the patient scans the QR code of the last slip the simulated printer cut)
    Device,          ///< device printer paper-out | device reader unplug | ... (breaks or mends a simulated device)
    CountTaps,       ///< count-taps   (starts counting the patient's taps from zero)
    ExpectTaps,      ///< expect-taps N (exactly N taps since count-taps; the count is printed)
    Gateway,         ///< gateway succeed|password|decline|never-answer|late|unreachable (the simulated channel)
    Hospital,        ///< hospital reachable|unreachable|slow MS|expire-holds|take-slot (the demo hospital)
    PhonePays,       ///< phone-pays wechat|alipay|unionpay (the patient's phone pays the QR code on screen)
    ExpectDevice,    ///< expect-device ROLE HEALTH (waits until the UI has that report; ROLE reader|scanner|
                     ///< receipt-printer|a4-printer, HEALTH ready|warning|fault|missing|unknown)
    ExpectUnsettled, ///< expect-unsettled N (waits for a recovery round that leaves N transactions unfinished)
    Advance,         ///< advance 45s  (moves the kiosk's clock)
    Wait,            ///< wait 500ms   (real time, frames keep running)
    Idle,            ///< idle 30s     (real time in the normal event-driven loop)
    Screen,          ///< screen NAME  (waits until that screen is shown)
    Overlay,         ///< overlay NAME (waits until that overlay is shown)
    Expect,          ///< expect "text"     (waits until visible)
    ExpectNot,       ///< expect-not "text" (must not be visible now)
    ExpectElder,     ///< expect-elder on|off
    ExpectNoPatient, ///< expect-no-patient (no session, no patient text, no patient glyphs)
    Screenshot,      ///< screenshot FILE.png
    CheckLayout,     ///< check-layout (text on screen, targets big enough, no missing glyphs)
    Quit,            ///< quit
};

struct ScenarioStep {
    int line = 0;
    ScenarioOp op = ScenarioOp::Quit;
    std::string argument;
    std::chrono::milliseconds duration{0};
    int x = 0;  ///< For tap-at.
    int y = 0;
};

struct Scenario {
    std::string fileName;
    std::vector<ScenarioStep> steps;
};

Result<Scenario> parseScenario(std::string_view text, std::string fileName);
Result<Scenario> loadScenario(const std::string& path);
std::string_view scenarioOpName(ScenarioOp op);

} // namespace kiosk
