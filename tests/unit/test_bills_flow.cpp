// Bill payment as a state machine, without the UI: an in-memory hospital
// whose orders are settled by idempotency key, a payment channel the test
// pays by hand, a receipt printer that may fail, a clock that moves when
// told, and a runner stepped by hand. Every test ends on the money
// invariant: the channel kept exactly the settled total, once, if the
// hospital issued an invoice, and nothing otherwise, unless the flow itself
// tells the patient that money was taken and not returned.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "documents/registration_slip.hpp"
#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "flows/bills_flow.hpp"
#include "step_runner.hpp"

using namespace kiosk;
using namespace kiosk::flows;
using kiosk::hospital::BackendErrorKind;
using kiosk::payment::GatewayErrorKind;
using kiosk::payment::PaymentState;
using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::FakeReceiptPrinter;
using kiosk::test::GatewayOp;
using kiosk::test::HospitalOp;

namespace {

constexpr const char* kWeChatCode = "134567890123456789";
constexpr const char* kPrescription = "RX26000001";
constexpr const char* kLabTest = "LB26000002";
constexpr const char* kExam = "EX26000003";
constexpr hospital::Fen kPrescriptionTotal = 2 * 3650 + 1580;
constexpr hospital::Fen kLabTestTotal = 2500 + 6000;
constexpr hospital::Fen kExamTotal = 22000;
constexpr hospital::Fen kAllTotal = kPrescriptionTotal + kLabTestTotal + kExamTotal;

CatalogSet shippedCatalogs()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

IdentityCard patientCard()
{
    IdentityCard card;
    card.name = "张小三";
    card.idNumber = "440106198503121234";
    card.sex = Sex::Male;
    card.birthDate = {1985, 3, 12};
    return card;
}

hospital::ChargeItem item(std::string id, std::string name, std::string unit, int quantity, hospital::Fen unitPrice)
{
    return hospital::ChargeItem{std::move(id), "C-" + id, std::move(name), std::move(unit), quantity, unitPrice};
}

hospital::Order order(std::string id, hospital::OrderKind kind, std::string department, std::string doctor,
                      std::vector<hospital::ChargeItem> items)
{
    hospital::Order o;
    o.id = std::move(id);
    o.kind = kind;
    o.departmentName = std::move(department);
    o.doctorName = std::move(doctor);
    o.items = std::move(items);
    return o;
}

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

struct BillsRig {
    BillsRig()
    {
        hospital.orderList = {
            order(kPrescription, hospital::OrderKind::Prescription, "心血管内科", "李明",
                  {item("RX1", "阿托伐他汀钙片", "盒", 2, 3650), item("RX2", "阿司匹林肠溶片", "盒", 1, 1580)}),
            order(kLabTest, hospital::OrderKind::LabTest, "检验科", "李明",
                  {item("LB1", "血常规", "项", 1, 2500), item("LB2", "血脂四项", "项", 1, 6000)}),
            order(kExam, hospital::OrderKind::Exam, "超声科", "王芳", {item("EX1", "心脏彩超", "次", 1, kExamTotal)}),
        };
        // As the shell does: a reply applied is followed by a tick.
        loop.afterReply = [this] { flow.tick(); };
    }

    ~BillsRig()
    {
        CHECK(gateway.paidCount <= 1);  // never charged twice
        CHECK(gateway.moneyTaken() == moneyTheFlowAdmits());
        if (flow.invoice()) {
            // Settled exactly once, for exactly what was taken, by the payment that took it.
            CHECK(hospital.invoices.size() == 1);
            CHECK(flow.invoice()->total == gateway.moneyTaken());
            CHECK(flow.invoice()->total == flow.payment().amount());
            CHECK(flow.invoice()->paymentReference == flow.payment().paid().orderNo);
            CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        } else {
            CHECK(hospital.invoices.empty());
        }
        CHECK(catalogs.missingKeys().empty());
    }

    /// What the flow says was kept: the invoice's total, or the amount it reports taken and not returned.
    payment::Fen moneyTheFlowAdmits() const
    {
        if (flow.invoice()) return flow.invoice()->total;
        const FlowFailure& f = flow.failure();
        if (f.moneyTaken && !f.refunded) return flow.payment().amount();
        return 0;
    }

