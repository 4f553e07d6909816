#pragma once
// What an ESC/POS printer says about itself: the one-byte replies to the
// real-time requests DLE EOT 1–4, and the four-byte Automatic Status Back
// blocks (GS a) it sends by itself. Pure decoding; the transport asks and reads.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "device/device_status.hpp"

namespace kiosk::devices::escpos {

/// DLE EOT n: which status a real-time request asks for.
enum class StatusQuery : std::uint8_t { Printer = 1, OfflineCause = 2, ErrorCause = 3, RollPaper = 4 };

/// One reply byte and the request it answers.
struct StatusReply {
    StatusQuery query = StatusQuery::Printer;
    std::uint8_t value = 0;
};

/// The printer's status plus the bits that PrinterStatus has no place for.
struct StatusDetail {
    PrinterStatus status;
    bool drawerPinHigh = false;
    bool waitingForOnlineRecovery = false;
    bool paperFedByButton = false;
    bool stoppedByPaperEnd = false;
    bool errorOccurred = false;

    friend bool operator==(const StatusDetail&, const StatusDetail&) = default;
};

/// Every DLE EOT reply byte has the form 0xx1xx10.
constexpr bool isRealTimeStatusByte(std::uint8_t b)
{
    return (b & 0x93) == 0x12;
}

/// The first byte of an ASB block has the form 0xx1xx00: low bits tell it from a DLE EOT reply.
constexpr bool isAsbFirstByte(std::uint8_t b)
{
    return (b & 0x93) == 0x10;
}

/// Merges the replies into one status. Requests not asked leave their part
/// Unknown (power without n = 1, paper without n = 4 or a paper-end stop).
/// An invalid byte is an error that names the byte and the request.
Result<StatusDetail> decodeStatusReplies(std::span<const StatusReply> replies);

/// The replies to DLE EOT 1, 2, 3, 4 in that order; fewer are allowed.
Result<StatusDetail> decodeStatusReplies(std::span<const std::uint8_t> repliesInOrder);

/// The meaning of each bit set in a valid reply ("offline", "cover open"…);
/// an empty list means all clear.
std::vector<std::string> describeStatusReply(StatusReply reply);

/// Decodes one Automatic Status Back block.
Result<StatusDetail> decodeAsbBlock(std::span<const std::uint8_t, 4> block);

/// A reply byte found in the printer's input stream.
struct RealTimeReply {
    std::uint8_t value = 0;
};

/// An Automatic Status Back block found in the printer's input stream.
struct AsbBlock {
    std::array<std::uint8_t, 4> bytes{};
    StatusDetail detail;
};

using InboundMessage = std::variant<RealTimeReply, AsbBlock>;

struct InboundMessages {
    std::vector<InboundMessage> messages;  ///< In the order they arrived.
    std::size_t consumed = 0;             ///< Bytes used; an ASB block cut short stays for the next read.
};

/// Separates DLE EOT replies from ASB blocks in bytes read from the printer.
/// A byte that is neither is an error naming the byte and its offset.
Result<InboundMessages> splitInbound(std::span<const std::uint8_t> bytes);

}  // namespace kiosk::devices::escpos
