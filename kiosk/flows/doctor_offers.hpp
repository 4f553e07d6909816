#pragma once
// Which doctors registration offers, and in what order: from the hospital's
// doctors and slots, the places a patient can still book (places left, not
// over or about to end), with the places kept for the elderly counted only
// for a patient of 65 and over, the soonest doctor first.
#include <vector>

#include "hospital/hospital_types.hpp"

namespace kiosk::flows {

/// One doctor as offered: the doctor, their open slots in the coming days, and the total left.
struct DoctorOffer {
    hospital::Doctor doctor;
    std::vector<hospital::Slot> slots;
    int remaining = 0;
    hospital::Fen fee = 0;
};

/// The offers for a department; `minuteNow` is minutes after local midnight today.
std::vector<DoctorOffer> offerDoctors(const std::vector<hospital::Doctor>& doctors,
                                      const std::vector<hospital::Slot>& slots, CivilDate today, int minuteNow,
                                      bool elder);

} // namespace kiosk::flows
