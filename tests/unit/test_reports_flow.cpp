// Report printing as a state machine, without the UI: an in-memory hospital
// with the patient's reports, a renderer that hands back a few bytes per
// report, a spooler whose jobs end where the test says, and a runner stepped
// by hand. A report counts as printed only when its job completed: only
// then is the hospital told, and a job that will not complete is cancelled
// so that it cannot come out later for the next patient.
#include "reports_flow_rig.hpp"

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
}
