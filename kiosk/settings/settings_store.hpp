#pragma once
// The kiosk's settings in settings.db (in the data directory, next to the
// journal): SQLite in WAL mode with synchronous=FULL, so that a setting the
// maintainer saw saved is still there after a power cut. Only values that
// differ from the built-in defaults are stored, one key/value row each, in
// the config file's text form. Every value is checked on the way in with the
// same messages as the config file; a row that fails on the way out (edited
// by hand, or from a version with other ranges) is reported and its default
// used, so a bad row never stops the kiosk.
//
// The same file holds the maintainer PIN's lock-out state and the audit log
// (maintenance/), which use database(). One thread at a time, like Database.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "settings/kiosk_settings.hpp"
#include "settings/settings_problem.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk {

struct LoadedSettings {
    KioskSettings settings;
    std::vector<SettingProblem> problems;
};

/// What `set` changed, in text form, for the audit log.
struct SettingChange {
    std::string key;
    std::string oldValue;
    std::string newValue;
};

class SettingsStore {
public:
    static constexpr const char* kFileName = "settings.db";
    /// DIR/settings.db
    static std::string pathIn(const std::string& dataDir);
    /// Opens (creating or migrating) the file.
    static Result<std::unique_ptr<SettingsStore>> open(const std::string& path);

    /// The stored values over the defaults.
    Result<LoadedSettings> load();
    /// Replaces what is stored by `settings`, after validateSettings: all or nothing.
    Result<void> save(const KioskSettings& settings);
    /// Sets one key from its text form ("timeouts.idle_seconds", "90"); refused with the field's message.
    Result<SettingChange> set(std::string_view key, std::string_view value);

    storage::Database& database() { return *m_db; }
    const std::string& path() const { return m_db->path(); }

private:
    explicit SettingsStore(std::unique_ptr<storage::Database> db) : m_db(std::move(db)) {}
    std::unique_ptr<storage::Database> m_db;
};

} // namespace kiosk
