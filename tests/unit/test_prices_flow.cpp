// Price lookup as a state machine: keys build the query, the search goes out
// once typing pauses, only the answer to the latest query counts, and an
// unreachable hospital leaves earlier results on screen, marked as old. Then
// through the Shell: open to anyone, without an ID card.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "fake_gateway.hpp"
#include "fake_hospital.hpp"
#include "flows/prices_flow.hpp"
#include "shell_fixture.hpp"
#include "step_runner.hpp"

using namespace kiosk;
using namespace kiosk::flows;
using namespace std::chrono_literals;
using kiosk::hospital::BackendErrorKind;
using kiosk::test::FakeGateway;
using kiosk::test::FakeHospital;
using kiosk::test::FakeReceiptPrinter;
using kiosk::test::HospitalOp;

namespace {

CatalogSet shippedCatalogs()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

hospital::PriceItem item(std::string code, std::string name, std::string initials, hospital::Fen price)
{
    return hospital::PriceItem{std::move(code), std::move(name), std::move(initials), "检验", "项", "", price};
}

struct PricesRig {
    PricesRig()
    {
        hospital.priceList = {item("JY0001", "血常规", "XCG", 2000), item("JY0002", "尿常规", "NCG", 1000),
                              item("JY0003", "血糖测定", "XTCD", 500), item("JC0001", "心电图", "XDT", 2500)};
    }

    /// Types the keys one after another, a moment apart, as a patient does.
    void type(std::string_view keys)
    {
        for (char c : keys) {
            flow.key(c);
            clock.advance(100ms);
            flow.tick();
        }
    }
    /// Lets the debounce pass, sends the search and applies its answer.
    void settle()
    {
        clock.advance(PricesFlow::kDebounce);
        flow.tick();
        loop.pump();
    }
    std::vector<std::string> names() const
    {
        std::vector<std::string> out;
        for (const auto& i : flow.results()) out.push_back(i.name);
        return out;
    }

    ManualClock clock;
    CatalogSet catalogs = shippedCatalogs();
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    FakeReceiptPrinter printer;
    test::FlowLoop loop;
    FlowContext context = loop.makeContext(clock, hospital, gateway, printer, catalogs);
    PricesFlow flow{context};
};

/// A Shell with services on fakes; the worker and the event queue are stepped by hand.
struct ShellRig {
    ShellRig() { hospital.priceList = {item("JY0001", "血常规", "XCG", 2000), item("JC0001", "心电图", "XDT", 2500)}; }

    /// Runs the jobs and hands what they post to the shell, as the frame loop does, until nothing is left.
    void pump()
    {
        for (;;) {
            bool ran = runner.runOne();
            std::vector<Event> posted = events.drain();
            for (const Event& e : posted) shell.handle(e);
            if (!ran && posted.empty()) return;
        }
    }
    void type(std::string_view keys)
    {
        for (char c : keys) shell.apply(intent::KeyInput{c});
        clock.advance(PricesFlow::kDebounce);
        shell.tick();
    }
    const PricesFlow* prices() const { return shell.services() ? shell.services()->prices() : nullptr; }

    ManualClock clock;
    CatalogSet catalogs = shippedCatalogs();
    test::RecordingVoice voice;
    GlyphDemand glyphs;
    FakeHospital hospital{clock};
    FakeGateway gateway{clock};
    FakeReceiptPrinter printer;
    test::StepRunner runner;
    EventQueue events;
    Shell shell{KioskSettings{}, catalogs, clock, voice, glyphs,
                ServiceParts{hospital, gateway, printer, runner, events}};
};

} // namespace

