#pragma once
// The maintainer's audit log: who entered maintainer mode, when, and what
// they changed. Rows are appended to the `audit` table of settings.db, which
// refuses updates and deletes by trigger. A PIN never appears in it: a PIN
// change is recorded as "maintainer PIN changed", without the hashes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "settings/settings_store.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::maintenance {

enum class AuditEvent {
    Enter,
    Exit,
    IdleExit,
    WrongPin,
    Locked,
    SettingChanged,
    DeviceAssigned,
    TestRun,
    OutOfServiceOn,
    OutOfServiceOff,
};

/// "enter", "exit", "idle-exit", "wrong-pin", "locked", "setting-changed", "device-assigned", "test-run",
/// "out-of-service-on", "out-of-service-off".
std::string_view auditEventName(AuditEvent event);
std::optional<AuditEvent> parseAuditEvent(std::string_view name);

/// Who acted when no maintainer card or PIN was involved.
inline constexpr std::string_view kWhoPin = "pin";

struct AuditEntry {
    WallTime at{};
    AuditEvent event = AuditEvent::Enter;
    std::string who;  ///< The maintainer card's id, "pin", or "kioskctl (user)".
    std::string key;  ///< The setting or device role changed; empty for other events.
    std::string oldValue;
    std::string newValue;
    std::string detail;
};

/// One line for people: "2026-05-01 09:30:12 setting-changed by pin: timeouts.idle_seconds 60 -> 90".
std::string describeAuditEntry(const AuditEntry& entry);

class AuditLog {
public:
    /// `db` is settings.db (SettingsStore::database()); both must outlive the log.
    AuditLog(storage::Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    /// An event without a change: enter, exit, wrong-pin, test-run, ...
    Result<void> record(AuditEvent event, std::string_view who, std::string_view detail = {});
    /// A setting changed (or, with DeviceAssigned, a device role). The PIN hash's values are left out.
    Result<void> recordChange(AuditEvent event, std::string_view who, const SettingChange& change);
    /// Entries with from <= time < to, newest first.
    Result<std::vector<AuditEntry>> between(WallTime from, WallTime to);

private:
    Result<void> append(const AuditEntry& entry);
    storage::Database& m_db;
    const Clock& m_clock;
};

} // namespace kiosk::maintenance
