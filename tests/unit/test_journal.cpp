#include "journal_rig.hpp"

TEST_SUITE("journal")
{
    TEST_CASE("a registration's steps are kept, with what each step learned")
    {
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        const std::string id = "K01-20261123100000-1";
        REQUIRE(journal->begin(registration(id, clock.wallNow())).has_value());

        clock.advance(seconds(5));
        recordOk(*journal, id, Step::OrderCreated, {.orderNo = id, .channel = "wechat"});
        clock.advance(seconds(30));
        recordOk(*journal, id, Step::Paid,
                 {.paidOrderNo = id + "C", .gatewayTransactionId = "4200001234202611231234567890"});
        clock.advance(seconds(2));
        recordOk(*journal, id, Step::Booked, {.hospitalReference = "A-778", .note = "queue 12"});
        clock.advance(seconds(3));
        recordOk(*journal, id, Step::Printed);

        auto found = journal->find(id);
        REQUIRE(found.has_value());
        REQUIRE(found->has_value());
        const TransactionRecord& r = **found;
        CHECK(r.kind == TransactionKind::Registration);
        CHECK(r.kioskId == "K01");
        CHECK(r.amountFen == 5000);
        CHECK(r.orderNo == id);
        CHECK(r.paidOrderNo == id + "C");
        CHECK(r.channel == "wechat");  // learned at OrderCreated, kept through later steps
        CHECK(r.gatewayTransactionId == "4200001234202611231234567890");
        CHECK(r.hospitalReference == "A-778");
        CHECK(r.patientRef == "P000123");
        CHECK(r.lastStep == Step::Printed);
        CHECK(r.startedAt == utc(2026, 11, 23, 2, 0, 0));
        CHECK(r.updatedAt == utc(2026, 11, 23, 2, 0, 40));

        auto steps = journal->history(id);
        REQUIRE(steps.has_value());
        REQUIRE(steps->size() == 5);
        CHECK((*steps)[0].step == Step::Intent);
        CHECK((*steps)[1].step == Step::OrderCreated);
        CHECK((*steps)[2].step == Step::Paid);
        CHECK((*steps)[3].step == Step::Booked);
        CHECK((*steps)[4].step == Step::Printed);
        CHECK((*steps)[2].at == utc(2026, 11, 23, 2, 0, 35));
        CHECK((*steps)[1].details == "order_no=K01-20261123100000-1; channel=wechat");
        CHECK((*steps)[3].details == "hospital_reference=A-778; note=queue 12");
        CHECK(journal->find("K01-nope").value_or(std::nullopt) == std::nullopt);
        CHECK(journal->history("K01-nope").value().empty());
    }

    TEST_CASE("the same id twice is refused, and a step for an unknown id too")
    {
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        REQUIRE(journal->begin(registration("K01-1", clock.wallNow())).has_value());
        auto again = journal->begin(bills("K01-1", clock.wallNow()));
        REQUIRE_FALSE(again.has_value());
        CHECK(contains(again.error().message, "K01-1"));
        CHECK(contains(again.error().message, "already journaled"));
        CHECK(journal->find("K01-1").value()->kind == TransactionKind::Registration);

        auto unknown = journal->record("K01-2", Step::Paid, {});
        REQUIRE_FALSE(unknown.has_value());
        CHECK(contains(unknown.error().message, "no transaction K01-2"));
    }

    TEST_CASE("steps only move forward; a refused step names both and changes nothing")
    {
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        REQUIRE(journal->begin(bills("K01-1", clock.wallNow())).has_value());
        recordOk(*journal, "K01-1", Step::Paid);
        recordOk(*journal, "K01-1", Step::Refunding, {.note = "settlement refused"});
        recordOk(*journal, "K01-1", Step::Refunded);

        auto paidAgain = journal->record("K01-1", Step::Paid, {.channel = "alipay"});
        REQUIRE_FALSE(paidAgain.has_value());
        CHECK(contains(paidAgain.error().message, "'paid'"));
        CHECK(contains(paidAgain.error().message, "'refunded'"));
        CHECK(contains(paidAgain.error().message, "K01-1"));
        CHECK(journal->find("K01-1").value()->lastStep == Step::Refunded);
        CHECK(journal->find("K01-1").value()->channel.empty());
        CHECK(journal->history("K01-1").value().size() == 4);

        // Only staff can still be called on after a final step, and only once.
        recordOk(*journal, "K01-1", Step::NeedsStaff, {.note = "channel reversed the refund"});
        auto twice = journal->record("K01-1", Step::NeedsStaff, {});
        REQUIRE_FALSE(twice.has_value());
        CHECK(contains(twice.error().message, "'needs-staff'"));
    }

    TEST_CASE("the transition rules")
    {
        auto allowed = [](TransactionKind kind, Step from, Step to) {
            return checkTransition(kind, from, to).has_value();
        };
        const auto reg = TransactionKind::Registration;
        const auto bill = TransactionKind::Bills;
        CHECK(allowed(reg, Step::Intent, Step::OrderCreated));
        CHECK(allowed(reg, Step::OrderCreated, Step::OrderCreated));  // the payment-code order next to the QR one
        CHECK(allowed(reg, Step::Intent, Step::Paid));
        CHECK(allowed(reg, Step::Paid, Step::Booked));
        CHECK(allowed(bill, Step::Paid, Step::Settled));
        CHECK(allowed(reg, Step::Booked, Step::PrintFailed));
        CHECK(allowed(reg, Step::OrderCreated, Step::Closed));
        CHECK(allowed(reg, Step::OrderCreated, Step::Declined));
        CHECK(allowed(bill, Step::RefundFailed, Step::Refunding));  // retried under the same refund number
        CHECK(allowed(reg, Step::OrderCreated, Step::NeedsStaff));
        CHECK(allowed(reg, Step::Printed, Step::NeedsStaff));

        CHECK_FALSE(allowed(reg, Step::Paid, Step::Settled));   // a registration is booked
        CHECK_FALSE(allowed(bill, Step::Paid, Step::Booked));   // bills are settled
        CHECK_FALSE(allowed(reg, Step::Paid, Step::Printed));   // nothing to print before booking
        CHECK_FALSE(allowed(reg, Step::Booked, Step::Refunding));  // a booking that went through is never refunded
        CHECK_FALSE(allowed(reg, Step::Paid, Step::Closed));    // paid is paid
        CHECK_FALSE(allowed(reg, Step::Paid, Step::OrderCreated));
        CHECK_FALSE(allowed(reg, Step::Intent, Step::Refunded));
        CHECK_FALSE(allowed(reg, Step::Declined, Step::Paid));
        CHECK_FALSE(allowed(reg, Step::Printed, Step::PrintFailed));
        CHECK_FALSE(allowed(reg, Step::OrderCreated, Step::Intent));

        auto refused = checkTransition(reg, Step::Closed, Step::Booked);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message == "journal: 'booked' cannot follow 'closed': the transaction is finished");
    }

    TEST_CASE("step names and final steps")
    {
        CHECK(stepName(Step::OrderCreated) == "order-created");
        CHECK(stepName(Step::NeedsStaff) == "needs-staff");
        for (int i = 0; i <= static_cast<int>(Step::NeedsStaff); ++i)
            CHECK(parseStep(stepName(static_cast<Step>(i))) == static_cast<Step>(i));
        CHECK(parseStep("payed") == std::nullopt);
        CHECK(isFinal(Step::Printed));
        CHECK(isFinal(Step::PrintFailed));
        CHECK(isFinal(Step::Declined));
        CHECK(isFinal(Step::Closed));
        CHECK(isFinal(Step::Refunded));
        CHECK(isFinal(Step::NeedsStaff));
        CHECK_FALSE(isFinal(Step::Paid));
        CHECK_FALSE(isFinal(Step::RefundFailed));
        CHECK_FALSE(isFinal(Step::Booked));
    }

    TEST_CASE("personal data in a note or the patient reference is refused without repeating it")
    {
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        REQUIRE(journal->begin(registration("K01-20261123100000-1", clock.wallNow())).has_value());

        struct Case {
            const char* note;
            const char* kind;
        };
        for (Case c : {Case{"patient 110101199003071234 at window", "an ID card number"},
                       Case{"id 11010119900307123X", "an ID card number"},
                       Case{"call 13812345678", "a mobile number"},
                       Case{"call +8613812345678", "a mobile number"},
                       Case{"code 134567890123456789 failed", "an ID card number"},  // 18 digits: refused either way
                       Case{"code=28765432109876543210", "a payment code"},
                       Case{"code 2876543210987654", "a payment code"}}) {
            CAPTURE(c.note);
            auto refused = journal->record("K01-20261123100000-1", Step::OrderCreated, {.note = c.note});
            REQUIRE_FALSE(refused.has_value());
            CHECK(contains(refused.error().message, c.kind));
            CHECK(contains(refused.error().message, "personal data"));
            CHECK_FALSE(contains(refused.error().message, c.note));
        }
        CHECK(journal->history("K01-20261123100000-1").value().size() == 1);

        // References, amounts, times and masked numbers are not personal data.
        for (const char* fine : {"order K01-20261123100000-1C refund K01-20261123100000-1R", "12345 fen",
                                 "4401**********1234", "138****5678", "slot full at 10:30", "gateway 502"})
            CHECK_MESSAGE(personalDataIn(fine) == std::nullopt, fine);
        recordOk(*journal, "K01-20261123100000-1", Step::OrderCreated,
                 {.note = "order K01-20261123100000-1C refund K01-20261123100000-1R"});

        auto tooLong = journal->record("K01-20261123100000-1", Step::Closed, {.note = std::string(500, 'a')});
        REQUIRE_FALSE(tooLong.has_value());
        CHECK(contains(tooLong.error().message, "at most 200"));

        TransactionRecord leaky = registration("K01-2", clock.wallNow());
        leaky.patientRef = "13812345678";
        auto refused = journal->begin(leaky);
        REQUIRE_FALSE(refused.has_value());
        CHECK(contains(refused.error().message, "a mobile number"));
        CHECK(journal->find("K01-2").value() == std::nullopt);
    }

    TEST_CASE("unfinished() lists exactly the transactions not in a final step, oldest first")
    {
        TempDir dir;
        ManualClock clock;
        auto journal = openJournal(dir.file("journal.db"), clock);
        WallTime t0 = clock.wallNow();
        int n = 0;
        // Each transaction is driven along `steps`; its id says where it stops.
        auto drive = [&](TransactionKind kind, std::initializer_list<Step> steps) {
            std::string id = "K01-" + std::to_string(++n);
            WallTime at = t0 + minutes(n);
            TransactionRecord r = kind == TransactionKind::Bills ? bills(id, at) : registration(id, at);
            REQUIRE(journal->begin(r).has_value());
            for (Step s : steps) recordOk(*journal, id, s);
            return id;
        };
        const auto reg = TransactionKind::Registration;
        const auto bill = TransactionKind::Bills;
        std::string intent = drive(reg, {});
        drive(reg, {Step::OrderCreated, Step::Paid, Step::Booked, Step::Printed});
        std::string paid = drive(bill, {Step::OrderCreated, Step::Paid});
        drive(bill, {Step::Paid, Step::Settled, Step::PrintFailed});
        drive(reg, {Step::OrderCreated, Step::Declined});
        drive(reg, {Step::OrderCreated, Step::Closed});
        std::string refundFailed = drive(bill, {Step::Paid, Step::Refunding, Step::RefundFailed});
        drive(bill, {Step::Paid, Step::Refunding, Step::Refunded});
        drive(reg, {Step::OrderCreated, Step::NeedsStaff});
        std::string booked = drive(reg, {Step::Paid, Step::Booked});
        std::string refunding = drive(reg, {Step::Paid, Step::Refunding});
        std::string ordered = drive(reg, {Step::OrderCreated});

        auto open = journal->unfinished();
        REQUIRE(open.has_value());
        std::vector<std::string> ids;
        for (const auto& r : *open) ids.push_back(r.id);
        CHECK(ids == std::vector<std::string>{intent, paid, refundFailed, booked, refunding, ordered});
    }
}