TEST_SUITE("prices_flow")
{
    TEST_CASE_FIXTURE(PricesRig, "Starts idle and asks the hospital nothing")
    {
        CHECK(flow.stage() == PricesStage::Idle);
        CHECK(flow.query().empty());
        CHECK_FALSE(flow.nextDeadline());
        clock.advance(10s);
        flow.tick();
        CHECK(loop.pump() == 0);
        CHECK(hospital.priceQueries.empty());
    }

    TEST_CASE_FIXTURE(PricesRig, "Initials typed in a row make one search, after typing pauses")
    {
        type("XCG");
        CHECK(flow.query() == "XCG");
        CHECK(flow.stage() == PricesStage::Searching);
        // 100 ms between keys: the debounce never ran out, so nothing went to the hospital yet.
        CHECK(loop.pendingJobs() == 0);
        REQUIRE(flow.nextDeadline());
        CHECK(*flow.nextDeadline() == clock.now() + PricesFlow::kDebounce - 100ms);
        settle();
        CHECK(hospital.priceQueries == std::vector<std::string>{"XCG"});
        CHECK(flow.searchesSent() == 1);
        CHECK(flow.stage() == PricesStage::Results);
        CHECK(names() == std::vector<std::string>{"血常规"});
        CHECK(flow.results()[0].price == 2000);
        CHECK(flow.resultsQuery() == "XCG");
        CHECK_FALSE(flow.outdated());
        CHECK_FALSE(flow.nextDeadline());
    }

    TEST_CASE_FIXTURE(PricesRig, "Only letters and digits are taken, lower case as upper case, and not too many")
    {
        flow.key('x');
        flow.key('-');
        flow.key(' ');
        flow.key('\n');
        flow.key('7');
        CHECK(flow.query() == "X7");
        for (int i = 0; i < 40; ++i) flow.key('A');
        CHECK(flow.query().size() == PricesFlow::kMaxQueryLength);
    }

    TEST_CASE_FIXTURE(PricesRig, "Backspace takes off the last key; clearing goes back to the hint")
    {
        type("XCG");
        settle();
        REQUIRE(flow.stage() == PricesStage::Results);
        flow.key(kKeyBackspace);
        CHECK(flow.query() == "XC");
        CHECK(flow.stage() == PricesStage::Searching);
        // The last answer stays until the new one arrives, but it no longer answers the query.
        CHECK(names() == std::vector<std::string>{"血常规"});
        CHECK(flow.outdated());
        settle();
        CHECK(names() == std::vector<std::string>{"血常规"});
        CHECK(flow.resultsQuery() == "XC");

        std::uint64_t version = flow.resultsVersion();
        flow.key(kKeyClear);
        CHECK(flow.query().empty());
        CHECK(flow.stage() == PricesStage::Idle);
        CHECK(flow.results().empty());
        CHECK(flow.resultsVersion() != version);
        CHECK_FALSE(flow.nextDeadline());
        clock.advance(1s);
        flow.tick();
        CHECK(loop.pump() == 0);

        // Backspace on the last key is the same as clearing; on nothing it does nothing.
        type("X");
        flow.key(kKeyBackspace);
        CHECK(flow.stage() == PricesStage::Idle);
        flow.key(kKeyBackspace);
        flow.key(kKeyClear);
        CHECK(flow.stage() == PricesStage::Idle);
        CHECK(hospital.priceQueries == std::vector<std::string>{"XCG", "XC"});
    }

    TEST_CASE_FIXTURE(PricesRig, "Initials that start no entry find nothing, and the flow says so")
    {
        type("QQQ");
        settle();
        CHECK(flow.stage() == PricesStage::NoResults);
        CHECK(flow.results().empty());
        CHECK_FALSE(flow.outdated());
    }

    TEST_CASE_FIXTURE(PricesRig, "An answer to an older query is dropped")
    {
        type("X");
        clock.advance(PricesFlow::kDebounce);
        flow.tick();
        REQUIRE(loop.pendingJobs() == 1);  // the search for "X" is on its way
        flow.key('D');                     // the patient typed on meanwhile
        loop.pump();                       // "X" is answered (three items) after the query changed
        CHECK(flow.stage() == PricesStage::Searching);
        CHECK(flow.results().empty());
        settle();
        CHECK(flow.stage() == PricesStage::Results);
        CHECK(names() == std::vector<std::string>{"心电图"});
        CHECK(hospital.priceQueries == std::vector<std::string>{"X", "XD"});

        // The same after clearing: a late answer must not bring results back under the hint.
        flow.key('T');
        clock.advance(PricesFlow::kDebounce);
        flow.tick();
        flow.key(kKeyClear);
        loop.pump();
        CHECK(flow.stage() == PricesStage::Idle);
        CHECK(flow.results().empty());
    }

    TEST_CASE_FIXTURE(PricesRig, "No more than the limit is asked for")
    {
        hospital.priceList.clear();
        for (int i = 0; i < 80; ++i)
            hospital.priceList.push_back(item("YP" + std::to_string(i), "药品" + std::to_string(i), "YP", 100 + i));
        type("YP");
        settle();
        CHECK(flow.stage() == PricesStage::Results);
        CHECK(flow.results().size() == static_cast<std::size_t>(PricesFlow::kMaxResults));
    }

    TEST_CASE_FIXTURE(PricesRig, "Unreachable keeps earlier results, marked as old, and recovers on the next key")
    {
        type("X");
        settle();
        REQUIRE(names() == std::vector<std::string>{"血常规", "血糖测定", "心电图"});
        std::uint64_t version = flow.resultsVersion();

        hospital.failAlways(HospitalOp::Prices, BackendErrorKind::Unreachable);
        type("C");
        settle();
        CHECK(flow.stage() == PricesStage::Unreachable);
        CHECK(flow.query() == "XC");
        CHECK(names() == std::vector<std::string>{"血常规", "血糖测定", "心电图"});
        CHECK(flow.resultsQuery() == "X");
        CHECK(flow.outdated());
        CHECK(flow.resultsVersion() == version);  // the same list: it stays on its page

        hospital.clearFailures();
        flow.key(kKeyBackspace);
        settle();
        CHECK(flow.stage() == PricesStage::Results);
        CHECK(flow.resultsQuery() == "X");
        CHECK_FALSE(flow.outdated());
        CHECK(flow.resultsVersion() != version);
    }

    TEST_CASE_FIXTURE(PricesRig, "Unreachable with nothing found before shows nothing")
    {
        hospital.failEverything(BackendErrorKind::Unreachable);
        type("XCG");
        settle();
        CHECK(flow.stage() == PricesStage::Unreachable);
        CHECK(flow.results().empty());
        CHECK_FALSE(flow.outdated());
    }
}

