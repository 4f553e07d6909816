#include "flows/registration_flow.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <thread>
#include <tuple>

#include "documents/registration_slip.hpp"
#include "flows/doctor_offers.hpp"

namespace kiosk::flows {

using hospital::BackendErrorKind;
using hospital::BackendResult;

namespace {
// Paying must end this long before the hold does, so that a payment made in
// the last second still finds its place held when the booking is made.
constexpr auto kHoldMargin = std::chrono::seconds(30);
constexpr int kBookAttempts = 3;
constexpr int kElderPriorityAge = 65;

FailureKind failureFor(BackendErrorKind kind)
{
    switch (kind) {
    case BackendErrorKind::Unreachable: return FailureKind::BackendUnreachable;
    case BackendErrorKind::SlotFull: return FailureKind::SlotFull;
    case BackendErrorKind::HoldExpired: return FailureKind::HoldExpired;
    case BackendErrorKind::LimitReached: return FailureKind::LimitReached;
    case BackendErrorKind::NotFound:
    case BackendErrorKind::Conflict:
    case BackendErrorKind::Invalid: return FailureKind::Other;
    }
    return FailureKind::Other;
}


/// The guide's entries that lead somewhere: a department the hospital offers today.
std::vector<hospital::SymptomGuideEntry> usableGuide(const std::vector<hospital::SymptomGuideEntry>& guide,
                                                     const std::vector<hospital::Department>& departments)
{
    std::vector<hospital::SymptomGuideEntry> out;
    for (const auto& entry : guide) {
        bool offered = std::any_of(departments.begin(), departments.end(),
                                   [&](const hospital::Department& d) { return d.id == entry.departmentId; });
        if (offered && !entry.symptom.empty()) out.push_back(entry);
    }
    return out;
}
} // namespace

std::string_view registrationStageName(RegistrationStage stage)
{
    switch (stage) {
    case RegistrationStage::Loading: return "loading";
    case RegistrationStage::ChooseDepartment: return "choose-department";
    case RegistrationStage::ChooseSymptom: return "choose-symptom";
    case RegistrationStage::LoadingDoctors: return "loading-doctors";
    case RegistrationStage::ChooseDoctor: return "choose-doctor";
    case RegistrationStage::ChoosePeriod: return "choose-period";
    case RegistrationStage::Confirm: return "confirm";
    case RegistrationStage::Holding: return "holding";
    case RegistrationStage::Paying: return "paying";
    case RegistrationStage::Booking: return "booking";
    case RegistrationStage::Refunding: return "refunding";
    case RegistrationStage::Printing: return "printing";
    case RegistrationStage::Done: return "done";
    case RegistrationStage::Failed: return "failed";
    }
    return "?";
}

RegistrationFlow::RegistrationFlow(FlowContext& context, IdentityCard patient)
    : m_ctx(context), m_card(std::move(patient)), m_record(context.journal), m_payment(context)
{
}

void RegistrationFlow::start()
{
    m_stage = RegistrationStage::Loading;
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, card = m_card] {
        auto patient = hospital.findOrCreatePatient(card);
        BackendResult<std::vector<hospital::Department>> departments =
            patient ? hospital.departments() : std::unexpected(patient.error());
        BackendResult<std::vector<hospital::SymptomGuideEntry>> guide =
            departments ? hospital.symptomGuide() : std::vector<hospital::SymptomGuideEntry>{};
        post([this, patient, departments, guide] {
            if (m_stage != RegistrationStage::Loading) return;
            if (!patient) return fail(failureFor(patient.error().kind), patient.error().message);
            if (!departments) return fail(failureFor(departments.error().kind), departments.error().message);
            m_patient = *patient;
            m_departments = *departments;
            // The guide only helps: without it the patient still chooses a department, just with no guide.
            if (guide) m_symptomGuide = usableGuide(*guide, m_departments);
            m_stage = RegistrationStage::ChooseDepartment;
        });
    });
}

void RegistrationFlow::chooseDepartment(const std::string& departmentId)
{
    if (m_stage != RegistrationStage::ChooseDepartment) return;
    if (departmentId == kSymptomGuideChoice) return openSymptomGuide();
    m_viaSymptomGuide = false;
    loadDoctors(departmentId);
}

