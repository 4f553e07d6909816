// Registration: slots with live quota, hold → book, release, check-in, and the
// scenario hooks that take places away or run holds out.
#include <optional>

#include "hospital/demo/demo_hospital.hpp"
#include "hospital/demo/demo_slots.hpp"
#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital {

using namespace demo;

namespace {

struct HoldRow {
    SlotHold hold;
    std::string state;
    std::int64_t expiresAt = 0;
};

BackendResult<std::optional<HoldRow>> findHold(storage::Database& db, std::string_view column, const std::string& value)
{
    auto query = DEMO_TRY(prepareWith(
        db, "SELECT id, slot_id, patient_id, state, expires_at FROM holds WHERE " + std::string(column) + " = ?1",
        value));
    if (DEMO_TRY(query.step()) == storage::Step::Done) return std::optional<HoldRow>{};
    HoldRow row;
    row.hold = SlotHold{query.text(0), query.text(1), query.text(2), fromSeconds(query.integer(4))};
    row.state = query.text(3);
    row.expiresAt = query.integer(4);
    return std::optional<HoldRow>{std::move(row)};
}

struct SlotRow {
    Slot slot;
    bool offered = false;
};

BackendResult<SlotRow> loadSlot(storage::Database& db, const std::string& slotId, std::int64_t now)
{
    auto query = DEMO_TRY(
        prepareWith(db, "SELECT " + slotColumns() + ", s.offered FROM slots s WHERE s.id = ?2", now, slotId));
    if (DEMO_TRY(query.step()) == storage::Step::Done)
        return backendFail(BackendErrorKind::NotFound, "no slot " + slotId);
    return SlotRow{readSlot(query, 0), query.integer(kSlotColumnCount) != 0};
}

// Bookings that stand plus holds still live, of one patient on one day (and with one doctor, if given).
BackendResult<std::int64_t> registrationsOn(storage::Database& db, const std::string& patientId, CivilDate date,
                                            std::int64_t now, const std::optional<std::string>& doctorId)
{
    auto query = DEMO_TRY(prepareWith(
        db,
        "SELECT (SELECT COUNT(*) FROM appointments a JOIN slots s ON s.id = a.slot_id WHERE a.patient_id = ?1 "
        "AND s.date = ?2 AND a.status <> 'cancelled' AND (?4 IS NULL OR s.doctor_id = ?4)) + "
        "(SELECT COUNT(*) FROM holds h JOIN slots s ON s.id = h.slot_id WHERE h.patient_id = ?1 AND s.date = ?2 "
        "AND h.state = 'held' AND h.expires_at > ?3 AND (?4 IS NULL OR s.doctor_id = ?4))",
        patientId, dateText(date), now, doctorId));
    return DEMO_TRY(firstInteger(query)).value_or(0);
}

bool hasEnded(const Slot& slot, WallTime now)
{
    int days = daysBetween(localDate(now), slot.date);
    return days < 0 || (days == 0 && slot.endMinute <= localMinuteOfDay(now));
}

} // namespace

BackendResult<std::vector<Slot>> DemoHospital::slots(const std::string& departmentId, CivilDate from, int days)
{
    return call([&]() -> BackendResult<std::vector<Slot>> {
        if (days < 1) return backendFail(BackendErrorKind::Invalid, "ask for at least one day of slots");
        auto exists = DEMO_TRY(prepareWith(*m_db, "SELECT 1 FROM departments WHERE id = ?1", departmentId));
        if (DEMO_TRY(exists.step()) == storage::Step::Done)
            return backendFail(BackendErrorKind::NotFound, "no department " + departmentId);
        WallTime now = m_clock.wallNow();
        CivilDate today = localDate(now);
        DEMO_TRY_VOID(ensureSlots(today));

        // The window asked for, cut to the booking window (today and the days after it).
        CivilDate first = daysBetween(today, from) > 0 ? from : today;
        CivilDate end = addDays(from, days);
        if (daysBetween(addDays(today, kBookingDays), end) > 0) end = addDays(today, kBookingDays);
        std::vector<Slot> out;
        if (daysBetween(first, end) <= 0) return out;
        auto query = DEMO_TRY(prepareWith(
            *m_db,
            slotSelect() + " JOIN doctors d ON d.id = s.doctor_id WHERE s.department_id = ?2 AND s.offered = 1 "
                           "AND s.date >= ?3 AND s.date < ?4 AND (s.date > ?5 OR s.end_minute > ?6) "
                           "ORDER BY s.date, s.start_minute, d.sort_order",
            toSeconds(now), departmentId, dateText(first), dateText(end), dateText(today), localMinuteOfDay(now)));
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) { out.push_back(readSlot(row, 0)); }));
        return out;
    });
}

