#include "usb/usb_bulk_device.hpp"

#include <libusb.h>

#include <algorithm>

namespace kiosk::devices::usb {

namespace {
std::string usbError(const char* what, int rc) { return std::string(what) + ": " + libusb_strerror(rc); }
} // namespace

Result<std::unique_ptr<UsbBulkDevice>> UsbBulkDevice::open(UsbContext& context, const UsbDeviceInfo& device,
                                                           const AdapterMatch& match)
{
    libusb_device** list = nullptr;
    ssize_t count = libusb_get_device_list(context.raw(), &list);
    libusb_device* found = nullptr;
    for (ssize_t i = 0; i < count; ++i)
        if (libusb_get_bus_number(list[i]) == device.bus && libusb_get_device_address(list[i]) == device.address)
            found = list[i];
    libusb_device_handle* handle = nullptr;
    int rc = found ? libusb_open(found, &handle) : LIBUSB_ERROR_NO_DEVICE;
    if (list) libusb_free_device_list(list, 1);
    if (rc != LIBUSB_SUCCESS)
        return fail(usbError(("cannot open the " + std::string(roleName(match.role)) + " at " + device.location())
                                 .c_str(),
                             rc) +
                    (rc == LIBUSB_ERROR_ACCESS ? " (the kiosk user needs the udev rule that grants access)" : ""));

    // Printers are bound to usblp by the kernel; take the interface over for
    // as long as the kiosk holds it, and give it back on release. Asked
    // explicitly rather than with auto-detach, which fails outright where the
    // disconnect ioctl is unavailable even when no driver is bound.
    bool reattach = false;
    if (libusb_kernel_driver_active(handle, match.interfaceNumber) == 1) {
        rc = libusb_detach_kernel_driver(handle, match.interfaceNumber);
        if (rc != LIBUSB_SUCCESS) {
            libusb_close(handle);
            return fail(usbError(("cannot take " + device.vidPid() + " from its kernel driver").c_str(), rc));
        }
        reattach = true;
    }
    rc = libusb_claim_interface(handle, match.interfaceNumber);
    if (rc != LIBUSB_SUCCESS) {
        if (reattach) libusb_attach_kernel_driver(handle, match.interfaceNumber);
        libusb_close(handle);
        return fail(usbError(("cannot claim interface " + std::to_string(match.interfaceNumber) + " of " +
                              device.vidPid() + " (is another program using it?)")
                                 .c_str(),
                             rc));
    }
    std::uint16_t inPacket = 64;
    for (const InterfaceInfo& iface : device.interfaces)
        for (const EndpointInfo& ep : iface.endpoints)
            if (ep.address == match.inEndpoint && ep.maxPacketSize > 0) inPacket = ep.maxPacketSize;
    auto opened = std::unique_ptr<UsbBulkDevice>(new UsbBulkDevice(handle, device, match, inPacket));
    opened->m_reattachKernelDriver = reattach;
    return opened;
}

UsbBulkDevice::UsbBulkDevice(libusb_device_handle* handle, UsbDeviceInfo info, AdapterMatch match,
                             std::uint16_t inPacket)
    : m_handle(handle), m_info(std::move(info)), m_match(match), m_inPacket(inPacket)
{
}

UsbBulkDevice::~UsbBulkDevice()
{
    libusb_release_interface(m_handle, m_match.interfaceNumber);
    if (m_reattachKernelDriver) libusb_attach_kernel_driver(m_handle, m_match.interfaceNumber);
    libusb_close(m_handle);
}

WriteOutcome UsbBulkDevice::write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout)
{
    WriteOutcome outcome{0, bytes.size(), false, {}};
    while (outcome.sent < bytes.size()) {
        int transferred = 0;
        auto* data = const_cast<unsigned char*>(bytes.data() + outcome.sent);  // libusb's API is not const
        int length = static_cast<int>(bytes.size() - outcome.sent);
        int rc = libusb_bulk_transfer(m_handle, m_match.outEndpoint, data, length, &transferred,
                                      static_cast<unsigned>(timeout.count()));
        outcome.sent += static_cast<std::size_t>(std::max(transferred, 0));
        if (rc == LIBUSB_ERROR_TIMEOUT) {
            outcome.timedOut = true;
            outcome.error = "the device stopped accepting data (timeout)";
            return outcome;
        }
        if (rc != LIBUSB_SUCCESS) {
            outcome.error = usbError("write failed", rc);
            return outcome;
        }
        if (transferred == 0) {
            outcome.error = "the device accepted no data";
            return outcome;
        }
    }
    return outcome;
}

Result<std::vector<std::uint8_t>> UsbBulkDevice::read(std::size_t maxBytes, std::chrono::milliseconds timeout)
{
    // Bulk IN transfers must ask for whole packets, or a device sending a
    // full packet overflows the buffer.
    std::size_t request = std::max<std::size_t>(m_inPacket, (maxBytes + m_inPacket - 1) / m_inPacket * m_inPacket);
    std::vector<std::uint8_t> buffer(request);
    int transferred = 0;
    int rc = libusb_bulk_transfer(m_handle, m_match.inEndpoint, buffer.data(), static_cast<int>(buffer.size()),
                                  &transferred, static_cast<unsigned>(timeout.count()));
    if (rc == LIBUSB_ERROR_TIMEOUT) {
        buffer.resize(static_cast<std::size_t>(std::max(transferred, 0)));
        return buffer;
    }
    if (rc != LIBUSB_SUCCESS) return fail(usbError("read failed", rc));
    buffer.resize(static_cast<std::size_t>(transferred));
    return buffer;
}

Result<std::vector<std::uint8_t>> UsbBulkDevice::readExactly(std::size_t wanted, std::chrono::milliseconds timeout)
{
    std::vector<std::uint8_t> out;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (out.size() < wanted) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        auto chunk = read(wanted - out.size(), left);
        if (!chunk) return chunk;
        out.insert(out.end(), chunk->begin(), chunk->end());
        if (chunk->empty()) break;
    }
    return out;
}

} // namespace kiosk::devices::usb