void RegistrationFlow::openSymptomGuide()
{
    if (m_stage == RegistrationStage::ChooseDepartment && !m_symptomGuide.empty())
        m_stage = RegistrationStage::ChooseSymptom;
}

void RegistrationFlow::chooseSymptom(const std::string& choiceId)
{
    if (m_stage != RegistrationStage::ChooseSymptom) return;
    std::size_t index = 0;
    auto [end, error] = std::from_chars(choiceId.data(), choiceId.data() + choiceId.size(), index);
    if (error != std::errc{} || end != choiceId.data() + choiceId.size() || index >= m_symptomGuide.size()) return;
    m_viaSymptomGuide = true;
    loadDoctors(m_symptomGuide[index].departmentId);
}

void RegistrationFlow::loadDoctors(const std::string& departmentId)
{
    m_departmentId = departmentId;
    m_stage = RegistrationStage::LoadingDoctors;
    CivilDate today = localDate(m_ctx.clock.wallNow());
    std::time_t t = std::chrono::system_clock::to_time_t(m_ctx.clock.wallNow());
    std::tm local{};
    localtime_r(&t, &local);
    int minuteNow = local.tm_hour * 60 + local.tm_min;
    // Patients of 65 and over may take the places kept for them (优先号);
    // everyone else sees those places as taken.
    bool elder = m_card.birthDate.year > 0 && ageOn(m_card.birthDate, today) >= kElderPriorityAge;
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, departmentId, today, minuteNow, elder] {
        auto doctors = hospital.doctors(departmentId);
        BackendResult<std::vector<hospital::Slot>> slots =
            doctors ? hospital.slots(departmentId, today, kDaysAhead) : std::unexpected(doctors.error());
        std::vector<DoctorOffer> offers;
        if (doctors && slots) offers = offerDoctors(*doctors, *slots, today, minuteNow, elder);
        post([this, doctors, slots, offers = std::move(offers)] {
            if (m_stage != RegistrationStage::LoadingDoctors) return;
            if (!doctors) return fail(failureFor(doctors.error().kind), doctors.error().message);
            if (!slots) return fail(failureFor(slots.error().kind), slots.error().message);
            m_doctors = offers;
            m_stage = RegistrationStage::ChooseDoctor;
        });
    });
}

void RegistrationFlow::chooseDoctor(const std::string& doctorId)
{
    if (m_stage != RegistrationStage::ChooseDoctor) return;
    m_doctorId = doctorId;
    if (chosenDoctor()) m_stage = RegistrationStage::ChoosePeriod;
}

void RegistrationFlow::choosePeriod(const std::string& slotId)
{
    if (m_stage != RegistrationStage::ChoosePeriod) return;
    m_slotId = slotId;
    if (chosenSlot()) m_stage = RegistrationStage::Confirm;
}

void RegistrationFlow::confirm()
{
    if (m_stage != RegistrationStage::Confirm || !m_patient) return;
    // Before any money: the slip must be printable. Unknown counts as not
    // known to be broken; the print itself still reports what happened.
    DeviceReport printer = m_ctx.device(DeviceRole::ReceiptPrinter);
    if (printer.down())
        return fail(FailureKind::PrinterNotReady, printer.detail);
    m_stage = RegistrationStage::Holding;
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, slotId = m_slotId, patientId = m_patient->id,
                      key = m_ctx.transactionPrefix + "-H"] {
        auto hold = hospital.hold(slotId, patientId, key);
        post([this, hold] {
            if (m_stage != RegistrationStage::Holding) return;
            if (!hold) return fail(failureFor(hold.error().kind), hold.error().message);
            m_hold = *hold;
            if (m_pendingCancel) {
                // The patient left while the place was being held: give it back,
                // and end the flow as a cancel during payment does (it would
                // otherwise stay in Holding, counted busy, for good).
                m_cancelled = true;
                m_stage = RegistrationStage::Failed;
                m_failure = FlowFailure{FailureKind::None, false, false, "cancelled by the patient"};
                auto& h = m_ctx.hospital;
                m_ctx.runner.run([&h, id = hold->id] { (void)h.releaseHold(id); });
                return;
            }
            startPayment();
        });
    });
}

