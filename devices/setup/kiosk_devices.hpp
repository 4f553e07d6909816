#pragma once
// Which adapter plays each device role on this kiosk, built from the launch
// options: the simulators in demo and scenario runs; otherwise the USB
// ID-card reader and receipt printer (or a CUPS raw queue), the HID POS or
// keyboard-wedge scanner, and a CUPS destination for reports. The device
// monitor is set up here too, with a probe per role, so the rest of the
// kiosk only reads DeviceChanged events.
#include <memory>
#include <string>

#include "core/event_queue.hpp"
#include "device/a4_printer.hpp"
#include "device/device_monitor.hpp"
#include "device/id_card_reader.hpp"
#include "device/receipt_printer.hpp"
#include "device/scanner.hpp"
#include "settings/launch_options.hpp"
#include "sim/simulated_devices.hpp"

namespace kiosk::devices {

namespace usb {
class UsbContext;
}

class KioskDevices {
public:
    /// Opens and enables the input devices and starts the monitor. Fails only
    /// for what cannot work at all (no libusb, unreadable sample identities);
    /// a device that is merely absent is reported as missing and picked up when it appears.
    static Result<std::unique_ptr<KioskDevices>> create(EventQueue& events, const LaunchOptions& options);
    ~KioskDevices();

    IdCardReader& reader() { return *m_reader; }
    Scanner* scanner() { return m_scanner; }
    ReceiptPrinter* receiptPrinter() { return m_receiptPrinter; }
    A4Printer* a4Printer() { return m_a4Printer; }
    /// Set in demo and scenario runs.
    SimulatedDevices* simulated() { return m_simulated.get(); }
    DeviceMonitor& monitor() { return *m_monitor; }

    /// Stops input devices delivering events (before the UI goes away).
    void disableInput();

private:
    explicit KioskDevices(EventQueue& events);
    Result<void> buildSimulated(const LaunchOptions& options);
    Result<void> buildReal(const LaunchOptions& options);
    void watchAll();

    EventQueue& m_events;
    /// First, so it is destroyed last: libusb's hotplug thread pokes it until the context is gone.
    std::unique_ptr<DeviceMonitor> m_monitor;
    std::unique_ptr<SimulatedDevices> m_simulated;
    std::unique_ptr<usb::UsbContext> m_usb;
    std::unique_ptr<IdCardReader> m_ownedReader;
    std::unique_ptr<Scanner> m_ownedScanner;
    std::unique_ptr<ReceiptPrinter> m_ownedReceiptPrinter;
    std::unique_ptr<A4Printer> m_ownedA4Printer;
    IdCardReader* m_reader = nullptr;
    Scanner* m_scanner = nullptr;
    ReceiptPrinter* m_receiptPrinter = nullptr;
    A4Printer* m_a4Printer = nullptr;
};

} // namespace kiosk::devices
