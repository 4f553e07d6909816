#include "widgets/payment_panel.hpp"

#include "documents/registration_slip.hpp"
#include "widgets/qr_code.hpp"

namespace kiosk::screens {

using flows::PaymentStage;

void drawPaymentPanel(Ui& ui, Rect area, const flows::PaymentStep& payment)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.format("title.pay.amount", {{"amount", formatYuan(payment.amount())}}),
                   FontRole::Title, t.text) +
         m.gap;

    PaymentStage stage = payment.stage();
    if (stage == PaymentStage::CreatingOrder || stage == PaymentStage::Closing || stage == PaymentStage::Charging ||
        stage == PaymentStage::UserPaying) {
        std::string_view key = stage == PaymentStage::CreatingOrder ? "pay.preparing"
                               : stage == PaymentStage::UserPaying  ? "pay.confirm_on_phone"
                                                                    : "pay.checking";
        ui.textIn(area.x, y + m.gap * 2, area.w, ui.tr(key), FontRole::Body, t.text);
        return;
    }
    if (stage != PaymentStage::AwaitingPatient) return;

    float cancelH = ui.buttonHeight();
    float room = area.bottom() - y - cancelH - m.gap * 2;
    // The code and the instructions side by side in landscape, stacked in portrait.
    float side = std::min(room, m.portrait ? area.w * 0.6f : area.w * 0.4f);
    side = std::max(side, m.minTarget * 2);
    float qrX = m.portrait ? area.x + (area.w - side) * 0.5f : area.x + area.w * 0.08f;
    if (!drawQrCode(ui, payment.qrCodeUrl(), qrX, y, side))
        ui.textIn(qrX, y, side, ui.tr("pay.qr_unavailable"), FontRole::Body, t.warningText);
    float textX = m.portrait ? area.x : qrX + side + m.gap * 2;
    float textY = m.portrait ? y + side + m.gap : y + m.gap;
    float textW = m.portrait ? area.w : area.right() - textX;
    textY += ui.textIn(textX, textY, textW, ui.tr("pay.scan_qr"), FontRole::Body, t.text, Align::Left) + m.gap;
    textY += ui.textIn(textX, textY, textW, ui.tr("pay.or_show_code"), FontRole::Body, t.text, Align::Left) + m.gap;
    ui.textIn(textX, textY, textW, ui.tr("pay.time_limit"), FontRole::Body, t.mutedText, Align::Left);

    std::string cancel = ui.tr("pay.cancel");
    float w = ui.buttonWidth(cancel);
    if (ui.button("cancel-payment", cancel, Rect{area.right() - w, area.bottom() - cancelH, w, cancelH},
                  ButtonStyle::Secondary))
        ui.intend(intent::CancelService{});
}

} // namespace kiosk::screens
