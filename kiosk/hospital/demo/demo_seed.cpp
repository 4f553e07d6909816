#include "hospital/demo/demo_seed.hpp"

#include <array>
#include <utility>
#include <vector>

#include "hospital/demo/demo_store.hpp"
#include "hospital/demo/demo_time.hpp"
#include "hospital/demo/demo_tsv.hpp"

namespace kiosk::hospital::demo {

namespace {

Result<TsvTable> loadSeed(const std::string& seedDir, std::string_view file,
                          const std::vector<std::string_view>& columns)
{
    return TsvTable::load(seedDir + "/" + std::string(file), columns);
}

// Runs an insert for one row of a seed file; a constraint failure names the row.
Result<void> runRow(storage::Statement& insert, const TsvTable& table, std::size_t row)
{
    if (auto done = insert.run(); !done) return fail(table.where(row) + ": " + done.error().message);
    return {};
}

// "Mon-AM,Wed-PM" → (1, 0), (3, 1).
Result<std::vector<std::pair<int, int>>> parseSchedule(std::string_view text)
{
    static constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::vector<std::pair<int, int>> halfDays;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        int weekday = 0;
        for (std::size_t i = 0; i < kDays.size(); ++i)
            if (item.starts_with(kDays[i])) weekday = static_cast<int>(i) + 1;
        std::string_view period = item.size() == 6 ? item.substr(3) : std::string_view{};
        if (weekday == 0 || (period != "-AM" && period != "-PM"))
            return fail("schedule item '" + std::string(item) + "' is not like Mon-AM or Sat-PM");
        halfDays.emplace_back(weekday, period == "-AM" ? 0 : 1);
    }
    return halfDays;
}

Result<void> seedDepartments(storage::Database& db, const std::string& seedDir)
{
    auto table = KIOSK_TRY(loadSeed(seedDir, "departments.tsv", {"id", "name", "category", "location", "intro"}));
    auto insert = KIOSK_TRY(db.prepare("INSERT INTO departments (id, name, category, location, intro, sort_order) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    for (std::size_t row = 0; row < table.rows(); ++row) {
        insert.reset();
        insert.bind(1, table.cell(row, "id"))
            .bind(2, table.cell(row, "name"))
            .bind(3, table.cell(row, "category"))
            .bind(4, table.cell(row, "location"))
            .bind(5, table.cell(row, "intro"))
            .bind(6, static_cast<std::int64_t>(row));
        KIOSK_TRY_VOID(runRow(insert, table, row));
    }
    return {};
}

Result<void> seedDoctors(storage::Database& db, const std::string& seedDir)
{
    auto table = KIOSK_TRY(loadSeed(seedDir, "doctors.tsv",
                                    {"id", "department_id", "name", "title", "speciality", "fee_fen", "capacity",
                                     "room", "schedule"}));
    auto insert = KIOSK_TRY(db.prepare(
        "INSERT INTO doctors (id, department_id, name, title, speciality, expert, fee, capacity, room, sort_order) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    auto schedule =
        KIOSK_TRY(db.prepare("INSERT INTO doctor_schedule (doctor_id, weekday, period) VALUES (?1, ?2, ?3)"));
    for (std::size_t row = 0; row < table.rows(); ++row) {
        const std::string& title = table.cell(row, "title");
        // 主任医师 and 副主任医师 see patients as experts (专家号, the higher fee).
        bool expert = title == "主任医师" || title == "副主任医师";
        std::int64_t fee = KIOSK_TRY(table.integer(row, "fee_fen"));
        std::int64_t capacity = KIOSK_TRY(table.integer(row, "capacity"));
        if (fee < 0 || capacity < 1) return fail(table.where(row) + ": a fee below 0 or a capacity below 1");
        insert.reset();
        insert.bind(1, table.cell(row, "id"))
            .bind(2, table.cell(row, "department_id"))
            .bind(3, table.cell(row, "name"))
            .bind(4, title)
            .bind(5, table.cell(row, "speciality"))
            .bind(6, expert ? 1 : 0)
            .bind(7, fee)
            .bind(8, capacity)
            .bind(9, table.cell(row, "room"))
            .bind(10, static_cast<std::int64_t>(row));
        KIOSK_TRY_VOID(runRow(insert, table, row));
        auto halfDays = parseSchedule(table.cell(row, "schedule"));
        if (!halfDays) return fail(table.where(row) + ": " + halfDays.error().message);
        for (auto [weekday, period] : *halfDays) {
            schedule.reset();
            schedule.bind(1, table.cell(row, "id")).bind(2, weekday).bind(3, period);
            KIOSK_TRY_VOID(runRow(schedule, table, row));
        }
    }
    return {};
}

Result<void> seedPatients(storage::Database& db, const std::string& seedDir, WallTime now)
{
    auto table = KIOSK_TRY(loadSeed(seedDir, "patients.tsv",
                                    {"id", "name", "id_number", "visit_card", "sex", "birth_date", "phone"}));
    auto insert = KIOSK_TRY(db.prepare("INSERT INTO patients (id, name, id_number, visit_card, sex, birth_date, phone, "
                                       "created_by_kiosk, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8)"));
    for (std::size_t row = 0; row < table.rows(); ++row) {
        const std::string& sex = table.cell(row, "sex");
        if (sex != "M" && sex != "F") return fail(table.where(row) + ": sex must be M or F");
        if (!parseDateText(table.cell(row, "birth_date")))
            return fail(table.where(row) + ": birth_date is not a YYYY-MM-DD date");
        insert.reset();
        insert.bind(1, table.cell(row, "id"))
            .bind(2, table.cell(row, "name"))
            .bind(3, upperAscii(table.cell(row, "id_number")))
            .bind(4, table.cell(row, "visit_card"))
            .bind(5, sex)
            .bind(6, table.cell(row, "birth_date"))
            .bind(7, table.cell(row, "phone"))
            .bind(8, toSeconds(now));
        KIOSK_TRY_VOID(runRow(insert, table, row));
    }
    return {};
}

Result<void> seedPrices(storage::Database& db, const std::string& seedDir)
{
    auto table = KIOSK_TRY(loadSeed(seedDir, "prices.tsv",
                                    {"code", "name", "pinyin", "category", "unit", "specification", "price_fen"}));
    auto insert = KIOSK_TRY(db.prepare("INSERT INTO price_items (code, name, pinyin, category, unit, specification, "
                                       "price, sort_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    for (std::size_t row = 0; row < table.rows(); ++row) {
        std::int64_t price = KIOSK_TRY(table.integer(row, "price_fen"));
        if (price < 0) return fail(table.where(row) + ": a price below 0");
        insert.reset();
        insert.bind(1, table.cell(row, "code"))
            .bind(2, table.cell(row, "name"))
            .bind(3, upperAscii(table.cell(row, "pinyin")))
            .bind(4, table.cell(row, "category"))
            .bind(5, table.cell(row, "unit"))
            .bind(6, table.cell(row, "specification"))
            .bind(7, price)
            .bind(8, static_cast<std::int64_t>(row));
        KIOSK_TRY_VOID(runRow(insert, table, row));
    }
    return {};
}

Result<void> seedSymptomGuide(storage::Database& db, const std::string& seedDir)
{
    auto table = KIOSK_TRY(loadSeed(seedDir, "symptoms.tsv", {"symptom", "department_id", "hint"}));
    auto insert = KIOSK_TRY(db.prepare(
        "INSERT INTO symptom_guide (sort_order, symptom, department_id, hint) VALUES (?1, ?2, ?3, ?4)"));
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (table.cell(row, "symptom").empty()) return fail(table.where(row) + ": the symptom is empty");
        insert.reset();
        // A department that does not exist fails the insert (a foreign key), naming the line.
        insert.bind(1, static_cast<std::int64_t>(row))
            .bind(2, table.cell(row, "symptom"))
            .bind(3, table.cell(row, "department_id"))
            .bind(4, table.cell(row, "hint"));
        KIOSK_TRY_VOID(runRow(insert, table, row));
    }
    return {};
}

} // namespace

Result<bool> isSeeded(storage::Database& db)
{
    auto query = KIOSK_TRY(db.prepare("SELECT 1 FROM meta WHERE key = 'seeded_at'"));
    return KIOSK_TRY(query.step()) == storage::Step::Row;
}

Result<void> seedReferenceData(storage::Database& db, const std::string& seedDir, WallTime now)
{
    KIOSK_TRY_VOID(seedDepartments(db, seedDir));
    KIOSK_TRY_VOID(seedDoctors(db, seedDir));
    KIOSK_TRY_VOID(seedPatients(db, seedDir, now));
    KIOSK_TRY_VOID(seedPrices(db, seedDir));
    return seedSymptomGuide(db, seedDir);
}

Result<void> fillAddedTables(storage::Database& db, const std::string& seedDir, int version)
{
    // Version 1's tables came with the seed from the start; a database not seeded yet gets every table,
    // the added ones too, from seedDemoHospital right after the migration.
    if (version < 2 || !KIOSK_TRY(isSeeded(db))) return {};
    switch (version) {
    case 2: return seedSymptomGuide(db, seedDir);
    default: return {};
    }
}

Result<void> seedDemoHospital(storage::Database& db, const std::string& seedDir, WallTime now)
{
    auto transaction = KIOSK_TRY(storage::Transaction::begin(db));
    KIOSK_TRY_VOID(seedReferenceData(db, seedDir, now));
    KIOSK_TRY_VOID(seedRecords(db, seedDir, now));
    auto mark = KIOSK_TRY(prepareWith(db, "INSERT INTO meta (key, value) VALUES ('seeded_at', ?1), ('seeded_on', ?2)",
                                      std::to_string(toSeconds(now)), dateText(localDate(now))));
    KIOSK_TRY_VOID(mark.run());
    return transaction.commit();
}

} // namespace kiosk::hospital::demo
