// The transaction slip handed out when a payment did not end well.
#include <doctest/doctest.h>

#include "documents/transaction_slip.hpp"
#include "scan/slip_code.hpp"

namespace {

using namespace kiosk;

CatalogSet catalogs()
{
    auto loaded = CatalogSet::load(KIOSK_TEST_ASSETS "/i18n");
    REQUIRE(loaded.has_value());
    return std::move(*loaded);
}

std::string allText(const ReceiptDocument& doc)
{
    std::string out;
    for (const auto& e : doc.elements)
        if (const auto* t = std::get_if<ReceiptText>(&e)) out += t->text + "\n";
    return out;
}

std::vector<std::string> qrCodes(const ReceiptDocument& doc)
{
    std::vector<std::string> out;
    for (const auto& e : doc.elements)
        if (const auto* q = std::get_if<ReceiptQrCode>(&e)) out.push_back(q->data);
    return out;
}

TEST_SUITE("transaction_slip")
{
    TEST_CASE("A refunded registration: what happened, the money, the number and a code that opens the lookup")
    {
        CatalogSet c = catalogs();
        flows::FlowFailure failure{flows::FailureKind::SlotFull, true, true, "slot full"};
        TransactionSlipFacts facts{"示范医院", "title.service.registration", failure, 5000,
                                   "K-001-20261123100000-1", WallTime{}, "K-001"};
        ReceiptDocument doc = buildTransactionSlip(facts, c, Language::ZhCN);
        std::string text = allText(doc);
        CHECK(text.find("交易凭条") != std::string::npos);
        CHECK(text.find(c.text(Language::ZhCN, "failure.slot_full")) != std::string::npos);
        CHECK(text.find(c.text(Language::ZhCN, "outcome.money_refunded")) != std::string::npos);
        CHECK(text.find("¥50.00") != std::string::npos);
        CHECK(text.find("K-001-20261123100000-1") != std::string::npos);
        CHECK(text.find("slot full") == std::string::npos);  // the detail is for staff, not the slip
        auto codes = qrCodes(doc);
        REQUIRE(codes.size() == 1);
        auto decoded = decodeSlipCode(codes[0]);
        REQUIRE(decoded.has_value());
        CHECK(decoded->kind == SlipKind::Transaction);
        CHECK(decoded->id == "K-001-20261123100000-1");
    }

    TEST_CASE("Only failures with money involved get a slip")
    {
        CHECK(failureNeedsSlip({flows::FailureKind::SlotFull, true, true, ""}));
        CHECK(failureNeedsSlip({flows::FailureKind::CompletingLater, true, false, ""}));
        CHECK(failureNeedsSlip({flows::FailureKind::PaymentUncertain, false, false, ""}));
        CHECK_FALSE(failureNeedsSlip({flows::FailureKind::PaymentDeclined, false, false, ""}));
        CHECK_FALSE(failureNeedsSlip({flows::FailureKind::None, false, false, "cancelled"}));
    }

    TEST_CASE("A kiosk id that cannot go into a slip code still prints the number, without a QR code")
    {
        CatalogSet c = catalogs();
        TransactionSlipFacts facts{"H", "title.service.bills", {flows::FailureKind::CompletingLater, true, false, ""},
                                   4200, "kiosk-a-20261123100000-1", WallTime{}, "kiosk-a"};
        ReceiptDocument doc = buildTransactionSlip(facts, c, Language::En);
        CHECK(qrCodes(doc).empty());
        CHECK(allText(doc).find("kiosk-a-20261123100000-1") != std::string::npos);
    }
}

} // namespace