TEST_SUITE("prices_shell")
{
    TEST_CASE_FIXTURE(ShellRig, "Anyone may look up a price: no card, a session of its own, cleared by home")
    {
        REQUIRE(shell.services()->offers(ServiceKind::Prices));
        shell.apply(intent::OpenService{ServiceKind::Prices});
        CHECK(shell.screen() == ScreenId::Prices);
        REQUIRE(shell.session());
        CHECK_FALSE(shell.session()->patient());
        REQUIRE(prices());
        CHECK(voice.said.back().first == catalogs.text(Language::ZhCN, "voice.prices"));

        // The search waits for the debounce, and the frame loop is told when to wake for it.
        shell.apply(intent::KeyInput{'X'});
        REQUIRE(shell.nextDeadline());
        CHECK(*shell.nextDeadline() == clock.now() + PricesFlow::kDebounce);
        type("CG");
        pump();
        REQUIRE(prices()->stage() == PricesStage::Results);
        CHECK(prices()->results()[0].name == "血常规");
        // The names reach the glyph atlas through the session's demand, and leave with it.
        CHECK(glyphs.characters().contains(U'血'));
        CHECK(glyphs.sessionCharacterCount() > 0);

        shell.apply(intent::Home{});
        CHECK(shell.screen() == ScreenId::Attract);
        CHECK_FALSE(shell.session());
        CHECK(glyphs.sessionCharacterCount() == 0);
    }

    TEST_CASE_FIXTURE(ShellRig, "The other services still need an identified patient")
    {
        for (ServiceKind kind : {ServiceKind::Registration, ServiceKind::Bills}) {
            shell.apply(intent::OpenService{kind});
            CHECK(shell.screen() == ScreenId::Attract);
            CHECK_FALSE(shell.services()->active());
        }
    }

    TEST_CASE_FIXTURE(ShellRig, "Back from price lookup goes where the patient came from")
    {
        shell.apply(intent::OpenService{ServiceKind::Prices});
        type("XCG");
        pump();
        shell.apply(intent::LeaveService{});
        CHECK(shell.screen() == ScreenId::Attract);
        CHECK_FALSE(shell.services()->active());
        CHECK(glyphs.sessionCharacterCount() == 0);

        shell.handle(CardInserted{test::kZhang});
        REQUIRE(shell.screen() == ScreenId::Patient);
        shell.apply(intent::OpenService{ServiceKind::Prices});
        CHECK(shell.screen() == ScreenId::Prices);
        shell.apply(intent::LeaveService{});
        CHECK(shell.screen() == ScreenId::Patient);
    }

    TEST_CASE_FIXTURE(ShellRig, "An answer that arrives after the session ended is not shown to the next person")
    {
        shell.apply(intent::OpenService{ServiceKind::Prices});
        type("XCG");  // the search is on the worker
        shell.apply(intent::Home{});
        shell.apply(intent::OpenService{ServiceKind::Prices});
        pump();
        REQUIRE(prices());
        CHECK(prices()->stage() == PricesStage::Idle);
        CHECK(prices()->results().empty());
        CHECK(glyphs.sessionCharacterCount() == 0);
    }
}
