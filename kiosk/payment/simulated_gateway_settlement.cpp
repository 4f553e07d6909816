// How orders settle: the fate the behaviour gives an order when the money
// moves, and the changes that time brings to it afterwards.
#include "payment/simulated_gateway.hpp"

#include "payment/simulated_gateway_ledger.hpp"
#include "payment/simulated_gateway_rules.hpp"

namespace kiosk::payment {

Result<void> SimulatedGateway::catchUp(LedgerOrder& order, std::int64_t now)
{
    if (order.state != PaymentState::NotPaid && order.state != PaymentState::UserPaying) return {};
    if (order.settlesAt) {
        if (*order.settlesAt > now) return {};
        // Paid when the channel confirmed it, not when the kiosk happened to ask.
        KIOSK_TRY_VOID(markPaid(order, *order.settlesAt));
    } else if (order.kind == OrderKind::Qr && order.state == PaymentState::NotPaid && order.expiresAt &&
               *order.expiresAt <= now) {
        order.state = PaymentState::Closed;
        order.message = "the QR code expired unpaid";
    } else {
        return {};
    }
    return m_ledger->updateOrder(order);
}

Result<void> SimulatedGateway::catchUpAll(std::int64_t now)
{
    auto due = KIOSK_TRY(m_ledger->ordersDue(now));
    for (LedgerOrder& order : due) KIOSK_TRY_VOID(catchUp(order, now));
    return {};
}

Result<void> SimulatedGateway::markPaid(LedgerOrder& order, std::int64_t at)
{
    std::int64_t serial = KIOSK_TRY(m_ledger->nextSerial());
    order.transactionId = transactionNumber(order.channel, localDate(fromMicros(at)), serial);
    order.state = PaymentState::Paid;
    order.paidAt = at;
    order.settlesAt.reset();
    order.message.clear();
    return {};
}

Result<void> SimulatedGateway::settleByBehaviour(LedgerOrder& order, std::int64_t now, GatewayBehaviour behaviour)
{
    switch (behaviour) {
    case GatewayBehaviour::Succeed:
    // Only the patient's phone gets here while the kiosk's calls fail: it has a network of its own.
    case GatewayBehaviour::Unreachable: return markPaid(order, now);
    case GatewayBehaviour::NeedsPassword:
        order.state = PaymentState::UserPaying;
        order.settlesAt = now + toMicros(m_options.passwordDelay);
        return {};
    case GatewayBehaviour::Decline:
        order.state = PaymentState::Declined;
        order.message = m_options.declineMessage;
        return {};
    case GatewayBehaviour::NeverAnswer: return {};
    case GatewayBehaviour::SucceedLate: order.settlesAt = now + toMicros(m_options.lateBy); return {};
    }
    return {};
}

} // namespace kiosk::payment
