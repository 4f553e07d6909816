#pragma once
// A receipt printer that exists only in software, on the far side of a byte
// channel: it answers DLE EOT status queries from its state, takes ESC/POS
// bytes, and at every cut draws the receipt to a PNG with the ESC/POS
// interpreter. The demo and the tests drive the real EscPosPrinter adapter
// against it, so the same code runs as with hardware. It can be told to run
// out of paper after some bytes, to have its cover open, or to be unplugged.
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "escpos/escpos_interpreter.hpp"
#include "usb/byte_channel.hpp"

namespace kiosk::devices {

struct SimulatedPrinterFaults {
    std::optional<std::size_t> paperOutAfter;  ///< Bytes of print data until the roll ends.
    bool paperNearEnd = false;
    bool coverOpen = false;
    bool unplugged = false;
};

class SimulatedEscPosDevice final : public ByteChannel {
public:
    /// Receipts are written to `outputDir` as receipt-N.png.
    static Result<std::unique_ptr<SimulatedEscPosDevice>> create(std::string outputDir,
                                                                 escpos::InterpreterOptions options = {});

    WriteOutcome write(std::span<const std::uint8_t> bytes, std::chrono::milliseconds timeout) override;
    Result<std::vector<std::uint8_t>> read(std::size_t maxBytes, std::chrono::milliseconds timeout) override;

    void setFaults(SimulatedPrinterFaults faults);
    SimulatedPrinterFaults faults() const;
    /// Paths of the receipts cut so far, oldest first.
    std::vector<std::string> receipts() const;
    /// Every print byte taken so far (status queries excluded).
    std::size_t bytesPrinted() const;
    /// What the QR codes on the last receipt cut hold, as a patient's phone or the kiosk's scanner would read them.
    std::vector<std::string> lastReceiptCodes() const;

private:
    SimulatedEscPosDevice(std::string outputDir, escpos::EscposInterpreter interpreter);
    bool paperOut() const;
    std::uint8_t statusByte(int query) const;
    void cutIfComplete();

    std::string m_outputDir;
    escpos::EscposInterpreter m_interpreter;
    mutable std::mutex m_mutex;
    SimulatedPrinterFaults m_faults;
    std::vector<std::uint8_t> m_job;      ///< Print data since the last cut.
    std::vector<std::uint8_t> m_replies;  ///< Status bytes waiting to be read.
    std::vector<std::string> m_receipts;
    std::vector<std::string> m_lastCodes;
    std::size_t m_printed = 0;
};

} // namespace kiosk::devices
