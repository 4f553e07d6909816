#pragma once
// Printing reports (报告打印) as a state machine: the patient's reports of
// the last 30 days are listed, ready ones selectable and pending ones shown
// with when to expect them; the chosen ones are drawn as PDF and sent to the
// A4 printer one by one, each followed until the spooler says it completed
// before the hospital is told it was printed. A report printed before is
// printed again only after the patient confirms, and the copy is marked as
// such on paper. The patient is identified by the ID card; a typed number
// never reaches this flow.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "documents/report_renderer.hpp"
#include "flows/flow_failure.hpp"
#include "flows/flow_context.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::flows {

enum class ReportsStage {
    Loading,
    NothingReady,    ///< No ready report (pending ones may be listed with their expected time).
    Choose,
    ConfirmReprint,  ///< Some chosen report was printed before: ask first.
    Printing,
    Done,            ///< See printedCount() and failedTitles().
    Failed,
};

std::string_view reportsStageName(ReportsStage stage);

class ReportsFlow {
public:
    /// How long one print job may take before the patient is told it did not finish.
    static constexpr auto kJobTimeLimit = std::chrono::minutes(3);
    static constexpr auto kJobPollEvery = std::chrono::milliseconds(500);

    ReportsFlow(FlowContext& context, IdentityCard patient);
    /// Identified by a scanned report barcode or report slip instead of a card:
    /// only that report is shown, never the patient's others.
    ReportsFlow(FlowContext& context, std::string reportCode);
    void start();

    void toggle(const std::string& reportId);
    /// Print the chosen reports (or, on ConfirmReprint, print them including the reprints).
    void confirm();
    /// On ConfirmReprint: back to the list, nothing printed.
    void back();
    void cancel();

    ReportsStage stage() const { return m_stage; }
    const std::vector<hospital::Report>& reports() const { return m_reports; }
    bool selected(const std::string& reportId) const { return m_selected.contains(reportId); }
    std::size_t selectedCount() const { return m_selected.size(); }
    /// Reports printed on this visit, and the titles of those whose job did not complete.
    int printedCount() const { return m_printed; }
    const std::vector<std::string>& failedTitles() const { return m_failedTitles; }
    /// The report being printed now ("2 of 3").
    int printingIndex() const { return m_printingIndex; }
    const FlowFailure& failure() const { return m_failure; }
    bool cancelled() const { return m_cancelled; }
    bool busy() const { return m_stage == ReportsStage::Printing; }

private:
    void fail(FailureKind kind, std::string detail);
    void printNext();
    void loadByCode();
    void listed(std::vector<hospital::Report> reports);

    FlowContext& m_ctx;
    IdentityCard m_card;
    std::string m_reportCode;  ///< Set when identified by a scanned code.
    ReportsStage m_stage = ReportsStage::Loading;
    std::optional<hospital::PatientRecord> m_patient;
    std::vector<hospital::Report> m_reports;
    std::set<std::string> m_selected;
    std::vector<std::string> m_queue;  ///< Report ids still to print, in list order.
    int m_printingIndex = 0;
    int m_printed = 0;
    std::vector<std::string> m_failedTitles;
    FlowFailure m_failure;
    bool m_cancelled = false;
};

} // namespace kiosk::flows
