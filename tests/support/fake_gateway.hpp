#pragma once
// An in-memory payment channel for flow tests. The test plays the patient's
// phone by hand (payOrder, makeUserPaying, declineOrder) and decides how the
// next payment code is answered; the gateway keeps the channel's rules (an
// order number is an idempotency key, a closed order cannot be paid, closing
// a paid order is Rejected, a refund number is answered once) and counts the
// money actually taken, so tests can assert that nothing was kept without a
// booking and nothing was charged twice. Single-threaded, like FakeHospital.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::test {

enum class GatewayOp { CreateQr, ChargeCode, Query, Close, Refund, Statement };

class FakeGateway final : public payment::PaymentGateway {
public:
    struct Order {
        std::string orderNo;
        payment::Fen amount = 0;
        std::string subject;
        bool byCode = false;
        std::string paymentCode;
        payment::PaymentState state = payment::PaymentState::NotPaid;
        payment::PayChannel channel = payment::PayChannel::Unknown;
        std::string transactionId;
        std::string message;
        std::optional<WallTime> paidAt;
        WallTime createdAt{};  ///< Puts the order on a day's statement.
    };
    struct Call {
        GatewayOp op;
        std::string orderNo;
        std::string detail;  ///< The payment code (charge) or the refund number (refund).
    };

    explicit FakeGateway(const Clock& clock) : m_clock(clock) {}

    // The patient's side, played by the test ------------------------------------
    /// The patient pays the order (scans the QR, enters the password). False if it can no longer be paid.
    bool payOrder(const std::string& orderNo)
    {
        Order* o = find(orderNo);
        if (!o || (o->state != payment::PaymentState::NotPaid && o->state != payment::PaymentState::UserPaying))
            return false;
        o->state = payment::PaymentState::Paid;
        if (o->channel == payment::PayChannel::Unknown) o->channel = payment::PayChannel::WeChat;
        o->transactionId = "TX" + std::to_string(++m_transactions);
        o->paidAt = m_clock.wallNow();
        ++paidCount;
        m_paid += o->amount;
        return true;
    }
    /// The patient is confirming on the phone.
    bool makeUserPaying(const std::string& orderNo)
    {
        Order* o = find(orderNo);
        if (!o || o->state != payment::PaymentState::NotPaid) return false;
        o->state = payment::PaymentState::UserPaying;
        return true;
    }
    bool declineOrder(const std::string& orderNo, std::string why = "insufficient balance")
    {
        Order* o = find(orderNo);
        if (!o || (o->state != payment::PaymentState::NotPaid && o->state != payment::PaymentState::UserPaying))
            return false;
        o->state = payment::PaymentState::Declined;
        o->message = std::move(why);
        return true;
    }
    /// The channel closes the order on its own (the QR order lapsed).
    bool lapse(const std::string& orderNo)
    {
        Order* o = find(orderNo);
        if (!o || o->state != payment::PaymentState::NotPaid) return false;
        o->state = payment::PaymentState::Closed;
        return true;
    }

    /// How the next payment code is answered: Paid (the default), UserPaying, NotPaid or Declined.
    void answerNextCode(payment::PaymentState state, std::string why = {})
    {
        m_nextCodeState = state;
        m_nextCodeMessage = std::move(why);
    }
    void declineNext(std::string why = "insufficient balance")
    {
        answerNextCode(payment::PaymentState::Declined, std::move(why));
    }
    void userPayingNext() { answerNextCode(payment::PaymentState::UserPaying); }
    /// The next payment code is refused before any order is made (an expired code).
    void rejectNextCode(std::string why = "payment code expired")
    {
        m_rejectNextCode = true;
        m_nextCodeMessage = std::move(why);
    }

    // The channel's side ------------------------------------------------------------
    /// No call gets an answer while set.
    bool unreachable = false;
    /// The next `times` calls of `op` fail with `kind`, doing nothing.
    void failNext(GatewayOp op, payment::GatewayErrorKind kind, int times = 1) { m_failures[op] = {kind, times}; }
    void failAlways(GatewayOp op, payment::GatewayErrorKind kind) { m_failures[op] = {kind, -1}; }
    void clearFailures() { m_failures.clear(); }
    /// Called before every call is answered: lets a test act at the exact moment the kiosk asks.
    std::function<void(GatewayOp, const std::string& orderNo)> beforeCall;

