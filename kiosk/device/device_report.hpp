#pragma once
// What the rest of the kiosk needs to know about a device: can it do its job
// now, and if not, is it missing (unplugged, not found) or present but in a
// fault (out of paper, cover open). Adapters keep their own detailed state;
// the DeviceMonitor turns it into one of these and publishes it only when it
// changes, so the UI redraws on a change and never polls hardware itself.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "device/a4_printer.hpp"
#include "device/device_status.hpp"
#include "device/input_device.hpp"

namespace kiosk {

/// The four roles a kiosk's devices play; a role has at most one device.
enum class DeviceRole { IdCardReader, Scanner, ReceiptPrinter, A4Printer };
inline constexpr std::array kAllDeviceRoles{DeviceRole::IdCardReader, DeviceRole::Scanner, DeviceRole::ReceiptPrinter,
                                            DeviceRole::A4Printer};

enum class DeviceHealth {
    Unknown,   ///< Not asked yet, or the link cannot tell (a one-way spooler queue while idle).
    Ready,     ///< Present and able to work.
    Warning,   ///< Works, but someone should look soon (paper near end, toner low).
    Fault,     ///< Present but cannot work now (paper out, cover open, jammed, offline).
    Missing,   ///< Not connected, not found, or not configured.
};

/// What is wrong, so the screen can word it for the patient.
enum class DeviceProblem {
    None,
    NotConnected,
    NotConfigured,
    PaperNearEnd,
    PaperOut,
    CoverOpen,
    Jammed,
    Offline,
    TonerLow,
    Other,
};

struct DeviceReport {
    DeviceRole role = DeviceRole::IdCardReader;
    DeviceHealth health = DeviceHealth::Unknown;
    DeviceProblem problem = DeviceProblem::None;
    std::string detail;  ///< For maintainers and the log, in English; never shown to patients.

    friend bool operator==(const DeviceReport&, const DeviceReport&) = default;
    /// The device can do its job now (possibly with a warning).
    bool usable() const { return health == DeviceHealth::Ready || health == DeviceHealth::Warning; }
    /// Known not to work (missing or in a fault). Unknown is not down: a
    /// device not yet asked, or a link that cannot tell, does not stop a
    /// service; the print itself still reports what happened.
    bool down() const { return health == DeviceHealth::Missing || health == DeviceHealth::Fault; }
};

/// A device's report changed (posted by the DeviceMonitor).
struct DeviceChanged {
    DeviceReport report;
};

std::string_view deviceRoleName(DeviceRole role);
std::optional<DeviceRole> parseDeviceRole(std::string_view name);
std::string_view deviceHealthName(DeviceHealth health);
std::optional<DeviceHealth> parseDeviceHealth(std::string_view name);
/// The catalog key naming the problem for a patient ("device.problem.paper_out"); empty for None.
std::string_view deviceProblemKey(DeviceProblem problem);
/// The catalog key naming the role for a patient ("device.role.receipt_printer").
std::string_view deviceRoleKey(DeviceRole role);

/// An input device's state read as health: Error means it is gone (the
/// adapters reopen by themselves and stay in Error until they can).
DeviceReport reportFor(DeviceRole role, const InputDevice& device);
/// A receipt printer's real-time status, or why it could not be asked.
DeviceReport reportFor(DeviceRole role, const Result<PrinterStatus>& status);
/// An A4 printer's queue as the spooler knows it.
DeviceReport reportFor(DeviceRole role, const Result<A4PrinterStatus>& status);

} // namespace kiosk
