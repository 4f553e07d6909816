#include "flows/doctor_offers.hpp"

#include <algorithm>
#include <tuple>

namespace kiosk::flows {

namespace {
/// Slots still open to book: places left and not over yet (a period that ends
/// within the hour is not offered, the patient could not get there in time).
bool bookable(const hospital::Slot& slot, CivilDate today, int minuteNow)
{
    if (slot.remaining <= 0) return false;
    if (slot.date == today) return slot.endMinute - 60 > minuteNow;
    return true;
}
} // namespace

std::vector<DoctorOffer> offerDoctors(const std::vector<hospital::Doctor>& doctors,
                                      const std::vector<hospital::Slot>& slots, CivilDate today, int minuteNow,
                                      bool elder)
{
    std::vector<DoctorOffer> offers;
    for (const hospital::Doctor& doctor : doctors) {
        DoctorOffer offer{doctor, {}, 0, 0};
        for (hospital::Slot slot : slots) {
            if (!elder) slot.remaining = std::max(0, slot.remaining - slot.elderReserved);
            if (slot.doctorId != doctor.id || !bookable(slot, today, minuteNow)) continue;
            offer.slots.push_back(slot);
            offer.remaining += slot.remaining;
            offer.fee = slot.fee;
        }
        if (!offer.slots.empty()) offers.push_back(std::move(offer));
    }
    // The soonest first: most patients want the earliest doctor they can see.
    std::stable_sort(offers.begin(), offers.end(), [](const DoctorOffer& a, const DoctorOffer& b) {
        const hospital::Slot& x = a.slots.front();
        const hospital::Slot& y = b.slots.front();
        return std::tie(x.date.year, x.date.month, x.date.day, x.startMinute) <
               std::tie(y.date.year, y.date.month, y.date.day, y.startMinute);
    });
    return offers;
}

} // namespace kiosk::flows
