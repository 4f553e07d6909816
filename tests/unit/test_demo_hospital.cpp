#include <doctest/doctest.h>

#include <map>
#include <set>

#include "hospital/demo/demo_schema.hpp"
#include "hospital/demo/demo_slots.hpp"
#include "hospital/demo/demo_time.hpp"
#include "hospital/demo/demo_tsv.hpp"
#include "sim/sample_identities.hpp"
#include "storage/sqlite_db.hpp"
#include "test_demo_hospital_fixture.hpp"

using namespace kiosk;
using namespace kiosk::hospital;
using namespace kiosk::test;

namespace {

std::int64_t countRows(const std::string& dbPath, const std::string& table)
{
    auto db = storage::Database::open(dbPath, storage::Durability::Normal);
    REQUIRE(db.has_value());
    auto query = (*db)->prepare("SELECT COUNT(*) FROM " + table);
    REQUIRE(query.has_value());
    REQUIRE(query->step().value_or(storage::Step::Done) == storage::Step::Row);
    return query->integer(0);
}

} // namespace

TEST_SUITE("demo_hospital")
{
    TEST_CASE("the seed gives a mid-size hospital: departments, doctors, patients, prices")
    {
        TempDatabase file("seed");
        DemoFixture demo({}, file.path());
        auto departments = need(demo.his->departments());
        CHECK(departments.size() >= 20);
        std::set<std::string> names;
        std::size_t doctors = 0;
        for (const Department& department : departments) {
            names.insert(department.name);
            CHECK_FALSE(department.location.empty());
            CHECK_FALSE(department.intro.empty());
            auto staff = need(demo.his->doctors(department.id));
            CHECK_MESSAGE(!staff.empty(), department.name);
            doctors += staff.size();
            for (const Doctor& doctor : staff) {
                CHECK(doctor.departmentId == department.id);
                CHECK(doctor.expert == (doctor.title == "主任医师" || doctor.title == "副主任医师"));
            }
        }
        for (const char* name : {"心血管内科", "呼吸内科", "消化内科", "内分泌科", "神经内科", "肾内科", "普通外科", "骨科",
                                 "泌尿外科", "神经外科", "儿科", "眼科", "耳鼻咽喉科", "口腔科", "皮肤科", "中医科",
                                 "急诊科", "感染科", "康复医学科", "精神心理科"})
            CHECK_MESSAGE(names.contains(name), name);
        CHECK(doctors >= 80);
        CHECK(countRows(file.path(), "patients") >= 200);
        CHECK(need(demo.his->searchPrices("", 500)).size() >= 300);
        CHECK(countRows(file.path(), "price_items") >= 300);
    }

    TEST_CASE("every sample ID card finds the patient seeded for it")
    {
        DemoFixture demo;
        auto identities = devices::loadSampleIdentities(std::string(KIOSK_TEST_ASSETS) + "/demo/id_cards.tsv");
        REQUIRE(identities.has_value());
        for (const auto& identity : *identities) {
            INFO(identity.key);
            PatientRecord patient = need(demo.his->findOrCreatePatient(identity.card));
            CHECK_FALSE(patient.createdByKiosk);
            CHECK_FALSE(patient.visitCard.empty());
            CHECK(patient.birthDate == identity.card.birthDate);
        }
    }

    TEST_CASE("a card the hospital does not know creates a record once, and lookups by id and visit card")
    {
        DemoFixture demo;
        PatientRecord created = demo.newPatient(1);
        CHECK(created.createdByKiosk);
        CHECK(created.name == "测试1");
        CHECK(created.sex == Sex::Male);
        CHECK(created.birthDate == CivilDate{1980, 1, 2});
        PatientRecord again = demo.newPatient(1);
        CHECK(again.id == created.id);
        CHECK(need(demo.his->patient(created.id)).idNumber == created.idNumber);

        PatientRecord zhang = demo.zhang();
        CHECK(zhang.name == "张小三");
        CHECK(need(demo.his->findPatientByVisitCard(zhang.visitCard)).id == zhang.id);
        CHECK(errorKind(demo.his->findPatientByVisitCard("0000000000")) == BackendErrorKind::NotFound);
        CHECK(errorKind(demo.his->patient("P99999999")) == BackendErrorKind::NotFound);

        IdentityCard blank;
        blank.name = "无号码";
        CHECK(errorKind(demo.his->findOrCreatePatient(blank)) == BackendErrorKind::Invalid);
    }

    TEST_CASE("slots cover the seven-day booking window with hourly slots, fees by title and live quota")
    {
        DemoFixture demo;
        auto slots = need(demo.his->slots("D01", kDemoToday, 7));
        REQUIRE_FALSE(slots.empty());
        std::set<std::string> dates;
        for (std::size_t i = 0; i < slots.size(); ++i) {
            const Slot& slot = slots[i];
            int day = demo::daysBetween(kDemoToday, slot.date);
            CHECK(day >= 0);
            CHECK(day < 7);
            dates.insert(demo::dateText(slot.date));
            CHECK(slot.endMinute - slot.startMinute == 60);
            bool morning = slot.startMinute >= 8 * 60 && slot.endMinute <= 12 * 60;
            bool afternoon = slot.startMinute >= 14 * 60 && slot.endMinute <= 17 * 60;
            CHECK((morning || afternoon));
            CHECK(slot.period == (morning ? DayPeriod::Morning : DayPeriod::Afternoon));
            CHECK(slot.remaining >= 0);
            CHECK(slot.remaining <= slot.capacity);
            CHECK(slot.fee >= 500);
            CHECK(slot.fee <= 5000);
            CHECK_FALSE(slot.room.empty());
            if (i > 0) CHECK(demo::dateText(slots[i - 1].date) <= demo::dateText(slot.date));
        }
        CHECK(dates.size() >= 5);  // every weekday, and Saturday morning for most departments

        // The emergency department works every day; nothing is offered past the window.
        std::set<std::string> emergencyDates;
        for (const Slot& slot : need(demo.his->slots("D21", kDemoToday, 30)))
            emergencyDates.insert(demo::dateText(slot.date));
        CHECK(emergencyDates.size() == 7);
        CHECK(need(demo.his->slots("D01", demo::addDays(kDemoToday, 7), 3)).empty());
        CHECK(need(demo.his->slots("D01", demo::addDays(kDemoToday, -3), 2)).empty());

        // Expert fees are higher than ordinary ones.
        std::map<std::string, Doctor> byId;
        for (const Doctor& doctor : need(demo.his->doctors("D01"))) byId[doctor.id] = doctor;
        for (const Slot& slot : slots) CHECK((byId.at(slot.doctorId).expert ? slot.fee >= 2000 : slot.fee <= 1000));

        CHECK(errorKind(demo.his->slots("NOPE", kDemoToday, 7)) == BackendErrorKind::NotFound);
        CHECK(errorKind(demo.his->slots("D01", kDemoToday, 0)) == BackendErrorKind::Invalid);
    }

    TEST_CASE("slots that have ended today are no longer offered")
    {
        DemoFixture demo;
        demo.clock.setWall(demo::localWallTime(kDemoToday, 13 * 60));
        for (const Slot& slot : need(demo.his->slots("D21", kDemoToday, 1))) CHECK(slot.startMinute >= 14 * 60);
    }

    TEST_CASE("the seeded appointment elsewhere takes a place of its slot")
    {
        DemoFixture demo;
        auto today = need(demo.his->appointmentsToCheckIn(demo.zhang().id, kDemoToday));
        REQUIRE(today.size() == 1);
        const Slot& slot = today[0].slot;
        CHECK(slot.remaining < slot.capacity);
        CHECK(demo.remaining(slot) == slot.remaining);
    }

    TEST_CASE("reopening the same file keeps the state and does not seed again")
    {
        TempDatabase file("reopen");
        DemoFixture demo({}, file.path());
        PatientRecord patient = demo.newPatient(7);
        auto slot = demo.freeSlot("D02", kDemoToday);
        REQUIRE(slot.has_value());
        SlotHold held = need(demo.his->hold(slot->id, patient.id, "hold-reopen"));
        Appointment booked = need(demo.his->book(held.id, "PAY-REOPEN", "book-reopen"));
        std::int64_t patients = countRows(file.path(), "patients");

        demo.reopen({}, file.path());
        Appointment again = need(demo.his->appointmentByKey("book-reopen"));
        CHECK(again.id == booked.id);
        CHECK(again.queueNumber == booked.queueNumber);
        CHECK(again.paymentReference == "PAY-REOPEN");
        CHECK(demo.remaining(*slot) == slot->remaining - 1);
        CHECK(need(demo.his->findOrCreatePatient([] {
                  IdentityCard card;
                  card.name = "测试7";
                  card.idNumber = DemoFixture::withCheckDigit("44010619800101107");
                  return card;
              }())).id == patient.id);
        CHECK(countRows(file.path(), "patients") == patients);
        auto db = storage::Database::open(file.path(), storage::Durability::Normal);
        REQUIRE(db.has_value());
        CHECK((*db)->userVersion().value_or(0) == demo::latestSchemaVersion());
    }

    TEST_CASE("a database from a newer kiosk is refused, and a missing seed folder is named")
    {
        ManualClock clock;
        TempDatabase file("newer");
        {
            auto db = storage::Database::open(file.path(), storage::Durability::Normal);
            REQUIRE(db.has_value());
            REQUIRE((*db)->setUserVersion(demo::latestSchemaVersion() + 1).has_value());
        }
        auto newer = DemoHospital::open(file.path(), demoSeedDir(), clock);
        REQUIRE_FALSE(newer.has_value());
        CHECK(newer.error().message.find("newer") != std::string::npos);

        auto missing = DemoHospital::open(":memory:", "/nonexistent/seed", clock);
        REQUIRE_FALSE(missing.has_value());
        CHECK(missing.error().message.find("departments.tsv") != std::string::npos);
    }
}

