#pragma once
// A thin SQLite layer: a connection opened in WAL mode with the durability a
// file needs, prepared statements with bound parameters (values are never
// pasted into SQL text), and transactions that roll back unless committed.
// One connection is used by one thread at a time; owners that share one
// across threads guard it with their own mutex.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::storage {

enum class Durability {
    Full,    ///< synchronous=FULL: a committed transaction survives power loss (the money journal).
    Normal,  ///< synchronous=NORMAL: safe against crashes of the process, may lose the last commits on power loss.
};

class Statement;

class Database {
public:
    /// Opens (creating if needed) the file; ":memory:" for a private in-memory database.
    static Result<std::unique_ptr<Database>> open(const std::string& path, Durability durability);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements without parameters (schema, pragmas).
    Result<void> exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    /// The schema version kept in PRAGMA user_version.
    Result<int> userVersion();
    Result<void> setUserVersion(int version);
    std::int64_t lastInsertRowId() const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* raw() const { return m_db; }

private:
    Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    sqlite3* m_db;
    std::string m_path;
};

enum class Step { Row, Done };

class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindNull(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// The next row, or Done. A binding error found earlier is reported here.
    Result<Step> step();
    /// Runs a statement that returns no rows.
    Result<void> run();
    /// Clears bindings and rewinds, to run again.
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, sqlite3* db) : m_stmt(stmt), m_db(db) {}
    sqlite3_stmt* m_stmt;
    sqlite3* m_db;
    std::string m_bindError;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<void> commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}
    Database* m_db;
};

} // namespace kiosk::storage
