#pragma once
// Maintainer mode as a state machine, without drawing: the hidden way in
// (five taps in a corner within 3 s), the PIN pad checked by MaintainerPin,
// the open mode with its actions, and the idle exit. Every entry, exit,
// change and test is written to the audit log. The Shell forwards intents
// here and shows the matching screen.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "device/receipt_printer.hpp"
#include "maintenance/audit_log.hpp"
#include "maintenance/maintainer_pin.hpp"
#include "settings/settings_store.hpp"

namespace kiosk::maintenance {

enum class MaintainerStage { Closed, PinPad, Open };

/// What the PIN pad says under the digits.
enum class PinPadMessage { None, Wrong, Locked, NotSet, Failed };

/// The result of the last action on the maintainer screen.
enum class ActionResult { None, Saved, Refused, Printed, PrintFailed };

class MaintainerMode {
public:
    static constexpr int kCornerTaps = 5;
    static constexpr std::chrono::seconds kCornerWindow{3};

    /// `reload` gives the settings the kiosk runs with after a change (settings.db, the config file on top,
    /// the command line last); `printer` may be null (no test print then).
    MaintainerMode(SettingsStore& store, const Clock& clock, std::function<Result<KioskSettings>()> reload,
                   ReceiptPrinter* printer);

    MaintainerStage stage() const { return m_stage; }
    PinPadMessage padMessage() const { return m_padMessage; }
    int attemptsLeft() const { return m_attemptsLeft; }
    WallTime lockedUntil() const { return m_lockedUntil; }
    std::size_t pinLength() const { return m_pin.size(); }
    ActionResult lastResult() const { return m_lastResult; }
    /// The settings store's message when a change was refused.
    const std::string& refusal() const { return m_refusal; }
    /// Since this object was made (the kiosk's start).
    Duration uptime() const { return m_clock.now() - m_started; }

    /// A tap on the hidden corner target; true when this tap opens the PIN pad.
    bool cornerTap(std::string_view pinHash);
    /// A digit, '\b' or 0x18 (clear) on the PIN pad; other keys are ignored.
    void key(char k);
    /// Checks the PIN typed; true when maintainer mode is now open.
    bool submit(std::string_view pinHash);
    /// Leaves the PIN pad, or maintainer mode (audited).
    void close();
    /// Sets one setting by its config key and text value, audited; the kiosk's settings afterwards when saved.
    std::optional<KioskSettings> change(std::string_view key, std::string_view value);
    /// Prints a test receipt on the receipt printer, audited with the outcome.
    void testPrint(const std::string& kioskId);
    /// Any touch while the PIN pad or the mode is up.
    void touch() { m_lastActivity = m_clock.now(); }
    /// Closes the pad or the mode after `idleTimeout` without a touch; true when it closed now.
    bool tick(Duration idleTimeout);
    std::optional<Instant> deadline(Duration idleTimeout) const;

private:
    void audit(AuditEvent event, std::string_view detail = {});
    void clearPin();

    SettingsStore& m_store;
    const Clock& m_clock;
    std::function<Result<KioskSettings>()> m_reload;
    ReceiptPrinter* m_printer;
    AuditLog m_audit;
    MaintainerPin m_pinCheck;

    MaintainerStage m_stage = MaintainerStage::Closed;
    PinPadMessage m_padMessage = PinPadMessage::None;
    ActionResult m_lastResult = ActionResult::None;
    std::string m_refusal;
    int m_attemptsLeft = MaintainerPin::kMaxFailures;
    WallTime m_lockedUntil{};
    std::string m_pin;
    std::vector<Instant> m_cornerTaps;
    Instant m_lastActivity{};
    Instant m_started{};
};

}  // namespace kiosk::maintenance
