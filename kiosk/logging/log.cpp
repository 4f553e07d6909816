#include "logging/log.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <unistd.h>

#include "logging/redaction.hpp"

namespace kiosk::logging {

namespace {

std::string timestamp(WallTime at)
{
    auto sinceEpoch = at.time_since_epoch();
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(sinceEpoch);
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(sinceEpoch - seconds).count();
    if (millis < 0) millis = 0;
    std::time_t t = static_cast<std::time_t>(seconds.count());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[40];
    std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(millis));
    return text;
}

// Control characters are written as \xNN so that a message (which may carry
// text from a device or a back end) cannot end its line and start a fake one.
void appendEscaped(std::string& out, std::string_view text)
{
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", u);
            out += hex;
        } else {
            out.push_back(c);
        }
    }
}

std::atomic<Log*> g_installed{nullptr};

Log& fallback()
{
    // Messages before main() installs its log (or after it removed it).
    static Log log;
    return log;
}

void writeInstalled(Level level, std::string_view component, std::string_view message)
{
    Log* log = g_installed.load(std::memory_order_acquire);
    (log ? *log : fallback()).write(level, component, message);
}

} // namespace

std::string_view levelName(Level level)
{
    switch (level) {
    case Level::Debug: return "DEBUG";
    case Level::Info: return "INFO";
    case Level::Warning: return "WARN";
    case Level::Error: return "ERROR";
    }
    return "INFO";
}

std::string formatLine(WallTime at, Level level, std::string_view component, std::string_view message)
{
    std::string line = timestamp(at);
    line += ' ';
    std::string_view name = levelName(level);
    line += name;
    line.append(name.size() < 5 ? 5 - name.size() : 0, ' ');
    line += " [";
    appendEscaped(line, redactPersonalData(component));
    line += "] ";
    appendEscaped(line, redactPersonalData(message));
    return line;
}

Log::Log(Level minimum, std::FILE* console) : m_minimum(minimum), m_console(console) {}

Log::~Log()
{
    if (m_file) std::fclose(m_file);
}

Result<void> Log::openFile(const std::string& path)
{
    // 0640: the log holds no personal data by design, but it is still the
    // kiosk's business, not every local user's.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0) return fail("cannot open the log file " + path + ": " + std::strerror(errno));
    std::FILE* file = ::fdopen(fd, "a");
    if (!file) {
        ::close(fd);
        return fail("cannot open the log file " + path + ": " + std::strerror(errno));
    }
    std::lock_guard lock(m_mutex);
    if (m_file) std::fclose(m_file);
    m_file = file;
    return {};
}

void Log::write(Level level, std::string_view component, std::string_view message)
{
    if (level < m_minimum) return;
    std::string line;
    try {
        line = formatLine(std::chrono::system_clock::now(), level, component, message);
    } catch (...) {
        return;  // out of memory: drop the line rather than the caller
    }
    line.push_back('\n');
    std::lock_guard lock(m_mutex);
    if (m_console) {
        std::fwrite(line.data(), 1, line.size(), m_console);
        std::fflush(m_console);
    }
    if (m_file) {
        std::fwrite(line.data(), 1, line.size(), m_file);
        std::fflush(m_file);
    }
}

void install(Log* log) { g_installed.store(log, std::memory_order_release); }

void uninstall() { g_installed.store(nullptr, std::memory_order_release); }

void debug(std::string_view component, std::string_view message) { writeInstalled(Level::Debug, component, message); }
void info(std::string_view component, std::string_view message) { writeInstalled(Level::Info, component, message); }
void warning(std::string_view component, std::string_view message)
{
    writeInstalled(Level::Warning, component, message);
}
void error(std::string_view component, std::string_view message) { writeInstalled(Level::Error, component, message); }

} // namespace kiosk::logging