void RegistrationFlow::startPayment()
{
    const hospital::Slot* slot = chosenSlot();
    // The intent is on disk before any order exists: after a crash from here
    // on, recovery knows which orders to ask about and which hold to book.
    journal::TransactionRecord intent{.id = m_ctx.transactionPrefix,
                                      .kind = journal::TransactionKind::Registration,
                                      .kioskId = m_ctx.kioskId,
                                      .startedAt = m_ctx.clock.wallNow(),
                                      .amountFen = slot->fee,
                                      .orderNo = m_ctx.transactionPrefix,
                                      .patientRef = m_patient->id,
                                      .subjectRef = m_hold->id};
    if (auto begun = m_record.begin(intent); !begun) {
        auto& hospital = m_ctx.hospital;
        m_ctx.runner.run([&hospital, id = m_hold->id] { (void)hospital.releaseHold(id); });
        return fail(FailureKind::RecordsUnavailable, begun.error().message);
    }
    m_payment.journalTo(m_record);
    m_stage = RegistrationStage::Paying;
    m_orderNo = m_ctx.transactionPrefix;
    Instant now = m_ctx.clock.now();
    auto holdLeft = std::chrono::duration_cast<Duration>(m_hold->expires - m_ctx.clock.wallNow()) - kHoldMargin;
    Instant deadline = std::min(now + PaymentStep::kDefaultTimeLimit, now + std::max(holdLeft, Duration::zero()));
    m_payment.start(m_orderNo, slot->fee, m_ctx.catalogs.text(m_ctx.language, "payment.subject.registration"), deadline);
}

void RegistrationFlow::afterPayment()
{
    auto releaseHold = [this] {
        if (!m_hold) return;
        auto& hospital = m_ctx.hospital;
        m_ctx.runner.run([&hospital, id = m_hold->id] { (void)hospital.releaseHold(id); });
    };
    switch (m_payment.stage()) {
    case PaymentStage::Paid: return book();
    case PaymentStage::Declined:
        releaseHold();
        return fail(FailureKind::PaymentDeclined, m_payment.declineReason());
    case PaymentStage::TimedOut:
        releaseHold();
        return fail(FailureKind::PaymentTimedOut, "no payment before the deadline");
    case PaymentStage::Cancelled:
        releaseHold();
        m_cancelled = true;
        m_stage = RegistrationStage::Failed;
        m_failure = FlowFailure{FailureKind::None, false, false, "cancelled by the patient"};
        return;
    case PaymentStage::Unreachable:
        releaseHold();
        return fail(FailureKind::PaymentUnavailable, m_payment.declineReason());
    case PaymentStage::Uncertain:
        // The hold is kept: if the money was taken, recovery can still book.
        fail(FailureKind::PaymentUncertain, m_payment.declineReason());
        return;
    default: return;
    }
}

void RegistrationFlow::book()
{
    m_stage = RegistrationStage::Booking;
    auto& hospital = m_ctx.hospital;
    std::string paymentRef = m_payment.paid().orderNo;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, holdId = m_hold->id, paymentRef,
                      key = m_ctx.transactionPrefix + "-B", journal = m_record.journal(), id = m_record.id()] {
        BackendResult<hospital::Appointment> booked = hospital::backendFail(BackendErrorKind::Unreachable, "not tried");
        for (int attempt = 0; attempt < kBookAttempts; ++attempt) {
            if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(500));
            // The same key each time: a booking that went through but whose
            // answer was lost is returned, not made twice.
            booked = hospital.book(holdId, paymentRef, key);
            if (booked || booked.error().kind != BackendErrorKind::Unreachable) break;
        }
        // Before giving the money back, one more question: a booking made
        // with this key whose every answer was lost must not be refunded.
        if (!booked && booked.error().kind == BackendErrorKind::Unreachable) {
            if (auto found = hospital.appointmentByKey(key)) booked = *found;
        }
        if (booked) (void)recordStep(journal, id, journal::Step::Booked, {.hospitalReference = booked->id});
        post([this, booked] {
            if (m_stage != RegistrationStage::Booking) return;
            if (!booked && booked.error().kind == BackendErrorKind::Unreachable) {
                // Nobody can say whether the booking was made: not refunded
                // now, but left paid in the journal. Recovery books it (same
                // key, so exactly once) when the hospital answers again, or
                // refunds if it can no longer be made.
                m_failure = FlowFailure{FailureKind::CompletingLater, true, false, booked.error().message};
                m_stage = RegistrationStage::Failed;
                return;
            }
            if (!booked) return refund(failureFor(booked.error().kind), booked.error().message);
            m_appointment = *booked;
            printSlip();
        });
    });
}

