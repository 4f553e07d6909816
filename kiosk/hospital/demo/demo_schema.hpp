#pragma once
// The demo hospital's tables, versioned with PRAGMA user_version. A database
// from an older kiosk is migrated forward step by step on open; one from a
// newer kiosk is refused rather than misread.
#include <functional>

#include "core/result.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital::demo {

/// The schema version this build writes.
int latestSchemaVersion();

/// Fills what a step added, given the version the step brings the database to; see migrateDemoSchema.
using FillStep = std::function<Result<void>(int version)>;

/// Brings the database to latestSchemaVersion(), each step in its own transaction. `fill` runs inside each
/// step's transaction after its SQL, so that rows a new table needs in a database seeded before the table
/// existed go in with the table or not at all: if filling fails, the database stays at the version before.
Result<void> migrateDemoSchema(storage::Database& db, const FillStep& fill = {});

} // namespace kiosk::hospital::demo
