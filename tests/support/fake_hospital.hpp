#pragma once
// An in-memory hospital for flow tests: the departments, symptom guide,
// doctors, slots, unpaid orders and reports a test sets up, holds, bookings
// and settlements kept by idempotency key as a real HIS keeps them, every
// call recorded, and failures injected per operation.
// Single-threaded: it is driven through a StepRunner, never a worker thread.
#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/clock.hpp"
#include "hospital/hospital_backend.hpp"

namespace kiosk::test {

enum class HospitalOp { FindPatient, Departments, Doctors, Slots, Hold, Book, Release, Orders, Settle, Reports,
                        MarkPrinted, Prices, SymptomGuide };

class FakeHospital final : public hospital::HospitalBackend {
public:
    struct HoldCall {
        std::string slotId;
        std::string patientId;
        std::string key;
    };
    struct BookCall {
        std::string holdId;
        std::string paymentReference;
        std::string key;
    };
    struct SettleCall {
        std::string patientId;
        std::vector<std::string> orderIds;
        hospital::Fen expectedTotal = 0;
        std::string paymentReference;
        std::string key;
    };

    explicit FakeHospital(const Clock& clock) : m_clock(clock) {}

    // What the test sets up -------------------------------------------------
    std::vector<hospital::Department> departmentList;
    std::vector<hospital::Doctor> doctorList;
    std::vector<hospital::Slot> slotList;
    /// The patient's orders; settled ones are no longer listed as unpaid. Prices may change between calls.
    std::vector<hospital::Order> orderList;
    /// The patient's reports; markPrinted counts up timesPrinted here.
    std::vector<hospital::Report> reportList;
    /// The price catalogue searchPrices looks in.
    std::vector<hospital::PriceItem> priceList;
    /// The symptom guide, as symptomGuide() returns it (no check that its departments exist).
    std::vector<hospital::SymptomGuideEntry> symptomGuideList;
    std::string patientId = "P000123";
    std::chrono::minutes holdFor{5};
    int nextQueueNumber = 17;

    // Failures --------------------------------------------------------------
    /// The next `times` calls of `op` fail with `kind`; nothing is done.
    void failNext(HospitalOp op, hospital::BackendErrorKind kind, int times = 1)
    {
        m_failures[op] = Failure{kind, times};
    }
    /// Every call of `op` fails with `kind` until clearFailures().
    void failAlways(HospitalOp op, hospital::BackendErrorKind kind) { m_failures[op] = Failure{kind, -1}; }
    /// The whole hospital system fails with `kind` (Unreachable: it is down).
    void failEverything(hospital::BackendErrorKind kind)
    {
        for (HospitalOp op : {HospitalOp::FindPatient, HospitalOp::Departments, HospitalOp::Doctors, HospitalOp::Slots,
                              HospitalOp::Hold, HospitalOp::Book, HospitalOp::Release, HospitalOp::Orders,
                              HospitalOp::Settle, HospitalOp::Reports, HospitalOp::MarkPrinted,
                              HospitalOp::Prices, HospitalOp::SymptomGuide})
            failAlways(op, kind);
    }
    void clearFailures()
    {
        m_failures.clear();
        m_lostAnswers.clear();
    }
    /// The next `times` calls of `op` are carried out, but their answers are lost on the way back (Unreachable).
    void loseAnswers(HospitalOp op, int times = 1) { m_lostAnswers[op] = times; }
    /// appointmentByKey and invoiceByKey fail Unreachable while set: the look-ups reconciliation makes.
    bool lookupsUnreachable = false;

    // What happened ---------------------------------------------------------
    std::vector<HospitalOp> calls;
    std::vector<HoldCall> holdCalls;
    std::vector<BookCall> bookCalls;
    std::vector<std::string> releaseCalls;                      ///< Hold ids, in call order.
    std::map<std::string, hospital::SlotHold> liveHolds;        ///< Held and neither booked nor released, by id.
    std::map<std::string, hospital::Appointment> appointments;  ///< Booked, by appointment id.
    int holdsMade = 0;  ///< Places actually taken by hold (a repeated key takes none).
    std::vector<SettleCall> settleCalls;
    std::map<std::string, hospital::Invoice> invoices;  ///< Issued (orders actually settled), by invoice id.
    std::vector<std::string> markPrintedCalls;          ///< Report ids, in call order.
    std::vector<std::string> priceQueries;              ///< What searchPrices was asked, in call order.

