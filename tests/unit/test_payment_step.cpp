// The payment step as a state machine: a hand-moved clock, a fake channel
// the test pays by hand, and a runner stepped by hand. Whatever happens, the
// money the channel kept is the amount once if the step says Paid, and
// nothing otherwise.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "flows/payment_step.hpp"
#include "step_runner.hpp"

using namespace kiosk;
using namespace kiosk::flows;
using kiosk::payment::GatewayErrorKind;
using kiosk::payment::PayChannel;
using kiosk::payment::PaymentState;
using kiosk::test::FakeGateway;
using kiosk::test::GatewayOp;

namespace {

// Payment codes of the three channels and look-alikes that are not; all invented.
constexpr const char* kWeChatCode = "134567890123456789";     // 18 digits, 10–15
constexpr const char* kAlipayCode = "28763443825664394";      // 17 digits, 25–30
constexpr const char* kUnionPayCode = "6212345678901234567";  // 19 digits, 62
constexpr const char* kOrderNo = "K07-20261123100000-1";
constexpr payment::Fen kAmount = 5000;

CatalogSet shippedCatalogs()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

struct PaymentRig {
    // The invariant every test ends on: Paid means the amount was taken once; anything else, nothing.
    ~PaymentRig()
    {
        CHECK(gateway.paidCount <= 1);
        if (step.stage() == PaymentStage::Paid) {
            CHECK(gateway.moneyTaken() == kAmount);
            CHECK(gateway.order(step.paid().orderNo) != nullptr);
            CHECK(step.paid().amount == kAmount);
        } else {
            CHECK(gateway.moneyTaken() == 0);
        }
    }

    /// Starts the step and lets the QR order be made.
    void begin()
    {
        step.start(kOrderNo, kAmount, "门诊挂号费", clock.now() + PaymentStep::kDefaultTimeLimit);
        loop.pump();
        REQUIRE(step.stage() == PaymentStage::AwaitingPatient);
    }
    /// One poll interval later, as the frame loop would tick.
    void poll()
    {
        clock.advance(PaymentStep::kPollEvery);
        step.tick();
        loop.pump();
    }
    /// To the deadline and past it.
    void runOut()
    {
        clock.advance(step.deadline() - clock.now());
        step.tick();
        loop.pump();
    }

    ManualClock clock;
    CatalogSet catalogs = shippedCatalogs();
    test::FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    test::FakeReceiptPrinter printer;
    test::FlowLoop loop;
    FlowContext context = loop.makeContext(clock, hospital, gateway, printer, catalogs);
    PaymentStep step{context};
};

const std::string kQr = std::string("create:") + kOrderNo;
const std::string kCloseQr = std::string("close:") + kOrderNo;
const std::string kQueryQr = std::string("query:") + kOrderNo;
const std::string kCodeOrder = std::string(kOrderNo) + "C";

} // namespace

