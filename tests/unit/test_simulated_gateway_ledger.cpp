// The simulated gateway's books: idempotency keys, what survives a restart,
// the day's totals for reconciliation, and exact amounts.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "payment/simulated_gateway.hpp"

using namespace kiosk;
using namespace kiosk::payment;
using namespace std::chrono_literals;

namespace {

constexpr const char* kWeChatCode = "134567890123456789";
constexpr const char* kAlipayCode = "28763443825664394";

// A ledger file in the temp directory that a test may open, close and open again.
struct LedgerFile {
    LedgerFile()
    {
        static std::atomic<int> counter{0};
        path = (std::filesystem::temp_directory_path() /
                ("kiosk-gateway-ledger-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                   .string();
        removeFiles();
    }
    ~LedgerFile() { removeFiles(); }
    void removeFiles() const
    {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
    std::unique_ptr<SimulatedGateway> open(const Clock& clock) const
    {
        auto opened = SimulatedGateway::open(path, clock);
        REQUIRE(opened.has_value());
        return std::move(*opened);
    }

    std::string path;
};

CivilDate today(const ManualClock& clock) { return localDate(clock.wallNow()); }

} // namespace

TEST_SUITE("simulated_gateway_ledger")
{
    TEST_CASE("createQrOrder: the same order number returns the same order; another amount is Invalid")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        auto first = gateway->createQrOrder("Q1", 1500, "挂号费");
        REQUIRE(first.has_value());
        clock.advance(2min);
        auto again = gateway->createQrOrder("Q1", 1500, "挂号费");
        REQUIRE(again.has_value());
        CHECK(again->codeUrl == first->codeUrl);
        CHECK(again->expiresAt == first->expiresAt);

        auto other = gateway->createQrOrder("Q1", 1600, "挂号费");
        REQUIRE_FALSE(other.has_value());
        CHECK(other.error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->ordersOn(today(clock)).size() == 1);
        CHECK(gateway->query("Q1")->amount == 1500);
    }

    TEST_CASE("chargeCode: the same order number never charges twice, whatever the behaviour is now")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        auto first = gateway->chargeCode("K1", 2000, "缴费", kWeChatCode);
        REQUIRE(first.has_value());
        REQUIRE(first->state == PaymentState::Paid);

        gateway->setBehaviour(GatewayBehaviour::Decline);
        auto retry = gateway->chargeCode("K1", 2000, "缴费", kAlipayCode);
        REQUIRE(retry.has_value());
        CHECK(retry->state == PaymentState::Paid);
        CHECK(retry->channel == PayChannel::WeChat);
        CHECK(retry->transactionId == first->transactionId);
        CHECK(gateway->netTakenOn(today(clock)) == 2000);

        CHECK(gateway->chargeCode("K1", 2001, "缴费", kWeChatCode).error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->createQrOrder("K1", 2000, "缴费").error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->ordersOn(today(clock)).size() == 1);
    }

    TEST_CASE("chargeCode: a retry while the patient is still typing the password reports the wait, then the payment")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        gateway->setBehaviour(GatewayBehaviour::NeedsPassword);
        REQUIRE(gateway->chargeCode("K1", 2000, "缴费", kWeChatCode).has_value());
        CHECK(gateway->chargeCode("K1", 2000, "缴费", kWeChatCode)->state == PaymentState::UserPaying);
        clock.advance(1min);
        CHECK(gateway->chargeCode("K1", 2000, "缴费", kWeChatCode)->state == PaymentState::Paid);
        CHECK(gateway->netTakenOn(today(clock)) == 2000);
    }

    TEST_CASE("refund: the same refund number returns the first result and the money goes back once")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        REQUIRE(gateway->chargeCode("K1", 2000, "缴费", kWeChatCode).has_value());
        REQUIRE(gateway->chargeCode("K2", 700, "缴费", kAlipayCode).has_value());
        auto first = gateway->refund("K1", "R1", "号源已满");
        REQUIRE(first.has_value());
        clock.advance(1min);
        auto again = gateway->refund("K1", "R1", "号源已满");
        REQUIRE(again.has_value());
        CHECK(again->amount == first->amount);
        CHECK(again->done);
        CHECK(gateway->netTakenOn(today(clock)) == 700);

