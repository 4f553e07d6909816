// Reconciliation when a side does not answer, and over a real journal file:
// the day's transactions read with their steps, and orders that cross
// midnight found on the right side of it.
#include "reconciliation_rig.hpp"

TEST_SUITE("reconciliation")
{
    TEST_CASE("a channel that does not answer is reported as such, not as mismatches")
    {
        ReconcileRig rig;
        rig.journaled("K01-20261123100000-1", TransactionKind::Registration, 5000, kBookedSteps);
        rig.journaled("K01-20261123100100-2", TransactionKind::Registration, 5000, kBookedSteps);
        rig.booked("K01-20261123100000-1");
        rig.gateway.unreachable = true;

        Reconciliation r = rig.run();
        // The hospital is still compared: the second booking is missing there.
        REQUIRE(r.mismatches.size() == 1);
        CHECK(r.mismatches[0].kind == MismatchKind::NotAtHospital);
        CHECK(r.mismatches[0].transactionId == "K01-20261123100100-2");
        CHECK_FALSE(r.complete());
        REQUIRE(r.unchecked.size() == 1);
        CHECK(contains(r.unchecked[0], "statement for 2026-11-23 could not be read"));
        CHECK(contains(r.unchecked[0], "channel unreachable"));
        // Without the statement the orders are not asked about one by one either.
        CHECK(rig.gateway.trace() == std::vector<std::string>{"statement:"});
    }

    TEST_CASE("a hospital that does not answer is reported once, and asked once")
    {
        ReconcileRig rig;
        rig.journaled("K01-20261123100000-1", TransactionKind::Registration, 5000, kBookedSteps);
        rig.paidByQr("K01-20261123100000-1", 5000);
        rig.journaled("K01-20261123100100-2", TransactionKind::Bills, 700, kSettledSteps);
        rig.paidByQr("K01-20261123100100-2", 800);
        rig.his.lookupsUnreachable = true;

        Reconciliation r = rig.run();
        REQUIRE(r.mismatches.size() == 1);
        CHECK(r.mismatches[0].kind == MismatchKind::AmountDiffers);
        REQUIRE(r.unchecked.size() == 1);
        CHECK(contains(r.unchecked[0], "the hospital did not answer (HIS down)"));
        CHECK(contains(r.unchecked[0], "2 transaction(s) were not compared"));
        CHECK_FALSE(r.complete());
    }

    TEST_CASE("over a journal file: steps read back, a payment the journal lacks and one the channel lacks")
    {
        ReconcileRig rig;
        TempDir dir;
        auto journal = openJournal(dir.file("journal.db"), rig.clock);
        // Paid, booked and printed everywhere.
        const std::string good = "K01-20261123100000-1";
        REQUIRE(journal->begin(registration(good, rig.clock.wallNow())).has_value());
        recordOk(*journal, good, Step::OrderCreated, {.orderNo = good, .channel = "wechat"});
        rig.paidByQr(good, 5000);
        recordOk(*journal, good, Step::Paid, {.paidOrderNo = good, .gatewayTransactionId = "TX1"});
        rig.booked(good);
        recordOk(*journal, good, Step::Booked, {.hospitalReference = "A1"});
        recordOk(*journal, good, Step::Printed);
        // Handed to staff after the booking: only the steps show it was booked, so the hospital's booking
        // is no mismatch and neither is the payment.
        const std::string staff = "K01-20261123100100-2";
        REQUIRE(journal->begin(registration(staff, rig.clock.wallNow())).has_value());
        rig.paidByQr(staff, 5000);
        recordOk(*journal, staff, Step::Paid, {.paidOrderNo = staff});
        rig.booked(staff);
        recordOk(*journal, staff, Step::Booked);
        recordOk(*journal, staff, Step::NeedsStaff, {.note = "slip jammed"});
        // The channel has it, the journal does not.
        rig.paidByQr("K01-20261123100200-3", 2500);
        // The journal has it paid and settled, the channel has no payment.
        const std::string ghost = "K01-20261123100300-4";
        REQUIRE(journal->begin(bills(ghost, rig.clock.wallNow(), 900)).has_value());
        recordOk(*journal, ghost, Step::Paid, {.paidOrderNo = ghost + "C"});
        rig.settled(ghost, 900);
        recordOk(*journal, ghost, Step::Settled);

        auto r = reconcileDay(*journal, kDay, rig.gateway, rig.his);
        REQUIRE(r.has_value());
        CHECK(r->transactions == 3);
        CHECK(r->channelOrders == 3);
        CHECK(kindsOf(*r) ==
              std::vector{MismatchKind::ChannelPaymentNotJournaled, MismatchKind::ChannelPaymentMissing});
        REQUIRE(r->mismatches.size() == 2);
        CHECK(r->mismatches[0].transactionId == "K01-20261123100200-3");
        CHECK(r->mismatches[1].transactionId == ghost);
        CHECK(r->mismatches[1].orderNo == ghost + "C");
        CHECK(r->complete());

        // Another day has none of it.
        auto before = reconcileDay(*journal, CivilDate{2026, 11, 22}, rig.gateway, rig.his);
        REQUIRE(before.has_value());
        CHECK(before->transactions == 0);
        CHECK(before->mismatches.empty());
    }

    TEST_CASE("an order opened after midnight belongs to the transaction started before it")
    {
        ReconcileRig rig;
        TempDir dir;
        auto journal = openJournal(dir.file("journal.db"), rig.clock);
        // 23:59:30 local on the 22nd: the transaction starts; its order is opened after midnight.
        rig.clock.setWall(utc(2026, 11, 22, 15, 59, 30));
        const std::string id = "K01-20261122235930-7";
        REQUIRE(journal->begin(registration(id, rig.clock.wallNow())).has_value());
        rig.clock.advance(seconds(45));
        recordOk(*journal, id, Step::OrderCreated, {.orderNo = id});
        rig.paidByQr(id, 5000);
        recordOk(*journal, id, Step::Paid, {.paidOrderNo = id});
        rig.booked(id);
        recordOk(*journal, id, Step::Booked);
        recordOk(*journal, id, Step::Printed);

        // The 23rd's statement has the order; the journal finds its transaction on the 22nd.
        auto after = reconcileDay(*journal, kDay, rig.gateway, rig.his);
        REQUIRE(after.has_value());
        CHECK(after->mismatches.empty());
        CHECK(after->transactions == 1);
        CHECK(after->channelOrders == 1);
        // The 22nd's statement does not list it; the channel is asked and knows it paid.
        auto before = reconcileDay(*journal, CivilDate{2026, 11, 22}, rig.gateway, rig.his);
        REQUIRE(before.has_value());
        CHECK(before->mismatches.empty());
        CHECK(before->transactions == 1);
        CHECK(before->channelOrders == 0);
        CHECK(rig.gateway.callsOf(GatewayOp::Query, id) == 1);
    }
}
