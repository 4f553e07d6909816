#pragma once
// settings.db's tables, versioned in PRAGMA user_version and migrated forward
// on open: the settings as key/value rows, the maintainer PIN's lock-out
// state, and the maintainer's audit log. A file from a newer kiosk is refused
// rather than misread.
#include "core/result.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk {

inline constexpr int kSettingsSchemaVersion = 1;

Result<void> migrateSettingsDb(storage::Database& db);

} // namespace kiosk
