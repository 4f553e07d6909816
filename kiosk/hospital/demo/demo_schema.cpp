#include "hospital/demo/demo_schema.hpp"

#include <array>
#include <string_view>

namespace kiosk::hospital::demo {

namespace {

// Times are whole seconds since the epoch (UTC); dates are local calendar dates as 'YYYY-MM-DD'; money is fen.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

CREATE TABLE departments (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, location TEXT NOT NULL, intro TEXT NOT NULL,
    sort_order INTEGER NOT NULL);
CREATE TABLE doctors (
    id TEXT PRIMARY KEY, department_id TEXT NOT NULL REFERENCES departments(id), name TEXT NOT NULL,
    title TEXT NOT NULL, speciality TEXT NOT NULL, expert INTEGER NOT NULL, fee INTEGER NOT NULL,
    capacity INTEGER NOT NULL, room TEXT NOT NULL, sort_order INTEGER NOT NULL);
CREATE INDEX doctors_by_department ON doctors (department_id, sort_order);
-- weekday 1 = Monday ... 7 = Sunday; period 0 = morning, 1 = afternoon.
CREATE TABLE doctor_schedule (
    doctor_id TEXT NOT NULL REFERENCES doctors(id), weekday INTEGER NOT NULL, period INTEGER NOT NULL,
    PRIMARY KEY (doctor_id, weekday, period)) WITHOUT ROWID;

CREATE TABLE patients (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, id_number TEXT NOT NULL UNIQUE, visit_card TEXT NOT NULL,
    sex TEXT NOT NULL, birth_date TEXT NOT NULL, phone TEXT NOT NULL, created_by_kiosk INTEGER NOT NULL,
    created_at INTEGER NOT NULL);
CREATE INDEX patients_by_visit_card ON patients (visit_card) WHERE visit_card <> '';

-- offered = 1: generated from the weekly schedule and bookable; 0: made only to carry an appointment booked
-- elsewhere outside the schedule (an extra clinic), never offered at the kiosk.
CREATE TABLE slots (
    id TEXT PRIMARY KEY, doctor_id TEXT NOT NULL REFERENCES doctors(id), department_id TEXT NOT NULL,
    date TEXT NOT NULL, period INTEGER NOT NULL, start_minute INTEGER NOT NULL, end_minute INTEGER NOT NULL,
    capacity INTEGER NOT NULL, fee INTEGER NOT NULL, room TEXT NOT NULL, offered INTEGER NOT NULL,
    taken_elsewhere INTEGER NOT NULL DEFAULT 0);
CREATE INDEX slots_by_department ON slots (department_id, date, start_minute);
CREATE INDEX slots_by_doctor ON slots (doctor_id, date, period);
CREATE TABLE holds (
    id TEXT PRIMARY KEY, slot_id TEXT NOT NULL REFERENCES slots(id),
    patient_id TEXT NOT NULL REFERENCES patients(id), idempotency_key TEXT NOT NULL UNIQUE, state TEXT NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX holds_by_slot ON holds (slot_id, state, expires_at);
CREATE INDEX holds_by_patient ON holds (patient_id, state, expires_at);
-- source 'kiosk' (booked here, paid by payment_reference) or 'elsewhere' (window, phone, app).
CREATE TABLE appointments (
    id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id),
    slot_id TEXT NOT NULL REFERENCES slots(id), hold_id TEXT UNIQUE REFERENCES holds(id),
    idempotency_key TEXT UNIQUE, queue_number INTEGER NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
    payment_reference TEXT NOT NULL, booked_at INTEGER NOT NULL, checked_in_at INTEGER);
CREATE INDEX appointments_by_slot ON appointments (slot_id, status);
CREATE INDEX appointments_by_patient ON appointments (patient_id);

CREATE TABLE price_items (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, pinyin TEXT NOT NULL, category TEXT NOT NULL, unit TEXT NOT NULL,
    specification TEXT NOT NULL, price INTEGER NOT NULL, sort_order INTEGER NOT NULL);
CREATE TABLE invoices (
    id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id), total INTEGER NOT NULL,
    payment_reference TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE, issued_at INTEGER NOT NULL);
CREATE TABLE orders (
    id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id), kind TEXT NOT NULL,
    department_id TEXT NOT NULL REFERENCES departments(id), doctor_id TEXT NOT NULL REFERENCES doctors(id),
    ordered_at INTEGER NOT NULL, invoice_id TEXT REFERENCES invoices(id));
CREATE INDEX orders_by_patient ON orders (patient_id, invoice_id);
CREATE INDEX orders_by_invoice ON orders (invoice_id) WHERE invoice_id IS NOT NULL;
-- Name, unit and unit price are copied from the price list when the order is made, as a HIS does.
CREATE TABLE order_items (
    order_id TEXT NOT NULL REFERENCES orders(id), line INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    unit TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL,
    PRIMARY KEY (order_id, line)) WITHOUT ROWID;

CREATE TABLE reports (
    id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patients(id), kind TEXT NOT NULL, title TEXT NOT NULL,
    department_id TEXT NOT NULL REFERENCES departments(id), doctor_id TEXT NOT NULL REFERENCES doctors(id),
    specimen TEXT NOT NULL, collected_at INTEGER NOT NULL, ready_at INTEGER NOT NULL, status TEXT NOT NULL,
    times_printed INTEGER NOT NULL, findings TEXT NOT NULL, conclusion TEXT NOT NULL,
    reporting_doctor TEXT NOT NULL, reviewing_doctor TEXT NOT NULL, barcode TEXT NOT NULL UNIQUE);
CREATE INDEX reports_by_patient ON reports (patient_id, collected_at);
CREATE TABLE lab_results (
    report_id TEXT NOT NULL REFERENCES reports(id), line INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    value TEXT NOT NULL, unit TEXT NOT NULL, reference_range TEXT NOT NULL, flag TEXT NOT NULL,
    PRIMARY KEY (report_id, line)) WITHOUT ROWID;
)sql";

// The symptom guide (导诊): common complaints and the department that sees them, in the order shown.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE symptom_guide (
    sort_order INTEGER PRIMARY KEY, symptom TEXT NOT NULL,
    department_id TEXT NOT NULL REFERENCES departments(id), hint TEXT NOT NULL);
)sql";

// One entry per version: the step from the version before it. Append, never edit a released step.
constexpr std::array<std::string_view, 2> kSteps = {kVersion1, kVersion2};

} // namespace

int latestSchemaVersion() { return static_cast<int>(kSteps.size()); }

Result<void> migrateDemoSchema(storage::Database& db, const FillStep& fill)
{
    int version = KIOSK_TRY(db.userVersion());
    if (version > latestSchemaVersion())
        return fail("the demo hospital database " + db.path() + " has schema version " + std::to_string(version) +
                    ", newer than this kiosk's " + std::to_string(latestSchemaVersion()));
    for (; version < latestSchemaVersion(); ++version) {
        auto transaction = KIOSK_TRY(storage::Transaction::begin(db));
        if (auto applied = db.exec(kSteps[static_cast<std::size_t>(version)]); !applied)
            return fail("demo hospital schema step " + std::to_string(version + 1) + ": " + applied.error().message);
        if (fill) KIOSK_TRY_VOID(fill(version + 1));
        KIOSK_TRY_VOID(db.setUserVersion(version + 1));
        KIOSK_TRY_VOID(transaction.commit());
    }
    return {};
}

} // namespace kiosk::hospital::demo
