// Recovery of unfinished transactions: what a crash or a silent hospital left
// in the journal is settled against the channel and the hospital, never
// charging, booking or refunding twice.
#include "flow_test_prelude.hpp"
#include "recovery/transaction_recovery.hpp"

namespace {

using namespace kiosk;
using kiosk::journal::Step;
using kiosk::journal::TransactionKind;
using kiosk::recovery::RecoveryOutcome;
using kiosk::recovery::TransactionRecovery;
using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::GatewayOp;
using kiosk::test::HospitalOp;
using kiosk::test::TempJournal;

constexpr payment::Fen kFee = 5000;
const std::string kId = "K-001-20261123100000-1";

struct RecoveryRig {
    RecoveryRig()
    {
        hospital::Slot s;
        s.id = "S1";
        s.doctorId = "DR1";
        s.departmentId = "D01";
        s.date = localDate(clock.wallNow());
        s.startMinute = 23 * 60;
        s.endMinute = 24 * 60 - 1;
        s.capacity = s.remaining = 5;
        s.fee = kFee;
        hospital.slotList.push_back(s);
        hospital.orderList = {order("O1", 3000), order("O2", 1200)};
    }

    static hospital::Order order(std::string id, payment::Fen price)
    {
        hospital::Order o;
        o.id = std::move(id);
        o.items.push_back(hospital::ChargeItem{o.id + "-1", "C" + o.id, "检查", "次", 1, price});
        return o;
    }

    /// A registration as the flow leaves it: place held, intent written, QR order open.
    void registrationStarted()
    {
        auto hold = hospital.hold("S1", hospital.patientId, kId + "-H");
        REQUIRE(hold.has_value());
        holdId = hold->id;
        REQUIRE(journal->begin({.id = kId, .kind = TransactionKind::Registration, .kioskId = "K-001",
                                .startedAt = clock.wallNow(), .amountFen = kFee, .orderNo = kId,
                                .patientRef = hospital.patientId, .subjectRef = holdId}).has_value());
        REQUIRE(gateway.createQrOrder(kId, kFee, "挂号费").has_value());
        REQUIRE(journal->record(kId, Step::OrderCreated, {.orderNo = kId}).has_value());
    }

    /// Bill payment as the flow leaves it once the QR order is open.
    void billsStarted()
    {
        REQUIRE(journal->begin({.id = kId, .kind = TransactionKind::Bills, .kioskId = "K-001",
                                .startedAt = clock.wallNow(), .amountFen = 4200, .orderNo = kId,
                                .patientRef = hospital.patientId, .subjectRef = "O1,O2"}).has_value());
        REQUIRE(gateway.createQrOrder(kId, 4200, "缴费").has_value());
        REQUIRE(journal->record(kId, Step::OrderCreated, {.orderNo = kId}).has_value());
    }

    /// The flow had recorded the payment before it stopped.
    void paidAndJournaled(payment::Fen amount = kFee)
    {
        REQUIRE(gateway.payOrder(kId));
        REQUIRE(journal->record(kId, Step::Paid, {.paidOrderNo = kId, .amountFen = amount}).has_value());
    }

    std::string last() { return journal.lastStep(kId); }
    recovery::RecoveryResult settle() { return recovery.settle(kId); }

