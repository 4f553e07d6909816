// Bill payment as a state machine, without the UI: an in-memory hospital
// whose orders are settled by idempotency key, a payment channel the test
// pays by hand, a receipt printer that may fail, a clock that moves when
// told, and a runner stepped by hand. Every test ends on the money
// invariant: the channel kept exactly the settled total, once, if the
// hospital issued an invoice, and nothing otherwise, unless the flow itself
// tells the patient that money was taken and not returned.
#include "bills_flow_rig.hpp"

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
}
