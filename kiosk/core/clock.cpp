#include "core/clock.hpp"

#include <ctime>

namespace kiosk {

Instant AdvanceableClock::now() const
{
    std::lock_guard lock(m_mutex);
    return m_base.now() + m_offset;
}

WallTime AdvanceableClock::wallNow() const
{
    std::lock_guard lock(m_mutex);
    return m_base.wallNow() + std::chrono::duration_cast<WallTime::duration>(m_offset);
}

void AdvanceableClock::advance(Duration by)
{
    std::lock_guard lock(m_mutex);
    if (by > Duration::zero()) m_offset += by;
}

ManualClock::ManualClock()
    : m_now(Instant{} + std::chrono::hours(1000)),
      m_wall(std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours(2))
{
}

CivilDate localDate(WallTime wall)
{
    std::time_t t = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    localtime_r(&t, &local);
    return CivilDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int ageOn(CivilDate birth, CivilDate day)
{
    int age = day.year - birth.year;
    if (day.month < birth.month || (day.month == birth.month && day.day < birth.day)) --age;
    return age < 0 ? 0 : age;
}

} // namespace kiosk

namespace kiosk {

std::string formatLocalTime(WallTime wall, const char* format)
{
    std::time_t t = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    localtime_r(&t, &local);
    char out[64];
    std::size_t n = std::strftime(out, sizeof out, format, &local);
    return std::string(out, n);
}

} // namespace kiosk
