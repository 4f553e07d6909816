#include "feedback/feedback_store.hpp"

namespace kiosk {

namespace {
constexpr int kSchemaVersion = 1;

std::int64_t seconds(WallTime t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}
} // namespace

Result<std::unique_ptr<FeedbackStore>> FeedbackStore::open(const std::string& path)
{
    // A lost rating on power loss costs nothing worth an fsync per tap.
    auto db = KIOSK_TRY(storage::Database::open(path, storage::Durability::Normal));
    int version = KIOSK_TRY(db->userVersion());
    if (version > kSchemaVersion)
        return fail(path + " was written by a newer kiosk (schema " + std::to_string(version) + ")");
    if (version < 1) {
        KIOSK_TRY_VOID(db->exec("CREATE TABLE IF NOT EXISTS ratings ("
                                " at INTEGER NOT NULL,"  // UTC seconds
                                " kiosk TEXT NOT NULL,"
                                " service TEXT NOT NULL,"
                                " succeeded INTEGER NOT NULL,"
                                " score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5));"
                                "CREATE INDEX IF NOT EXISTS ratings_at ON ratings (at);"));
        KIOSK_TRY_VOID(db->setUserVersion(kSchemaVersion));
    }
    return std::unique_ptr<FeedbackStore>(new FeedbackStore(std::move(db)));
}

Result<void> FeedbackStore::add(const Rating& r)
{
    if (r.score < 1 || r.score > 5) return fail("a rating is 1 to 5, got " + std::to_string(r.score));
    auto insert = KIOSK_TRY(m_db->prepare("INSERT INTO ratings VALUES (?1, ?2, ?3, ?4, ?5)"));
    return insert.bind(1, seconds(r.at)).bind(2, r.kioskId).bind(3, r.service).bind(4, r.succeeded ? 1 : 0)
        .bind(5, r.score)
        .run();
}

Result<RatingSummary> FeedbackStore::summary(WallTime from, WallTime to, const std::string& service)
{
    auto query = KIOSK_TRY(m_db->prepare("SELECT score, COUNT(*) FROM ratings WHERE at >= ?1 AND at < ?2 "
                                         "AND (?3 = '' OR service = ?3) GROUP BY score"));
    query.bind(1, seconds(from)).bind(2, seconds(to)).bind(3, service);
    RatingSummary summary;
    long long total = 0;
    while (KIOSK_TRY(query.step()) == storage::Step::Row) {
        int score = static_cast<int>(query.integer(0));
        int count = static_cast<int>(query.integer(1));
        if (score < 1 || score > 5) continue;
        summary.byScore[static_cast<std::size_t>(score - 1)] = count;
        summary.count += count;
        total += static_cast<long long>(score) * count;
    }
    summary.average = summary.count ? static_cast<double>(total) / summary.count : 0;
    return summary;
}

} // namespace kiosk
