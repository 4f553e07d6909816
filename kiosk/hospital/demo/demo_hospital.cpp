// Opening, the simulation controls, patients, departments, the symptom guide
// and doctors. The other calls live in demo_registration.cpp,
// demo_billing.cpp and demo_reports.cpp.
#include "hospital/demo/demo_hospital.hpp"

#include <thread>

#include "hospital/demo/demo_schema.hpp"
#include "hospital/demo/demo_seed.hpp"
#include "hospital/demo/demo_slots.hpp"
#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"

namespace kiosk::hospital {

using namespace demo;

namespace {

constexpr std::string_view kPatientColumns =
    "SELECT id, name, id_number, visit_card, sex, birth_date, phone, created_by_kiosk FROM patients";

PatientRecord readPatient(const storage::Statement& row)
{
    PatientRecord patient;
    patient.id = row.text(0);
    patient.name = row.text(1);
    patient.idNumber = row.text(2);
    patient.visitCard = row.text(3);
    patient.sex = sexFromCode(row.text(4));
    patient.birthDate = parseDateText(row.text(5)).value_or(CivilDate{});
    patient.phone = row.text(6);
    patient.createdByKiosk = row.integer(7) != 0;
    return patient;
}

BackendResult<PatientRecord> onePatient(storage::Database& db, std::string_view where, const std::string& value)
{
    auto query = DEMO_TRY(prepareWith(db, std::string(kPatientColumns) + " WHERE " + std::string(where), value));
    if (DEMO_TRY(query.step()) == storage::Step::Done)
        return backendFail(BackendErrorKind::NotFound, "no such patient");
    return readPatient(query);
}

// Kiosk-made records get numbers of their own range, so staff can tell them from window registrations.
constexpr std::int64_t kFirstKioskPatientNumber = 20000001;

} // namespace

Result<std::unique_ptr<DemoHospital>> DemoHospital::open(const std::string& dbPath, const std::string& seedDir,
                                                         const Clock& clock, DemoHospitalOptions options)
{
    auto db = KIOSK_TRY(storage::Database::open(dbPath, storage::Durability::Normal));
    auto migrated = migrateDemoSchema(*db, [&](int version) { return fillAddedTables(*db, seedDir, version); });
    if (!migrated) return fail("cannot migrate the demo hospital database: " + migrated.error().message);
    if (!KIOSK_TRY(isSeeded(*db))) {
        if (auto seeded = seedDemoHospital(*db, seedDir, clock.wallNow()); !seeded)
            return fail("cannot seed the demo hospital from " + seedDir + ": " + seeded.error().message);
    }
    return std::unique_ptr<DemoHospital>(new DemoHospital(std::move(db), clock, options));
}

DemoHospital::DemoHospital(std::unique_ptr<storage::Database> db, const Clock& clock,
                           const DemoHospitalOptions& options)
    : m_db(std::move(db)),
      m_clock(clock),
      m_unreachable(options.unreachable),
      m_latencyMs(options.latency.count()),
      m_holdSeconds(options.holdDuration.count()),
      m_dailyLimit(options.dailyLimit)
{
}

DemoHospital::~DemoHospital() = default;

void DemoHospital::setUnreachable(bool unreachable) { m_unreachable = unreachable; }

void DemoHospital::setLatency(std::chrono::milliseconds latency) { m_latencyMs = latency.count(); }

void DemoHospital::setHoldDuration(std::chrono::seconds duration) { m_holdSeconds = duration.count(); }

void DemoHospital::setDailyLimit(int limit) { m_dailyLimit = limit; }

int DemoHospital::dailyRegistrationLimit() const { return m_dailyLimit; }

BackendResult<void> DemoHospital::admit() const
{
    // The sleep comes before the mutex so that concurrent calls are slow side by side, as over a network.
    if (std::int64_t ms = m_latencyMs; ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    if (m_unreachable) return backendFail(BackendErrorKind::Unreachable, "the demo hospital is set to be unreachable");
    return {};
}

BackendResult<void> DemoHospital::ensureSlots(CivilDate today)
{
    if (m_slotsWrittenFor == today) return {};
    auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
    DEMO_TRY_VOID(generateScheduledSlots(*m_db, today, kBookingDays));
    DEMO_TRY_VOID(transaction.commit());
    m_slotsWrittenFor = today;
    return {};
}

BackendResult<PatientRecord> DemoHospital::findOrCreatePatient(const IdentityCard& card)
{
    return call([&]() -> BackendResult<PatientRecord> {
        std::string idNumber = upperAscii(card.idNumber);
        if (idNumber.empty()) return backendFail(BackendErrorKind::Invalid, "the card carries no ID number");
        if (card.displayName().empty()) return backendFail(BackendErrorKind::Invalid, "the card carries no name");
        auto found = onePatient(*m_db, "id_number = ?1", idNumber);
        if (found || found.error().kind != BackendErrorKind::NotFound) return found;

        auto transaction = DEMO_TRY(storage::Transaction::begin(*m_db));
        std::string id = numberedId("P", DEMO_TRY(nextCounter(*m_db, "patient", kFirstKioskPatientNumber)), 8);
        auto insert = DEMO_TRY(prepareWith(
            *m_db,
            "INSERT INTO patients (id, name, id_number, visit_card, sex, birth_date, phone, created_by_kiosk, "
            "created_at) VALUES (?1, ?2, ?3, '', ?4, ?5, '', 1, ?6)",
            id, card.displayName(), idNumber, sexCode(card.sex),
            card.birthDate.year > 0 ? dateText(card.birthDate) : std::string(), toSeconds(m_clock.wallNow())));
        DEMO_TRY_VOID(insert.run());
        DEMO_TRY_VOID(transaction.commit());
        return onePatient(*m_db, "id = ?1", id);
    });
}

BackendResult<PatientRecord> DemoHospital::findPatientByVisitCard(const std::string& visitCard)
{
    return call([&]() -> BackendResult<PatientRecord> {
        if (visitCard.empty()) return backendFail(BackendErrorKind::NotFound, "no such visit card");
        return onePatient(*m_db, "visit_card = ?1", visitCard);
    });
}

BackendResult<PatientRecord> DemoHospital::patient(const std::string& patientId)
{
    return call([&] { return onePatient(*m_db, "id = ?1", patientId); });
}

BackendResult<std::vector<Department>> DemoHospital::departments()
{
    return call([&]() -> BackendResult<std::vector<Department>> {
        auto query = DEMO_TRY(
            m_db->prepare("SELECT id, name, category, location, intro FROM departments ORDER BY sort_order"));
        std::vector<Department> out;
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) {
            out.push_back(Department{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)});
        }));
        return out;
    });
}

