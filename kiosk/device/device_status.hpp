#pragma once
// Device state and status as data, after UnifiedPOS: a device is closed,
// idle, busy or in error, and its status (power, paper, cover) is a value
// the UI can show, published only when it changes.
#include <string>

namespace kiosk {

/// UnifiedPOS State: CLOSED, IDLE, BUSY, ERROR.
enum class DeviceState { Closed, Idle, Busy, Error };

/// UnifiedPOS PowerState: online, off, offline (PS_UNKNOWN when not reported).
enum class PowerState { Unknown, Online, Off, Offline };

/// Roll paper as the printer's sensors report it.
enum class PaperState { Unknown, Ok, NearEnd, Empty };

/// Everything a printer's real-time status can tell.
struct PrinterStatus {
    PowerState power = PowerState::Unknown;
    PaperState paper = PaperState::Unknown;
    bool coverOpen = false;
    bool paperFeedButton = false;
    bool cutterError = false;
    bool recoverableError = false;
    bool unrecoverableError = false;
    bool autoRecoverableError = false;
    bool jammed = false;

    friend bool operator==(const PrinterStatus&, const PrinterStatus&) = default;

    /// Paper present, cover closed, online and no error: a print may start.
    bool readyToPrint() const
    {
        return power == PowerState::Online && paper != PaperState::Empty && paper != PaperState::Unknown &&
               !coverOpen && !cutterError && !recoverableError && !unrecoverableError && !jammed;
    }
};

std::string describe(const PrinterStatus& status);

} // namespace kiosk
