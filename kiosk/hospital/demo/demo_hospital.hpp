#pragma once
// The embedded demo hospital: a HospitalBackend on its own SQLite file. It is
// the back end when no real HIS is configured, so it keeps the rules a real
// one keeps: slots cut from the doctors' weekly schedules with a quota each,
// holds that run out, a per-day registration limit, idempotency keys that
// never book or settle twice, queue numbers, amounts checked before settling,
// reports that become ready when the lab releases them. On first open it is
// seeded from the TSV files in assets/demo/hospital/ (see the README there).
//
// Every call takes one mutex around the connection, so flows may call it
// from any worker thread. All times come from the injected Clock, so tests
// drive it with a ManualClock; the database keeps them in UTC.
//
// Simulation controls make it slow or unreachable and let a test or scenario
// take places away or run holds out; they may be called from any thread.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "hospital/hospital_backend.hpp"

namespace kiosk::storage {
class Database;
}

namespace kiosk::hospital {

struct DemoHospitalOptions {
    /// How long a hold keeps its place before book() fails with HoldExpired.
    std::chrono::seconds holdDuration = std::chrono::minutes(5);
    /// Registrations (bookings and live holds) one patient may have on one day.
    int dailyLimit = 3;
    /// Every call sleeps this long before it does anything, as a slow HIS would.
    std::chrono::milliseconds latency{0};
    /// Every call fails with Unreachable.
    bool unreachable = false;
};

class DemoHospital final : public HospitalBackend {
public:
    /// Opens (creating and seeding from `seedDir` if new) the database at `dbPath`; ":memory:" for a private one.
    static Result<std::unique_ptr<DemoHospital>> open(const std::string& dbPath, const std::string& seedDir,
                                                      const Clock& clock, DemoHospitalOptions options = {});
    ~DemoHospital() override;
    DemoHospital(const DemoHospital&) = delete;
    DemoHospital& operator=(const DemoHospital&) = delete;

    BackendResult<PatientRecord> findOrCreatePatient(const IdentityCard& card) override;
    BackendResult<PatientRecord> findPatientByVisitCard(const std::string& visitCard) override;
    BackendResult<PatientRecord> patient(const std::string& patientId) override;

    BackendResult<std::vector<Department>> departments() override;
    BackendResult<std::vector<Doctor>> doctors(const std::string& departmentId) override;
    BackendResult<std::vector<SymptomGuideEntry>> symptomGuide() override;
    /// Only the booking window (today and the 6 days after) has slots; slots that have ended are left out.
    BackendResult<std::vector<Slot>> slots(const std::string& departmentId, CivilDate from, int days) override;
    int dailyRegistrationLimit() const override;

    /// Besides SlotFull and LimitReached: Conflict when the slot has ended or the patient already has this
    /// doctor on that day (one registration per doctor per day, as at the window).
    BackendResult<SlotHold> hold(const std::string& slotId, const std::string& patientId,
                                 const std::string& idempotencyKey) override;
    BackendResult<Appointment> book(const std::string& holdId, const std::string& paymentReference,
                                    const std::string& idempotencyKey) override;
    BackendResult<void> releaseHold(const std::string& holdId) override;
    BackendResult<Appointment> appointmentByKey(const std::string& idempotencyKey) override;
    BackendResult<std::vector<Appointment>> appointmentsToCheckIn(const std::string& patientId,
                                                                 CivilDate day) override;
    /// Conflict when already checked in, cancelled, or not on today's date.
    BackendResult<Appointment> checkIn(const std::string& appointmentId) override;

    BackendResult<std::vector<Order>> unpaidOrders(const std::string& patientId) override;
    BackendResult<Invoice> settle(const std::string& patientId, const std::vector<std::string>& orderIds,
                                  Fen expectedTotal, const std::string& paymentReference,
                                  const std::string& idempotencyKey) override;
    BackendResult<Invoice> invoiceByKey(const std::string& idempotencyKey) override;

    /// A pending report carries no results, findings or reporting doctors until it is ready.
    BackendResult<std::vector<Report>> reports(const std::string& patientId) override;
    BackendResult<Report> reportByBarcode(const std::string& barcode) override;
    /// Conflict for a report that is still pending.
    BackendResult<void> markPrinted(const std::string& reportId) override;

    /// At most 500 items; initials matches first, then by the price list's order.
    BackendResult<std::vector<PriceItem>> searchPrices(const std::string& query, int limit) override;

    // Simulation controls -------------------------------------------------
    void setUnreachable(bool unreachable);
    void setLatency(std::chrono::milliseconds latency);
    void setHoldDuration(std::chrono::seconds duration);
    void setDailyLimit(int limit);

    // Scenario hooks: they ignore the unreachable switch and the latency. --
    /// Books out the slot as if other patients took every place, including those held: a live hold on it
    /// then fails book() with SlotFull (the HIS gave the place away between hold and book).
    BackendResult<void> takeRemainingPlaces(const std::string& slotId);
    /// Lets every live hold run out now.
    BackendResult<void> expireHoldsNow();

private:
    DemoHospital(std::unique_ptr<storage::Database> db, const Clock& clock, const DemoHospitalOptions& options);

    /// The simulated latency and reachability, then `body` under the connection's mutex.
    template <class Body>
    auto call(Body&& body) -> std::invoke_result_t<Body&>
    {
        if (auto reachable = admit(); !reachable) return std::unexpected(std::move(reachable.error()));
        std::lock_guard lock(m_mutex);
        return body();
    }
    BackendResult<void> admit() const;
    /// Writes the scheduled slots of the booking window when a new day has come into it. Needs m_mutex.
    BackendResult<void> ensureSlots(CivilDate today);
    // Lookups by one column; `condition` is a constant SQL fragment with ?2 for the value. They need m_mutex.
    BackendResult<Appointment> appointmentWhere(std::string_view condition, const std::string& value);
    BackendResult<Invoice> invoiceWhere(std::string_view condition, const std::string& value);
    BackendResult<Report> reportWhere(std::string_view condition, const std::string& value);

    std::unique_ptr<storage::Database> m_db;
    const Clock& m_clock;
    std::mutex m_mutex;
    CivilDate m_slotsWrittenFor;  // guarded by m_mutex
    std::atomic<bool> m_unreachable;
    std::atomic<std::int64_t> m_latencyMs;
    std::atomic<std::int64_t> m_holdSeconds;
    std::atomic<int> m_dailyLimit;
};

} // namespace kiosk::hospital
