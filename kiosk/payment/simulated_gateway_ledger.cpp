#include "payment/simulated_gateway_ledger.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace kiosk::payment {

using storage::Database;
using storage::Statement;
using storage::Step;

namespace {

constexpr int kSchemaVersion = 1;

// States and channels are stored by name rather than by number, so that a
// person (or a test) reading the file with sqlite3 sees what happened.
constexpr std::array<std::pair<PaymentState, std::string_view>, 6> kStateNames{{
    {PaymentState::NotPaid, "not-paid"},
    {PaymentState::UserPaying, "user-paying"},
    {PaymentState::Paid, "paid"},
    {PaymentState::Declined, "declined"},
    {PaymentState::Closed, "closed"},
    {PaymentState::Refunded, "refunded"},
}};

constexpr std::array<std::pair<PayChannel, std::string_view>, 4> kChannelNames{{
    {PayChannel::Unknown, ""},
    {PayChannel::WeChat, "wechat"},
    {PayChannel::Alipay, "alipay"},
    {PayChannel::UnionPay, "unionpay"},
}};

template <class Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value)
{
    for (const auto& [e, name] : names)
        if (e == value) return name;
    return names[0].second;
}

template <class Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view name)
{
    for (const auto& [e, n] : names)
        if (n == name) return e;
    return std::nullopt;
}

std::string_view kindName(OrderKind kind) { return kind == OrderKind::Qr ? "qr" : "code"; }

constexpr std::string_view kSchema = R"sql(
CREATE TABLE orders (
    order_no TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('qr', 'code')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    expires_us INTEGER,
    settles_us INTEGER,
    paid_us INTEGER,
    transaction_id TEXT NOT NULL,
    message TEXT NOT NULL,
    masked_code TEXT NOT NULL
);
CREATE INDEX orders_by_created ON orders (created_us);
CREATE INDEX orders_by_paid ON orders (paid_us);
-- Refunds are always in full, so an order has at most one: the UNIQUE is the
-- last guard against giving the money back twice.
CREATE TABLE refunds (
    refund_no TEXT PRIMARY KEY,
    order_no TEXT NOT NULL UNIQUE REFERENCES orders (order_no),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    reason TEXT NOT NULL,
    created_us INTEGER NOT NULL
);
CREATE INDEX refunds_by_created ON refunds (created_us);
CREATE TABLE serials (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
)sql";

constexpr std::string_view kOrderColumns = "order_no, kind, amount_fen, subject, channel, state, created_us, "
                                           "expires_us, settles_us, paid_us, transaction_id, message, masked_code";

std::optional<Micros> optionalInteger(const Statement& stmt, int column)
{
    if (stmt.isNull(column)) return std::nullopt;
    return stmt.integer(column);
}

Result<LedgerOrder> readOrder(const Statement& stmt)
{
    LedgerOrder order;
    order.orderNo = stmt.text(0);
    order.kind = stmt.text(1) == "qr" ? OrderKind::Qr : OrderKind::Code;
    order.amount = stmt.integer(2);
    order.subject = stmt.text(3);
    auto channel = valueOf(kChannelNames, stmt.text(4));
    auto state = valueOf(kStateNames, stmt.text(5));
    if (!channel || !state)
        return fail("the ledger holds order " + order.orderNo + " with an unknown channel or state");
    order.channel = *channel;
    order.state = *state;
    order.createdAt = stmt.integer(6);
    order.expiresAt = optionalInteger(stmt, 7);
    order.settlesAt = optionalInteger(stmt, 8);
    order.paidAt = optionalInteger(stmt, 9);
    order.transactionId = stmt.text(10);
    order.message = stmt.text(11);
    order.maskedCode = stmt.text(12);
    return order;
}

// Binds every column but order_no, kind, amount, subject and created_us to
// parameters 5..12 in the order of kOrderColumns; shared by INSERT and UPDATE.
void bindMutable(Statement& stmt, const LedgerOrder& order)
{
    stmt.bind(5, nameOf(kChannelNames, order.channel))
        .bind(6, nameOf(kStateNames, order.state))
        .bind(7, order.expiresAt)
        .bind(8, order.settlesAt)
        .bind(9, order.paidAt)
        .bind(10, order.transactionId)
        .bind(11, order.message)
        .bind(12, order.maskedCode);
}

} // namespace

Result<std::unique_ptr<GatewayLedger>> GatewayLedger::open(const std::string& path)
{
    auto db = KIOSK_TRY(Database::open(path, storage::Durability::Full));
    std::unique_ptr<GatewayLedger> ledger(new GatewayLedger(std::move(db)));
    KIOSK_TRY_VOID(ledger->migrate());
    return ledger;
}

Result<void> GatewayLedger::migrate()
{
    auto tx = KIOSK_TRY(begin());
    int version = KIOSK_TRY(m_db->userVersion());
    if (version > kSchemaVersion)
        return fail(m_db->path() + " was written by a newer kiosk (schema " + std::to_string(version) + ")");
    if (version < 1) KIOSK_TRY_VOID(m_db->exec(kSchema));
    KIOSK_TRY_VOID(m_db->setUserVersion(kSchemaVersion));
    return tx.commit();
}

Result<std::optional<LedgerOrder>> GatewayLedger::findOrder(const std::string& orderNo)
{
    auto stmt = KIOSK_TRY(m_db->prepare("SELECT " + std::string(kOrderColumns) + " FROM orders WHERE order_no = ?1"));
    stmt.bind(1, orderNo);
    auto orders = KIOSK_TRY(selectOrders(stmt));
    if (orders.empty()) return std::optional<LedgerOrder>();
    return std::optional<LedgerOrder>(std::move(orders.front()));
}

