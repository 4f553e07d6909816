#pragma once
// The maintainer PIN: the rules a new PIN must meet, checking a PIN against
// its stored Argon2id hash, and the lock-out after five wrong PINs in a row
// (15 minutes, kept in settings.db with its end time so that restarting the
// kiosk does not lift it). PIN digits are never logged, audited or put in a
// message: every message here is about the PIN, never quotes it.
#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "maintenance/audit_log.hpp"
#include "settings/settings_store.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::maintenance {

inline constexpr int kPinMinDigits = 6;
inline constexpr int kPinMaxDigits = 12;

/// 6–12 digits, not all the same digit, not a run up or down (123456, 987654).
Result<void> checkNewPin(std::string_view pin);

enum class PinOutcome {
    Accepted,
    Wrong,   ///< attemptsLeft says how many remain before the lock.
    Locked,  ///< Entry refused until lockedUntil, whatever the PIN; the fifth wrong PIN answers this too.
    NotSet,  ///< No PIN hash configured: entry by PIN is impossible.
};

struct PinCheck {
    PinOutcome outcome = PinOutcome::Wrong;
    int attemptsLeft = 0;
    WallTime lockedUntil{};
};

class MaintainerPin {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::minutes kLockDuration{15};

    /// `db` is settings.db; the lock is timed by `clock`'s wall time (it must survive a reboot).
    MaintainerPin(storage::Database& db, const Clock& clock, AuditLog& audit)
        : m_db(db), m_clock(clock), m_audit(audit)
    {
    }

    /// Checks `pin` against `hash` (the effective maintainer.pin_hash). Wrong PINs and the lock are audited.
    Result<PinCheck> verify(std::string_view pin, std::string_view hash);
    /// Whether entry is locked now; lockedUntil is set when it is.
    Result<PinCheck> state();

private:
    struct LockRow {
        int failures = 0;
        std::int64_t lockedUntil = 0;
    };
    Result<LockRow> readLock();
    Result<void> writeLock(const LockRow& row);
    /// The lock as it stands now: an expired lock cleared, one stretched by the wall clock going back trimmed.
    Result<LockRow> currentLock(std::int64_t now);

    storage::Database& m_db;
    const Clock& m_clock;
    AuditLog& m_audit;
};

/// Checks `newPin` against the rules, stores its hash as maintainer.pin_hash and audits
/// "maintainer PIN changed" by `who`.
Result<void> changePin(SettingsStore& store, AuditLog& audit, std::string_view who, std::string_view newPin);

} // namespace kiosk::maintenance
