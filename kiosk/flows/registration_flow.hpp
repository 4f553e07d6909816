#pragma once
// Self-registration (挂号) as a state machine: department → doctor → period
// → confirm → hold the place → pay → book → print the slip. A patient who
// does not know the department may take it from the hospital's symptom guide
// instead (department screen → symptom → doctor). The order of
// the last steps is the point: the place is held before any money moves, the
// receipt printer is checked before the patient pays, and money taken for a
// booking that cannot be made goes back by refund, never silently kept.
//
// Screens read stage() and the lists, and call the intent methods; slow work
// runs through the FlowContext's runner and comes back through its post.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flows/doctor_offers.hpp"
#include "flows/money_record.hpp"
#include "flows/flow_failure.hpp"
#include "flows/payment_step.hpp"
#include "hospital/hospital_backend.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::flows {

enum class RegistrationStage {
    Loading,           ///< Finding the patient's record and the departments.
    ChooseDepartment,
    ChooseSymptom,     ///< The symptom guide, opened from ChooseDepartment; see symptomGuide().
    LoadingDoctors,
    ChooseDoctor,
    ChoosePeriod,
    Confirm,
    Holding,           ///< Asking the hospital to hold the place.
    Paying,            ///< See payment().
    Booking,
    Refunding,         ///< Paid, but the booking failed: the money is being returned.
    Printing,
    Done,
    Failed,            ///< See failure().
};

std::string_view registrationStageName(RegistrationStage stage);

class RegistrationFlow {
public:
    static constexpr int kDaysAhead = 7;
    /// Sent as a department's id, it opens the symptom guide (the department screen's button).
    static constexpr std::string_view kSymptomGuideChoice = "symptom-guide";

    RegistrationFlow(FlowContext& context, IdentityCard patient);
    /// Starts loading; call once, after construction.
    void start();

    // Intents from the screens.
    void chooseDepartment(const std::string& departmentId);
    /// From ChooseDepartment, when the hospital gave a guide.
    void openSymptomGuide();
    /// An entry of symptomGuide() by its position as the screen sends it ("0", "1", …): goes on as if its
    /// department had been chosen.
    void chooseSymptom(const std::string& choiceId);
    void chooseDoctor(const std::string& doctorId);
    void choosePeriod(const std::string& slotId);
    void confirm();
    /// Back one step where that is safe (not while money is moving).
    void back();
    /// The patient wants to stop; during payment the order is closed first.
    void cancel();
    void codeScanned(const std::string& code);
    void tick();
    std::optional<Instant> nextDeadline() const;

    RegistrationStage stage() const { return m_stage; }
    const std::vector<hospital::Department>& departments() const { return m_departments; }
    /// The hospital's symptom guide, only entries whose department is offered; empty when there is none.
    const std::vector<hospital::SymptomGuideEntry>& symptomGuide() const { return m_symptomGuide; }
    const hospital::Department* department(const std::string& departmentId) const;
    const std::vector<DoctorOffer>& doctors() const { return m_doctors; }
    const DoctorOffer* chosenDoctor() const;
    const hospital::Department* chosenDepartment() const;
    const hospital::Slot* chosenSlot() const;
    const PaymentStep& payment() const { return m_payment; }
    const std::optional<hospital::Appointment>& appointment() const { return m_appointment; }
    const FlowFailure& failure() const { return m_failure; }
    bool slipPrinted() const { return m_slipPrinted; }
    /// The number staff look up: the payment order's number once there is one.
    const std::string& transactionNumber() const { return m_orderNo; }
    bool cancelled() const { return m_cancelled; }

private:
    void fail(FailureKind kind, std::string detail);
    void loadDoctors(const std::string& departmentId);
    void startPayment();
    void book();
    void refund(FailureKind why, std::string detail);
    void printSlip();
    void afterPayment();

    FlowContext& m_ctx;
    IdentityCard m_card;
    RegistrationStage m_stage = RegistrationStage::Loading;
    std::optional<hospital::PatientRecord> m_patient;
    std::vector<hospital::Department> m_departments;
    std::vector<hospital::SymptomGuideEntry> m_symptomGuide;
    bool m_viaSymptomGuide = false;  ///< The department came from the guide: back from the doctors returns there.
    std::vector<DoctorOffer> m_doctors;
    std::string m_departmentId;
    std::string m_doctorId;
    std::string m_slotId;
    std::optional<hospital::SlotHold> m_hold;
    std::optional<hospital::Appointment> m_appointment;
    MoneyRecord m_record;
    PaymentStep m_payment;
    std::string m_orderNo;
    FlowFailure m_failure;
    bool m_slipPrinted = false;
    bool m_cancelled = false;
    bool m_pendingCancel = false;
};

} // namespace kiosk::flows
