#include "flows/reports_flow.hpp"

#include <thread>

#include "patient/masking.hpp"
#include "scan/slip_code.hpp"

namespace kiosk::flows {

using hospital::BackendErrorKind;
using hospital::BackendResult;
using hospital::ReportStatus;

std::string_view reportsStageName(ReportsStage stage)
{
    switch (stage) {
    case ReportsStage::Loading: return "loading";
    case ReportsStage::NothingReady: return "nothing-ready";
    case ReportsStage::Choose: return "choose";
    case ReportsStage::ConfirmReprint: return "confirm-reprint";
    case ReportsStage::Printing: return "printing";
    case ReportsStage::Done: return "done";
    case ReportsStage::Failed: return "failed";
    }
    return "?";
}

ReportsFlow::ReportsFlow(FlowContext& context, IdentityCard patient) : m_ctx(context), m_card(std::move(patient)) {}

ReportsFlow::ReportsFlow(FlowContext& context, std::string reportCode)
    : m_ctx(context), m_reportCode(std::move(reportCode))
{
}

void ReportsFlow::start()
{
    if (!m_ctx.a4Printer || !m_ctx.reportRenderer) return fail(FailureKind::PrinterNotReady, "no A4 printer configured");
    DeviceReport printer = m_ctx.device(DeviceRole::A4Printer);
    if (printer.down())
        return fail(FailureKind::PrinterNotReady, printer.detail);
    if (!m_reportCode.empty()) return loadByCode();
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, card = m_card] {
        auto patient = hospital.findOrCreatePatient(card);
        BackendResult<std::vector<hospital::Report>> reports =
            patient ? hospital.reports(patient->id) : std::unexpected(patient.error());
        post([this, patient, reports] {
            if (m_stage != ReportsStage::Loading) return;
            if (!patient || !reports) {
                const auto& error = !patient ? patient.error() : reports.error();
                return fail(error.kind == BackendErrorKind::Unreachable ? FailureKind::BackendUnreachable
                                                                        : FailureKind::Other,
                            error.message);
            }
            m_patient = *patient;
            listed(*reports);
        });
    });
}

void ReportsFlow::loadByCode()
{
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, code = m_reportCode] {
        auto report = hospital.reportByBarcode(code);
        BackendResult<hospital::PatientRecord> patient =
            report ? hospital.patient(report->patientId) : std::unexpected(report.error());
        post([this, report, patient] {
            if (m_stage != ReportsStage::Loading) return;
            if (!report || !patient) {
                const auto& error = !report ? report.error() : patient.error();
                return fail(error.kind == BackendErrorKind::Unreachable ? FailureKind::BackendUnreachable
                            : error.kind == BackendErrorKind::NotFound  ? FailureKind::ReportNotFound
                                                                        : FailureKind::Other,
                            error.message);
            }
            m_patient = *patient;
            // The card's fields the printout needs, from the hospital's record.
            m_card.name = patient->name;
            m_card.sex = patient->sex;
            m_card.birthDate = patient->birthDate;
            listed({*report});
        });
    });
}

void ReportsFlow::listed(std::vector<hospital::Report> reports)
{
    m_reports = std::move(reports);
    // Ready reports not printed yet are chosen already: that is what most
    // patients came for. Printed ones wait to be asked for.
    bool anyReady = false;
    for (const auto& r : m_reports) {
        if (r.status == ReportStatus::Pending) continue;
        anyReady = true;
        if (r.status == ReportStatus::Ready) m_selected.insert(r.id);
    }
    m_stage = anyReady ? ReportsStage::Choose : ReportsStage::NothingReady;
}

void ReportsFlow::toggle(const std::string& reportId)
{
    if (m_stage != ReportsStage::Choose) return;
    for (const auto& r : m_reports) {
        if (r.id != reportId || r.status == ReportStatus::Pending) continue;
        if (!m_selected.erase(reportId)) m_selected.insert(reportId);
    }
}

