// Report printing as a state machine, without the UI: an in-memory hospital
// with the patient's reports, a renderer that hands back a few bytes per
// report, a spooler whose jobs end where the test says, and a runner stepped
// by hand. A report counts as printed only when its job completed: only
// then is the hospital told, and a job that will not complete is cancelled
// so that it cannot come out later for the next patient.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "fake_printers.hpp"
#include "flows/reports_flow.hpp"
#include "scan/slip_code.hpp"
#include "step_runner.hpp"

using namespace kiosk;
using namespace kiosk::flows;
using kiosk::hospital::BackendErrorKind;
using kiosk::hospital::ReportStatus;
using kiosk::test::FakeA4Printer;
using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::FakeReportRenderer;
using kiosk::test::HospitalOp;

namespace {

// Ready and not printed, ready and not printed, printed twice before, not ready yet.
constexpr const char* kBlood = "R00700001";
constexpr const char* kLiver = "R00700002";
constexpr const char* kChest = "R00700003";
constexpr const char* kUrine = "R00700004";

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

hospital::Report report(std::string id, std::string title, ReportStatus status, int timesPrinted)
{
    hospital::Report r;
    r.id = std::move(id);
    r.patientId = "P000123";
    r.title = std::move(title);
    r.departmentName = "心血管内科";
    r.orderingDoctor = "李明";
    r.status = status;
    r.timesPrinted = timesPrinted;
    return r;
}

std::vector<std::string> facts(const ReportPrintFacts& f)
{
    return {f.hospitalName, f.patientName, f.patientId, f.verifyCode, f.kioskId};
}

struct ReportsRig {
    ReportsRig()
    {
        hospital.reportList = {
            report(kBlood, "血常规", ReportStatus::Ready, 0), report(kLiver, "肝功能", ReportStatus::Ready, 0),
            report(kChest, "胸部X线", ReportStatus::Printed, 2), report(kUrine, "尿常规", ReportStatus::Pending, 0)};
        context.a4Printer = &a4;
        context.reportRenderer = &renderer;
    }

    ~ReportsRig()
    {
        // The hospital hears of exactly the jobs that completed; nothing left queued that could come out later.
        std::vector<std::string> marked;
        for (const std::string& id : hospital.markPrintedCalls)
            marked.push_back(hospital.report(id)->title);
        CHECK(marked == a4.completedTitles());
        CHECK(flow.printedCount() == static_cast<int>(marked.size()));
        for (const auto& [id, job] : a4.jobs)
            CHECK(isFinal(job.state));
        // The patient's full name and ID number never reach the paper.
        for (const auto& r : renderer.renders)
            for (const std::string& text : facts(r.facts)) {
                CHECK(text.find("张小三") == std::string::npos);
                CHECK(text.find("440106198503121234") == std::string::npos);
            }
        CHECK(gateway.calls.empty());  // printing reports costs nothing
        CHECK(catalogs.missingKeys().empty());
    }

    void load()
    {
        flow.start();
        CHECK(flow.stage() == ReportsStage::Loading);
        loop.pump();
        REQUIRE(flow.stage() == ReportsStage::Choose);
    }
    /// Confirms and runs every print job to its end; returns how many jobs ran.
    int confirmAndPrint()
    {
        flow.confirm();
        REQUIRE(flow.stage() == ReportsStage::Printing);
        int jobs = loop.pump();
        REQUIRE(flow.stage() == ReportsStage::Done);
        return jobs;
    }
    std::vector<std::string> renderedIds() const
    {
        std::vector<std::string> out;
        for (const auto& r : renderer.renders)
            out.push_back(r.report.id);
        return out;
    }
    /// The report as the flow lists it now.
    hospital::Report listed(const std::string& id) const
    {
        for (const auto& r : flow.reports())
            if (r.id == id) return r;
        FAIL("report not listed: " << id);
        return {};
    }

    ManualClock clock;
    CatalogSet catalogs = shippedCatalogs();
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    test::FakeReceiptPrinter receiptPrinter;
    FakeA4Printer a4;
    FakeReportRenderer renderer;
    DeviceReport a4Report{DeviceRole::A4Printer, DeviceHealth::Ready, DeviceProblem::None, {}};
    std::vector<DeviceRole> devicesAsked;
    test::FlowLoop loop;
    FlowContext context = loop.makeContext(clock, hospital, gateway, receiptPrinter, catalogs, [this](DeviceRole role) {
        devicesAsked.push_back(role);
        DeviceReport r = a4Report;
        r.role = role;
        return r;
    });
    ReportsFlow flow{context, patientCard()};
};

} // namespace

