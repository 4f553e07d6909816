#pragma once
// The price catalogue as last synced from the hospital, so that price lookup
// keeps working while the hospital's system does not answer (prices change
// rarely; the screen says the list is the one of the last sync). Matching
// follows the hospital's rule: the name contains the query, or the pinyin
// initials start with it, case-insensitively; exact initials first.
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "hospital/hospital_backend.hpp"

namespace kiosk::hospital {

class PriceCache {
public:
    static constexpr int kSyncLimit = 100000;

    /// Fetches the whole catalogue; keeps the old copy if the hospital does not answer.
    Result<void> sync(HospitalBackend& hospital, WallTime now);
    bool empty() const;
    std::optional<WallTime> syncedAt() const;
    std::vector<PriceItem> search(const std::string& query, int limit) const;

private:
    mutable std::mutex m_mutex;
    std::vector<PriceItem> m_items;
    std::optional<WallTime> m_syncedAt;
};

/// The hospital, with price lookups answered from the cache while it is unreachable.
/// Every other call goes straight through.
class CachingHospital final : public HospitalBackend {
public:
    CachingHospital(HospitalBackend& inner, const PriceCache& prices) : m_inner(inner), m_prices(prices) {}

    BackendResult<PatientRecord> findOrCreatePatient(const IdentityCard& card) override
    {
        return m_inner.findOrCreatePatient(card);
    }
    BackendResult<PatientRecord> findPatientByVisitCard(const std::string& v) override
    {
        return m_inner.findPatientByVisitCard(v);
    }
    BackendResult<PatientRecord> patient(const std::string& id) override { return m_inner.patient(id); }
    BackendResult<std::vector<Department>> departments() override { return m_inner.departments(); }
    BackendResult<std::vector<Doctor>> doctors(const std::string& d) override { return m_inner.doctors(d); }
    BackendResult<std::vector<SymptomGuideEntry>> symptomGuide() override { return m_inner.symptomGuide(); }
    BackendResult<std::vector<Slot>> slots(const std::string& d, CivilDate from, int days) override
    {
        return m_inner.slots(d, from, days);
    }
    int dailyRegistrationLimit() const override { return m_inner.dailyRegistrationLimit(); }
    BackendResult<SlotHold> hold(const std::string& s, const std::string& p, const std::string& k) override
    {
        return m_inner.hold(s, p, k);
    }
    BackendResult<Appointment> book(const std::string& h, const std::string& r, const std::string& k) override
    {
        return m_inner.book(h, r, k);
    }
    BackendResult<void> releaseHold(const std::string& h) override { return m_inner.releaseHold(h); }
    BackendResult<Appointment> appointmentByKey(const std::string& k) override { return m_inner.appointmentByKey(k); }
    BackendResult<std::vector<Appointment>> appointmentsToCheckIn(const std::string& p, CivilDate d) override
    {
        return m_inner.appointmentsToCheckIn(p, d);
    }
    BackendResult<Appointment> checkIn(const std::string& a) override { return m_inner.checkIn(a); }
    BackendResult<std::vector<Order>> unpaidOrders(const std::string& p) override { return m_inner.unpaidOrders(p); }
    BackendResult<Invoice> settle(const std::string& p, const std::vector<std::string>& o, Fen t,
                                  const std::string& r, const std::string& k) override
    {
        return m_inner.settle(p, o, t, r, k);
    }
    BackendResult<Invoice> invoiceByKey(const std::string& k) override { return m_inner.invoiceByKey(k); }
    BackendResult<std::vector<Report>> reports(const std::string& p) override { return m_inner.reports(p); }
    BackendResult<Report> reportByBarcode(const std::string& b) override { return m_inner.reportByBarcode(b); }
    BackendResult<void> markPrinted(const std::string& r) override { return m_inner.markPrinted(r); }
    BackendResult<std::vector<PriceItem>> searchPrices(const std::string& query, int limit) override;

private:
    HospitalBackend& m_inner;
    const PriceCache& m_prices;
};

} // namespace kiosk::hospital