void RegistrationFlow::refund(FailureKind why, std::string detail)
{
    m_stage = RegistrationStage::Refunding;
    m_payment.refundPaid("registration could not be booked", why, std::move(detail), [this](FlowFailure failure) {
        if (m_stage != RegistrationStage::Refunding) return;
        m_failure = std::move(failure);
        m_stage = RegistrationStage::Failed;
    });
}

void RegistrationFlow::printSlip()
{
    m_stage = RegistrationStage::Printing;
    SlipFacts facts{m_ctx.hospitalName, *chosenDepartment(), chosenDoctor()->doctor, *m_appointment,
                    m_card.displayName(), m_payment.paid(), m_ctx.clock.wallNow(), m_ctx.kioskId};
    ReceiptDocument slip = buildRegistrationSlip(facts, m_ctx.catalogs, m_ctx.language);
    auto& printer = m_ctx.receiptPrinter;
    m_ctx.runner.run([this, &printer, post = m_ctx.post, slip = std::move(slip), journal = m_record.journal(),
                      id = m_record.id()] {
        PrintOutcome outcome = printer.print(slip);
        if (outcome.printed)
            (void)recordStep(journal, id, journal::Step::Printed, {});
        else
            (void)recordStep(journal, id, journal::Step::PrintFailed,
                             {.note = journalNote("slip not printed: " + outcome.error)});
        post([this, printed = outcome.printed] {
            if (m_stage != RegistrationStage::Printing) return;
            // The booking stands whether or not the slip came out; the done
            // screen shows the queue number and says where to get a slip.
            m_slipPrinted = printed;
            m_stage = RegistrationStage::Done;
        });
    });
}

void RegistrationFlow::fail(FailureKind kind, std::string detail)
{
    m_failure = FlowFailure{kind, false, false, std::move(detail)};
    m_stage = RegistrationStage::Failed;
}

void RegistrationFlow::back()
{
    switch (m_stage) {
    case RegistrationStage::ChooseSymptom: m_stage = RegistrationStage::ChooseDepartment; break;
    case RegistrationStage::ChooseDoctor:
        m_stage = m_viaSymptomGuide ? RegistrationStage::ChooseSymptom : RegistrationStage::ChooseDepartment;
        break;
    case RegistrationStage::ChoosePeriod: m_stage = RegistrationStage::ChooseDoctor; break;
    case RegistrationStage::Confirm: m_stage = RegistrationStage::ChoosePeriod; break;
    default: break;
    }
}

void RegistrationFlow::cancel()
{
    switch (m_stage) {
    case RegistrationStage::Paying: m_payment.cancel(); break;
    case RegistrationStage::Holding: m_pendingCancel = true; break;
    case RegistrationStage::Booking:
    case RegistrationStage::Refunding:
    case RegistrationStage::Printing: break;  // money has moved: the flow must finish
    default: m_cancelled = true; break;
    }
}

void RegistrationFlow::codeScanned(const std::string& code)
{
    if (m_stage == RegistrationStage::Paying) (void)m_payment.codeScanned(code);
}

void RegistrationFlow::tick()
{
    if (m_stage != RegistrationStage::Paying) return;
    m_payment.tick();
    if (isFinal(m_payment.stage())) afterPayment();
}

std::optional<Instant> RegistrationFlow::nextDeadline() const
{
    return m_stage == RegistrationStage::Paying ? m_payment.nextDeadline() : std::nullopt;
}

} // namespace kiosk::flows
