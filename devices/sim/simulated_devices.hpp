#pragma once
// The four simulated devices the demo and the UI scenarios run on, built
// together, and the one place that knows how to break them on purpose: a
// scenario line ("device printer paper-out") and a demo hotkey go through
// control(), so both can produce every fault the flows must handle.
#include <memory>
#include <string>
#include <vector>

#include "core/event_queue.hpp"
#include "escpos/escpos_printer.hpp"
#include "sim/sample_identities.hpp"
#include "sim/simulated_a4_printer.hpp"
#include "sim/simulated_escpos_device.hpp"
#include "sim/simulated_id_card_reader.hpp"
#include "sim/simulated_scanner.hpp"

namespace kiosk::devices {

class SimulatedDevices {
public:
    /// Receipts go to `outputDir`/receipts, reports to `outputDir`/reports.
    static Result<std::unique_ptr<SimulatedDevices>> create(EventQueue& events, std::vector<SampleIdentity> identities,
                                                            const std::string& outputDir);

    SimulatedIdCardReader& reader() { return m_reader; }
    SimulatedScanner& scanner() { return m_scanner; }
    ReceiptPrinter& receiptPrinter() { return *m_receiptPrinter; }
    SimulatedEscPosDevice& receiptDevice() { return *m_receiptDevice; }
    SimulatedA4Printer& a4Printer() { return *m_a4; }

    /// "DEVICE STATE [N]" — reader|scanner: unplug, plug; printer: ok, paper-near-end, paper-out,
    /// paper-out-after N (bytes), cover-open, unplug, plug; a4: ok, media-empty, jam, offline,
    /// toner-low, unreachable, abort-next. Returns what was done, or why the command is not understood.
    Result<std::string> control(const std::string& command);
    /// The demo's hotkeys: the next receipt-printer / A4-printer fault in a fixed cycle back to OK.
    std::string cycleReceiptPrinter();
    std::string cycleA4Printer();
    /// Unplugs the reader if it is in, plugs it back if not; the same for the scanner.
    std::string toggleReader();
    std::string toggleScanner();

    static std::string usage();

private:
    SimulatedDevices(EventQueue& events, std::vector<SampleIdentity> identities,
                     std::unique_ptr<SimulatedEscPosDevice> receiptDevice, std::unique_ptr<SimulatedA4Printer> a4);

    SimulatedIdCardReader m_reader;
    SimulatedScanner m_scanner;
    std::unique_ptr<SimulatedEscPosDevice> m_receiptDevice;
    std::unique_ptr<escpos::EscPosPrinter> m_receiptPrinter;
    std::unique_ptr<SimulatedA4Printer> m_a4;
    int m_receiptCycle = 0;
    int m_a4Cycle = 0;
    bool m_readerUnplugged = false;
    bool m_scannerUnplugged = false;
};

} // namespace kiosk::devices
