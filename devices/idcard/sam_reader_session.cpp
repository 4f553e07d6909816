#include "idcard/sam_reader_session.hpp"

#include "idcard/hex_text.hpp"
#include "idcard/id_text_block.hpp"

namespace kiosk::devices::idcard {

namespace {
// Replies come in 64-byte packets; asking for a large transfer lets a full
// read reply (1295 bytes) arrive in one call, ending at its short packet.
constexpr std::size_t kReadChunk = 4096;

std::string sw3Text(std::uint8_t sw3) { return formatByte(sw3) + " " + std::string(sw3Meaning(sw3)); }
} // namespace

SamReaderSession::SamReaderSession(ByteChannel& channel, std::chrono::milliseconds timeout)
    : m_channel(channel), m_timeout(timeout)
{
}

Result<std::vector<std::uint8_t>> SamReaderSession::exchange(std::span<const std::uint8_t> command)
{
    m_assembler.reset();
    WriteOutcome written = m_channel.write(command, m_timeout);
    if (!written.complete()) return fail("the ID-card reader did not take the command: " + written.error);
    auto deadline = std::chrono::steady_clock::now() + m_timeout;
    for (;;) {
        auto frame = m_assembler.next();
        if (!frame) return std::unexpected(frame.error());
        if (*frame) return std::move(**frame);
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return fail("the ID-card reader did not answer in time (" + std::to_string(m_assembler.buffered()) +
                        " bytes of a reply arrived)");
        auto bytes = m_channel.read(kReadChunk, left);
        if (!bytes) return std::unexpected(bytes.error());
        m_assembler.feed(*bytes);
    }
}

Result<SamReply> SamReaderSession::transact(std::span<const std::uint8_t> command)
{
    auto frame = KIOSK_TRY(exchange(command));
    return decodeReply(frame);
}

Result<void> SamReaderSession::checkSam()
{
    auto reply = KIOSK_TRY(transact(readSamStatusCommand()));
    if (classifySw3(reply.sw3) != Sw3Class::Success) return fail("the reader's SAM module reports " + sw3Text(reply.sw3));
    return {};
}

Result<PollResult> SamReaderSession::poll()
{
    auto found = KIOSK_TRY(transact(findCardCommand()));
    Sw3Class cls = classifySw3(found.sw3);
    if (cls == Sw3Class::NoCard) {
        // These readers find a card only once per visit to the field, so after a
        // read "no card" means "gone, or still resting but spent": either way the
        // next find is a new presentation, which is what the kiosk needs to know.
        if (!m_cardInField) return PollResult{};
        m_cardInField = false;
        return PollResult{CardRemoved{}};
    }
    if (cls != Sw3Class::CardFound) return fail("find-card failed: " + sw3Text(found.sw3));
    if (m_cardInField) return PollResult{};  // the same card, still lying on the reader
    m_cardInField = true;

    // From here on a failure is the card's (pulled away mid-read, damaged):
    // the patient is asked to take it off and put it back.
    auto selected = transact(selectCardCommand());
    if (!selected) return PollResult{CardReadFailed{"select: " + selected.error().message}};
    if (classifySw3(selected->sw3) != Sw3Class::Success)
        return PollResult{CardReadFailed{"select: " + sw3Text(selected->sw3)}};

    auto frame = exchange(readTextAndPhotoCommand());
    if (!frame) return PollResult{CardReadFailed{"read: " + frame.error().message}};
    auto card = decodeReadResponse(*frame);
    if (!card) return PollResult{CardReadFailed{card.error().message}};
    return PollResult{CardInserted{std::move(*card)}};
}

} // namespace kiosk::devices::idcard
