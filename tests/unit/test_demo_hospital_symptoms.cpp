// The demo hospital's symptom guide: what the seed gives, and a database from
// before the guide existed (schema version 1) gaining it on migration without
// losing what happened in it.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "hospital/demo/demo_schema.hpp"
#include "storage/sqlite_db.hpp"
#include "test_demo_hospital_fixture.hpp"

using namespace kiosk;
using namespace kiosk::hospital;
using namespace kiosk::test;

namespace {

/// Turns a database of this build back into one of schema version 1, which lacked only the guide's table.
void downgradeToVersion1(const std::string& dbPath)
{
    auto db = storage::Database::open(dbPath, storage::Durability::Normal);
    REQUIRE(db.has_value());
    REQUIRE((*db)->exec("DROP TABLE symptom_guide").has_value());
    REQUIRE((*db)->setUserVersion(1).has_value());
}

int schemaVersion(const std::string& dbPath)
{
    auto db = storage::Database::open(dbPath, storage::Durability::Normal);
    REQUIRE(db.has_value());
    return (*db)->userVersion().value_or(-1);
}

bool sameGuide(const std::vector<SymptomGuideEntry>& a, const std::vector<SymptomGuideEntry>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].symptom != b[i].symptom || a[i].departmentId != b[i].departmentId || a[i].hint != b[i].hint)
            return false;
    return true;
}

} // namespace

TEST_SUITE("demo_hospital.symptom_guide")
{
    TEST_CASE("every complaint of the guide leads to a department that exists and has doctors")
    {
        DemoFixture demo;
        auto guide = need(demo.his->symptomGuide());
        CHECK(guide.size() >= 15);
        std::set<std::string> departmentIds;
        std::map<std::string, std::string> names;
        for (const Department& d : need(demo.his->departments())) {
            departmentIds.insert(d.id);
            names[d.id] = d.name;
        }
        std::set<std::string> symptoms;
        std::set<std::string> reached;
        for (const SymptomGuideEntry& entry : guide) {
            CHECK_FALSE(entry.symptom.empty());
            CHECK_MESSAGE(symptoms.insert(entry.symptom).second, "twice: " << entry.symptom);
            REQUIRE_MESSAGE(departmentIds.contains(entry.departmentId), entry.symptom);
            CHECK_MESSAGE(!need(demo.his->doctors(entry.departmentId)).empty(), entry.symptom);
            reached.insert(names[entry.departmentId]);
        }
        // The complaints most patients come with, as the seed file lists them.
        CHECK(guide.front().symptom == "发热、咳嗽、咳痰");
        CHECK(names[guide.front().departmentId] == "呼吸内科");
        CHECK_FALSE(guide.front().hint.empty());
        for (const char* name : {"心血管内科", "消化内科", "神经内科", "骨科", "儿科", "妇科", "眼科", "口腔科"})
            CHECK_MESSAGE(reached.contains(name), name);
    }

    TEST_CASE("a database of schema version 1 gains the guide on open and keeps its state")
    {
        TempDatabase file("symptoms-migrate");
        DemoFixture demo({}, file.path());
        auto guide = need(demo.his->symptomGuide());
        PatientRecord patient = demo.newPatient(11);
        auto slot = demo.freeSlot("D02", kDemoToday);
        REQUIRE(slot);
        SlotHold hold = need(demo.his->hold(slot->id, patient.id, "hold-migrate"));
        Appointment booked = need(demo.his->book(hold.id, "PAY-MIGRATE", "book-migrate"));
        demo.his.reset();

        downgradeToVersion1(file.path());
        REQUIRE(schemaVersion(file.path()) == 1);
        demo.reopen({}, file.path());
        CHECK(schemaVersion(file.path()) == demo::latestSchemaVersion());
        CHECK(sameGuide(need(demo.his->symptomGuide()), guide));
        // Not seeded again: the patient and the booking made before are still there, once.
        CHECK(demo.newPatient(11).id == patient.id);
        Appointment again = need(demo.his->appointmentByKey("book-migrate"));
        CHECK(again.id == booked.id);
        CHECK(again.queueNumber == booked.queueNumber);
        CHECK(demo.remaining(*slot) == slot->remaining - 1);
    }

    TEST_CASE("a migration whose guide cannot be read leaves the database at version 1")
    {
        TempDatabase file("symptoms-no-file");
        DemoFixture demo({}, file.path());
        demo.his.reset();
        downgradeToVersion1(file.path());

        auto failed = DemoHospital::open(file.path(), "/nonexistent/seed", demo.clock);
        REQUIRE_FALSE(failed.has_value());
        CHECK(failed.error().message.find("symptoms.tsv") != std::string::npos);
        CHECK(schemaVersion(file.path()) == 1);

        demo.reopen({}, file.path());
        CHECK(schemaVersion(file.path()) == demo::latestSchemaVersion());
        CHECK(need(demo.his->symptomGuide()).size() >= 15);
    }
}
