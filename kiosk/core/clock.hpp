#pragma once
// Time for everything that decides (timeouts, ages, the clock on screen).
// Flows take a Clock so that tests and scenarios can move time by hand.
#include <chrono>
#include <mutex>
#include <string>

namespace kiosk {

using Instant = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;
using Duration = std::chrono::steady_clock::duration;

class Clock {
public:
    virtual ~Clock() = default;
    /// Monotonic time for timeouts; never jumps when the wall clock is set.
    virtual Instant now() const = 0;
    /// Wall time for what people read: the date on screen, ages from birth dates.
    virtual WallTime wallNow() const = 0;
};

class SystemClock final : public Clock {
public:
    Instant now() const override { return std::chrono::steady_clock::now(); }
    WallTime wallNow() const override { return std::chrono::system_clock::now(); }
};

/// The system clock plus an offset that only grows: lets a scenario skip
/// a minute of inactivity without waiting for it, while the frame loop still
/// sleeps in real time.
class AdvanceableClock final : public Clock {
public:
    explicit AdvanceableClock(const Clock& base) : m_base(base) {}
    Instant now() const override;
    WallTime wallNow() const override;
    void advance(Duration by);

private:
    const Clock& m_base;
    mutable std::mutex m_mutex;
    Duration m_offset{};
};

/// A clock that moves only when told to; for unit tests.
class ManualClock final : public Clock {
public:
    ManualClock();
    Instant now() const override { return m_now; }
    WallTime wallNow() const override { return m_wall; }
    void advance(Duration by)
    {
        m_now += by;
        m_wall += std::chrono::duration_cast<WallTime::duration>(by);
    }
    void setWall(WallTime wall) { m_wall = wall; }

private:
    Instant m_now;
    WallTime m_wall;
};

/// A calendar date as printed on an ID card; no time zone involved.
struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/// Today's date in the kiosk's local time zone.
CivilDate localDate(WallTime wall);
/// A wall time in the kiosk's local time zone, laid out by strftime's
/// `format` ("%Y-%m-%d %H:%M:%S"): what slips, receipts and screens show.
std::string formatLocalTime(WallTime wall, const char* format);
/// Whole years from birth to the given day (the usual "age" on forms).
int ageOn(CivilDate birth, CivilDate day);

} // namespace kiosk