BackendResult<std::vector<SymptomGuideEntry>> DemoHospital::symptomGuide()
{
    return call([&]() -> BackendResult<std::vector<SymptomGuideEntry>> {
        auto query = DEMO_TRY(
            m_db->prepare("SELECT symptom, department_id, hint FROM symptom_guide ORDER BY sort_order"));
        std::vector<SymptomGuideEntry> out;
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) {
            out.push_back(SymptomGuideEntry{row.text(0), row.text(1), row.text(2)});
        }));
        return out;
    });
}

BackendResult<std::vector<Doctor>> DemoHospital::doctors(const std::string& departmentId)
{
    return call([&]() -> BackendResult<std::vector<Doctor>> {
        auto exists = DEMO_TRY(prepareWith(*m_db, "SELECT 1 FROM departments WHERE id = ?1", departmentId));
        if (DEMO_TRY(exists.step()) == storage::Step::Done)
            return backendFail(BackendErrorKind::NotFound, "no department " + departmentId);
        auto query = DEMO_TRY(prepareWith(*m_db,
                                          "SELECT id, name, department_id, title, speciality, expert FROM doctors "
                                          "WHERE department_id = ?1 ORDER BY sort_order",
                                          departmentId));
        std::vector<Doctor> out;
        DEMO_TRY_VOID(forEachRow(query, [&](const storage::Statement& row) {
            out.push_back(Doctor{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.integer(5) != 0});
        }));
        return out;
    });
}

} // namespace kiosk::hospital
