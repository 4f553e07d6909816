#include "payment/simulated_gateway.hpp"

#include <utility>

#include "payment/simulated_gateway_ledger.hpp"
#include "payment/simulated_gateway_rules.hpp"

namespace kiosk::payment {

namespace {

constexpr std::string_view kQrLinkBase = "https://pay.demo-gateway.invalid/qr/";
// The channels cap an order's description at 128 bytes.
constexpr std::size_t kMaxSubjectBytes = 128;

std::unexpected<GatewayError> gatewayFail(GatewayErrorKind kind, std::string message)
{
    return std::unexpected<GatewayError>(GatewayError{kind, std::move(message)});
}

// A ledger that cannot be read or written is to the kiosk what a channel's
// SYSTEMERROR is to a merchant: the outcome is unknown, so ask again later.
GatewayError systemError(const Error& error)
{
    return GatewayError{GatewayErrorKind::Unreachable,
                        "SYSTEMERROR: the simulated gateway's ledger failed: " + error.message};
}

std::string_view stateWords(PaymentState state)
{
    switch (state) {
    case PaymentState::NotPaid: return "not paid";
    case PaymentState::UserPaying: return "waiting for the patient's password";
    case PaymentState::Paid: return "paid";
    case PaymentState::Declined: return "declined";
    case PaymentState::Closed: return "closed";
    case PaymentState::Refunded: return "refunded";
    }
    return "in an unknown state";
}

PaymentStatus statusOf(const LedgerOrder& order)
{
    PaymentStatus status;
    status.orderNo = order.orderNo;
    status.state = order.state;
    status.channel = order.channel;
    status.amount = order.amount;
    status.transactionId = order.transactionId;
    status.message = order.message;
    if (order.paidAt) status.paidAt = fromMicros(*order.paidAt);
    return status;
}

QrOrder qrOrderOf(const LedgerOrder& order)
{
    return QrOrder{order.orderNo, std::string(kQrLinkBase) + order.orderNo,
                   fromMicros(order.expiresAt.value_or(order.createdAt))};
}

RefundStatus refundStatusOf(const LedgerRefund& refund)
{
    return RefundStatus{refund.orderNo, refund.refundNo, refund.amount, true, "refunded " + formatFen(refund.amount)};
}

std::optional<GatewayError> requestProblem(const std::string& orderNo, Fen amount, const std::string& subject)
{
    if (auto problem = merchantNumberProblem("order number", orderNo))
        return GatewayError{GatewayErrorKind::Invalid, "INVALID_REQUEST: " + *problem};
    if (amount <= 0)
        return GatewayError{GatewayErrorKind::Invalid,
                            "INVALID_REQUEST: the amount must be at least 1 fen, not " + std::to_string(amount)};
    if (subject.size() > kMaxSubjectBytes)
        return GatewayError{GatewayErrorKind::Invalid, "INVALID_REQUEST: the subject has " +
                                                           std::to_string(subject.size()) + " bytes; at most " +
                                                           std::to_string(kMaxSubjectBytes) + " are allowed"};
    return std::nullopt;
}

// The same order number again is the same order, so it must ask for the same
// thing; anything else would be a second order under the first one's name.
std::optional<GatewayError> repeatProblem(const LedgerOrder& order, OrderKind kind, Fen amount)
{
    if (order.kind != kind)
        return GatewayError{GatewayErrorKind::Invalid,
                            "OUT_TRADE_NO_USED: order " + order.orderNo + " was already used for " +
                                (order.kind == OrderKind::Qr ? "a QR order" : "a payment-code charge")};
    if (order.amount != amount)
        return GatewayError{GatewayErrorKind::Invalid, "OUT_TRADE_NO_USED: order " + order.orderNo +
                                                           " already exists for " + formatFen(order.amount) +
                                                           ", not " + formatFen(amount) +
                                                           "; a different amount needs a new order number"};
    return std::nullopt;
}

GatewayError notFound(const std::string& orderNo)
{
    return GatewayError{GatewayErrorKind::NotFound, "ORDERNOTEXIST: the gateway has no order " + orderNo};
}

} // namespace

// KIOSK_TRY for the gateway's operations: a ledger failure becomes the channel's system error.
#define GATEWAY_TRY(expr)                                                                          \
    __extension__({                                                                                \
        auto _gateway_result = (expr);                                                             \
        if (!_gateway_result) return std::unexpected(systemError(_gateway_result.error()));        \
        std::move(*_gateway_result);                                                               \
    })

#define GATEWAY_TRY_VOID(expr)                                                                     \
    do {                                                                                           \
        auto _gateway_result = (expr);                                                             \
        if (!_gateway_result) return std::unexpected(systemError(_gateway_result.error()));        \
    } while (0)

Result<std::unique_ptr<SimulatedGateway>> SimulatedGateway::open(const std::string& dbPath, const Clock& clock,
                                                                 SimulatedGatewayOptions options)
{
    auto ledger = KIOSK_TRY(GatewayLedger::open(dbPath));
    return std::unique_ptr<SimulatedGateway>(new SimulatedGateway(std::move(ledger), clock, std::move(options)));
}

SimulatedGateway::SimulatedGateway(std::unique_ptr<GatewayLedger> ledger, const Clock& clock,
                                   SimulatedGatewayOptions options)
    : m_ledger(std::move(ledger)), m_clock(clock), m_options(std::move(options))
{
}

SimulatedGateway::~SimulatedGateway() = default;

void SimulatedGateway::setBehaviour(GatewayBehaviour behaviour)
{
    std::lock_guard lock(m_mutex);
    m_behaviour = behaviour;
}

GatewayBehaviour SimulatedGateway::behaviour() const
{
    std::lock_guard lock(m_mutex);
    return m_behaviour;
}

void SimulatedGateway::setOptions(SimulatedGatewayOptions options)
{
    std::lock_guard lock(m_mutex);
    m_options = std::move(options);
}

std::int64_t SimulatedGateway::nowMicros() const { return toMicros(m_clock.wallNow()); }

std::optional<GatewayError> SimulatedGateway::unreachable() const
{
    if (m_behaviour != GatewayBehaviour::Unreachable) return std::nullopt;
    return GatewayError{GatewayErrorKind::Unreachable,
                        "cannot reach the payment gateway (simulated network failure); nothing was sent"};
}

GatewayResult<QrOrder> SimulatedGateway::createQrOrder(const std::string& orderNo, Fen amount,
                                                       const std::string& subject)
{
    std::lock_guard lock(m_mutex);
    if (auto down = unreachable()) return std::unexpected(*down);
    if (auto bad = requestProblem(orderNo, amount, subject)) return std::unexpected(*bad);
    std::int64_t now = nowMicros();
    auto tx = GATEWAY_TRY(m_ledger->begin());
    if (auto existing = GATEWAY_TRY(m_ledger->findOrder(orderNo))) {
        if (auto bad = repeatProblem(*existing, OrderKind::Qr, amount)) return std::unexpected(*bad);
        return qrOrderOf(*existing);
    }
    LedgerOrder order;
    order.orderNo = orderNo;
    order.kind = OrderKind::Qr;
    order.amount = amount;
    order.subject = subject;
    order.createdAt = now;
    order.expiresAt = now + toMicros(m_options.qrLifetime);
    GATEWAY_TRY_VOID(m_ledger->insertOrder(order));
    GATEWAY_TRY_VOID(tx.commit());
    return qrOrderOf(order);
}

GatewayResult<PaymentStatus> SimulatedGateway::chargeCode(const std::string& orderNo, Fen amount,
                                                          const std::string& subject, const std::string& paymentCode)
{
    std::lock_guard lock(m_mutex);
    if (auto down = unreachable()) return std::unexpected(*down);
    if (auto bad = requestProblem(orderNo, amount, subject)) return std::unexpected(*bad);
    std::int64_t now = nowMicros();
    auto tx = GATEWAY_TRY(m_ledger->begin());
    // A retry of a charge (the kiosk did not hear the first answer) must learn
    // what became of it and never take the money a second time.
    if (auto existing = GATEWAY_TRY(m_ledger->findOrder(orderNo))) {
        if (auto bad = repeatProblem(*existing, OrderKind::Code, amount)) return std::unexpected(*bad);
        GATEWAY_TRY_VOID(catchUp(*existing, now));
        GATEWAY_TRY_VOID(tx.commit());
        return statusOf(*existing);
    }
    PaymentCodeCheck code = checkPaymentCode(paymentCode);
    if (code.channel == PayChannel::Unknown) {
        std::string what = code.masked.empty() ? "the scanned text" : "the code " + code.masked;
        return gatewayFail(GatewayErrorKind::Rejected,
                           "AUTH_CODE_INVALID: " + what +
                               " is not a WeChat Pay, Alipay or UnionPay payment code; ask the patient to show the "
                               "payment code in the app again");
    }
    LedgerOrder order;
    order.orderNo = orderNo;
    order.kind = OrderKind::Code;
    order.amount = amount;
    order.subject = subject;
    order.channel = code.channel;
    order.maskedCode = code.masked;
    order.createdAt = now;
    GATEWAY_TRY_VOID(settleByBehaviour(order, now, m_behaviour));
    GATEWAY_TRY_VOID(m_ledger->insertOrder(order));
    GATEWAY_TRY_VOID(tx.commit());
    return statusOf(order);
}

GatewayResult<PaymentStatus> SimulatedGateway::query(const std::string& orderNo)
{
    std::lock_guard lock(m_mutex);
    if (auto down = unreachable()) return std::unexpected(*down);
    std::int64_t now = nowMicros();
    auto tx = GATEWAY_TRY(m_ledger->begin());
    auto order = GATEWAY_TRY(m_ledger->findOrder(orderNo));
    if (!order) return std::unexpected(notFound(orderNo));
    GATEWAY_TRY_VOID(catchUp(*order, now));
    GATEWAY_TRY_VOID(tx.commit());
    return statusOf(*order);
}

GatewayResult<PaymentStatus> SimulatedGateway::close(const std::string& orderNo)
{
    std::lock_guard lock(m_mutex);
    if (auto down = unreachable()) return std::unexpected(*down);
    std::int64_t now = nowMicros();
    auto tx = GATEWAY_TRY(m_ledger->begin());
    auto order = GATEWAY_TRY(m_ledger->findOrder(orderNo));
    if (!order) return std::unexpected(notFound(orderNo));
    // A payment confirmed while the kiosk was giving up lands before the close.
    GATEWAY_TRY_VOID(catchUp(*order, now));
    switch (order->state) {
    case PaymentState::NotPaid:
    case PaymentState::UserPaying:
        // Closing also cancels a payment the channel has not confirmed yet: a closed order is never paid.
        order->state = PaymentState::Closed;
        order->settlesAt.reset();
        order->message = "closed by the merchant";
        GATEWAY_TRY_VOID(m_ledger->updateOrder(*order));
        break;
    case PaymentState::Closed:
    case PaymentState::Declined: break;  // Nothing was taken and nothing can be: already as good as closed.
    case PaymentState::Paid:
    case PaymentState::Refunded: {
        GATEWAY_TRY_VOID(tx.commit());
        std::string paid = "ORDERPAID: order " + orderNo + " was paid (" + std::string(channelName(order->channel)) +
                           " transaction " + order->transactionId + ", " + formatFen(order->amount) + ")";
        return gatewayFail(GatewayErrorKind::Rejected,
                           order->state == PaymentState::Paid
                               ? paid + " and cannot be closed; refund it instead"
                               : paid + " and has been refunded; it cannot be closed");
    }
    }
    GATEWAY_TRY_VOID(tx.commit());
    return statusOf(*order);
}

GatewayResult<RefundStatus> SimulatedGateway::refund(const std::string& orderNo, const std::string& refundNo,
                                                     const std::string& reason)
{
    std::lock_guard lock(m_mutex);
    if (auto down = unreachable()) return std::unexpected(*down);
    if (auto problem = merchantNumberProblem("refund number", refundNo))
        return gatewayFail(GatewayErrorKind::Invalid, "INVALID_REQUEST: " + *problem);
    std::int64_t now = nowMicros();
    auto tx = GATEWAY_TRY(m_ledger->begin());
    // The refund number is the idempotency key: asking again returns the first answer, and the money
    // goes back once.
    if (auto earlier = GATEWAY_TRY(m_ledger->findRefund(refundNo))) {
        if (earlier->orderNo != orderNo)
            return gatewayFail(GatewayErrorKind::Invalid, "INVALID_REQUEST: refund number " + refundNo +
                                                              " belongs to order " + earlier->orderNo + ", not " +
                                                              orderNo);
        return refundStatusOf(*earlier);
    }
    auto order = GATEWAY_TRY(m_ledger->findOrder(orderNo));
    if (!order) return std::unexpected(notFound(orderNo));
    GATEWAY_TRY_VOID(catchUp(*order, now));
    if (order->state != PaymentState::Paid) {
        std::string why = "TRADE_STATE_ERROR: order " + orderNo + " is " + std::string(stateWords(order->state));
        if (auto first = GATEWAY_TRY(m_ledger->refundOf(orderNo)))
            why += " in full already (refund number " + first->refundNo + ")";
        else
            why += "; only a paid order can be refunded";
        GATEWAY_TRY_VOID(tx.commit());
        return gatewayFail(GatewayErrorKind::Rejected, std::move(why));
    }
    LedgerRefund refund{refundNo, orderNo, order->amount, reason, now};
    GATEWAY_TRY_VOID(m_ledger->insertRefund(refund));
    order->state = PaymentState::Refunded;
    GATEWAY_TRY_VOID(m_ledger->updateOrder(*order));
    GATEWAY_TRY_VOID(tx.commit());
    return refundStatusOf(refund);
}

GatewayResult<PaymentStatus> SimulatedGateway::simulatePhonePays(const std::string& orderNo, PayChannel channel)
{
    std::lock_guard lock(m_mutex);
    if (channel == PayChannel::Unknown)
        return gatewayFail(GatewayErrorKind::Invalid, "the phone pays with WeChat Pay, Alipay or UnionPay");
    std::int64_t now = nowMicros();
    auto tx = GATEWAY_TRY(m_ledger->begin());
    auto order = GATEWAY_TRY(m_ledger->findOrder(orderNo));
    if (!order) return std::unexpected(notFound(orderNo));
    if (order->kind != OrderKind::Qr)
        return gatewayFail(GatewayErrorKind::Invalid, "order " + orderNo +
                                                          " is a payment-code charge; only a QR order is paid from "
                                                          "the patient's phone");
    GATEWAY_TRY_VOID(catchUp(*order, now));
    if (order->state == PaymentState::Closed || order->state == PaymentState::Declined) {
        GATEWAY_TRY_VOID(tx.commit());
        return gatewayFail(GatewayErrorKind::Rejected, "ORDERCLOSED: order " + orderNo + " is " +
                                                           std::string(stateWords(order->state)) + " (" +
                                                           order->message + "); the phone cannot pay it");
    }
    // Only an order nobody has paid yet can be paid; scanning the code again after paying changes nothing.
    GatewayBehaviour fate = m_behaviour == GatewayBehaviour::Unreachable ? GatewayBehaviour::Succeed : m_behaviour;
    if (order->state == PaymentState::NotPaid && !order->settlesAt && fate != GatewayBehaviour::NeverAnswer) {
        order->channel = channel;
        GATEWAY_TRY_VOID(settleByBehaviour(*order, now, fate));
        GATEWAY_TRY_VOID(m_ledger->updateOrder(*order));
    }
    GATEWAY_TRY_VOID(tx.commit());
    return statusOf(*order);
}

std::vector<PaymentStatus> SimulatedGateway::ordersOn(CivilDate day)
{
    std::lock_guard lock(m_mutex);
    auto [from, to] = localDayBounds(day);
    auto tx = m_ledger->begin();
    if (!tx || !catchUpAll(nowMicros())) return {};
    auto orders = m_ledger->ordersCreated(from, to);
    if (!orders || !tx->commit()) return {};
    std::vector<PaymentStatus> statuses;
    statuses.reserve(orders->size());
    for (const LedgerOrder& order : *orders) statuses.push_back(statusOf(order));
    return statuses;
}

Fen SimulatedGateway::netTakenOn(CivilDate day)
{
    std::lock_guard lock(m_mutex);
    auto [from, to] = localDayBounds(day);
    auto tx = m_ledger->begin();
    if (!tx || !catchUpAll(nowMicros())) return 0;
    auto paid = m_ledger->paidBetween(from, to);
    auto refunded = m_ledger->refundedBetween(from, to);
    if (!paid || !refunded || !tx->commit()) return 0;
    return *paid - *refunded;
}

#undef GATEWAY_TRY
#undef GATEWAY_TRY_VOID

} // namespace kiosk::payment
