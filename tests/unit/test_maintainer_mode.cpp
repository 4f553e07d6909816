#include "settings_rig.hpp"
#include "step_runner.hpp"

#include "maintenance/maintainer_mode.hpp"

using namespace kiosk;
using namespace kiosk::maintenance;
using namespace std::chrono_literals;
using settings_test::openStore;
using settings_test::ScratchDir;
using kiosk::test::FakeReceiptPrinter;

namespace {

constexpr const char* kPin = "583920";

// Maintainer mode over a real settings.db with a PIN set, a manual clock and a fake receipt printer.
struct ModeRig {
    explicit ModeRig(const std::string& path, bool withPin = true)
        : store(openStore(path)), audit(store->database(), clock)
    {
        if (withPin) REQUIRE(changePin(*store, audit, "kioskctl (test)", kPin).has_value());
        mode = std::make_unique<MaintainerMode>(
            *store, clock, [this]() -> Result<KioskSettings> { return KIOSK_TRY(store->load()).settings; }, &printer);
    }
    std::string hash() { return store->load()->settings.maintainerPinHash; }
    void open()
    {
        for (int i = 0; i < MaintainerMode::kCornerTaps; ++i)
            mode->cornerTap(hash());
        REQUIRE(mode->stage() == MaintainerStage::PinPad);
    }
    bool type(std::string_view pin)
    {
        for (char c : pin)
            mode->key(c);
        return mode->submit(hash());
    }
    /// Oldest first.
    std::vector<AuditEvent> events()
    {
        std::vector<AuditEntry> entries = audit.between(WallTime{}, clock.wallNow() + 1h).value();
        std::vector<AuditEvent> out;
        for (auto e = entries.rbegin(); e != entries.rend(); ++e) out.push_back(e->event);
        return out;
    }

    ManualClock clock;
    std::unique_ptr<SettingsStore> store;
    AuditLog audit;
    FakeReceiptPrinter printer;
    std::unique_ptr<MaintainerMode> mode;
};

}  // namespace

