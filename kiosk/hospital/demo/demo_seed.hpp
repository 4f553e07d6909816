#pragma once
// Seeding: on first open the demo hospital fills its empty database from the
// TSV files in assets/demo/hospital/ (see the README there). Times in those
// files are relative to the moment of seeding, so the demo always starts with
// today's appointments and last week's reports. A table added by a later
// schema version is filled from its file when an older database migrates.
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::hospital::demo {

/// True once the database has been seeded (seeding happens once; afterwards the database is the state).
Result<bool> isSeeded(storage::Database& db);

/// Fills an empty database from the files in seedDir, all or nothing; errors name the file and line.
Result<void> seedDemoHospital(storage::Database& db, const std::string& seedDir, WallTime now);

// The two halves of seeding, in the order seedDemoHospital runs them inside its transaction.
/// Departments, doctors and their schedules, patients, the price list.
Result<void> seedReferenceData(storage::Database& db, const std::string& seedDir, WallTime now);
/// Orders, reports and appointments made elsewhere, which refer to the reference data.
Result<void> seedRecords(storage::Database& db, const std::string& seedDir, WallTime now);

/// For migrateDemoSchema: a database seeded before schema `version` added a table gets that table's rows
/// from the seed files, as a new database would (the symptom guide came with version 2).
Result<void> fillAddedTables(storage::Database& db, const std::string& seedDir, int version);

} // namespace kiosk::hospital::demo
