#include "flows/checkin_flow.hpp"

#include "documents/registration_slip.hpp"

namespace kiosk::flows {

using hospital::BackendErrorKind;
using hospital::BackendResult;

namespace {
FailureKind failureFor(BackendErrorKind kind)
{
    return kind == BackendErrorKind::Unreachable ? FailureKind::BackendUnreachable : FailureKind::Other;
}
} // namespace

std::string_view checkInStageName(CheckInStage stage)
{
    switch (stage) {
    case CheckInStage::Loading: return "loading";
    case CheckInStage::NothingToCheckIn: return "nothing-to-check-in";
    case CheckInStage::Choose: return "choose";
    case CheckInStage::CheckingIn: return "checking-in";
    case CheckInStage::Printing: return "printing";
    case CheckInStage::Done: return "done";
    case CheckInStage::Failed: return "failed";
    }
    return "?";
}

CheckInFlow::CheckInFlow(FlowContext& context, IdentityCard patient) : m_ctx(context), m_card(std::move(patient)) {}

void CheckInFlow::start()
{
    CivilDate today = localDate(m_ctx.clock.wallNow());
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, card = m_card, today] {
        auto patient = hospital.findOrCreatePatient(card);
        BackendResult<std::vector<hospital::Appointment>> appointments =
            patient ? hospital.appointmentsToCheckIn(patient->id, today) : std::unexpected(patient.error());
        auto departments = hospital.departments();
        post([this, appointments, departments] {
            if (m_stage != CheckInStage::Loading) return;
            if (!appointments) return fail(failureFor(appointments.error().kind), appointments.error().message);
            if (departments) m_departments = *departments;  // names only; the check-in works without them
            m_appointments = *appointments;
            m_stage = m_appointments.empty() ? CheckInStage::NothingToCheckIn : CheckInStage::Choose;
        });
    });
}

void CheckInFlow::choose(const std::string& appointmentId)
{
    if (m_stage != CheckInStage::Choose) return;
    bool known = false;
    for (const auto& a : m_appointments) known = known || a.id == appointmentId;
    if (!known) return;
    m_stage = CheckInStage::CheckingIn;
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, appointmentId] {
        auto done = hospital.checkIn(appointmentId);
        post([this, done] {
            if (m_stage != CheckInStage::CheckingIn) return;
            if (!done) return fail(failureFor(done.error().kind), done.error().message);
            m_checkedIn = *done;
            printSlip();
        });
    });
}

const std::string* CheckInFlow::departmentName(const std::string& departmentId) const
{
    for (const auto& d : m_departments)
        if (d.id == departmentId) return &d.name;
    return nullptr;
}

void CheckInFlow::printSlip()
{
    m_stage = CheckInStage::Printing;
    hospital::Department department;
    for (const auto& d : m_departments)
        if (d.id == m_checkedIn->slot.departmentId) department = d;
    hospital::Doctor doctor;  // the slip names the room; the doctor is on the appointment at the clinic
    SlipFacts facts{m_ctx.hospitalName, department, doctor, *m_checkedIn, m_card.displayName(), {},
                    m_ctx.clock.wallNow(), m_ctx.kioskId};
    ReceiptDocument slip = buildRegistrationSlip(facts, m_ctx.catalogs, m_ctx.language);
    auto& printer = m_ctx.receiptPrinter;
    m_ctx.runner.run([this, &printer, post = m_ctx.post, slip = std::move(slip)] {
        PrintOutcome outcome = printer.print(slip);
        post([this, printed = outcome.printed] {
            if (m_stage != CheckInStage::Printing) return;
            m_slipPrinted = printed;
            m_stage = CheckInStage::Done;
        });
    });
}

void CheckInFlow::cancel()
{
    if (!busy()) m_cancelled = true;
}

void CheckInFlow::fail(FailureKind kind, std::string detail)
{
    m_failure = FlowFailure{kind, false, false, std::move(detail)};
    m_stage = CheckInStage::Failed;
}

} // namespace kiosk::flows
