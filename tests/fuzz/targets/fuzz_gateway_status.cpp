// The payment step against any sequence of channel replies: states, amounts
// and order numbers decided by the input, answers lost or refused, the
// patient paying, confirming, being declined or scanning a code at any
// moment, time moving by any amount, jobs and replies interleaved in any
// order. Whatever happens, the step must not report Paid unless the channel
// said that very order was paid for that amount, must not end unpaid when
// the money was taken, must not let two orders be paid, and must end.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fake_hospital.hpp"
#include "flows/payment_step.hpp"
#include "step_runner.hpp"
#include "support/fuzz_bytes.hpp"
#include "support/scripted_gateway.hpp"

using namespace kiosk;
using kiosk::flows::PaymentStage;
using kiosk::flows::PaymentStep;
using kiosk::fuzz::FuzzBytes;
using kiosk::fuzz::require;

namespace {

constexpr const char* kOrderNo = "K07-20261123100000-1";

// Payment codes of the three channels, and scans that are not payment codes.
std::string scannedCode(FuzzBytes& in)
{
    switch (in.pick(5)) {
    case 0: return "134567890123456789";
    case 1: return "28763443825664394";
    case 2: return "6212345678901234567";
    case 3: return "https://example.invalid/report/42";
    default: return in.text(24);
    }
}

bool unpaidEnding(PaymentStage stage)
{
    return stage == PaymentStage::Declined || stage == PaymentStage::TimedOut || stage == PaymentStage::Cancelled ||
           stage == PaymentStage::Unreachable;
}

struct Rig {
    explicit Rig(FuzzBytes& in) : gateway(in) {}

    ManualClock clock;
    CatalogSet catalogs;
    test::FakeHospital hospital{clock};
    fuzz::ScriptedGateway gateway;
    test::FakeReceiptPrinter printer;
    test::FlowLoop loop;
    flows::FlowContext context = loop.makeContext(clock, hospital, gateway, printer, catalogs);
    PaymentStep step{context};
};

void checkInvariants(Rig& rig, payment::Fen amount)
{
    const PaymentStep& step = rig.step;
    require(rig.gateway.paidOrders() <= 1, "two orders were paid for one payment");
    if (step.stage() == PaymentStage::Paid) {
        const std::string& paid = step.paid().orderNo;
        require(paid == step.qrOrderNo() || (!step.codeOrderNo().empty() && paid == step.codeOrderNo()),
                "Paid for an order the kiosk did not open");
        require(rig.gateway.saidPaid.contains(paid), "Paid for an order the channel did not say was paid");
        require(step.paid().amount == amount, "Paid with another amount than the one asked");
    }
    if (unpaidEnding(step.stage())) {
        for (const std::string& order : {step.qrOrderNo(), step.codeOrderNo()})
            require(!rig.gateway.saidPaid.contains(order), "an unpaid ending after the channel said Paid");
        require(rig.gateway.paidOrders() == 0, "an unpaid ending while the channel holds the money");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzBytes in(data, size);
    Rig rig(in);
    payment::Fen amount = 1 + in.u32() % 1'000'000;
    rig.step.start(kOrderNo, amount, "门诊挂号费", rig.clock.now() + PaymentStep::kDefaultTimeLimit);

    // The patient, the clock and the threads, in the order the input says.
    for (int actions = 0; !in.empty() && actions < 256; ++actions) {
        switch (in.pick(7)) {
        case 0: rig.clock.advance(std::chrono::seconds(in.pick(64))); break;
        case 1: rig.step.tick(); break;
        case 2: rig.step.codeScanned(scannedCode(in)); break;
        case 3: rig.step.cancel(); break;
        case 4: rig.loop.runner.runOne(); break;
        case 5: rig.loop.applyOne(); break;
        default: rig.loop.pump(); break;
        }
        checkInvariants(rig, amount);
    }

    // Then the channel answers truly and the patient does nothing: the
    // deadline must bring the step to an end.
    for (int polls = 0; polls < 400 && !flows::isFinal(rig.step.stage()); ++polls) {
        rig.loop.pump();
        checkInvariants(rig, amount);
        if (flows::isFinal(rig.step.stage())) break;
        rig.clock.advance(PaymentStep::kPollEvery);
        rig.step.tick();
    }
    rig.loop.pump();
    require(flows::isFinal(rig.step.stage()), "the payment step never reached an end");
    checkInvariants(rig, amount);
    return 0;
}
