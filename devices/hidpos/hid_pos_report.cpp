#include "hidpos/hid_pos_report.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::devices::hidpos {

namespace {

std::string hexByte(std::uint8_t value)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(value));
    return buffer;
}

// The identifier is three bytes meant to be ASCII ("]Q1"); anything else is
// shown as '?' so that it can be logged and compared safely.
std::string symbologyFrom(std::span<const std::uint8_t> bytes)
{
    std::size_t length = bytes.size();
    while (length > 0 && bytes[length - 1] == 0) --length;
    std::string out;
    for (std::size_t i = 0; i < length; ++i)
        out.push_back(bytes[i] >= 0x20 && bytes[i] < 0x7F ? static_cast<char>(bytes[i]) : '?');
    return out;
}

void addProblem(AssemblerOutput& out, const std::string& message)
{
    if (out.problem)
        out.problem->message += "; " + message;
    else
        out.problem = Error{message};
}

} // namespace

Result<ScanReport> parseScanReport(std::span<const std::uint8_t> report)
{
    if (report.empty()) return fail("empty HID report");
    if (report[0] != kScanReportId)
        return fail("report ID " + hexByte(report[0]) + " is not a scanned-data report (ID 0x02)");
    if (report.size() < kReportSize)
        return fail("scanned-data report is only " + std::to_string(report.size()) + " bytes; expected " +
                    std::to_string(kReportSize));
    if (report.size() > kReportSize)
        return fail("scanned-data report is " + std::to_string(report.size()) + " bytes, longer than the " +
                    std::to_string(kReportSize) + " its descriptor declares");
    std::size_t count = report[1];
    if (count > kMaxDataPerReport)
        return fail("byte count " + std::to_string(count) + " is larger than the " +
                    std::to_string(kMaxDataPerReport) + " data bytes a report holds");
    ScanReport out;
    out.symbology = symbologyFrom(report.subspan(2, 3));
    out.data.assign(reinterpret_cast<const char*>(report.data() + kDataOffset), count);
    out.codeId = report[61];
    out.flags = report[kFlagsOffset];
    return out;
}

std::array<std::uint8_t, kReportSize> encodeScanReport(std::string_view symbology, std::span<const std::uint8_t> data,
                                                       std::uint8_t flags)
{
    std::array<std::uint8_t, kReportSize> report{};
    report[0] = kScanReportId;
    std::size_t count = std::min(data.size(), kMaxDataPerReport);
    report[1] = static_cast<std::uint8_t>(count);
    for (std::size_t i = 0; i < 3 && i < symbology.size(); ++i) report[2 + i] = static_cast<std::uint8_t>(symbology[i]);
    std::copy_n(data.begin(), count, report.begin() + kDataOffset);
    report[kFlagsOffset] = flags;
    return report;
}

ScanAssembler::ScanAssembler(std::size_t maxPayload, std::chrono::milliseconds maxGap)
    : m_maxPayload(maxPayload), m_maxGap(maxGap)
{
}

void ScanAssembler::reset()
{
    m_state = State::Idle;
    m_symbology.clear();
    m_bytes.clear();
}

AssemblerOutput ScanAssembler::feed(std::span<const std::uint8_t> report, Clock::time_point at)
{
    AssemblerOutput out;
    // Reports of other IDs (vendor replies, attribute reports) may come
    // between scans; they say nothing about the code in progress.
    if (report.empty()) {
        addProblem(out, "empty HID report; ignored");
        return out;
    }
    if (report[0] != kScanReportId) {
        addProblem(out, "report ID " + hexByte(report[0]) + " is not a scanned-data report; ignored");
        return out;
    }

    if (m_state != State::Idle && at - m_lastReport > m_maxGap) {
        if (m_state == State::Collecting)
            addProblem(out, "the rest of a code never arrived; its first " + std::to_string(m_bytes.size()) +
                                " bytes were dropped");
        reset();
    }
    m_lastReport = at;

    auto parsed = parseScanReport(report);
    if (!parsed) {
        std::string message = parsed.error().message;
        if (m_state == State::Collecting)
            message += "; the unfinished code (" + std::to_string(m_bytes.size()) + " bytes) was dropped";
        reset();
        // A full-size report still has a trustworthy flags byte. A short one
        // does not, so whatever follows is skipped until a final report:
        // losing a scan (the patient scans again) is better than reading the
        // tail of a code as a code of its own.
        bool moreMayFollow = report.size() < kFlagsOffset + 1 || (report[kFlagsOffset] & kContinuedFlag) != 0;
        if (moreMayFollow) {
            m_state = State::Discarding;
            message += "; the rest of that code will be skipped";
        }
        addProblem(out, message);
        return out;
    }
    AssemblerOutput accepted = accept(*parsed);
    if (accepted.problem) addProblem(out, accepted.problem->message);
    out.scan = std::move(accepted.scan);
    return out;
}

AssemblerOutput ScanAssembler::accept(const ScanReport& report)
{
    AssemblerOutput out;
    if (m_state == State::Discarding) {
        if (!report.continued()) reset();
        return out;
    }
    // A report for another symbology cannot continue the code in progress:
    // the final report of that code was lost and a new code has begun.
    if (m_state == State::Collecting && !report.symbology.empty() && !m_symbology.empty() &&
        report.symbology != m_symbology) {
        addProblem(out, "a new code began before the previous one was finished; the unfinished code (" +
                            std::to_string(m_bytes.size()) + " bytes) was dropped");
        reset();
    }
    if (m_state == State::Idle) {
        m_symbology = report.symbology;
        m_bytes.clear();
    }
    if (m_bytes.size() + report.data.size() > m_maxPayload) {
        addProblem(out, "the code is longer than " + std::to_string(m_maxPayload) + " bytes; dropped");
        reset();
        if (report.continued()) m_state = State::Discarding;
        return out;
    }
    m_bytes += report.data;
    if (report.continued()) {
        m_state = State::Collecting;
        return out;
    }
    if (m_bytes.empty()) {
        addProblem(out, "an empty scanned-data report was ignored");
    } else {
        out.scan = ScanData{m_symbology, std::move(m_bytes)};
    }
    reset();
    return out;
}

std::array<std::uint8_t, 2> encodeTriggerReport(std::initializer_list<Trigger> bits)
{
    std::uint8_t value = 0;
    for (Trigger bit : bits) value |= static_cast<std::uint8_t>(bit);
    return {kTriggerReportId, value};
}

} // namespace kiosk::devices::hidpos
