#include "flows/payment_step.hpp"

#include "scan/scan_classifier.hpp"

namespace kiosk::flows {

using payment::GatewayErrorKind;
using payment::GatewayResult;
using payment::PaymentState;
using payment::PaymentStatus;

namespace {

// A reply that names another order, or another amount, is not an answer
// about the order asked for: taking its "paid" at its word could book a
// service that nobody paid for, or not in full. It counts as no answer, so
// the next poll, the close or recovery settles the order.
GatewayResult<PaymentStatus> about(GatewayResult<PaymentStatus> reply, const std::string& orderNo,
                                   payment::Fen amount)
{
    if (reply && (reply->orderNo != orderNo || reply->amount != amount))
        return std::unexpected(payment::GatewayError{GatewayErrorKind::Invalid,
                                                     "the channel's reply names another order or amount"});
    return reply;
}

} // namespace

bool isFinal(PaymentStage s)
{
    return s == PaymentStage::Paid || s == PaymentStage::Declined || s == PaymentStage::TimedOut ||
           s == PaymentStage::Cancelled || s == PaymentStage::Unreachable || s == PaymentStage::Uncertain;
}

PaymentStep::PaymentStep(FlowContext& context) : m_ctx(context) {}

void PaymentStep::start(std::string orderNo, payment::Fen amount, std::string subject, Instant deadline)
{
    m_orderNo = std::move(orderNo);
    m_amount = amount;
    m_subject = std::move(subject);
    m_deadline = deadline;
    m_stage = PaymentStage::CreatingOrder;
    m_requestInFlight = true;
    auto& gateway = m_ctx.gateway;
    m_ctx.runner.run([this, &gateway, post = m_ctx.post, orderNo = m_orderNo, amount, subject = m_subject,
                      journal = journalHandle(), id = journalId()] {
        auto order = gateway.createQrOrder(orderNo, amount, subject);
        if (order) (void)recordStep(journal, id, journal::Step::OrderCreated, {.orderNo = orderNo});
        post([this, order] {
            m_requestInFlight = false;
            if (m_stage != PaymentStage::CreatingOrder) return;
            if (!order) {
                // No order exists at the channel (or it cannot say): nothing can have been paid.
                m_declineReason = order.error().message;
                reach(PaymentStage::Unreachable);
                return;
            }
            m_qrUrl = order->codeUrl;
            m_stage = PaymentStage::AwaitingPatient;
            m_nextPoll = m_ctx.clock.now() + kPollEvery;
        });
    });
}

bool PaymentStep::codeScanned(const std::string& code)
{
    ScanClassification scan = classifyScan(code);
    bool isPaymentCode = scan.kind == ScanKind::WeChatPay || scan.kind == ScanKind::Alipay ||
                         scan.kind == ScanKind::UnionPay;
    if (!isPaymentCode) return false;
    // One charge at a time. A poll of the QR order may be in flight: the code
    // is charged all the same (dropping it would lose the patient's scan
    // without a word). The charge job runs after the poll and closes the QR
    // order first, so a payment that poll would have seen is still found, and
    // the poll's answer is ignored once the stage is Charging.
    if (m_stage != PaymentStage::AwaitingPatient) return true;
    m_stage = PaymentStage::Charging;
    m_requestInFlight = true;
    // Its own order number: the QR order stays what it was, and is closed
    // first so that the phone cannot pay it as well.
    m_codeOrderNo = m_orderNo + "C";
    auto& gateway = m_ctx.gateway;
    m_ctx.runner.run([this, &gateway, post = m_ctx.post, qr = m_orderNo, codeOrder = m_codeOrderNo,
                      amount = m_amount, subject = m_subject, text = scan.text, journal = journalHandle(),
                      id = journalId()] {
        GatewayResult<PaymentStatus> closed = gateway.close(qr);
        GatewayResult<PaymentStatus> result;
        if (!closed && closed.error().kind == GatewayErrorKind::Rejected) {
            result = about(gateway.query(qr), qr, amount);  // the phone paid the QR order just now
        } else if (!closed) {
            result = std::unexpected(closed.error());  // cannot be sure the QR order is shut: do not charge
        } else {
            // Journaled before the charge: after a crash, recovery asks about this order too.
            (void)recordStep(journal, id, journal::Step::OrderCreated,
                             {.note = "payment code charged as order " + codeOrder});
            result = about(gateway.chargeCode(codeOrder, amount, subject, text), codeOrder, amount);
        }
        post([this, result] {
            m_requestInFlight = false;
            if (m_stage != PaymentStage::Charging) return;
            if (!result) {
                if (result.error().kind == GatewayErrorKind::Rejected) {
                    // The code was refused before any order was made (expired code, unknown channel).
                    m_declineReason = result.error().message;
                    reach(PaymentStage::Declined);
                } else {
                    m_declineReason = result.error().message;
                    reach(PaymentStage::Uncertain);
                }
                return;
            }
            settle(*result);
        });
    });
    return true;
}

void PaymentStep::reach(PaymentStage stage)
{
    m_stage = stage;
    using journal::Step;
    switch (stage) {
    case PaymentStage::Paid:
        journal(Step::Paid, {.paidOrderNo = m_paid.orderNo,
                             .channel = journal::channelWord(m_paid.channel),
                             .gatewayTransactionId = m_paid.transactionId,
                             .amountFen = m_paid.amount});
        break;
    case PaymentStage::Declined: journal(Step::Declined, {.note = journalNote(m_declineReason)}); break;
    case PaymentStage::TimedOut: journal(Step::Closed, {.note = "no payment before the deadline"}); break;
    case PaymentStage::Cancelled: journal(Step::Closed, {.note = "cancelled by the patient"}); break;
    case PaymentStage::Unreachable: journal(Step::Closed, {.note = journalNote("channel: " + m_declineReason)}); break;
    // Left open on purpose: recovery asks the channel once it answers again.
    case PaymentStage::Uncertain: break;
    default: break;
    }
}

void PaymentStep::journal(journal::Step step, const journal::StepDetails& details)
{
    if (!m_record) return;
    (void)m_record->step(step, details);
}

void PaymentStep::settle(const PaymentStatus& status)
{
    switch (status.state) {
    case PaymentState::Paid:
        m_paid = status;
        reach(PaymentStage::Paid);
        return;
    case PaymentState::Declined:
        m_declineReason = status.message;
        reach(PaymentStage::Declined);
        return;
    case PaymentState::UserPaying:
        m_stage = PaymentStage::UserPaying;
        break;
    case PaymentState::NotPaid:
        if (m_stage == PaymentStage::Charging) m_stage = PaymentStage::UserPaying;  // the code's answer is pending
        break;
    case PaymentState::Closed:
    case PaymentState::Refunded:
        if (m_stage == PaymentStage::Charging || m_stage == PaymentStage::UserPaying) {
            m_declineReason = status.message;
            reach(PaymentStage::Declined);
            return;
        }
        // The QR order lapsed at the channel while the patient is still here:
        // keep waiting (a payment code still works) at the usual pace. Without
        // setting the next poll, every reply's tick would ask again at once.
        break;
    }
    m_nextPoll = m_ctx.clock.now() + kPollEvery;
}

void PaymentStep::query()
{
    m_requestInFlight = true;
    // UserPaying is reached from a charged code (whose order is then the one
    // awaited) or from the QR order itself, when the phone asks the patient
    // for a password; in the latter case there is no code order to ask about.
    std::string orderNo = m_stage == PaymentStage::UserPaying && !m_codeOrderNo.empty() ? m_codeOrderNo : m_orderNo;
    auto& gateway = m_ctx.gateway;
    m_ctx.runner.run([this, &gateway, post = m_ctx.post, orderNo, amount = m_amount] {
        auto status = about(gateway.query(orderNo), orderNo, amount);
        post([this, status] {
            m_requestInFlight = false;
            if (m_stage != PaymentStage::AwaitingPatient && m_stage != PaymentStage::UserPaying) return;
            if (!status) {
                // One missed answer is not a verdict; the next poll or the close decides.
                m_nextPoll = m_ctx.clock.now() + kPollEvery;
                return;
            }
            settle(*status);
        });
    });
}

void PaymentStep::cancel()
{
    if (isFinal(m_stage) || m_stage == PaymentStage::Closing || m_stage == PaymentStage::Idle) return;
    closeAll(PaymentStage::Cancelled);
}

void PaymentStep::closeAll(PaymentStage unpaidOutcome)
{
    m_stage = PaymentStage::Closing;
    m_requestInFlight = true;
    auto& gateway = m_ctx.gateway;
    m_ctx.runner.run([this, &gateway, post = m_ctx.post, orders = std::vector<std::string>{m_orderNo, m_codeOrderNo},
                      amount = m_amount, unpaidOutcome] {
        // Closing is how the kiosk learns the truth: a close refused because
        // the order is paid means the money was taken.
        std::optional<PaymentStatus> paid;
        bool unsure = false;
        std::string why;
        for (const std::string& order : orders) {
            if (order.empty()) continue;
            auto closed = gateway.close(order);
            if (closed) continue;
            if (closed.error().kind == GatewayErrorKind::NotFound) continue;  // never created there
            if (closed.error().kind == GatewayErrorKind::Rejected) {
                auto status = about(gateway.query(order), order, amount);
                if (status && status->state == PaymentState::Paid) {
                    paid = *status;
                    continue;
                }
            }
            unsure = true;
            why = closed.error().message;
        }
        post([this, paid, unsure, why, unpaidOutcome] {
            m_requestInFlight = false;
            if (paid) {
                m_paid = *paid;
                reach(PaymentStage::Paid);
            } else if (unsure) {
                m_declineReason = why;
                reach(PaymentStage::Uncertain);
            } else {
                reach(unpaidOutcome);
            }
        });
    });
}

void PaymentStep::tick()
{
    if (m_requestInFlight) return;
    if (m_stage != PaymentStage::AwaitingPatient && m_stage != PaymentStage::UserPaying) return;
    Instant now = m_ctx.clock.now();
    if (now >= m_deadline) {
        closeAll(PaymentStage::TimedOut);
        return;
    }
    if (now >= m_nextPoll) query();
}

std::optional<Instant> PaymentStep::nextDeadline() const
{
    if (m_requestInFlight) return std::nullopt;
    if (m_stage != PaymentStage::AwaitingPatient && m_stage != PaymentStage::UserPaying) return std::nullopt;
    return std::min(m_nextPoll, m_deadline);
}

} // namespace kiosk::flows

namespace kiosk::flows {

void PaymentStep::refundPaid(std::string reason, FailureKind why, std::string detail,
                             std::function<void(FlowFailure)> done)
{
    auto& gateway = m_ctx.gateway;
    m_ctx.runner.run([&gateway, post = m_ctx.post, orderNo = m_paid.orderNo, reason = std::move(reason), why,
                      detail = std::move(detail), done = std::move(done), journal = journalHandle(),
                      id = journalId()] {
        (void)recordStep(journal, id, journal::Step::Refunding, {.note = journalNote(reason)});
        auto refunded = gateway.refund(orderNo, orderNo + "R", reason);
        if (refunded && refunded->done)
            (void)recordStep(journal, id, journal::Step::Refunded, {});
        else
            (void)recordStep(journal, id, journal::Step::RefundFailed,
                             {.note = journalNote(refunded ? "refund not confirmed yet" : refunded.error().message)});
        FlowFailure failure{why, true, refunded && refunded->done,
                            detail + (refunded ? "" : "; refund failed: " + refunded.error().message)};
        post([done, failure] { done(failure); });
    });
}

} // namespace kiosk::flows
