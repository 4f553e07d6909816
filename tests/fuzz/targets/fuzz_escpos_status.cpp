// Status bytes come back from the printer over USB, where a faulty or
// counterfeit printer (or a noisy line) can send anything. The decoders must
// survive any bytes, accept exactly the bytes of the form 0xx1xx10, and cut
// the same replies and ASB blocks from a stream however the reads split it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <variant>
#include <vector>

#include "escpos/escpos_status.hpp"

using namespace kiosk;
using namespace kiosk::devices::escpos;

namespace {

// Replies as themselves, ASB blocks as a marker and their four bytes.
void flatten(const InboundMessages& in, std::vector<int>& out)
{
    for (const InboundMessage& m : in.messages) {
        if (auto* r = std::get_if<RealTimeReply>(&m)) {
            out.push_back(r->value);
        } else {
            out.push_back(-1);
            for (std::uint8_t b : std::get<AsbBlock>(m).bytes)
                out.push_back(b);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> in(data, size);

    auto replies = in.first(std::min<std::size_t>(size, 4));
    auto decoded = decodeStatusReplies(replies);
    bool allValid = std::all_of(replies.begin(), replies.end(), isRealTimeStatusByte);
    if (decoded.has_value() != allValid) std::abort();
    if (!decoded && decoded.error().message.empty()) std::abort();
    if (decoded && !replies.empty() && decoded->status.power == PowerState::Unknown) std::abort();
    if (decoded && replies.size() == 4 && decoded->status.paper == PaperState::Unknown) std::abort();
    for (std::uint8_t b : replies)
        for (int n = 1; n <= 4; ++n)
            (void)describeStatusReply({static_cast<StatusQuery>(n), b});

    if (size >= 4) {
        auto asb = decodeAsbBlock(in.first<4>());
        if (asb.has_value() != isAsbFirstByte(data[0])) std::abort();
    }

    auto whole = splitInbound(in);
    if (!whole) return 0;
    if (whole->consumed > size || size - whole->consumed >= 4) std::abort();
    // The same stream in two reads: what the first leaves over goes in front of the second.
    std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
    auto first = splitInbound(in.first(cut));
    if (!first) std::abort();  // a prefix of a valid stream is valid
    auto second = splitInbound(in.subspan(first->consumed));
    if (!second) std::abort();
    std::vector<int> together, apart;
    flatten(*whole, together);
    flatten(*first, apart);
    flatten(*second, apart);
    if (together != apart) std::abort();
    return 0;
}
