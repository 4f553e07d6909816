#pragma once
// The receipt for paid bills: every item with quantity and amount, the
// total, how it was paid, the channel's transaction number and a QR code for
// the electronic invoice (电子发票). The patient's name is masked.
#include <string>
#include <vector>

#include "documents/receipt.hpp"
#include "hospital/hospital_types.hpp"
#include "i18n/catalog.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk {

struct ReceiptFacts {
    std::string hospitalName;
    std::vector<hospital::Order> orders;
    hospital::Invoice invoice;
    std::string patientName;  ///< Masked when printed.
    payment::PaymentStatus payment;
    WallTime printedAt;
    std::string kioskId;
};

ReceiptDocument buildPaymentReceipt(const ReceiptFacts& facts, const CatalogSet& catalogs, Language language);

/// The catalog key naming a payment channel ("pay.channel.wechat").
std::string_view payChannelKey(payment::PayChannel channel);

} // namespace kiosk
