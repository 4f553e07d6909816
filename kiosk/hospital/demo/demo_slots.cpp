#include "hospital/demo/demo_slots.hpp"

#include <array>
#include <cstdio>
#include <span>
#include <vector>

#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"

namespace kiosk::hospital::demo {

namespace {

constexpr std::array kMorningHours = {8, 9, 10, 11};
constexpr std::array kAfternoonHours = {14, 15, 16};
constexpr int kSlotMinutes = 60;

// Copies the doctor's capacity, fee and room into the slot: a later change to the doctor does not change
// places already offered, as in a HIS where 号源 are released ahead.
constexpr std::string_view kUpsertSlot =
    "INSERT INTO slots (id, doctor_id, department_id, date, period, start_minute, end_minute, capacity, fee, room, "
    "offered) SELECT ?1, d.id, d.department_id, ?2, ?3, ?4, ?5, d.capacity, d.fee, d.room, ?6 FROM doctors d "
    "WHERE d.id = ?7 ON CONFLICT (id) DO UPDATE SET offered = MAX(offered, excluded.offered)";

} // namespace

std::string slotId(const std::string& doctorId, CivilDate date, int startMinute)
{
    char clock[16];
    std::snprintf(clock, sizeof clock, "%02d%02d", startMinute / 60, startMinute % 60);
    return "S-" + doctorId + "-" + compactDateText(date) + "-" + clock;
}

DayPeriod periodOfMinute(int startMinute) { return startMinute < 12 * 60 ? DayPeriod::Morning : DayPeriod::Afternoon; }

Result<void> generateScheduledSlots(storage::Database& db, CivilDate first, int days)
{
    auto upsert = KIOSK_TRY(db.prepare(kUpsertSlot));
    for (int offset = 0; offset < days; ++offset) {
        CivilDate date = addDays(first, offset);
        auto schedule = KIOSK_TRY(prepareWith(
            db, "SELECT doctor_id, period FROM doctor_schedule WHERE weekday = ?1 ORDER BY doctor_id, period",
            isoWeekday(date)));
        std::vector<std::pair<std::string, int>> halfDays;
        KIOSK_TRY_VOID(forEachRow(schedule, [&](const storage::Statement& row) {
            halfDays.emplace_back(row.text(0), static_cast<int>(row.integer(1)));
        }));
        for (const auto& [doctorId, period] : halfDays) {
            auto hours = period == 0 ? std::span<const int>(kMorningHours) : std::span<const int>(kAfternoonHours);
            for (int hour : hours) {
                int start = hour * 60;
                upsert.reset();
                upsert.bind(1, slotId(doctorId, date, start))
                    .bind(2, dateText(date))
                    .bind(3, period)
                    .bind(4, start)
                    .bind(5, start + kSlotMinutes)
                    .bind(6, 1)
                    .bind(7, doctorId);
                KIOSK_TRY_VOID(upsert.run());
            }
        }
    }
    return {};
}

Result<std::string> slotForAppointment(storage::Database& db, const std::string& doctorId, CivilDate date,
                                       int startMinute)
{
    std::string id = slotId(doctorId, date, startMinute);
    auto upsert = KIOSK_TRY(prepareWith(db, kUpsertSlot, id, dateText(date),
                                        periodOfMinute(startMinute) == DayPeriod::Morning ? 0 : 1, startMinute,
                                        startMinute + kSlotMinutes, 0, doctorId));
    KIOSK_TRY_VOID(upsert.run());
    if (db.changes() == 0) return fail("no doctor " + doctorId + " for an appointment's slot");
    return id;
}

} // namespace kiosk::hospital::demo
