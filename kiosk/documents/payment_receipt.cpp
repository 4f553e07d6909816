#include "documents/payment_receipt.hpp"

#include <ctime>

#include "documents/registration_slip.hpp"
#include "patient/masking.hpp"

namespace kiosk {

namespace {
ReceiptText line(std::string text, TextAlign align = TextAlign::Left, int scale = 1, bool bold = false)
{
    return ReceiptText{std::move(text), align, scale, scale, bold};
}

} // namespace

std::string_view payChannelKey(payment::PayChannel channel)
{
    switch (channel) {
    case payment::PayChannel::WeChat: return "pay.channel.wechat";
    case payment::PayChannel::Alipay: return "pay.channel.alipay";
    case payment::PayChannel::UnionPay: return "pay.channel.unionpay";
    case payment::PayChannel::Unknown: return "pay.channel.unknown";
    }
    return "pay.channel.unknown";
}

ReceiptDocument buildPaymentReceipt(const ReceiptFacts& f, const CatalogSet& catalogs, Language language)
{
    auto tr = [&](std::string_view key) { return catalogs.text(language, key); };
    ReceiptDocument doc;
    auto& e = doc.elements;
    e.push_back(line(f.hospitalName, TextAlign::Center, 2, true));
    e.push_back(line(tr("receipt.title"), TextAlign::Center, 1, true));
    e.push_back(ReceiptFeed{1});
    e.push_back(line(tr("slip.patient") + maskName(f.patientName)));
    for (const hospital::Order& order : f.orders) {
        e.push_back(line(order.departmentName + " " + order.doctorName, TextAlign::Left, 1, true));
        for (const hospital::ChargeItem& item : order.items)
            e.push_back(line(item.name + " " + std::to_string(item.quantity) + item.unit + " " +
                             formatYuan(item.amount())));
    }
    e.push_back(ReceiptFeed{1});
    e.push_back(line(tr("receipt.total") + formatYuan(f.invoice.total), TextAlign::Left, 2, true));
    e.push_back(line(tr("receipt.method") + tr(payChannelKey(f.payment.channel))));
    e.push_back(line(tr("slip.payment") + (f.payment.transactionId.empty() ? f.payment.orderNo : f.payment.transactionId)));
    e.push_back(line(tr("receipt.invoice") + f.invoice.id));
    e.push_back(line(tr("slip.printed_at") + formatLocalTime(f.printedAt, "%Y-%m-%d %H:%M:%S") + " " + f.kioskId));
    if (!f.invoice.eInvoiceUrl.empty()) {
        e.push_back(ReceiptFeed{1});
        e.push_back(line(tr("receipt.einvoice_hint"), TextAlign::Center));
        e.push_back(ReceiptQrCode{f.invoice.eInvoiceUrl, 5, TextAlign::Center});
    }
    e.push_back(ReceiptFeed{3});
    e.push_back(ReceiptCut{true});
    return doc;
}

} // namespace kiosk
