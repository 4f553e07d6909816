// The text block comes off a card through a reader: any 256 bytes must give
// either a card whose text is valid UTF-8 and whose dates and codes are real,
// or an error, and the read reply around the block must give the same answer.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "idcard/id_text_block.hpp"
#include "idcard/nations.hpp"
#include "idcard/sam_frame.hpp"
#include "text/utf8.hpp"

using namespace kiosk;
using namespace kiosk::devices::idcard;

namespace {

void checkText(const std::string& text)
{
    auto chars = decodeUtf8(text);
    if (!chars) std::abort();
    for (char32_t c : *chars)
        if (c < 0x20 || c == 0x7F || (c >= 0xD800 && c <= 0xDFFF)) std::abort();
    if (!chars->empty() && chars->back() == U' ') std::abort();  // trailing padding must be gone
}

void checkDate(const CivilDate& d)
{
    std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                    std::chrono::day{static_cast<unsigned>(d.day)}};
    if (!ymd.ok() || d.year < 1900) std::abort();
}

void checkCard(const IdentityCard& card)
{
    for (const std::string* s : {&card.name, &card.englishName, &card.nation, &card.address, &card.idNumber,
                                 &card.authority})
        checkText(*s);
    if (card.displayName().empty() || card.idNumber.empty()) std::abort();
    if (card.type == CardType::Resident && !nationName(card.nation)) std::abort();
    checkDate(card.birthDate);
    checkDate(card.validFrom);
    if (card.validTo) checkDate(*card.validTo);
}

/// The reply a reader sends for `30 01`, built around a text block.
std::vector<std::uint8_t> readReplyAround(std::span<const std::uint8_t> block)
{
    std::vector<std::uint8_t> body = {0x00, 0x00, 0x90, 0x01, 0x00, 0x04, 0x00};
    body.insert(body.end(), block.begin(), block.end());
    body.insert(body.end(), kPhotoSize, 0xA5);
    std::vector<std::uint8_t> frame(kPreamble.begin(), kPreamble.end());
    const std::size_t len = body.size() + 1;
    frame.push_back(static_cast<std::uint8_t>(len >> 8));
    frame.push_back(static_cast<std::uint8_t>(len));
    frame.insert(frame.end(), body.begin(), body.end());
    frame.push_back(xorChecksum(std::span(frame).subspan(kPreamble.size())));
    return frame;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> input(data, size);

    // The input as it is: a whole reply, or a block of any size.
    auto asReply = decodeReadResponse(input);
    if (asReply) checkCard(*asReply);
    if (asReply && asReply->photoWlt.size() != kPhotoSize) std::abort();
    auto asBlock = decodeTextBlock(input);
    if (asBlock && size != kTextBlockSize) std::abort();

    // The input as the start of a block, space-padded to 256 bytes, alone and inside a reply.
    std::vector<std::uint8_t> block(kTextBlockSize);
    for (std::size_t i = 0; i < block.size(); ++i) block[i] = i % 2 == 0 ? 0x20 : 0x00;
    std::copy_n(input.begin(), std::min(size, block.size()), block.begin());
    auto card = decodeTextBlock(block);
    auto viaReply = decodeReadResponse(readReplyAround(block));
    if (card.has_value() != viaReply.has_value()) std::abort();
    if (!card) {
        if (card.error().message.empty() || card.error().message != viaReply.error().message) std::abort();
        return 0;
    }
    checkCard(*card);
    if (card->name != viaReply->name || card->idNumber != viaReply->idNumber || card->type != viaReply->type)
        std::abort();
    if (!card->photoWlt.empty() || viaReply->photoWlt != std::vector<std::uint8_t>(kPhotoSize, 0xA5)) std::abort();
    card->wipe();
    if (!card->name.empty() || card->passNumber) std::abort();
    return 0;
}
