// The payment step as a state machine: a hand-moved clock, a fake channel
// the test pays by hand, and a runner stepped by hand. Whatever happens, the
// money the channel kept is the amount once if the step says Paid, and
// nothing otherwise.
#include "payment_step_rig.hpp"

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
}
