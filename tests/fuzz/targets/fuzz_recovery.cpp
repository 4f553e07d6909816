// Recovery against arbitrary replies from the channel and the hospital.
//
// The input first decides where a registration or a bill payment stopped (a
// crash at any step, with the outside world in any state that step allows:
// paid or not, by QR or by code, booked or settled with the answer lost or
// not, refund begun), then how every later call to the channel and the
// hospital goes (unreachable, refused, answer lost after the work was done,
// a hold that runs out, a day that passes) over several recovery rounds.
// Finally both answer again and recovery runs to its end. Whatever happened
// on the way, the end must hold: the transaction final; money kept exactly
// when the service was given, or handed to staff; never two bookings or two
// settlements; never more than one order paid.
#include <cstdint>

#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "journal/journal.hpp"
#include "recovery/transaction_recovery.hpp"
#include "support/fuzz_bytes.hpp"

using namespace kiosk;
using kiosk::fuzz::FuzzBytes;
using kiosk::fuzz::require;
using kiosk::journal::Step;
using kiosk::journal::TransactionKind;
using kiosk::recovery::RecoveryOutcome;
using kiosk::test::GatewayOp;
using kiosk::test::HospitalOp;

namespace {

const std::string kId = "K-001-20261123100000-1";
constexpr payment::Fen kFee = 5000;
constexpr payment::Fen kBill = 4200;

struct World {
    ManualClock clock;
    test::FakeHospital hospital{clock};
    test::FakeGateway gateway{clock};
    std::unique_ptr<journal::Journal> journal;
    TransactionKind kind = TransactionKind::Registration;
    payment::Fen amount = kFee;
    std::string holdId;
};

hospital::BackendErrorKind hospitalError(FuzzBytes& in)
{
    constexpr hospital::BackendErrorKind kinds[] = {
        hospital::BackendErrorKind::Unreachable, hospital::BackendErrorKind::SlotFull,
        hospital::BackendErrorKind::HoldExpired, hospital::BackendErrorKind::Conflict,
        hospital::BackendErrorKind::Invalid};
    return kinds[in.pick(5)];
}

payment::GatewayErrorKind gatewayError(FuzzBytes& in)
{
    constexpr payment::GatewayErrorKind kinds[] = {payment::GatewayErrorKind::Unreachable,
                                                   payment::GatewayErrorKind::Rejected,
                                                   payment::GatewayErrorKind::Invalid};
    return kinds[in.pick(3)];
}

void record(World& w, Step step, journal::StepDetails details = {})
{
    require(w.journal->record(kId, step, details).has_value(), "a legal step was refused by the journal");
}

// Where the flow stopped, and what the world looked like then.
void crashSomewhere(World& w, FuzzBytes& in)
{
    w.kind = in.pick(2) == 0 ? TransactionKind::Registration : TransactionKind::Bills;
    w.amount = w.kind == TransactionKind::Registration ? kFee : kBill;
    std::string subject = "O1,O2";
    if (w.kind == TransactionKind::Registration) {
        auto hold = w.hospital.hold("S1", w.hospital.patientId, kId + "-H");
        require(hold.has_value(), "the fake hospital did not hold the place");
        w.holdId = hold->id;
        subject = w.holdId;
    }
    require(w.journal
                ->begin({.id = kId, .kind = w.kind, .kioskId = "K-001", .startedAt = w.clock.wallNow(),
                         .amountFen = w.amount, .orderNo = kId, .patientRef = w.hospital.patientId,
                         .subjectRef = subject})
                .has_value(),
            "the intent was refused");
    if (in.pick(6) == 0) return;  // crashed right after the intent
    require(w.gateway.createQrOrder(kId, w.amount, "fee").has_value(), "no QR order");
    if (in.pick(2)) record(w, Step::OrderCreated, {.orderNo = kId});
    unsigned paidHow = in.pick(4);  // 0, 1: not paid; 2: the phone paid the QR; 3: a payment code
    std::string paidOrder;
    if (paidHow == 2) {
        require(w.gateway.payOrder(kId), "the QR order could not be paid");
        paidOrder = kId;
    } else if (paidHow == 3) {
        (void)w.gateway.close(kId);
        auto charged = w.gateway.chargeCode(kId + "C", w.amount, "fee", "134567890123456789");
        require(charged.has_value(), "the code was not charged");
        if (charged->state != payment::PaymentState::Paid) return;
        paidOrder = kId + "C";
    } else {
        if (in.pick(2)) w.gateway.makeUserPaying(kId);
        return;
    }
    if (in.pick(3) == 0) return;  // the crash came before 'paid' was written
    record(w, Step::Paid, {.paidOrderNo = paidOrder, .amountFen = w.amount});
    switch (in.pick(4)) {
    case 0: return;  // before booking or settling
    case 1: {
        // Booked or settled, and the crash came before the journal heard.
        bool ok = w.kind == TransactionKind::Registration
                      ? w.hospital.book(w.holdId, paidOrder, kId + "-B").has_value()
                      : w.hospital.settle(w.hospital.patientId, {"O1", "O2"}, w.amount, paidOrder, kId + "-S")
                            .has_value();
        if (ok && in.pick(2)) record(w, w.kind == TransactionKind::Registration ? Step::Booked : Step::Settled);
        return;
    }
    case 2: record(w, Step::Refunding, {.note = "booking refused"}); return;
    default: {
        record(w, Step::Refunding, {.note = "booking refused"});
        bool refunded = w.gateway.refund(paidOrder, paidOrder + "R", "refund").has_value();
        if (refunded && in.pick(2)) record(w, Step::Refunded);
        return;
    }
    }
}

// One recovery round in a world that misbehaves as the input says.
void stormyRound(World& w, recovery::TransactionRecovery& recovery, FuzzBytes& in)
{
    w.gateway.clearFailures();
    w.hospital.clearFailures();
    for (GatewayOp op : {GatewayOp::Query, GatewayOp::Close, GatewayOp::Refund})
        if (in.pick(3) == 0) w.gateway.failNext(op, gatewayError(in), 1 + static_cast<int>(in.pick(2)));
    for (HospitalOp op : {HospitalOp::Book, HospitalOp::Settle, HospitalOp::Release})
        if (in.pick(3) == 0) w.hospital.failNext(op, hospitalError(in), 1 + static_cast<int>(in.pick(2)));
    if (in.pick(4) == 0) w.hospital.loseAnswers(in.pick(2) ? HospitalOp::Book : HospitalOp::Settle);
    if (in.pick(6) == 0) w.clock.advance(std::chrono::minutes(in.pick(12)));  // holds may run out
    auto result = recovery.settle(kId);
    require(result.outcome != RecoveryOutcome::Failed, "recovery could not read or write the journal");
}

void checkEnd(World& w)
{
    auto found = w.journal->find(kId);
    require(found.has_value() && found->has_value(), "the transaction is gone from the journal");
    const journal::TransactionRecord& r = **found;
    require(journal::isFinal(r.lastStep), "recovery left the transaction unfinished with everyone answering");
    require(w.gateway.paidCount <= 1, "more than one order was paid");
    require(w.hospital.appointments.size() <= 1, "booked twice");
    require(w.hospital.invoices.size() <= 1, "settled twice");
    if (r.lastStep == Step::NeedsStaff) return;  // a person decides; the kiosk stopped
    bool given = r.lastStep == Step::Printed || r.lastStep == Step::PrintFailed;
    std::size_t services = w.hospital.appointments.size() + w.hospital.invoices.size();
    require(services == (given ? 1u : 0u), "the hospital's records disagree with the journal");
    require(w.gateway.moneyTaken() == (given ? w.amount : 0), "money kept without the service, or lost");
}

hospital::Order order(std::string id, payment::Fen price)
{
    hospital::Order o;
    o.id = std::move(id);
    o.items.push_back(hospital::ChargeItem{o.id + "-1", "C" + o.id, "检查", "次", 1, price});
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzBytes in(data, size);
    World w;
    hospital::Slot s;
    s.id = "S1";
    s.date = localDate(w.clock.wallNow());
    s.startMinute = 23 * 60;
    s.endMinute = 24 * 60 - 1;
    s.capacity = s.remaining = 5;
    s.fee = kFee;
    w.hospital.slotList.push_back(s);
    w.hospital.orderList = {order("O1", 3000), order("O2", 1200)};
    auto opened = journal::Journal::open(":memory:", w.clock);
    require(opened.has_value(), "the journal did not open");
    w.journal = std::move(*opened);

    crashSomewhere(w, in);
    recovery::TransactionRecovery recovery(*w.journal, w.gateway, w.hospital, w.clock);
    for (unsigned rounds = in.pick(6); rounds > 0; --rounds) stormyRound(w, recovery, in);
    if (in.pick(8) == 0) w.clock.advance(recovery::TransactionRecovery::kGiveUpAfter);  // a day passes
    // Everyone answers again: recovery must now finish.
    w.gateway.clearFailures();
    w.hospital.clearFailures();
    for (int round = 0; round < 4; ++round) (void)recovery.settle(kId);
    checkEnd(w);
    return 0;
}
