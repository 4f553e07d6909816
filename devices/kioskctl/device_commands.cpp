// Hardware-in-the-loop commands: what is on the USB bus and which adapter
// would take it, a receipt printer's real-time status, an ID card read once,
// a CUPS destination's state.
#include <chrono>
#include <cstdio>
#include <thread>

#include "cups/cups_a4_printer.hpp"
#include "escpos/escpos_printer.hpp"
#include "idcard/sam_reader_session.hpp"
#include "kioskctl/commands.hpp"
#include "patient/masking.hpp"
#include "usb/usb_bulk_device.hpp"
#include "usb/usb_context.hpp"

namespace kiosk::ctl {

namespace {

using devices::usb::DeviceRole;
using devices::usb::UsbBulkDevice;
using devices::usb::UsbContext;
using devices::usb::UsbDeviceInfo;

Result<std::unique_ptr<UsbBulkDevice>> openFirst(UsbContext& context, DeviceRole role)
{
    for (const UsbDeviceInfo& device : context.enumerate())
        if (auto match = devices::usb::matchAdapter(device); match && match->role == role)
            return UsbBulkDevice::open(context, device, *match);
    return fail("no " + std::string(devices::usb::roleName(role)) + " on the USB bus (kioskctl usb list shows what is there)");
}

} // namespace

int usbList(Args)
{
    auto context = UsbContext::create();
    if (!context) return failWith(context.error().message);
    for (const UsbDeviceInfo& device : (*context)->enumerate()) {
        auto match = devices::usb::matchAdapter(device);
        std::string classes;
        for (const auto& iface : device.interfaces) {
            char c[16];
            std::snprintf(c, sizeof c, "%s%02x/%02x/%02x", classes.empty() ? "" : " ", iface.interfaceClass,
                          iface.subclass, iface.protocol);
            classes += c;
        }
        std::printf("%-18s %s  class %-24s %s\n", device.location().c_str(), device.vidPid().c_str(), classes.c_str(),
                    match ? (std::string(devices::usb::roleName(match->role)) + ": " + match->adapter).c_str() : "-");
    }
    return 0;
}

int printerStatus(Args)
{
    auto context = UsbContext::create();
    if (!context) return failWith(context.error().message);
    auto device = openFirst(**context, DeviceRole::ReceiptPrinter);
    if (!device) return failWith(device.error().message);
    devices::escpos::EscPosPrinter printer(**device, "receipt printer at " + (*device)->info().location());
    auto status = printer.queryStatus();
    if (!status) return failWith(status.error().message);
    std::printf("%s: %s\n", printer.describe().c_str(), describe(*status).c_str());
    return status->readyToPrint() ? 0 : 1;
}

int idcardRead(Args args)
{
    bool unmasked = takeFlag(args, "--unmasked");
    auto context = UsbContext::create();
    if (!context) return failWith(context.error().message);
    auto device = openFirst(**context, DeviceRole::IdCardReader);
    if (!device) return failWith(device.error().message);
    devices::idcard::SamReaderSession session(**device);
    if (auto ok = session.checkSam(); !ok) return failWith(ok.error().message);
    std::fprintf(stderr, "place a card on the reader (10 s)...\n");
    for (int i = 0; i < 40; ++i) {
        auto result = session.poll();
        if (!result) return failWith(result.error().message);
        if (auto* failed = std::get_if<CardReadFailed>(&*result)) return failWith("the card could not be read: " + failed->reason);
        if (auto* card = std::get_if<CardInserted>(&*result)) {
            const IdentityCard& c = card->card;
            std::printf("name        %s\nID number   %s\nbirth       %04d-%02d-%02d\n",
                        (unmasked ? c.displayName() : maskName(c.displayName())).c_str(),
                        (unmasked ? c.idNumber : maskIdNumber(c.idNumber)).c_str(), c.birthDate.year,
                        unmasked ? c.birthDate.month : 0, unmasked ? c.birthDate.day : 0);
            return 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return failWith("no card was placed within 10 s");
}

int a4Status(Args args)
{
    if (args.size() != 1) return failWith("a4 status needs the CUPS destination name");
    devices::CupsA4Printer printer(args[0]);
    auto status = printer.status();
    if (!status) return failWith(status.error().message);
    std::string reasons;
    for (const auto& r : status->reasons) reasons += (reasons.empty() ? "" : ", ") + r;
    std::printf("%s: %s%s, reasons: %s%s%s\n", printer.describe().c_str(), status->accepting ? "accepting" : "not accepting",
                status->stopped ? ", stopped" : "", reasons.empty() ? "none" : reasons.c_str(),
                status->message.empty() ? "" : ", message: ", status->message.c_str());
    return status->usable() ? 0 : 1;
}

} // namespace kiosk::ctl
