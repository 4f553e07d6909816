#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "core/clock.hpp"

using namespace kiosk;
using namespace std::chrono;

namespace {

// Sets TZ for one test and puts the previous value back.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* tz)
    {
        if (const char* old = std::getenv("TZ")) m_old = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~ScopedTimeZone()
    {
        if (m_old) setenv("TZ", m_old->c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }

private:
    std::optional<std::string> m_old;
};

} // namespace

TEST_SUITE("clock")
{
    TEST_CASE("ageOn: the birthday not yet reached this year")
    {
        CHECK(ageOn({1985, 3, 12}, {2026, 3, 11}) == 40);
        CHECK(ageOn({1985, 3, 12}, {2026, 2, 28}) == 40);
        CHECK(ageOn({1950, 8, 17}, {2015, 8, 16}) == 64);
    }

    TEST_CASE("ageOn: the birthday reached or passed")
    {
        CHECK(ageOn({1985, 3, 12}, {2026, 3, 12}) == 41);
        CHECK(ageOn({1985, 3, 12}, {2026, 11, 23}) == 41);
        CHECK(ageOn({1950, 8, 17}, {2015, 8, 17}) == 65);
        CHECK(ageOn({2026, 11, 23}, {2026, 11, 23}) == 0);
    }

    TEST_CASE("ageOn: born on 29 February")
    {
        // In a common year the birthday counts from 1 March.
        CHECK(ageOn({1960, 2, 29}, {2025, 2, 28}) == 64);
        CHECK(ageOn({1960, 2, 29}, {2025, 3, 1}) == 65);
        // In a leap year it is the day itself.
        CHECK(ageOn({1960, 2, 29}, {2028, 2, 28}) == 67);
        CHECK(ageOn({1960, 2, 29}, {2028, 2, 29}) == 68);
    }

    TEST_CASE("ageOn never returns a negative age")
    {
        CHECK(ageOn({2030, 1, 1}, {2026, 11, 23}) == 0);
    }

    TEST_CASE("localDate follows the local time zone")
    {
        const WallTime evening = sys_days{year{2026} / 11 / 23} + hours(20);
        {
            ScopedTimeZone utc("UTC0");
            CHECK(localDate(evening) == CivilDate{2026, 11, 23});
            CHECK(localDate(sys_days{year{2024} / 2 / 29} + hours(12)) == CivilDate{2024, 2, 29});
            CHECK(localDate(sys_days{year{2026} / 12 / 31} + hours(23) + minutes(59)) == CivilDate{2026, 12, 31});
        }
        {
            ScopedTimeZone beijing("CST-8");
            CHECK(localDate(evening) == CivilDate{2026, 11, 24});
            CHECK(localDate(sys_days{year{2026} / 12 / 31} + hours(16)) == CivilDate{2027, 1, 1});
        }
    }

    TEST_CASE("ManualClock moves both clocks only when told")
    {
        ManualClock clock;
        Instant t0 = clock.now();
        WallTime w0 = clock.wallNow();
        CHECK(clock.now() == t0);
        clock.advance(seconds(61));
        CHECK(clock.now() - t0 == seconds(61));
        CHECK(clock.wallNow() - w0 == seconds(61));
        clock.setWall(sys_days{year{2000} / 1 / 1});
        CHECK(clock.now() - t0 == seconds(61));
        ScopedTimeZone utc("UTC0");
        CHECK(localDate(clock.wallNow()) == CivilDate{2000, 1, 1});
    }

    TEST_CASE("AdvanceableClock adds forward offsets only")
    {
        ManualClock base;
        AdvanceableClock clock(base);
        Instant t0 = clock.now();
        CHECK(t0 == base.now());
        clock.advance(seconds(45));
        CHECK(clock.now() - base.now() == seconds(45));
        CHECK(clock.wallNow() - base.wallNow() == seconds(45));
        clock.advance(seconds(-30));
        CHECK(clock.now() - base.now() == seconds(45));
        base.advance(seconds(5));
        CHECK(clock.now() - t0 == seconds(50));
    }
}
