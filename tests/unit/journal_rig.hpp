#pragma once
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include <unistd.h>

#include "journal/journal.hpp"
#include "journal/journal_csv.hpp"
#include "journal/journal_schema.hpp"
#include "journal/personal_data.hpp"
#include "storage/sqlite_db.hpp"

using namespace kiosk;
using namespace kiosk::journal;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

// A directory of its own for each test, removed afterwards.
class TempDir {
public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("kiosk-journal-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    fs::path m_path;
};

// Sets TZ for one test and puts the previous value back.
class ZoneForTest {
public:
    explicit ZoneForTest(const char* tz)
    {
        if (const char* old = std::getenv("TZ")) m_old = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~ZoneForTest()
    {
        if (m_old) setenv("TZ", m_old->c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }

private:
    std::optional<std::string> m_old;
};

inline WallTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return sys_days{year{y} / mo / d} + hours(h) + minutes(mi) + seconds(s);
}

inline TransactionRecord registration(const std::string& id, WallTime at, std::int64_t fen = 5000)
{
    TransactionRecord r;
    r.id = id;
    r.kind = TransactionKind::Registration;
    r.kioskId = "K01";
    r.startedAt = at;
    r.amountFen = fen;
    r.orderNo = id;
    r.patientRef = "P000123";
    return r;
}

inline TransactionRecord bills(const std::string& id, WallTime at, std::int64_t fen = 12345)
{
    TransactionRecord r = registration(id, at, fen);
    r.kind = TransactionKind::Bills;
    return r;
}

inline std::unique_ptr<Journal> openJournal(const std::string& path, const Clock& clock)
{
    auto journal = Journal::open(path, clock);
    REQUIRE_MESSAGE(journal.has_value(), (journal ? "" : journal.error().message));
    return std::move(*journal);
}

inline void recordOk(Journal& journal, const std::string& id, Step step, StepDetails details = {})
{
    auto done = journal.record(id, step, details);
    REQUIRE_MESSAGE(done.has_value(), (done ? "" : done.error().message));
}

inline bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

} // namespace