        auto misused = gateway->refund("K2", "R1", "test");
        REQUIRE_FALSE(misused.has_value());
        CHECK(misused.error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->query("K2")->state == PaymentState::Paid);
    }

    TEST_CASE("the ledger survives closing and reopening the file, pending confirmations included")
    {
        LedgerFile file;
        ManualClock clock;
        std::string paidTransaction;
        {
            auto gateway = file.open(clock);
            REQUIRE(gateway->createQrOrder("Q1", 300, "缴费").has_value());
            auto paid = gateway->chargeCode("K1", 1234, "缴费", kWeChatCode);
            REQUIRE(paid.has_value());
            paidTransaction = paid->transactionId;
            REQUIRE(gateway->chargeCode("K2", 500, "缴费", kWeChatCode).has_value());
            REQUIRE(gateway->refund("K2", "R2", "test").has_value());
            gateway->setBehaviour(GatewayBehaviour::NeedsPassword);
            REQUIRE(gateway->chargeCode("K3", 800, "缴费", kAlipayCode).has_value());
            gateway->setBehaviour(GatewayBehaviour::Decline);
            REQUIRE(gateway->chargeCode("K4", 900, "缴费", kAlipayCode).has_value());
        }
        auto gateway = file.open(clock);
        CHECK(gateway->behaviour() == GatewayBehaviour::Succeed);
        CHECK(gateway->query("Q1")->state == PaymentState::NotPaid);
        auto k1 = gateway->query("K1");
        REQUIRE(k1.has_value());
        CHECK(k1->state == PaymentState::Paid);
        CHECK(k1->transactionId == paidTransaction);
        CHECK(k1->paidAt == clock.wallNow());
        CHECK(gateway->query("K2")->state == PaymentState::Refunded);
        CHECK(gateway->refund("K2", "R2", "test")->amount == 500);
        CHECK(gateway->query("K3")->state == PaymentState::UserPaying);
        CHECK(gateway->query("K4")->state == PaymentState::Declined);

        clock.advance(1min);
        auto k3 = gateway->query("K3");
        REQUIRE(k3.has_value());
        CHECK(k3->state == PaymentState::Paid);
        // The channel's transaction counter carries on across the restart: no number is handed out twice.
        CHECK(k3->transactionId != paidTransaction);
        CHECK(gateway->chargeCode("K5", 100, "缴费", kWeChatCode)->transactionId != paidTransaction);
        CHECK(gateway->netTakenOn(today(clock)) == 1234 + 800 + 100);
    }

    TEST_CASE("ordersOn and netTakenOn: each local day on its own, refunds on the day they were made")
    {
        LedgerFile file;
        ManualClock clock;
        clock.setWall(std::chrono::sys_days{std::chrono::year{2026} / 11 / 23});
        clock.advance(12h);  // Midday UTC: far from midnight in most time zones.
        auto gateway = file.open(clock);
        CivilDate day1 = today(clock);
        REQUIRE(gateway->chargeCode("A1", 1000, "缴费", kWeChatCode).has_value());
        REQUIRE(gateway->chargeCode("A2", 250, "缴费", kAlipayCode).has_value());
        REQUIRE(gateway->createQrOrder("A3", 99, "缴费").has_value());
        gateway->setBehaviour(GatewayBehaviour::Decline);
        REQUIRE(gateway->chargeCode("A4", 5000, "缴费", kAlipayCode).has_value());
        gateway->setBehaviour(GatewayBehaviour::Succeed);

        clock.advance(24h);
        CivilDate day2 = today(clock);
        REQUIRE(gateway->refund("A2", "RA2", "test").has_value());
        REQUIRE(gateway->chargeCode("B1", 4321, "缴费", kWeChatCode).has_value());

        auto orders1 = gateway->ordersOn(day1);
        REQUIRE(orders1.size() == 4);
        CHECK(orders1[0].orderNo == "A1");
        CHECK(orders1[1].state == PaymentState::Refunded);
        CHECK(orders1[2].state == PaymentState::Closed);  // The QR code expired long ago.
        CHECK(orders1[3].state == PaymentState::Declined);
        CHECK(gateway->ordersOn(day2).size() == 1);
        CHECK(gateway->netTakenOn(day1) == 1250);
        CHECK(gateway->netTakenOn(day2) == 4321 - 250);
        CHECK(gateway->ordersOn(CivilDate{2026, 11, 22}).empty());
    }

    TEST_CASE("amounts are exact in fen, from one fen to ten million yuan")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        const std::vector<Fen> amounts = {1, 10, 99, 101, 123456789, 1'000'000'000};
        Fen total = 0;
        for (std::size_t i = 0; i < amounts.size(); ++i) {
            auto paid = gateway->chargeCode("F" + std::to_string(i), amounts[i], "缴费", kWeChatCode);
            REQUIRE(paid.has_value());
            CHECK(paid->amount == amounts[i]);
            total += amounts[i];
        }
        CHECK(gateway->netTakenOn(today(clock)) == total);
        CHECK(gateway->refund("F4", "RF4", "test")->amount == 123456789);
        CHECK(gateway->netTakenOn(today(clock)) == total - 123456789);
    }

    TEST_CASE("invalid requests are refused before anything is recorded")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        CHECK(gateway->chargeCode("K1", 0, "缴费", kWeChatCode).error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->createQrOrder("Q1", -5, "缴费").error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->createQrOrder("", 5, "缴费").error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->createQrOrder("Q/../1", 5, "缴费").error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->createQrOrder(std::string(33, 'Q'), 5, "缴费").error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->createQrOrder("Q1", 5, std::string(129, 'x')).error().kind == GatewayErrorKind::Invalid);
        REQUIRE(gateway->chargeCode("K2", 5, "缴费", kWeChatCode).has_value());
        CHECK(gateway->refund("K2", "R 1", "test").error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->simulatePhonePays("K2", PayChannel::WeChat).error().kind == GatewayErrorKind::Invalid);
        CHECK(gateway->ordersOn(today(clock)).size() == 1);
    }

    TEST_CASE("workers on several threads share one gateway")
    {
        LedgerFile file;
        ManualClock clock;
        auto gateway = file.open(clock);
        constexpr int kThreads = 4;
        constexpr int kOrdersEach = 10;
        std::vector<std::thread> workers;
        std::vector<std::vector<std::string>> transactions(kThreads);
        for (int t = 0; t < kThreads; ++t)
            workers.emplace_back([&, t] {
                for (int i = 0; i < kOrdersEach; ++i) {
                    std::string orderNo = "T" + std::to_string(t) + "N" + std::to_string(i);
                    auto paid = gateway->chargeCode(orderNo, 100 + t, "缴费", kWeChatCode);
                    if (paid) transactions[t].push_back(paid->transactionId);
                    (void)gateway->chargeCode(orderNo, 100 + t, "缴费", kWeChatCode);  // A retry: no second charge.
                }
            });
        for (auto& worker : workers) worker.join();
        std::set<std::string> distinct;
        for (const auto& list : transactions) distinct.insert(list.begin(), list.end());
        CHECK(distinct.size() == kThreads * kOrdersEach);
        CHECK(gateway->netTakenOn(today(clock)) == kOrdersEach * (100 + 101 + 102 + 103));
    }
}
