#include "usb/usb_device_info.hpp"

#include <array>
#include <cstdio>

namespace kiosk::devices::usb {

namespace {

struct KnownReader {
    std::uint16_t vid;
    std::uint16_t pid;
    const char* name;
};

// Second-generation ID-card reader modules seen in kiosks (devices.md §1.9).
constexpr std::array kIdReaders{
    KnownReader{0x0400, 0xC35A, "SAM ID-card reader (StandardDll module)"},
    KnownReader{0x10C4, 0x8A1B, "SAM ID-card reader (SenterIDCard)"},
    KnownReader{0x2015, 0x0008, "SAM ID-card reader (森锐)"},
    KnownReader{0x9573, 0x4836, "SAM ID-card reader (亿数)"},
};

struct BulkPair {
    std::uint8_t in = 0;
    std::uint8_t out = 0;
};

std::optional<BulkPair> bulkPair(const InterfaceInfo& iface)
{
    BulkPair pair;
    for (const EndpointInfo& ep : iface.endpoints) {
        if (!ep.isBulk()) continue;
        if (ep.isIn() && pair.in == 0) pair.in = ep.address;
        if (!ep.isIn() && pair.out == 0) pair.out = ep.address;
    }
    if (pair.in == 0 || pair.out == 0) return std::nullopt;
    return pair;
}

} // namespace

std::string UsbDeviceInfo::location() const
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "bus %u device %u", bus, address);
    return buffer;
}

std::string UsbDeviceInfo::vidPid() const
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04x:%04x", vendorId, productId);
    return buffer;
}

std::string_view roleName(DeviceRole role)
{
    switch (role) {
    case DeviceRole::IdCardReader: return "ID-card reader";
    case DeviceRole::ReceiptPrinter: return "receipt printer";
    case DeviceRole::Scanner: return "scanner";
    }
    return "?";
}

std::optional<AdapterMatch> matchAdapter(const UsbDeviceInfo& device)
{
    for (const KnownReader& known : kIdReaders) {
        if (known.vid != device.vendorId || known.pid != device.productId) continue;
        for (const InterfaceInfo& iface : device.interfaces)
            if (auto pair = bulkPair(iface))
                return AdapterMatch{DeviceRole::IdCardReader, known.name, iface.number, pair->in, pair->out};
    }
    for (const InterfaceInfo& iface : device.interfaces) {
        // Printer class, printer subclass, bidirectional: the only kind whose
        // status can be read back, which the kiosk requires before taking money.
        if (iface.interfaceClass != 0x07 || iface.subclass != 0x01 || iface.protocol != 0x02) continue;
        if (auto pair = bulkPair(iface))
            return AdapterMatch{DeviceRole::ReceiptPrinter, "ESC/POS receipt printer", iface.number, pair->in,
                                pair->out};
    }
    return std::nullopt;
}

} // namespace kiosk::devices::usb
