#pragma once
// Shared by the settings, maintainer PIN and audit log tests: a scratch
// directory per test for a real settings.db.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "settings/settings_store.hpp"

namespace settings_test {

class ScratchDir {
public:
    ScratchDir()
    {
        static std::atomic<int> counter{0};
        m_path = std::filesystem::temp_directory_path() /
                 ("kiosk-settings-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() { std::filesystem::remove_all(m_path); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

inline std::unique_ptr<kiosk::SettingsStore> openStore(const std::string& path)
{
    auto store = kiosk::SettingsStore::open(path);
    REQUIRE_MESSAGE(store.has_value(), (store ? "" : store.error().message));
    return std::move(*store);
}

/// The message of a refusal, or "" when the result is fine.
template <class T>
std::string refusal(const kiosk::Result<T>& r)
{
    return r ? std::string() : r.error().message;
}

} // namespace settings_test
