// Report printing as a state machine, without the UI: an in-memory hospital
// with the patient's reports, a renderer that hands back a few bytes per
// report, a spooler whose jobs end where the test says, and a runner stepped
// by hand. A report counts as printed only when its job completed: only
// then is the hospital told, and a job that will not complete is cancelled
// so that it cannot come out later for the next patient.
#include "reports_flow_rig.hpp"

TEST_SUITE("reports_flow")
{
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