TEST_SUITE("maintainer mode")
{
    TEST_CASE("five corner taps open the PIN pad only when they come within 3 seconds")
    {
        ScratchDir dir;
        ModeRig rig(dir.file("settings.db"));
        for (int i = 0; i < 4; ++i) {
            CHECK_FALSE(rig.mode->cornerTap(rig.hash()));
            rig.clock.advance(1s);
        }
        // The first taps are more than 3 s old by the fifth: still closed.
        CHECK_FALSE(rig.mode->cornerTap(rig.hash()));
        CHECK(rig.mode->stage() == MaintainerStage::Closed);
        rig.clock.advance(10s);
        for (int i = 0; i < 4; ++i)
            CHECK_FALSE(rig.mode->cornerTap(rig.hash()));
        CHECK(rig.mode->cornerTap(rig.hash()));
        CHECK(rig.mode->stage() == MaintainerStage::PinPad);
        CHECK(rig.mode->padMessage() == PinPadMessage::None);
    }

    TEST_CASE("wrong PINs count down, the fifth locks, the lock passes after 15 minutes")
    {
        ScratchDir dir;
        ModeRig rig(dir.file("settings.db"));
        rig.open();
        for (int left = 4; left >= 1; --left) {
            CHECK_FALSE(rig.type("111111"));
            CHECK(rig.mode->padMessage() == PinPadMessage::Wrong);
            CHECK(rig.mode->attemptsLeft() == left);
            CHECK(rig.mode->pinLength() == 0);
        }
        CHECK_FALSE(rig.type("111111"));
        CHECK(rig.mode->padMessage() == PinPadMessage::Locked);
        CHECK_FALSE(rig.type(kPin));
        CHECK(rig.mode->padMessage() == PinPadMessage::Locked);
        rig.mode->close();
        rig.clock.advance(16min);
        rig.open();
        CHECK(rig.type(kPin));
        CHECK(rig.mode->stage() == MaintainerStage::Open);
        auto events = rig.events();
        CHECK(std::count(events.begin(), events.end(), AuditEvent::WrongPin) == 5);
        CHECK(std::count(events.begin(), events.end(), AuditEvent::Locked) == 1);
        CHECK(events.back() == AuditEvent::Enter);
    }

    TEST_CASE("without a PIN the pad says so and never opens")
    {
        ScratchDir dir;
        ModeRig rig(dir.file("settings.db"), false);
        rig.open();
        CHECK(rig.mode->padMessage() == PinPadMessage::NotSet);
        CHECK_FALSE(rig.type(kPin));
        CHECK(rig.mode->stage() == MaintainerStage::PinPad);
        CHECK(rig.mode->padMessage() == PinPadMessage::NotSet);
    }

    TEST_CASE("a change is saved, audited and returned; a refused one is not")
    {
        ScratchDir dir;
        ModeRig rig(dir.file("settings.db"));
        rig.open();
        REQUIRE(rig.type(kPin));
        auto changed = rig.mode->change("timeouts.idle_seconds", "90");
        REQUIRE(changed.has_value());
        CHECK(changed->idleTimeout == 90s);
        CHECK(rig.store->load()->settings.idleTimeout == 90s);
        CHECK(rig.mode->lastResult() == ActionResult::Saved);
        CHECK_FALSE(rig.mode->change("timeouts.idle_seconds", "5").has_value());
        CHECK(rig.mode->lastResult() == ActionResult::Refused);
        CHECK(rig.mode->refusal().find("timeouts.idle_seconds") != std::string::npos);
        CHECK(rig.store->load()->settings.idleTimeout == 90s);
        auto entries = rig.audit.between(WallTime{}, rig.clock.wallNow() + 1h).value();
        REQUIRE_FALSE(entries.empty());
        CHECK(entries.front().event == AuditEvent::SettingChanged);
        CHECK(entries.front().oldValue == "60");
        CHECK(entries.front().newValue == "90");
    }

    TEST_CASE("a test print goes to the receipt printer and its outcome to the audit log")
    {
        ScratchDir dir;
        ModeRig rig(dir.file("settings.db"));
        rig.open();
        REQUIRE(rig.type(kPin));
        rig.mode->testPrint("K-042");
        REQUIRE(rig.printer.printed.size() == 1);
        CHECK(FakeReceiptPrinter::allText(rig.printer.printed[0]).find("K-042") != std::string::npos);
        CHECK(rig.mode->lastResult() == ActionResult::Printed);
        rig.printer.failPrints = true;
        rig.mode->testPrint("K-042");
        CHECK(rig.mode->lastResult() == ActionResult::PrintFailed);
        auto entries = rig.audit.between(WallTime{}, rig.clock.wallNow() + 1h).value();
        REQUIRE(entries.size() >= 2);
        CHECK(entries[0].event == AuditEvent::TestRun);
        CHECK(entries[0].detail.find("paper ran out") != std::string::npos);
        CHECK(entries[1].detail.find("printed") != std::string::npos);
    }

    TEST_CASE("it leaves by itself after the idle time, audited; a touch restarts the wait")
    {
        ScratchDir dir;
        ModeRig rig(dir.file("settings.db"));
        rig.open();
        REQUIRE(rig.type(kPin));
        rig.clock.advance(100s);
        CHECK_FALSE(rig.mode->tick(120s));
        rig.mode->touch();
        rig.clock.advance(100s);
        CHECK_FALSE(rig.mode->tick(120s));
        CHECK(rig.mode->deadline(120s) == rig.clock.now() + 20s);
        rig.clock.advance(20s);
        CHECK(rig.mode->tick(120s));
        CHECK(rig.mode->stage() == MaintainerStage::Closed);
        CHECK_FALSE(rig.mode->deadline(120s).has_value());
        CHECK(rig.events().back() == AuditEvent::IdleExit);
    }
}
