#include "journal/journal_schema.hpp"

#include <array>
#include <string>
#include <string_view>

namespace kiosk::journal {

namespace {

// migrations[n] takes a file from version n to n + 1. Existing entries are
// never edited once released: a kiosk in the field may sit at any version.
constexpr std::array<std::string_view, kJournalSchemaVersion> kMigrations{
    // 0 -> 1: transactions with their current state, and every step taken.
    R"sql(
        CREATE TABLE transactions (
            id                     TEXT PRIMARY KEY,
            kind                   TEXT NOT NULL,
            kiosk_id               TEXT NOT NULL,
            started_at             INTEGER NOT NULL,  -- UTC seconds
            amount_fen             INTEGER NOT NULL,
            order_no               TEXT NOT NULL DEFAULT '',
            paid_order_no          TEXT NOT NULL DEFAULT '',
            channel                TEXT NOT NULL DEFAULT '',
            gateway_transaction_id TEXT NOT NULL DEFAULT '',
            hospital_reference     TEXT NOT NULL DEFAULT '',
            patient_ref            TEXT NOT NULL DEFAULT '',
            subject_ref            TEXT NOT NULL DEFAULT '',  -- the hold id, or the hospital order ids paid
            last_step              TEXT NOT NULL,
            finished               INTEGER NOT NULL,  -- 1 once in a final step
            updated_at             INTEGER NOT NULL   -- UTC seconds
        ) STRICT;
        CREATE INDEX transactions_by_start ON transactions (started_at);
        CREATE INDEX transactions_unfinished ON transactions (finished, started_at);
        CREATE TABLE steps (
            seq     INTEGER PRIMARY KEY,
            id      TEXT NOT NULL REFERENCES transactions (id),
            step    TEXT NOT NULL,
            at      INTEGER NOT NULL,  -- UTC seconds
            details TEXT NOT NULL
        ) STRICT;
        CREATE INDEX steps_by_transaction ON steps (id, seq);
    )sql",
};

} // namespace

Result<void> migrateJournal(storage::Database& db)
{
    int version = KIOSK_TRY(db.userVersion());
    if (version > kJournalSchemaVersion)
        return fail("journal " + db.path() + " has schema version " + std::to_string(version) +
                    ", newer than this kiosk understands (" + std::to_string(kJournalSchemaVersion) +
                    "); refusing to open it. Run the newer kiosk version or move the file aside for staff.");
    while (version < kJournalSchemaVersion) {
        auto tx = KIOSK_TRY(storage::Transaction::begin(db));
        auto migrated = db.exec(kMigrations[static_cast<std::size_t>(version)]);
        if (!migrated)
            return fail("journal " + db.path() + ": migrating from version " + std::to_string(version) +
                        " failed: " + migrated.error().message);
        KIOSK_TRY_VOID(db.setUserVersion(version + 1));
        KIOSK_TRY_VOID(tx.commit());
        ++version;
    }
    return {};
}

} // namespace kiosk::journal