TEST_SUITE("payment_step")
{
    TEST_CASE_FIXTURE(PaymentRig, "Nothing happens before start")
    {
        CHECK(step.stage() == PaymentStage::Idle);
        step.tick();
        step.cancel();
        CHECK(step.codeScanned(kWeChatCode));  // a payment code, but there is nothing to pay yet
        CHECK(loop.pendingJobs() == 0);
        CHECK(step.stage() == PaymentStage::Idle);
        CHECK(gateway.calls.empty());
        CHECK_FALSE(step.nextDeadline().has_value());
    }

    TEST_CASE_FIXTURE(PaymentRig, "A QR order is made for the amount and then the step waits for the patient")
    {
        step.start(kOrderNo, kAmount, "门诊挂号费", clock.now() + PaymentStep::kDefaultTimeLimit);
        CHECK(step.stage() == PaymentStage::CreatingOrder);
        CHECK_FALSE(step.nextDeadline().has_value());  // an answer is awaited, not a time
        loop.pump();
        CHECK(step.stage() == PaymentStage::AwaitingPatient);
        CHECK(gateway.trace() == std::vector<std::string>{kQr});
        REQUIRE(gateway.order(kOrderNo));
        CHECK(gateway.order(kOrderNo)->amount == kAmount);
        CHECK(gateway.order(kOrderNo)->subject == "门诊挂号费");
        CHECK(step.qrCodeUrl().find(kOrderNo) != std::string::npos);
        CHECK(step.qrOrderNo() == kOrderNo);
        CHECK(step.nextDeadline() == clock.now() + PaymentStep::kPollEvery);
    }

    TEST_CASE_FIXTURE(PaymentRig, "The order is queried every kPollEvery and never sooner")
    {
        begin();
        step.tick();
        clock.advance(PaymentStep::kPollEvery - std::chrono::milliseconds(1));
        step.tick();
        CHECK(loop.pendingJobs() == 0);
        clock.advance(std::chrono::milliseconds(1));
        step.tick();
        step.tick();  // one question at a time
        CHECK(loop.pendingJobs() == 1);
        loop.pump();
        CHECK(gateway.callsOf(GatewayOp::Query) == 1);
        CHECK(step.stage() == PaymentStage::AwaitingPatient);
        CHECK(step.nextDeadline() == clock.now() + PaymentStep::kPollEvery);
        step.tick();
        CHECK(loop.pendingJobs() == 0);
    }

    TEST_CASE_FIXTURE(PaymentRig, "The next deadline is the payment deadline when it comes before the next poll")
    {
        step.start(kOrderNo, kAmount, "门诊挂号费", clock.now() + std::chrono::seconds(1));
        loop.pump();
        CHECK(step.nextDeadline() == step.deadline());
    }

    TEST_CASE_FIXTURE(PaymentRig, "Paid by the phone: learned at the next poll")
    {
        begin();
        REQUIRE(gateway.payOrder(kOrderNo));
        poll();
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kOrderNo);
        CHECK(step.paid().state == PaymentState::Paid);
        CHECK_FALSE(step.paid().transactionId.empty());
        CHECK_FALSE(step.nextDeadline().has_value());
        CHECK(gateway.moneyTaken() == kAmount);
        // Final: later ticks, codes and cancels change nothing.
        clock.advance(PaymentStep::kDefaultTimeLimit);
        step.tick();
        step.cancel();
        CHECK(step.codeScanned(kWeChatCode));
        CHECK(loop.pump() == 0);
        CHECK(step.stage() == PaymentStage::Paid);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A payment code: the QR order is closed first and then the code's own order charged")
    {
        const char* code = kWeChatCode;
        PayChannel channel = PayChannel::WeChat;
        SUBCASE("WeChat") {}
        SUBCASE("Alipay")
        {
            code = kAlipayCode;
            channel = PayChannel::Alipay;
        }
        SUBCASE("UnionPay")
        {
            code = kUnionPayCode;
            channel = PayChannel::UnionPay;
        }
        begin();
        CHECK(step.codeScanned(code));
        CHECK(step.stage() == PaymentStage::Charging);
        CHECK(step.codeOrderNo() == kCodeOrder);
        loop.pump();
        CHECK(gateway.trace() == std::vector<std::string>{kQr, kCloseQr, "charge:" + kCodeOrder});
        CHECK(gateway.calls.back().detail == code);
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kCodeOrder);
        CHECK(step.paid().channel == channel);
        // The QR order is shut: the phone can no longer pay it as well.
        CHECK(gateway.order(kOrderNo)->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(kOrderNo));
        CHECK(gateway.paidCount == 1);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A scan that is not a payment code is refused and changes nothing")
    {
        begin();
        for (const char* scan : {"123456789012",         // a report barcode
                                 "13456789012345678",    // 17 digits: no channel's code
                                 "1634567890123456789",  // 19 digits starting 16
                                 "6312345678901234567",  // 19 digits starting 63
                                 "https://example.org/", ""}) {
            CAPTURE(scan);
            CHECK_FALSE(step.codeScanned(scan));
        }
        CHECK(loop.pendingJobs() == 0);
        CHECK(step.stage() == PaymentStage::AwaitingPatient);
        CHECK(gateway.trace() == std::vector<std::string>{kQr});
    }

    TEST_CASE_FIXTURE(PaymentRig, "A second code while the first is being charged is not charged")
    {
        begin();
        CHECK(step.codeScanned(kWeChatCode));
        CHECK(step.codeScanned(kAlipayCode));  // a payment code, so taken, but not charged
        loop.pump();
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 1);
        CHECK(step.stage() == PaymentStage::Paid);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A code scanned while a poll is in flight is charged and not dropped")
    {
        begin();
        clock.advance(PaymentStep::kPollEvery);
        step.tick();
        REQUIRE(loop.pendingJobs() == 1);  // the poll, not answered yet
        CHECK(step.codeScanned(kWeChatCode));
        CHECK(step.stage() == PaymentStage::Charging);
        loop.pump();
        CHECK(gateway.trace() == std::vector<std::string>{kQr, kQueryQr, kCloseQr, "charge:" + kCodeOrder});
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kCodeOrder);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A code scanned while a poll finds the QR order paid: one charge only")
    {
        begin();
        REQUIRE(gateway.payOrder(kOrderNo));
        clock.advance(PaymentStep::kPollEvery);
        step.tick();
        CHECK(step.codeScanned(kWeChatCode));
        loop.pump();
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 0);
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kOrderNo);
    }

    TEST_CASE_FIXTURE(PaymentRig, "The phone paid the QR order just as the code was scanned: the code is not charged")
    {
        begin();
        REQUIRE(gateway.payOrder(kOrderNo));  // not yet seen by a poll
        CHECK(step.codeScanned(kWeChatCode));
        loop.pump();
        CHECK(gateway.trace() == std::vector<std::string>{kQr, kCloseQr, kQueryQr});
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kOrderNo);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A declined code ends the step Declined with the channel's reason")
    {
        begin();
        gateway.declineNext("余额不足");
        step.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(step.stage() == PaymentStage::Declined);
        CHECK(step.declineReason() == "余额不足");
        CHECK(gateway.moneyTaken() == 0);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A code refused before any order (expired) ends the step Declined")
    {
        begin();
        gateway.rejectNextCode("auth code expired");
        step.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(step.stage() == PaymentStage::Declined);
        CHECK(step.declineReason() == "auth code expired");
        CHECK_FALSE(gateway.order(kCodeOrder));
    }

    TEST_CASE_FIXTURE(PaymentRig, "A declined QR order ends the step Declined")
    {
        begin();
        REQUIRE(gateway.declineOrder(kOrderNo, "risk control"));
        poll();
        CHECK(step.stage() == PaymentStage::Declined);
        CHECK(step.declineReason() == "risk control");
    }

    TEST_CASE_FIXTURE(PaymentRig, "A code waiting for the patient's password: the code's order is polled until paid")
    {
        begin();
        SUBCASE("the channel says UserPaying")
        {
            gateway.userPayingNext();
        }
        SUBCASE("the channel has no answer yet (NotPaid)")
        {
            gateway.answerNextCode(PaymentState::NotPaid);
        }
        step.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(step.stage() == PaymentStage::UserPaying);
        CHECK(step.nextDeadline() == clock.now() + PaymentStep::kPollEvery);
        poll();
        CHECK(gateway.calls.back().op == GatewayOp::Query);
        CHECK(gateway.calls.back().orderNo == kCodeOrder);
        CHECK(step.stage() == PaymentStage::UserPaying);
        CHECK(step.codeScanned(kAlipayCode));  // taken as a payment code, not charged
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 1);
        REQUIRE(gateway.payOrder(kCodeOrder));
        poll();
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kCodeOrder);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A code waiting for the password that is then declined ends Declined")
    {
        begin();
        gateway.userPayingNext();
        step.codeScanned(kWeChatCode);
        loop.pump();
        REQUIRE(gateway.declineOrder(kCodeOrder, "wrong password"));
        poll();
        CHECK(step.stage() == PaymentStage::Declined);
        CHECK(step.declineReason() == "wrong password");
    }

    TEST_CASE_FIXTURE(PaymentRig, "The QR order confirming on the phone: it is the QR order that is polled until paid")
    {
        begin();
        REQUIRE(gateway.makeUserPaying(kOrderNo));
        poll();
        CHECK(step.stage() == PaymentStage::UserPaying);
        REQUIRE(gateway.payOrder(kOrderNo));
        poll();
        CHECK(gateway.calls.back().orderNo == kOrderNo);
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kOrderNo);
        CHECK(gateway.callsOf(GatewayOp::Close) == 0);  // learned by query, not at the deadline
    }

    TEST_CASE_FIXTURE(PaymentRig, "A missed answer to a query is not a verdict")
    {
        begin();
        gateway.failNext(GatewayOp::Query, GatewayErrorKind::Unreachable);
        poll();
        CHECK(step.stage() == PaymentStage::AwaitingPatient);
        CHECK(step.nextDeadline() == clock.now() + PaymentStep::kPollEvery);
        REQUIRE(gateway.payOrder(kOrderNo));
        poll();
        CHECK(step.stage() == PaymentStage::Paid);
    }

    TEST_CASE_FIXTURE(PaymentRig,
                      "A QR order the channel closed itself is polled at the usual pace and a code still pays")
    {
        begin();
        REQUIRE(gateway.lapse(kOrderNo));
        poll();
        CHECK(step.stage() == PaymentStage::AwaitingPatient);
        // Every reply is followed by a tick in the shell: an answer must not make the next question immediate.
        step.tick();
        CHECK(loop.pendingJobs() == 0);
        CHECK(step.nextDeadline() == clock.now() + PaymentStep::kPollEvery);
        step.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kCodeOrder);
    }

    TEST_CASE_FIXTURE(PaymentRig, "At the deadline the order is closed and the step ends TimedOut")
    {
        begin();
        poll();
        clock.advance(step.deadline() - clock.now() - std::chrono::milliseconds(1));
        step.tick();
        loop.pump();
        CHECK(step.stage() == PaymentStage::AwaitingPatient);
        clock.advance(std::chrono::milliseconds(1));
        step.tick();
        CHECK(step.stage() == PaymentStage::Closing);
        CHECK_FALSE(step.nextDeadline().has_value());
        step.cancel();  // already closing: no second close
        loop.pump();
        CHECK(step.stage() == PaymentStage::TimedOut);
        CHECK(gateway.callsOf(GatewayOp::Close) == 1);
        CHECK(gateway.order(kOrderNo)->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(kOrderNo));  // too late for the phone
    }

    TEST_CASE_FIXTURE(PaymentRig, "Paid just before the deadline and not yet seen: the close finds it paid")
    {
        begin();
        REQUIRE(gateway.payOrder(kOrderNo));
        runOut();
        CHECK(gateway.trace() == std::vector<std::string>{kQr, kCloseQr, kQueryQr});
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kOrderNo);
    }

    TEST_CASE_FIXTURE(PaymentRig, "At the deadline with a code waiting for the password both orders are closed")
    {
        begin();
        gateway.userPayingNext();
        step.codeScanned(kWeChatCode);
        loop.pump();
        runOut();
        CHECK(step.stage() == PaymentStage::TimedOut);
        CHECK(gateway.order(kOrderNo)->state == PaymentState::Closed);
        CHECK(gateway.order(kCodeOrder)->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(kCodeOrder));
    }

    TEST_CASE_FIXTURE(PaymentRig, "Cancelled: the order is closed and the step ends Cancelled")
    {
        begin();
        step.cancel();
        CHECK(step.stage() == PaymentStage::Closing);
        loop.pump();
        CHECK(step.stage() == PaymentStage::Cancelled);
        CHECK(gateway.order(kOrderNo)->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(kOrderNo));
    }

    TEST_CASE_FIXTURE(PaymentRig, "Cancelled while the order is still being made: it is closed once made")
    {
        step.start(kOrderNo, kAmount, "门诊挂号费", clock.now() + PaymentStep::kDefaultTimeLimit);
        step.cancel();
        loop.pump();
        CHECK(step.stage() == PaymentStage::Cancelled);
        CHECK(gateway.trace() == std::vector<std::string>{kQr, kCloseQr});
    }

    TEST_CASE_FIXTURE(PaymentRig, "Cancelled but the phone had paid: the step ends Paid")
    {
        begin();
        REQUIRE(gateway.payOrder(kOrderNo));
        step.cancel();
        loop.pump();
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kOrderNo);
    }

    TEST_CASE_FIXTURE(PaymentRig, "Cancelled while a code is being charged and the charge goes through: Paid")
    {
        begin();
        step.codeScanned(kWeChatCode);
        step.cancel();
        loop.pump();
        CHECK(step.stage() == PaymentStage::Paid);
        CHECK(step.paid().orderNo == kCodeOrder);
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 1);
    }

    TEST_CASE_FIXTURE(PaymentRig, "The channel unreachable when the order is made: Unreachable and nothing taken")
    {
        gateway.unreachable = true;
        step.start(kOrderNo, kAmount, "门诊挂号费", clock.now() + PaymentStep::kDefaultTimeLimit);
        loop.pump();
        CHECK(step.stage() == PaymentStage::Unreachable);
        CHECK_FALSE(step.declineReason().empty());
        CHECK(isFinal(step.stage()));
    }

    TEST_CASE_FIXTURE(PaymentRig, "No answer to the close at the deadline: Uncertain and never assumed unpaid")
    {
        begin();
        gateway.failAlways(GatewayOp::Close, GatewayErrorKind::Unreachable);
        runOut();
        CHECK(step.stage() == PaymentStage::Uncertain);
    }

    TEST_CASE_FIXTURE(PaymentRig, "A code scanned while the QR order cannot be closed is not charged")
    {
        begin();
        gateway.failNext(GatewayOp::Close, GatewayErrorKind::Unreachable);
        step.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 0);
        CHECK(step.stage() == PaymentStage::Uncertain);
    }

    TEST_CASE_FIXTURE(PaymentRig, "The same order number twice at the channel never charges twice")
    {
        // The channel's side of the idempotency the step relies on.
        begin();
        REQUIRE(gateway.createQrOrder(kOrderNo, kAmount, "门诊挂号费"));
        auto first = gateway.chargeCode("X1", kAmount, "门诊挂号费", kWeChatCode);
        auto again = gateway.chargeCode("X1", kAmount, "门诊挂号费", kWeChatCode);
        REQUIRE(first);
        REQUIRE(again);
        CHECK(again->transactionId == first->transactionId);
        CHECK(gateway.paidCount == 1);
        auto refund = gateway.refund("X1", "X1R", "test");
        auto refundAgain = gateway.refund("X1", "X1R", "test");
        REQUIRE(refund);
        REQUIRE(refundAgain);
        CHECK(gateway.refundedTotal() == kAmount);
        CHECK_FALSE(gateway.refund("X1", "X1R2", "test"));  // refunded already
        CHECK(gateway.moneyTaken() == 0);
    }
}
