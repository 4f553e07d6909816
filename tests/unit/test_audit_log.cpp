#include "settings_rig.hpp"

#include "maintenance/audit_log.hpp"

using namespace kiosk;
using namespace kiosk::maintenance;
using namespace std::chrono_literals;
using settings_test::openStore;
using settings_test::refusal;
using settings_test::ScratchDir;

TEST_SUITE("audit log")
{
    TEST_CASE("every kind of event is recorded with time and who, and read back newest first")
    {
        ScratchDir dir;
        ManualClock clock;
        auto store = openStore(dir.file("settings.db"));
        AuditLog audit(store->database(), clock);
        WallTime start = clock.wallNow();
        const AuditEvent all[] = {AuditEvent::Enter,          AuditEvent::WrongPin,        AuditEvent::Locked,
                                  AuditEvent::SettingChanged, AuditEvent::DeviceAssigned,  AuditEvent::TestRun,
                                  AuditEvent::OutOfServiceOn, AuditEvent::OutOfServiceOff, AuditEvent::IdleExit,
                                  AuditEvent::Exit};
        for (AuditEvent e : all) {
            REQUIRE(audit.record(e, "card-M01").has_value());
            clock.advance(1min);
        }
        auto entries = audit.between(start, clock.wallNow());
        REQUIRE(entries.has_value());
        REQUIRE(entries->size() == 10);
        CHECK(entries->front().event == AuditEvent::Exit);
        CHECK(entries->back().event == AuditEvent::Enter);
        CHECK(entries->back().at == std::chrono::floor<std::chrono::seconds>(start));
        CHECK(entries->back().who == "card-M01");
        for (AuditEvent e : all) CHECK(parseAuditEvent(auditEventName(e)) == e);
        CHECK(auditEventName(AuditEvent::IdleExit) == "idle-exit");
        CHECK(auditEventName(AuditEvent::OutOfServiceOn) == "out-of-service-on");
    }

    TEST_CASE("a setting change records key, old and new value")
    {
        ScratchDir dir;
        ManualClock clock;
        auto store = openStore(dir.file("settings.db"));
        AuditLog audit(store->database(), clock);
        auto change = store->set("timeouts.idle_seconds", "90");
        REQUIRE(change.has_value());
        REQUIRE(audit.recordChange(AuditEvent::SettingChanged, "pin", *change).has_value());
        REQUIRE(audit.recordChange(AuditEvent::DeviceAssigned, "card-M01",
                                   {"devices.receipt_printer", "auto", "usb:0fe6:811e"})
                    .has_value());
        auto entries = audit.between(clock.wallNow() - 1h, clock.wallNow() + 1h).value();
        REQUIRE(entries.size() == 2);
        // Same second: the later one first all the same.
        CHECK(entries[0].event == AuditEvent::DeviceAssigned);
        CHECK(entries[1].key == "timeouts.idle_seconds");
        CHECK(entries[1].oldValue == "60");
        CHECK(entries[1].newValue == "90");
        std::string line = describeAuditEntry(entries[1]);
        CHECK(line.ends_with(" setting-changed by pin: timeouts.idle_seconds 60 -> 90"));
        CHECK(describeAuditEntry(entries[0]).ends_with(
            " device-assigned by card-M01: devices.receipt_printer auto -> usb:0fe6:811e"));
    }

    TEST_CASE("the PIN hash's values never reach the audit")
    {
        ScratchDir dir;
        ManualClock clock;
        auto store = openStore(dir.file("settings.db"));
        AuditLog audit(store->database(), clock);
        REQUIRE(audit
                    .recordChange(AuditEvent::SettingChanged, "pin",
                                  {"maintainer.pin_hash", "$argon2id$old", "$argon2id$new"})
                    .has_value());
        auto entries = audit.between(clock.wallNow() - 1h, clock.wallNow() + 1h).value();
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].oldValue.empty());
        CHECK(entries[0].newValue.empty());
        CHECK(describeAuditEntry(entries[0])
                  .ends_with(" setting-changed by pin: maintainer.pin_hash (maintainer PIN changed)"));
        auto raw = store->database().prepare(
            "SELECT count(*) FROM audit WHERE old_value || new_value || detail LIKE '%argon2id%'");
        REQUIRE(raw->step().value() == storage::Step::Row);
        CHECK(raw->integer(0) == 0);
    }

    TEST_CASE("query by time range: from inclusive, to exclusive")
    {
        ScratchDir dir;
        ManualClock clock;
        auto store = openStore(dir.file("settings.db"));
        AuditLog audit(store->database(), clock);
        WallTime day1 = clock.wallNow();
        REQUIRE(audit.record(AuditEvent::Enter, "pin").has_value());
        clock.advance(24h);
        WallTime day2 = clock.wallNow();
        REQUIRE(audit.record(AuditEvent::TestRun, "pin", "test receipt printed").has_value());
        clock.advance(24h);
        REQUIRE(audit.record(AuditEvent::Exit, "pin").has_value());
        auto middle = audit.between(day2, day2 + 24h).value();
        REQUIRE(middle.size() == 1);
        CHECK(middle[0].event == AuditEvent::TestRun);
        CHECK(middle[0].detail == "test receipt printed");
        CHECK(audit.between(day1, day2).value().size() == 1);
        CHECK(audit.between(day1, day2 + 48h).value().size() == 3);
        CHECK(audit.between(day1 - 48h, day1).value().empty());
    }

    TEST_CASE("append-only: the file refuses updates and deletes; an entry needs a who")
    {
        ScratchDir dir;
        ManualClock clock;
        auto store = openStore(dir.file("settings.db"));
        AuditLog audit(store->database(), clock);
        REQUIRE(audit.record(AuditEvent::Enter, "pin").has_value());
        CHECK(refusal(store->database().exec("UPDATE audit SET who = 'nobody'")).find("append-only") !=
              std::string::npos);
        CHECK(refusal(store->database().exec("DELETE FROM audit")).find("append-only") != std::string::npos);
        CHECK(audit.between(WallTime{}, clock.wallNow() + 1h).value().size() == 1);
        CHECK(refusal(audit.record(AuditEvent::Enter, "")) ==
              "audit: every entry needs a who (the maintainer card's id or \"pin\")");
    }
}
