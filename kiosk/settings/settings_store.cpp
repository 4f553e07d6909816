#include "settings/settings_store.hpp"

#include "settings/setting_fields.hpp"
#include "settings/setting_validation.hpp"
#include "settings/settings_schema.hpp"

namespace kiosk {

std::string SettingsStore::pathIn(const std::string& dataDir) { return dataDir + "/" + kFileName; }

Result<std::unique_ptr<SettingsStore>> SettingsStore::open(const std::string& path)
{
    auto db = KIOSK_TRY(storage::Database::open(path, storage::Durability::Full));
    KIOSK_TRY_VOID(migrateSettingsDb(*db));
    return std::unique_ptr<SettingsStore>(new SettingsStore(std::move(db)));
}

Result<LoadedSettings> SettingsStore::load()
{
    LoadedSettings out;
    auto rows = KIOSK_TRY(m_db->prepare("SELECT key, value FROM settings ORDER BY key"));
    while (KIOSK_TRY(rows.step()) == storage::Step::Row) {
        std::string key = rows.text(0);
        const SettingField* field = findSettingField(key);
        // A key this version does not know was written by a newer one; it is
        // kept in the file for that version and reported here.
        if (!field) {
            out.problems.push_back({path(), 0, key, key + ": stored, but this kiosk version does not know the key"});
            continue;
        }
        if (auto ok = field->apply(out.settings, rows.text(1)); !ok)
            out.problems.push_back({path(), 0, key, ok.error().message + "; the default is used"});
    }
    if (auto consistent = validateDefaultLanguage(out.settings.defaultLanguage, out.settings.languages); !consistent) {
        out.problems.push_back({path(), 0, "kiosk.default_language",
                                consistent.error().message + "; the first language on offer is used"});
        out.settings.defaultLanguage = out.settings.languages.front();
    }
    return out;
}

Result<void> SettingsStore::save(const KioskSettings& settings)
{
    KIOSK_TRY_VOID(validateSettings(settings));
    const KioskSettings defaults;
    auto tx = KIOSK_TRY(storage::Transaction::begin(*m_db));
    // Rows of keys this version does not know stay for the version that wrote them.
    auto remove = KIOSK_TRY(m_db->prepare("DELETE FROM settings WHERE key = ?1"));
    auto insert = KIOSK_TRY(m_db->prepare("INSERT INTO settings (key, value) VALUES (?1, ?2)"));
    for (const SettingField& field : settingFields()) {
        KIOSK_TRY_VOID(remove.bind(1, field.key).run());
        remove.reset();
        std::string value = field.format(settings);
        if (value == field.format(defaults)) continue;
        KIOSK_TRY_VOID(insert.bind(1, field.key).bind(2, value).run());
        insert.reset();
    }
    return tx.commit();
}

Result<SettingChange> SettingsStore::set(std::string_view key, std::string_view value)
{
    const SettingField* field = findSettingField(key);
    if (!field) {
        std::string hint = nearestSettingKey(key);
        return fail(std::string(key) + ": unknown key" + (hint.empty() ? "" : " (did you mean " + hint + "?)"));
    }
    LoadedSettings current = KIOSK_TRY(load());
    KioskSettings changed = current.settings;
    KIOSK_TRY_VOID(field->apply(changed, value));
    KIOSK_TRY_VOID(validateSettings(changed));
    KIOSK_TRY_VOID(save(changed));
    return SettingChange{field->key, field->format(current.settings), field->format(changed)};
}

} // namespace kiosk
