// The transaction slip a patient takes away when a payment did not end well:
// printed by the host once the flow has failed with money involved, so that
// the flows stay about their own steps.
#include "documents/transaction_slip.hpp"
#include "shell/service_host.hpp"

namespace kiosk {

void ServiceHost::printTransactionSlipIfNeeded()
{
    if (m_transactionSlipSent || !m_context) return;
    const flows::FlowFailure* failure = nullptr;
    std::string id;
    std::int64_t amount = 0;
    std::string serviceKey;
    if (m_registration && m_registration->stage() == flows::RegistrationStage::Failed) {
        failure = &m_registration->failure();
        id = m_registration->transactionNumber();
        amount = m_registration->payment().amount();
        serviceKey = "title.service.registration";
    } else if (m_bills && m_bills->stage() == flows::BillsStage::Failed) {
        failure = &m_bills->failure();
        id = m_bills->transactionNumber();
        amount = m_bills->payment().amount();
        serviceKey = "title.service.bills";
    }
    if (!failure || id.empty() || !failureNeedsSlip(*failure)) return;
    m_transactionSlipSent = true;
    // A printer known to be down is not asked; the screen shows the number all the same.
    if (m_context->device && m_context->device(DeviceRole::ReceiptPrinter).down()) {
        m_transactionSlipSent = false;
        return;
    }
    TransactionSlipFacts facts{m_context->hospitalName, serviceKey,   *failure, amount, id, m_clock.wallNow(),
                               m_context->kioskId};
    ReceiptDocument slip = buildTransactionSlip(facts, m_catalogs, m_context->language);
    ReceiptPrinter& printer = m_parts.receiptPrinter;
    m_parts.runner.run([&printer, slip = std::move(slip)] { (void)printer.print(slip); });
}

} // namespace kiosk