BackendResult<SlotHold> DemoHospital::hold(const std::string& slotId, const std::string& patientId,
                                           const std::string& idempotencyKey)
{
    return call([&]() -> BackendResult<SlotHold> {
        if (idempotencyKey.empty()) return backendFail(BackendErrorKind::Invalid, "a hold needs an idempotency key");
        // The same key again answers with the first hold, live or not: a retry never holds a second place.
        std::optional<HoldRow> earlier = DEMO_TRY(findHold(*m_db, "idempotency_key", idempotencyKey));
        if (earlier) {
            if (earlier->hold.slotId != slotId || earlier->hold.patientId != patientId)
                return backendFail(BackendErrorKind::Invalid, "the idempotency key was used for another hold");
            return earlier->hold;
        }
        WallTime now = m_clock.wallNow();
        std::int64_t nowSeconds = toSeconds(now);
        DEMO_TRY_VOID(ensureSlots(localDate(now)));

        auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
        SlotRow slot = DEMO_TRY(loadSlot(*m_db, slotId, nowSeconds));
        if (!slot.offered) return backendFail(BackendErrorKind::NotFound, "slot " + slotId + " is not offered");
        auto patient = DEMO_TRY(prepareWith(*m_db, "SELECT birth_date FROM patients WHERE id = ?1", patientId));
        if (DEMO_TRY(patient.step()) == storage::Step::Done)
            return backendFail(BackendErrorKind::NotFound, "no such patient");
        std::optional<CivilDate> born = parseDateText(patient.text(0));
        bool elder = born && ageOn(*born, localDate(now)) >= kElderAge;
        if (hasEnded(slot.slot, now)) return backendFail(BackendErrorKind::Conflict, "slot " + slotId + " has ended");
        if (DEMO_TRY(registrationsOn(*m_db, patientId, slot.slot.date, nowSeconds, slot.slot.doctorId)) > 0)
            return backendFail(BackendErrorKind::Conflict, "the patient already has this doctor on that day");
        if (DEMO_TRY(registrationsOn(*m_db, patientId, slot.slot.date, nowSeconds, std::nullopt)) >= m_dailyLimit)
            return backendFail(BackendErrorKind::LimitReached, "the patient has the day's number of registrations");
        if (slot.slot.remaining <= 0) return backendFail(BackendErrorKind::SlotFull, "slot " + slotId + " is full");
        if (!elder && slot.slot.remaining <= slot.slot.elderReserved)
            return backendFail(BackendErrorKind::SlotFull, "slot " + slotId + " has only its place for the elderly left");

        std::string id = numberedId("H", DEMO_TRY(nextCounter(*m_db, "hold", 1)), 8);
        std::int64_t expires = nowSeconds + m_holdSeconds;
        auto insert = DEMO_TRY(prepareWith(*m_db,
                                           "INSERT INTO holds (id, slot_id, patient_id, idempotency_key, state, "
                                           "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                           id, slotId, patientId, idempotencyKey, kHoldHeld, nowSeconds, expires));
        DEMO_TRY_VOID(insert.run());
        DEMO_TRY_VOID(transaction.commit());
        return SlotHold{id, slotId, patientId, fromSeconds(expires)};
    });
}

BackendResult<Appointment> DemoHospital::book(const std::string& holdId, const std::string& paymentReference,
                                              const std::string& idempotencyKey)
{
    return call([&]() -> BackendResult<Appointment> {
        if (idempotencyKey.empty()) return backendFail(BackendErrorKind::Invalid, "a booking needs an idempotency key");
        if (paymentReference.empty()) return backendFail(BackendErrorKind::Invalid, "a booking needs its payment");
        // The same key again answers with the first booking: never two appointments for one payment.
        auto earlier = appointmentWhere("a.idempotency_key = ?2", idempotencyKey);
        if (earlier || earlier.error().kind != BackendErrorKind::NotFound) {
            if (!earlier) return earlier;
            auto sameHold = DEMO_TRY(prepareWith(*m_db, "SELECT hold_id = ?2 FROM appointments WHERE id = ?1",
                                                 earlier->id, holdId));
            if (DEMO_TRY(firstInteger(sameHold)).value_or(0) != 1)
                return backendFail(BackendErrorKind::Invalid, "the idempotency key was used for another booking");
            return earlier;
        }

        std::int64_t now = toSeconds(m_clock.wallNow());
        auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
        auto found = DEMO_TRY(findHold(*m_db, "id", holdId));
        if (!found) return backendFail(BackendErrorKind::NotFound, "no hold " + holdId);
        if (found->state == kHoldBooked)
            return backendFail(BackendErrorKind::Conflict, "hold " + holdId + " was booked with another key");
        if (found->state == kHoldReleased)
            return backendFail(BackendErrorKind::Conflict, "hold " + holdId + " was released");
        if (found->state == kHoldTaken)
            return backendFail(BackendErrorKind::SlotFull,
                               "the place held by " + holdId + " was given to someone else");
        if (found->expiresAt <= now) return backendFail(BackendErrorKind::HoldExpired, "hold " + holdId + " expired");

        // Queue numbers run per doctor and half-day, in the order of booking; cancelled numbers are not reused.
        auto next = DEMO_TRY(prepareWith(*m_db,
                                         "SELECT COALESCE(MAX(a.queue_number), 0) + 1 FROM appointments a "
                                         "JOIN slots s ON s.id = a.slot_id JOIN slots t ON t.id = ?1 "
                                         "WHERE s.doctor_id = t.doctor_id AND s.date = t.date AND s.period = t.period",
                                         found->hold.slotId));
        std::int64_t queueNumber = DEMO_TRY(firstInteger(next)).value_or(1);
        std::string id = numberedId("A", DEMO_TRY(nextCounter(*m_db, "appointment", 1)), 8);
        auto insert = DEMO_TRY(prepareWith(
            *m_db,
            "INSERT INTO appointments (id, patient_id, slot_id, hold_id, idempotency_key, queue_number, status, "
            "source, payment_reference, booked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'booked', 'kiosk', ?7, ?8)",
            id, found->hold.patientId, found->hold.slotId, holdId, idempotencyKey, queueNumber, paymentReference, now));
        DEMO_TRY_VOID(insert.run());
        auto mark = DEMO_TRY(prepareWith(*m_db, "UPDATE holds SET state = ?2 WHERE id = ?1", holdId, kHoldBooked));
        DEMO_TRY_VOID(mark.run());
        DEMO_TRY_VOID(transaction.commit());
        return appointmentWhere("a.id = ?2", id);
    });
}

BackendResult<void> DemoHospital::releaseHold(const std::string& holdId)
{
    return call([&]() -> BackendResult<void> {
        auto found = DEMO_TRY(findHold(*m_db, "id", holdId));
        if (!found) return backendFail(BackendErrorKind::NotFound, "no hold " + holdId);
        if (found->state == kHoldBooked)
            return backendFail(BackendErrorKind::Conflict, "hold " + holdId + " is booked; cancel the appointment");
        // Released, expired or given away: the place is not held any more, which is what the caller wants.
        auto release = DEMO_TRY(prepareWith(*m_db, "UPDATE holds SET state = ?2 WHERE id = ?1 AND state = ?3", holdId,
                                            kHoldReleased, kHoldHeld));
        DEMO_TRY_VOID(release.run());
        return {};
    });
}

BackendResult<Appointment> DemoHospital::appointmentByKey(const std::string& idempotencyKey)
{
    return call([&] { return appointmentWhere("a.idempotency_key = ?2", idempotencyKey); });
}

BackendResult<std::vector<Appointment>> DemoHospital::appointmentsToCheckIn(const std::string& patientId,
                                                                           CivilDate day)
{
    return call([&]() -> BackendResult<std::vector<Appointment>> {
        auto patient = DEMO_TRY(prepareWith(*m_db, "SELECT 1 FROM patients WHERE id = ?1", patientId));
        if (DEMO_TRY(patient.step()) == storage::Step::Done)
            return backendFail(BackendErrorKind::NotFound, "no such patient");
        auto query = DEMO_TRY(prepareWith(*m_db,
                                          appointmentSelect() +
                                              " WHERE a.patient_id = ?2 AND s.date = ?3 AND a.status = 'booked' "
                                              "AND a.source = 'elsewhere' ORDER BY s.start_minute, a.id",
                                          toSeconds(m_clock.wallNow()), patientId, dateText(day)));
        std::vector<Appointment> out;
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) { out.push_back(readAppointment(row)); }));
        return out;
    });
}