    void load()
    {
        flow.start();
        CHECK(flow.stage() == BillsStage::Loading);
        loop.pump();
        REQUIRE(flow.stage() == BillsStage::Review);
    }
    /// Confirms the selection and lets the QR order be made.
    void confirmToPayment()
    {
        flow.confirm();
        loop.pump();
        REQUIRE(flow.stage() == BillsStage::Paying);
        REQUIRE(flow.payment().stage() == PaymentStage::AwaitingPatient);
    }
    /// One poll interval on, as the frame loop ticks.
    void poll()
    {
        clock.advance(PaymentStep::kPollEvery);
        flow.tick();
        loop.pump();
    }
    void phonePays()
    {
        REQUIRE(gateway.payOrder(flow.transactionNumber()));
        poll();
    }
    void runOut()
    {
        clock.advance(flow.payment().deadline() - clock.now());
        flow.tick();
        loop.pump();
    }
    std::string prefix() const { return context.transactionPrefix; }
    const ReceiptDocument& receipt() const
    {
        REQUIRE(printer.printed.size() == 1);
        return printer.printed.front();
    }
    void noMoneyMoved() const
    {
        CHECK(hospital.settleCalls.empty());
        CHECK(hospital.invoices.empty());
        CHECK(gateway.moneyTaken() == 0);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK(printer.printed.empty());
        for (const auto& o : hospital.orderList)
            CHECK_FALSE(hospital.paid(o.id));
    }

    ManualClock clock;
    CatalogSet catalogs = shippedCatalogs();
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    FakeReceiptPrinter printer;
    DeviceReport printerReport{DeviceRole::ReceiptPrinter, DeviceHealth::Ready, DeviceProblem::None, {}};
    std::vector<DeviceRole> devicesAsked;
    test::FlowLoop loop;
    FlowContext context = loop.makeContext(clock, hospital, gateway, printer, catalogs, [this](DeviceRole role) {
        devicesAsked.push_back(role);
        DeviceReport r = printerReport;
        r.role = role;
        return r;
    });
    BillsFlow flow{context, patientCard()};
};

} // namespace

