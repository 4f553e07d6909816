// The second half of seeding: what happened to the patients before the kiosk
// opened — unpaid orders, reports, appointments made at the window or online.
#include "hospital/demo/demo_seed.hpp"

#include "hospital/demo/demo_slots.hpp"
#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"
#include "hospital/demo/demo_tsv.hpp"

namespace kiosk::hospital::demo {

namespace {

struct SeedContext {
    storage::Database& db;
    const std::string& seedDir;
    CivilDate today;
    WallTime now;

    Result<TsvTable> load(std::string_view file, const std::vector<std::string_view>& columns) const
    {
        return TsvTable::load(seedDir + "/" + std::string(file), columns);
    }
};

Result<void> runRow(storage::Statement& statement, const TsvTable& table, std::size_t row)
{
    if (auto done = statement.run(); !done) return fail(table.where(row) + ": " + done.error().message);
    return {};
}

Result<std::int64_t> seedTime(const SeedContext& seed, const TsvTable& table, std::size_t row, std::string_view column)
{
    auto time = parseSeedTime(table.cell(row, column), seed.today, seed.now);
    if (!time) return fail(table.where(row) + ": " + time.error().message);
    return toSeconds(*time);
}

Result<void> seedOrders(const SeedContext& seed)
{
    auto orders = KIOSK_TRY(seed.load("orders.tsv", {"id", "patient_id", "kind", "department_id", "doctor_id",
                                                     "ordered"}));
    auto insert = KIOSK_TRY(seed.db.prepare("INSERT INTO orders (id, patient_id, kind, department_id, doctor_id, "
                                            "ordered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (std::size_t row = 0; row < orders.rows(); ++row) {
        if (!orderKindFromCode(orders.cell(row, "kind")))
            return fail(orders.where(row) + ": kind is not prescription, lab, exam or treatment");
        std::int64_t ordered = KIOSK_TRY(seedTime(seed, orders, row, "ordered"));
        insert.reset();
        insert.bind(1, orders.cell(row, "id"))
            .bind(2, orders.cell(row, "patient_id"))
            .bind(3, orders.cell(row, "kind"))
            .bind(4, orders.cell(row, "department_id"))
            .bind(5, orders.cell(row, "doctor_id"))
            .bind(6, ordered);
        KIOSK_TRY_VOID(runRow(insert, orders, row));
    }

    auto items = KIOSK_TRY(seed.load("order_items.tsv", {"order_id", "line", "code", "quantity"}));
    // The item takes its name, unit and price from the price list, as the doctor's workstation does.
    auto insertItem = KIOSK_TRY(seed.db.prepare(
        "INSERT INTO order_items (order_id, line, code, name, unit, quantity, unit_price) "
        "SELECT ?1, ?2, p.code, p.name, p.unit, ?3, p.price FROM price_items p WHERE p.code = ?4"));
    for (std::size_t row = 0; row < items.rows(); ++row) {
        std::int64_t line = KIOSK_TRY(items.integer(row, "line"));
        std::int64_t quantity = KIOSK_TRY(items.integer(row, "quantity"));
        if (quantity < 1) return fail(items.where(row) + ": quantity below 1");
        insertItem.reset();
        insertItem.bind(1, items.cell(row, "order_id"))
            .bind(2, line)
            .bind(3, quantity)
            .bind(4, items.cell(row, "code"));
        KIOSK_TRY_VOID(runRow(insertItem, items, row));
        if (seed.db.changes() != 1) return fail(items.where(row) + ": the code is not in prices.tsv");
    }
    return {};
}

Result<void> seedReports(const SeedContext& seed)
{
    auto reports = KIOSK_TRY(seed.load("reports.tsv",
                                       {"id", "patient_id", "kind", "title", "department_id", "doctor_id", "specimen",
                                        "collected", "ready", "status", "times_printed", "findings", "conclusion",
                                        "reporting_doctor", "reviewing_doctor", "barcode"}));
    auto insert = KIOSK_TRY(seed.db.prepare(
        "INSERT INTO reports (id, patient_id, kind, title, department_id, doctor_id, specimen, collected_at, ready_at, "
        "status, times_printed, findings, conclusion, reporting_doctor, reviewing_doctor, barcode) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"));
    for (std::size_t row = 0; row < reports.rows(); ++row) {
        if (!reportKindFromCode(reports.cell(row, "kind")))
            return fail(reports.where(row) + ": kind is not lab or imaging");
        if (!reportStatusFromCode(reports.cell(row, "status")))
            return fail(reports.where(row) + ": status is not pending, ready or printed");
        std::int64_t collected = KIOSK_TRY(seedTime(seed, reports, row, "collected"));
        std::int64_t ready = KIOSK_TRY(seedTime(seed, reports, row, "ready"));
        std::int64_t printed = KIOSK_TRY(reports.integer(row, "times_printed"));
        insert.reset();
        insert.bind(1, reports.cell(row, "id"))
            .bind(2, reports.cell(row, "patient_id"))
            .bind(3, reports.cell(row, "kind"))
            .bind(4, reports.cell(row, "title"))
            .bind(5, reports.cell(row, "department_id"))
            .bind(6, reports.cell(row, "doctor_id"))
            .bind(7, reports.cell(row, "specimen"))
            .bind(8, collected)
            .bind(9, ready)
            .bind(10, reports.cell(row, "status"))
            .bind(11, printed)
            .bind(12, reports.cell(row, "findings"))
            .bind(13, reports.cell(row, "conclusion"))
            .bind(14, reports.cell(row, "reporting_doctor"))
            .bind(15, reports.cell(row, "reviewing_doctor"))
            .bind(16, reports.cell(row, "barcode"));
        KIOSK_TRY_VOID(runRow(insert, reports, row));
    }

    auto results = KIOSK_TRY(seed.load("lab_results.tsv", {"report_id", "line", "code", "name", "value", "unit",
                                                            "reference_range", "flag"}));
    auto insertResult = KIOSK_TRY(seed.db.prepare(
        "INSERT INTO lab_results (report_id, line, code, name, value, unit, reference_range, flag) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    for (std::size_t row = 0; row < results.rows(); ++row) {
        if (!resultFlagFromCode(results.cell(row, "flag"))) return fail(results.where(row) + ": flag is not N, H or L");
        std::int64_t line = KIOSK_TRY(results.integer(row, "line"));
        insertResult.reset();
        insertResult.bind(1, results.cell(row, "report_id"))
            .bind(2, line)
            .bind(3, results.cell(row, "code"))
            .bind(4, results.cell(row, "name"))
            .bind(5, results.cell(row, "value"))
            .bind(6, results.cell(row, "unit"))
            .bind(7, results.cell(row, "reference_range"))
            .bind(8, results.cell(row, "flag"));
        KIOSK_TRY_VOID(runRow(insertResult, results, row));
    }
    return {};
}

Result<void> seedAppointments(const SeedContext& seed)
{
    auto table = KIOSK_TRY(seed.load("appointments.tsv", {"id", "patient_id", "doctor_id", "day_offset", "start",
                                                          "queue_number", "status", "booked"}));
    auto insert = KIOSK_TRY(seed.db.prepare(
        "INSERT INTO appointments (id, patient_id, slot_id, queue_number, status, source, payment_reference, "
        "booked_at, checked_in_at) VALUES (?1, ?2, ?3, ?4, ?5, 'elsewhere', '', ?6, ?7)"));
    for (std::size_t row = 0; row < table.rows(); ++row) {
        auto status = appointmentStatusFromCode(table.cell(row, "status"));
        if (!status) return fail(table.where(row) + ": status is not booked, checked-in or cancelled");
        std::int64_t offset = KIOSK_TRY(table.integer(row, "day_offset"));
        std::int64_t queue = KIOSK_TRY(table.integer(row, "queue_number"));
        auto start = parseClockText(table.cell(row, "start"));
        if (!start) return fail(table.where(row) + ": start is not HH:MM");
        std::int64_t booked = KIOSK_TRY(seedTime(seed, table, row, "booked"));
        CivilDate date = addDays(seed.today, static_cast<int>(offset));
        auto slot = slotForAppointment(seed.db, table.cell(row, "doctor_id"), date, *start);
        if (!slot) return fail(table.where(row) + ": " + slot.error().message);
        std::optional<std::int64_t> checkedIn;
        if (*status == AppointmentStatus::CheckedIn) checkedIn = toSeconds(localWallTime(date, *start)) - 15 * 60;
        insert.reset();
        insert.bind(1, table.cell(row, "id"))
            .bind(2, table.cell(row, "patient_id"))
            .bind(3, *slot)
            .bind(4, queue)
            .bind(5, table.cell(row, "status"))
            .bind(6, booked)
            .bind(7, checkedIn);
        KIOSK_TRY_VOID(runRow(insert, table, row));
    }
    return {};
}

} // namespace

Result<void> seedRecords(storage::Database& db, const std::string& seedDir, WallTime now)
{
    SeedContext seed{db, seedDir, localDate(now), now};
    KIOSK_TRY_VOID(seedOrders(seed));
    KIOSK_TRY_VOID(seedReports(seed));
    return seedAppointments(seed);
}

} // namespace kiosk::hospital::demo