    ManualClock clock;
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    TempJournal journal{clock};
    TransactionRecovery recovery{*journal, gateway, hospital, clock};
    std::string holdId;
};

TEST_SUITE("transaction_recovery")
{
    TEST_CASE_FIXTURE(RecoveryRig, "Paid at the channel but not in the journal: found and booked once with a slip to reprint")
    {
        registrationStarted();
        REQUIRE(gateway.payOrder(kId));  // the crash came before 'paid' was written
        auto result = settle();
        CHECK(result.outcome == RecoveryOutcome::Finished);
        CHECK(journal.steps(kId) ==
              std::vector<std::string>{"intent", "order-created", "paid", "booked", "print-failed"});
        REQUIRE(hospital.appointments.size() == 1);
        CHECK(hospital.bookCalls.back().key == kId + "-B");
        CHECK(hospital.bookCalls.back().holdId == holdId);
        CHECK(gateway.moneyTaken() == kFee);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        // A second round finds nothing to do and changes nothing.
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        CHECK(hospital.appointments.size() == 1);
    }

    TEST_CASE_FIXTURE(RecoveryRig, "A payment-code order paid: the 'C' order is found too")
    {
        registrationStarted();
        REQUIRE(gateway.close(kId).has_value());
        REQUIRE(gateway.chargeCode(kId + "C", kFee, "挂号费", "134567890123456789").has_value());
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        auto record = journal->find(kId);
        REQUIRE(record.has_value());
        REQUIRE(record->has_value());
        CHECK((*record)->paidOrderNo == kId + "C");
        CHECK(hospital.appointments.size() == 1);
    }

    TEST_CASE_FIXTURE(RecoveryRig, "Never paid: the order is closed and the place given back with nothing taken")
    {
        registrationStarted();
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        CHECK(last() == "closed");
        CHECK(gateway.callsOf(GatewayOp::Close, kId) == 1);
        CHECK(hospital.releaseCalls == std::vector<std::string>{holdId});
        CHECK(gateway.moneyTaken() == 0);
        CHECK(hospital.appointments.empty());
        // The patient's phone cannot pay it any more.
        CHECK_FALSE(gateway.payOrder(kId));
    }

    TEST_CASE_FIXTURE(RecoveryRig, "The channel does not answer: it waits and touches nothing")
    {
        registrationStarted();
        gateway.failAlways(GatewayOp::Query, payment::GatewayErrorKind::Unreachable);
        auto result = settle();
        CHECK(result.outcome == RecoveryOutcome::Waiting);
        CHECK(result.summary.find("channel") != std::string::npos);
        CHECK(last() == "order-created");
        CHECK(hospital.releaseCalls.empty());
    }

    TEST_CASE_FIXTURE(RecoveryRig, "Hospital down after payment: it waits and books exactly once when it is back")
    {
        registrationStarted();
        paidAndJournaled();
        hospital.failAlways(HospitalOp::Book, hospital::BackendErrorKind::Unreachable);
        CHECK(settle().outcome == RecoveryOutcome::Waiting);
        CHECK(settle().outcome == RecoveryOutcome::Waiting);
        CHECK(last() == "paid");
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        hospital.clearFailures();
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        CHECK(last() == "print-failed");
        CHECK(hospital.appointments.size() == 1);
        for (const auto& call : hospital.bookCalls) CHECK(call.key == kId + "-B");
    }

    TEST_CASE_FIXTURE(RecoveryRig, "Booked but the answer was lost: found by key and not booked again")
    {
        registrationStarted();
        paidAndJournaled();
        REQUIRE(hospital.book(holdId, kId, kId + "-B").has_value());  // the flow's booking, answer lost
        auto calls = hospital.bookCalls.size();
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        CHECK(hospital.bookCalls.size() == calls);
        CHECK(hospital.appointments.size() == 1);
        CHECK(last() == "print-failed");
    }

    TEST_CASE_FIXTURE(RecoveryRig, "The hold ran out while the kiosk was down: refunded in full")
    {
        registrationStarted();
        paidAndJournaled();
        clock.advance(std::chrono::minutes(10));
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        CHECK(journal.steps(kId) ==
              std::vector<std::string>{"intent", "order-created", "paid", "refunding", "refunded"});
        CHECK(gateway.moneyTaken() == 0);
        CHECK(hospital.appointments.empty());
    }

    TEST_CASE_FIXTURE(RecoveryRig, "A refund that fails is asked again with the same number and never twice over")
    {
        registrationStarted();
        paidAndJournaled();
        clock.advance(std::chrono::minutes(10));
        gateway.failNext(GatewayOp::Refund, payment::GatewayErrorKind::Unreachable);
        CHECK(settle().outcome == RecoveryOutcome::Waiting);
        CHECK(last() == "refund-failed");
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        CHECK(last() == "refunded");
        CHECK(gateway.moneyTaken() == 0);
        int refunds = gateway.callsOf(GatewayOp::Refund);
        CHECK(refunds == 2);
    }

    TEST_CASE_FIXTURE(RecoveryRig, "Bills paid, not settled: settled with the orders the payment was for")
    {
        billsStarted();
        paidAndJournaled(4200);
        CHECK(settle().outcome == RecoveryOutcome::Finished);
        REQUIRE(hospital.settleCalls.size() == 1);
        CHECK(hospital.settleCalls[0].orderIds == std::vector<std::string>{"O1", "O2"});
        CHECK(hospital.settleCalls[0].key == kId + "-S");
        CHECK(hospital.settleCalls[0].paymentReference == kId);
        CHECK(hospital.paid("O1"));
        CHECK(last() == "print-failed");
    }

    TEST_CASE_FIXTURE(RecoveryRig, "A transaction a flow still holds is left alone")
    {
        registrationStarted();
        REQUIRE(journal->claim(kId));
        CHECK(settle().outcome == RecoveryOutcome::Skipped);
        CHECK(last() == "order-created");
        journal->release(kId);
        CHECK(settle().outcome == RecoveryOutcome::Finished);
    }

    TEST_CASE_FIXTURE(RecoveryRig, "Still unsettled after a day: handed to staff and no longer retried")
    {
        registrationStarted();
        paidAndJournaled();
        hospital.failAlways(HospitalOp::Book, hospital::BackendErrorKind::Unreachable);
        clock.advance(TransactionRecovery::kGiveUpAfter + std::chrono::minutes(1));
        auto result = settle();
        CHECK(result.outcome == RecoveryOutcome::Finished);
        CHECK(last() == "needs-staff");
        CHECK(result.summary.find("staff") != std::string::npos);
    }
}

} // namespace
