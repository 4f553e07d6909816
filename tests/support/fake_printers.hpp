#pragma once
// The A4 side of report printing for flow tests. FakeA4Printer is a spooler
// whose jobs end where the test says (completed, aborted, stopped for want
// of paper) after as many job queries as the test says, keeping every PDF
// it was given and every cancel. FakeReportRenderer draws nothing: it hands
// back a few bytes naming the report and the copy, keeps the facts it was
// given, and fails for the reports the test names. Single-threaded, like
// FakeHospital: both are driven through a StepRunner.
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "device/a4_printer.hpp"
#include "documents/report_renderer.hpp"

namespace kiosk::test {

class FakeA4Printer final : public A4Printer {
public:
    struct Submission {
        int jobId = 0;
        std::string title;
        std::vector<std::uint8_t> pdf;
        std::string text() const { return {pdf.begin(), pdf.end()}; }
    };

    // What the test sets up -------------------------------------------------
    /// Where a job ends unless endStateByTitle says otherwise: Completed, Aborted, Stopped (no paper), ...
    PrintJobState endState = PrintJobState::Completed;
    std::map<std::string, PrintJobState> endStateByTitle;
    /// The job() query that first finds a job in its end state (earlier ones find it Processing); 0: in it
    /// when submitted. Every query costs the flow ReportsFlow::kJobPollEvery of real time, so keep it small.
    int queriesUntilEnd = 0;
    std::map<std::string, int> queriesUntilEndByTitle;  ///< Per title, over queriesUntilEnd.
    bool failSubmit = false;                            ///< The spooler refuses every job.
    bool failQueries = false;                           ///< The spooler stops answering job queries.

    // What happened ---------------------------------------------------------
    std::vector<Submission> submitted;
    std::vector<int> cancelled;    ///< Job ids, in call order.
    std::map<int, PrintJob> jobs;  ///< Every accepted job as it stands now.
    std::map<int, int> queries;    ///< job() calls per job id.

    std::vector<std::string> titles() const
    {
        std::vector<std::string> out;
        for (const auto& s : submitted)
            out.push_back(s.title);
        return out;
    }
    /// The titles of the jobs that completed: what came out of the printer.
    std::vector<std::string> completedTitles() const
    {
        std::vector<std::string> out;
        for (const auto& s : submitted)
            if (jobs.at(s.jobId).state == PrintJobState::Completed) out.push_back(s.title);
        return out;
    }

    // A4Printer ---------------------------------------------------------------
    Result<PrintJob> submitPdf(std::span<const std::uint8_t> pdf, const std::string& title) override
    {
        if (failSubmit) return fail("spooler refused the job");
        PrintJob job;
        job.id = m_nextJob++;
        job.state = queriesFor(title) > 0 ? PrintJobState::Pending : endFor(title);
        submitted.push_back({job.id, title, {pdf.begin(), pdf.end()}});
        jobs[job.id] = job;
        m_titles[job.id] = title;
        return job;
    }
    Result<PrintJob> job(int jobId) override
    {
        int asked = ++queries[jobId];
        if (failQueries) return fail("spooler not answering");
        auto it = jobs.find(jobId);
        if (it == jobs.end()) return fail("no such job");
        PrintJob& job = it->second;
        if (!isFinal(job.state) && job.state != PrintJobState::Stopped)
            job.state = asked >= queriesFor(m_titles[jobId]) ? endFor(m_titles[jobId]) : PrintJobState::Processing;
        return job;
    }
    Result<void> cancelJob(int jobId) override
    {
        cancelled.push_back(jobId);
        auto it = jobs.find(jobId);
        if (it == jobs.end()) return fail("no such job");
        if (!isFinal(it->second.state)) it->second.state = PrintJobState::Canceled;
        return {};
    }
    Result<A4PrinterStatus> status() override
    {
        A4PrinterStatus s;
        s.reachable = true;
        s.accepting = true;
        return s;
    }
    std::string describe() const override { return "fake A4 printer"; }

private:
    int queriesFor(const std::string& title) const
    {
        auto it = queriesUntilEndByTitle.find(title);
        return it == queriesUntilEndByTitle.end() ? queriesUntilEnd : it->second;
    }
    PrintJobState endFor(const std::string& title) const
    {
        auto it = endStateByTitle.find(title);
        return it == endStateByTitle.end() ? endState : it->second;
    }

    int m_nextJob = 1;
    std::map<int, std::string> m_titles;
};

class FakeReportRenderer final : public ReportRenderer {
public:
    struct Render {
        hospital::Report report;
        ReportPrintFacts facts;
    };

    std::set<std::string> failFor;  ///< Report ids whose drawing fails.
    std::vector<Render> renders;    ///< Every request, failed or not, in order.

    /// The bytes rendered for a report: "%PDF-fake <id> copy <n>".
    static std::string bytesFor(const std::string& reportId, int copy)
    {
        return "%PDF-fake " + reportId + " copy " + std::to_string(copy);
    }

    Result<std::vector<std::uint8_t>> render(const hospital::Report& report, const ReportPrintFacts& facts) override
    {
        renders.push_back({report, facts});
        if (failFor.contains(report.id)) return fail("cannot draw report " + report.id);
        std::string text = bytesFor(report.id, facts.copy);
        return std::vector<std::uint8_t>(text.begin(), text.end());
    }
};

} // namespace kiosk::test
