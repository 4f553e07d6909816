#pragma once
// A claimed USB interface with one bulk IN and one bulk OUT endpoint: the
// transport under the ID-card reader's SAM frames and the receipt printer's
// ESC/POS. It moves bytes and says how many moved; it knows no protocol.
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "usb/byte_channel.hpp"
#include "usb/usb_context.hpp"
#include "usb/usb_device_info.hpp"

struct libusb_device_handle;

namespace kiosk::devices::usb {

using devices::WriteOutcome;

class UsbBulkDevice final : public ByteChannel {
public:
    /// Opens the device at `device`'s bus and address, detaches a kernel
    /// driver if one holds the interface (usblp takes printers), and claims it.
    static Result<std::unique_ptr<UsbBulkDevice>> open(UsbContext& context, const UsbDeviceInfo& device,
                                                       const AdapterMatch& match);
    ~UsbBulkDevice() override;
    UsbBulkDevice(const UsbBulkDevice&) = delete;
    UsbBulkDevice& operator=(const UsbBulkDevice&) = delete;

    /// Sends all bytes, in as many transfers as it takes; a timeout on the
    /// OUT endpoint usually means the printer went offline (paper end).
    WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) override;
    /// One IN transfer of up to `maxBytes`; an empty result after a timeout.
    Result<std::vector<std::uint8_t>> read(std::size_t maxBytes, std::chrono::milliseconds timeout) override;
    /// Reads until `wanted` bytes arrived or the time is up.
    Result<std::vector<std::uint8_t>> readExactly(std::size_t wanted, std::chrono::milliseconds timeout);

    const UsbDeviceInfo& info() const { return m_info; }
    std::uint16_t inPacketSize() const { return m_inPacket; }

private:
    UsbBulkDevice(libusb_device_handle* handle, UsbDeviceInfo info, AdapterMatch match, std::uint16_t inPacket);
    libusb_device_handle* m_handle;
    UsbDeviceInfo m_info;
    AdapterMatch m_match;
    std::uint16_t m_inPacket;
    bool m_reattachKernelDriver = false;
};

} // namespace kiosk::devices::usb
