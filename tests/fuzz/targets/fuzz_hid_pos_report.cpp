// HID POS reports come from a USB device, which may be faulty or hostile.
// The input is read as a script of reports: each starts with a control byte
// that picks a well-formed report (through the encoder), a raw 64-byte
// report, or a raw report of any length, and how long after the previous one
// it arrives. The assembler must never crash, never deliver more than its
// bound or an empty code, and always recover for a good report afterwards.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "hidpos/hid_pos_report.hpp"
#include "scan/scan_classifier.hpp"

namespace {

using namespace kiosk::devices::hidpos;

void check(bool condition)
{
    if (!condition) std::abort();
}

struct Reader {
    const std::uint8_t* data;
    std::size_t size;
    std::size_t at = 0;

    bool done() const { return at >= size; }
    std::uint8_t byte() { return at < size ? data[at++] : 0; }
    std::vector<std::uint8_t> bytes(std::size_t n)
    {
        std::vector<std::uint8_t> out;
        while (n-- > 0 && at < size) out.push_back(data[at++]);
        return out;
    }
};

constexpr std::size_t kBound = 300;

void checkScan(const AssemblerOutput& out)
{
    if (!out.scan) return;
    check(!out.scan->bytes.empty());
    check(out.scan->bytes.size() <= kBound);
    check(out.scan->symbology.size() <= 3);
    (void)kiosk::classifyScan(out.scan->bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    (void)parseScanReport(std::span(data, size));

    ScanAssembler assembler(kBound, std::chrono::milliseconds(250));
    Reader in{data, size};
    ScanAssembler::Clock::time_point now{};
    while (!in.done()) {
        std::uint8_t control = in.byte();
        now += std::chrono::milliseconds((control >> 3) * 10);
        std::vector<std::uint8_t> report;
        switch (control & 3) {
        case 0: {  // well formed, through the encoder, and checked to round-trip
            std::size_t count = in.byte() % (kMaxDataPerReport + 8);
            std::uint8_t flags = in.byte();
            auto symbology = in.bytes(3);
            auto payload = in.bytes(count);
            std::string_view sym(reinterpret_cast<const char*>(symbology.data()), symbology.size());
            auto encoded = encodeScanReport(sym, payload, flags);
            auto parsed = parseScanReport(encoded);
            check(parsed.has_value());
            check(parsed->data.size() == std::min(payload.size(), kMaxDataPerReport));
            check(parsed->continued() == ((flags & kContinuedFlag) != 0));
            report.assign(encoded.begin(), encoded.end());
            break;
        }
        case 1:  // raw 64 bytes, usually claiming to be a scan report
            report = in.bytes(kReportSize);
            if (!report.empty() && (control & 4)) report[0] = kScanReportId;
            break;
        default:  // raw, any length up to 255
            report = in.bytes(in.byte());
            break;
        }
        checkScan(assembler.feed(report, now));
    }

    // Whatever came before, a good code read after a pause gets through.
    std::array<std::uint8_t, 4> good{'G', 'O', 'O', 'D'};
    auto out = assembler.feed(encodeScanReport("]Q1", good, 0), now + std::chrono::seconds(1));
    check(out.scan.has_value() && out.scan->bytes == "GOOD");
    return 0;
}
