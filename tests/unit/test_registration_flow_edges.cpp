// Registration as a state machine, without the UI: an in-memory hospital, a
// payment channel the test pays by hand, a printer that may fail, a clock
// that moves when told, and a runner stepped by hand. Every test ends on the
// money invariant: the channel kept the fee exactly once if an appointment
// was booked, and nothing otherwise, unless the flow itself tells the
// patient that money was taken and not returned.
#include "registration_flow_rig.hpp"

TEST_SUITE("registration_flow")
{
    TEST_CASE_FIXTURE(RegistrationRig, "Receipt printer not ready: confirm fails before any hold or payment")
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
        walkToConfirm();
        flow.confirm();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PrinterNotReady);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(loop.pump() == 0);
        CHECK(hospital.holdCalls.empty());
        CHECK(gateway.calls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "A printer with a warning or one that cannot tell does not stop registration")
    {
        SUBCASE("warning")
        {
            printerReport.health = DeviceHealth::Warning;
        }
        SUBCASE("unknown")
        {
            printerReport.health = DeviceHealth::Unknown;
        }
        walkToConfirm();
        confirmToPayment();
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Done);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "The printer fails at print time: Done without a slip and the appointment kept")
    {
        printer.failPrints = true;
        walkToConfirm();
        confirmToPayment();
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Done);
        CHECK_FALSE(flow.slipPrinted());
        CHECK(printer.printed.size() == 1);
        REQUIRE(flow.appointment());
        CHECK(hospital.appointments.size() == 1);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 0);
        CHECK(hospital.releaseCalls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Back goes one step at a time and a new choice replaces the old")
    {
        walkToConfirm();
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChoosePeriod);
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseDoctor);
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        CHECK_FALSE(flow.cancelled());

        flow.chooseDepartment("D02");
        loop.pump();
        REQUIRE(flow.doctors().size() == 1);
        CHECK(flow.doctors()[0].doctor.id == "DR3");
        flow.chooseDoctor("DR1");  // a doctor of the other department is not offered now
        CHECK(flow.stage() == RegistrationStage::ChooseDoctor);
        flow.chooseDoctor("DR3");
        flow.choosePeriod("S5");
        REQUIRE(flow.stage() == RegistrationStage::Confirm);
        confirmToPayment();
        CHECK(hospital.holdCalls.at(0).slotId == "S5");
        CHECK(flow.payment().amount() == kOrdinaryFee);
        phonePays();
        CHECK(flow.stage() == RegistrationStage::Done);
        CHECK(contains(slipText(), "皮肤科"));
        CHECK(contains(slipText(), "¥12.00"));
    }

    TEST_CASE_FIXTURE(RegistrationRig, "The hospital unreachable at load: Failed(BackendUnreachable)")
    {
        SUBCASE("everything down")
        {
            hospital.failEverything(BackendErrorKind::Unreachable);
        }
        SUBCASE("the department list unanswered")
        {
            hospital.failNext(HospitalOp::Departments, BackendErrorKind::Unreachable);
        }
        flow.start();
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::BackendUnreachable);
        CHECK(flow.departments().empty());
        CHECK(gateway.calls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "The hospital unreachable for the doctors: Failed(BackendUnreachable)")
    {
        load();
        hospital.failNext(HospitalOp::Slots, BackendErrorKind::Unreachable);
        flow.chooseDepartment("D01");
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::BackendUnreachable);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Refused at hold (limit reached or slot full): failed with no payment")
    {
        BackendErrorKind refusal = BackendErrorKind::LimitReached;
        FailureKind expected = FailureKind::LimitReached;
        SUBCASE("limit reached") {}
        SUBCASE("slot full")
        {
            refusal = BackendErrorKind::SlotFull;
            expected = FailureKind::SlotFull;
        }
        SUBCASE("unreachable")
        {
            refusal = BackendErrorKind::Unreachable;
            expected = FailureKind::BackendUnreachable;
        }
        hospital.failNext(HospitalOp::Hold, refusal);
        walkToConfirm();
        flow.confirm();
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == expected);
        CHECK_FALSE(flow.failure().moneyTaken);
        CHECK(gateway.calls.empty());
        CHECK(hospital.slot("S1")->remaining == 5);
    }

    TEST_CASE_FIXTURE(RegistrationRig,
                      "A payment code waiting for the password and then paid: found by query and booked")
    {
        walkToConfirm();
        confirmToPayment();
        gateway.userPayingNext();
        flow.codeScanned(kWeChatCode);
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Paying);
        CHECK(flow.payment().stage() == PaymentStage::UserPaying);
        poll();
        CHECK(flow.payment().stage() == PaymentStage::UserPaying);
        REQUIRE(gateway.payOrder(prefix() + "C"));
        poll();
        CHECK(flow.stage() == RegistrationStage::Done);
        REQUIRE(hospital.bookCalls.size() == 1);
        CHECK(hospital.bookCalls[0].paymentReference == prefix() + "C");
        CHECK(gateway.callsOf(GatewayOp::ChargeCode) == 1);
    }

    TEST_CASE_FIXTURE(RegistrationRig,
                      "The payment channel unreachable: Failed(PaymentUnavailable) with the hold released")
    {
        gateway.unreachable = true;
        walkToConfirm();
        flow.confirm();
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentUnavailable);
        CHECK(hospital.releaseCalls == std::vector<std::string>{"H1"});
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Payment uncertain (no answer to the close): the hold is kept for recovery")
    {
        walkToConfirm();
        confirmToPayment();
        gateway.failAlways(GatewayOp::Close, GatewayErrorKind::Unreachable);
        runOut();
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PaymentUncertain);
        CHECK(hospital.releaseCalls.empty());
        CHECK(hospital.bookCalls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig,
                      "Cancelled while the place is being held: the hold is given back and nothing paid")
    {
        walkToConfirm();
        flow.confirm();
        flow.cancel();
        CHECK_FALSE(flow.cancelled());  // the hold's answer is awaited first
        loop.pump();
        CHECK(flow.cancelled());
        CHECK(flow.stage() == RegistrationStage::Failed);
        CHECK(flow.failure().kind == FailureKind::None);
        CHECK(hospital.releaseCalls == std::vector<std::string>{"H1"});
        CHECK(hospital.slot("S1")->remaining == 5);
        CHECK(gateway.calls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Cancelled before confirming: nothing is held or paid")
    {
        walkToConfirm();
        flow.cancel();
        CHECK(flow.cancelled());
        CHECK(loop.pump() == 0);
        CHECK(hospital.holdCalls.empty());
        CHECK(gateway.calls.empty());
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Cancelled while booking: the flow finishes the booking")
    {
        walkToConfirm();
        confirmToPayment();
        REQUIRE(gateway.payOrder(prefix()));
        clock.advance(PaymentStep::kPollEvery);
        flow.tick();
        // Run the query and apply its answer, which starts the booking.
        while (flow.stage() != RegistrationStage::Booking) {
            if (!loop.applyOne()) REQUIRE(loop.runner.runOne());
        }
        flow.cancel();
        flow.back();
        loop.pump();
        CHECK_FALSE(flow.cancelled());
        CHECK(flow.stage() == RegistrationStage::Done);
    }
}

TEST_SUITE("registration_flow.symptom_guide")
{
    // The rig's hospital has 心血管内科 (D01: 李明, 王芳) and 皮肤科 (D02: 赵雪); D99 is not offered.
    void setGuide(FakeHospital& hospital)
    {
        hospital.symptomGuideList = {{"胸痛、心慌", "D01", "胸痛剧烈请去急诊科"},
                                     {"皮疹、瘙痒", "D02", ""},
                                     {"牙痛", "D99", ""}};
    }

    TEST_CASE_FIXTURE(RegistrationRig, "The guide comes with the departments, without entries that lead nowhere")
    {
        setGuide(hospital);
        load();
        CHECK(hospital.callsOf(HospitalOp::SymptomGuide) == 1);
        REQUIRE(flow.symptomGuide().size() == 2);
        CHECK(flow.symptomGuide()[0].symptom == "胸痛、心慌");
        CHECK(flow.symptomGuide()[0].hint == "胸痛剧烈请去急诊科");
        CHECK(flow.symptomGuide()[1].departmentId == "D02");
        CHECK(flow.department("D02")->name == "皮肤科");
        CHECK(flow.department("D99") == nullptr);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "A symptom leads to its department's doctors; back returns the way it came")
    {
        setGuide(hospital);
        load();
        flow.chooseSymptom("1");  // not open yet
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        // The department screen's button sends the guide's id as a department.
        flow.chooseDepartment(std::string(RegistrationFlow::kSymptomGuideChoice));
        REQUIRE(flow.stage() == RegistrationStage::ChooseSymptom);
        CHECK(hospital.callsOf(HospitalOp::Doctors) == 0);
        for (const char* wrong : {"2", "-1", "x", "", "1x"}) {
            flow.chooseSymptom(wrong);
            CHECK_MESSAGE(flow.stage() == RegistrationStage::ChooseSymptom, wrong);
        }
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        flow.openSymptomGuide();
        REQUIRE(flow.stage() == RegistrationStage::ChooseSymptom);

        flow.chooseSymptom("1");
        CHECK(flow.stage() == RegistrationStage::LoadingDoctors);
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::ChooseDoctor);
        CHECK(flow.chosenDepartment()->id == "D02");
        REQUIRE(flow.doctors().size() == 1);
        CHECK(flow.doctors()[0].doctor.id == "DR3");

        // Back from the doctors goes to the symptoms it came from, then to the departments.
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseSymptom);
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        // A department chosen directly goes back to the departments, as before.
        flow.chooseDepartment("D01");
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::ChooseDoctor);
        flow.back();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "Registered through the guide: booked and printed as any registration")
    {
        setGuide(hospital);
        load();
        flow.openSymptomGuide();
        flow.chooseSymptom("0");
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::ChooseDoctor);
        CHECK(flow.doctors()[0].doctor.id == "DR1");
        flow.chooseDoctor("DR1");
        flow.choosePeriod("S1");
        REQUIRE(flow.stage() == RegistrationStage::Confirm);
        confirmToPayment();
        phonePays();
        REQUIRE(flow.stage() == RegistrationStage::Done);
        CHECK(contains(slipText(), "心血管内科"));
    }

    TEST_CASE_FIXTURE(RegistrationRig, "A guide that fails to load leaves registration as it was, without a guide")
    {
        setGuide(hospital);
        hospital.failNext(HospitalOp::SymptomGuide, BackendErrorKind::Unreachable);
        load();
        CHECK(flow.symptomGuide().empty());
        flow.chooseDepartment(std::string(RegistrationFlow::kSymptomGuideChoice));
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        flow.openSymptomGuide();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
        flow.chooseDepartment("D01");
        loop.pump();
        CHECK(flow.stage() == RegistrationStage::ChooseDoctor);
    }

    TEST_CASE_FIXTURE(RegistrationRig, "A hospital without a guide: no guide, and the departments work as before")
    {
        load();
        CHECK(flow.symptomGuide().empty());
        flow.openSymptomGuide();
        CHECK(flow.stage() == RegistrationStage::ChooseDepartment);
    }
}
