#pragma once
#include "flows/payment_step.hpp"
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// The payment step on screen: the amount, the QR code for the phone, how to
/// pay with a payment code instead, and a way to stop. While the patient
/// confirms on the phone, or the kiosk checks the result, it says so.
void drawPaymentPanel(Ui& ui, Rect area, const flows::PaymentStep& payment);

} // namespace kiosk::screens
