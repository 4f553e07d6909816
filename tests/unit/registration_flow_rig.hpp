#pragma once
// Registration as a state machine, without the UI: an in-memory hospital, a
// payment channel the test pays by hand, a printer that may fail, a clock
// that moves when told, and a runner stepped by hand. Every test ends on the
// money invariant: the channel kept the fee exactly once if an appointment
// was booked, and nothing otherwise, unless the flow itself tells the
// patient that money was taken and not returned.
#include "flow_test_prelude.hpp"

#include <algorithm>

#include "flows/registration_flow.hpp"

namespace {

constexpr const char* kWeChatCode = "134567890123456789";
constexpr payment::Fen kExpertFee = 5000;
constexpr payment::Fen kOrdinaryFee = 1200;

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

struct RegistrationRig : test::DrivesPayment<RegistrationRig> {
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
        journal.checkAgrees(flow.transactionNumber(), flow.appointment().has_value(), flow.slipPrinted(),
                            flow.failure());
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
    /// To the payment deadline.
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
    test::TempJournal journal{clock};
    FlowContext context = test::withJournal(loop.makeContext(clock, hospital, gateway, printer, catalogs,
                                                             [this](DeviceRole role) {
                                                                 devicesAsked.push_back(role);
                                                                 DeviceReport r = printerReport;
                                                                 r.role = role;
                                                                 return r;
                                                             }),
                                            journal);
    RegistrationFlow flow{context, patientCard()};
};

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

