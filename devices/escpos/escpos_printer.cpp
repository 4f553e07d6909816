#include "escpos/escpos_printer.hpp"

#include <optional>
#include <vector>

#include "escpos/escpos_status.hpp"

namespace kiosk::devices::escpos {

namespace {
// Printers take data in bursts; sending in slices lets a paper end stop the
// job near where it happened and be reported with the byte count.
constexpr std::size_t kSlice = 1024;
} // namespace

EscPosPrinter::EscPosPrinter(ByteChannel& channel, std::string name, EncoderOptions options,
                             std::chrono::milliseconds timeout)
    : m_channel(channel), m_name(std::move(name)), m_options(options), m_timeout(timeout)
{
}

Result<PrinterStatus> EscPosPrinter::queryStatus()
{
    std::lock_guard lock(m_mutex);
    return queryStatusLocked();
}

Result<PrinterStatus> EscPosPrinter::queryStatusLocked()
{
    std::vector<StatusReply> replies;
    for (StatusQuery query :
         {StatusQuery::Printer, StatusQuery::OfflineCause, StatusQuery::ErrorCause, StatusQuery::RollPaper}) {
        auto command = encodeStatusQuery(query);
        WriteOutcome written = m_channel.write(command, m_timeout);
        if (!written.complete()) return fail(m_name + " does not take a status query: " + written.error);
        // Automatic Status Back blocks may arrive in between: keep the
        // real-time byte, which is what was asked for.
        std::optional<std::uint8_t> value;
        auto deadline = std::chrono::steady_clock::now() + m_timeout;
        while (!value) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            auto bytes = m_channel.read(64, left);
            if (!bytes) return std::unexpected(bytes.error());
            if (bytes->empty()) break;
            for (std::uint8_t b : *bytes)
                if (isRealTimeStatusByte(b)) value = b;
        }
        if (!value)
            return fail(m_name + " did not answer the status query DLE EOT " +
                        std::to_string(static_cast<int>(query)) + " (offline, or a one-way link)");
        replies.push_back(StatusReply{query, *value});
    }
    auto detail = decodeStatusReplies(std::span<const StatusReply>(replies));
    if (!detail) return std::unexpected(detail.error());
    return detail->status;
}

PrintOutcome EscPosPrinter::print(const ReceiptDocument& document)
{
    std::lock_guard lock(m_mutex);
    PrintOutcome outcome;
    auto encoded = encodeReceipt(document, m_options);
    if (!encoded) {
        outcome.error = "the receipt cannot be encoded: " + encoded.error().message;
        return outcome;
    }
    outcome.bytesTotal = encoded->bytes.size();

    auto before = queryStatusLocked();
    if (!before) {
        outcome.error = before.error().message;
        return outcome;
    }
    outcome.statusBefore = *before;
    if (!before->readyToPrint()) {
        outcome.error = m_name + " is not ready: " + kiosk::describe(*before);
        return outcome;
    }

    std::span<const std::uint8_t> bytes(encoded->bytes);
    while (outcome.bytesSent < bytes.size()) {
        auto slice = bytes.subspan(outcome.bytesSent, std::min(kSlice, bytes.size() - outcome.bytesSent));
        WriteOutcome written = m_channel.write(slice, m_timeout);
        outcome.bytesSent += written.sent;
        if (!written.complete()) {
            outcome.error = m_name + " stopped taking data after " + std::to_string(outcome.bytesSent) + " of " +
                            std::to_string(outcome.bytesTotal) + " bytes (" + written.error + ")";
            break;
        }
    }
    // Asked after the job whatever happened: the answer says why it stopped,
    // or whether a job that went out whole ran into paper end.
    auto after = queryStatusLocked();
    if (after) outcome.statusAfter = *after;
    if (!outcome.error.empty()) {
        if (after) outcome.error += "; the printer reports " + kiosk::describe(*after);
        return outcome;
    }
    if (!after) {
        outcome.error = "sent, but the printer's state afterwards is unknown: " + after.error().message;
        return outcome;
    }
    if (after->paper == PaperState::Empty || after->coverOpen || after->power != PowerState::Online ||
        after->cutterError || after->unrecoverableError || after->jammed) {
        outcome.error = "sent, but the printer then reported " + kiosk::describe(*after) + ": the receipt may be incomplete";
        return outcome;
    }
    outcome.printed = true;
    return outcome;
}

} // namespace kiosk::devices::escpos
