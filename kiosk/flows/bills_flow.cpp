#include "flows/bills_flow.hpp"

#include <thread>

#include "documents/payment_receipt.hpp"

namespace kiosk::flows {

using hospital::BackendErrorKind;
using hospital::BackendResult;

namespace {
constexpr int kSettleAttempts = 3;

FailureKind failureFor(BackendErrorKind kind)
{
    switch (kind) {
    case BackendErrorKind::Unreachable: return FailureKind::BackendUnreachable;
    case BackendErrorKind::Invalid:
    case BackendErrorKind::Conflict: return FailureKind::AmountChanged;
    default: return FailureKind::Other;
    }
}
} // namespace

std::string_view billsStageName(BillsStage stage)
{
    switch (stage) {
    case BillsStage::Loading: return "loading";
    case BillsStage::NothingToPay: return "nothing-to-pay";
    case BillsStage::Review: return "review";
    case BillsStage::Paying: return "paying";
    case BillsStage::Settling: return "settling";
    case BillsStage::Refunding: return "refunding";
    case BillsStage::Printing: return "printing";
    case BillsStage::Done: return "done";
    case BillsStage::Failed: return "failed";
    }
    return "?";
}

BillsFlow::BillsFlow(FlowContext& context, IdentityCard patient)
    : m_ctx(context), m_card(std::move(patient)), m_record(context.journal), m_payment(context)
{
}

void BillsFlow::start()
{
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, card = m_card] {
        auto patient = hospital.findOrCreatePatient(card);
        BackendResult<std::vector<hospital::Order>> orders =
            patient ? hospital.unpaidOrders(patient->id) : std::unexpected(patient.error());
        post([this, patient, orders] {
            if (m_stage != BillsStage::Loading) return;
            if (!patient) return fail(failureFor(patient.error().kind), patient.error().message);
            if (!orders) return fail(failureFor(orders.error().kind), orders.error().message);
            m_patient = *patient;
            m_orders = *orders;
            // Everything preselected: most patients pay all, and a forgotten
            // prescription means a second queue at the pharmacy.
            for (const auto& o : m_orders) m_selected.insert(o.id);
            m_stage = m_orders.empty() ? BillsStage::NothingToPay : BillsStage::Review;
        });
    });
}

void BillsFlow::toggle(const std::string& orderId)
{
    if (m_stage != BillsStage::Review) return;
    bool known = false;
    for (const auto& o : m_orders) known = known || o.id == orderId;
    if (!known) return;
    if (!m_selected.erase(orderId)) m_selected.insert(orderId);
}

hospital::Fen BillsFlow::selectedTotal() const
{
    hospital::Fen total = 0;
    for (const auto& o : m_orders)
        if (m_selected.contains(o.id)) total += o.total();
    return total;
}

void BillsFlow::confirm()
{
    if (m_stage != BillsStage::Review || !m_patient) return;
    if (m_selected.empty()) return;  // the screen says to select something; nothing to pay is not an error
    DeviceReport printer = m_ctx.device(DeviceRole::ReceiptPrinter);
    if (printer.down())
        return fail(FailureKind::PrinterNotReady, printer.detail);
    m_paidOrderIds.clear();
    for (const auto& o : m_orders)
        if (m_selected.contains(o.id)) m_paidOrderIds.push_back(o.id);
    m_paidTotal = selectedTotal();
    std::string orderIds;
    for (const auto& id : m_paidOrderIds) orderIds += (orderIds.empty() ? "" : ",") + id;
    journal::TransactionRecord intent{.id = m_ctx.transactionPrefix,
                                      .kind = journal::TransactionKind::Bills,
                                      .kioskId = m_ctx.kioskId,
                                      .startedAt = m_ctx.clock.wallNow(),
                                      .amountFen = m_paidTotal,
                                      .orderNo = m_ctx.transactionPrefix,
                                      .patientRef = m_patient->id,
                                      .subjectRef = orderIds};
    if (auto begun = m_record.begin(intent); !begun)
        return fail(FailureKind::RecordsUnavailable, begun.error().message);
    m_payment.journalTo(m_record);
    m_orderNo = m_ctx.transactionPrefix;
    m_stage = BillsStage::Paying;
    Instant now = m_ctx.clock.now();
    m_payment.start(m_orderNo, m_paidTotal, m_ctx.catalogs.text(m_ctx.language, "payment.subject.bills"),
                    now + PaymentStep::kDefaultTimeLimit);
}

void BillsFlow::afterPayment()
{
    switch (m_payment.stage()) {
    case PaymentStage::Paid: return settle();
    case PaymentStage::Declined: return fail(FailureKind::PaymentDeclined, m_payment.declineReason());
    case PaymentStage::TimedOut: return fail(FailureKind::PaymentTimedOut, "no payment before the deadline");
    case PaymentStage::Cancelled:
        m_cancelled = true;
        m_stage = BillsStage::Failed;
        m_failure = FlowFailure{FailureKind::None, false, false, "cancelled by the patient"};
        return;
    case PaymentStage::Unreachable: return fail(FailureKind::PaymentUnavailable, m_payment.declineReason());
    case PaymentStage::Uncertain: return fail(FailureKind::PaymentUncertain, m_payment.declineReason());
    default: return;
    }
}

