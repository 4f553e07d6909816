#include "sim/simulated_devices.hpp"

#include <charconv>
#include <sstream>

namespace kiosk::devices {

namespace {
constexpr const char* kReceiptCycle[] = {"ok", "paper-near-end", "paper-out", "cover-open", "unplug"};
constexpr const char* kA4Cycle[] = {"ok", "media-empty", "jam", "offline", "unreachable"};

Result<std::size_t> parseBytes(const std::string& word)
{
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), n);
    if (ec != std::errc{} || end != word.data() + word.size()) return fail("'" + word + "' is not a number of bytes");
    return n;
}
} // namespace

Result<std::unique_ptr<SimulatedDevices>> SimulatedDevices::create(EventQueue& events,
                                                                   std::vector<SampleIdentity> identities,
                                                                   const std::string& outputDir)
{
    auto receipt = SimulatedEscPosDevice::create(outputDir + "/receipts");
    if (!receipt) return std::unexpected(receipt.error());
    auto a4 = SimulatedA4Printer::create(outputDir + "/reports");
    if (!a4) return std::unexpected(a4.error());
    return std::unique_ptr<SimulatedDevices>(
        new SimulatedDevices(events, std::move(identities), std::move(*receipt), std::move(*a4)));
}

SimulatedDevices::SimulatedDevices(EventQueue& events, std::vector<SampleIdentity> identities,
                                   std::unique_ptr<SimulatedEscPosDevice> receiptDevice,
                                   std::unique_ptr<SimulatedA4Printer> a4)
    : m_reader(events, std::move(identities)), m_scanner(events), m_receiptDevice(std::move(receiptDevice)),
      m_receiptPrinter(std::make_unique<escpos::EscPosPrinter>(*m_receiptDevice, "simulated receipt printer")),
      m_a4(std::move(a4))
{
}

std::string SimulatedDevices::usage()
{
    return "reader unplug|plug; scanner unplug|plug; printer ok|paper-near-end|paper-out|paper-out-after N|"
           "cover-open|unplug|plug; a4 ok|media-empty|jam|offline|toner-low|unreachable|abort-next";
}

Result<std::string> SimulatedDevices::control(const std::string& command)
{
    std::istringstream words(command);
    std::string device, state, number, extra;
    words >> device >> state >> number >> extra;
    auto unknown = [&] { return fail("'" + command + "' is not a device command (" + usage() + ")"); };
    if (!extra.empty() || (!number.empty() && state != "paper-out-after")) return unknown();

    if (device == "reader" || device == "scanner") {
        bool reader = device == "reader";
        if (state == "unplug") reader ? m_reader.unplug() : m_scanner.unplug();
        else if (state == "plug") reader ? m_reader.plugIn() : m_scanner.plugIn();
        else return unknown();
        (reader ? m_readerUnplugged : m_scannerUnplugged) = state == "unplug";
        return device + " " + state;
    }
    if (device == "printer") {
        SimulatedPrinterFaults f = m_receiptDevice->faults();
        if (state == "ok") f = {};
        else if (state == "paper-near-end") f.paperNearEnd = true;
        else if (state == "paper-out") f.paperOutAfter = 0;
        else if (state == "paper-out-after") {
            if (number.empty()) return fail("paper-out-after needs the number of bytes the roll still holds");
            auto n = parseBytes(number);
            if (!n) return std::unexpected(n.error());
            f.paperOutAfter = m_receiptDevice->bytesPrinted() + *n;
        } else if (state == "cover-open") f.coverOpen = true;
        else if (state == "unplug") f.unplugged = true;
        else if (state == "plug") f.unplugged = false;
        else return unknown();
        m_receiptDevice->setFaults(f);
        return "receipt printer " + state + (number.empty() ? "" : " " + number);
    }
    if (device == "a4") {
        SimulatedA4Faults f = m_a4->faults();
        if (state == "ok") f = {};
        else if (state == "media-empty") f.mediaEmpty = true;
        else if (state == "jam") f.jammed = true;
        else if (state == "offline") f.offline = true;
        else if (state == "toner-low") f.tonerLow = true;
        else if (state == "unreachable") f.unreachable = true;
        else if (state == "abort-next") f.abortNextJob = true;
        else return unknown();
        m_a4->setFaults(f);
        return "A4 printer " + state;
    }
    return unknown();
}

std::string SimulatedDevices::cycleReceiptPrinter()
{
    m_receiptCycle = (m_receiptCycle + 1) % static_cast<int>(std::size(kReceiptCycle));
    (void)control("printer ok");
    return *control(std::string("printer ") + kReceiptCycle[m_receiptCycle]);
}

std::string SimulatedDevices::cycleA4Printer()
{
    m_a4Cycle = (m_a4Cycle + 1) % static_cast<int>(std::size(kA4Cycle));
    (void)control("a4 ok");
    return *control(std::string("a4 ") + kA4Cycle[m_a4Cycle]);
}

std::string SimulatedDevices::toggleReader() { return *control(m_readerUnplugged ? "reader plug" : "reader unplug"); }

std::string SimulatedDevices::toggleScanner() { return *control(m_scannerUnplugged ? "scanner plug" : "scanner unplug"); }

} // namespace kiosk::devices
