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

    TEST_CASE_FIXTURE(BillsRig, "Settlement never answered: left paid in the journal for recovery, not refunded")
    {
        load();
        confirmToPayment();
        hospital.failAlways(HospitalOp::Settle, BackendErrorKind::Unreachable);
        phonePays();
        CHECK(hospital.settleCalls.size() == 3);
        CHECK(flow.stage() == BillsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::CompletingLater);
        CHECK(flow.failure().moneyTaken);
        CHECK_FALSE(flow.failure().refunded);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        auto record = journal->find(flow.transactionNumber());
        REQUIRE(record.has_value());
        REQUIRE(record->has_value());
        CHECK((*record)->lastStep == journal::Step::Paid);
        CHECK((*record)->subjectRef.find(',') != std::string::npos);  // the order ids it pays, for recovery to settle
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
