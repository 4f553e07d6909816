#pragma once
// Checking in (签到) for an appointment booked elsewhere (phone, app, a
// window): today's booked appointments of the patient are listed; the chosen
// one is checked in at the hospital, and a slip with the queue number and
// where to wait is printed. Nothing is paid here: the appointment was paid
// when it was booked.
#include <optional>
#include <string>
#include <vector>

#include "flows/flow_context.hpp"
#include "flows/flow_failure.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::flows {

enum class CheckInStage { Loading, NothingToCheckIn, Choose, CheckingIn, Printing, Done, Failed };

std::string_view checkInStageName(CheckInStage stage);

class CheckInFlow {
public:
    CheckInFlow(FlowContext& context, IdentityCard patient);
    void start();
    void choose(const std::string& appointmentId);
    void cancel();

    CheckInStage stage() const { return m_stage; }
    const std::vector<hospital::Appointment>& appointments() const { return m_appointments; }
    const std::vector<hospital::Department>& departments() const { return m_departments; }
    const std::optional<hospital::Appointment>& checkedIn() const { return m_checkedIn; }
    const std::string* departmentName(const std::string& departmentId) const;
    bool slipPrinted() const { return m_slipPrinted; }
    const FlowFailure& failure() const { return m_failure; }
    bool cancelled() const { return m_cancelled; }
    bool busy() const { return m_stage == CheckInStage::CheckingIn || m_stage == CheckInStage::Printing; }

private:
    void fail(FailureKind kind, std::string detail);
    void printSlip();

    FlowContext& m_ctx;
    IdentityCard m_card;
    CheckInStage m_stage = CheckInStage::Loading;
    std::vector<hospital::Appointment> m_appointments;
    std::vector<hospital::Department> m_departments;
    std::optional<hospital::Appointment> m_checkedIn;
    FlowFailure m_failure;
    bool m_slipPrinted = false;
    bool m_cancelled = false;
};

} // namespace kiosk::flows