BackendResult<Appointment> DemoHospital::checkIn(const std::string& appointmentId)
{
    return call([&]() -> BackendResult<Appointment> {
        WallTime now = m_clock.wallNow();
        auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
        Appointment appointment = DEMO_TRY(appointmentWhere("a.id = ?2", appointmentId));
        if (appointment.status == AppointmentStatus::CheckedIn)
            return backendFail(BackendErrorKind::Conflict, "appointment " + appointmentId + " is already checked in");
        if (appointment.status == AppointmentStatus::Cancelled)
            return backendFail(BackendErrorKind::Conflict, "appointment " + appointmentId + " was cancelled");
        if (appointment.slot.date != localDate(now))
            return backendFail(BackendErrorKind::Conflict, "appointment " + appointmentId + " is not for today");
        auto update = DEMO_TRY(prepareWith(
            *m_db, "UPDATE appointments SET status = 'checked-in', checked_in_at = ?2 WHERE id = ?1", appointmentId,
            toSeconds(now)));
        DEMO_TRY_VOID(update.run());
        DEMO_TRY_VOID(transaction.commit());
        return appointmentWhere("a.id = ?2", appointmentId);
    });
}

BackendResult<Appointment> DemoHospital::appointmentWhere(std::string_view condition, const std::string& value)
{
    auto query = DEMO_TRY(prepareWith(*m_db, appointmentSelect() + " WHERE " + std::string(condition),
                                      toSeconds(m_clock.wallNow()), value));
    if (DEMO_TRY(query.step()) == storage::Step::Done)
        return backendFail(BackendErrorKind::NotFound, "no such appointment");
    return readAppointment(query);
}

