#include "storage/sqlite_db.hpp"

#include <sqlite3.h>

namespace kiosk::storage {

namespace {
std::string describe(sqlite3* db, std::string_view what)
{
    return std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
}
// A writer that finds the database locked by another connection waits this
// long before giving up (the kiosk and kioskctl may share a file).
constexpr int kBusyTimeoutMs = 5000;
} // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& path, Durability durability)
{
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string message = describe(db, "cannot open the database " + path);
        sqlite3_close(db);
        return fail(message);
    }
    std::unique_ptr<Database> database(new Database(db, path));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    std::string pragmas = "PRAGMA foreign_keys=ON;";
    if (path != ":memory:") pragmas += "PRAGMA journal_mode=WAL;";
    pragmas += durability == Durability::Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
    if (auto ok = database->exec(pragmas); !ok) return fail(path + ": " + ok.error().message);
    return database;
}

Database::~Database() { sqlite3_close_v2(m_db); }

Result<void> Database::exec(std::string_view sql)
{
    char* error = nullptr;
    std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        return fail("SQL failed: " + message);
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return fail(describe(m_db, "cannot prepare \"" + std::string(sql.substr(0, 60)) + "\""));
    return Statement(stmt, m_db);
}

Result<int> Database::userVersion()
{
    auto stmt = KIOSK_TRY(prepare("PRAGMA user_version"));
    if (KIOSK_TRY(stmt.step()) != Step::Row) return fail("PRAGMA user_version returned nothing");
    return static_cast<int>(stmt.integer(0));
}

Result<void> Database::setUserVersion(int version)
{
    return exec("PRAGMA user_version=" + std::to_string(version));
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db), m_bindError(std::move(other.m_bindError))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_bindError = std::move(other.m_bindError);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

namespace {
void noteBind(int rc, sqlite3* db, int index, std::string& error)
{
    if (rc != SQLITE_OK && error.empty()) error = "cannot bind parameter " + std::to_string(index) + ": " + sqlite3_errmsg(db);
}
} // namespace

Statement& Statement::bind(int index, std::int64_t value)
{
    noteBind(sqlite3_bind_int64(m_stmt, index, value), m_db, index, m_bindError);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    noteBind(sqlite3_bind_double(m_stmt, index, value), m_db, index, m_bindError);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    noteBind(sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT), m_db,
             index, m_bindError);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    noteBind(sqlite3_bind_null(m_stmt, index), m_db, index, m_bindError);
    return *this;
}

Result<Step> Statement::step()
{
    if (!m_bindError.empty()) return fail(m_bindError);
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return Step::Row;
    if (rc == SQLITE_DONE) return Step::Done;
    return fail(describe(m_db, "SQL step failed"));
}

Result<void> Statement::run()
{
    Step s = KIOSK_TRY(step());
    (void)s;
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bindError.clear();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::text(int column) const
{
    const unsigned char* p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

Result<Transaction> Transaction::begin(Database& db)
{
    KIOSK_TRY_VOID(db.exec("BEGIN IMMEDIATE"));
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Transaction::~Transaction()
{
    if (m_db) (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_db) return fail("the transaction was already finished");
    KIOSK_TRY_VOID(m_db->exec("COMMIT"));
    m_db = nullptr;
    return {};
}

} // namespace kiosk::storage
