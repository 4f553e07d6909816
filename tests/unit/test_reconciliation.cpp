// The daily reconciliation against a fake channel and a fake hospital: a
// clean day, then each kind of disagreement on its own, so that every kind
// is shown to be found and nothing else is reported with it.
#include "reconciliation_rig.hpp"

namespace {

const std::string kId = "K01-20261123100000-1";

// The mismatches of a rig that must hold exactly one, of `kind`, about transaction `id`.
Mismatch onlyMismatch(const Reconciliation& r, MismatchKind kind, const std::string& id = kId)
{
    INFO("found: " << r.mismatches.size() << (r.mismatches.empty() ? "" : ", first: " + r.mismatches[0].text));
    REQUIRE(r.mismatches.size() == 1);
    CHECK(r.mismatches[0].kind == kind);
    CHECK(r.mismatches[0].transactionId == id);
    CHECK(r.complete());
    return r.mismatches[0];
}

} // namespace

TEST_SUITE("reconciliation")
{
    TEST_CASE("a day where the journal, the channel and the hospital agree has no mismatch")
    {
        ReconcileRig rig;
        // Booked and printed, paid by QR.
        rig.journaled("K01-20261123100000-1", TransactionKind::Registration, 5000, kBookedSteps);
        rig.paidByQr("K01-20261123100000-1", 5000);
        rig.booked("K01-20261123100000-1");
        // Bills paid by a payment code, the QR order next to it left unpaid and closed.
        rig.journaled("K01-20261123100100-2", TransactionKind::Bills, 12345, kSettledSteps, "K01-20261123100100-2C");
        REQUIRE(rig.gateway.createQrOrder("K01-20261123100100-2", 12345, "bills").has_value());
        rig.paidByCode("K01-20261123100100-2C", 12345);
        REQUIRE(rig.gateway.close("K01-20261123100100-2").has_value());
        rig.settled("K01-20261123100100-2", 12345);
        // Paid, not bookable, refunded.
        rig.journaled("K01-20261123100200-3", TransactionKind::Registration, 5000, kRefundedSteps);
        rig.paidByQr("K01-20261123100200-3", 5000);
        rig.refunded("K01-20261123100200-3");
        // The patient gave up: the order was closed unpaid.
        rig.journaled("K01-20261123100300-4", TransactionKind::Registration, 5000, kClosedSteps);
        REQUIRE(rig.gateway.createQrOrder("K01-20261123100300-4", 5000, "registration").has_value());
        REQUIRE(rig.gateway.close("K01-20261123100300-4").has_value());
        // Declined before any order was opened.
        rig.journaled("K01-20261123100400-5", TransactionKind::Bills, 800, {Step::Intent, Step::Declined});

        Reconciliation r = rig.run();
        CHECK(r.mismatches.empty());
        for (const Mismatch& m : r.mismatches) MESSAGE(m.text);
        CHECK(r.complete());
        CHECK(r.transactions == 5);
        CHECK(r.channelOrders == 5);
        // Everything was on the statement: no order had to be asked about one by one.
        CHECK(rig.gateway.callsOf(GatewayOp::Query) == 0);
    }

    TEST_CASE("money at the channel that no journal transaction claims")
    {
        ReconcileRig rig;
        rig.paidByQr("K01-20261123101500-9", 3000);
        // An order opened and closed unpaid moved no money: finance has nothing to do with it.
        REQUIRE(rig.gateway.createQrOrder("K01-20261123101600-10", 3000, "registration").has_value());
        REQUIRE(rig.gateway.close("K01-20261123101600-10").has_value());
        Mismatch m = onlyMismatch(rig.run(), MismatchKind::ChannelPaymentNotJournaled, "K01-20261123101500-9");
        CHECK(m.orderNo == "K01-20261123101500-9");
        CHECK(contains(m.text, "30.00 yuan"));
        CHECK(contains(m.text, "TX1"));  // the channel's transaction, to find the patient by
    }

    TEST_CASE("the journal says paid but the channel has no payment")
    {
        ReconcileRig rig;
        rig.journaled(kId, TransactionKind::Registration, 5000, kBookedSteps);
        rig.booked(kId);
        SUBCASE("no order at all")
        {
            Mismatch m = onlyMismatch(rig.run(), MismatchKind::ChannelPaymentMissing);
            CHECK(contains(m.text, "has no such order"));
            // Not on the statement: the channel was asked about the order before calling it missing.
            CHECK(rig.gateway.callsOf(GatewayOp::Query, kId) == 1);
        }
        SUBCASE("the order was closed unpaid")
        {
            REQUIRE(rig.gateway.createQrOrder(kId, 5000, "registration").has_value());
            REQUIRE(rig.gateway.close(kId).has_value());
            Mismatch m = onlyMismatch(rig.run(), MismatchKind::ChannelPaymentMissing);
            CHECK(contains(m.text, "closed unpaid"));
        }
    }

    TEST_CASE("the journal and the channel disagree on the amount")
    {
        ReconcileRig rig;
        rig.journaled(kId, TransactionKind::Registration, 5000, kBookedSteps);
        rig.paidByQr(kId, 4000);
        rig.booked(kId);
        Mismatch m = onlyMismatch(rig.run(), MismatchKind::AmountDiffers);
        CHECK(contains(m.text, "50.00 yuan"));
        CHECK(contains(m.text, "40.00 yuan"));
    }

    TEST_CASE("the channel took the money while the journal says it was not taken")
    {
        ReconcileRig rig;
        SUBCASE("closed in the journal")
        {
            rig.journaled(kId, TransactionKind::Registration, 5000, kClosedSteps);
            rig.paidByQr(kId, 5000);
            CHECK(contains(onlyMismatch(rig.run(), MismatchKind::PaidButJournalNotPaid).text,
                           "the patient was told nothing was taken"));
        }
        SUBCASE("the journal never heard of the payment")
        {
            rig.journaled(kId, TransactionKind::Bills, 700, {Step::Intent, Step::OrderCreated});
            rig.paidByCode(kId + "C", 700);
            Mismatch m = onlyMismatch(rig.run(), MismatchKind::PaidButJournalNotPaid);
            CHECK(m.orderNo == kId + "C");
            CHECK(contains(m.text, "never learned of the payment"));
        }
    }

    TEST_CASE("two orders of one transaction were paid")
    {
        ReconcileRig rig;
        rig.journaled(kId, TransactionKind::Registration, 5000, kBookedSteps, kId + "C");
        rig.paidByQr(kId, 5000);
        rig.paidByCode(kId + "C", 5000);
        rig.booked(kId);
        Mismatch m = onlyMismatch(rig.run(), MismatchKind::SecondPayment);
        CHECK(m.orderNo == kId);
        CHECK(contains(m.text, "double charge"));
    }

    TEST_CASE("booked or settled in the journal but not at the hospital")
    {
        ReconcileRig rig;
        SUBCASE("a registration")
        {
            rig.journaled(kId, TransactionKind::Registration, 5000, kBookedSteps);
            rig.paidByQr(kId, 5000);
            CHECK(contains(onlyMismatch(rig.run(), MismatchKind::NotAtHospital).text, kId + "-B"));
        }
        SUBCASE("bills")
        {
            rig.journaled(kId, TransactionKind::Bills, 12345, kSettledSteps);
            rig.paidByQr(kId, 12345);
            CHECK(contains(onlyMismatch(rig.run(), MismatchKind::NotAtHospital).text, kId + "-S"));
        }
    }

    TEST_CASE("at the hospital but the journal never got there")
    {
        ReconcileRig rig;
        rig.journaled(kId, TransactionKind::Registration, 5000, kRefundedSteps);
        rig.paidByQr(kId, 5000);
        rig.refunded(kId);
        rig.booked(kId);
        CHECK(contains(onlyMismatch(rig.run(), MismatchKind::HospitalNotJournaled).text,
                       "refunded and still has the booking"));
    }

    TEST_CASE("the hospital's invoice is for another amount")
    {
        ReconcileRig rig;
        rig.journaled(kId, TransactionKind::Bills, 12345, kSettledSteps);
        rig.paidByQr(kId, 12345);
        rig.settled(kId, 12000);
        Mismatch m = onlyMismatch(rig.run(), MismatchKind::HospitalAmountDiffers);
        CHECK(contains(m.text, "120.00 yuan"));
    }

    TEST_CASE("refunded in the journal but not at the channel, and the reverse")
    {
        ReconcileRig rig;
        SUBCASE("the journal says refunded")
        {
            rig.journaled(kId, TransactionKind::Registration, 5000, kRefundedSteps);
            rig.paidByQr(kId, 5000);
            CHECK(contains(onlyMismatch(rig.run(), MismatchKind::RefundNotAtChannel).text,
                           "may not have their 50.00 yuan back"));
        }
        SUBCASE("the channel says refunded")
        {
            rig.journaled(kId, TransactionKind::Registration, 5000, kBookedSteps);
            rig.paidByQr(kId, 5000);
            rig.refunded(kId);
            rig.booked(kId);
            CHECK(contains(onlyMismatch(rig.run(), MismatchKind::RefundNotJournaled).text,
                           "both the service and the money back"));
        }
    }

    TEST_CASE("paid but neither booked nor refunded")
    {
        ReconcileRig rig;
        std::vector<Step> steps;
        SUBCASE("stopped after paying") { steps = {Step::Intent, Step::Paid}; }
        SUBCASE("the refund failed")
        {
            steps = {Step::Intent, Step::OrderCreated, Step::Paid, Step::Refunding, Step::RefundFailed};
        }
        SUBCASE("handed to staff") { steps = {Step::Intent, Step::OrderCreated, Step::Paid, Step::NeedsStaff}; }
        rig.journaled(kId, TransactionKind::Registration, 5000, steps);
        rig.paidByQr(kId, 5000);
        Mismatch m = onlyMismatch(rig.run(), MismatchKind::Unfinished);
        CHECK(contains(m.text, "neither booked nor refunded"));
        CHECK(contains(m.text, std::string(stepName(steps.back()))));
    }

    TEST_CASE("every kind has its own name")
    {
        std::vector<std::string_view> names;
        for (int k = 0; k <= static_cast<int>(MismatchKind::Unfinished); ++k)
            names.push_back(mismatchKindName(static_cast<MismatchKind>(k)));
        std::sort(names.begin(), names.end());
        CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
        CHECK(std::find(names.begin(), names.end(), "unknown") == names.end());
        CHECK(transactionIdOfOrder("K01-20261123100000-1C") == "K01-20261123100000-1");
        CHECK(transactionIdOfOrder("K01-20261123100000-1") == "K01-20261123100000-1");
    }
}
