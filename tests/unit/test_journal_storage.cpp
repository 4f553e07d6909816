#include "journal_rig.hpp"

TEST_SUITE("journal")
{
    TEST_CASE("on(day) takes the kiosk's local day, not the UTC one")
    {
        ZoneForTest zone("CST-8");  // China Standard Time, UTC+8, no tzdata needed
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        REQUIRE(journal->begin(registration("late-22", utc(2026, 11, 22, 15, 59, 59))).has_value());  // 22nd 23:59:59
        REQUIRE(journal->begin(registration("early-23", utc(2026, 11, 22, 16, 0, 0))).has_value());  // 23rd 00:00:00
        REQUIRE(journal->begin(registration("late-23", utc(2026, 11, 23, 15, 59, 59))).has_value());
        REQUIRE(journal->begin(registration("early-24", utc(2026, 11, 23, 16, 0, 0))).has_value());
        REQUIRE(journal->begin(registration("end-of-month", utc(2026, 11, 30, 12, 0, 0))).has_value());
        REQUIRE(journal->begin(registration("first-of-december", utc(2026, 11, 30, 17, 0, 0))).has_value());

        auto day = journal->on(CivilDate{2026, 11, 23});
        REQUIRE(day.has_value());
        REQUIRE(day->size() == 2);
        CHECK((*day)[0].id == "early-23");
        CHECK((*day)[1].id == "late-23");
        auto last = journal->on(CivilDate{2026, 11, 30});
        REQUIRE(last.has_value());
        REQUIRE(last->size() == 1);
        CHECK((*last)[0].id == "end-of-month");
        CHECK(journal->on(CivilDate{2026, 12, 1}).value().size() == 1);
        CHECK(journal->on(CivilDate{2026, 11, 25}).value().empty());
    }

    TEST_CASE("purgeBefore deletes old finished transactions and their steps, never unfinished ones")
    {
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        REQUIRE(journal->begin(registration("old-done", clock.wallNow())).has_value());
        recordOk(*journal, "old-done", Step::Paid);
        recordOk(*journal, "old-done", Step::Booked);
        recordOk(*journal, "old-done", Step::Printed);
        REQUIRE(journal->begin(bills("old-open", clock.wallNow())).has_value());
        recordOk(*journal, "old-open", Step::Paid);
        REQUIRE(journal->begin(registration("old-staff", clock.wallNow())).has_value());
        clock.advance(hours(24 * 100));
        // Started long ago, resolved recently: kept as recent history.
        recordOk(*journal, "old-staff", Step::NeedsStaff);
        REQUIRE(journal->begin(registration("new-done", clock.wallNow())).has_value());
        recordOk(*journal, "new-done", Step::Declined);

        auto purged = journal->purgeBefore(clock.wallNow() - hours(24 * 90));
        REQUIRE(purged.has_value());
        CHECK(*purged == 1);
        CHECK(journal->find("old-done").value() == std::nullopt);
        CHECK(journal->history("old-done").value().empty());
        CHECK(journal->find("old-open").value().has_value());
        CHECK(journal->history("old-open").value().size() == 2);
        CHECK(journal->find("old-staff").value().has_value());
        CHECK(journal->find("new-done").value().has_value());
        CHECK(journal->unfinished().value().size() == 1);

        // Even a cutoff in the future keeps what is still open.
        CHECK(journal->purgeBefore(clock.wallNow() + hours(1)).value() == 2);
        REQUIRE(journal->unfinished().value().size() == 1);
        CHECK(journal->unfinished().value()[0].id == "old-open");
    }

    TEST_CASE("amounts in yuan are exact")
    {
        CHECK(formatYuan(0) == "0.00");
        CHECK(formatYuan(1) == "0.01");
        CHECK(formatYuan(10) == "0.10");
        CHECK(formatYuan(100) == "1.00");
        CHECK(formatYuan(12345) == "123.45");
        CHECK(formatYuan(1999999999) == "19999999.99");
        CHECK(formatYuan(-5) == "-0.05");
    }

    TEST_CASE("CSV export: local time, yuan, RFC 4180 quoting")
    {
        ZoneForTest zone("CST-8");
        TransactionRecord a = registration("K01-20261123100000-1", utc(2026, 11, 23, 2, 0, 7), 1);
        a.channel = "wechat";
        a.paidOrderNo = "K01-20261123100000-1C";  // the paid order wins over the one opened first
        a.gatewayTransactionId = "4200001234202611231234567890";
        a.hospitalReference = "A-778";
        a.lastStep = Step::Printed;
        TransactionRecord b = bills("K01-20261123235959-2", utc(2026, 11, 23, 15, 59, 59), 12345);
        b.kioskId = "K01, lobby";
        b.channel = "alipay";
        b.gatewayTransactionId = "";
        b.hospitalReference = "INV \"7\"\nB";
        b.lastStep = Step::Refunding;

        auto csv = exportCsv({a, b});
        REQUIRE(csv.has_value());
        CHECK(*csv ==
              "time,kiosk,transaction,type,amount_yuan,method,order_no,gateway_transaction,hospital_reference,"
              "status\r\n"
              "2026-11-23 10:00:07,K01,K01-20261123100000-1,registration,0.01,wechat,K01-20261123100000-1C,"
              "4200001234202611231234567890,A-778,printed\r\n"
              "2026-11-23 23:59:59,\"K01, lobby\",K01-20261123235959-2,bills,123.45,alipay,K01-20261123235959-2,,"
              "\"INV \"\"7\"\"\nB\",refunding\r\n");
        CHECK(exportCsv({}).value() ==
              "time,kiosk,transaction,type,amount_yuan,method,order_no,gateway_transaction,hospital_reference,"
              "status\r\n");
    }

    TEST_CASE("reopening the file keeps everything")
    {
        TempDir dir;
        ManualClock clock;
        const std::string path = dir.file("journal.db");
        {
            auto journal = openJournal(path, clock);
            REQUIRE(journal->begin(registration("K01-1", clock.wallNow())).has_value());
            recordOk(*journal, "K01-1", Step::OrderCreated, {.orderNo = "K01-1", .channel = "wechat"});
            recordOk(*journal, "K01-1", Step::Paid, {.paidOrderNo = "K01-1", .gatewayTransactionId = "42"});
            REQUIRE(journal->begin(bills("K01-2", clock.wallNow())).has_value());
            recordOk(*journal, "K01-2", Step::Declined, {.note = "card limit"});
        }
        auto journal = openJournal(path, clock);
        auto r = journal->find("K01-1").value();
        REQUIRE(r.has_value());
        CHECK(r->lastStep == Step::Paid);
        CHECK(r->channel == "wechat");
        CHECK(r->gatewayTransactionId == "42");
        CHECK(journal->history("K01-1").value().size() == 3);
        CHECK(journal->history("K01-2").value().back().details == "note=card limit");
        REQUIRE(journal->unfinished().value().size() == 1);
        // The rules still hold across the restart.
        CHECK_FALSE(journal->record("K01-2", Step::Paid, {}).has_value());
        recordOk(*journal, "K01-1", Step::Booked);

        auto db = storage::Database::open(path, storage::Durability::Normal);
        REQUIRE(db.has_value());
        CHECK((*db)->userVersion().value_or(-1) == kJournalSchemaVersion);
    }

    TEST_CASE("a journal from a newer kiosk is refused")
    {
        TempDir dir;
        const std::string path = dir.file("journal.db");
        {
            auto db = storage::Database::open(path, storage::Durability::Full);
            REQUIRE(db.has_value());
            REQUIRE((*db)->setUserVersion(kJournalSchemaVersion + 1).has_value());
        }
        auto journal = Journal::open(path);
        REQUIRE_FALSE(journal.has_value());
        CHECK(contains(journal.error().message, "newer"));
        CHECK(contains(journal.error().message, std::to_string(kJournalSchemaVersion + 1)));
        CHECK(contains(journal.error().message, path));
    }

    TEST_CASE("the journal runs in WAL mode with synchronous=FULL")
    {
        TempDir dir;
        auto journal = Journal::open(dir.file("journal.db"));
        REQUIRE(journal.has_value());
        auto mode = (*journal)->storageMode();
        REQUIRE(mode.has_value());
        CHECK(mode->journalMode == "wal");
        CHECK(mode->synchronous == 2);
    }

    TEST_CASE("power loss: what was committed survives, a transaction left open does not")
    {
        // Copying the database and its WAL while the writer still runs is what
        // a power cut leaves on disk: no shared-memory index, maybe frames of
        // an unfinished transaction at the end of the WAL.
        TempDir dir;
        ManualClock clock;
        const std::string path = dir.file("journal.db");
        auto journal = openJournal(path, clock);
        REQUIRE(journal->begin(registration("K01-1", clock.wallNow())).has_value());
        recordOk(*journal, "K01-1", Step::Paid, {.paidOrderNo = "K01-1"});
        REQUIRE(journal->begin(bills("K01-2", clock.wallNow())).has_value());

        auto copyTo = [&](const std::string& name) {
            fs::copy_file(path, dir.file(name));
            fs::copy_file(path + "-wal", dir.file(name + "-wal"));
            return dir.file(name);
        };

        SUBCASE("right after a commit")
        {
            REQUIRE(fs::file_size(path + "-wal") > 0);  // the steps are in the WAL, not yet in the file
            std::string copy = copyTo("after-commit.db");
            auto restored = openJournal(copy, clock);
            auto paid = restored->find("K01-1").value();
            REQUIRE(paid.has_value());
            CHECK(paid->lastStep == Step::Paid);
            CHECK(paid->paidOrderNo == "K01-1");
            CHECK(restored->find("K01-2").value().has_value());
            CHECK(restored->history("K01-1").value().size() == 2);
        }

        SUBCASE("while another writer holds an open transaction")
        {
            auto writer = storage::Database::open(path, storage::Durability::Full);
            REQUIRE(writer.has_value());
            // A tiny page cache makes SQLite spill the open transaction's pages into the WAL before commit.
            REQUIRE((*writer)->exec("PRAGMA cache_size = 10").has_value());
            auto walBefore = fs::file_size(path + "-wal");
            auto tx = storage::Transaction::begin(**writer);
            REQUIRE(tx.has_value());
            REQUIRE((*writer)->exec("INSERT INTO transactions (id, kind, kiosk_id, started_at, amount_fen, last_step,"
                                    " finished, updated_at) VALUES ('K01-3', 'bills', 'K01', 0, 100, 'intent', 0, 0)")
                        .has_value());
            auto pad =
                (*writer)->prepare("INSERT INTO steps (id, step, at, details) VALUES ('K01-3', 'intent', 0, ?1)");
            REQUIRE(pad.has_value());
            for (int i = 0; i < 200; ++i) {
                REQUIRE(pad->bind(1, std::string(4000, static_cast<char>('a' + i % 26))).run().has_value());
                pad->reset();
            }
            CHECK(fs::file_size(path + "-wal") > walBefore);  // uncommitted frames are on disk

            std::string copy = copyTo("mid-transaction.db");
            auto restored = openJournal(copy, clock);
            CHECK(restored->find("K01-1").value().has_value());
            CHECK(restored->find("K01-2").value().has_value());
            CHECK(restored->find("K01-3").value() == std::nullopt);
            CHECK(restored->history("K01-3").value().empty());
            CHECK(restored->unfinished().value().size() == 2);
        }
    }
}
