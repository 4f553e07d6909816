#include <doctest/doctest.h>

#include <filesystem>

#include <unistd.h>

#include "storage/sqlite_db.hpp"

using namespace kiosk;
using namespace kiosk::storage;

TEST_SUITE("sqlite_db")
{
    TEST_CASE("parameters are bound, never pasted: a quote in a value is just a character")
    {
        auto db = Database::open(":memory:", Durability::Normal);
        REQUIRE(db.has_value());
        REQUIRE((*db)->exec("CREATE TABLE t (name TEXT, fen INTEGER)").has_value());
        auto insert = (*db)->prepare("INSERT INTO t VALUES (?1, ?2)");
        REQUIRE(insert.has_value());
        REQUIRE(insert->bind(1, "x'); DROP TABLE t; --").bind(2, std::int64_t{1234}).run().has_value());
        auto select = (*db)->prepare("SELECT name, fen FROM t");
        REQUIRE(select.has_value());
        REQUIRE(select->step().value_or(Step::Done) == Step::Row);
        CHECK(select->text(0) == "x'); DROP TABLE t; --");
        CHECK(select->integer(1) == 1234);
        CHECK(select->step().value_or(Step::Row) == Step::Done);
    }

    TEST_CASE("a transaction not committed is rolled back")
    {
        auto db = Database::open(":memory:", Durability::Normal);
        REQUIRE(db.has_value());
        REQUIRE((*db)->exec("CREATE TABLE t (v INTEGER)").has_value());
        {
            auto tx = Transaction::begin(**db);
            REQUIRE(tx.has_value());
            REQUIRE((*db)->exec("INSERT INTO t VALUES (1)").has_value());
        }
        {
            auto tx = Transaction::begin(**db);
            REQUIRE(tx.has_value());
            REQUIRE((*db)->exec("INSERT INTO t VALUES (2)").has_value());
            REQUIRE(tx->commit().has_value());
        }
        auto count = (*db)->prepare("SELECT group_concat(v) FROM t");
        REQUIRE(count.has_value());
        REQUIRE(count->step().has_value());
        CHECK(count->text(0) == "2");
    }

    TEST_CASE("a file opens in WAL mode with the durability asked for, and keeps its schema version")
    {
        auto path = std::filesystem::temp_directory_path() / ("kiosk-sqlite-" + std::to_string(::getpid()) + ".db");
        std::filesystem::remove(path);
        {
            auto db = Database::open(path.string(), Durability::Full);
            REQUIRE(db.has_value());
            auto mode = (*db)->prepare("PRAGMA journal_mode");
            REQUIRE(mode.has_value());
            REQUIRE(mode->step().has_value());
            CHECK(mode->text(0) == "wal");
            auto sync = (*db)->prepare("PRAGMA synchronous");
            REQUIRE(sync.has_value());
            REQUIRE(sync->step().has_value());
            CHECK(sync->integer(0) == 2);  // FULL
            REQUIRE((*db)->setUserVersion(3).has_value());
        }
        auto again = Database::open(path.string(), Durability::Normal);
        REQUIRE(again.has_value());
        CHECK((*again)->userVersion().value_or(-1) == 3);
        std::filesystem::remove(path);
        std::filesystem::remove(path.string() + "-wal");
        std::filesystem::remove(path.string() + "-shm");
    }

    TEST_CASE("errors say what failed")
    {
        auto db = Database::open(":memory:", Durability::Normal);
        REQUIRE(db.has_value());
        auto bad = (*db)->prepare("SELEC nonsense");
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().message.find("cannot prepare") != std::string::npos);
        auto missing = Database::open("/nonexistent-dir/x.db", Durability::Full);
        REQUIRE_FALSE(missing.has_value());
        CHECK(missing.error().message.find("/nonexistent-dir/x.db") != std::string::npos);
    }
}