TEST_SUITE("reports_flow")
{
    TEST_CASE_FIXTURE(ReportsRig, "No A4 printer or one that is missing or faulty: Failed(PrinterNotReady) at once")
    {
        SUBCASE("no A4 printer in the context")
        {
            context.a4Printer = nullptr;
        }
        SUBCASE("no renderer in the context")
        {
            context.reportRenderer = nullptr;
        }
        SUBCASE("missing")
        {
            a4Report.health = DeviceHealth::Missing;
            a4Report.problem = DeviceProblem::NotConnected;
        }
        SUBCASE("fault")
        {
            a4Report.health = DeviceHealth::Fault;
            a4Report.problem = DeviceProblem::PaperOut;
        }
        flow.start();
        CHECK(flow.stage() == ReportsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PrinterNotReady);
        CHECK(loop.pump() == 0);
        CHECK(hospital.calls.empty());
        CHECK(flow.reports().empty());
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::Failed);
        CHECK(renderer.renders.empty());
        CHECK(a4.submitted.empty());
    }

    TEST_CASE_FIXTURE(ReportsRig, "A printer with a warning or one that cannot tell does not stop the service")
    {
        SUBCASE("warning")
        {
            a4Report.health = DeviceHealth::Warning;
        }
        SUBCASE("unknown")
        {
            a4Report.health = DeviceHealth::Unknown;
        }
        load();
        CHECK(devicesAsked == std::vector<DeviceRole>{DeviceRole::A4Printer});
        confirmAndPrint();
        CHECK(flow.printedCount() == 2);
    }

    TEST_CASE_FIXTURE(ReportsRig, "The A4 printer runs out of paper while the patient chooses: asked again at confirm")
    {
        load();
        a4Report.health = DeviceHealth::Fault;
        a4Report.problem = DeviceProblem::PaperOut;
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::PrinterNotReady);
        loop.pump();
        CHECK(renderer.renders.empty());
    }

    TEST_CASE_FIXTURE(ReportsRig, "Ready unprinted reports preselected, printed ones not, pending ones not selectable")
    {
        load();
        REQUIRE(flow.reports().size() == 4);
        CHECK(flow.selected(kBlood));
        CHECK(flow.selected(kLiver));
        CHECK_FALSE(flow.selected(kChest));
        CHECK_FALSE(flow.selected(kUrine));
        CHECK(flow.selectedCount() == 2);

        flow.toggle(kUrine);  // pending: cannot be chosen
        CHECK_FALSE(flow.selected(kUrine));
        flow.toggle("R99999999");
        CHECK(flow.selectedCount() == 2);
        flow.toggle(kBlood);
        CHECK_FALSE(flow.selected(kBlood));
        flow.toggle(kChest);
        CHECK(flow.selected(kChest));
        flow.toggle(kChest);
        flow.toggle(kBlood);
        CHECK(flow.selected(kBlood));
        CHECK(flow.selectedCount() == 2);
        CHECK(renderer.renders.empty());
        CHECK(a4.submitted.empty());
    }

    TEST_CASE_FIXTURE(ReportsRig, "Only pending reports or none at all: NothingReady")
    {
        SUBCASE("pending only")
        {
            hospital.reportList = {report(kUrine, "尿常规", ReportStatus::Pending, 0)};
        }
        SUBCASE("none")
        {
            hospital.reportList.clear();
        }
        flow.start();
        loop.pump();
        CHECK(flow.stage() == ReportsStage::NothingReady);
        flow.toggle(kUrine);
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::NothingReady);
        CHECK(loop.pump() == 0);
    }

    TEST_CASE_FIXTURE(ReportsRig, "The hospital unreachable when the reports are listed: Failed(BackendUnreachable)")
    {
        SUBCASE("everything down")
        {
            hospital.failEverything(BackendErrorKind::Unreachable);
        }
        SUBCASE("the report list unanswered")
        {
            hospital.failNext(HospitalOp::Reports, BackendErrorKind::Unreachable);
        }
        flow.start();
        loop.pump();
        CHECK(flow.stage() == ReportsStage::Failed);
        CHECK(flow.failure().kind == FailureKind::BackendUnreachable);
        CHECK(flow.reports().empty());
    }

    TEST_CASE_FIXTURE(ReportsRig, "Happy path: each chosen report drawn, sent and followed in list order, then marked")
    {
        a4.queriesUntilEnd = 1;  // queued at first, completed at the first look
        load();
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::Printing);
        CHECK(flow.busy());
        flow.cancel();  // a page half out of the printer is finished first
        flow.toggle(kLiver);
        flow.confirm();
        flow.back();
        CHECK(flow.stage() == ReportsStage::Printing);
        CHECK(flow.printingIndex() == 0);

        // One job at a time: the second report is sent only when the first is done.
        REQUIRE(loop.pendingJobs() == 1);
        REQUIRE(loop.runner.runOne());
        CHECK(a4.titles() == std::vector<std::string>{"血常规"});
        CHECK(hospital.markPrintedCalls == std::vector<std::string>{kBlood});
        CHECK(loop.pendingJobs() == 0);
        REQUIRE(loop.applyOne());
        CHECK(flow.printingIndex() == 1);
        CHECK(flow.printedCount() == 1);
        CHECK(loop.pump() == 1);

        CHECK(flow.stage() == ReportsStage::Done);
        CHECK_FALSE(flow.busy());
        CHECK_FALSE(flow.cancelled());
        CHECK(flow.printedCount() == 2);
        CHECK(flow.printingIndex() == 2);
        CHECK(flow.failedTitles().empty());
        CHECK(renderedIds() == std::vector<std::string>{kBlood, kLiver});
        REQUIRE(a4.submitted.size() == 2);
        CHECK(a4.submitted[0].title == "血常规");
        CHECK(a4.submitted[0].text() == FakeReportRenderer::bytesFor(kBlood, 1));
        CHECK(a4.submitted[1].title == "肝功能");
        CHECK(a4.submitted[1].text() == FakeReportRenderer::bytesFor(kLiver, 1));
        CHECK(a4.queries == std::map<int, int>{{1, 1}, {2, 1}});
        CHECK(a4.cancelled.empty());
        CHECK(hospital.markPrintedCalls == std::vector<std::string>{kBlood, kLiver});
        CHECK(hospital.report(kBlood)->timesPrinted == 1);
        // The list on screen shows them printed now.
        CHECK(listed(kBlood).status == ReportStatus::Printed);
        CHECK(listed(kBlood).timesPrinted == 1);
        CHECK(listed(kLiver).timesPrinted == 1);
        CHECK(listed(kChest).timesPrinted == 2);
        CHECK(listed(kUrine).status == ReportStatus::Pending);

        flow.cancel();  // leaving the Done screen
        CHECK(flow.cancelled());
    }

    TEST_CASE_FIXTURE(ReportsRig, "A job followed through several looks until it completes")
    {
        a4.queriesUntilEnd = 2;  // queued, processing, completed
        hospital.reportList = {report(kBlood, "血常规", ReportStatus::Ready, 0)};
        load();
        CHECK(confirmAndPrint() == 1);
        CHECK(a4.queries.at(1) == 2);
        CHECK(flow.printedCount() == 1);
        CHECK(hospital.markPrintedCalls == std::vector<std::string>{kBlood});
    }

    TEST_CASE_FIXTURE(ReportsRig, "Nothing chosen: confirm does nothing")
    {
        load();
        flow.toggle(kBlood);
        flow.toggle(kLiver);
        CHECK(flow.selectedCount() == 0);
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::Choose);
        CHECK(loop.pump() == 0);
        CHECK(renderer.renders.empty());
        flow.cancel();
        CHECK(flow.cancelled());
    }

    TEST_CASE_FIXTURE(ReportsRig, "Printed before: asked first, back prints nothing, confirm prints a marked copy")
    {
        load();
        flow.toggle(kChest);
        SUBCASE("together with the new ones") {}
        SUBCASE("on its own")
        {
            flow.toggle(kBlood);
            flow.toggle(kLiver);
        }
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::ConfirmReprint);
        CHECK(loop.pendingJobs() == 0);
        flow.back();
        CHECK(flow.stage() == ReportsStage::Choose);
        CHECK(flow.selected(kChest));  // the choice is kept
        CHECK(loop.pump() == 0);
        CHECK(renderer.renders.empty());
        CHECK(a4.submitted.empty());

        flow.confirm();
        REQUIRE(flow.stage() == ReportsStage::ConfirmReprint);
        flow.toggle(kChest);  // the question is on screen: the choice cannot change under it
        CHECK(flow.selected(kChest));
        flow.confirm();
        CHECK(flow.stage() == ReportsStage::Printing);
        loop.pump();
        CHECK(flow.stage() == ReportsStage::Done);
        REQUIRE_FALSE(renderer.renders.empty());
        const auto& chest = renderer.renders.back();
        CHECK(chest.report.id == kChest);
        CHECK(chest.facts.copy == 3);  // printed twice before
        CHECK(a4.submitted.back().text() == FakeReportRenderer::bytesFor(kChest, 3));
        for (const auto& r : renderer.renders)
            if (r.report.id != kChest) CHECK(r.facts.copy == 1);
        CHECK(hospital.markPrintedCalls.back() == kChest);
        CHECK(hospital.report(kChest)->timesPrinted == 3);
        CHECK(listed(kChest).timesPrinted == 3);
        CHECK(flow.failedTitles().empty());
    }

    TEST_CASE_FIXTURE(ReportsRig, "An aborted job: reported as not printed and not marked, the others printed")
    {
        a4.endStateByTitle["血常规"] = PrintJobState::Aborted;
        SUBCASE("aborted when sent") {}
        SUBCASE("aborted at the first look")
        {
            a4.queriesUntilEndByTitle["血常规"] = 1;
        }
        load();
        confirmAndPrint();
        CHECK(flow.printedCount() == 1);
        CHECK(flow.failedTitles() == std::vector<std::string>{"血常规"});
        CHECK(a4.titles() == std::vector<std::string>{"血常规", "肝功能"});
        CHECK(hospital.markPrintedCalls == std::vector<std::string>{kLiver});
        CHECK(hospital.report(kBlood)->timesPrinted == 0);
        CHECK(listed(kBlood).status == ReportStatus::Ready);
        CHECK(listed(kBlood).timesPrinted == 0);
        CHECK(a4.cancelled.empty());  // an aborted job is over already
    }

    TEST_CASE_FIXTURE(ReportsRig, "A stopped job (no paper): not printed, cancelled at once, no waiting out the limit")
    {
        a4.endStateByTitle["血常规"] = PrintJobState::Stopped;
        int looksAtStoppedJob = 0;
        SUBCASE("stopped when sent") {}
        SUBCASE("stopped at the first look")
        {
            a4.queriesUntilEndByTitle["血常规"] = 1;
            looksAtStoppedJob = 1;
        }
        load();
        auto began = std::chrono::steady_clock::now();
        confirmAndPrint();
        auto took = std::chrono::steady_clock::now() - began;

        CHECK(flow.failedTitles() == std::vector<std::string>{"血常规"});
        CHECK(flow.printedCount() == 1);
        CHECK(hospital.markPrintedCalls == std::vector<std::string>{kLiver});
        CHECK(listed(kBlood).timesPrinted == 0);
        // Cancelled so that it cannot come out later for whoever stands at the kiosk then.
        CHECK(a4.cancelled == std::vector<int>{1});
        CHECK(a4.jobs.at(1).state == PrintJobState::Canceled);
        // Given up at the first sight of the stop, not after kJobTimeLimit of polling.
        CHECK(a4.queries[1] == looksAtStoppedJob);
        CHECK(took < std::chrono::duration_cast<std::chrono::seconds>(ReportsFlow::kJobTimeLimit) / 10);
    }

    TEST_CASE_FIXTURE(ReportsRig, "The spooler refuses the job or stops answering: not printed, nothing left queued")
    {
        SUBCASE("refused")
        {
            a4.failSubmit = true;
        }
        SUBCASE("no answer to the job query")
        {
            a4.queriesUntilEnd = 1;
            a4.failQueries = true;
        }
        load();
        confirmAndPrint();
        CHECK(flow.printedCount() == 0);
        CHECK(flow.failedTitles() == std::vector<std::string>{"血常规", "肝功能"});
        CHECK(hospital.markPrintedCalls.empty());
        if (a4.failQueries) CHECK(a4.cancelled == std::vector<int>{1, 2});
    }

    TEST_CASE_FIXTURE(ReportsRig, "The renderer fails for one report: that one not printed, the others still printed")
    {
        renderer.failFor.insert(kBlood);
        load();
        confirmAndPrint();
        CHECK(renderedIds() == std::vector<std::string>{kBlood, kLiver});
        CHECK(a4.titles() == std::vector<std::string>{"肝功能"});
        CHECK(flow.failedTitles() == std::vector<std::string>{"血常规"});
        CHECK(flow.printedCount() == 1);
        CHECK(hospital.markPrintedCalls == std::vector<std::string>{kLiver});
        CHECK(listed(kBlood).timesPrinted == 0);
    }

    TEST_CASE_FIXTURE(ReportsRig, "What the renderer is told: the masked name and a report slip code to verify by")
    {
        hospital.reportList = {report(kBlood, "血常规", ReportStatus::Ready, 0)};
        load();
        confirmAndPrint();
        REQUIRE(renderer.renders.size() == 1);
        const ReportPrintFacts& f = renderer.renders[0].facts;
        CHECK(f.patientName == "张*三");
        CHECK(f.hospitalName == "测试市第一人民医院");
        CHECK(f.patientId == hospital.patientId);
        CHECK(f.kioskId == "K07");
        CHECK(f.sex == Sex::Male);
        CHECK(f.ageYears == ageOn(patientCard().birthDate, localDate(clock.wallNow())));
        CHECK(f.printedAt == clock.wallNow());
        CHECK(f.copy == 1);
        CHECK(f.verifyCode.starts_with("HK1:T:"));
        auto decoded = decodeSlipCode(f.verifyCode);
        REQUIRE(decoded);
        CHECK(*decoded == SlipCode{SlipKind::Report, kBlood});
        CHECK(renderer.renders[0].report.title == "血常规");
    }
}
