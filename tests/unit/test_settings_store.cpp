#include "settings_rig.hpp"

#include <fstream>

#include "settings/effective_settings.hpp"
#include "settings/settings_schema.hpp"
#include "storage/sqlite_db.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using settings_test::openStore;
using settings_test::refusal;
using settings_test::ScratchDir;

namespace {
int rowCount(storage::Database& db)
{
    auto count = db.prepare("SELECT count(*) FROM settings");
    REQUIRE(count.has_value());
    REQUIRE(count->step().value() == storage::Step::Row);
    return static_cast<int>(count->integer(0));
}
} // namespace

TEST_SUITE("settings store")
{
    TEST_CASE("an empty store gives the defaults; WAL, synchronous=FULL, schema version set")
    {
        ScratchDir dir;
        auto store = openStore(SettingsStore::pathIn(dir.path()));
        CHECK(store->path() == dir.file("settings.db"));
        auto loaded = store->load();
        REQUIRE(loaded.has_value());
        CHECK(loaded->settings == KioskSettings{});
        CHECK(loaded->problems.empty());
        auto mode = store->database().prepare("PRAGMA journal_mode");
        REQUIRE(mode->step().value() == storage::Step::Row);
        CHECK(mode->text(0) == "wal");
        auto sync = store->database().prepare("PRAGMA synchronous");
        REQUIRE(sync->step().value() == storage::Step::Row);
        CHECK(sync->integer(0) == 2);
        CHECK(store->database().userVersion().value() == kSettingsSchemaVersion);
    }

    TEST_CASE("save and load round trip through a reopened file; only what differs from the defaults is stored")
    {
        ScratchDir dir;
        KioskSettings s;
        s.hospitalName = "市第一人民医院";
        s.kioskId = "K-042";
        s.orientation = Orientation::Portrait;
        s.screenDpi = 160;
        s.languages = {Language::ZhCN, Language::En};
        s.idleTimeout = 90s;
        s.services.bills = false;
        s.payment.unionpay = false;
        s.devices.a4Printer = {DeviceAssignment::Kind::Cups, 0, 0, "", "Office_A4"};
        s.journalRetentionDays = 730;
        {
            auto store = openStore(dir.file("settings.db"));
            REQUIRE(refusal(store->save(s)) == "");
            CHECK(rowCount(store->database()) == 10);
        }
        auto store = openStore(dir.file("settings.db"));
        auto loaded = store->load();
        REQUIRE(loaded.has_value());
        CHECK(loaded->problems.empty());
        CHECK(loaded->settings == s);
        // Back to the defaults: no rows left.
        REQUIRE(store->save(KioskSettings{}).has_value());
        CHECK(rowCount(store->database()) == 0);
    }

    TEST_CASE("save refuses an invalid value with the field's message and stores nothing")
    {
        ScratchDir dir;
        auto store = openStore(dir.file("settings.db"));
        KioskSettings s;
        s.kioskId = "K-050";
        s.idleTimeout = 5s;
        CHECK(refusal(store->save(s)) == "timeouts.idle_seconds: 5 is below the minimum of 20 seconds");
        CHECK(rowCount(store->database()) == 0);
        s.idleTimeout = 60s;
        s.defaultLanguage = Language::En;
        s.languages = {Language::ZhCN};
        CHECK(refusal(store->save(s)) == "kiosk.default_language: en is not among kiosk.languages (zh-CN)");
    }

    TEST_CASE("set: one key from text, refused with the same messages, the change reported")
    {
        ScratchDir dir;
        auto store = openStore(dir.file("settings.db"));
        auto change = store->set("timeouts.idle_seconds", "120");
        REQUIRE(change.has_value());
        CHECK(change->key == "timeouts.idle_seconds");
        CHECK(change->oldValue == "60");
        CHECK(change->newValue == "120");
        CHECK(refusal(store->set("timeouts.idle_seconds", "5")) ==
              "timeouts.idle_seconds: 5 is below the minimum of 20 seconds");
        CHECK(refusal(store->set("timeouts.idle_second", "90")) ==
              "timeouts.idle_second: unknown key (did you mean timeouts.idle_seconds?)");
        CHECK(refusal(store->set("kiosk.languages", "en")) ==
              "kiosk.default_language: zh-CN is not among kiosk.languages (en)");
        CHECK(store->load()->settings.idleTimeout == 120s);
    }

    TEST_CASE("a stored row that no longer passes is reported and its default used; unknown keys survive a save")
    {
        ScratchDir dir;
        auto store = openStore(dir.file("settings.db"));
        REQUIRE(store->set("kiosk.dpi", "150").has_value());
        REQUIRE(store->database()
                    .exec("INSERT INTO settings (key, value) VALUES ('timeouts.idle_seconds', '3'),"
                          " ('kiosk.brightness', '80')")
                    .has_value());
        auto loaded = store->load();
        REQUIRE(loaded.has_value());
        CHECK(loaded->settings.screenDpi == 150.0f);
        CHECK(loaded->settings.idleTimeout == 60s);
        REQUIRE(loaded->problems.size() == 2);
        CHECK(loaded->problems[0].message == "kiosk.brightness: stored, but this kiosk version does not know the key");
        CHECK(describeProblem(loaded->problems[1]) ==
              dir.file("settings.db") +
                  ": timeouts.idle_seconds: 3 is below the minimum of 20 seconds; the default is used");
        REQUIRE(store->save(loaded->settings).has_value());
        auto brightness = store->database().prepare("SELECT value FROM settings WHERE key = 'kiosk.brightness'");
        CHECK(brightness->step().value() == storage::Step::Row);
    }

    TEST_CASE("a file from a newer version is refused")
    {
        ScratchDir dir;
        {
            auto db = storage::Database::open(dir.file("settings.db"), storage::Durability::Full);
            REQUIRE(db.has_value());
            REQUIRE((*db)->setUserVersion(kSettingsSchemaVersion + 1).has_value());
        }
        auto store = SettingsStore::open(dir.file("settings.db"));
        REQUIRE(!store.has_value());
        CHECK(store.error().message.find("newer than this kiosk understands") != std::string::npos);
    }
}

