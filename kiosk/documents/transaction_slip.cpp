#include "documents/transaction_slip.hpp"

#include "documents/registration_slip.hpp"
#include "scan/slip_code.hpp"

namespace kiosk {

namespace {

ReceiptText text(std::string value, TextAlign align = TextAlign::Left, int scale = 1, bool bold = false)
{
    return ReceiptText{std::move(value), align, scale, scale, bold};
}

// What becomes of the money, in the same words as the failure screen.
std::string_view moneyKey(const flows::FlowFailure& f)
{
    if (f.kind == flows::FailureKind::PaymentUncertain || f.kind == flows::FailureKind::CompletingLater) return {};
    if (!f.moneyTaken) return "outcome.money_not_taken";
    return f.refunded ? "outcome.money_refunded" : "outcome.money_needs_staff";
}

} // namespace

bool failureNeedsSlip(const flows::FlowFailure& f)
{
    return f.moneyTaken || f.kind == flows::FailureKind::PaymentUncertain ||
           f.kind == flows::FailureKind::CompletingLater;
}

ReceiptDocument buildTransactionSlip(const TransactionSlipFacts& f, const CatalogSet& catalogs, Language language)
{
    auto tr = [&](std::string_view key) { return catalogs.text(language, key); };
    ReceiptDocument doc;
    auto& e = doc.elements;
    e.push_back(text(f.hospitalName, TextAlign::Center, 2, true));
    e.push_back(text(tr("slip.transaction.title"), TextAlign::Center, 1, true));
    e.push_back(ReceiptFeed{1});
    e.push_back(text(tr("slip.transaction.service") + tr(f.serviceKey)));
    e.push_back(text(tr(flows::failureKey(f.failure.kind))));
    if (auto key = moneyKey(f.failure); !key.empty()) e.push_back(text(tr(key)));
    e.push_back(text(tr("slip.fee") + formatYuan(f.amountFen)));
    e.push_back(ReceiptFeed{1});
    e.push_back(text(tr("slip.transaction.number"), TextAlign::Center));
    e.push_back(text(f.transactionId, TextAlign::Center, 1, true));
    e.push_back(text(tr("slip.printed_at") + formatLocalTime(f.printedAt, "%Y-%m-%d %H:%M:%S") + " " + f.kioskId));
    // Kiosk ids with lower-case letters cannot go into the slip code; the number above still can be typed.
    if (auto code = encodeSlipCode(SlipCode{SlipKind::Transaction, f.transactionId})) {
        e.push_back(ReceiptFeed{1});
        e.push_back(ReceiptQrCode{*code, 6, TextAlign::Center});
    }
    e.push_back(text(tr("slip.transaction.footer"), TextAlign::Center));
    e.push_back(ReceiptFeed{3});
    e.push_back(ReceiptCut{true});
    return doc;
}

} // namespace kiosk
