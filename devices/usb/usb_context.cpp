#include "usb/usb_context.hpp"

#include <libusb.h>

#include <algorithm>

namespace kiosk::devices::usb {

namespace {

int LIBUSB_CALL onHotplug(libusb_context*, libusb_device*, libusb_hotplug_event, void* self)
{
    static_cast<UsbContext*>(self)->notifyChange();
    return 0;  // stay registered
}

UsbDeviceInfo describeDevice(libusb_device* device, const libusb_device_descriptor& descriptor)
{
    UsbDeviceInfo info;
    info.bus = libusb_get_bus_number(device);
    info.address = libusb_get_device_address(device);
    info.vendorId = descriptor.idVendor;
    info.productId = descriptor.idProduct;
    info.deviceClass = descriptor.bDeviceClass;
    libusb_config_descriptor* config = nullptr;
    if (libusb_get_active_config_descriptor(device, &config) != LIBUSB_SUCCESS &&
        libusb_get_config_descriptor(device, 0, &config) != LIBUSB_SUCCESS)
        return info;
    for (int i = 0; i < config->bNumInterfaces; ++i) {
        const libusb_interface& iface = config->interface[i];
        for (int a = 0; a < iface.num_altsetting; ++a) {
            const libusb_interface_descriptor& alt = iface.altsetting[a];
            InterfaceInfo out{alt.bInterfaceNumber, alt.bAlternateSetting, alt.bInterfaceClass,
                              alt.bInterfaceSubClass, alt.bInterfaceProtocol, {}};
            for (int e = 0; e < alt.bNumEndpoints; ++e) {
                const libusb_endpoint_descriptor& ep = alt.endpoint[e];
                out.endpoints.push_back({ep.bEndpointAddress, ep.bmAttributes, ep.wMaxPacketSize});
            }
            info.interfaces.push_back(std::move(out));
        }
    }
    libusb_free_config_descriptor(config);
    return info;
}

} // namespace

Result<std::unique_ptr<UsbContext>> UsbContext::create()
{
    libusb_context* context = nullptr;
    int rc = libusb_init(&context);
    if (rc != LIBUSB_SUCCESS) return fail(std::string("libusb could not start: ") + libusb_strerror(rc));
    return std::unique_ptr<UsbContext>(new UsbContext(context));
}

UsbContext::UsbContext(libusb_context* context) : m_context(context)
{
    m_hasHotplug = libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0;
}

UsbContext::~UsbContext()
{
    m_stop = true;
    if (m_hotplugHandle) libusb_hotplug_deregister_callback(m_context, m_hotplugHandle);  // wakes the event thread
    if (m_thread.joinable()) m_thread.join();
    libusb_exit(m_context);
}

std::vector<UsbDeviceInfo> UsbContext::enumerate()
{
    std::vector<UsbDeviceInfo> out;
    libusb_device** list = nullptr;
    ssize_t count = libusb_get_device_list(m_context, &list);
    for (ssize_t i = 0; i < count; ++i) {
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(list[i], &descriptor) != LIBUSB_SUCCESS) continue;
        out.push_back(describeDevice(list[i], descriptor));
    }
    if (list) libusb_free_device_list(list, 1);
    return out;
}

std::vector<std::pair<int, int>> UsbContext::snapshot()
{
    std::vector<std::pair<int, int>> out;
    libusb_device** list = nullptr;
    ssize_t count = libusb_get_device_list(m_context, &list);
    for (ssize_t i = 0; i < count; ++i)
        out.emplace_back(libusb_get_bus_number(list[i]), libusb_get_device_address(list[i]));
    if (list) libusb_free_device_list(list, 1);
    std::sort(out.begin(), out.end());
    return out;
}

void UsbContext::watch(std::function<void()> onChange, std::chrono::milliseconds pollInterval)
{
    m_onChange = std::move(onChange);
    m_pollInterval = pollInterval;
    if (m_hasHotplug) {
        int rc = libusb_hotplug_register_callback(
            m_context,
            static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            LIBUSB_HOTPLUG_NO_FLAGS, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            onHotplug, this, &m_hotplugHandle);
        if (rc != LIBUSB_SUCCESS) m_hasHotplug = false;
    }
    m_thread = std::thread([this] { run(); });
}

void UsbContext::run()
{
    auto known = snapshot();
    auto nextPoll = std::chrono::steady_clock::now() + m_pollInterval;
    while (!m_stop) {
        timeval tv{0, 100'000};
        libusb_handle_events_timeout_completed(m_context, &tv, nullptr);
        // The rescan catches what hotplug missed and is the only watch where
        // hotplug is unavailable; a re-plugged device is seen within one interval.
        if (std::chrono::steady_clock::now() >= nextPoll) {
            nextPoll += m_pollInterval;
            auto now = snapshot();
            if (now != known) {
                known = std::move(now);
                notifyChange();
            }
        }
    }
}

} // namespace kiosk::devices::usb
