#pragma once
// Paying bills (缴费) as a state machine: the patient's unpaid orders
// (prescriptions, lab tests, exams) are listed with their items, all
// selected; the patient may leave some out; the total is paid; the hospital
// settles exactly the orders paid for, at exactly the amount paid; a receipt
// with the e-invoice QR code is printed. If the hospital refuses to settle
// after the money was taken (the bill changed meanwhile), the money goes back.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "flows/flow_failure.hpp"
#include "flows/money_record.hpp"
#include "flows/payment_step.hpp"
#include "hospital/hospital_backend.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::flows {

enum class BillsStage {
    Loading,
    NothingToPay,  ///< No unpaid orders.
    Review,        ///< Orders listed and selected; Confirm pays the selection.
    Paying,
    Settling,
    Refunding,
    Printing,
    Done,
    Failed,
};

std::string_view billsStageName(BillsStage stage);

class BillsFlow {
public:
    BillsFlow(FlowContext& context, IdentityCard patient);
    void start();

    /// Selects or leaves out one order.
    void toggle(const std::string& orderId);
    void confirm();
    void cancel();
    void codeScanned(const std::string& code);
    void tick();
    std::optional<Instant> nextDeadline() const;

    BillsStage stage() const { return m_stage; }
    const std::vector<hospital::Order>& orders() const { return m_orders; }
    bool selected(const std::string& orderId) const { return m_selected.contains(orderId); }
    hospital::Fen selectedTotal() const;
    const PaymentStep& payment() const { return m_payment; }
    const std::optional<hospital::Invoice>& invoice() const { return m_invoice; }
    const FlowFailure& failure() const { return m_failure; }
    bool receiptPrinted() const { return m_receiptPrinted; }
    const std::string& transactionNumber() const { return m_orderNo; }
    bool cancelled() const { return m_cancelled; }
    bool busy() const;

private:
    void fail(FailureKind kind, std::string detail);
    void afterPayment();
    void settle();
    void refund(FailureKind why, std::string detail);
    void printReceipt();

    FlowContext& m_ctx;
    IdentityCard m_card;
    BillsStage m_stage = BillsStage::Loading;
    std::optional<hospital::PatientRecord> m_patient;
    std::vector<hospital::Order> m_orders;
    std::set<std::string> m_selected;
    std::vector<std::string> m_paidOrderIds;  ///< What the payment covers, fixed at confirm.
    hospital::Fen m_paidTotal = 0;
    std::optional<hospital::Invoice> m_invoice;
    MoneyRecord m_record;
    PaymentStep m_payment;
    std::string m_orderNo;
    FlowFailure m_failure;
    bool m_receiptPrinted = false;
    bool m_cancelled = false;
};

} // namespace kiosk::flows