void BillsFlow::settle()
{
    m_stage = BillsStage::Settling;
    auto& hospital = m_ctx.hospital;
    m_ctx.runner.run([this, &hospital, post = m_ctx.post, patientId = m_patient->id, orders = m_paidOrderIds,
                      total = m_paidTotal, paymentRef = m_payment.paid().orderNo,
                      key = m_ctx.transactionPrefix + "-S", journal = m_record.journal(), id = m_record.id()] {
        BackendResult<hospital::Invoice> invoice = hospital::backendFail(BackendErrorKind::Unreachable, "not tried");
        for (int attempt = 0; attempt < kSettleAttempts; ++attempt) {
            if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(500));
            invoice = hospital.settle(patientId, orders, total, paymentRef, key);
            if (invoice || invoice.error().kind != BackendErrorKind::Unreachable) break;
        }
        // Before giving the money back, one more question: orders settled
        // with this key whose every answer was lost must not be refunded, or
        // the hospital counts them paid while the patient has the money back.
        if (!invoice && invoice.error().kind == BackendErrorKind::Unreachable) {
            if (auto found = hospital.invoiceByKey(key)) invoice = *found;
        }
        if (invoice) (void)recordStep(journal, id, journal::Step::Settled, {.hospitalReference = invoice->id});
        post([this, invoice] {
            if (m_stage != BillsStage::Settling) return;
            if (!invoice && invoice.error().kind == BackendErrorKind::Unreachable) {
                // Whether the hospital settled is unknown: left paid in the
                // journal for recovery to settle (same key) or refund later.
                m_failure = FlowFailure{FailureKind::CompletingLater, true, false, invoice.error().message};
                m_stage = BillsStage::Failed;
                return;
            }
            if (!invoice) return refund(failureFor(invoice.error().kind), invoice.error().message);
            m_invoice = *invoice;
            printReceipt();
        });
    });
}

void BillsFlow::refund(FailureKind why, std::string detail)
{
    m_stage = BillsStage::Refunding;
    m_payment.refundPaid("bill could not be settled", why, std::move(detail), [this](FlowFailure failure) {
        if (m_stage != BillsStage::Refunding) return;
        m_failure = std::move(failure);
        m_stage = BillsStage::Failed;
    });
}

void BillsFlow::printReceipt()
{
    m_stage = BillsStage::Printing;
    std::vector<hospital::Order> paid;
    for (const auto& o : m_orders)
        if (m_selected.contains(o.id)) paid.push_back(o);
    ReceiptFacts facts{m_ctx.hospitalName, std::move(paid), *m_invoice, m_card.displayName(), m_payment.paid(),
                       m_ctx.clock.wallNow(), m_ctx.kioskId};
    ReceiptDocument receipt = buildPaymentReceipt(facts, m_ctx.catalogs, m_ctx.language);
    auto& printer = m_ctx.receiptPrinter;
    m_ctx.runner.run([this, &printer, post = m_ctx.post, receipt = std::move(receipt), journal = m_record.journal(),
                      id = m_record.id()] {
        PrintOutcome outcome = printer.print(receipt);
        if (outcome.printed)
            (void)recordStep(journal, id, journal::Step::Printed, {});
        else
            (void)recordStep(journal, id, journal::Step::PrintFailed,
                             {.note = journalNote("receipt not printed: " + outcome.error)});
        post([this, printed = outcome.printed] {
            if (m_stage != BillsStage::Printing) return;
            m_receiptPrinted = printed;
            m_stage = BillsStage::Done;
        });
    });
}

void BillsFlow::fail(FailureKind kind, std::string detail)
{
    m_failure = FlowFailure{kind, false, false, std::move(detail)};
    m_stage = BillsStage::Failed;
}

void BillsFlow::cancel()
{
    if (m_stage == BillsStage::Paying) m_payment.cancel();
    else if (m_stage == BillsStage::Loading || m_stage == BillsStage::Review || m_stage == BillsStage::NothingToPay ||
             m_stage == BillsStage::Failed || m_stage == BillsStage::Done)
        m_cancelled = true;
}

void BillsFlow::codeScanned(const std::string& code)
{
    if (m_stage == BillsStage::Paying) (void)m_payment.codeScanned(code);
}

void BillsFlow::tick()
{
    if (m_stage != BillsStage::Paying) return;
    m_payment.tick();
    if (isFinal(m_payment.stage())) afterPayment();
}

std::optional<Instant> BillsFlow::nextDeadline() const
{
    return m_stage == BillsStage::Paying ? m_payment.nextDeadline() : std::nullopt;
}

bool BillsFlow::busy() const
{
    return m_stage == BillsStage::Paying || m_stage == BillsStage::Settling || m_stage == BillsStage::Refunding ||
           m_stage == BillsStage::Printing;
}

} // namespace kiosk::flows
