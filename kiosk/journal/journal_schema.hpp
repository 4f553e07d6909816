#pragma once
// The journal's tables, versioned in PRAGMA user_version and migrated forward
// on open. A file written by a newer kiosk is refused: reading money records
// with the wrong idea of their layout is worse than not starting.
#include "core/result.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::journal {

/// The version this build writes.
inline constexpr int kJournalSchemaVersion = 1;

/// Brings the file up to kJournalSchemaVersion, one version per transaction.
Result<void> migrateJournal(storage::Database& db);

} // namespace kiosk::journal