TEST_SUITE("bills_flow")
{
    TEST_CASE_FIXTURE(BillsRig, "The unpaid orders are listed with their items and all preselected")
    {
        load();
        REQUIRE(flow.orders().size() == 3);
        CHECK(flow.orders()[0].id == kPrescription);
        CHECK(flow.orders()[0].items.size() == 2);
        CHECK(flow.orders()[2].id == kExam);
        for (const auto& o : flow.orders())
            CHECK(flow.selected(o.id));
        CHECK(flow.selectedTotal() == kAllTotal);
        CHECK_FALSE(flow.busy());
        CHECK(hospital.callsOf(HospitalOp::FindPatient) == 1);
        CHECK(hospital.callsOf(HospitalOp::Orders) == 1);
        CHECK(devicesAsked.empty());  // the printer is asked about at confirm, not before
        CHECK(gateway.calls.empty());
    }

    TEST_CASE_FIXTURE(BillsRig, "Leaving an order out: the total follows, and unknown ids are ignored")
    {
        load();
        flow.toggle(kExam);
        CHECK_FALSE(flow.selected(kExam));
        CHECK(flow.selected(kPrescription));
        CHECK(flow.selected(kLabTest));
        CHECK(flow.selectedTotal() == kPrescriptionTotal + kLabTestTotal);
        flow.toggle("RX99999999");
        CHECK_FALSE(flow.selected("RX99999999"));
        CHECK(flow.selectedTotal() == kPrescriptionTotal + kLabTestTotal);
        flow.toggle(kExam);
        CHECK(flow.selected(kExam));
        CHECK(flow.selectedTotal() == kAllTotal);
        flow.toggle(kLabTest);
        CHECK(flow.selectedTotal() == kPrescriptionTotal + kExamTotal);
    }

    TEST_CASE_FIXTURE(BillsRig, "Confirm with nothing selected does nothing")
    {
        load();
        for (const auto& o : flow.orders())
            flow.toggle(o.id);
        CHECK(flow.selectedTotal() == 0);
        flow.confirm();
        CHECK(flow.stage() == BillsStage::Review);
        CHECK(loop.pump() == 0);
        CHECK(gateway.calls.empty());
        flow.toggle(kLabTest);  // still choosing
        CHECK(flow.selectedTotal() == kLabTestTotal);
        noMoneyMoved();
    }

    TEST_CASE_FIXTURE(BillsRig, "Happy path: one order left out, paid by QR, settled, receipt printed, Done")
    {
        load();
        flow.toggle(kExam);
        flow.confirm();
        CHECK(flow.stage() == BillsStage::Paying);
        CHECK(flow.busy());
        CHECK(devicesAsked == std::vector<DeviceRole>{DeviceRole::ReceiptPrinter});
        flow.toggle(kExam);  // the selection is fixed once paying
        CHECK_FALSE(flow.selected(kExam));
        loop.pump();
        REQUIRE(flow.payment().stage() == PaymentStage::AwaitingPatient);
        CHECK(flow.transactionNumber() == prefix());
        CHECK(flow.payment().amount() == kPrescriptionTotal + kLabTestTotal);
        REQUIRE(gateway.order(prefix()));
        CHECK(gateway.order(prefix())->amount == kPrescriptionTotal + kLabTestTotal);
        CHECK(gateway.order(prefix())->subject == catalogs.text(Language::ZhCN, "payment.subject.bills"));

        phonePays();
        CHECK(flow.stage() == BillsStage::Done);
        CHECK_FALSE(flow.busy());
        CHECK_FALSE(flow.nextDeadline().has_value());

        // Settled once: exactly the orders chosen, the amount paid, the payment that paid it, the flow's key.
        REQUIRE(hospital.settleCalls.size() == 1);
        const auto& call = hospital.settleCalls[0];
        CHECK(call.patientId == hospital.patientId);
        CHECK(call.orderIds == std::vector<std::string>{kPrescription, kLabTest});
        CHECK(call.expectedTotal == kPrescriptionTotal + kLabTestTotal);
        CHECK(call.expectedTotal == gateway.moneyTaken());
        CHECK(call.paymentReference == prefix());
        CHECK(call.key == prefix() + "-S");
        CHECK(hospital.paid(kPrescription));
        CHECK(hospital.paid(kLabTest));
        CHECK_FALSE(hospital.paid(kExam));  // left out: still to pay
        REQUIRE(flow.invoice());
        CHECK(flow.invoice()->orderIds == call.orderIds);
        CHECK(gateway.moneyTaken() == kPrescriptionTotal + kLabTestTotal);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK_FALSE(flow.cancelled());

        // The receipt: the items and total, the masked name only, the e-invoice as a QR code.
        CHECK(flow.receiptPrinted());
        std::string text = FakeReceiptPrinter::allText(receipt());
        CHECK(contains(text, "测试市第一人民医院"));
        CHECK(contains(text, "阿托伐他汀钙片 2盒 " + formatYuan(2 * 3650)));
        CHECK(contains(text, "阿司匹林肠溶片"));
        CHECK(contains(text, "血常规"));
        CHECK(contains(text, "血脂四项"));
        CHECK_FALSE(contains(text, "心脏彩超"));
        CHECK(contains(text, formatYuan(kPrescriptionTotal + kLabTestTotal)));
        CHECK(contains(text, "张*三"));
        CHECK_FALSE(contains(text, "张小三"));
        CHECK_FALSE(contains(text, "小"));
        CHECK_FALSE(contains(text, "440106198503121234"));
        CHECK(contains(text, flow.invoice()->id));
        CHECK(contains(text, gateway.order(prefix())->transactionId));
        std::vector<std::string> qrCodes;
        for (const ReceiptElement& e : receipt().elements)
            if (const auto* qr = std::get_if<ReceiptQrCode>(&e)) qrCodes.push_back(qr->data);
        CHECK(qrCodes == std::vector<std::string>{flow.invoice()->eInvoiceUrl});
        CHECK_FALSE(flow.invoice()->eInvoiceUrl.empty());

        flow.cancel();  // on the Done screen: leaves, changes nothing
        CHECK(flow.cancelled());
        CHECK(flow.stage() == BillsStage::Done);
    }

    TEST_CASE_FIXTURE(BillsRig, "Paid by payment code: settled with the code's order as the payment")
    {
        load();
        confirmToPayment();
        flow.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(flow.stage() == BillsStage::Done);
        REQUIRE(hospital.settleCalls.size() == 1);
        CHECK(hospital.settleCalls[0].paymentReference == prefix() + "C");
        CHECK(hospital.settleCalls[0].expectedTotal == kAllTotal);
        CHECK(gateway.order(prefix())->state == PaymentState::Closed);
        CHECK(flow.receiptPrinted());
    }

    TEST_CASE_FIXTURE(BillsRig, "Receipt printer not ready: confirm fails before any payment")
    {
        SUBCASE("fault")
        {
            printerReport.health = DeviceHealth::Fault;
            printerReport.problem = DeviceProblem::PaperOut;
        }
        SUBCASE("missing")
        {
            printerReport.health = DeviceHealth::Missing;
            printerReport.problem = DeviceProblem::NotConnected;
        }
        printerReport.detail = "paper out";
        load();
        flow.confirm();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PrinterNotReady);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(loop.pump() == 0);
        CHECK(gateway.calls.empty());
        noMoneyMoved();
    }

    TEST_CASE_FIXTURE(BillsRig, "A printer with a warning or one that cannot tell does not stop payment")
    {
        SUBCASE("warning")
        {
            printerReport.health = DeviceHealth::Warning;
        }
        SUBCASE("unknown")
        {
            printerReport.health = DeviceHealth::Unknown;
        }
        load();
        confirmToPayment();
        phonePays();
        CHECK(flow.stage() == BillsStage::Done);
    }

    TEST_CASE_FIXTURE(BillsRig, "Settlement refused after payment (the bill changed): refunded once, AmountChanged")
    {
        SUBCASE("a price changed while the patient paid")
        {
            load();
            confirmToPayment();
            hospital.orderList[0].items[0].unitPrice += 100;
        }
        SUBCASE("an order was paid elsewhere meanwhile (Conflict)")
        {
            load();
            confirmToPayment();
            hospital.failNext(HospitalOp::Settle, BackendErrorKind::Conflict);
        }
        phonePays();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::AmountChanged);
        CHECK(flow.failure().moneyTaken);
        CHECK(flow.failure().refunded);
        CHECK(hospital.settleCalls.size() == 1);  // a refusal is not retried
        REQUIRE(gateway.callsOf(GatewayOp::Refund) == 1);
        CHECK(gateway.calls.back().op == GatewayOp::Refund);
        CHECK(gateway.calls.back().orderNo == flow.payment().paid().orderNo);
        CHECK(gateway.order(prefix())->state == PaymentState::Refunded);
        CHECK(gateway.refundedTotal() == kAllTotal);
        CHECK(gateway.moneyTaken() == 0);
        CHECK_FALSE(flow.invoice());
        CHECK(printer.printed.empty());
        for (const auto& o : hospital.orderList)
            CHECK_FALSE(hospital.paid(o.id));
    }

    TEST_CASE_FIXTURE(BillsRig, "Settlement refused, refund failed: the patient is told the money was not returned")
    {
        load();
        confirmToPayment();
        hospital.failNext(HospitalOp::Settle, BackendErrorKind::Invalid);
        gateway.failNext(GatewayOp::Refund, GatewayErrorKind::Unreachable);
        phonePays();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::AmountChanged);
        CHECK(flow.failure().moneyTaken);
        CHECK_FALSE(flow.failure().refunded);
        CHECK(contains(flow.failure().detail, "refund failed"));
        CHECK(gateway.moneyTaken() == kAllTotal);
    }

    TEST_CASE_FIXTURE(BillsRig, "Settlement unanswered and then answered on retry: settled once with the same key")
    {
        SUBCASE("the first attempt never reached the hospital")
        {
            hospital.failNext(HospitalOp::Settle, BackendErrorKind::Unreachable);
        }
        SUBCASE("the first attempt was settled but its answer was lost")
        {
            hospital.loseAnswers(HospitalOp::Settle);
        }
        load();
        confirmToPayment();
        phonePays();
        CHECK(flow.stage() == BillsStage::Done);
        REQUIRE(hospital.settleCalls.size() == 2);
        CHECK(hospital.settleCalls[0].key == hospital.settleCalls[1].key);
        CHECK(hospital.settleCalls[0].orderIds == hospital.settleCalls[1].orderIds);
        CHECK(hospital.settleCalls[0].expectedTotal == hospital.settleCalls[1].expectedTotal);
        CHECK(hospital.invoices.size() == 1);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK(flow.receiptPrinted());
    }

    TEST_CASE_FIXTURE(BillsRig, "Every answer to the settlement lost: found by its key, not refunded")
    {
        // The first attempt settled the orders; its answer and every retry's answer were lost on the way back.
        hospital.loseAnswers(HospitalOp::Settle, 3);
        load();
        confirmToPayment();
        phonePays();
        CHECK(hospital.settleCalls.size() == 3);
        CHECK(hospital.invoices.size() == 1);
        CHECK(flow.stage() == BillsStage::Done);
        REQUIRE(flow.invoice());
        CHECK(flow.invoice()->id == hospital.invoices.begin()->first);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK(gateway.moneyTaken() == kAllTotal);
        CHECK(flow.receiptPrinted());
    }

    TEST_CASE_FIXTURE(BillsRig, "Settlement never answered: refunded after the attempts run out")
    {
        load();
        confirmToPayment();
        hospital.failAlways(HospitalOp::Settle, BackendErrorKind::Unreachable);
        phonePays();
        CHECK(hospital.settleCalls.size() == 3);
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::BackendUnreachable);
        CHECK(flow.failure().moneyTaken);
        CHECK(flow.failure().refunded);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 1);
    }

    TEST_CASE_FIXTURE(BillsRig, "Payment declined: Failed(PaymentDeclined), nothing settled or taken")
    {
        load();
        confirmToPayment();
        gateway.declineNext("余额不足");
        flow.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentDeclined);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK_FALSE(flow.cancelled());
        noMoneyMoved();
    }

    TEST_CASE_FIXTURE(BillsRig, "Payment timed out: the order closed, Failed(PaymentTimedOut), nothing settled")
    {
        load();
        confirmToPayment();
        poll();
        runOut();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentTimedOut);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(gateway.order(prefix())->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(prefix()));
        noMoneyMoved();
    }

    TEST_CASE_FIXTURE(BillsRig, "The payment channel unreachable: Failed(PaymentUnavailable), nothing settled")
    {
        gateway.unreachable = true;
        load();
        flow.confirm();
        loop.pump();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentUnavailable);
        CHECK_FALSE(flow.failure().moneyTaken);
        noMoneyMoved();
    }

    TEST_CASE_FIXTURE(BillsRig, "Cancelled during payment: the order closed, nothing settled or taken")
    {
        load();
        confirmToPayment();
        flow.cancel();
        CHECK_FALSE(flow.cancelled());  // not until the close says nothing was paid
        loop.pump();
        CHECK(flow.cancelled());
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::None);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(gateway.order(prefix())->state == PaymentState::Closed);
        noMoneyMoved();
    }

    TEST_CASE_FIXTURE(BillsRig, "Cancelled but the order turns out paid at the close: settled and printed")
    {
        load();
        confirmToPayment();
        REQUIRE(gateway.payOrder(prefix()));
        flow.cancel();
        loop.pump();
        CHECK_FALSE(flow.cancelled());
        CHECK(flow.stage() == BillsStage::Done);
        CHECK(hospital.settleCalls.size() == 1);
        CHECK(flow.receiptPrinted());
    }

    TEST_CASE_FIXTURE(BillsRig, "The receipt printer fails at print time: Done without a receipt, the invoice kept")
    {
        printer.failPrints = true;
        load();
        confirmToPayment();
        phonePays();
        CHECK(flow.stage() == BillsStage::Done);
        CHECK_FALSE(flow.receiptPrinted());
        CHECK(printer.printed.size() == 1);
        REQUIRE(flow.invoice());
        CHECK(hospital.invoices.size() == 1);
        CHECK(hospital.paid(kPrescription));
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
    }

    TEST_CASE_FIXTURE(BillsRig, "No unpaid orders: NothingToPay, and confirm does nothing")
    {
        hospital.orderList.clear();
        flow.start();
        loop.pump();
        CHECK(flow.stage() == BillsStage::NothingToPay);
        CHECK(flow.orders().empty());
        CHECK(flow.selectedTotal() == 0);
        flow.confirm();
        CHECK(flow.stage() == BillsStage::NothingToPay);
        CHECK(loop.pump() == 0);
        CHECK(gateway.calls.empty());
        flow.cancel();
        CHECK(flow.cancelled());
    }

    TEST_CASE_FIXTURE(BillsRig, "The hospital unreachable when the orders are listed: Failed(BackendUnreachable)")
    {
        SUBCASE("everything down")
        {
            hospital.failEverything(BackendErrorKind::Unreachable);
        }
        SUBCASE("the order list unanswered")
        {
            hospital.failNext(HospitalOp::Orders, BackendErrorKind::Unreachable);
        }
        flow.start();
        loop.pump();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::BackendUnreachable);
        CHECK(flow.orders().empty());
        flow.confirm();
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(gateway.calls.empty());
        noMoneyMoved();
    }
}
