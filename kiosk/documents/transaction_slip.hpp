#pragma once
// The slip a patient takes away when money moved and the service did not end
// well: what happened, what becomes of the money, the amount, and the
// transaction number in large print with a QR code (slip kind X) that opens
// the transaction lookup at the kiosk. With it the patient can come back, or
// go to the window, without having to remember anything.
#include <string>

#include "core/clock.hpp"
#include "documents/receipt.hpp"
#include "flows/flow_failure.hpp"
#include "i18n/catalog.hpp"

namespace kiosk {

struct TransactionSlipFacts {
    std::string hospitalName;
    /// The service's title key ("title.service.registration").
    std::string serviceKey;
    flows::FlowFailure failure;
    std::int64_t amountFen = 0;
    std::string transactionId;
    WallTime printedAt;
    std::string kioskId;
};

ReceiptDocument buildTransactionSlip(const TransactionSlipFacts& facts, const CatalogSet& catalogs, Language language);

/// Whether a failure leaves the patient with money to follow up: taken (refunded or not),
/// or perhaps taken (the channel stopped answering, the hospital is finishing it later).
bool failureNeedsSlip(const flows::FlowFailure& failure);

} // namespace kiosk
