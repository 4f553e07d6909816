#include "hospital/demo/demo_time.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace kiosk::hospital::demo {

namespace {

std::chrono::sys_days toSysDays(CivilDate date)
{
    return std::chrono::sys_days{std::chrono::year{date.year} / static_cast<unsigned>(date.month) /
                                 static_cast<unsigned>(date.day)};
}

CivilDate fromSysDays(std::chrono::sys_days days)
{
    std::chrono::year_month_day ymd{days};
    return CivilDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<int> parseInt(std::string_view text)
{
    int value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
    return value;
}

} // namespace

CivilDate addDays(CivilDate date, int days) { return fromSysDays(toSysDays(date) + std::chrono::days{days}); }

int daysBetween(CivilDate from, CivilDate to) { return static_cast<int>((toSysDays(to) - toSysDays(from)).count()); }

int isoWeekday(CivilDate date) { return static_cast<int>(std::chrono::weekday{toSysDays(date)}.iso_encoding()); }

std::string dateText(CivilDate date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string compactDateText(CivilDate date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<CivilDate> parseDateText(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto year = parseInt(text.substr(0, 4));
    auto month = parseInt(text.substr(5, 2));
    auto day = parseInt(text.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                    std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) return std::nullopt;
    return CivilDate{*year, *month, *day};
}

std::optional<int> parseClockText(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    auto hour = parseInt(text.substr(0, 2));
    auto minute = parseInt(text.substr(3, 2));
    if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
    return *hour * 60 + *minute;
}

WallTime localWallTime(CivilDate date, int minuteOfDay)
{
    std::tm local{};
    local.tm_year = date.year - 1900;
    local.tm_mon = date.month - 1;
    local.tm_mday = date.day;
    local.tm_hour = minuteOfDay / 60;
    local.tm_min = minuteOfDay % 60;
    local.tm_isdst = -1;  // let the zone's rules decide, as the wall clock in the hall does
    return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

int localMinuteOfDay(WallTime wall)
{
    std::time_t t = std::chrono::system_clock::to_time_t(wall);
    std::tm local{};
    localtime_r(&t, &local);
    return local.tm_hour * 60 + local.tm_min;
}

std::int64_t toSeconds(WallTime wall)
{
    return std::chrono::floor<std::chrono::seconds>(wall.time_since_epoch()).count();
}

WallTime fromSeconds(std::int64_t seconds) { return WallTime{std::chrono::seconds{seconds}}; }

Result<WallTime> parseSeedTime(std::string_view text, CivilDate today, WallTime now)
{
    auto bad = [&] {
        return fail("time '" + std::string(text) +
                    "' is neither 'D HH:MM' (day offset, clock) nor 'now±N' + m, h or d");
    };
    if (text.starts_with("now")) {
        std::string_view rest = text.substr(3);
        if (rest.size() < 3 || (rest[0] != '+' && rest[0] != '-')) return bad();
        auto amount = parseInt(rest.substr(1, rest.size() - 2));
        if (!amount) return bad();
        std::chrono::seconds unit{0};
        switch (rest.back()) {
        case 'm': unit = std::chrono::minutes(1); break;
        case 'h': unit = std::chrono::hours(1); break;
        case 'd': unit = std::chrono::hours(24); break;
        default: return bad();
        }
        return rest[0] == '+' ? now + *amount * unit : now - *amount * unit;
    }
    std::size_t space = text.find(' ');
    if (space == std::string_view::npos) return bad();
    auto offset = parseInt(text.substr(0, space));
    auto minute = parseClockText(text.substr(space + 1));
    if (!offset || !minute) return bad();
    return localWallTime(addDays(today, *offset), *minute);
}

} // namespace kiosk::hospital::demo
