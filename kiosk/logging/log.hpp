#pragma once
// The kiosk's diagnostics: one line per message with a UTC timestamp, a level
// and the component that speaks, written to stderr (journald keeps it when the
// kiosk runs under systemd) and, if --log-file names one, to a file as well.
//
//     2025-03-01T01:30:00.123Z WARN  [scanner] /dev/hidraw3 is gone (trying again)
//
// Every message passes redactPersonalData() first (see redaction.hpp): ID,
// phone, payment-code and bank-card numbers are masked whatever the caller
// passes. Names cannot be recognised by their shape, so:
//
//     NEVER pass a patient's name or address to the log, masked or not.
//     Say whose it was with the session, order or transaction number.
//
// Why one process-wide log when the rest of the kiosk takes its dependencies
// through constructors: diagnostics come from every layer and thread (a
// device's retry loop, SDL's audio set-up, the scenario runner), and threading
// a logger through each constructor would touch every class for a side
// channel that decides nothing. main() installs the log before anything else
// starts and removes it last; it holds no patient state. Until one is
// installed, messages go to stderr through the same filter.
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace kiosk::logging {

enum class Level { Debug, Info, Warning, Error };

/// "DEBUG", "INFO", "WARN", "ERROR".
std::string_view levelName(Level level);

/// One line as written, without its newline: the message redacted, control characters escaped
/// (a message can never forge a second line).
std::string formatLine(WallTime at, Level level, std::string_view component, std::string_view message);

class Log {
public:
    /// Writes messages at `minimum` or above to `console` (stderr unless a test gives another stream).
    explicit Log(Level minimum = Level::Info, std::FILE* console = stderr);
    ~Log();
    Log(const Log&) = delete;
    Log& operator=(const Log&) = delete;

    /// Also appends every line to this file (created 0640 if missing).
    Result<void> openFile(const std::string& path);

    /// Thread-safe; never throws, never fails the caller (a full disk loses log lines, not patients).
    void write(Level level, std::string_view component, std::string_view message);

private:
    Level m_minimum;
    std::FILE* m_console;
    std::FILE* m_file = nullptr;
    std::mutex m_mutex;
};

/// Makes `log` the process's log until uninstalled; main() does this first thing.
void install(Log* log);
/// Goes back to the plain stderr log; call before the installed Log is destroyed.
void uninstall();

/// Installs a log for the life of this object (main's scope), so that every way out of main removes it.
class ScopedInstall {
public:
    explicit ScopedInstall(Log& log) { install(&log); }
    ~ScopedInstall() { uninstall(); }
    ScopedInstall(const ScopedInstall&) = delete;
    ScopedInstall& operator=(const ScopedInstall&) = delete;
};

/// Writes through the installed log. `component` names the part that speaks ("scanner", "startup").
void debug(std::string_view component, std::string_view message);
void info(std::string_view component, std::string_view message);
void warning(std::string_view component, std::string_view message);
void error(std::string_view component, std::string_view message);

} // namespace kiosk::logging
