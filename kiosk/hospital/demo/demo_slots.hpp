#pragma once
// Slots come from the doctors' weekly schedules: each half-day a doctor works
// is cut into one-hour slots (mornings 08:00–12:00, afternoons 14:00–17:00),
// each with the doctor's capacity, fee and room. They are written to the
// database for the booking window as days come into it, so that holds and
// appointments can refer to them and a restart keeps them.
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "hospital/hospital_types.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital::demo {

/// How many days, today included, can be booked.
inline constexpr int kBookingDays = 7;

/// "S-DR012-20261123-0800": the doctor, date and start of the slot, in the slip code's alphabet.
std::string slotId(const std::string& doctorId, CivilDate date, int startMinute);
DayPeriod periodOfMinute(int startMinute);

/// Creates the scheduled slots of every doctor from `first` for `days` days; slots that exist keep their bookings.
Result<void> generateScheduledSlots(storage::Database& db, CivilDate first, int days);

/// The slot an appointment made elsewhere needs; made outside the schedule it is not offered for booking.
Result<std::string> slotForAppointment(storage::Database& db, const std::string& doctorId, CivilDate date,
                                       int startMinute);

} // namespace kiosk::hospital::demo
