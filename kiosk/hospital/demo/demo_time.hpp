#pragma once
// Dates and times as the demo hospital keeps them: calendar arithmetic on
// CivilDate, the kiosk's local time for slot hours ("08:00" at this hospital),
// whole seconds since the epoch (UTC) in the database, and the relative times
// the seed files use ("-3 08:12", "now-45m").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace kiosk::hospital::demo {

CivilDate addDays(CivilDate date, int days);
/// Days from `from` to `to` (negative when `to` is earlier).
int daysBetween(CivilDate from, CivilDate to);
/// ISO weekday: 1 = Monday … 7 = Sunday.
int isoWeekday(CivilDate date);

/// "2026-11-23", the form dates take in the database (it sorts as text).
std::string dateText(CivilDate date);
/// "20261123", for ids.
std::string compactDateText(CivilDate date);
/// Parses "YYYY-MM-DD"; empty for anything else or a day that does not exist.
std::optional<CivilDate> parseDateText(std::string_view text);
/// Parses "HH:MM" into minutes after midnight.
std::optional<int> parseClockText(std::string_view text);

/// The moment a local clock shows `minuteOfDay` on `date`.
WallTime localWallTime(CivilDate date, int minuteOfDay);
/// Minutes after local midnight of the moment.
int localMinuteOfDay(WallTime wall);

std::int64_t toSeconds(WallTime wall);
WallTime fromSeconds(std::int64_t seconds);

/// A seed file's time: "D HH:MM" (day offset from `today`, local clock time) or
/// "now±N(m|h|d)" (relative to `now`).
Result<WallTime> parseSeedTime(std::string_view text, CivilDate today, WallTime now);

} // namespace kiosk::hospital::demo
