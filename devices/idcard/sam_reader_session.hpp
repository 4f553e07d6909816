#pragma once
// The ID-card reader's conversation, over any byte channel: poll find-card,
// and when a card appears select it, read it and decode it. A card is read
// once per visit to the field (the reader cannot find it again until it
// leaves, and the kiosk must not read it twice), and its leaving is noticed.
#include <chrono>
#include <optional>
#include <variant>

#include "core/events.hpp"
#include "idcard/sam_frame.hpp"
#include "usb/byte_channel.hpp"

namespace kiosk::devices::idcard {

/// What one poll found: nothing new, a card read, a card gone, or a card
/// that could not be read (it must be taken away and put back).
using PollResult = std::variant<std::monostate, CardInserted, CardRemoved, CardReadFailed>;

class SamReaderSession {
public:
    explicit SamReaderSession(ByteChannel& channel, std::chrono::milliseconds timeout = std::chrono::milliseconds(1500));

    /// Sends one command frame and returns its decoded reply.
    Result<SamReply> transact(std::span<const std::uint8_t> command);
    /// Asks the SAM module whether it is working (11 FF → 90).
    Result<void> checkSam();
    /// One find-card poll, with the read that follows when a new card is there.
    /// An Error result means the transport failed (unplugged, timeout).
    Result<PollResult> poll();
    bool cardInField() const { return m_cardInField; }

private:
    /// Sends a command and returns the whole reply frame, however it arrives.
    Result<std::vector<std::uint8_t>> exchange(std::span<const std::uint8_t> command);

    ByteChannel& m_channel;
    std::chrono::milliseconds m_timeout;
    FrameAssembler m_assembler;
    bool m_cardInField = false;
};

} // namespace kiosk::devices::idcard