    int callsOf(HospitalOp op) const
    {
        int n = 0;
        for (HospitalOp c : calls)
            n += c == op;
        return n;
    }
    const hospital::Slot* slot(const std::string& id) const
    {
        for (const auto& s : slotList)
            if (s.id == id) return &s;
        return nullptr;
    }
    bool paid(const std::string& orderId) const { return m_settledOrders.contains(orderId); }
    const hospital::Report* report(const std::string& id) const
    {
        for (const auto& r : reportList)
            if (r.id == id) return &r;
        return nullptr;
    }

    // HospitalBackend ---------------------------------------------------------
    hospital::BackendResult<hospital::PatientRecord> findOrCreatePatient(const IdentityCard& card) override
    {
        if (auto failure = begin(HospitalOp::FindPatient)) return *failure;
        hospital::PatientRecord record;
        record.id = patientId;
        record.name = card.name;
        record.idNumber = card.idNumber;
        record.sex = card.sex;
        record.birthDate = card.birthDate;
        record.createdByKiosk = true;
        return answer<hospital::PatientRecord>(HospitalOp::FindPatient, record);
    }
    hospital::BackendResult<hospital::PatientRecord> findPatientByVisitCard(const std::string&) override
    {
        return hospital::backendFail(hospital::BackendErrorKind::NotFound, "not in the fake hospital");
    }
    hospital::BackendResult<hospital::PatientRecord> patient(const std::string&) override
    {
        return hospital::backendFail(hospital::BackendErrorKind::NotFound, "not in the fake hospital");
    }

    hospital::BackendResult<std::vector<hospital::Department>> departments() override
    {
        if (auto failure = begin(HospitalOp::Departments)) return *failure;
        return answer<std::vector<hospital::Department>>(HospitalOp::Departments, departmentList);
    }
    hospital::BackendResult<std::vector<hospital::SymptomGuideEntry>> symptomGuide() override
    {
        if (auto failure = begin(HospitalOp::SymptomGuide)) return *failure;
        return answer<std::vector<hospital::SymptomGuideEntry>>(HospitalOp::SymptomGuide, symptomGuideList);
    }
    hospital::BackendResult<std::vector<hospital::Doctor>> doctors(const std::string& departmentId) override
    {
        if (auto failure = begin(HospitalOp::Doctors)) return *failure;
        std::vector<hospital::Doctor> out;
        for (const auto& d : doctorList)
            if (d.departmentId == departmentId) out.push_back(d);
        return answer<std::vector<hospital::Doctor>>(HospitalOp::Doctors, out);
    }
    hospital::BackendResult<std::vector<hospital::Slot>> slots(const std::string& departmentId, CivilDate from,
                                                               int days) override
    {
        if (auto failure = begin(HospitalOp::Slots)) return *failure;
        std::vector<hospital::Slot> out;
        for (const auto& s : slotList) {
            long day = dayNumber(s.date);
            if (s.departmentId == departmentId && day >= dayNumber(from) && day < dayNumber(from) + days)
                out.push_back(s);
        }
        std::stable_sort(out.begin(), out.end(), [](const hospital::Slot& a, const hospital::Slot& b) {
            return std::tuple(dayNumber(a.date), a.startMinute) < std::tuple(dayNumber(b.date), b.startMinute);
        });
        return answer<std::vector<hospital::Slot>>(HospitalOp::Slots, out);
    }
    int dailyRegistrationLimit() const override { return 2; }

    hospital::BackendResult<hospital::SlotHold> hold(const std::string& slotId, const std::string& patient,
                                                     const std::string& key) override
    {
        holdCalls.push_back({slotId, patient, key});
        if (auto failure = begin(HospitalOp::Hold, Keyed::Yes)) return *failure;
        if (auto it = m_holdsByKey.find(key); it != m_holdsByKey.end()) return answer(HospitalOp::Hold, it->second);
        if (auto failure = definiteFailure(HospitalOp::Hold)) return m_holdsByKey[key] = *failure;
        hospital::BackendResult<hospital::SlotHold> result = takePlace(slotId, patient);
        m_holdsByKey[key] = result;
        return answer(HospitalOp::Hold, result);
    }

