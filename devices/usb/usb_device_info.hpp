#pragma once
// What a USB device says about itself in its descriptors, as plain data, and
// which of the kiosk's adapters would claim it. Endpoints always come from
// here: addresses differ between models of the same printer.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::devices::usb {

struct EndpointInfo {
    std::uint8_t address = 0;     ///< Bit 7 set for IN.
    std::uint8_t attributes = 0;  ///< Bits 0–1: transfer type (2 = bulk, 3 = interrupt).
    std::uint16_t maxPacketSize = 0;
    bool isIn() const { return (address & 0x80) != 0; }
    bool isBulk() const { return (attributes & 0x03) == 2; }
    bool isInterrupt() const { return (attributes & 0x03) == 3; }
};

struct InterfaceInfo {
    std::uint8_t number = 0;
    std::uint8_t alternate = 0;
    std::uint8_t interfaceClass = 0;
    std::uint8_t subclass = 0;
    std::uint8_t protocol = 0;
    std::vector<EndpointInfo> endpoints;
};

struct UsbDeviceInfo {
    std::uint8_t bus = 0;
    std::uint8_t address = 0;
    std::uint16_t vendorId = 0;
    std::uint16_t productId = 0;
    std::uint8_t deviceClass = 0;
    std::vector<InterfaceInfo> interfaces;

    /// "bus 1 device 2" style location, stable while the device stays plugged in.
    std::string location() const;
    /// "04b8:0202"
    std::string vidPid() const;
};

enum class DeviceRole { IdCardReader, ReceiptPrinter, Scanner };

std::string_view roleName(DeviceRole role);

/// The adapter that would claim a device, and the interface and bulk
/// endpoints it would use.
struct AdapterMatch {
    DeviceRole role;
    std::string adapter;  ///< Human name for the maintainer's device list.
    std::uint8_t interfaceNumber = 0;
    std::uint8_t inEndpoint = 0;
    std::uint8_t outEndpoint = 0;
};

/// Matches by VID:PID for ID-card readers (vendor-class interface with a bulk
/// pair) and by interface class 7/1/2 (bidirectional printer) for receipt
/// printers. Scanners in HID POS or keyboard mode are reached through hidraw
/// and evdev, not libusb, so they are not matched here.
std::optional<AdapterMatch> matchAdapter(const UsbDeviceInfo& device);

} // namespace kiosk::devices::usb
