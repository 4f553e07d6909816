// What the patient has chosen so far in a registration, looked up in the
// lists the flow loaded: the screens and the shell read these.
#include "flows/registration_flow.hpp"

namespace kiosk::flows {

const hospital::Department* RegistrationFlow::department(const std::string& departmentId) const
{
    for (const auto& d : m_departments)
        if (d.id == departmentId) return &d;
    return nullptr;
}

const hospital::Department* RegistrationFlow::chosenDepartment() const { return department(m_departmentId); }

const DoctorOffer* RegistrationFlow::chosenDoctor() const
{
    for (const auto& d : m_doctors)
        if (d.doctor.id == m_doctorId) return &d;
    return nullptr;
}

const hospital::Slot* RegistrationFlow::chosenSlot() const
{
    const DoctorOffer* doctor = chosenDoctor();
    if (!doctor) return nullptr;
    for (const auto& s : doctor->slots)
        if (s.id == m_slotId) return &s;
    return nullptr;
}

} // namespace kiosk::flows