Result<void> GatewayLedger::insertOrder(const LedgerOrder& order)
{
    auto stmt = KIOSK_TRY(m_db->prepare("INSERT INTO orders (" + std::string(kOrderColumns) +
                                        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?13, ?7, ?8, ?9, ?10, ?11, ?12)"));
    stmt.bind(1, order.orderNo).bind(2, kindName(order.kind)).bind(3, order.amount).bind(4, order.subject);
    bindMutable(stmt, order);
    stmt.bind(13, order.createdAt);
    return stmt.run();
}

Result<void> GatewayLedger::updateOrder(const LedgerOrder& order)
{
    auto stmt = KIOSK_TRY(m_db->prepare("UPDATE orders SET channel = ?5, state = ?6, expires_us = ?7, "
                                        "settles_us = ?8, paid_us = ?9, transaction_id = ?10, message = ?11, "
                                        "masked_code = ?12 WHERE order_no = ?1"));
    stmt.bind(1, order.orderNo);
    bindMutable(stmt, order);
    KIOSK_TRY_VOID(stmt.run());
    if (m_db->changes() != 1) return fail("the ledger has no order " + order.orderNo + " to update");
    return {};
}

Result<std::vector<LedgerOrder>> GatewayLedger::ordersDue(Micros now)
{
    auto stmt = KIOSK_TRY(m_db->prepare(
        "SELECT " + std::string(kOrderColumns) +
        " FROM orders WHERE state IN ('not-paid', 'user-paying') AND ((settles_us IS NOT NULL AND settles_us <= ?1)"
        " OR (settles_us IS NULL AND kind = 'qr' AND state = 'not-paid' AND expires_us <= ?1))"
        " ORDER BY created_us, order_no"));
    stmt.bind(1, now);
    return selectOrders(stmt);
}

Result<std::vector<LedgerOrder>> GatewayLedger::ordersCreated(Micros from, Micros to)
{
    auto stmt = KIOSK_TRY(m_db->prepare("SELECT " + std::string(kOrderColumns) +
                                        " FROM orders WHERE created_us >= ?1 AND created_us < ?2"
                                        " ORDER BY created_us, order_no"));
    stmt.bind(1, from).bind(2, to);
    return selectOrders(stmt);
}

Result<std::vector<LedgerOrder>> GatewayLedger::selectOrders(Statement& stmt)
{
    std::vector<LedgerOrder> orders;
    while (KIOSK_TRY(stmt.step()) == Step::Row) orders.push_back(KIOSK_TRY(readOrder(stmt)));
    return orders;
}

Result<std::optional<LedgerRefund>> GatewayLedger::findRefund(const std::string& refundNo)
{
    auto stmt = KIOSK_TRY(m_db->prepare(
        "SELECT refund_no, order_no, amount_fen, reason, created_us FROM refunds WHERE refund_no = ?1"));
    stmt.bind(1, refundNo);
    return selectRefund(stmt);
}

Result<std::optional<LedgerRefund>> GatewayLedger::refundOf(const std::string& orderNo)
{
    auto stmt = KIOSK_TRY(m_db->prepare(
        "SELECT refund_no, order_no, amount_fen, reason, created_us FROM refunds WHERE order_no = ?1"));
    stmt.bind(1, orderNo);
    return selectRefund(stmt);
}

Result<std::optional<LedgerRefund>> GatewayLedger::selectRefund(Statement& stmt)
{
    if (KIOSK_TRY(stmt.step()) != Step::Row) return std::optional<LedgerRefund>();
    LedgerRefund refund;
    refund.refundNo = stmt.text(0);
    refund.orderNo = stmt.text(1);
    refund.amount = stmt.integer(2);
    refund.reason = stmt.text(3);
    refund.createdAt = stmt.integer(4);
    return std::optional<LedgerRefund>(std::move(refund));
}

Result<void> GatewayLedger::insertRefund(const LedgerRefund& refund)
{
    auto stmt = KIOSK_TRY(m_db->prepare(
        "INSERT INTO refunds (refund_no, order_no, amount_fen, reason, created_us) VALUES (?1, ?2, ?3, ?4, ?5)"));
    stmt.bind(1, refund.refundNo).bind(2, refund.orderNo).bind(3, refund.amount).bind(4, refund.reason);
    stmt.bind(5, refund.createdAt);
    return stmt.run();
}

Result<Fen> GatewayLedger::paidBetween(Micros from, Micros to)
{
    return sum("SELECT COALESCE(SUM(amount_fen), 0) FROM orders WHERE paid_us >= ?1 AND paid_us < ?2", from, to);
}

Result<Fen> GatewayLedger::refundedBetween(Micros from, Micros to)
{
    return sum("SELECT COALESCE(SUM(amount_fen), 0) FROM refunds WHERE created_us >= ?1 AND created_us < ?2", from,
               to);
}

Result<Fen> GatewayLedger::sum(std::string_view sql, Micros from, Micros to)
{
    auto stmt = KIOSK_TRY(m_db->prepare(sql));
    stmt.bind(1, from).bind(2, to);
    if (KIOSK_TRY(stmt.step()) != Step::Row) return fail("a sum over the ledger returned no row");
    return stmt.integer(0);
}

Result<std::int64_t> GatewayLedger::nextSerial()
{
    auto stmt = KIOSK_TRY(m_db->prepare("INSERT INTO serials (name, value) VALUES ('transaction', 1) "
                                        "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value"));
    if (KIOSK_TRY(stmt.step()) != Step::Row) return fail("the transaction counter returned no value");
    return stmt.integer(0);
}

} // namespace kiosk::payment
