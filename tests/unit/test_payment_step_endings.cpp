// The payment step as a state machine: a hand-moved clock, a fake channel
// the test pays by hand, and a runner stepped by hand. Whatever happens, the
// money the channel kept is the amount once if the step says Paid, and
// nothing otherwise.
#include "payment_step_rig.hpp"

TEST_SUITE("payment_step")
{
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
