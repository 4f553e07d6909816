// The simulated channel's daily statement: every order of a local day from
// its ledger, in the state a query would show, refunds included, and nothing
// while the channel is unreachable.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "payment/simulated_gateway.hpp"

using namespace kiosk;
using namespace kiosk::payment;
using namespace std::chrono_literals;

TEST_SUITE("simulated_gateway_ledger")
{
    TEST_CASE("dailyStatement lists the day's orders as the channel knows them now")
    {
        const std::string path =
            (std::filesystem::temp_directory_path() / ("kiosk-statement-" + std::to_string(::getpid()) + ".db")).string();
        ManualClock clock;
        {
            auto opened = SimulatedGateway::open(path, clock);
            REQUIRE(opened.has_value());
            SimulatedGateway& gateway = **opened;
            CivilDate today = localDate(clock.wallNow());
            REQUIRE(gateway.createQrOrder("Q1", 1500, "挂号费").has_value());
            REQUIRE(gateway.simulatePhonePays("Q1", PayChannel::Alipay).has_value());
            clock.advance(1s);
            REQUIRE(gateway.chargeCode("K1C", 2000, "缴费", "134567890123456789").has_value());
            REQUIRE(gateway.refund("K1C", "K1CR", "test").has_value());
            clock.advance(1s);
            REQUIRE(gateway.createQrOrder("Q2", 900, "挂号费").has_value());
            // Q2's code lapses unpaid; the statement shows it closed without anyone having asked.
            clock.advance(6min);

            auto lines = gateway.dailyStatement(today);
            REQUIRE(lines.has_value());
            REQUIRE(lines->size() == 3);
            const StatementLine& q1 = (*lines)[0];
            CHECK(q1.orderNo == "Q1");
            CHECK(q1.state == PaymentState::Paid);
            CHECK(q1.channel == PayChannel::Alipay);
            CHECK(q1.amount == 1500);
            CHECK(q1.refunded == 0);
            CHECK_FALSE(q1.transactionId.empty());
            CHECK(q1.paidAt.has_value());
            const StatementLine& k1 = (*lines)[1];
            CHECK(k1.orderNo == "K1C");
            CHECK(k1.state == PaymentState::Refunded);
            CHECK(k1.channel == PayChannel::WeChat);
            CHECK(k1.refunded == 2000);
            CHECK((*lines)[2].orderNo == "Q2");
            CHECK((*lines)[2].state == PaymentState::Closed);
            CHECK_FALSE((*lines)[2].paidAt.has_value());

            CHECK(gateway.dailyStatement(CivilDate{today.year - 1, today.month, today.day})->empty());
            gateway.setBehaviour(GatewayBehaviour::Unreachable);
            auto down = gateway.dailyStatement(today);
            REQUIRE_FALSE(down.has_value());
            CHECK(down.error().kind == GatewayErrorKind::Unreachable);
        }
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
}
