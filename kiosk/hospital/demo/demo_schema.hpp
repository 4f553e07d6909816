#pragma once
// The demo hospital's tables, versioned with PRAGMA user_version. A database
// from an older kiosk is migrated forward step by step on open; one from a
// newer kiosk is refused rather than misread.
#include "core/result.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital::demo {

/// The schema version this build writes.
int latestSchemaVersion();

/// Brings the database to latestSchemaVersion(), each step in its own transaction.
Result<void> migrateDemoSchema(storage::Database& db);

} // namespace kiosk::hospital::demo
