#pragma once
// The fake hospital's longer answers: the price search, a place held and
// booked, and bills settled as a HIS does. Included by fake_hospital.hpp.
#include "fake_hospital.hpp"

namespace kiosk::test {

inline hospital::BackendResult<std::vector<hospital::PriceItem>> FakeHospital::searchPrices(const std::string& query,
                                                                                       int limit)
{
    priceQueries.push_back(query);
    if (auto failure = begin(HospitalOp::Prices)) return *failure;
    // As the interface says: a part of the name, or the start of the initials in any case.
    auto upper = [](std::string s) {
        for (char& c : s)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return s;
    };
    std::vector<hospital::PriceItem> out;
    for (const auto& item : priceList) {
        if (static_cast<int>(out.size()) >= limit) break;
        if (item.name.find(query) != std::string::npos || upper(item.pinyinInitials).starts_with(upper(query)))
            out.push_back(item);
    }
    return answer<std::vector<hospital::PriceItem>>(HospitalOp::Prices, out);
}

inline hospital::BackendResult<hospital::SlotHold> FakeHospital::takePlace(const std::string& slotId,
                                                                          const std::string& patient)
{
    hospital::Slot* s = slotById(slotId);
    if (!s) return hospital::backendFail(hospital::BackendErrorKind::NotFound, "no such slot");
    if (s->remaining <= 0) return hospital::backendFail(hospital::BackendErrorKind::SlotFull, "slot full");
    --s->remaining;
    ++holdsMade;
    hospital::SlotHold h{"H" + std::to_string(holdsMade), slotId, patient, m_clock.wallNow() + holdFor};
    liveHolds[h.id] = h;
    return h;
}

inline hospital::BackendResult<hospital::Appointment> FakeHospital::makeBooking(const std::string& holdId,
                                                                                const std::string& reference)
{
    auto it = liveHolds.find(holdId);
    if (it == liveHolds.end()) return hospital::backendFail(hospital::BackendErrorKind::NotFound, "no such hold");
    if (m_clock.wallNow() > it->second.expires) {
        if (hospital::Slot* s = slotById(it->second.slotId)) ++s->remaining;
        liveHolds.erase(it);
        return hospital::backendFail(hospital::BackendErrorKind::HoldExpired, "hold expired");
    }
    hospital::Appointment a;
    a.id = "A" + std::to_string(appointments.size() + 1);
    a.patientId = it->second.patientId;
    a.slot = *slotById(it->second.slotId);
    a.queueNumber = nextQueueNumber++;
    a.paymentReference = reference;
    a.bookedAt = m_clock.wallNow();
    appointments[a.id] = a;
    liveHolds.erase(it);  // the place is now the booking's
    return a;
}

inline hospital::BackendResult<hospital::Invoice> FakeHospital::makeInvoice(const std::string& patient,
                                                                            const std::vector<std::string>& orderIds,
                                                                            hospital::Fen expectedTotal,
                                                                            const std::string& reference)
{
    if (orderIds.empty()) return hospital::backendFail(hospital::BackendErrorKind::Invalid, "no orders to settle");
    hospital::Fen total = 0;
    for (const auto& id : orderIds) {
        auto it = std::find_if(orderList.begin(), orderList.end(), [&](const auto& o) { return o.id == id; });
        if (it == orderList.end())
            return hospital::backendFail(hospital::BackendErrorKind::NotFound, "no such order");
        if (paid(id)) return hospital::backendFail(hospital::BackendErrorKind::Conflict, "order already paid");
        total += it->total();
    }
    if (total != expectedTotal)
        return hospital::backendFail(hospital::BackendErrorKind::Invalid, "amount mismatch");
    hospital::Invoice invoice;
    invoice.id = "INV" + std::to_string(invoices.size() + 1);
    invoice.patientId = patient;
    invoice.orderIds = orderIds;
    invoice.total = total;
    invoice.paymentReference = reference;
    invoice.eInvoiceUrl = "https://einvoice.test-hospital.invalid/i/" + invoice.id;
    invoice.issuedAt = m_clock.wallNow();
    invoices[invoice.id] = invoice;
    m_settledOrders.insert(orderIds.begin(), orderIds.end());
    return invoice;
}

} // namespace kiosk::test
