#pragma once
// An ESC/POS receipt printer over any byte channel (USB bulk on a kiosk):
// DLE EOT 1–4 for the real-time status, the encoder for the receipt. Safe to
// call from two threads (the device monitor asks for status while a flow
// prints): one exchange with the printer at a time.
#include <chrono>
#include <mutex>

#include "device/receipt_printer.hpp"
#include "escpos/escpos_encoder.hpp"
#include "usb/byte_channel.hpp"

namespace kiosk::devices::escpos {

class EscPosPrinter final : public ReceiptPrinter {
public:
    EscPosPrinter(ByteChannel& channel, std::string name, EncoderOptions options = {},
                  std::chrono::milliseconds timeout = std::chrono::milliseconds(800));

    Result<PrinterStatus> queryStatus() override;
    PrintOutcome print(const ReceiptDocument& document) override;
    std::string describe() const override { return m_name; }

private:
    Result<PrinterStatus> queryStatusLocked();

    std::mutex m_mutex;
    ByteChannel& m_channel;
    std::string m_name;
    EncoderOptions m_options;
    std::chrono::milliseconds m_timeout;
};

} // namespace kiosk::devices::escpos
