#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "payment/simulated_gateway.hpp"

using namespace kiosk;
using namespace kiosk::payment;
using namespace std::chrono_literals;

namespace {

// Payment codes of the three channels; all invented.
constexpr const char* kWeChatCode = "134567890123456789";
constexpr const char* kAlipayCode = "28763443825664394";
constexpr const char* kUnionPayCode = "6212345678901234567";

// A gateway on its own ledger file in the temp directory, with a clock that moves only when told.
struct Gateway {
    Gateway()
    {
        static std::atomic<int> counter{0};
        path = (std::filesystem::temp_directory_path() /
                ("kiosk-gateway-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                   .string();
        removeFiles();
        auto opened = SimulatedGateway::open(path, clock, options);
        REQUIRE(opened.has_value());
        gateway = std::move(*opened);
    }
    ~Gateway()
    {
        gateway.reset();
        removeFiles();
    }
    void removeFiles() const
    {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    }
    SimulatedGateway* operator->() const { return gateway.get(); }

    std::string path;
    ManualClock clock;
    SimulatedGatewayOptions options;
    std::unique_ptr<SimulatedGateway> gateway;
};

template <class T>
std::string errorText(const GatewayResult<T>& result)
{
    return result.has_value() ? std::string("(no error)") : result.error().message;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_SUITE("simulated_gateway")
{
    TEST_CASE("Succeed: a payment code is charged at once, on the channel its digits belong to")
    {
        Gateway gw;
        auto wechat = gw->chargeCode("K20261123001", 12345, "挂号费", kWeChatCode);
        REQUIRE(wechat.has_value());
        CHECK(wechat->state == PaymentState::Paid);
        CHECK(wechat->channel == PayChannel::WeChat);
        CHECK(wechat->amount == 12345);
        CHECK(wechat->paidAt == gw.clock.wallNow());
        CHECK(wechat->transactionId.starts_with("4200001234"));
        CHECK(wechat->transactionId.size() == 28);

        auto alipay = gw->chargeCode("K20261123002", 1, "挂号费", kAlipayCode);
        REQUIRE(alipay.has_value());
        CHECK(alipay->channel == PayChannel::Alipay);
        CHECK(alipay->transactionId.starts_with("2026"));
        CHECK(alipay->transactionId != wechat->transactionId);

        auto unionpay = gw->chargeCode("K20261123003", 50000, "挂号费", kUnionPayCode);
        REQUIRE(unionpay.has_value());
        CHECK(unionpay->channel == PayChannel::UnionPay);
        CHECK(unionpay->state == PaymentState::Paid);
    }

    TEST_CASE("NeedsPassword: the patient confirms on the phone, and the kiosk learns it by querying")
    {
        Gateway gw;
        gw.options.passwordDelay = 20s;
        gw->setOptions(gw.options);
        gw->setBehaviour(GatewayBehaviour::NeedsPassword);
        WallTime charged = gw.clock.wallNow();
        auto charge = gw->chargeCode("K1", 2500, "缴费", kWeChatCode);
        REQUIRE(charge.has_value());
        CHECK(charge->state == PaymentState::UserPaying);
        CHECK(charge->transactionId.empty());

        gw.clock.advance(19s);
        CHECK(gw->query("K1")->state == PaymentState::UserPaying);
        gw.clock.advance(5min);
        auto paid = gw->query("K1");
        REQUIRE(paid.has_value());
        CHECK(paid->state == PaymentState::Paid);
        // Paid when the patient confirmed, not when the kiosk happened to ask.
        CHECK(paid->paidAt == charged + 20s);
        CHECK_FALSE(paid->transactionId.empty());
    }

    TEST_CASE("Decline: the channel's reason comes back and nothing is taken")
    {
        Gateway gw;
        gw->setBehaviour(GatewayBehaviour::Decline);
        auto charge = gw->chargeCode("K1", 2500, "缴费", kAlipayCode);
        REQUIRE(charge.has_value());
        CHECK(charge->state == PaymentState::Declined);
        CHECK(contains(charge->message, "insufficient balance"));
        CHECK_FALSE(charge->paidAt.has_value());
        gw.clock.advance(1h);
        CHECK(gw->query("K1")->state == PaymentState::Declined);
        CHECK(gw->close("K1")->state == PaymentState::Declined);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 0);
    }

    TEST_CASE("NeverAnswer: the charge stays unpaid until the kiosk closes it")
    {
        Gateway gw;
        gw->setBehaviour(GatewayBehaviour::NeverAnswer);
        auto charge = gw->chargeCode("K1", 2500, "缴费", kWeChatCode);
        REQUIRE(charge.has_value());
        CHECK(charge->state == PaymentState::NotPaid);
        gw.clock.advance(24h);
        CHECK(gw->query("K1")->state == PaymentState::NotPaid);
        auto closed = gw->close("K1");
        REQUIRE(closed.has_value());
        CHECK(closed->state == PaymentState::Closed);
        CHECK(gw->query("K1")->state == PaymentState::Closed);

        // A QR order: the phone's payment is never confirmed either.
        REQUIRE(gw->createQrOrder("Q1", 800, "缴费").has_value());
        auto phone = gw->simulatePhonePays("Q1", PayChannel::WeChat);
        REQUIRE(phone.has_value());
        CHECK(phone->state == PaymentState::NotPaid);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 0);
    }

    TEST_CASE("SucceedLate: closing an order paid in the meantime is Rejected as paid, and the refund works")
    {
        Gateway gw;
        gw.options.lateBy = 90s;
        gw->setOptions(gw.options);
        gw->setBehaviour(GatewayBehaviour::SucceedLate);
        WallTime charged = gw.clock.wallNow();
        auto charge = gw->chargeCode("K1", 3300, "缴费", kWeChatCode);
        REQUIRE(charge.has_value());
        CHECK(charge->state == PaymentState::NotPaid);
        gw.clock.advance(60s);
        CHECK(gw->query("K1")->state == PaymentState::NotPaid);  // The kiosk gives up here...

        gw.clock.advance(31s);  // ...and its close arrives after the payment did.
        auto close = gw->close("K1");
        REQUIRE_FALSE(close.has_value());
        CHECK(close.error().kind == GatewayErrorKind::Rejected);
        CHECK(contains(close.error().message, "paid"));
        auto status = gw->query("K1");
        REQUIRE(status.has_value());
        CHECK(status->state == PaymentState::Paid);
        CHECK(status->paidAt == charged + 90s);
        CHECK(contains(close.error().message, status->transactionId));

        auto refund = gw->refund("K1", "R1", "the kiosk had given up");
        REQUIRE(refund.has_value());
        CHECK(refund->done);
        CHECK(refund->amount == 3300);
        CHECK(gw->query("K1")->state == PaymentState::Refunded);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 0);
    }