    hospital::BackendResult<hospital::Appointment> book(const std::string& holdId, const std::string& paymentReference,
                                                        const std::string& key) override
    {
        bookCalls.push_back({holdId, paymentReference, key});
        if (auto failure = begin(HospitalOp::Book, Keyed::Yes)) return *failure;
        if (auto it = m_booksByKey.find(key); it != m_booksByKey.end()) return answer(HospitalOp::Book, it->second);
        if (auto failure = definiteFailure(HospitalOp::Book)) return m_booksByKey[key] = *failure;
        hospital::BackendResult<hospital::Appointment> result = makeBooking(holdId, paymentReference);
        m_booksByKey[key] = result;
        return answer(HospitalOp::Book, result);
    }

    hospital::BackendResult<void> releaseHold(const std::string& holdId) override
    {
        releaseCalls.push_back(holdId);
        if (auto failure = begin(HospitalOp::Release)) return std::unexpected(failure->error());
        if (auto it = liveHolds.find(holdId); it != liveHolds.end()) {
            if (hospital::Slot* s = slotById(it->second.slotId)) ++s->remaining;
            liveHolds.erase(it);
        }
        if (takeLostAnswer(HospitalOp::Release))
            return hospital::backendFail(hospital::BackendErrorKind::Unreachable, "answer lost");
        return {};
    }

    hospital::BackendResult<hospital::Appointment> appointmentByKey(const std::string& key) override
    {
        if (lookupsUnreachable) return hospital::backendFail(hospital::BackendErrorKind::Unreachable, "HIS down");
        auto it = m_booksByKey.find(key);
        if (it == m_booksByKey.end() || !it->second)
            return hospital::backendFail(hospital::BackendErrorKind::NotFound, "no booking with this key");
        return it->second;
    }
    hospital::BackendResult<std::vector<hospital::Appointment>> appointmentsToCheckIn(const std::string&,
                                                                                      CivilDate) override
    {
        return std::vector<hospital::Appointment>{};
    }
    hospital::BackendResult<hospital::Appointment> checkIn(const std::string&) override
    {
        return hospital::backendFail(hospital::BackendErrorKind::NotFound, "not in the fake hospital");
    }
    hospital::BackendResult<std::vector<hospital::Order>> unpaidOrders(const std::string&) override
    {
        if (auto failure = begin(HospitalOp::Orders)) return *failure;
        std::vector<hospital::Order> out;
        for (const auto& o : orderList)
            if (!paid(o.id)) out.push_back(o);
        return answer<std::vector<hospital::Order>>(HospitalOp::Orders, out);
    }
    hospital::BackendResult<hospital::Invoice> settle(const std::string& patient,
                                                      const std::vector<std::string>& orderIds,
                                                      hospital::Fen expectedTotal,
                                                      const std::string& paymentReference,
                                                      const std::string& key) override
    {
        settleCalls.push_back({patient, orderIds, expectedTotal, paymentReference, key});
        if (auto failure = begin(HospitalOp::Settle, Keyed::Yes)) return *failure;
        if (auto it = m_settlesByKey.find(key); it != m_settlesByKey.end())
            return answer(HospitalOp::Settle, it->second);
        if (auto failure = definiteFailure(HospitalOp::Settle)) return m_settlesByKey[key] = *failure;
        hospital::BackendResult<hospital::Invoice> result = makeInvoice(patient, orderIds, expectedTotal,
                                                                        paymentReference);
        m_settlesByKey[key] = result;
        return answer(HospitalOp::Settle, result);
    }
    hospital::BackendResult<hospital::Invoice> invoiceByKey(const std::string& key) override
    {
        if (lookupsUnreachable) return hospital::backendFail(hospital::BackendErrorKind::Unreachable, "HIS down");
        auto it = m_settlesByKey.find(key);
        if (it == m_settlesByKey.end() || !it->second)
            return hospital::backendFail(hospital::BackendErrorKind::NotFound, "no invoice with this key");
        return it->second;
    }
    hospital::BackendResult<std::vector<hospital::Report>> reports(const std::string&) override
    {
        if (auto failure = begin(HospitalOp::Reports)) return *failure;
        return answer<std::vector<hospital::Report>>(HospitalOp::Reports, reportList);
    }
    hospital::BackendResult<hospital::Report> reportByBarcode(const std::string&) override
    {
        return hospital::backendFail(hospital::BackendErrorKind::NotFound, "not in the fake hospital");
    }
    hospital::BackendResult<void> markPrinted(const std::string& reportId) override
    {
        markPrintedCalls.push_back(reportId);
        if (auto failure = begin(HospitalOp::MarkPrinted)) return std::unexpected(failure->error());
        for (auto& r : reportList)
            if (r.id == reportId) {
                ++r.timesPrinted;
                r.status = hospital::ReportStatus::Printed;
                return {};
            }
        return hospital::backendFail(hospital::BackendErrorKind::NotFound, "no such report");
    }
    hospital::BackendResult<std::vector<hospital::PriceItem>> searchPrices(const std::string& query,
                                                                         int limit) override;

private:
    struct Failure {
        hospital::BackendErrorKind kind;
        int times;  ///< -1: until cleared
    };
    enum class Keyed { No, Yes };

