#pragma once
// Bill payment as a state machine, without the UI: an in-memory hospital
// whose orders are settled by idempotency key, a payment channel the test
// pays by hand, a receipt printer that may fail, a clock that moves when
// told, and a runner stepped by hand. Every test ends on the money
// invariant: the channel kept exactly the settled total, once, if the
// hospital issued an invoice, and nothing otherwise, unless the flow itself
// tells the patient that money was taken and not returned.
#include "flow_test_prelude.hpp"

#include <variant>

#include "documents/registration_slip.hpp"
#include "flows/bills_flow.hpp"

namespace {

constexpr const char* kWeChatCode = "134567890123456789";
constexpr const char* kPrescription = "RX26000001";
constexpr const char* kLabTest = "LB26000002";
constexpr const char* kExam = "EX26000003";
constexpr hospital::Fen kPrescriptionTotal = 2 * 3650 + 1580;
constexpr hospital::Fen kLabTestTotal = 2500 + 6000;
constexpr hospital::Fen kExamTotal = 22000;
constexpr hospital::Fen kAllTotal = kPrescriptionTotal + kLabTestTotal + kExamTotal;

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

struct BillsRig : test::DrivesPayment<BillsRig> {
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
        journal.checkAgrees(flow.transactionNumber(), flow.invoice().has_value(), flow.receiptPrinted(),
                            flow.failure());
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
    test::TempJournal journal{clock};
    FlowContext context = test::withJournal(loop.makeContext(clock, hospital, gateway, printer, catalogs,
                                                             [this](DeviceRole role) {
                                                                 devicesAsked.push_back(role);
                                                                 DeviceReport r = printerReport;
                                                                 r.role = role;
                                                                 return r;
                                                             }),
                                            journal);
    BillsFlow flow{context, patientCard()};
};

} // namespace

