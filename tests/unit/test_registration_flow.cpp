// Registration as a state machine, without the UI: an in-memory hospital, a
// payment channel the test pays by hand, a printer that may fail, a clock
// that moves when told, and a runner stepped by hand. Every test ends on the
// money invariant: the channel kept the fee exactly once if an appointment
// was booked, and nothing otherwise, unless the flow itself tells the
// patient that money was taken and not returned.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "flows/registration_flow.hpp"
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
constexpr payment::Fen kExpertFee = 5000;
constexpr payment::Fen kOrdinaryFee = 1200;

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

CivilDate plusDays(CivilDate d, int days)
{
    using namespace std::chrono;
    year_month_day ymd{
        sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} / day{static_cast<unsigned>(d.day)}} +
        std::chrono::days{days}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

hospital::Slot slot(std::string id, std::string doctor, std::string department, CivilDate date, int start,
                    int remaining, payment::Fen fee)
{
    hospital::Slot s;
    s.id = std::move(id);
    s.doctorId = std::move(doctor);
    s.departmentId = std::move(department);
    s.date = date;
    s.period = start < 12 * 60 ? hospital::DayPeriod::Morning : hospital::DayPeriod::Afternoon;
    s.startMinute = start;
    s.endMinute = start + 60;
    s.capacity = 20;
    s.remaining = remaining;
    s.fee = fee;
    s.room = "诊室3";
    return s;
}

struct RegistrationRig {
    RegistrationRig()
    {
        // Slots lie on the coming days, so the local time zone of the test run does not decide what is offered.
        CivilDate today = localDate(clock.wallNow());
        hospital.departmentList = {{"D01", "心血管内科", "内科", "门诊楼3层B区", "高血压、冠心病"},
                                   {"D02", "皮肤科", "外科", "门诊楼2层A区", "湿疹、痤疮"}};
        hospital.doctorList = {{"DR1", "李明", "D01", "主任医师", "冠心病", true},
                               {"DR2", "王芳", "D01", "主治医师", "高血压", false},
                               {"DR3", "赵雪", "D02", "副主任医师", "湿疹", false}};
        hospital.slotList = {
            slot("S1", "DR1", "D01", plusDays(today, 1), 8 * 60, 5, kExpertFee),
            slot("S2", "DR1", "D01", plusDays(today, 1), 14 * 60, 0, kExpertFee),  // full: not offered
            slot("S3", "DR2", "D01", today, 0, 9, kOrdinaryFee),                   // over for today: not offered
            slot("S4", "DR2", "D01", plusDays(today, 2), 9 * 60, 3, kOrdinaryFee),
            slot("S5", "DR3", "D02", plusDays(today, 1), 10 * 60, 2, kOrdinaryFee),
        };
        // As the shell does: a reply applied is followed by a tick.
        loop.afterReply = [this] { flow.tick(); };
    }

    ~RegistrationRig()
    {
        CHECK(gateway.paidCount <= 1);  // never charged twice
        CHECK(gateway.moneyTaken() == moneyTheFlowAdmits());
        if (flow.appointment()) {
            CHECK(hospital.appointments.size() == 1);
            CHECK(flow.appointment()->paymentReference == flow.payment().paid().orderNo);
            CHECK(gateway.moneyTaken() == flow.appointment()->slot.fee);
        } else {
            CHECK(hospital.appointments.empty());
        }
        CHECK(catalogs.missingKeys().empty());
    }

    /// What the flow says was kept: the fee for a booking, or the fee it reports taken and not returned.
    payment::Fen moneyTheFlowAdmits() const
    {
        if (flow.appointment()) return flow.appointment()->slot.fee;
        const FlowFailure& f = flow.failure();
        if (f.moneyTaken && !f.refunded) return flow.payment().amount();
        return 0;
    }

    void load()
    {
        flow.start();
        CHECK(flow.stage() == RegistrationStage::Loading);
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::ChooseDepartment);
    }
    void walkToConfirm(const std::string& department = "D01", const std::string& doctor = "DR1",
                       const std::string& slotId = "S1")
    {
        load();
        flow.chooseDepartment(department);
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::ChooseDoctor);
        flow.chooseDoctor(doctor);
        REQUIRE(flow.stage() == RegistrationStage::ChoosePeriod);
        flow.choosePeriod(slotId);
        REQUIRE(flow.stage() == RegistrationStage::Confirm);
    }
    /// Confirms, lets the place be held and the QR order be made.
    void confirmToPayment()
    {
        flow.confirm();
        loop.pump();
        REQUIRE(flow.stage() == RegistrationStage::Paying);
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
    /// To the payment deadline.
    void runOut()
    {
        clock.advance(flow.payment().deadline() - clock.now());
        flow.tick();
        loop.pump();
    }
    std::string prefix() const { return context.transactionPrefix; }
    std::string slipText() const
    {
        REQUIRE(printer.printed.size() == 1);
        return FakeReceiptPrinter::allText(printer.printed.front());
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
    RegistrationFlow flow{context, patientCard()};
};

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

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

    TEST_CASE_FIXTURE(RegistrationRig, "Booking never answered: refunded after the attempts run out")
    {
        walkToConfirm();
        confirmToPayment();
        hospital.failAlways(HospitalOp::Book, BackendErrorKind::Unreachable);
        phonePays();
        CHECK(hospital.bookCalls.size() == 3);
        CHECK(flow.failure().kind == FailureKind::BackendUnreachable);
        CHECK(flow.failure().moneyTaken);
        CHECK(flow.failure().refunded);
        CHECK(gateway.callsOf(GatewayOp::Refund) == 1);
    }

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
