// Transaction lookup on a real journal file: the typed digits become this
// kiosk's transaction id, each last step reads as the patient's outcome, an
// unknown number says so, and a booked registration's slip is printed again
// from the hospital's booking, marked as a reprint, without a journal step.
#include "flow_test_prelude.hpp"

#include "documents/registration_slip.hpp"
#include "flows/prices_flow.hpp"
#include "flows/transaction_lookup_flow.hpp"
#include "scan/slip_code.hpp"

using journal::Step;
using journal::TransactionKind;

namespace {

bool hasText(const ReceiptDocument& doc, const std::string& needle)
{
    for (const auto& e : doc.elements)
        if (auto* t = std::get_if<ReceiptText>(&e); t && t->text.find(needle) != std::string::npos) return true;
    return false;
}

struct LookupRig {
    LookupRig()
    {
        hospital.departmentList = {{"D01", "心血管内科", "内科", "门诊楼3层B区", "高血压"}};
        hospital.doctorList = {{"DR1", "李明", "D01", "主任医师", "冠心病", true}};
        hospital::Slot s;
        s.id = "S1";
        s.doctorId = "DR1";
        s.departmentId = "D01";
        s.date = {2026, 11, 24};
        s.startMinute = 8 * 60;
        s.endMinute = 9 * 60;
        s.capacity = 20;
        s.remaining = 5;
        s.fee = 5000;
        s.room = "诊室3";
        hospital.slotList = {s};
    }

    /// Journals a transaction through `steps` (after its intent), as a flow would have.
    void journal(const std::string& id, TransactionKind kind, std::vector<Step> steps)
    {
        journal::TransactionRecord r;
        r.id = id;
        r.kind = kind;
        r.kioskId = "K07";
        r.startedAt = clock.wallNow();
        r.amountFen = 5000;
        r.orderNo = id + "-P";
        r.patientRef = "P000123";
        REQUIRE(journalFile->begin(r).has_value());
        for (Step step : steps) {
            journal::StepDetails details;
            if (step == Step::Paid) details.gatewayTransactionId = "WX42";
            if (step == Step::Booked) details.hospitalReference = "A-0001";
            auto written = journalFile->record(id, step, details);
            REQUIRE_MESSAGE(written.has_value(), (written ? "" : written.error().message));
        }
    }

    /// Books at the hospital with the key the registration flow uses for `id`.
    void book(const std::string& id)
    {
        auto hold = hospital.hold("S1", "P000123", id + "-H");
        REQUIRE(hold.has_value());
        REQUIRE(hospital.book(hold->id, "WX42", id + "-B").has_value());
    }

    void type(std::string_view keys)
    {
        for (char c : keys) flow.key(c);
    }

    ManualClock clock;
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    FakeReceiptPrinter printer;
    CatalogSet catalogs = shippedCatalogs();
    test::TempJournal journalFile{clock};
    test::FlowLoop loop;
    FlowContext ctx = test::withJournal(loop.makeContext(clock, hospital, gateway, printer, catalogs), journalFile);
    TransactionLookupFlow flow{ctx};
};

} // namespace

TEST_CASE("transaction lookup: typed digits stand for this kiosk's transaction")
{
    CHECK(TransactionLookupFlow::idFromTyped("202611231856201", "K-001") == "K-001-20261123185620-1");
    CHECK(TransactionLookupFlow::idFromTyped("2026112318562012", "K-001") == "K-001-20261123185620-12");
    // With the kiosk id typed in front (without its dash), or a full number with dashes.
    CHECK(TransactionLookupFlow::idFromTyped("K001202611231856201", "K-001") == "K-001-20261123185620-1");
    CHECK(TransactionLookupFlow::idFromTyped("K-001-20261123185620-1", "K07") == "K-001-20261123185620-1");
    // Too short, too long, a counter with a leading zero, letters among the digits.
    CHECK(TransactionLookupFlow::idFromTyped("20261123185620", "K07").empty());
    CHECK(TransactionLookupFlow::idFromTyped("202611231856201234", "K07").empty());
    CHECK(TransactionLookupFlow::idFromTyped("2026112318562001", "K07").empty());
    CHECK(TransactionLookupFlow::idFromTyped("20261123A856201", "K07").empty());
}