TEST_SUITE("demo_hospital.seed_format")
{
    TEST_CASE("TSV rows are read by column name and errors name the file and line")
    {
        auto table = demo::TsvTable::parse("b\ta\n2\tx\n\n3\ty\n", "t.tsv", {"a", "b"});
        REQUIRE(table.has_value());
        REQUIRE(table->rows() == 2);
        CHECK(table->cell(1, "a") == "y");
        CHECK(table->integer(0, "b").value_or(0) == 2);
        CHECK_FALSE(table->integer(0, "a").has_value());

        auto ragged = demo::TsvTable::parse("a\tb\n1\n", "t.tsv", {"a"});
        REQUIRE_FALSE(ragged.has_value());
        CHECK(ragged.error().message.find("t.tsv:2") != std::string::npos);
        auto missing = demo::TsvTable::parse("a\n1\n", "t.tsv", {"a", "zz"});
        REQUIRE_FALSE(missing.has_value());
        CHECK(missing.error().message.find("zz") != std::string::npos);
    }

    TEST_CASE("seed times are relative to the day and moment of seeding")
    {
        WallTime now = demo::localWallTime(kDemoToday, 9 * 60 + 30);
        CHECK(demo::parseSeedTime("-3 08:12", kDemoToday, now).value() ==
              demo::localWallTime({2026, 11, 20}, 8 * 60 + 12));
        CHECK(demo::parseSeedTime("0 10:00", kDemoToday, now).value() == demo::localWallTime(kDemoToday, 600));
        CHECK(demo::parseSeedTime("now-45m", kDemoToday, now).value() == now - std::chrono::minutes(45));
        CHECK(demo::parseSeedTime("now+20h", kDemoToday, now).value() == now + std::chrono::hours(20));
        CHECK(demo::parseSeedTime("now+2d", kDemoToday, now).value() == now + std::chrono::hours(48));
        for (const char* bad : {"", "now", "now+5", "now*5m", "-3", "x 08:00", "1 25:00", "1 8:00"})
            CHECK_MESSAGE(!demo::parseSeedTime(bad, kDemoToday, now).has_value(), bad);
    }

    TEST_CASE("calendar helpers and slot ids")
    {
        CHECK(demo::isoWeekday(kDemoToday) == 1);
        CHECK(demo::addDays({2026, 12, 30}, 3) == CivilDate{2027, 1, 2});
        CHECK(demo::daysBetween({2026, 2, 27}, {2026, 3, 1}) == 2);
        CHECK(demo::parseDateText("2026-02-30") == std::nullopt);
        CHECK(demo::slotId("DR012", kDemoToday, 8 * 60) == "S-DR012-20261123-0800");
    }
}
