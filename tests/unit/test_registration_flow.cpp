// Registration as a state machine, without the UI: an in-memory hospital, a
// payment channel the test pays by hand, a printer that may fail, a clock
// that moves when told, and a runner stepped by hand. Every test ends on the
// money invariant: the channel kept the fee exactly once if an appointment
// was booked, and nothing otherwise, unless the flow itself tells the
// patient that money was taken and not returned.
#include "registration_flow_rig.hpp"

TEST_SUITE("registration_flow")
{
    TEST_CASE_FIXTURE(RegistrationRig,
                      "Happy path: department → doctor → period → confirm → hold → QR paid → booked → slip")
    {
        load();
        REQUIRE(flow.departments().size() == 2);
        CHECK(flow.departments()[0].name == "心血管内科");

        flow.chooseDepartment("D01");
        CHECK(flow.stage() == RegistrationStage::LoadingDoctors);
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::ChooseDoctor);
        // Full slots and periods already over are not offered; the soonest doctor comes first.
        REQUIRE(flow.doctors().size() == 2);
        CHECK(flow.doctors()[0].doctor.id == "DR1");
        REQUIRE(flow.doctors()[0].slots.size() == 1);
        CHECK(flow.doctors()[0].slots[0].id == "S1");
        CHECK(flow.doctors()[0].remaining == 5);
        CHECK(flow.doctors()[0].fee == kExpertFee);
        CHECK(flow.doctors()[1].doctor.id == "DR2");
        REQUIRE(flow.doctors()[1].slots.size() == 1);
        CHECK(flow.doctors()[1].slots[0].id == "S4");

        flow.chooseDoctor("nobody");
        CHECK(flow.stage() == RegistrationStage::ChooseDoctor);
        flow.chooseDoctor("DR1");
        REQUIRE(flow.stage() == RegistrationStage::ChoosePeriod);
        flow.choosePeriod("S2");  // not offered
        CHECK(flow.stage() == RegistrationStage::ChoosePeriod);
        flow.choosePeriod("S1");
        REQUIRE(flow.stage() == RegistrationStage::Confirm);
        CHECK(flow.chosenDepartment()->id == "D01");
        CHECK(flow.chosenDoctor()->doctor.name == "李明");
        CHECK(flow.chosenSlot()->id == "S1");
        CHECK(gateway.calls.empty());
        CHECK(hospital.holdCalls.empty());

        flow.confirm();
        CHECK(flow.stage() == RegistrationStage::Holding);
        CHECK(devicesAsked == std::vector<DeviceRole>{DeviceRole::ReceiptPrinter});
        flow.confirm();  // a second tap does nothing
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::Paying);
        REQUIRE(flow.payment().stage() == PaymentStage::AwaitingPatient);
        REQUIRE(hospital.holdCalls.size() == 1);
        CHECK(hospital.holdCalls[0].slotId == "S1");
        CHECK(hospital.holdCalls[0].patientId == hospital.patientId);
        CHECK(hospital.holdCalls[0].key == prefix() + "-H");
        CHECK(hospital.slot("S1")->remaining == 4);
        CHECK(flow.transactionNumber() == prefix());
        CHECK(flow.payment().amount() == kExpertFee);
        REQUIRE(gateway.order(prefix()));
        CHECK(gateway.order(prefix())->subject == catalogs.text(Language::ZhCN, "payment.subject.registration"));
        CHECK(flow.nextDeadline() == clock.now() + PaymentStep::kPollEvery);

        phonePays();
        CHECK(flow.stage() == RegistrationStage::Done);
        CHECK_FALSE(flow.nextDeadline().has_value());
        REQUIRE(hospital.bookCalls.size() == 1);
        CHECK(hospital.bookCalls[0].holdId == "H1");
        CHECK(hospital.bookCalls[0].paymentReference == prefix());
        CHECK(hospital.bookCalls[0].key == prefix() + "-B");
        CHECK(hospital.holdsMade == 1);
        CHECK(hospital.releaseCalls.empty());
        REQUIRE(flow.appointment());
        CHECK(flow.appointment()->queueNumber == 17);
        CHECK(flow.slipPrinted());
        CHECK(gateway.moneyTaken() == kExpertFee);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK_FALSE(flow.cancelled());

        // The slip: the queue number on a line of its own, the masked name, never the full name or ID number.
        std::vector<std::string> lines = FakeReceiptPrinter::lines(printer.printed.at(0));
        CHECK(std::ranges::find(lines, "17") != lines.end());
        std::string slip = slipText();
        CHECK(contains(slip, "张*三"));
        CHECK_FALSE(contains(slip, "张小三"));
        CHECK_FALSE(contains(slip, "小"));
        CHECK_FALSE(contains(slip, "440106198503121234"));
        CHECK(contains(slip, "心血管内科"));
        CHECK(contains(slip, "李明"));
        CHECK(contains(slip, "¥50.00"));
        CHECK(contains(slip, gateway.order(prefix())->transactionId));
        CHECK(contains(slip, "测试市第一人民医院"));
    }

    TEST_CASE_FIXTURE(RegistrationRig,
                      "Paid by payment code: the QR order is closed first and the code's order charged")
    {
        walkToConfirm();
        confirmToPayment();
        flow.codeScanned(kWeChatCode);
        CHECK(flow.payment().stage() == PaymentStage::Charging);
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Done);
        std::vector<std::string> expected{"create:" + prefix(), "close:" + prefix(), "charge:" + prefix() + "C"};
        CHECK(gateway.trace() == expected);
        CHECK(gateway.order(prefix())->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(prefix()));  // the phone can no longer pay the QR as well
        REQUIRE(hospital.bookCalls.size() == 1);
        CHECK(hospital.bookCalls[0].paymentReference == prefix() + "C");
        CHECK(flow.slipPrinted());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "A scan that is not a payment code is ignored during payment and before it")
    {
        walkToConfirm();
        flow.codeScanned(kWeChatCode);  // not paying yet
        CHECK(flow.stage() == RegistrationStage::Confirm);
        confirmToPayment();
        flow.codeScanned("123456789012");
        flow.codeScanned("HK1:not-a-slip");
        flow.codeScanned("13456789012345678");
        CHECK(loop.pump() == 0);
        CHECK(flow.payment().stage() == PaymentStage::AwaitingPatient);
        CHECK(gateway.callsOf(GatewayOp::Close) == 0);
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 0);
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Done);
    }

    TEST_CASE_FIXTURE(RegistrationRig,
                      "Payment declined: Failed(PaymentDeclined) with the hold released and nothing taken")
    {
        walkToConfirm();
        confirmToPayment();
        gateway.declineNext("余额不足");
        flow.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentDeclined);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(hospital.releaseCalls == std::vector<std::string>{"H1"});
        CHECK(hospital.liveHolds.empty());
        CHECK(hospital.slot("S1")->remaining == 5);
        CHECK(hospital.bookCalls.empty());
        CHECK(printer.printed.empty());
        CHECK(gateway.moneyTaken() == 0);
    }

    TEST_CASE_FIXTURE(RegistrationRig,
                      "Payment timed out: the order closed and Failed(PaymentTimedOut) with the hold released")
    {
        walkToConfirm();
        confirmToPayment();
        poll();
        CHECK(flow.payment().deadline() == clock.now() - PaymentStep::kPollEvery + PaymentStep::kDefaultTimeLimit);
        runOut();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentTimedOut);
        CHECK(gateway.order(prefix())->state == PaymentState::Closed);
        CHECK_FALSE(gateway.payOrder(prefix()));
        CHECK(hospital.releaseCalls == std::vector<std::string>{"H1"});
        CHECK(hospital.bookCalls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "A short hold ends the payment before the hold runs out")
    {
        hospital.holdFor = std::chrono::minutes(2);
        walkToConfirm();
        confirmToPayment();
        CHECK(flow.payment().deadline() == clock.now() + std::chrono::seconds(90));
        runOut();
        CHECK(flow.failure().kind == FailureKind::PaymentTimedOut);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Paid late and found at the close: treated as paid and booked")
    {
        walkToConfirm();
        confirmToPayment();
        REQUIRE(gateway.payOrder(prefix()));  // no poll sees it before the deadline
        runOut();
        CHECK(gateway.callsOf(GatewayOp::Close, prefix()) == 1);
        CHECK(flow.payment().stage() == PaymentStage::Paid);
        CHECK(flow.stage() == RegistrationStage::Done);
        CHECK(hospital.bookCalls.size() == 1);
        CHECK(hospital.releaseCalls.empty());
        CHECK(flow.slipPrinted());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Cancelled during payment: the order closed and the hold released")
    {
        walkToConfirm();
        confirmToPayment();
        flow.back();  // not while money may move
        CHECK(flow.stage() == RegistrationStage::Paying);
        flow.cancel();
        CHECK_FALSE(flow.cancelled());  // not until the close says nothing was paid
        loop.pump();
        CHECK(flow.cancelled());
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::None);
        CHECK(gateway.order(prefix())->state == PaymentState::Closed);
        CHECK(hospital.releaseCalls == std::vector<std::string>{"H1"});
        CHECK(hospital.bookCalls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Cancelled but the order turns out paid at the close: the flow books")
    {
        walkToConfirm();
        confirmToPayment();
        REQUIRE(gateway.payOrder(prefix()));
        flow.cancel();
        loop.pump();
        CHECK_FALSE(flow.cancelled());
        CHECK(flow.stage() == RegistrationStage::Done);
        CHECK(hospital.bookCalls.size() == 1);
        CHECK(hospital.releaseCalls.empty());
        flow.cancel();  // too late: the patient is registered
        CHECK(flow.appointment());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Booking refused SlotFull after payment: refunded once and Failed(SlotFull)")
    {
        walkToConfirm();
        confirmToPayment();
        hospital.failNext(HospitalOp::Book, BackendErrorKind::SlotFull);
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::SlotFull);
        CHECK(flow.failure().moneyTaken);
        CHECK(flow.failure().refunded);
        REQUIRE(gateway.callsOf(GatewayOp::Refund) == 1);
        CHECK(gateway.calls.back().op == GatewayOp::Refund);
        CHECK(gateway.calls.back().orderNo == flow.payment().paid().orderNo);
        CHECK(gateway.order(prefix())->state == PaymentState::Refunded);
        CHECK(hospital.bookCalls.size() == 1);  // a refusal is not retried
        CHECK(gateway.moneyTaken() == 0);
        CHECK(printer.printed.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "The refund fails too: the patient is told money was taken and not returned")
    {
        walkToConfirm();
        confirmToPayment();
        hospital.failNext(HospitalOp::Book, BackendErrorKind::HoldExpired);
        gateway.failNext(GatewayOp::Refund, GatewayErrorKind::Unreachable);
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::HoldExpired);
        CHECK(flow.failure().moneyTaken);
        CHECK_FALSE(flow.failure().refunded);
        CHECK(contains(flow.failure().detail, "refund failed"));
        CHECK(gateway.moneyTaken() == kExpertFee);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Booking unanswered and then answered on retry: booked once with the same key")
    {
        SUBCASE("the first attempt never reached the hospital")
        {
            hospital.failNext(HospitalOp::Book, BackendErrorKind::Unreachable);
        }
        SUBCASE("the first attempt was booked but its answer was lost")
        {
            hospital.loseAnswers(HospitalOp::Book);
        }
        walkToConfirm();
        confirmToPayment();
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Done);
        REQUIRE(hospital.bookCalls.size() == 2);
        CHECK(hospital.bookCalls[0].key == hospital.bookCalls[1].key);
        CHECK(hospital.appointments.size() == 1);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK(flow.slipPrinted());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Booking never answered: left paid in the journal for recovery, not refunded")
    {
        walkToConfirm();
        confirmToPayment();
        hospital.failAlways(HospitalOp::Book, BackendErrorKind::Unreachable);
        phonePays();
        CHECK(hospital.bookCalls.size() == 3);
        // Whether the hospital booked it nobody knows: recovery books it with
        // the same key when the hospital is back, or refunds then.
        CHECK(flow.failure().kind == FailureKind::CompletingLater);
        CHECK(flow.failure().moneyTaken);
        CHECK_FALSE(flow.failure().refunded);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK(journal.steps(flow.transactionNumber()) ==
              std::vector<std::string>{"intent", "order-created", "paid"});
    }

    TEST_CASE_FIXTURE(RegistrationRig, "The journal holds every step of a registration, in order")
    {
        walkToConfirm();
        confirmToPayment();
        phonePays();
        REQUIRE(flow.stage() == RegistrationStage::Done);
        CHECK(journal.steps(flow.transactionNumber()) ==
              std::vector<std::string>{"intent", "order-created", "paid", "booked", "printed"});
        auto record = journal->find(flow.transactionNumber());
        REQUIRE(record.has_value());
        REQUIRE(record->has_value());
        CHECK_FALSE((*record)->subjectRef.empty());  // the hold, for recovery to book
        CHECK((*record)->hospitalReference == flow.appointment()->id);
        CHECK((*record)->amountFen == flow.appointment()->slot.fee);
        CHECK((*record)->patientRef == flow.appointment()->patientId);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "No journal, no money: the intent cannot be written, nothing is charged")
    {
        walkToConfirm();
        // Another transaction with the same id already on file: the journal refuses the intent.
        journal::TransactionRecord clash{.id = context.transactionPrefix, .kioskId = "K-001", .amountFen = 1};
        REQUIRE(journal->begin(clash).has_value());
        flow.confirm();
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::RecordsUnavailable);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(gateway.callsOf(GatewayOp::CreateQr) == 0);
    }
}
