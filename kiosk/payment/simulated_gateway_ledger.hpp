#pragma once
// The simulated gateway's own books: every order and refund it has seen, kept
// in its own SQLite file with synchronous=FULL. A real channel remembers what
// it was told even when the kiosk crashes; so must the simulation, because the
// crash-recovery tests compare this ledger with the kiosk's journal.
//
// Times are wall-clock microseconds since the Unix epoch (UTC). The ledger
// outlives the process, and the monotonic clock starts again with the machine,
// so only wall time means anything on the next start.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "payment/payment_gateway.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::payment {

using Micros = std::int64_t;

enum class OrderKind {
    Qr,    ///< Scan to pay: the patient's phone scans the kiosk's QR code.
    Code,  ///< Micropay: the kiosk scans the payment code on the patient's phone.
};

/// One order as the ledger keeps it.
struct LedgerOrder {
    std::string orderNo;
    OrderKind kind = OrderKind::Qr;
    Fen amount = 0;
    std::string subject;
    PayChannel channel = PayChannel::Unknown;
    PaymentState state = PaymentState::NotPaid;
    Micros createdAt = 0;
    std::optional<Micros> expiresAt;  ///< QR orders: when the code stops working.
    std::optional<Micros> settlesAt;  ///< The patient has paid; the channel confirms it at this time.
    std::optional<Micros> paidAt;
    std::string transactionId;
    std::string message;
    std::string maskedCode;  ///< The payment code charged, masked; empty for QR orders.
};

struct LedgerRefund {
    std::string refundNo;
    std::string orderNo;
    Fen amount = 0;
    std::string reason;
    Micros createdAt = 0;
};

class GatewayLedger {
public:
    /// Opens or creates the ledger file and brings its schema up to date.
    static Result<std::unique_ptr<GatewayLedger>> open(const std::string& path);

    Result<storage::Transaction> begin() { return storage::Transaction::begin(*m_db); }

    Result<std::optional<LedgerOrder>> findOrder(const std::string& orderNo);
    Result<void> insertOrder(const LedgerOrder& order);
    Result<void> updateOrder(const LedgerOrder& order);
    /// Unsettled orders with a change due by `now`: a confirmation whose time has come, or a QR code that expired.
    Result<std::vector<LedgerOrder>> ordersDue(Micros now);
    /// Orders created in [from, to), oldest first.
    Result<std::vector<LedgerOrder>> ordersCreated(Micros from, Micros to);

    Result<std::optional<LedgerRefund>> findRefund(const std::string& refundNo);
    /// The refund of an order, if it has one (refunds are in full, so there is at most one).
    Result<std::optional<LedgerRefund>> refundOf(const std::string& orderNo);
    Result<void> insertRefund(const LedgerRefund& refund);

    /// Money taken by payments confirmed in [from, to).
    Result<Fen> paidBetween(Micros from, Micros to);
    /// Money given back by refunds made in [from, to).
    Result<Fen> refundedBetween(Micros from, Micros to);

    /// The next number of the channel's transaction counter, starting at 1; kept in the file so that
    /// transaction ids never repeat across restarts.
    Result<std::int64_t> nextSerial();

private:
    explicit GatewayLedger(std::unique_ptr<storage::Database> db) : m_db(std::move(db)) {}
    Result<void> migrate();
    Result<std::vector<LedgerOrder>> selectOrders(storage::Statement& stmt);
    Result<std::optional<LedgerRefund>> selectRefund(storage::Statement& stmt);
    Result<Fen> sum(std::string_view sql, Micros from, Micros to);

    std::unique_ptr<storage::Database> m_db;
};

} // namespace kiosk::payment
