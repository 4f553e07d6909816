#pragma once
// Report printing as a state machine, without the UI: an in-memory hospital
// with the patient's reports, a renderer that hands back a few bytes per
// report, a spooler whose jobs end where the test says, and a runner stepped
// by hand. A report counts as printed only when its job completed: only
// then is the hospital told, and a job that will not complete is cancelled
// so that it cannot come out later for the next patient.
#include "flow_test_prelude.hpp"

#include <map>

#include "fake_printers.hpp"
#include "flows/reports_flow.hpp"
#include "scan/slip_code.hpp"

using kiosk::hospital::ReportStatus;
using kiosk::test::FakeA4Printer;
using kiosk::test::FakeReportRenderer;

namespace {

// Ready and not printed, ready and not printed, printed twice before, not ready yet.
constexpr const char* kBlood = "R00700001";
constexpr const char* kLiver = "R00700002";
constexpr const char* kChest = "R00700003";
constexpr const char* kUrine = "R00700004";

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

