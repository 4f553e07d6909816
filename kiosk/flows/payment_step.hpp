#pragma once
// Taking one payment, as a state machine shared by registration and bill
// payment. The patient either scans the QR code on screen with a phone or
// shows a payment code to the scanner; both stay possible until one pays.
// Results are learned by querying every two seconds. At the deadline the
// order is closed, and a close that finds the order paid means it was paid:
// money is never assumed not taken because the kiosk stopped waiting.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "flows/flow_context.hpp"
#include "flows/flow_failure.hpp"
#include "flows/money_record.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::flows {

enum class PaymentStage {
    Idle,
    CreatingOrder,  ///< Asking the channel for a QR order.
    AwaitingPatient, ///< QR on screen; a payment code may be scanned.
    Charging,       ///< A payment code was sent to the channel.
    UserPaying,     ///< The patient confirms on the phone (password).
    Closing,        ///< Deadline reached or cancelled: closing the order(s).
    Paid,
    Declined,
    TimedOut,       ///< Closed unpaid at the deadline.
    Cancelled,      ///< Closed unpaid at the patient's request.
    Unreachable,    ///< The channel did not answer before anything was taken (no order, or it was closed).
    Uncertain,      ///< The channel stopped answering while an order was open: settled later by recovery.
};

bool isFinal(PaymentStage stage);

class PaymentStep {
public:
    static constexpr auto kPollEvery = std::chrono::seconds(2);
    static constexpr auto kDefaultTimeLimit = std::chrono::minutes(3);

    explicit PaymentStep(FlowContext& context);

    /// Where the payment's steps are journaled (order created, paid, declined or closed,
    /// refunding and refunded); set by the flow before start(). Without one nothing is recorded.
    void journalTo(MoneyRecord& record) { m_record = &record; }

    /// Starts taking `amount` for `subject`, to be paid before `deadline`. `orderNo` is the idempotency key.
    void start(std::string orderNo, payment::Fen amount, std::string subject, Instant deadline);
    /// A code read by the scanner while waiting: charged if it is a payment code; returns false if it is not one.
    bool codeScanned(const std::string& code);
    /// The patient gave up: close the order; if it turns out paid, the flow goes on as paid.
    void cancel();
    /// Polls and enforces the deadline; call on every tick.
    void tick();
    std::optional<Instant> nextDeadline() const;
    /// Gives the paid amount back, in full, after the service it paid for
    /// could not be given. The refund number is the order's number plus "R",
    /// so a retry never refunds twice. `done` runs on the UI thread with the
    /// failure the flow ends in, money marked taken and refunded or not.
    void refundPaid(std::string reason, FailureKind why, std::string detail,
                    std::function<void(FlowFailure)> done);

    PaymentStage stage() const { return m_stage; }
    const std::string& qrCodeUrl() const { return m_qrUrl; }
    payment::Fen amount() const { return m_amount; }
    /// The order that was paid (the QR order or the payment-code order).
    const payment::PaymentStatus& paid() const { return m_paid; }
    const std::string& declineReason() const { return m_declineReason; }
    Instant deadline() const { return m_deadline; }
    /// Orders opened at the channel; refunds and recovery look at each.
    const std::string& qrOrderNo() const { return m_orderNo; }
    const std::string& codeOrderNo() const { return m_codeOrderNo; }

private:
    void query();
    void closeAll(PaymentStage unpaidOutcome);
    void settle(const payment::PaymentStatus& status);
    /// Enters a final stage and journals what it means for the money.
    void reach(PaymentStage stage);
    void journal(journal::Step step, const journal::StepDetails& details);
    journal::Journal* journalHandle() const { return m_record ? m_record->journal() : nullptr; }
    std::string journalId() const { return m_record ? m_record->id() : std::string(); }

    FlowContext& m_ctx;
    MoneyRecord* m_record = nullptr;
    PaymentStage m_stage = PaymentStage::Idle;
    std::string m_orderNo;
    std::string m_codeOrderNo;
    std::string m_subject;
    payment::Fen m_amount = 0;
    Instant m_deadline{};
    Instant m_nextPoll{};
    bool m_requestInFlight = false;
    std::string m_qrUrl;
    payment::PaymentStatus m_paid;
    std::string m_declineReason;
};

} // namespace kiosk::flows
