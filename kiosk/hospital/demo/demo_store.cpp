#include "hospital/demo/demo_store.hpp"

#include <cstdio>

#include "hospital/demo/demo_time.hpp"

namespace kiosk::hospital::demo {

Result<std::optional<std::int64_t>> firstInteger(storage::Statement& statement)
{
    if (KIOSK_TRY(statement.step()) == storage::Step::Done) return std::optional<std::int64_t>{};
    if (statement.isNull(0)) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{statement.integer(0)};
}

Result<std::int64_t> nextCounter(storage::Database& db, std::string_view name, std::int64_t first)
{
    auto statement = KIOSK_TRY(prepareWith(db,
                                           "INSERT INTO counters (name, value) VALUES (?1, ?2) "
                                           "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
                                           name, first));
    auto value = KIOSK_TRY(firstInteger(statement));
    if (!value) return fail("the counter " + std::string(name) + " returned nothing");
    return *value;
}

std::string numberedId(std::string_view prefix, std::int64_t number, int digits)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%0*lld", digits, static_cast<long long>(number));
    return std::string(prefix) + buffer;
}

std::string upperAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string escapeLike(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\' || c == '%' || c == '_') out += '\\';
        out += c;
    }
    return out;
}

std::string_view sexCode(Sex sex)
{
    switch (sex) {
    case Sex::Male: return "M";
    case Sex::Female: return "F";
    case Sex::Unspecified: return "X";
    case Sex::Unknown: break;
    }
    return "U";
}

Sex sexFromCode(std::string_view code)
{
    if (code == "M") return Sex::Male;
    if (code == "F") return Sex::Female;
    if (code == "X") return Sex::Unspecified;
    return Sex::Unknown;
}

std::string_view appointmentStatusCode(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Booked: return "booked";
    case AppointmentStatus::CheckedIn: return "checked-in";
    case AppointmentStatus::Cancelled: return "cancelled";
    }
    return "booked";
}

std::optional<AppointmentStatus> appointmentStatusFromCode(std::string_view code)
{
    for (auto status : {AppointmentStatus::Booked, AppointmentStatus::CheckedIn, AppointmentStatus::Cancelled})
        if (appointmentStatusCode(status) == code) return status;
    return std::nullopt;
}

std::string_view orderKindCode(OrderKind kind)
{
    switch (kind) {
    case OrderKind::Prescription: return "prescription";
    case OrderKind::LabTest: return "lab";
    case OrderKind::Exam: return "exam";
    case OrderKind::Treatment: return "treatment";
    }
    return "prescription";
}

std::optional<OrderKind> orderKindFromCode(std::string_view code)
{
    for (auto kind : {OrderKind::Prescription, OrderKind::LabTest, OrderKind::Exam, OrderKind::Treatment})
        if (orderKindCode(kind) == code) return kind;
    return std::nullopt;
}

std::string_view reportKindCode(ReportKind kind) { return kind == ReportKind::Lab ? "lab" : "imaging"; }

std::optional<ReportKind> reportKindFromCode(std::string_view code)
{
    if (code == "lab") return ReportKind::Lab;
    if (code == "imaging") return ReportKind::Imaging;
    return std::nullopt;
}

std::string_view reportStatusCode(ReportStatus status)
{
    switch (status) {
    case ReportStatus::Pending: return "pending";
    case ReportStatus::Ready: return "ready";
    case ReportStatus::Printed: return "printed";
    }
    return "pending";
}

std::optional<ReportStatus> reportStatusFromCode(std::string_view code)
{
    for (auto status : {ReportStatus::Pending, ReportStatus::Ready, ReportStatus::Printed})
        if (reportStatusCode(status) == code) return status;
    return std::nullopt;
}

std::optional<ResultFlag> resultFlagFromCode(std::string_view code)
{
    if (code == "N") return ResultFlag::Normal;
    if (code == "H") return ResultFlag::High;
    if (code == "L") return ResultFlag::Low;
    return std::nullopt;
}

std::string slotColumns()
{
    // Remaining = capacity - places taken by others - appointments that stand - holds not yet expired.
    return "s.id, s.doctor_id, s.department_id, s.date, s.period, s.start_minute, s.end_minute, s.capacity, "
           "MAX(0, s.capacity - s.taken_elsewhere"
           " - (SELECT COUNT(*) FROM appointments a WHERE a.slot_id = s.id AND a.status <> 'cancelled')"
           " - (SELECT COUNT(*) FROM holds h WHERE h.slot_id = s.id AND h.state = 'held' AND h.expires_at > ?1)), "
           "s.fee, s.room";
}

std::string slotSelect() { return "SELECT " + slotColumns() + " FROM slots s"; }

Slot readSlot(const storage::Statement& row, int first)
{
    Slot slot;
    slot.id = row.text(first);
    slot.doctorId = row.text(first + 1);
    slot.departmentId = row.text(first + 2);
    slot.date = parseDateText(row.text(first + 3)).value_or(CivilDate{});
    slot.period = row.integer(first + 4) == 0 ? DayPeriod::Morning : DayPeriod::Afternoon;
    slot.startMinute = static_cast<int>(row.integer(first + 5));
    slot.endMinute = static_cast<int>(row.integer(first + 6));
    slot.capacity = static_cast<int>(row.integer(first + 7));
    slot.remaining = static_cast<int>(row.integer(first + 8));
    // One place in each slot of four or more is kept for patients of 65 and
    // over, as hospitals keep on-site places for the elderly (2020 State
    // Council rules); it is theirs for as long as it is free.
    slot.elderReserved = std::min(slot.remaining, slot.capacity >= kElderPriorityMinCapacity ? 1 : 0);
    slot.fee = row.integer(first + 9);
    slot.room = row.text(first + 10);
    return slot;
}

std::string appointmentSelect()
{
    return "SELECT a.id, a.patient_id, a.queue_number, a.status, a.payment_reference, a.booked_at, " + slotColumns() +
           " FROM appointments a JOIN slots s ON s.id = a.slot_id";
}

Appointment readAppointment(const storage::Statement& row)
{
    Appointment appointment;
    appointment.id = row.text(0);
    appointment.patientId = row.text(1);
    appointment.queueNumber = static_cast<int>(row.integer(2));
    appointment.status = appointmentStatusFromCode(row.text(3)).value_or(AppointmentStatus::Booked);
    appointment.paymentReference = row.text(4);
    appointment.bookedAt = fromSeconds(row.integer(5));
    appointment.slot = readSlot(row, 6);
    return appointment;
}

} // namespace kiosk::hospital::demo