    // What happened ---------------------------------------------------------
    std::vector<Call> calls;
    std::map<std::string, Order> orders;
    std::map<std::string, payment::RefundStatus> refunds;  ///< By refund number.
    int paidCount = 0;                                     ///< Orders that were paid, ever.

    /// Money that left patients and did not come back.
    payment::Fen moneyTaken() const { return m_paid - m_refunded; }
    payment::Fen refundedTotal() const { return m_refunded; }
    int callsOf(GatewayOp op, const std::string& orderNo = {}) const
    {
        int n = 0;
        for (const Call& c : calls)
            n += c.op == op && (orderNo.empty() || c.orderNo == orderNo);
        return n;
    }
    /// The calls as "op:order" strings, for checking their order.
    std::vector<std::string> trace() const
    {
        static constexpr const char* names[] = {"create", "charge", "query", "close", "refund", "statement"};
        std::vector<std::string> out;
        for (const Call& c : calls)
            out.push_back(std::string(names[static_cast<int>(c.op)]) + ":" + c.orderNo);
        return out;
    }
    const Order* order(const std::string& orderNo) const
    {
        auto it = orders.find(orderNo);
        return it == orders.end() ? nullptr : &it->second;
    }

    // PaymentGateway ------------------------------------------------------------
    payment::GatewayResult<payment::QrOrder> createQrOrder(const std::string& orderNo, payment::Fen amount,
                                                           const std::string& subject) override
    {
        if (auto failure = begin(GatewayOp::CreateQr, orderNo)) return *failure;
        auto [it, created] = orders.try_emplace(orderNo);
        if (created) {
            it->second.orderNo = orderNo;
            it->second.amount = amount;
            it->second.subject = subject;
            it->second.createdAt = m_clock.wallNow();
        } else if (it->second.byCode || it->second.amount != amount) {
            return fail(payment::GatewayErrorKind::Invalid, "order number reused for another order");
        }
        return payment::QrOrder{orderNo, "weixin://wxpay/bizpayurl?pr=" + orderNo, m_clock.wallNow()};
    }

    payment::GatewayResult<payment::PaymentStatus> chargeCode(const std::string& orderNo, payment::Fen amount,
                                                              const std::string& subject,
                                                              const std::string& paymentCode) override
    {
        if (auto failure = begin(GatewayOp::ChargeCode, orderNo, paymentCode)) return *failure;
        if (const Order* existing = order(orderNo)) {
            // The same order number again: the first charge's state, never a second charge.
            if (!existing->byCode || existing->amount != amount)
                return fail(payment::GatewayErrorKind::Invalid, "order number reused for another order");
            return status(*existing);
        }
        if (m_rejectNextCode) {
            m_rejectNextCode = false;
            return fail(payment::GatewayErrorKind::Rejected, m_nextCodeMessage);
        }
        Order& o = orders[orderNo];
        o.orderNo = orderNo;
        o.amount = amount;
        o.subject = subject;
        o.byCode = true;
        o.paymentCode = paymentCode;
        o.createdAt = m_clock.wallNow();
        o.channel = channelOf(paymentCode);
        payment::PaymentState answer = m_nextCodeState;
        m_nextCodeState = payment::PaymentState::Paid;
        if (answer == payment::PaymentState::Paid) {
            payOrder(orderNo);
        } else if (answer == payment::PaymentState::Declined) {
            o.state = payment::PaymentState::Declined;
            o.message = m_nextCodeMessage.empty() ? "declined" : m_nextCodeMessage;
        } else {
            o.state = answer;
        }
        return status(o);
    }

    payment::GatewayResult<payment::PaymentStatus> query(const std::string& orderNo) override
    {
        if (auto failure = begin(GatewayOp::Query, orderNo)) return *failure;
        const Order* o = order(orderNo);
        if (!o) return fail(payment::GatewayErrorKind::NotFound, "no such order");
        return status(*o);
    }

    payment::GatewayResult<payment::PaymentStatus> close(const std::string& orderNo) override
    {
        if (auto failure = begin(GatewayOp::Close, orderNo)) return *failure;
        Order* o = find(orderNo);
        if (!o) return fail(payment::GatewayErrorKind::NotFound, "no such order");
        if (o->state == payment::PaymentState::Paid || o->state == payment::PaymentState::Refunded)
            return fail(payment::GatewayErrorKind::Rejected, "order paid");
        o->state = payment::PaymentState::Closed;
        return status(*o);
    }

