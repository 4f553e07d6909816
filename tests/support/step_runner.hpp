#pragma once
// Running a flow's slow work by hand. StepRunner queues the jobs a flow hands
// to its TaskRunner; FlowLoop builds a FlowContext whose `post` queues the
// replies, and pump() runs jobs and applies replies one at a time until
// nothing is left. Nothing runs on another thread and nothing runs until the
// test says so, so every interleaving a test sets up is the one it gets.
#include <cstddef>
#include <deque>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "device/device_report.hpp"
#include "device/receipt_printer.hpp"
#include "flows/flow_context.hpp"
#include "flows/task_runner.hpp"

namespace kiosk::test {

class StepRunner final : public flows::TaskRunner {
public:
    void run(std::function<void()> job) override { m_jobs.push_back(std::move(job)); }

    std::size_t pending() const { return m_jobs.size(); }
    /// Runs the oldest job; false if there was none.
    bool runOne()
    {
        if (m_jobs.empty()) return false;
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        job();
        return true;
    }

private:
    std::deque<std::function<void()>> m_jobs;
};

/// A runner and a reply queue standing in for the worker thread and the UI thread's event queue.
class FlowLoop {
public:
    StepRunner runner;
    /// Called after each reply is applied, as the shell ticks the flow after delivering one.
    std::function<void()> afterReply;

    /// A context on the given parts whose `post` queues replies here. Device reports come from `device`
    /// (every role Ready if none is given).
    flows::FlowContext makeContext(const Clock& clock, hospital::HospitalBackend& hospital,
                                   payment::PaymentGateway& gateway, ReceiptPrinter& printer,
                                   const CatalogSet& catalogs, std::function<DeviceReport(DeviceRole)> device = {})
    {
        if (!device) device = [](DeviceRole role) { return DeviceReport{role, DeviceHealth::Ready, {}, {}}; };
        return flows::FlowContext{clock,
                                  runner,
                                  [this](std::function<void()> apply) { m_replies.push_back(std::move(apply)); },
                                  hospital,
                                  gateway,
                                  printer,
                                  std::move(device),
                                  catalogs,
                                  Language::ZhCN,
                                  "K07",
                                  "测试市第一人民医院",
                                  "K07-20261123100000-1"};
    }

    std::size_t pendingReplies() const { return m_replies.size(); }
    std::size_t pendingJobs() const { return runner.pending(); }

    /// Applies the oldest reply (then afterReply); false if there was none.
    bool applyOne()
    {
        if (m_replies.empty()) return false;
        std::function<void()> apply = std::move(m_replies.front());
        m_replies.pop_front();
        apply();
        if (afterReply) afterReply();
        return true;
    }

    /// Until nothing is left: replies first (the UI thread is quick), then the oldest job.
    /// Returns how many jobs ran.
    int pump()
    {
        int jobs = 0;
        for (int guard = 0; guard < 10000; ++guard) {
            if (applyOne()) continue;
            if (!runner.runOne()) return jobs;
            ++jobs;
        }
        throw std::runtime_error("FlowLoop::pump: the flow keeps making work");
    }

private:
    std::deque<std::function<void()>> m_replies;
};

/// A receipt printer that keeps what it was asked to print and fails when told to.
class FakeReceiptPrinter final : public ReceiptPrinter {
public:
    std::vector<ReceiptDocument> printed;  ///< Every document it was asked to print, printed or not.
    bool failPrints = false;

    Result<PrinterStatus> queryStatus() override { return status(); }
    PrintOutcome print(const ReceiptDocument& document) override
    {
        printed.push_back(document);
        PrintOutcome outcome;
        outcome.statusBefore = status();
        outcome.statusAfter = status();
        if (failPrints) {
            outcome.statusAfter.paper = PaperState::Empty;
            outcome.bytesTotal = 1024;
            outcome.bytesSent = 300;
            outcome.error = "paper ran out";
            return outcome;
        }
        outcome.printed = true;
        return outcome;
    }
    std::string describe() const override { return "fake receipt printer"; }

    /// Every line of text in a document, in order.
    static std::vector<std::string> lines(const ReceiptDocument& document)
    {
        std::vector<std::string> out;
        for (const ReceiptElement& e : document.elements)
            if (const auto* text = std::get_if<ReceiptText>(&e)) out.push_back(text->text);
        return out;
    }
    /// All of a document's text and QR payloads in one string, for "contains" checks.
    static std::string allText(const ReceiptDocument& document)
    {
        std::string out;
        for (const ReceiptElement& e : document.elements) {
            if (const auto* text = std::get_if<ReceiptText>(&e)) out += text->text + "\n";
            if (const auto* qr = std::get_if<ReceiptQrCode>(&e)) out += qr->data + "\n";
        }
        return out;
    }

private:
    static PrinterStatus status()
    {
        PrinterStatus s;
        s.power = PowerState::Online;
        s.paper = PaperState::Ok;
        return s;
    }
};

} // namespace kiosk::test
