#include "maintenance/maintainer_pin.hpp"

#include <algorithm>

#include "maintenance/pin_hash.hpp"

namespace kiosk::maintenance {

namespace {

std::int64_t toSeconds(WallTime t) { return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count(); }

WallTime fromSeconds(std::int64_t s)
{
    return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::seconds(s)));
}

constexpr std::int64_t kLockSeconds = std::chrono::seconds(MaintainerPin::kLockDuration).count();

} // namespace

Result<void> checkNewPin(std::string_view pin)
{
    if (pin.size() < static_cast<std::size_t>(kPinMinDigits) || pin.size() > static_cast<std::size_t>(kPinMaxDigits))
        return fail("the PIN must have 6 to 12 digits; it has " + std::to_string(pin.size()) + " characters");
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fail("the PIN may hold digits only");
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin.front(); }))
        return fail("the PIN may not be one digit repeated");
    // 123456, 345678, 987654, and the ones that wrap (890123): the first guesses anyone tries.
    for (int step : {1, -1}) {
        bool run = true;
        for (std::size_t i = 1; i < pin.size() && run; ++i)
            run = (pin[i] - '0') == ((pin[i - 1] - '0') + step + 10) % 10;
        if (run) return fail("the PIN may not be a simple run of digits (like 123456 or 654321)");
    }
    return {};
}

Result<MaintainerPin::LockRow> MaintainerPin::readLock()
{
    auto row = KIOSK_TRY(m_db.prepare("SELECT failures, locked_until FROM maintainer_lock WHERE id = 1"));
    if (KIOSK_TRY(row.step()) != storage::Step::Row) return LockRow{};
    return LockRow{static_cast<int>(row.integer(0)), row.integer(1)};
}

Result<void> MaintainerPin::writeLock(const LockRow& lock)
{
    auto update = KIOSK_TRY(m_db.prepare(
        "INSERT INTO maintainer_lock (id, failures, locked_until) VALUES (1, ?1, ?2)"
        " ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until"));
    return update.bind(1, lock.failures).bind(2, lock.lockedUntil).run();
}

Result<MaintainerPin::LockRow> MaintainerPin::currentLock(std::int64_t now)
{
    LockRow lock = KIOSK_TRY(readLock());
    if (lock.lockedUntil != 0 && lock.lockedUntil <= now) {
        lock = {};  // served its time: five fresh attempts
        KIOSK_TRY_VOID(writeLock(lock));
    } else if (lock.lockedUntil > now + kLockSeconds) {
        // The wall clock was set back after the lock began; never lock longer than the lock's length.
        lock.lockedUntil = now + kLockSeconds;
        KIOSK_TRY_VOID(writeLock(lock));
    }
    return lock;
}

Result<PinCheck> MaintainerPin::state()
{
    std::int64_t now = toSeconds(m_clock.wallNow());
    auto tx = KIOSK_TRY(storage::Transaction::begin(m_db));
    LockRow lock = KIOSK_TRY(currentLock(now));
    KIOSK_TRY_VOID(tx.commit());
    if (lock.lockedUntil > now) return PinCheck{PinOutcome::Locked, 0, fromSeconds(lock.lockedUntil)};
    return PinCheck{PinOutcome::Wrong, kMaxFailures - lock.failures, {}};
}

Result<PinCheck> MaintainerPin::verify(std::string_view pin, std::string_view hash)
{
    std::int64_t now = toSeconds(m_clock.wallNow());
    auto tx = KIOSK_TRY(storage::Transaction::begin(m_db));
    LockRow lock = KIOSK_TRY(currentLock(now));
    if (lock.lockedUntil > now) {
        KIOSK_TRY_VOID(tx.commit());
        return PinCheck{PinOutcome::Locked, 0, fromSeconds(lock.lockedUntil)};
    }
    if (hash.empty()) {
        KIOSK_TRY_VOID(tx.commit());
        return PinCheck{PinOutcome::NotSet, kMaxFailures - lock.failures, {}};
    }
    if (pinMatchesHash(pin, hash)) {
        KIOSK_TRY_VOID(writeLock({}));
        KIOSK_TRY_VOID(tx.commit());
        return PinCheck{PinOutcome::Accepted, kMaxFailures, {}};
    }
    ++lock.failures;
    KIOSK_TRY_VOID(m_audit.record(AuditEvent::WrongPin, kWhoPin,
                                  "attempt " + std::to_string(lock.failures) + " of " + std::to_string(kMaxFailures)));
    PinCheck out{PinOutcome::Wrong, kMaxFailures - lock.failures, {}};
    if (lock.failures >= kMaxFailures) {
        lock.lockedUntil = now + kLockSeconds;
        out = {PinOutcome::Locked, 0, fromSeconds(lock.lockedUntil)};
        KIOSK_TRY_VOID(
            m_audit.record(AuditEvent::Locked, kWhoPin,
                           "PIN entry locked until " + formatLocalTime(out.lockedUntil, "%Y-%m-%d %H:%M:%S")));
    }
    KIOSK_TRY_VOID(writeLock(lock));
    KIOSK_TRY_VOID(tx.commit());
    return out;
}

Result<void> changePin(SettingsStore& store, AuditLog& audit, std::string_view who, std::string_view newPin)
{
    KIOSK_TRY_VOID(checkNewPin(newPin));
    std::string hash = KIOSK_TRY(hashPin(newPin));
    SettingChange change = KIOSK_TRY(store.set("maintainer.pin_hash", hash));
    return audit.recordChange(AuditEvent::SettingChanged, who, change);
}

} // namespace kiosk::maintenance
