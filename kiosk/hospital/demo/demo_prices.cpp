// The price catalogue: search by a part of the name or by the start of the
// pinyin initials, as typed on the kiosk's keypad. The query only ever
// reaches SQLite as a bound parameter with LIKE's wildcards escaped, so '%',
// '_' and quotes in it are plain characters.
#include <algorithm>

#include "hospital/demo/demo_hospital.hpp"
#include "hospital/demo/demo_store.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital {

using namespace demo;

namespace {

constexpr int kMaxResults = 500;
constexpr std::size_t kMaxQueryBytes = 100;

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

} // namespace

BackendResult<std::vector<PriceItem>> DemoHospital::searchPrices(const std::string& query, int limit)
{
    return call([&]() -> BackendResult<std::vector<PriceItem>> {
        if (limit < 1) return backendFail(BackendErrorKind::Invalid, "ask for at least one price item");
        std::string_view text = trimmed(query);
        if (text.size() > kMaxQueryBytes) return backendFail(BackendErrorKind::Invalid, "the search text is too long");
        // SQLite's LIKE ignores the case of ASCII letters, so "xcg" finds XCG; Chinese has no case.
        std::string pattern = escapeLike(text);
        auto search = DEMO_TRY(prepareWith(
            *m_db,
            "SELECT code, name, pinyin, category, unit, specification, price FROM price_items "
            "WHERE name LIKE '%' || ?1 || '%' ESCAPE '\\' OR pinyin LIKE ?1 || '%' ESCAPE '\\' "
            "ORDER BY (pinyin LIKE ?1 ESCAPE '\\') DESC, (pinyin LIKE ?1 || '%' ESCAPE '\\') DESC, sort_order "
            "LIMIT ?2",
            pattern, std::min(limit, kMaxResults)));
        std::vector<PriceItem> out;
        DEMO_TRY_VOID(forEachRow(search, [&](const storage::Statement& row) {
            out.push_back(PriceItem{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                                    row.integer(6)});
        }));
        return out;
    });
}

} // namespace kiosk::hospital
