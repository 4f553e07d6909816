#include "settings/settings_schema.hpp"

#include <array>
#include <string>
#include <string_view>

namespace kiosk {

namespace {

// migrations[n] takes a file from version n to n + 1; released entries are never edited.
constexpr std::array<std::string_view, kSettingsSchemaVersion> kMigrations{
    // 0 -> 1
    R"sql(
        -- Only values that differ from the built-in defaults have a row.
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        -- One row: wrong PINs in a row, and until when entry is locked.
        CREATE TABLE maintainer_lock (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            failures     INTEGER NOT NULL,
            locked_until INTEGER NOT NULL  -- UTC seconds; 0 when not locked
        ) STRICT;
        INSERT INTO maintainer_lock (id, failures, locked_until) VALUES (1, 0, 0);
        CREATE TABLE audit (
            seq       INTEGER PRIMARY KEY,
            at        INTEGER NOT NULL,  -- UTC seconds
            kind      TEXT NOT NULL,
            who       TEXT NOT NULL,
            key       TEXT NOT NULL DEFAULT '',
            old_value TEXT NOT NULL DEFAULT '',
            new_value TEXT NOT NULL DEFAULT '',
            detail    TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX audit_by_time ON audit (at);
        -- The audit log is append-only: not even the kiosk's own code may change its past.
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    )sql",
};

} // namespace

Result<void> migrateSettingsDb(storage::Database& db)
{
    int version = KIOSK_TRY(db.userVersion());
    if (version > kSettingsSchemaVersion)
        return fail("settings " + db.path() + " has schema version " + std::to_string(version) +
                    ", newer than this kiosk understands (" + std::to_string(kSettingsSchemaVersion) +
                    "); refusing to open it. Run the newer kiosk version or move the file aside.");
    while (version < kSettingsSchemaVersion) {
        auto tx = KIOSK_TRY(storage::Transaction::begin(db));
        auto migrated = db.exec(kMigrations[static_cast<std::size_t>(version)]);
        if (!migrated)
            return fail("settings " + db.path() + ": migrating from version " + std::to_string(version) +
                        " failed: " + migrated.error().message);
        KIOSK_TRY_VOID(db.setUserVersion(version + 1));
        KIOSK_TRY_VOID(tx.commit());
        ++version;
    }
    return {};
}

} // namespace kiosk
