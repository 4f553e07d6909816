#pragma once
// A payment channel whose every answer is decided by the fuzzer's bytes, but
// which keeps the money honest: it holds a ledger of the orders as a real
// channel would, and only ever lies in the ways a real channel's replies can
// go wrong on the way (no answer, an answer lost after the work was done, a
// refusal, a reply naming another order or another amount). Before each
// answer the patient may act on an order (pay it, start confirming on the
// phone, be declined) or the channel may let the QR order lapse. It never
// claims an order it has does not exist, and never closes a paid one: a
// kiosk cannot be expected to survive a channel that loses money itself.
#include <map>
#include <set>
#include <string>

#include "payment/payment_gateway.hpp"
#include "support/fuzz_bytes.hpp"

namespace kiosk::fuzz {

class ScriptedGateway final : public payment::PaymentGateway {
public:
    struct Order {
        payment::Fen amount = 0;
        payment::PaymentState state = payment::PaymentState::NotPaid;
        bool byCode = false;
        std::string transactionId;
    };

    explicit ScriptedGateway(FuzzBytes& in) : m_in(in) {}

    /// The ledger: what really happened to each order.
    std::map<std::string, Order> orders;
    /// Orders a reply about that same order, with its true amount, said were paid.
    std::set<std::string> saidPaid;

    int paidOrders() const
    {
        int n = 0;
        for (const auto& [no, o] : orders) n += o.state == payment::PaymentState::Paid;
        return n;
    }

    payment::GatewayResult<payment::QrOrder> createQrOrder(const std::string& orderNo, payment::Fen amount,
                                                           const std::string&) override
    {
        Answer answer = decide();
        if (answer == Answer::NoAnswer) return unreachable();
        auto [it, created] = orders.try_emplace(orderNo);
        if (created) it->second.amount = amount;
        if (answer == Answer::Lost) return unreachable();
        if (answer == Answer::Refused) return error(payment::GatewayErrorKind::Invalid, "refused");
        return payment::QrOrder{orderNo, "weixin://wxpay/bizpayurl?pr=" + orderNo, {}};
    }

    payment::GatewayResult<payment::PaymentStatus> chargeCode(const std::string& orderNo, payment::Fen amount,
                                                              const std::string&, const std::string&) override
    {
        Answer answer = decide();
        if (answer == Answer::NoAnswer) return unreachable();
        if (!orders.contains(orderNo)) {
            // How the channel takes the code: at once, after a password, not yet, or not at all.
            unsigned verdict = m_in.pick(5);
            if (verdict == 4) return error(payment::GatewayErrorKind::Rejected, "payment code expired");
            Order& o = orders[orderNo];
            o.amount = amount;
            o.byCode = true;
            if (verdict == 0) pay(orderNo, o);
            if (verdict == 1) o.state = payment::PaymentState::UserPaying;
            if (verdict == 3) o.state = payment::PaymentState::Declined;
        }
        return reply(orderNo, answer);
    }

    payment::GatewayResult<payment::PaymentStatus> query(const std::string& orderNo) override
    {
        Answer answer = decide();
        if (answer == Answer::NoAnswer) return unreachable();
        if (!orders.contains(orderNo)) return error(payment::GatewayErrorKind::NotFound, "no such order");
        return reply(orderNo, answer);
    }

    payment::GatewayResult<payment::PaymentStatus> close(const std::string& orderNo) override
    {
        Answer answer = decide();
        if (answer == Answer::NoAnswer) return unreachable();
        auto it = orders.find(orderNo);
        if (it == orders.end()) return error(payment::GatewayErrorKind::NotFound, "no such order");
        if (it->second.state == payment::PaymentState::Paid || it->second.state == payment::PaymentState::Refunded)
            return error(payment::GatewayErrorKind::Rejected, "order paid");
        if (it->second.state != payment::PaymentState::Declined) it->second.state = payment::PaymentState::Closed;
        return reply(orderNo, answer);
    }

    payment::GatewayResult<payment::RefundStatus> refund(const std::string& orderNo, const std::string& refundNo,
                                                         const std::string&) override
    {
        // The payment step refunds only when its flow asks; the fuzz target never does.
        return error(payment::GatewayErrorKind::Invalid, "no refunds here: " + orderNo + " " + refundNo);
    }

    payment::GatewayResult<std::vector<payment::StatementLine>> dailyStatement(CivilDate) override
    {
        // Reconciliation is not on the payment step's path.
        return error(payment::GatewayErrorKind::Invalid, "no statements here");
    }

private:
    enum class Answer { Truthful, NoAnswer, Lost, Refused, OtherOrder, OtherAmount };

    // What the patient does before this answer, then how the answer comes back.
    Answer decide()
    {
        unsigned act = m_in.pick(8);
        bool onCodeOrder = m_in.pick(2) == 1;
        for (auto& [no, o] : orders) {
            if (o.byCode != onCodeOrder) continue;
            bool open = o.state == payment::PaymentState::NotPaid || o.state == payment::PaymentState::UserPaying;
            if (act == 1 && open) pay(no, o);
            if (act == 2 && o.state == payment::PaymentState::NotPaid) o.state = payment::PaymentState::UserPaying;
            if (act == 3 && open) o.state = payment::PaymentState::Declined;
            if (act == 4 && o.state == payment::PaymentState::NotPaid && !o.byCode)
                o.state = payment::PaymentState::Closed;  // the QR order lapsed
        }
        switch (m_in.pick(10)) {
        case 1: return Answer::NoAnswer;
        case 2: return Answer::Lost;
        case 3: return Answer::Refused;
        case 4: return Answer::OtherOrder;
        case 5: return Answer::OtherAmount;
        default: return Answer::Truthful;
        }
    }

    void pay(const std::string& orderNo, Order& o)
    {
        o.state = payment::PaymentState::Paid;
        o.transactionId = "TX-" + orderNo;
    }

    payment::GatewayResult<payment::PaymentStatus> reply(const std::string& orderNo, Answer answer)
    {
        if (answer == Answer::Lost) return unreachable();
        if (answer == Answer::Refused) return error(payment::GatewayErrorKind::Invalid, "refused");
        const Order& o = orders.at(orderNo);
        payment::PaymentStatus status{orderNo, o.state, payment::PayChannel::WeChat, o.amount, o.transactionId,
                                      "", std::nullopt};
        if (answer == Answer::OtherOrder) status.orderNo = m_in.text(24);
        if (answer == Answer::OtherAmount) status.amount = static_cast<payment::Fen>(m_in.u32());
        if (o.state == payment::PaymentState::Declined) status.message = "insufficient balance";
        if (status.state == payment::PaymentState::Paid && status.orderNo == orderNo && status.amount == o.amount)
            saidPaid.insert(orderNo);
        return status;
    }

    static std::unexpected<payment::GatewayError> error(payment::GatewayErrorKind kind, std::string message)
    {
        return std::unexpected(payment::GatewayError{kind, std::move(message)});
    }
    static std::unexpected<payment::GatewayError> unreachable()
    {
        return error(payment::GatewayErrorKind::Unreachable, "channel unreachable");
    }

    FuzzBytes& m_in;
};

} // namespace kiosk::fuzz