    TEST_CASE("SucceedLate: an order closed before the late confirmation is never paid")
    {
        Gateway gw;
        gw->setBehaviour(GatewayBehaviour::SucceedLate);
        REQUIRE(gw->chargeCode("K1", 3300, "缴费", kWeChatCode).has_value());
        gw.clock.advance(10s);
        CHECK(gw->close("K1")->state == PaymentState::Closed);
        gw.clock.advance(1h);
        CHECK(gw->query("K1")->state == PaymentState::Closed);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 0);
    }

    TEST_CASE("Unreachable: every call fails and nothing changes")
    {
        Gateway gw;
        REQUIRE(gw->createQrOrder("Q1", 800, "缴费").has_value());
        REQUIRE(gw->chargeCode("K1", 900, "缴费", kWeChatCode).has_value());
        gw->setBehaviour(GatewayBehaviour::Unreachable);
        CHECK(gw->createQrOrder("Q2", 800, "缴费").error().kind == GatewayErrorKind::Unreachable);
        CHECK(gw->chargeCode("K2", 900, "缴费", kWeChatCode).error().kind == GatewayErrorKind::Unreachable);
        CHECK(gw->query("Q1").error().kind == GatewayErrorKind::Unreachable);
        CHECK(gw->close("Q1").error().kind == GatewayErrorKind::Unreachable);
        CHECK(gw->refund("K1", "R1", "test").error().kind == GatewayErrorKind::Unreachable);

        gw->setBehaviour(GatewayBehaviour::Succeed);
        CHECK(gw->query("Q1")->state == PaymentState::NotPaid);
        CHECK(gw->query("K1")->state == PaymentState::Paid);
        CHECK(gw->query("Q2").error().kind == GatewayErrorKind::NotFound);
        CHECK(gw->query("K2").error().kind == GatewayErrorKind::NotFound);
        CHECK(gw->ordersOn(localDate(gw.clock.wallNow())).size() == 2);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 900);
    }

    TEST_CASE("a code that is no payment code is Rejected, creates no order and is never quoted in full")
    {
        Gateway gw;
        for (const char* code : {"", "123456", "991234567890123456", "HK1:not-a-slip", "12345678901234567890123456"}) {
            CAPTURE(code);
            auto charge = gw->chargeCode("K1", 100, "缴费", code);
            REQUIRE_FALSE(charge.has_value());
            CHECK(charge.error().kind == GatewayErrorKind::Rejected);
            CHECK(contains(charge.error().message, "not a WeChat Pay, Alipay or UnionPay payment code"));
            if (*code) CHECK_FALSE(contains(charge.error().message, code));
            CHECK(gw->query("K1").error().kind == GatewayErrorKind::NotFound);
        }
        auto masked = gw->chargeCode("K1", 100, "缴费", "991234567890123456");
        CHECK(contains(errorText(masked), "9912**********3456"));
    }

    TEST_CASE("QR order: a link for the phone, paid from the phone on the channel it chose")
    {
        Gateway gw;
        WallTime created = gw.clock.wallNow();
        auto order = gw->createQrOrder("Q20261123001", 4200, "检验费");
        REQUIRE(order.has_value());
        CHECK(order->codeUrl == "https://pay.demo-gateway.invalid/qr/Q20261123001");
        CHECK(order->expiresAt == created + 5min);
        CHECK(gw->query("Q20261123001")->state == PaymentState::NotPaid);

        gw.clock.advance(30s);
        auto paid = gw->simulatePhonePays("Q20261123001", PayChannel::Alipay);
        REQUIRE(paid.has_value());
        CHECK(paid->state == PaymentState::Paid);
        CHECK(paid->channel == PayChannel::Alipay);
        CHECK(paid->transactionId.starts_with("2026"));
        CHECK(paid->amount == 4200);
        // Scanning again after paying pays nothing more.
        auto again = gw->simulatePhonePays("Q20261123001", PayChannel::WeChat);
        REQUIRE(again.has_value());
        CHECK(again->channel == PayChannel::Alipay);
        CHECK(again->transactionId == paid->transactionId);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 4200);
    }

    TEST_CASE("QR order: the password wait applies to a phone payment too")
    {
        Gateway gw;
        REQUIRE(gw->createQrOrder("Q1", 4200, "检验费").has_value());
        gw->setBehaviour(GatewayBehaviour::NeedsPassword);
        CHECK(gw->simulatePhonePays("Q1", PayChannel::WeChat)->state == PaymentState::UserPaying);
        gw.clock.advance(gw.options.passwordDelay);
        CHECK(gw->query("Q1")->state == PaymentState::Paid);
    }

    TEST_CASE("QR order: it expires unpaid, closes itself and can no longer be paid")
    {
        Gateway gw;
        REQUIRE(gw->createQrOrder("Q1", 4200, "检验费").has_value());
        gw.clock.advance(5min - 1s);
        CHECK(gw->query("Q1")->state == PaymentState::NotPaid);
        gw.clock.advance(1s);
        auto expired = gw->query("Q1");
        REQUIRE(expired.has_value());
        CHECK(expired->state == PaymentState::Closed);
        CHECK(contains(expired->message, "expired"));
        auto phone = gw->simulatePhonePays("Q1", PayChannel::WeChat);
        REQUIRE_FALSE(phone.has_value());
        CHECK(phone.error().kind == GatewayErrorKind::Rejected);
        CHECK(gw->close("Q1")->state == PaymentState::Closed);
    }

    TEST_CASE("close: unpaid and password-waiting orders close, closing twice is fine, paid and unknown are not")
    {
        Gateway gw;
        REQUIRE(gw->createQrOrder("Q1", 100, "缴费").has_value());
        CHECK(gw->close("Q1")->state == PaymentState::Closed);
        CHECK(gw->close("Q1")->state == PaymentState::Closed);
        CHECK(gw->simulatePhonePays("Q1", PayChannel::WeChat).error().kind == GatewayErrorKind::Rejected);

        gw->setBehaviour(GatewayBehaviour::NeedsPassword);
        REQUIRE(gw->chargeCode("K1", 100, "缴费", kWeChatCode).has_value());
        CHECK(gw->close("K1")->state == PaymentState::Closed);
        gw.clock.advance(1h);  // The password entered after the close takes nothing.
        CHECK(gw->query("K1")->state == PaymentState::Closed);

        gw->setBehaviour(GatewayBehaviour::Succeed);
        REQUIRE(gw->chargeCode("K2", 100, "缴费", kWeChatCode).has_value());
        auto paid = gw->close("K2");
        REQUIRE_FALSE(paid.has_value());
        CHECK(paid.error().kind == GatewayErrorKind::Rejected);
        CHECK(contains(paid.error().message, "was paid"));
        CHECK(gw->query("K2")->state == PaymentState::Paid);

        CHECK(gw->close("nobody").error().kind == GatewayErrorKind::NotFound);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 100);
    }

    TEST_CASE("refund: only a paid order, in full, once per order")
    {
        Gateway gw;
        REQUIRE(gw->createQrOrder("Q1", 100, "缴费").has_value());
        auto unpaid = gw->refund("Q1", "R1", "test");
        REQUIRE_FALSE(unpaid.has_value());
        CHECK(unpaid.error().kind == GatewayErrorKind::Rejected);
        CHECK(contains(unpaid.error().message, "only a paid order can be refunded"));
        CHECK(gw->refund("nobody", "R1", "test").error().kind == GatewayErrorKind::NotFound);

        REQUIRE(gw->chargeCode("K1", 2599, "缴费", kUnionPayCode).has_value());
        auto refund = gw->refund("K1", "R1", "号源已满");
        REQUIRE(refund.has_value());
        CHECK(refund->orderNo == "K1");
        CHECK(refund->refundNo == "R1");
        CHECK(refund->amount == 2599);
        CHECK(refund->done);
        auto other = gw->refund("K1", "R2", "test");
        REQUIRE_FALSE(other.has_value());
        CHECK(other.error().kind == GatewayErrorKind::Rejected);
        CHECK(contains(other.error().message, "R1"));
        CHECK(gw->close("K1").error().kind == GatewayErrorKind::Rejected);
        CHECK(gw->netTakenOn(localDate(gw.clock.wallNow())) == 0);
    }
}