TEST_CASE("transaction lookup: every last step reads as what happened to the money")
{
    CHECK(outcomeOf(Step::Booked) == LookupOutcome::ServiceGiven);
    CHECK(outcomeOf(Step::Settled) == LookupOutcome::ServiceGiven);
    CHECK(outcomeOf(Step::Printed) == LookupOutcome::ServiceGiven);
    CHECK(outcomeOf(Step::PrintFailed) == LookupOutcome::ServiceGiven);
    CHECK(outcomeOf(Step::Refunded) == LookupOutcome::Refunded);
    CHECK(outcomeOf(Step::Declined) == LookupOutcome::NothingTaken);
    CHECK(outcomeOf(Step::Closed) == LookupOutcome::NothingTaken);
    CHECK(outcomeOf(Step::Intent) == LookupOutcome::NothingTaken);
    CHECK(outcomeOf(Step::Paid) == LookupOutcome::InProgress);
    CHECK(outcomeOf(Step::OrderCreated) == LookupOutcome::InProgress);
    CHECK(outcomeOf(Step::Refunding) == LookupOutcome::InProgress);
    CHECK(outcomeOf(Step::RefundFailed) == LookupOutcome::SeeStaff);
    CHECK(outcomeOf(Step::NeedsStaff) == LookupOutcome::SeeStaff);

    CatalogSet catalogs = shippedCatalogs();
    CHECK(catalogs.text(Language::ZhCN, outcomeKey(LookupOutcome::ServiceGiven, TransactionKind::Registration)) ==
          "挂号成功");
    CHECK(catalogs.text(Language::ZhCN, outcomeKey(LookupOutcome::ServiceGiven, TransactionKind::Bills)) == "缴费成功");
    CHECK(catalogs.text(Language::ZhCN, outcomeKey(LookupOutcome::Refunded, TransactionKind::Bills)) == "款项已退回");
    CHECK(catalogs.text(Language::ZhCN, outcomeKey(LookupOutcome::NothingTaken, TransactionKind::Bills)) == "没有扣款");
    CHECK(catalogs.text(Language::ZhCN, outcomeDetailKey(LookupOutcome::InProgress)).find("自动完成或退款") !=
          std::string::npos);
}

TEST_CASE("transaction lookup: a refunded bill payment is found by its digits")
{
    LookupRig rig;
    const std::string id = "K07-20261123185620-3";
    rig.journal(id, TransactionKind::Bills, {Step::OrderCreated, Step::Paid, Step::Refunding, Step::Refunded});
    rig.type("202611231856203");
    CHECK(rig.flow.stage() == LookupStage::Entry);
    rig.flow.confirm();
    CHECK(rig.flow.stage() == LookupStage::Looking);  // the journal is read on the worker
    rig.loop.pump();
    REQUIRE(rig.flow.stage() == LookupStage::Found);
    CHECK(rig.flow.record()->id == id);
    CHECK(rig.flow.record()->amountFen == 5000);
    CHECK(rig.flow.outcome() == LookupOutcome::Refunded);
    CHECK_FALSE(rig.flow.canReprint());
    rig.flow.reprint();
    CHECK(rig.flow.stage() == LookupStage::Found);
    CHECK(rig.printer.printed.empty());
}

TEST_CASE("transaction lookup: an unknown or malformed number says it is not here")
{
    LookupRig rig;
    rig.type("202611231856209");
    rig.flow.confirm();
    rig.loop.pump();
    CHECK(rig.flow.stage() == LookupStage::NotFound);
    // Correcting the number goes back to typing.
    rig.flow.key(kKeyBackspace);
    CHECK(rig.flow.stage() == LookupStage::Entry);
    rig.flow.key(kKeyClear);
    rig.type("123");
    rig.flow.confirm();
    CHECK(rig.flow.stage() == LookupStage::NotFound);
    CHECK(rig.loop.pendingJobs() == 0);  // nothing that cannot be a number goes to the journal
}