void ReportsFlow::confirm()
{
    if (m_selected.empty()) return;
    if (m_stage == ReportsStage::Choose) {
        for (const auto& r : m_reports)
            if (m_selected.contains(r.id) && r.timesPrinted > 0) {
                m_stage = ReportsStage::ConfirmReprint;
                return;
            }
    } else if (m_stage != ReportsStage::ConfirmReprint) {
        return;
    }
    // Asked again here: the printer may have run out of paper while the patient chose.
    DeviceReport printer = m_ctx.device(DeviceRole::A4Printer);
    if (printer.down())
        return fail(FailureKind::PrinterNotReady, printer.detail);
    m_queue.clear();
    for (const auto& r : m_reports)
        if (m_selected.contains(r.id)) m_queue.push_back(r.id);
    m_stage = ReportsStage::Printing;
    m_printingIndex = 0;
    printNext();
}

void ReportsFlow::back()
{
    if (m_stage == ReportsStage::ConfirmReprint) m_stage = ReportsStage::Choose;
}

void ReportsFlow::cancel()
{
    if (m_stage != ReportsStage::Printing) m_cancelled = true;  // a page half out of the printer is finished first
}

void ReportsFlow::printNext()
{
    if (m_printingIndex >= static_cast<int>(m_queue.size())) {
        m_stage = ReportsStage::Done;
        return;
    }
    const hospital::Report* report = nullptr;
    for (const auto& r : m_reports)
        if (r.id == m_queue[static_cast<std::size_t>(m_printingIndex)]) report = &r;
    ReportPrintFacts facts;
    facts.hospitalName = m_ctx.hospitalName;
    facts.patientName = maskName(m_card.displayName());
    facts.sex = m_card.sex;
    facts.ageYears = m_card.birthDate.year > 0 ? ageOn(m_card.birthDate, localDate(m_ctx.clock.wallNow())) : -1;
    facts.patientId = m_patient->id;
    // The report's barcode when it has one, so that the printout's QR code,
    // scanned at any kiosk, finds the report the way its barcode does.
    std::string slipId = report->barcode.empty() ? report->id : report->barcode;
    facts.verifyCode = encodeSlipCode(SlipCode{SlipKind::Report, slipId}).value_or(slipId);
    facts.kioskId = m_ctx.kioskId;
    facts.printedAt = m_ctx.clock.wallNow();
    facts.copy = report->timesPrinted + 1;
    auto& hospital = m_ctx.hospital;
    A4Printer& printer = *m_ctx.a4Printer;
    ReportRenderer& renderer = *m_ctx.reportRenderer;
    m_ctx.runner.run([this, &hospital, &printer, &renderer, post = m_ctx.post, report = *report, facts] {
        // Drawn, sent, and followed to the end on the worker: a report counts
        // as printed only when the spooler says the job completed.
        std::string error;
        bool printed = false;
        auto pdf = renderer.render(report, facts);
        if (!pdf) {
            error = pdf.error().message;
        } else if (auto job = printer.submitPdf(*pdf, report.title); !job) {
            error = job.error().message;
        } else {
            auto deadline = std::chrono::steady_clock::now() + kJobTimeLimit;
            PrintJob state = *job;
            // A stopped job (no paper, a jam) or a held one will not finish while
            // the patient waits: say so now rather than after minutes.
            while (!isFinal(state.state) && state.state != PrintJobState::Stopped &&
                   state.state != PrintJobState::Held && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(kJobPollEvery);
                auto next = printer.job(state.id);
                if (!next) {
                    error = next.error().message;
                    break;
                }
                state = *next;
            }
            printed = state.state == PrintJobState::Completed;
            if (!isFinal(state.state)) {
                // Reported as not printed, so it must not come out later either.
                if (auto cancelled = printer.cancelJob(state.id); !cancelled) error = cancelled.error().message;
            }
            if (!printed && error.empty()) error = "job " + std::to_string(state.id) + " " + std::string(printJobStateName(state.state));
        }
        if (printed) (void)hospital.markPrinted(report.id);
        post([this, printed, title = report.title, id = report.id] {
            if (m_stage != ReportsStage::Printing) return;
            if (printed) {
                ++m_printed;
                for (auto& r : m_reports)
                    if (r.id == id) {
                        ++r.timesPrinted;
                        r.status = ReportStatus::Printed;
                    }
            } else {
                m_failedTitles.push_back(title);
            }
            ++m_printingIndex;
            printNext();
        });
    });
}

void ReportsFlow::fail(FailureKind kind, std::string detail)
{
    m_failure = FlowFailure{kind, false, false, std::move(detail)};
    m_stage = ReportsStage::Failed;
}

} // namespace kiosk::flows
