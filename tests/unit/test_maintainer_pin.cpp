#include "settings_rig.hpp"

#include "maintenance/maintainer_pin.hpp"
#include "maintenance/pin_hash.hpp"

using namespace kiosk;
using namespace kiosk::maintenance;
using namespace std::chrono_literals;
using settings_test::openStore;
using settings_test::refusal;
using settings_test::ScratchDir;

namespace {

constexpr const char* kPin = "583920";

// A settings.db with a PIN set, and the PIN check on top of it.
struct PinRig {
    explicit PinRig(const std::string& path) : store(openStore(path)), audit(store->database(), clock)
    {
        pin = std::make_unique<MaintainerPin>(store->database(), clock, audit);
    }
    std::string hash() { return store->load()->settings.maintainerPinHash; }
    PinCheck verify(std::string_view attempt)
    {
        auto r = pin->verify(attempt, hash());
        REQUIRE(r.has_value());
        return *r;
    }
    std::vector<AuditEntry> entries() { return audit.between(WallTime{}, clock.wallNow() + 1h).value(); }

    ManualClock clock;
    std::unique_ptr<SettingsStore> store;
    AuditLog audit;
    std::unique_ptr<MaintainerPin> pin;
};

} // namespace

TEST_SUITE("maintainer PIN")
{
    TEST_CASE("rules for a new PIN: 6-12 digits, not one digit repeated, not a simple run; the PIN is never quoted")
    {
        CHECK(refusal(checkNewPin("583920")) == "");
        CHECK(refusal(checkNewPin("583920174628")) == "");
        CHECK(refusal(checkNewPin("58392")) == "the PIN must have 6 to 12 digits; it has 5 characters");
        CHECK(refusal(checkNewPin("5839201746281")) == "the PIN must have 6 to 12 digits; it has 13 characters");
        CHECK(refusal(checkNewPin("58392a")) == "the PIN may hold digits only");
        CHECK(refusal(checkNewPin("777777")) == "the PIN may not be one digit repeated");
        for (const char* run : {"123456", "654321", "012345", "3456789012", "890123", "210987"})
            CHECK(refusal(checkNewPin(run)) == "the PIN may not be a simple run of digits (like 123456 or 654321)");
        CHECK(refusal(checkNewPin("123457")) == "");
        for (const char* bad : {"58392", "58392a", "777777", "234567"})
            CHECK(refusal(checkNewPin(bad)).find(bad) == std::string::npos);
    }

    TEST_CASE("the hash is libsodium's Argon2id string, salted, and verifies only the right PIN")
    {
        auto a = hashPin(kPin);
        auto b = hashPin(kPin);
        REQUIRE(a.has_value());
        REQUIRE(b.has_value());
        CHECK(a->starts_with("$argon2id$"));
        CHECK(*a != *b);  // a fresh salt each time
        CHECK(a->find(kPin) == std::string::npos);
        CHECK(pinMatchesHash(kPin, *a));
        CHECK(pinMatchesHash(kPin, *b));
        CHECK_FALSE(pinMatchesHash("583921", *a));
        CHECK_FALSE(pinMatchesHash(kPin, "not a hash"));
    }

    TEST_CASE("changePin stores only the hash and audits the change without values")
    {
        ScratchDir dir;
        PinRig rig(dir.file("settings.db"));
        CHECK(refusal(changePin(*rig.store, rig.audit, "card-M01", "123456")) ==
              "the PIN may not be a simple run of digits (like 123456 or 654321)");
        REQUIRE(changePin(*rig.store, rig.audit, "card-M01", kPin).has_value());
        CHECK(rig.hash().starts_with("$argon2id$"));
        auto stored = rig.store->database().prepare("SELECT value FROM settings WHERE key = 'maintainer.pin_hash'");
        REQUIRE(stored->step().value() == storage::Step::Row);
        CHECK(stored->text(0) == rig.hash());
        auto entries = rig.entries();
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].event == AuditEvent::SettingChanged);
        CHECK(entries[0].who == "card-M01");
        CHECK(entries[0].detail == "maintainer PIN changed");
        CHECK(entries[0].oldValue.empty());
        CHECK(entries[0].newValue.empty());
        CHECK(describeAuditEntry(entries[0]).find("$argon2id$") == std::string::npos);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Accepted);
    }

    TEST_CASE("no PIN set: entry by PIN is impossible and nothing is counted")
    {
        ScratchDir dir;
        PinRig rig(dir.file("settings.db"));
        PinCheck c = rig.verify(kPin);
        CHECK(c.outcome == PinOutcome::NotSet);
        CHECK(rig.entries().empty());
    }

    TEST_CASE("five wrong PINs lock entry for 15 minutes, even for the right PIN; then it is free again")
    {
        ScratchDir dir;
        PinRig rig(dir.file("settings.db"));
        REQUIRE(changePin(*rig.store, rig.audit, "card-M01", kPin).has_value());
        for (int i = 1; i <= 4; ++i) {
            PinCheck c = rig.verify("111112");
            CHECK(c.outcome == PinOutcome::Wrong);
            CHECK(c.attemptsLeft == 5 - i);
        }
        WallTime fifthAt = rig.clock.wallNow();
        PinCheck locked = rig.verify("111112");
        CHECK(locked.outcome == PinOutcome::Locked);
        CHECK(locked.lockedUntil == std::chrono::floor<std::chrono::seconds>(fifthAt) + 15min);
        rig.clock.advance(14min + 59s);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Locked);
        CHECK(rig.pin->state()->outcome == PinOutcome::Locked);
        rig.clock.advance(1s);
        CHECK(rig.pin->state()->outcome == PinOutcome::Wrong);  // not locked
        CHECK(rig.pin->state()->attemptsLeft == 5);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Accepted);

        auto entries = rig.entries();  // newest first
        int wrong = 0, lockedEntries = 0;
        for (const AuditEntry& e : entries) {
            wrong += e.event == AuditEvent::WrongPin;
            lockedEntries += e.event == AuditEvent::Locked;
            CHECK(e.detail.find("111112") == std::string::npos);
            CHECK(e.detail.find(kPin) == std::string::npos);
        }
        CHECK(wrong == 5);
        CHECK(lockedEntries == 1);
        CHECK(entries[0].event == AuditEvent::Locked);
        CHECK(entries[0].who == "pin");
    }

    TEST_CASE("a correct PIN resets the count of wrong ones")
    {
        ScratchDir dir;
        PinRig rig(dir.file("settings.db"));
        REQUIRE(changePin(*rig.store, rig.audit, "pin", kPin).has_value());
        for (int i = 0; i < 4; ++i) CHECK(rig.verify("000001").outcome == PinOutcome::Wrong);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Accepted);
        for (int i = 0; i < 4; ++i) CHECK(rig.verify("000001").outcome == PinOutcome::Wrong);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Accepted);
    }

    TEST_CASE("the lock survives reopening the store, and the count of wrong PINs too")
    {
        ScratchDir dir;
        std::string path = dir.file("settings.db");
        {
            PinRig rig(path);
            REQUIRE(changePin(*rig.store, rig.audit, "pin", kPin).has_value());
            for (int i = 0; i < 3; ++i) rig.verify("000001");
        }
        {
            PinRig rig(path);
            CHECK(rig.verify("000001").attemptsLeft == 1);
            CHECK(rig.verify("000001").outcome == PinOutcome::Locked);
        }
        PinRig rig(path);  // a fresh clock at the same wall time: as after a quick restart
        CHECK(rig.verify(kPin).outcome == PinOutcome::Locked);
        rig.clock.advance(15min);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Accepted);
    }

    TEST_CASE("a wall clock set back during a lock never makes it longer than 15 minutes")
    {
        ScratchDir dir;
        PinRig rig(dir.file("settings.db"));
        REQUIRE(changePin(*rig.store, rig.audit, "pin", kPin).has_value());
        for (int i = 0; i < 5; ++i) rig.verify("000001");
        rig.clock.setWall(rig.clock.wallNow() - 24h);
        PinCheck c = rig.verify(kPin);
        CHECK(c.outcome == PinOutcome::Locked);
        CHECK(c.lockedUntil - rig.clock.wallNow() <= 15min);
        rig.clock.advance(15min);
        CHECK(rig.verify(kPin).outcome == PinOutcome::Accepted);
    }

    TEST_CASE("a hash provisioned by the config file is accepted when it is Argon2id")
    {
        ScratchDir dir;
        PinRig rig(dir.file("settings.db"));
        std::string provisioned = hashPin("902417").value();
        auto r = rig.pin->verify("902417", provisioned);
        REQUIRE(r.has_value());
        CHECK(r->outcome == PinOutcome::Accepted);
        // An Argon2i hash is not accepted, even with the right PIN.
        std::string argon2i = provisioned;
        argon2i.replace(0, 10, "$argon2i$");
        CHECK(rig.pin->verify("902417", argon2i)->outcome == PinOutcome::Wrong);
    }
}
