#pragma once
// Runs the service a patient chose (registration now; bills and reports
// next) for the Shell: builds the flow with its context, routes intents,
// scans and worker replies to it, and drops replies meant for a flow or a
// session that has gone. It holds the only pointers to the back end, the
// payment channel and the printers the flows use.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/event_queue.hpp"
#include "feedback/feedback_store.hpp"
#include "flows/bills_flow.hpp"
#include "flows/checkin_flow.hpp"
#include "flows/prices_flow.hpp"
#include "flows/registration_flow.hpp"
#include "flows/reports_flow.hpp"
#include "flows/transaction_lookup_flow.hpp"
#include "shell/service_kind.hpp"

namespace kiosk {

/// The long-lived parts flows work with; owned by the composition root.
struct ServiceParts {
    hospital::HospitalBackend& hospital;
    payment::PaymentGateway& gateway;
    ReceiptPrinter& receiptPrinter;
    flows::TaskRunner& runner;
    EventQueue& events;
    /// Report printing is offered only with both.
    A4Printer* a4Printer = nullptr;
    ReportRenderer* reportRenderer = nullptr;
    /// Where satisfaction ratings go; null: the rating is not offered.
    FeedbackStore* feedback = nullptr;
    /// The money journal; without it registration and bill payment refuse money.
    journal::Journal* journal = nullptr;
    /// Called when a flow ends, so that recovery looks at anything it left unfinished.
    std::function<void()> flowEnded{};
};

class ServiceHost {
public:
    ServiceHost(ServiceParts parts, const Clock& clock, const CatalogSet& catalogs);

    /// Starts a service for the patient (null for a service anyone may use, see needsPatient);
    /// returns false if the kiosk does not offer it or it needs a patient and has none.
    bool open(ServiceKind kind, SessionId session, const IdentityCard* patient, Language language,
              const std::string& kioskId, const std::string& hospitalName,
              std::function<DeviceReport(DeviceRole)> device);
    /// Starts report printing for the one report a scanned report barcode or report slip names.
    bool openReportByCode(const std::string& code, SessionId session, Language language, const std::string& kioskId,
                          const std::string& hospitalName, std::function<DeviceReport(DeviceRole)> device);
    /// Ends whatever runs (the session is over). Work already on a worker finishes; its reply is dropped.
    void close();

    /// Applies a worker's reply if it is for the running flow of this session.
    bool deliver(const FlowReply& reply, SessionId session);
    void choose(const std::string& id);
    void confirm();
    void back();
    void cancel();
    /// Opens the transaction lookup on the transaction a scanned kiosk slip names.
    bool openTransactionByCode(const std::string& id, SessionId session, Language language, const std::string& kioskId,
                               const std::string& hospitalName, std::function<DeviceReport(DeviceRole)> device);
    /// Prints a registration slip again (transaction lookup).
    void reprint();
    /// A key of the on-screen keypad (price and transaction lookup).
    void keyInput(char key);
    /// A scan while a service runs: true if the service took it (a payment code while paying).
    bool codeScanned(const std::string& code);
    void tick();
    std::optional<Instant> nextDeadline() const;
    /// Which page of the current step's list is shown; back to the first whenever the step changes.
    /// (Steps are numbered per flow; the pair of flow and step is what must not change.)
    int page() const;
    void turnPage(int delta);
    /// Records the patient's rating of the service that just ended (once per service).
    void rate(int score);
    bool canRate() const { return m_parts.feedback && !m_rated; }
    bool rated() const { return m_rated; }

    bool active() const
    {
        return m_registration != nullptr || m_bills != nullptr || m_reports != nullptr || m_prices != nullptr ||
               m_checkIn != nullptr || m_lookup != nullptr;
    }
    /// Whether this kiosk offers the service at all (reports need an A4 printer).
    bool offers(ServiceKind kind) const;
    std::optional<ServiceKind> kind() const;
    /// Money or a booking is moving: the session must not time out under it.
    bool busy() const;
    /// The patient cancelled; the shell goes back to the service menu.
    bool cancelled() const;
    const flows::RegistrationFlow* registration() const { return m_registration.get(); }
    /// A transaction slip was sent to the printer for the failed payment on screen.
    bool transactionSlipSent() const { return m_transactionSlipSent; }
    const flows::BillsFlow* bills() const { return m_bills.get(); }
    const flows::ReportsFlow* reports() const { return m_reports.get(); }
    const flows::PricesFlow* prices() const { return m_prices.get(); }
    const flows::CheckInFlow* checkIn() const { return m_checkIn.get(); }
    const flows::TransactionLookupFlow* lookup() const { return m_lookup.get(); }
    /// The payment step of whichever flow runs, if it is paying (for the scenario's phone).
    const flows::PaymentStep* payment() const;
    /// Every string the running flow may show, for the glyph atlas.
    void forEachText(const std::function<void(const std::string&)>& use) const;

private:
    /// Once a registration or bill payment has failed with money involved, prints the transaction slip.
    void printTransactionSlipIfNeeded();
    /// Ends what ran and builds the context for a new flow.
    void prepare(SessionId session, Language language, const std::string& kioskId, const std::string& hospitalName,
                 std::function<DeviceReport(DeviceRole)> device);
    void forEachBillText(const std::function<void(const std::string&)>& use) const;
    void forEachReportText(const std::function<void(const std::string&)>& use) const;
    void forEachPriceText(const std::function<void(const std::string&)>& use) const;

    ServiceParts m_parts;
    const Clock& m_clock;
    const CatalogSet& m_catalogs;
    std::uint64_t m_nextFlowId = 1;
    std::uint64_t m_flowId = 0;
    std::unique_ptr<flows::FlowContext> m_context;
    std::unique_ptr<flows::RegistrationFlow> m_registration;
    std::unique_ptr<flows::BillsFlow> m_bills;
    std::unique_ptr<flows::ReportsFlow> m_reports;
    std::unique_ptr<flows::PricesFlow> m_prices;
    std::unique_ptr<flows::CheckInFlow> m_checkIn;
    std::unique_ptr<flows::TransactionLookupFlow> m_lookup;
    int m_page = 0;
    int m_pageStage = -1;  ///< The step m_page belongs to.
    bool m_rated = false;
    bool m_transactionSlipSent = false;
    std::string m_kioskId;
};

} // namespace kiosk