BackendResult<void> DemoHospital::takeRemainingPlaces(const std::string& slotId)
{
    std::lock_guard lock(m_mutex);
    WallTime now = m_clock.wallNow();
    DEMO_TRY_VOID(ensureSlots(localDate(now)));
    auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
    DEMO_TRY_VOID(loadSlot(*m_db, slotId, toSeconds(now)));  // NotFound for a slot that does not exist
    auto giveAway = DEMO_TRY(prepareWith(
        *m_db, "UPDATE holds SET state = ?3 WHERE slot_id = ?1 AND state = ?4 AND expires_at > ?2", slotId,
        toSeconds(now), kHoldTaken, kHoldHeld));
    DEMO_TRY_VOID(giveAway.run());
    auto bookOut = DEMO_TRY(prepareWith(
        *m_db,
        "UPDATE slots SET taken_elsewhere = taken_elsewhere + MAX(0, capacity - taken_elsewhere - "
        "(SELECT COUNT(*) FROM appointments a WHERE a.slot_id = slots.id AND a.status <> 'cancelled')) WHERE id = ?1",
        slotId));
    DEMO_TRY_VOID(bookOut.run());
    DEMO_TRY_VOID(transaction.commit());
    return {};
}

BackendResult<void> DemoHospital::expireHoldsNow()
{
    std::lock_guard lock(m_mutex);
    std::int64_t now = toSeconds(m_clock.wallNow());
    auto expire = DEMO_TRY(prepareWith(*m_db, "UPDATE holds SET expires_at = ?1 WHERE state = ?2 AND expires_at > ?1",
                                       now, kHoldHeld));
    DEMO_TRY_VOID(expire.run());
    return {};
}

} // namespace kiosk::hospital
