// While the hospital or a printer is away: which services pause, and price
// lookup answering from the catalogue last synced.
#include "flow_test_prelude.hpp"
#include "hospital/price_cache.hpp"
#include "shell/service_availability.hpp"

namespace {

using namespace kiosk;
using kiosk::test::FakeHospital;
using kiosk::test::HospitalOp;

hospital::PriceItem price(std::string code, std::string name, std::string initials, hospital::Fen fen)
{
    return hospital::PriceItem{std::move(code), std::move(name), std::move(initials), "检验", "次", "", fen};
}

DeviceReport report(DeviceRole role, DeviceHealth health)
{
    return DeviceReport{role, health, health == DeviceHealth::Ready ? DeviceProblem::None : DeviceProblem::PaperOut,
                        {}};
}

TEST_SUITE("offline_services")
{
    TEST_CASE("A receipt printer that cannot print pauses only the services that take money")
    {
        DeviceReport out = report(DeviceRole::ReceiptPrinter, DeviceHealth::Fault);
        DeviceReport a4 = report(DeviceRole::A4Printer, DeviceHealth::Ready);
        CHECK(pauseReason(ServiceKind::Registration, out, a4, true) == PauseReason::ReceiptPrinter);
        CHECK(pauseReason(ServiceKind::Bills, out, a4, true) == PauseReason::ReceiptPrinter);
        CHECK(pauseReason(ServiceKind::Reports, out, a4, true) == PauseReason::None);
        CHECK(pauseReason(ServiceKind::Prices, out, a4, true) == PauseReason::None);
        CHECK(pauseReasonKey(PauseReason::ReceiptPrinter) == "pause.receipt_printer");
    }

    TEST_CASE("The hospital away pauses everything but price lookup and transaction lookup")
    {
        DeviceReport ok = report(DeviceRole::ReceiptPrinter, DeviceHealth::Ready);
        DeviceReport a4 = report(DeviceRole::A4Printer, DeviceHealth::Ready);
        for (ServiceKind kind : {ServiceKind::Registration, ServiceKind::Bills, ServiceKind::Reports,
                                 ServiceKind::CheckIn})
            CHECK(pauseReason(kind, ok, a4, false) == PauseReason::Hospital);
        CHECK(pauseReason(ServiceKind::Prices, ok, a4, false) == PauseReason::None);
        CHECK(pauseReason(ServiceKind::TransactionLookup, ok, a4, false) == PauseReason::None);
    }

    TEST_CASE("Price lookup answers from the last synced catalogue while the hospital is away")
    {
        ManualClock clock;
        FakeHospital hospital{clock};
        hospital.priceList = {price("1", "血常规", "XCG", 2000), price("2", "尿常规", "NCG", 1500),
                              price("3", "血糖", "XT", 800)};
        hospital::PriceCache cache;
        hospital::CachingHospital caching{hospital, cache};
        REQUIRE(cache.sync(hospital, clock.wallNow()).has_value());
        CHECK(cache.syncedAt() == clock.wallNow());

        hospital.failAlways(HospitalOp::Prices, hospital::BackendErrorKind::Unreachable);
        auto byInitials = caching.searchPrices("xcg", 10);
        REQUIRE(byInitials.has_value());
        REQUIRE(byInitials->size() == 1);
        CHECK(byInitials->front().name == "血常规");
        auto byName = caching.searchPrices("常规", 10);
        REQUIRE(byName.has_value());
        CHECK(byName->size() == 2);
        auto prefix = caching.searchPrices("X", 1);  // exact and prefix matches first, then the limit
        REQUIRE(prefix.has_value());
        CHECK(prefix->size() == 1);

        // A failed sync keeps the copy it had.
        CHECK_FALSE(cache.sync(hospital, clock.wallNow()).has_value());
        CHECK_FALSE(cache.empty());
    }

    TEST_CASE("With nothing synced, the hospital's own answer (unreachable) is passed on")
    {
        ManualClock clock;
        FakeHospital hospital{clock};
        hospital::PriceCache cache;
        hospital::CachingHospital caching{hospital, cache};
        hospital.failAlways(HospitalOp::Prices, hospital::BackendErrorKind::Unreachable);
        auto answer = caching.searchPrices("xcg", 10);
        REQUIRE_FALSE(answer.has_value());
        CHECK(answer.error().kind == hospital::BackendErrorKind::Unreachable);
    }
}

} // namespace
