#pragma once
// The payment step as a state machine: a hand-moved clock, a fake channel
// the test pays by hand, and a runner stepped by hand. Whatever happens, the
// money the channel kept is the amount once if the step says Paid, and
// nothing otherwise.
#include "flow_test_prelude.hpp"

#include "flows/payment_step.hpp"

using kiosk::payment::PayChannel;

namespace {

// Payment codes of the three channels and look-alikes that are not; all invented.
constexpr const char* kWeChatCode = "134567890123456789";     // 18 digits, 10–15
constexpr const char* kAlipayCode = "28763443825664394";      // 17 digits, 25–30
constexpr const char* kUnionPayCode = "6212345678901234567";  // 19 digits, 62
constexpr const char* kOrderNo = "K07-20261123100000-1";
constexpr payment::Fen kAmount = 5000;

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

