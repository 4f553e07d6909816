#include "escpos/usb_receipt_printer.hpp"

#include "usb/usb_bulk_device.hpp"

namespace kiosk::devices::escpos {

namespace {
ReopeningChannel::Opener firstPrinterOn(usb::UsbContext& context)
{
    return [&context]() -> Result<std::unique_ptr<ByteChannel>> {
        for (const usb::UsbDeviceInfo& device : context.enumerate()) {
            auto match = usb::matchAdapter(device);
            if (!match || match->role != usb::DeviceRole::ReceiptPrinter) continue;
            auto opened = usb::UsbBulkDevice::open(context, device, *match);
            if (!opened) return std::unexpected(opened.error());
            return std::unique_ptr<ByteChannel>(std::move(*opened));
        }
        return fail("no receipt printer on the USB bus");
    };
}
} // namespace

UsbReceiptPrinter::UsbReceiptPrinter(usb::UsbContext& context, EncoderOptions options)
    : m_channel(firstPrinterOn(context)), m_printer(m_channel, "USB receipt printer", options)
{
}

} // namespace kiosk::devices::escpos