    payment::GatewayResult<payment::RefundStatus> refund(const std::string& orderNo, const std::string& refundNo,
                                                         const std::string&) override
    {
        if (auto failure = begin(GatewayOp::Refund, orderNo, refundNo)) return *failure;
        if (auto it = refunds.find(refundNo); it != refunds.end()) {
            if (it->second.orderNo != orderNo)
                return fail(payment::GatewayErrorKind::Invalid, "refund number reused for another order");
            return it->second;  // answered once, the same answer ever after
        }
        Order* o = find(orderNo);
        if (!o) return fail(payment::GatewayErrorKind::NotFound, "no such order");
        if (o->state != payment::PaymentState::Paid) return fail(payment::GatewayErrorKind::Rejected, "not paid");
        o->state = payment::PaymentState::Refunded;
        m_refunded += o->amount;
        payment::RefundStatus r{orderNo, refundNo, o->amount, true, {}};
        refunds[refundNo] = r;
        return r;
    }

    payment::GatewayResult<std::vector<payment::StatementLine>> dailyStatement(CivilDate day) override
    {
        if (auto failure = begin(GatewayOp::Statement, {})) return *failure;
        std::vector<const Order*> ofDay;
        for (const auto& [orderNo, o] : orders)
            if (localDate(o.createdAt) == day) ofDay.push_back(&o);
        std::stable_sort(ofDay.begin(), ofDay.end(),
                         [](const Order* a, const Order* b) { return a->createdAt < b->createdAt; });
        std::vector<payment::StatementLine> lines;
        for (const Order* o : ofDay) {
            payment::Fen refunded = 0;
            for (const auto& [refundNo, r] : refunds)
                if (r.orderNo == o->orderNo) refunded += r.amount;
            lines.push_back({o->orderNo, o->state, o->channel, o->amount, o->transactionId, refunded, o->paidAt});
        }
        return lines;
    }

private:
    struct Failure {
        payment::GatewayErrorKind kind;
        int times;  ///< -1: until cleared
    };

    static std::unexpected<payment::GatewayError> fail(payment::GatewayErrorKind kind, std::string message)
    {
        return std::unexpected(payment::GatewayError{kind, std::move(message)});
    }

    static payment::PayChannel channelOf(const std::string& code)
    {
        if (code.starts_with("62")) return payment::PayChannel::UnionPay;
        if (!code.empty() && code[0] == '1') return payment::PayChannel::WeChat;
        if (!code.empty() && (code[0] == '2' || code[0] == '3')) return payment::PayChannel::Alipay;
        return payment::PayChannel::Unknown;
    }

    static payment::PaymentStatus status(const Order& o)
    {
        return payment::PaymentStatus{o.orderNo, o.state, o.channel, o.amount, o.transactionId, o.message, o.paidAt};
    }

    Order* find(const std::string& orderNo)
    {
        auto it = orders.find(orderNo);
        return it == orders.end() ? nullptr : &it->second;
    }

    // Records the call, lets the test act, and answers with an injected failure if there is one.
    std::optional<std::unexpected<payment::GatewayError>> begin(GatewayOp op, const std::string& orderNo,
                                                                std::string detail = {})
    {
        calls.push_back({op, orderNo, std::move(detail)});
        if (beforeCall) beforeCall(op, orderNo);
        if (unreachable) return fail(payment::GatewayErrorKind::Unreachable, "channel unreachable");
        auto it = m_failures.find(op);
        if (it == m_failures.end()) return std::nullopt;
        payment::GatewayErrorKind kind = it->second.kind;
        if (it->second.times > 0 && --it->second.times == 0) m_failures.erase(it);
        return fail(kind, "injected failure");
    }

    const Clock& m_clock;
    std::map<GatewayOp, Failure> m_failures;
    payment::PaymentState m_nextCodeState = payment::PaymentState::Paid;
    bool m_rejectNextCode = false;
    std::string m_nextCodeMessage;
    int m_transactions = 0;
    payment::Fen m_paid = 0;
    payment::Fen m_refunded = 0;
};

} // namespace kiosk::test
