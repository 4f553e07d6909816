#pragma once
// A QR payment channel (WeChat Pay, Alipay, UnionPay) as the kiosk sees it,
// with the semantics the real ones share: the kiosk names each order with
// its own order number, which doubles as the idempotency key (creating or
// charging the same number twice never charges twice); results arrive
// asynchronously and are learned by querying; an order that will not be
// paid is closed; money goes back by refund with its own refund number.
// Amounts are integer fen. Calls may block: flows call from a worker.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace kiosk::payment {

using Fen = std::int64_t;

enum class PayChannel { Unknown, WeChat, Alipay, UnionPay };

enum class PaymentState {
    NotPaid,     ///< Created, waiting for the patient (QR shown, or code charged and not answered yet).
    UserPaying,  ///< The patient is confirming on the phone (entering a password).
    Paid,
    Declined,    ///< Refused (insufficient funds, code expired, risk control); nothing was taken.
    Closed,      ///< Closed unpaid; it can no longer be paid.
    Refunded,    ///< Paid and then refunded in full.
};

struct PaymentStatus {
    std::string orderNo;
    PaymentState state = PaymentState::NotPaid;
    PayChannel channel = PayChannel::Unknown;
    Fen amount = 0;
    std::string transactionId;  ///< The channel's number, once paid.
    std::string message;        ///< Why declined, in the channel's words (for staff and the log).
    std::optional<WallTime> paidAt;
};

struct QrOrder {
    std::string orderNo;
    std::string codeUrl;  ///< What the QR code on screen carries.
    WallTime expiresAt;
};

struct RefundStatus {
    std::string orderNo;
    std::string refundNo;
    Fen amount = 0;
    bool done = false;     ///< The money is on its way back.
    std::string message;
};

/// One order as the channel's daily statement lists it: the bill a merchant downloads for a day and
/// checks its own books against.
struct StatementLine {
    std::string orderNo;
    PaymentState state = PaymentState::NotPaid;
    PayChannel channel = PayChannel::Unknown;
    Fen amount = 0;
    std::string transactionId;  ///< The channel's number, once paid.
    Fen refunded = 0;           ///< Money given back on this order so far.
    std::optional<WallTime> paidAt;
};

enum class GatewayErrorKind { Unreachable, NotFound, Rejected, Invalid };

struct GatewayError {
    GatewayErrorKind kind = GatewayErrorKind::Unreachable;
    std::string message;
};

template <class T>
using GatewayResult = std::expected<T, GatewayError>;

class PaymentGateway {
public:
    virtual ~PaymentGateway() = default;
    /// A scan-to-pay order: returns the link to show as a QR code for the patient's phone.
    /// The same orderNo again returns the same order.
    virtual GatewayResult<QrOrder> createQrOrder(const std::string& orderNo, Fen amount, const std::string& subject) = 0;
    /// Charges a payment code the patient showed to the scanner (the channel follows from its digits).
    /// Often returns UserPaying or NotPaid: then query until it settles.
    virtual GatewayResult<PaymentStatus> chargeCode(const std::string& orderNo, Fen amount, const std::string& subject,
                                                    const std::string& paymentCode) = 0;
    virtual GatewayResult<PaymentStatus> query(const std::string& orderNo) = 0;
    /// Closes an unpaid order so it can no longer be paid; closing a paid order is Rejected.
    virtual GatewayResult<PaymentStatus> close(const std::string& orderNo) = 0;
    /// Refunds a paid order in full. The same refundNo again returns the first result.
    virtual GatewayResult<RefundStatus> refund(const std::string& orderNo, const std::string& refundNo,
                                               const std::string& reason) = 0;
    /// Every order created on `day` (the kiosk's local day), oldest first, in the state the channel knows
    /// now: its daily statement, for reconciliation. Not for the patient's path; it may be slow.
    virtual GatewayResult<std::vector<StatementLine>> dailyStatement(CivilDate day) = 0;
};

} // namespace kiosk::payment
