#pragma once
// The kiosk's receipt printer on USB: the first ESC/POS printer on the bus
// (matched by VID:PID or the printer interface class), spoken to by the
// EscPosPrinter adapter over a channel that opens the device again when it
// was unplugged and came back.
#include <memory>

#include "escpos/escpos_printer.hpp"
#include "usb/reopening_channel.hpp"
#include "usb/usb_context.hpp"

namespace kiosk::devices::escpos {

class UsbReceiptPrinter final : public ReceiptPrinter {
public:
    explicit UsbReceiptPrinter(usb::UsbContext& context, EncoderOptions options = {});

    Result<PrinterStatus> queryStatus() override { return m_printer.queryStatus(); }
    PrintOutcome print(const ReceiptDocument& document) override { return m_printer.print(document); }
    std::string describe() const override { return m_printer.describe(); }
    bool connected() const { return m_channel.connected(); }

private:
    ReopeningChannel m_channel;
    EscPosPrinter m_printer;
};

} // namespace kiosk::devices::escpos
