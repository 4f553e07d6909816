#include "sim/simulated_escpos_device.hpp"

#include <algorithm>
#include <filesystem>

#include "escpos/paper_image.hpp"

namespace kiosk::devices {

namespace {
bool isStatusQuery(std::span<const std::uint8_t> b)
{
    return b.size() == 3 && b[0] == 0x10 && b[1] == 0x04 && b[2] >= 1 && b[2] <= 4;
}

bool containsCut(std::span<const std::uint8_t> b)
{
    for (std::size_t i = 0; i + 1 < b.size(); ++i)
        if (b[i] == 0x1D && b[i + 1] == 0x56) return true;
    return false;
}
} // namespace

Result<std::unique_ptr<SimulatedEscPosDevice>> SimulatedEscPosDevice::create(std::string outputDir,
                                                                             escpos::InterpreterOptions options)
{
    std::error_code ec;
    std::filesystem::create_directories(outputDir, ec);
    if (ec) return fail("cannot create the simulated printer's folder " + outputDir + ": " + ec.message());
    auto interpreter = escpos::EscposInterpreter::open(std::move(options));
    if (!interpreter) return std::unexpected(interpreter.error());
    return std::unique_ptr<SimulatedEscPosDevice>(
        new SimulatedEscPosDevice(std::move(outputDir), std::move(*interpreter)));
}

SimulatedEscPosDevice::SimulatedEscPosDevice(std::string outputDir, escpos::EscposInterpreter interpreter)
    : m_outputDir(std::move(outputDir)), m_interpreter(std::move(interpreter))
{
}

void SimulatedEscPosDevice::setFaults(SimulatedPrinterFaults faults)
{
    std::lock_guard lock(m_mutex);
    m_faults = faults;
}

SimulatedPrinterFaults SimulatedEscPosDevice::faults() const
{
    std::lock_guard lock(m_mutex);
    return m_faults;
}

std::vector<std::string> SimulatedEscPosDevice::receipts() const
{
    std::lock_guard lock(m_mutex);
    return m_receipts;
}

std::size_t SimulatedEscPosDevice::bytesPrinted() const
{
    std::lock_guard lock(m_mutex);
    return m_printed;
}

bool SimulatedEscPosDevice::paperOut() const { return m_faults.paperOutAfter && m_printed >= *m_faults.paperOutAfter; }

std::uint8_t SimulatedEscPosDevice::statusByte(int query) const
{
    // Every reply has the fixed bits 0x12 (devices.md §2.2).
    bool offline = m_faults.coverOpen || paperOut();
    switch (query) {
    case 1: return static_cast<std::uint8_t>(0x12 | (offline ? 0x08 : 0));
    case 2: return static_cast<std::uint8_t>(0x12 | (m_faults.coverOpen ? 0x04 : 0) | (paperOut() ? 0x20 : 0));
    case 3: return 0x12;
    default:
        return static_cast<std::uint8_t>(0x12 | (m_faults.paperNearEnd ? 0x0C : 0) | (paperOut() ? 0x60 : 0));
    }
}

WriteOutcome SimulatedEscPosDevice::write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds)
{
    std::lock_guard lock(m_mutex);
    if (m_faults.unplugged) return {0, bytes.size(), false, "no device (the simulated printer is unplugged)"};
    if (isStatusQuery(bytes)) {
        m_replies.push_back(statusByte(bytes[2]));
        return {bytes.size(), bytes.size(), false, {}};
    }
    // Offline (cover open, out of paper), a printer takes nothing more and the
    // host's write times out, as on USB.
    std::size_t room = bytes.size();
    if (m_faults.coverOpen) room = 0;
    if (m_faults.paperOutAfter) room = std::min(room, *m_faults.paperOutAfter - std::min(m_printed, *m_faults.paperOutAfter));
    m_job.insert(m_job.end(), bytes.begin(), bytes.begin() + static_cast<long>(room));
    m_printed += room;
    if (containsCut(bytes.first(room))) cutIfComplete();
    if (room < bytes.size()) return {room, bytes.size(), true, "the device stopped accepting data (timeout)"};
    return {room, bytes.size(), false, {}};
}

Result<std::vector<std::uint8_t>> SimulatedEscPosDevice::read(std::size_t maxBytes, std::chrono::milliseconds)
{
    std::lock_guard lock(m_mutex);
    if (m_faults.unplugged) return fail("no device (the simulated printer is unplugged)");
    std::size_t n = std::min(maxBytes, m_replies.size());
    std::vector<std::uint8_t> out(m_replies.begin(), m_replies.begin() + static_cast<long>(n));
    m_replies.erase(m_replies.begin(), m_replies.begin() + static_cast<long>(n));
    return out;
}

void SimulatedEscPosDevice::cutIfComplete()
{
    escpos::Rendering rendering = m_interpreter.render(m_job);
    std::string path = m_outputDir + "/receipt-" + std::to_string(m_receipts.size() + 1) + ".png";
    if (escpos::writePng(rendering.paper, path)) m_receipts.push_back(path);
    m_lastCodes = rendering.qrCodes;
    m_job.clear();
}

std::vector<std::string> SimulatedEscPosDevice::lastReceiptCodes() const
{
    std::lock_guard lock(m_mutex);
    return m_lastCodes;
}

} // namespace kiosk::devices