TEST_SUITE("effective settings")
{
    TEST_CASE("stored settings plus the config file's valid lines; bad lines leave the last good value")
    {
        ScratchDir dir;
        auto store = openStore(dir.file("settings.db"));
        REQUIRE(store->set("timeouts.idle_seconds", "90").has_value());
        REQUIRE(store->set("kiosk.id", "K-007").has_value());
        REQUIRE(store->set("registration.daily_limit", "2").has_value());
        std::string conf = dir.file("kiosk.conf");
        std::ofstream(conf) << "[timeouts]\n"
                               "idle_seconds = 5\n"       // out of range: the stored 90 stays
                               "warning_seconds = 45\n"   // applies
                               "[kiosk]\n"
                               "id = K 7\n"               // refused: the stored K-007 stays
                               "colour = blue\n"          // unknown
                               "[registration]\n"
                               "daily_limit = 4\n";       // overrides the stored 2
        auto effective = loadEffectiveSettings(*store, conf);
        REQUIRE(effective.has_value());
        CHECK(effective->settings.idleTimeout == 90s);
        CHECK(effective->settings.warningDuration == 45s);
        CHECK(effective->settings.kioskId == "K-007");
        CHECK(effective->settings.registrationDailyLimit == 4);
        REQUIRE(effective->problems.size() == 3);
        CHECK(effective->problems[0].line == 2);
        CHECK(effective->problems[0].key == "timeouts.idle_seconds");
        CHECK(effective->problems[1].line == 5);
        CHECK(effective->problems[1].key == "kiosk.id");
        CHECK(describeProblem(effective->problems[2]) == conf + ":6: kiosk.colour: unknown key");
        REQUIRE(effective->overrides.size() == 2);
        // The file never changes what is stored.
        CHECK(store->load()->settings.registrationDailyLimit == 2);
    }

    TEST_CASE("no config file: the stored settings without problems; an unreadable one is a problem, not a failure")
    {
        ScratchDir dir;
        auto store = openStore(dir.file("settings.db"));
        REQUIRE(store->set("kiosk.dpi", "130").has_value());
        auto none = loadEffectiveSettings(*store, dir.file("absent.conf"));
        REQUIRE(none.has_value());
        CHECK(none->problems.empty());
        CHECK(none->settings.screenDpi == 130.0f);
        // A directory where the file should be cannot be read as one.
        std::filesystem::create_directories(dir.file("kiosk.conf"));
        auto unreadable = loadEffectiveSettings(*store, dir.file("kiosk.conf"));
        REQUIRE(unreadable.has_value());
        REQUIRE(unreadable->problems.size() == 1);
        CHECK(unreadable->problems[0].message.find("the stored settings are used") != std::string::npos);
        CHECK(unreadable->settings.screenDpi == 130.0f);
    }
}
