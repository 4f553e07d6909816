#include "escpos/escpos_status.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::devices::escpos {

namespace {

constexpr std::uint8_t kBit2 = 0x04;
constexpr std::uint8_t kBit3 = 0x08;
constexpr std::uint8_t kBit5 = 0x20;
constexpr std::uint8_t kBit6 = 0x40;
constexpr std::uint8_t kNearEnd = kBit2 | kBit3;
constexpr std::uint8_t kPaperEnd = kBit5 | kBit6;

std::string hexByte(std::uint8_t b)
{
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", b);
    return text;
}

int severity(PaperState p)
{
    switch (p) {
    case PaperState::Unknown: return 0;
    case PaperState::Ok: return 1;
    case PaperState::NearEnd: return 2;
    case PaperState::Empty: return 3;
    }
    return 0;
}

// Replies may disagree (paper refilled between two requests); the worse
// reading wins, because taking money for a slip that cannot print is worse
// than asking the patient to go to the window.
void worsenPaper(PrinterStatus& s, PaperState p)
{
    if (severity(p) > severity(s.paper)) s.paper = p;
}

void worsenPower(PrinterStatus& s, PowerState p)
{
    if (s.power != PowerState::Offline) s.power = p;
}

// Both bits of a pair come from one sensor; one set bit is already that
// sensor speaking, so either counts (Odoo reads it the same way).
PaperState paperFromRollStatus(std::uint8_t b)
{
    if (b & kPaperEnd) return PaperState::Empty;
    if (b & kNearEnd) return PaperState::NearEnd;
    return PaperState::Ok;
}

void apply(StatusDetail& d, StatusReply reply)
{
    std::uint8_t b = reply.value;
    PrinterStatus& s = d.status;
    switch (reply.query) {
    case StatusQuery::Printer:
        d.drawerPinHigh |= (b & kBit2) != 0;
        worsenPower(s, (b & kBit3) ? PowerState::Offline : PowerState::Online);
        d.waitingForOnlineRecovery |= (b & kBit5) != 0;
        s.paperFeedButton |= (b & kBit6) != 0;
        break;
    case StatusQuery::OfflineCause:
        s.coverOpen |= (b & kBit2) != 0;
        d.paperFedByButton |= (b & kBit3) != 0;
        d.stoppedByPaperEnd |= (b & kBit5) != 0;
        if (b & kBit5) worsenPaper(s, PaperState::Empty);
        d.errorOccurred |= (b & kBit6) != 0;
        break;
    case StatusQuery::ErrorCause:
        s.recoverableError |= (b & kBit2) != 0;
        s.cutterError |= (b & kBit3) != 0;
        s.unrecoverableError |= (b & kBit5) != 0;
        // Bit 6 set means an auto-recoverable error (e.g. head too hot) is
        // present. Odoo's driver reads it inverted; this one does not.
        s.autoRecoverableError |= (b & kBit6) != 0;
        break;
    case StatusQuery::RollPaper: worsenPaper(s, paperFromRollStatus(b)); break;
    }
}

}  // namespace

Result<StatusDetail> decodeStatusReplies(std::span<const StatusReply> replies)
{
    StatusDetail detail;
    for (const StatusReply& reply : replies) {
        auto n = static_cast<int>(reply.query);
        if (n < 1 || n > 4) return fail("DLE EOT " + std::to_string(n) + " is not a status request (n is 1–4)");
        if (!isRealTimeStatusByte(reply.value))
            return fail("reply " + hexByte(reply.value) + " to DLE EOT " + std::to_string(n) +
                        " is not a status byte (every reply has the form 0xx1xx10)");
        apply(detail, reply);
    }
    return detail;
}

Result<StatusDetail> decodeStatusReplies(std::span<const std::uint8_t> repliesInOrder)
{
    if (repliesInOrder.size() > 4)
        return fail("at most four replies (to DLE EOT 1, 2, 3, 4), got " + std::to_string(repliesInOrder.size()));
    std::vector<StatusReply> replies;
    for (std::size_t i = 0; i < repliesInOrder.size(); ++i)
        replies.push_back({static_cast<StatusQuery>(i + 1), repliesInOrder[i]});
    return decodeStatusReplies(replies);
}

std::vector<std::string> describeStatusReply(StatusReply reply)
{
    static constexpr const char* kMeanings[4][4] = {
        {"drawer pin 3 high", "offline", "waiting for online recovery", "feed button pressed"},
        {"cover open", "paper being fed by the feed button", "stopped by paper end", "error occurred"},
        {"recoverable error", "autocutter error", "unrecoverable error", "auto-recoverable error"},
        {"paper near end", "paper near end", "paper end", "paper end"},
    };
    static constexpr std::uint8_t kBits[4] = {kBit2, kBit3, kBit5, kBit6};
    std::vector<std::string> out;
    auto n = static_cast<int>(reply.query);
    if (n < 1 || n > 4) return out;
    for (int i = 0; i < 4; ++i) {
        if (!(reply.value & kBits[i])) continue;
        std::string meaning = kMeanings[n - 1][i];
        // n = 4 reports each sensor on two bits; name it once.
        if (std::find(out.begin(), out.end(), meaning) == out.end()) out.push_back(meaning);
    }
    return out;
}

Result<StatusDetail> decodeAsbBlock(std::span<const std::uint8_t, 4> block)
{
    if (!isAsbFirstByte(block[0]))
        return fail("ASB block starts with " + hexByte(block[0]) + ", not a byte of the form 0xx1xx00");
    StatusDetail d;
    PrinterStatus& s = d.status;
    std::uint8_t b1 = block[0], b2 = block[1], b3 = block[2];
    d.drawerPinHigh = (b1 & kBit2) != 0;
    s.power = (b1 & kBit3) ? PowerState::Offline : PowerState::Online;
    s.coverOpen = (b1 & kBit5) != 0;
    s.paperFeedButton = (b1 & kBit6) != 0;
    // Byte 2 carries the error causes on the same bits as DLE EOT 3. Bit 1 is
    // left alone: Epson's manuals (TM-L60II, TM-U220) call it undefined.
    d.waitingForOnlineRecovery = (b2 & 0x01) != 0;
    s.recoverableError = (b2 & kBit2) != 0;
    s.cutterError = (b2 & kBit3) != 0;
    s.unrecoverableError = (b2 & kBit5) != 0;
    s.autoRecoverableError = (b2 & kBit6) != 0;
    s.paper = (b3 & 0x0C) ? PaperState::Empty : (b3 & 0x03) ? PaperState::NearEnd : PaperState::Ok;
    return d;
}

Result<InboundMessages> splitInbound(std::span<const std::uint8_t> bytes)
{
    InboundMessages out;
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::uint8_t b = bytes[i];
        if (isRealTimeStatusByte(b)) {
            out.messages.push_back(RealTimeReply{b});
            ++i;
        } else if (isAsbFirstByte(b)) {
            if (bytes.size() - i < 4) break;  // the rest of the block is still on its way
            AsbBlock block;
            std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(i), 4, block.bytes.begin());
            block.detail = *decodeAsbBlock(block.bytes);  // cannot fail: the first byte was checked
            out.messages.push_back(block);
            i += 4;
        } else {
            return fail("byte " + hexByte(b) + " at offset " + std::to_string(i) +
                        " is neither a DLE EOT reply (0xx1xx10) nor the start of an ASB block (0xx1xx00)");
        }
    }
    out.consumed = i;
    return out;
}

}  // namespace kiosk::devices::escpos
