#include <doctest/doctest.h>

#include <filesystem>

#include <unistd.h>
#include <fstream>
#include <iterator>
#include <string>

#include "sim/simulated_a4_printer.hpp"

using namespace kiosk;
using namespace kiosk::devices;

namespace {

std::string tempDir(const std::string& name)
{
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-a4-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir.string();
}

std::vector<std::uint8_t> pdf(const std::string& body)
{
    std::string text = "%PDF-1.5\n" + body + "\n%%EOF\n";
    return {text.begin(), text.end()};
}

PrintJob followToEnd(A4Printer& printer, int id)
{
    PrintJob job;
    for (int i = 0; i < 10; ++i) {
        auto j = printer.job(id);
        REQUIRE(j.has_value());
        job = *j;
        if (isFinal(job.state)) break;
    }
    return job;
}

} // namespace

TEST_SUITE("a4_simulated")
{
    TEST_CASE("a job goes pending, processing, completed, and the PDF is kept byte for byte")
    {
        auto printer = SimulatedA4Printer::create(tempDir("keep"));
        REQUIRE(printer.has_value());
        auto bytes = pdf("report for 张*三");
        auto submitted = (*printer)->submitPdf(bytes, "report");
        REQUIRE(submitted.has_value());
        CHECK(submitted->state == PrintJobState::Pending);
        auto first = (*printer)->job(submitted->id);
        REQUIRE(first.has_value());
        CHECK(first->state == PrintJobState::Processing);
        PrintJob done = followToEnd(**printer, submitted->id);
        CHECK(done.state == PrintJobState::Completed);
        auto kept = (*printer)->printed();
        REQUIRE(kept.size() == 1);
        std::ifstream in(kept[0], std::ios::binary);
        std::vector<std::uint8_t> back{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        CHECK(back == bytes);
    }

    TEST_CASE("out of paper: the queue reports it, the job stops, and finishes once paper is back")
    {
        auto printer = SimulatedA4Printer::create(tempDir("paper"));
        REQUIRE(printer.has_value());
        (*printer)->setFaults({.mediaEmpty = true});
        auto status = (*printer)->status();
        REQUIRE(status.has_value());
        CHECK(status->paper == PaperState::Empty);
        CHECK_FALSE(status->usable());
        auto submitted = (*printer)->submitPdf(pdf("x"), "report");
        REQUIRE(submitted.has_value());
        auto stopped = (*printer)->job(submitted->id);
        REQUIRE(stopped.has_value());
        CHECK(stopped->state == PrintJobState::Stopped);
        CHECK((*printer)->printed().empty());
        (*printer)->setFaults({});
        CHECK(followToEnd(**printer, submitted->id).state == PrintJobState::Completed);
    }

    TEST_CASE("an aborted job and a document that is not a PDF are never printed")
    {
        auto printer = SimulatedA4Printer::create(tempDir("abort"));
        REQUIRE(printer.has_value());
        (*printer)->setFaults({.abortNextJob = true});
        auto aborted = (*printer)->submitPdf(pdf("x"), "report");
        REQUIRE(aborted.has_value());
        CHECK(aborted->state == PrintJobState::Aborted);
        CHECK_FALSE((*printer)->faults().abortNextJob);  // only the next one

        std::string text = "not a pdf";
        auto bad = (*printer)->submitPdf(std::vector<std::uint8_t>(text.begin(), text.end()), "report");
        REQUIRE(bad.has_value());
        CHECK(bad->state == PrintJobState::Aborted);
        CHECK(bad->reasons == std::vector<std::string>{"document-format-error"});
        CHECK((*printer)->printed().empty());

        auto good = (*printer)->submitPdf(pdf("y"), "report");
        REQUIRE(good.has_value());
        CHECK(followToEnd(**printer, good->id).state == PrintJobState::Completed);
    }

    TEST_CASE("an unreachable spooler refuses with a reason; an unknown job is an error")
    {
        auto printer = SimulatedA4Printer::create(tempDir("down"));
        REQUIRE(printer.has_value());
        CHECK_FALSE((*printer)->job(42).has_value());
        (*printer)->setFaults({.unreachable = true});
        auto refused = (*printer)->submitPdf(pdf("x"), "report");
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message.find("does not answer") != std::string::npos);
        CHECK_FALSE((*printer)->status().has_value());
    }
}
