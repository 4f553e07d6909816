#include "setup/kiosk_devices.hpp"

#include <string>

#include "logging/log.hpp"

#include "cups/cups_a4_printer.hpp"
#include "cups/cups_receipt_printer.hpp"
#include "escpos/usb_receipt_printer.hpp"
#include "hidpos/evdev_wedge_scanner.hpp"
#include "hidpos/hid_pos_discovery.hpp"
#include "hidpos/hidraw_scanner.hpp"
#include "idcard/usb_id_card_reader.hpp"
#include "usb/usb_context.hpp"

namespace kiosk::devices {

namespace {
// Input adapters change state on their own threads; reading it is an atomic load.
constexpr auto kInputProbeEvery = std::chrono::milliseconds(250);
// Four DLE EOT exchanges, well under a millisecond each on USB; a replugged
// printer is found again by the next one, and libusb's hotplug asks at once.
constexpr auto kReceiptProbeEvery = std::chrono::seconds(2);
// An IPP request to the local spooler.
constexpr auto kA4ProbeEvery = std::chrono::seconds(5);
} // namespace

KioskDevices::KioskDevices(EventQueue& events) : m_events(events), m_monitor(std::make_unique<DeviceMonitor>(events)) {}

KioskDevices::~KioskDevices()
{
    disableInput();
    m_monitor->stop();
}

Result<std::unique_ptr<KioskDevices>> KioskDevices::create(EventQueue& events, const LaunchOptions& options)
{
    std::unique_ptr<KioskDevices> devices(new KioskDevices(events));
    bool simulated = options.demo || options.scriptPath.has_value();
    KIOSK_TRY_VOID(simulated ? devices->buildSimulated(options) : devices->buildReal(options));
    KIOSK_TRY_VOID(devices->m_reader->open());
    devices->m_reader->enable();
    if (devices->m_scanner) {
        // A scanner that is not there yet is no reason not to start: the
        // adapter keeps trying, and the screens offer the card meanwhile.
        if (auto opened = devices->m_scanner->open(); !opened)
            logging::warning("scanner", opened.error().message + " (trying again)");
        devices->m_scanner->enable();
    }
    devices->watchAll();
    devices->m_monitor->start();
    return devices;
}

Result<void> KioskDevices::buildSimulated(const LaunchOptions& options)
{
    auto identities = loadSampleIdentities(options.assetsDir + "/demo/id_cards.tsv");
    if (!identities) return std::unexpected(identities.error());
    auto simulated = SimulatedDevices::create(m_events, std::move(*identities), options.simulatorOutput);
    if (!simulated) return std::unexpected(simulated.error());
    m_simulated = std::move(*simulated);
    m_reader = &m_simulated->reader();
    m_scanner = &m_simulated->scanner();
    m_receiptPrinter = &m_simulated->receiptPrinter();
    m_a4Printer = &m_simulated->a4Printer();
    return {};
}

Result<void> KioskDevices::buildReal(const LaunchOptions& options)
{
    auto context = usb::UsbContext::create();
    if (!context) return std::unexpected(context.error());
    m_usb = std::move(*context);
    // Hotplug (or the rescan where there is none) only pokes the monitor; the
    // adapters open devices on their own threads or on the next status poll.
    m_usb->watch([monitor = m_monitor.get()] { monitor->poke(); });

    m_ownedReader = idcard::makeUsbIdCardReader(m_events, *m_usb);
    m_reader = m_ownedReader.get();

    std::string scannerNode = options.scannerNode;
    if (scannerNode.empty()) scannerNode = hidpos::findHidPosNode().value_or("");
    if (scannerNode.starts_with("/dev/hidraw")) {
        m_ownedScanner = std::make_unique<hidpos::HidrawScanner>(m_events, scannerNode);
    } else if (!scannerNode.empty()) {
        // A keyboard-mode scanner on its own evdev node, grabbed so its keys never reach the UI.
        m_ownedScanner = std::make_unique<hidpos::EvdevWedgeScanner>(m_events, scannerNode);
    } else {
        logging::warning("scanner", "no HID POS scanner found; give its node with --scanner");
    }
    m_scanner = m_ownedScanner.get();

    if (options.receiptQueue.empty())
        m_ownedReceiptPrinter = std::make_unique<escpos::UsbReceiptPrinter>(*m_usb);
    else
        m_ownedReceiptPrinter = std::make_unique<CupsReceiptPrinter>(options.receiptQueue);
    m_receiptPrinter = m_ownedReceiptPrinter.get();

    if (!options.a4Destination.empty()) {
        m_ownedA4Printer = std::make_unique<CupsA4Printer>(options.a4Destination);
        m_a4Printer = m_ownedA4Printer.get();
    }
    return {};
}

void KioskDevices::watchAll()
{
    m_monitor->watch(DeviceRole::IdCardReader,
                     [reader = m_reader] { return reportFor(DeviceRole::IdCardReader, *reader); }, kInputProbeEvery);
    if (m_scanner)
        m_monitor->watch(DeviceRole::Scanner, [scanner = m_scanner] { return reportFor(DeviceRole::Scanner, *scanner); },
                         kInputProbeEvery);
    if (m_receiptPrinter)
        m_monitor->watch(DeviceRole::ReceiptPrinter,
                         [printer = m_receiptPrinter] {
                             return reportFor(DeviceRole::ReceiptPrinter, printer->queryStatus());
                         },
                         kReceiptProbeEvery);
    if (m_a4Printer)
        m_monitor->watch(DeviceRole::A4Printer,
                         [printer = m_a4Printer] { return reportFor(DeviceRole::A4Printer, printer->status()); },
                         kA4ProbeEvery);
}

void KioskDevices::disableInput()
{
    if (m_reader) m_reader->disable();
    if (m_scanner) m_scanner->disable();
}

} // namespace kiosk::devices
