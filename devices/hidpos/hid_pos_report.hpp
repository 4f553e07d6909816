#pragma once
// USB HID POS (usage page 0x8C) scanner reports as Honeywell's firmware
// descriptor lays them out (devices.md §3.1). Pure codec: bytes in, values
// out; the hidraw transport reads 64-byte reports and feeds them here.
//
// Input report, ID 2, 64 bytes:
//   0      report ID (2)
//   1      byte count of decoded data in this report (0–56)
//   2–4    AIM symbology identifier, e.g. "]Q1" for QR Code
//   5–60   decoded data, 56 bytes, the first `count` of them meaningful
//   61–62  vendor "Code ID" and a spare byte
//   63     flags; bit 0 is Decode Data Continued: the next report carries more of this code
//
// Output report, ID 4, one byte of trigger and beep bits in the order the
// same descriptor declares them. Another vendor's descriptor may order them
// differently: the transport checks the descriptor before sending.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kiosk::devices::hidpos {

inline constexpr std::size_t kReportSize = 64;
inline constexpr std::uint8_t kScanReportId = 0x02;
inline constexpr std::uint8_t kTriggerReportId = 0x04;
inline constexpr std::size_t kMaxDataPerReport = 56;
inline constexpr std::size_t kDataOffset = 5;
inline constexpr std::size_t kFlagsOffset = 63;
inline constexpr std::uint8_t kContinuedFlag = 0x01;

/// One scanned-data report, checked and taken apart.
struct ScanReport {
    /// The AIM identifier with trailing NULs removed; bytes outside printable ASCII become '?'.
    std::string symbology;
    /// This report's share of the decoded data, raw bytes (untrusted, not yet checked as text).
    std::string data;
    std::uint8_t codeId = 0;
    std::uint8_t flags = 0;

    bool continued() const { return (flags & kContinuedFlag) != 0; }
};

/// Checks and takes apart one input report; the error names what is wrong (report ID, size, byte count).
Result<ScanReport> parseScanReport(std::span<const std::uint8_t> report);

/// Builds a report ID 2 as a scanner sends it; for tests, the simulator and the fuzz seeds.
std::array<std::uint8_t, kReportSize> encodeScanReport(std::string_view symbology, std::span<const std::uint8_t> data,
                                                       std::uint8_t flags);

/// A whole code, put together from one or more reports.
struct ScanData {
    std::string symbology;
    std::string bytes;
};

/// What one report led to. Both can be set: a report that cuts off an unfinished code drops the
/// unfinished one (problem) and may itself complete a new one (scan).
struct AssemblerOutput {
    std::optional<ScanData> scan;
    std::optional<Error> problem;
};

/// Joins continued reports into whole codes. Errors never leave it stuck: a
/// bad report drops the code it belonged to and the next good one is read.
class ScanAssembler {
public:
    using Clock = std::chrono::steady_clock;

    /// The scanner sends continued reports back to back (a few ms apart at its polling interval); a longer
    /// pause means the rest of the code was lost.
    static constexpr std::chrono::milliseconds kDefaultMaxGap{250};

    explicit ScanAssembler(std::size_t maxPayload = 1024, std::chrono::milliseconds maxGap = kDefaultMaxGap);

    /// Feeds one input report as read from the device at time `at`.
    AssemblerOutput feed(std::span<const std::uint8_t> report, Clock::time_point at);

    /// True while part of a code has arrived and the rest is awaited.
    bool pending() const { return m_state != State::Idle; }
    /// Forgets any unfinished code (the transport calls it when the device is reopened).
    void reset();

private:
    enum class State {
        Idle,       ///< Between codes.
        Collecting, ///< Part of a code is in m_bytes; more reports are expected.
        Discarding, ///< The code in progress was dropped; its remaining reports are skipped.
    };

    AssemblerOutput accept(const ScanReport& report);

    std::size_t m_maxPayload;
    std::chrono::milliseconds m_maxGap;
    State m_state = State::Idle;
    std::string m_symbology;
    std::string m_bytes;
    Clock::time_point m_lastReport{};
};

/// The output report's bits (Honeywell descriptor order: bit 1 Prevent Read 0x5F, bit 2 Initiate Read
/// 0x60, bit 5 Error Beep 0x85, bit 6 Good-Read Beep 0x86).
enum class Trigger : std::uint8_t {
    PreventRead = 0x02,
    InitiateRead = 0x04,
    ErrorBeep = 0x20,
    GoodReadBeep = 0x40,
};

/// Output report 4 with the given bits set: {0x04, bits}.
std::array<std::uint8_t, 2> encodeTriggerReport(std::initializer_list<Trigger> bits);

} // namespace kiosk::devices::hidpos
