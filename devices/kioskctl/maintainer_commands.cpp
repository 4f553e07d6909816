// kioskctl maintainer set-pin|hash-pin and kioskctl audit. A PIN is read from
// stdin (without echo on a terminal) and never printed or logged.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include "kioskctl/commands.hpp"
#include "kioskctl/maintainer_common.hpp"
#include "maintenance/audit_log.hpp"
#include "maintenance/maintainer_pin.hpp"
#include "maintenance/pin_hash.hpp"
#include "settings/config_file.hpp"

namespace kiosk::ctl {

namespace {

// Echo off while a PIN is typed at a terminal; restored on every way out.
class HiddenInput {
public:
    HiddenInput()
    {
        if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &m_saved) != 0) return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~HiddenInput()
    {
        if (m_active) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

Result<std::string> readPin(const char* prompt)
{
    bool terminal = ::isatty(STDIN_FILENO);
    if (terminal) std::fprintf(stderr, "%s", prompt);
    std::string pin;
    {
        HiddenInput hidden;
        if (!std::getline(std::cin, pin)) return fail("no PIN on stdin");
    }
    if (terminal) std::fprintf(stderr, "\n");
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    return pin;
}

/// The new PIN, typed twice and checked against the rules.
Result<std::string> readNewPin()
{
    std::string first = KIOSK_TRY(readPin("new maintainer PIN (6-12 digits): "));
    KIOSK_TRY_VOID(maintenance::checkNewPin(first));
    std::string second = KIOSK_TRY(readPin("the same PIN again: "));
    if (first != second) return fail("the two PINs differ; nothing was changed");
    return first;
}

Result<WallTime> parseDay(const std::string& text)
{
    std::tm local{};
    const char* end = ::strptime(text.c_str(), "%Y-%m-%d", &local);
    if (!end || *end != '\0') return fail("--since takes a date as YYYY-MM-DD, got '" + text + "'");
    local.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&local));
}

} // namespace

Result<std::unique_ptr<SettingsStore>> openSettings(const std::string& dataDir)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(dataDir, ec))
        return fail("no data directory " + dataDir + " (is --data-dir right?)");
    return SettingsStore::open(SettingsStore::pathIn(dataDir));
}

std::string commandLineWho()
{
    const passwd* user = ::getpwuid(::getuid());
    return "kioskctl (" + (user ? std::string(user->pw_name) : "uid " + std::to_string(::getuid())) + ")";
}

int maintainerSetPin(Args args)
{
    std::string dataDir = kDefaultDataDir;
    std::string configPath = kDefaultConfigPath;
    takeOption(args, "--data-dir", dataDir);
    takeOption(args, "--config", configPath);
    if (!args.empty()) return failWith("unexpected argument '" + args[0] + "' (see kioskctl help)");
    auto store = openSettings(dataDir);
    if (!store) return failWith(store.error().message);
    auto pin = readNewPin();
    if (!pin) return failWith(pin.error().message);
    SystemClock clock;
    maintenance::AuditLog audit((*store)->database(), clock);
    if (auto changed = maintenance::changePin(**store, audit, commandLineWho(), *pin); !changed)
        return failWith(changed.error().message);
    std::printf("maintainer PIN changed\n");
    if (auto config = readConfigFile(configPath))
        for (const ConfigOverride& o : config->overrides)
            if (o.key == "maintainer.pin_hash")
                std::fprintf(stderr, "kioskctl: note: %s:%d provisions maintainer.pin_hash, which wins over this PIN\n",
                             configPath.c_str(), o.line);
    return 0;
}

int maintainerHashPin(Args args)
{
    if (!args.empty()) return failWith("unexpected argument '" + args[0] + "' (see kioskctl help)");
    auto pin = readNewPin();
    if (!pin) return failWith(pin.error().message);
    auto hash = maintenance::hashPin(*pin);
    if (!hash) return failWith(hash.error().message);
    std::printf("%s\n", hash->c_str());
    return 0;
}

int auditShow(Args args)
{
    std::string dataDir = kDefaultDataDir;
    std::string since;
    takeOption(args, "--data-dir", dataDir);
    takeOption(args, "--since", since);
    if (!args.empty()) return failWith("unexpected argument '" + args[0] + "' (see kioskctl help)");
    WallTime from{};
    if (!since.empty()) {
        auto day = parseDay(since);
        if (!day) return failWith(day.error().message);
        from = *day;
    }
    std::string path = SettingsStore::pathIn(dataDir);
    if (!std::filesystem::exists(path)) return failWith("no audit log at " + path + " (is --data-dir right?)");
    auto store = SettingsStore::open(path);
    if (!store) return failWith(store.error().message);
    SystemClock clock;
    maintenance::AuditLog audit((*store)->database(), clock);
    auto entries = audit.between(from, clock.wallNow() + std::chrono::hours(24));
    if (!entries) return failWith(entries.error().message);
    for (const maintenance::AuditEntry& e : *entries) std::printf("%s\n", maintenance::describeAuditEntry(e).c_str());
    if (entries->empty()) std::printf("no entries%s\n", since.empty() ? "" : (" since " + since).c_str());
    return 0;
}

} // namespace kiosk::ctl
