#pragma once
// The SAM_A (GA 467) frame codec for second-generation ID-card readers: bytes
// in, values out, no I/O. Both directions share one shape:
//   AA AA AA 96 69 · LEN_H LEN_L · body · CHK
// where LEN counts the body and CHK, and CHK is the XOR of LEN_H through the
// last body byte. A host frame's body is CMD PARA [data]; a reply's body is
// SW1 SW2 SW3 [data]. The USB transport sits on top of this and stays thin.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices::idcard {

inline constexpr std::array<std::uint8_t, 5> kPreamble = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
/// Preamble and the two LEN bytes: what must be in before the frame's size is known.
inline constexpr std::size_t kHeaderSize = kPreamble.size() + 2;
/// The longest reply the protocol defines is `30 10` (LEN 2314); anything past
/// this is a corrupted length, not a frame worth waiting for.
inline constexpr std::size_t kMaxFrameLength = 4096;

/// XOR of the bytes; CHK is this over LEN_H..last body byte.
std::uint8_t xorChecksum(std::span<const std::uint8_t> bytes);

/// Builds a host → reader frame: preamble, LEN, CMD, PARA, data, CHK.
std::vector<std::uint8_t> encodeCommand(std::uint8_t cmd, std::uint8_t para, std::span<const std::uint8_t> data = {});

// The commands of the read sequence 11 FF → 20 01 → 20 02 → 30 01 (or 30 10).
std::vector<std::uint8_t> readSamStatusCommand();    ///< 11 FF, expects SW3 90.
std::vector<std::uint8_t> readSamIdCommand();        ///< 12 FF, 16 bytes of 管理信息.
std::vector<std::uint8_t> findCardCommand();         ///< 20 01, expects 9F (card) or 80 (none).
std::vector<std::uint8_t> selectCardCommand();       ///< 20 02, expects 90.
std::vector<std::uint8_t> readTextAndPhotoCommand(); ///< 30 01, the 1295-byte reply.
std::vector<std::uint8_t> readWithFingerprintCommand(); ///< 30 10, the 2321-byte reply.
/// 61 FF with one data byte; 0x50 is the size the reference reader uses.
std::vector<std::uint8_t> setMaxRfFrameCommand(std::uint8_t size = 0x50);

/// A host frame taken apart; used by emulated readers and capture tools.
struct SamCommand {
    std::uint8_t cmd = 0;
    std::uint8_t para = 0;
    std::vector<std::uint8_t> data;
};

/// A reply taken apart. SW3 carries the status; SW1 SW2 are 00 00 on success.
struct SamReply {
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    std::vector<std::uint8_t> data;
};

/// Checks the preamble, that LEN matches the frame's size and the checksum, and
/// returns the body (the bytes between LEN and CHK).
Result<std::span<const std::uint8_t>> checkFrame(std::span<const std::uint8_t> frame);
/// Decodes a whole reader → host frame; each problem is named with its byte values.
Result<SamReply> decodeReply(std::span<const std::uint8_t> frame);
/// Decodes a whole host → reader frame.
Result<SamCommand> decodeCommand(std::span<const std::uint8_t> frame);

/// What an SW3 value means for the caller's next step.
enum class Sw3Class {
    Success,      ///< 90
    CardFound,    ///< 9F, the answer to find-card
    NoCard,       ///< 80, find-card found nothing: keep polling
    NotOnCard,    ///< 91, e.g. no fingerprint on this card: fall back to 30 01
    Error,        ///< everything else
};

Sw3Class classifySw3(std::uint8_t sw3);
/// The status table in Chinese and English ("操作成功 success"); unknown codes say so.
std::string_view sw3Meaning(std::uint8_t sw3);

/// Collects a frame from reads of any size (the reader answers in 64-byte
/// chunks). Garbage before a preamble is skipped. A LEN that no frame can have
/// is reported once and skipped, so that the next frame still gets through.
/// A LEN corrupted into a plausible value makes the assembler wait for bytes
/// that never come; the transport's read timeout calls reset() for that.
class FrameAssembler {
public:
    /// Appends bytes as read from the device.
    void feed(std::span<const std::uint8_t> bytes);
    /// The next whole frame (7 + LEN bytes) if one is in, nothing if more bytes
    /// are needed, or an error for an impossible LEN.
    Result<std::optional<std::vector<std::uint8_t>>> next();
    /// Forgets everything fed so far, e.g. after a timeout or a new command.
    void reset();
    /// Bytes thrown away while looking for a preamble since construction or reset().
    std::size_t skippedBytes() const { return m_skipped; }
    /// Bytes held but not yet returned as a frame.
    std::size_t buffered() const { return m_buffer.size(); }

private:
    /// Drops bytes before the first preamble; keeps a tail that may begin one.
    void resync();
    void drop(std::size_t count);

    std::vector<std::uint8_t> m_buffer;
    std::size_t m_skipped = 0;
};

} // namespace kiosk::devices::idcard