    static long dayNumber(CivilDate d)
    {
        using namespace std::chrono;
        return sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}}
            .time_since_epoch()
            .count();
    }

    hospital::Slot* slotById(const std::string& id)
    {
        for (auto& s : slotList)
            if (s.id == id) return &s;
        return nullptr;
    }

    std::optional<Failure> takeFailure(HospitalOp op)
    {
        auto it = m_failures.find(op);
        if (it == m_failures.end()) return std::nullopt;
        Failure f = it->second;
        if (f.times > 0 && --it->second.times == 0) m_failures.erase(it);
        return f;
    }

    // Records the call. A network failure (Unreachable) comes first, whatever the key: no answer is no result.
    // For operations without a key every injected failure is taken here.
    std::optional<std::unexpected<hospital::BackendError>> begin(HospitalOp op, Keyed keyed = Keyed::No)
    {
        calls.push_back(op);
        auto it = m_failures.find(op);
        if (it == m_failures.end()) return std::nullopt;
        if (keyed == Keyed::Yes && it->second.kind != hospital::BackendErrorKind::Unreachable) return std::nullopt;
        Failure f = *takeFailure(op);
        return hospital::backendFail(f.kind, "injected failure");
    }

    // A definite refusal (SlotFull, HoldExpired, ...) is an answer: remembered under the key like a success.
    std::optional<std::unexpected<hospital::BackendError>> definiteFailure(HospitalOp op)
    {
        auto f = takeFailure(op);
        if (!f) return std::nullopt;
        return hospital::backendFail(f->kind, "injected failure");
    }

    bool takeLostAnswer(HospitalOp op)
    {
        auto it = m_lostAnswers.find(op);
        if (it == m_lostAnswers.end() || it->second <= 0) return false;
        --it->second;
        return true;
    }

    template <class T> hospital::BackendResult<T> answer(HospitalOp op, hospital::BackendResult<T> result)
    {
        if (takeLostAnswer(op)) return hospital::backendFail(hospital::BackendErrorKind::Unreachable, "answer lost");
        return result;
    }

    hospital::BackendResult<hospital::SlotHold> takePlace(const std::string& slotId, const std::string& patient);

    hospital::BackendResult<hospital::Appointment> makeBooking(const std::string& holdId, const std::string& reference);

    // Settles as a HIS does: every order known and unpaid, the expected total what they cost now.
    hospital::BackendResult<hospital::Invoice> makeInvoice(const std::string& patient,
                                                           const std::vector<std::string>& orderIds,
                                                           hospital::Fen expectedTotal, const std::string& reference);

    const Clock& m_clock;
    std::map<HospitalOp, Failure> m_failures;
    std::map<HospitalOp, int> m_lostAnswers;
    std::map<std::string, hospital::BackendResult<hospital::SlotHold>> m_holdsByKey;
    std::map<std::string, hospital::BackendResult<hospital::Appointment>> m_booksByKey;
    std::map<std::string, hospital::BackendResult<hospital::Invoice>> m_settlesByKey;
    std::set<std::string> m_settledOrders;
};

} // namespace kiosk::test

#include "fake_hospital_places.hpp"
