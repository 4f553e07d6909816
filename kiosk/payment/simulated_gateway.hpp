#pragma once
// A payment channel for the demo and the tests that behaves like WeChat Pay,
// Alipay and UnionPay do towards a merchant: scan-to-pay orders, payment
// codes charged by the kiosk (with the wait while the patient enters a
// password), query, close and refund, and results that arrive later and are
// learned by querying. Its books live in their own SQLite file, so that after
// a kiosk crash the "channel" remembers exactly what a real one would.
//
// Time comes from the injected Clock, and only its wall time is used: what
// the ledger records must still make sense after a restart. Changes that
// happen with time (the password entered, a late confirmation, a QR code
// expiring) are worked out whenever an order is looked at, from the clock.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::payment {

class GatewayLedger;
struct LedgerOrder;

/// How the simulated channel answers from now on. An order keeps the fate it was given when the money
/// moved (the charge, or the phone paying a QR order); changing the behaviour later does not rewrite it.
enum class GatewayBehaviour {
    Succeed,        ///< Payments go through at once.
    NeedsPassword,  ///< UserPaying first; Paid once `passwordDelay` has passed.
    Decline,        ///< Declined with `declineMessage`; nothing is taken.
    NeverAnswer,    ///< The order stays NotPaid for good: the kiosk must time out, close it and tell the patient.
    SucceedLate,    ///< NotPaid until `lateBy` has passed, then Paid, unless it was closed before.
    Unreachable,    ///< Every PaymentGateway call fails Unreachable and changes nothing.
};

struct SimulatedGatewayOptions {
    Duration qrLifetime = std::chrono::minutes(5);
    Duration passwordDelay = std::chrono::seconds(15);
    Duration lateBy = std::chrono::minutes(2);
    std::string declineMessage = "余额不足 / insufficient balance";
};

class SimulatedGateway final : public PaymentGateway {
public:
    /// Opens the ledger at `dbPath` (created if missing), written with synchronous=FULL.
    static Result<std::unique_ptr<SimulatedGateway>> open(const std::string& dbPath, const Clock& clock,
                                                          SimulatedGatewayOptions options = {});
    ~SimulatedGateway() override;
    SimulatedGateway(const SimulatedGateway&) = delete;
    SimulatedGateway& operator=(const SimulatedGateway&) = delete;

    GatewayResult<QrOrder> createQrOrder(const std::string& orderNo, Fen amount, const std::string& subject) override;
    GatewayResult<PaymentStatus> chargeCode(const std::string& orderNo, Fen amount, const std::string& subject,
                                            const std::string& paymentCode) override;
    GatewayResult<PaymentStatus> query(const std::string& orderNo) override;
    GatewayResult<PaymentStatus> close(const std::string& orderNo) override;
    GatewayResult<RefundStatus> refund(const std::string& orderNo, const std::string& refundNo,
                                       const std::string& reason) override;
    /// From the ledger, after bringing every order up to the clock (a QR code that has lapsed is closed).
    GatewayResult<std::vector<StatementLine>> dailyStatement(CivilDate day) override;

    /// Applies to the operations that follow.
    void setBehaviour(GatewayBehaviour behaviour);
    GatewayBehaviour behaviour() const;
    /// Applies to the orders created or paid from now on.
    void setOptions(SimulatedGatewayOptions options);

    /// The patient's phone scans a QR order's code and pays with `channel`'s app, with the outcome the
    /// current behaviour gives. Paying again an order already paid changes nothing; a closed or expired
    /// order cannot be paid (Rejected). The phone has its own network, so Unreachable here pays as Succeed.
    GatewayResult<PaymentStatus> simulatePhonePays(const std::string& orderNo, PayChannel channel);

    // For reconciliation tests: the channel's own view of a local day, like its daily statement. They
    // read the ledger directly and ignore Unreachable; a ledger that cannot be read gives nothing.

    /// Every order created on that local day, oldest first.
    std::vector<PaymentStatus> ordersOn(CivilDate day);
    /// Payments confirmed on that local day minus refunds made on it.
    Fen netTakenOn(CivilDate day);

private:
    SimulatedGateway(std::unique_ptr<GatewayLedger> ledger, const Clock& clock, SimulatedGatewayOptions options);
    std::int64_t nowMicros() const;
    std::optional<GatewayError> unreachable() const;
    /// Applies the changes that time has brought to the order by `now`, and saves them.
    Result<void> catchUp(LedgerOrder& order, std::int64_t now);
    Result<void> catchUpAll(std::int64_t now);
    Result<void> markPaid(LedgerOrder& order, std::int64_t at);
    /// Gives a new order or one the phone is paying the fate of the current behaviour.
    Result<void> settleByBehaviour(LedgerOrder& order, std::int64_t now, GatewayBehaviour behaviour);

    mutable std::mutex m_mutex;  // Guards everything below, including the ledger's connection.
    std::unique_ptr<GatewayLedger> m_ledger;
    const Clock& m_clock;
    SimulatedGatewayOptions m_options;
    GatewayBehaviour m_behaviour = GatewayBehaviour::Succeed;
};

} // namespace kiosk::payment