TEST_CASE("transaction lookup: a paid registration still open is being completed")
{
    LookupRig rig;
    const std::string id = "K07-20261123185620-4";
    rig.journal(id, TransactionKind::Registration, {Step::OrderCreated, Step::Paid});
    rig.flow.lookUp(id);
    rig.loop.pump();
    REQUIRE(rig.flow.stage() == LookupStage::Found);
    CHECK(rig.flow.outcome() == LookupOutcome::InProgress);
    CHECK_FALSE(rig.flow.canReprint());
}

TEST_CASE("transaction lookup: a booked registration's slip is printed again, marked as a reprint")
{
    LookupRig rig;
    const std::string id = "K07-20261123185620-5";
    rig.book(id);
    rig.journal(id, TransactionKind::Registration,
                {Step::OrderCreated, Step::Paid, Step::Booked, Step::PrintFailed});
    rig.flow.lookUp(id);
    rig.loop.pump();
    REQUIRE(rig.flow.stage() == LookupStage::Found);
    CHECK(rig.flow.outcome() == LookupOutcome::ServiceGiven);
    CHECK(rig.flow.record()->hospitalReference == "A-0001");
    REQUIRE(rig.flow.canReprint());

    rig.flow.reprint();
    CHECK(rig.flow.stage() == LookupStage::Reprinting);
    rig.loop.pump();
    CHECK(rig.flow.stage() == LookupStage::Found);
    CHECK(rig.flow.reprintResult() == ReprintResult::Printed);
    REQUIRE(rig.printer.printed.size() == 1);
    const ReceiptDocument& slip = rig.printer.printed.front();
    CHECK(hasText(slip, "（补打）"));
    CHECK(hasText(slip, "心血管内科"));
    CHECK(hasText(slip, "李明"));
    CHECK(hasText(slip, "WX42"));
    // The journal's last step is final: a reprint adds nothing to it.
    CHECK(rig.journalFile.lastStep(id) == "print-failed");
    CHECK(rig.journalFile.steps(id).size() == 5);

    SUBCASE("the printer fails")
    {
        rig.printer.failPrints = true;
        rig.flow.reprint();
        rig.loop.pump();
        CHECK(rig.flow.reprintResult() == ReprintResult::PrinterFailed);
        CHECK(rig.flow.reprintsPrinted() == 1);
    }
}

TEST_CASE("transaction lookup: without the hospital's booking nothing is printed")
{
    LookupRig rig;
    const std::string id = "K07-20261123185620-6";
    rig.journal(id, TransactionKind::Registration, {Step::OrderCreated, Step::Paid, Step::Booked, Step::Printed});
    rig.hospital.lookupsUnreachable = true;
    rig.flow.lookUp(id);
    rig.loop.pump();
    REQUIRE(rig.flow.canReprint());
    rig.flow.reprint();
    rig.loop.pump();
    CHECK(rig.flow.reprintResult() == ReprintResult::Unavailable);
    CHECK(rig.printer.printed.empty());
}

TEST_CASE("transaction slip codes: kind X carries a transaction id and round-trips")
{
    auto text = encodeSlipCode({SlipKind::Transaction, "K07-20261123185620-1"});
    REQUIRE(text.has_value());
    CHECK(text->starts_with("HK1:X:K07-20261123185620-1:"));
    auto decoded = decodeSlipCode(*text);
    REQUIRE(decoded.has_value());
    CHECK(decoded->kind == SlipKind::Transaction);
    CHECK(decoded->id == "K07-20261123185620-1");
    CHECK(slipKindName(SlipKind::Transaction) == "transaction");
    // A hand-edited kind letter fails the check value.
    std::string edited = *text;
    edited[4] = 'R';
    CHECK_FALSE(decodeSlipCode(edited).has_value());
}
