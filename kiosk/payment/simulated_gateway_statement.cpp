// The simulated channel's daily statement: what its books say about every
// order of a day, as a real channel's downloadable bill does.
#include "payment/simulated_gateway.hpp"

#include "payment/simulated_gateway_ledger.hpp"
#include "payment/simulated_gateway_rules.hpp"

namespace kiosk::payment {

GatewayResult<std::vector<StatementLine>> SimulatedGateway::dailyStatement(CivilDate day)
{
    std::lock_guard lock(m_mutex);
    if (auto down = unreachable()) return std::unexpected(*down);
    // As elsewhere, a ledger that cannot be read is the channel's system error: ask again later.
    auto failed = [](const Error& error) {
        return std::unexpected(GatewayError{GatewayErrorKind::Unreachable,
                                            "SYSTEMERROR: the simulated gateway's ledger failed: " + error.message});
    };
    auto [from, to] = localDayBounds(day);
    auto tx = m_ledger->begin();
    if (!tx) return failed(tx.error());
    // Orders whose time has come are settled first, so the statement shows what a query would.
    if (auto caughtUp = catchUpAll(nowMicros()); !caughtUp) return failed(caughtUp.error());
    auto orders = m_ledger->ordersCreated(from, to);
    if (!orders) return failed(orders.error());
    std::vector<StatementLine> lines;
    lines.reserve(orders->size());
    for (const LedgerOrder& order : *orders) {
        StatementLine line;
        line.orderNo = order.orderNo;
        line.state = order.state;
        line.channel = order.channel;
        line.amount = order.amount;
        line.transactionId = order.transactionId;
        if (order.paidAt) line.paidAt = fromMicros(*order.paidAt);
        auto refund = m_ledger->refundOf(order.orderNo);
        if (!refund) return failed(refund.error());
        if (*refund) line.refunded = (*refund)->amount;
        lines.push_back(std::move(line));
    }
    if (auto committed = tx->commit(); !committed) return failed(committed.error());
    return lines;
}

} // namespace kiosk::payment
