// SAM frames arrive from a USB device that may be faulty, counterfeit or
// emulated: the decoders must survive any bytes, and the assembler must cut
// the same frames from a stream however the reads happen to split it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "idcard/sam_frame.hpp"

using namespace kiosk::devices::idcard;

namespace {

struct Outcome {
    std::vector<std::vector<std::uint8_t>> frames;
    std::vector<std::string> errors;
    std::size_t skipped = 0;
    std::size_t buffered = 0;
};

void drain(FrameAssembler& assembler, Outcome& out)
{
    for (;;) {
        auto next = assembler.next();
        if (!next) {
            if (next.error().message.empty()) std::abort();
            out.errors.push_back(next.error().message);
            continue;
        }
        if (!*next) return;
        out.frames.push_back(std::move(**next));
    }
}

/// Feeds the stream in chunks of 1 to 80 bytes chosen by a generator seeded
/// from the input, so every input also tries its own way of splitting.
Outcome assemble(std::span<const std::uint8_t> stream, bool chunked)
{
    std::uint32_t state = 2166136261u;
    for (std::size_t i = 0; i < stream.size() && i < 8; ++i) state = (state ^ stream[i]) * 16777619u;
    FrameAssembler assembler;
    Outcome out;
    for (std::size_t at = 0; at < stream.size();) {
        state = state * 1664525u + 1013904223u;
        std::size_t n = chunked ? 1 + (state >> 24) % 80 : stream.size();
        n = std::min(n, stream.size() - at);
        assembler.feed(stream.subspan(at, n));
        at += n;
        drain(assembler, out);
    }
    out.skipped = assembler.skippedBytes();
    out.buffered = assembler.buffered();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> input(data, size);

    auto reply = decodeReply(input);
    if (reply && size != kHeaderSize + 3 + reply->data.size() + 1) std::abort();
    if (!reply && reply.error().message.empty()) std::abort();
    if (reply) (void)sw3Meaning(reply->sw3), (void)classifySw3(reply->sw3);

    // A command that decodes must encode back to the same bytes.
    auto command = decodeCommand(input);
    if (command && encodeCommand(command->cmd, command->para, command->data) !=
                       std::vector<std::uint8_t>(input.begin(), input.end()))
        std::abort();

    Outcome whole = assemble(input, false);
    Outcome pieces = assemble(input, true);
    if (whole.frames != pieces.frames || whole.errors != pieces.errors || whole.skipped != pieces.skipped ||
        whole.buffered != pieces.buffered)
        std::abort();
    // Every byte is accounted for: in a frame, skipped, or still waiting.
    std::size_t inFrames = 0;
    for (const auto& frame : whole.frames) {
        if (frame.size() < kHeaderSize + 3 || frame.size() > kHeaderSize + kMaxFrameLength) std::abort();
        if (!std::equal(kPreamble.begin(), kPreamble.end(), frame.begin())) std::abort();
        if (frame.size() != kHeaderSize + (std::size_t{frame[5]} << 8 | frame[6])) std::abort();
        inFrames += frame.size();
        (void)decodeReply(frame);
    }
    if (inFrames + whole.skipped + whole.buffered != size) std::abort();
    return 0;
}
