#pragma once
// The hospital information system (HIS) as the kiosk sees it. Every call may
// be slow or fail, so flows call it from a worker, never from the UI thread.
// Operations that change something take an idempotency key: a retry with the
// same key returns the first call's result instead of booking or settling
// twice (the journal relies on this to recover after a crash).
#include <expected>
#include <string>
#include <vector>

#include "hospital/hospital_types.hpp"

namespace kiosk::hospital {

enum class BackendErrorKind {
    Unreachable,   ///< No answer (network, HIS down, timeout): the operation may be retried.
    NotFound,      ///< No such patient, slot, order or report.
    SlotFull,      ///< The slot's quota is gone (someone else took the last one).
    HoldExpired,   ///< The hold ran out before the booking.
    LimitReached,  ///< The patient already has the per-day number of registrations (anti-tout).
    Conflict,      ///< The state does not allow it (order already paid, appointment already checked in).
    Invalid,       ///< The request itself is wrong (empty selection, amount mismatch).
};

struct BackendError {
    BackendErrorKind kind = BackendErrorKind::Unreachable;
    std::string message;  ///< For maintainers and the log; never contains personal data.
};

template <class T>
using BackendResult = std::expected<T, BackendError>;

inline std::unexpected<BackendError> backendFail(BackendErrorKind kind, std::string message)
{
    return std::unexpected<BackendError>(BackendError{kind, std::move(message)});
}

class HospitalBackend {
public:
    virtual ~HospitalBackend() = default;

    // Patient ------------------------------------------------------------
    /// The patient with this ID number; a new record from the card's fields if there is none (createdByKiosk).
    virtual BackendResult<PatientRecord> findOrCreatePatient(const IdentityCard& card) = 0;
    /// The patient with this visit card number (就诊卡), or NotFound.
    virtual BackendResult<PatientRecord> findPatientByVisitCard(const std::string& visitCard) = 0;
    /// The patient by the hospital's id (e.g. from a slip QR), or NotFound.
    virtual BackendResult<PatientRecord> patient(const std::string& patientId) = 0;

    // Departments, doctors, slots ------------------------------------------
    virtual BackendResult<std::vector<Department>> departments() = 0;
    virtual BackendResult<std::vector<Doctor>> doctors(const std::string& departmentId) = 0;
    /// The symptom guide in the hospital's order; empty if the hospital keeps none.
    virtual BackendResult<std::vector<SymptomGuideEntry>> symptomGuide() = 0;
    /// Slots of a department from `from` for `days` days, with live remaining quota, ordered by date and time.
    virtual BackendResult<std::vector<Slot>> slots(const std::string& departmentId, CivilDate from, int days) = 0;
    /// The registration fee rules: how many registrations one patient may hold per day.
    virtual int dailyRegistrationLimit() const = 0;

    // Registration (Appointment $hold / $book / cancel) ---------------------
    /// Holds one place in the slot for the patient until the returned expiry (5 minutes in the demo hospital).
    virtual BackendResult<SlotHold> hold(const std::string& slotId, const std::string& patientId,
                                         const std::string& idempotencyKey) = 0;
    /// Turns a live hold into a booking paid by `paymentReference`.
    virtual BackendResult<Appointment> book(const std::string& holdId, const std::string& paymentReference,
                                            const std::string& idempotencyKey) = 0;
    /// Gives a hold's place back (the patient cancelled or the payment failed). Releasing twice is not an error.
    virtual BackendResult<void> releaseHold(const std::string& holdId) = 0;
    /// A booking's state, looked up by the key it was booked with (recovery after a crash).
    virtual BackendResult<Appointment> appointmentByKey(const std::string& idempotencyKey) = 0;
    /// Today's appointments of the patient that were booked elsewhere and are not checked in yet.
    virtual BackendResult<std::vector<Appointment>> appointmentsToCheckIn(const std::string& patientId,
                                                                         CivilDate day) = 0;
    virtual BackendResult<Appointment> checkIn(const std::string& appointmentId) = 0;

    // Bills (ChargeItem → Invoice) ----------------------------------------
    virtual BackendResult<std::vector<Order>> unpaidOrders(const std::string& patientId) = 0;
    /// Marks the orders paid by `paymentReference`; `expectedTotal` must match what they cost now.
    virtual BackendResult<Invoice> settle(const std::string& patientId, const std::vector<std::string>& orderIds,
                                          Fen expectedTotal, const std::string& paymentReference,
                                          const std::string& idempotencyKey) = 0;
    virtual BackendResult<Invoice> invoiceByKey(const std::string& idempotencyKey) = 0;

    // Reports (DiagnosticReport) ------------------------------------------
    /// Every report of the patient from the last 30 days, ready and pending.
    virtual BackendResult<std::vector<Report>> reports(const std::string& patientId) = 0;
    /// The report whose barcode this is (a scanned report slip), or NotFound.
    virtual BackendResult<Report> reportByBarcode(const std::string& barcode) = 0;
    virtual BackendResult<void> markPrinted(const std::string& reportId) = 0;

    // Price catalogue ------------------------------------------------------
    /// Items whose name contains `query` or whose pinyin initials start with it (case-insensitive); at most `limit`.
    virtual BackendResult<std::vector<PriceItem>> searchPrices(const std::string& query, int limit) = 0;
};

} // namespace kiosk::hospital
