#include "idcard/id_text_block.hpp"

#include <optional>
#include <string>

#include "idcard/card_fields.hpp"
#include "idcard/hex_text.hpp"
#include "idcard/sam_frame.hpp"

namespace kiosk::devices::idcard {

namespace {

// Layouts per card type: name for errors, byte offset, byte size.
namespace resident {
constexpr FieldSpec kName{"name", 0, 30};
constexpr FieldSpec kSex{"sex", 30, 2};
constexpr FieldSpec kNation{"nation", 32, 4};
constexpr FieldSpec kBirth{"birth date", 36, 16};
constexpr FieldSpec kAddress{"address", 52, 70};
constexpr FieldSpec kIdNumber{"ID number", 122, 36};
constexpr FieldSpec kAuthority{"issuing authority", 158, 30};
constexpr FieldSpec kValidFrom{"valid-from date", 188, 16};
constexpr FieldSpec kValidTo{"valid-to date", 204, 16};
} // namespace resident

// 'J' shares the resident layout up to offset 220, with the nation slot reserved.
namespace hmt {
constexpr FieldSpec kPassNumber{"pass number", 220, 18};
constexpr FieldSpec kIssueCount{"issue count", 238, 4};
} // namespace hmt

namespace foreign2017 {
constexpr FieldSpec kEnglishName{"English name", 0, 120};
constexpr FieldSpec kSex{"sex", 120, 2};
constexpr FieldSpec kCardNumber{"card number", 122, 30};
constexpr FieldSpec kNationality{"nationality", 152, 6};
constexpr FieldSpec kChineseName{"Chinese name", 158, 30};
constexpr FieldSpec kIssueDate{"issue date", 188, 16};
constexpr FieldSpec kExpiryDate{"expiry date", 204, 16};
constexpr FieldSpec kBirth{"birth date", 220, 16};
constexpr FieldSpec kCardVersion{"card version", 236, 4};
constexpr FieldSpec kAuthorityCode{"accepting authority code", 240, 8};
} // namespace foreign2017

// Only the renewal count, the flag and the link are confirmed for 'Y'; the
// rest follows the published layout. The 18 bytes at 220 ("other number") are
// left alone until a real card shows what they hold.
namespace foreign2023 {
constexpr FieldSpec kName{"name", 0, 30};
constexpr FieldSpec kSex{"sex", 30, 2};
constexpr FieldSpec kRenewalCount{"renewal count", 32, 4};
constexpr FieldSpec kBirth{"birth date", 36, 16};
constexpr FieldSpec kForeignName{"foreign name", 52, 70};
constexpr FieldSpec kIdNumber{"ID number", 122, 36};
constexpr FieldSpec kAuthority{"issuing authority", 158, 30};
constexpr FieldSpec kValidFrom{"valid-from date", 188, 16};
constexpr FieldSpec kValidTo{"valid-to date", 204, 16};
constexpr FieldSpec kIssueCount{"issue count", 238, 4};
constexpr FieldSpec kNationality{"nationality", 242, 6};
constexpr FieldSpec kPreviousCardLink{"previous card link", 250, 6};
} // namespace foreign2023

/// Takes the values of field results and remembers the first error, so that a
/// layout reads as one list of fields instead of a ladder of checks.
class FirstError {
public:
    template <class T>
    T operator()(Result<T> result)
    {
        if (result) return std::move(*result);
        if (!m_error) m_error = std::move(result.error());
        return T{};
    }
    /// An optional field: blank stays empty.
    std::optional<std::string> optionalText(Result<std::string> result)
    {
        std::string text = (*this)(std::move(result));
        return text.empty() ? std::nullopt : std::optional{std::move(text)};
    }
    const std::optional<Error>& error() const { return m_error; }

private:
    std::optional<Error> m_error;
};

// The ID numbers: 18 characters for resident cards, HMT permits and 2023
// foreign cards, 15 for 2017 foreign cards. Pass numbers differ by region
// (H/M and eight digits for Hong Kong and Macau, eight digits for Taiwan), so
// only the slot's nine characters bound them.
constexpr std::size_t kIdNumberLength = 18;
constexpr std::size_t kOldForeignNumberLength = 15;
constexpr std::size_t kPassNumberMaxLength = 9;

/// The fields that resident cards and HMT permits share (offsets 0-219).
void decodeResidentFields(std::span<const std::uint8_t> block, IdentityCard& card, FirstError& take)
{
    card.name = take(decodeTextField(block, resident::kName));
    card.sex = take(decodeSexField(block, resident::kSex));
    if (card.type == CardType::Resident) card.nation = take(decodeNationField(block, resident::kNation));
    card.birthDate = take(decodeDateField(block, resident::kBirth));
    card.address = take(decodeTextField(block, resident::kAddress));
    card.idNumber = take(decodeNumberField(block, resident::kIdNumber, kIdNumberLength, kIdNumberLength));
    card.authority = take(decodeTextField(block, resident::kAuthority));
    card.validFrom = take(decodeDateField(block, resident::kValidFrom));
    card.validTo = take(decodeExpiryField(block, resident::kValidTo));
}

void decodeForeign2017(std::span<const std::uint8_t> block, IdentityCard& card, FirstError& take)
{
    card.englishName = take(decodeTextField(block, foreign2017::kEnglishName));
    card.sex = take(decodeSexField(block, foreign2017::kSex));
    card.idNumber = take(decodeNumberField(block, foreign2017::kCardNumber, kOldForeignNumberLength,
                                                   kOldForeignNumberLength));
    card.nation = take(decodeNationalityField(block, foreign2017::kNationality));
    card.name = take(decodeTextField(block, foreign2017::kChineseName));
    card.validFrom = take(decodeDateField(block, foreign2017::kIssueDate));
    card.validTo = take(decodeExpiryField(block, foreign2017::kExpiryDate));
    card.birthDate = take(decodeDateField(block, foreign2017::kBirth));
    card.cardVersion = take.optionalText(decodeTextField(block, foreign2017::kCardVersion));
    card.authorityCode = take.optionalText(decodeTextField(block, foreign2017::kAuthorityCode));
}

void decodeForeign2023(std::span<const std::uint8_t> block, IdentityCard& card, FirstError& take)
{
    card.name = take(decodeTextField(block, foreign2023::kName));
    card.sex = take(decodeSexField(block, foreign2023::kSex));
    card.renewalCount = take(decodeCountField(block, foreign2023::kRenewalCount));
    card.birthDate = take(decodeDateField(block, foreign2023::kBirth));
    card.englishName = take(decodeTextField(block, foreign2023::kForeignName));
    card.idNumber = take(decodeNumberField(block, foreign2023::kIdNumber, kIdNumberLength, kIdNumberLength));
    card.authority = take(decodeTextField(block, foreign2023::kAuthority));
    card.validFrom = take(decodeDateField(block, foreign2023::kValidFrom));
    card.validTo = take(decodeExpiryField(block, foreign2023::kValidTo));
    card.issueCount = take(decodeCountField(block, foreign2023::kIssueCount));
    card.nation = take(decodeNationalityField(block, foreign2023::kNationality));
    card.previousCardLink = take.optionalText(decodeTextField(block, foreign2023::kPreviousCardLink));
}

Result<CardType> cardTypeFromFlag(std::span<const std::uint8_t> block)
{
    const unsigned flag = block[kCardTypeFlagOffset] | block[kCardTypeFlagOffset + 1] << 8;
    switch (flag) {
    case 0x0000:
    case 0x0020: return CardType::Resident;
    case 'I': return CardType::ForeignPermanentOld;
    case 'Y': return CardType::ForeignPermanent2023;
    case 'J': return CardType::HmtResidencePermit;
    default: break;
    }
    const std::uint8_t bytes[] = {block[kCardTypeFlagOffset], block[kCardTypeFlagOffset + 1]};
    std::string shown = flag > 0x20 && flag < 0x7F ? " ('" + std::string(1, static_cast<char>(flag)) + "')" : "";
    return fail("card-type flag at offset 248 is " + formatBytes(bytes) + shown +
                ", not ' ' (resident), 'I', 'Y' (foreign permanent resident) or 'J' (HK/Macau/Taiwan)");
}

std::size_t bigEndian16(std::span<const std::uint8_t> bytes, std::size_t at)
{
    return static_cast<std::size_t>(bytes[at]) << 8 | bytes[at + 1];
}

} // namespace

Result<IdentityCard> decodeTextBlock(std::span<const std::uint8_t> block)
{
    if (block.size() != kTextBlockSize)
        return fail("text block is " + std::to_string(block.size()) + " bytes, expected " +
                    std::to_string(kTextBlockSize));
    auto type = cardTypeFromFlag(block);
    if (!type) return fail(type.error().message);

    IdentityCard card;
    card.type = *type;
    FirstError take;
    switch (card.type) {
    case CardType::Resident: decodeResidentFields(block, card, take); break;
    case CardType::HmtResidencePermit:
        decodeResidentFields(block, card, take);
        card.passNumber = take(decodeNumberField(block, hmt::kPassNumber, 1, kPassNumberMaxLength));
        card.issueCount = take(decodeCountField(block, hmt::kIssueCount));
        break;
    case CardType::ForeignPermanentOld: decodeForeign2017(block, card, take); break;
    case CardType::ForeignPermanent2023: decodeForeign2023(block, card, take); break;
    }
    if (take.error()) {
        card.wipe();  // a half-decoded card still holds personal data
        return fail(take.error()->message);
    }
    if (card.displayName().empty()) {
        card.wipe();
        return fail("the card carries no name");
    }
    return card;
}

Result<IdentityCard> decodeReadResponse(std::span<const std::uint8_t> frame)
{
    // checkFrame rather than decodeReply: the data is read in place, so no
    // copy of the holder's text, photo or fingerprint is left in freed memory.
    auto body = checkFrame(frame);
    if (!body) return fail(body.error().message);
    if (body->size() < 3) return fail("reply is too short to carry SW1 SW2 SW3");
    const std::uint8_t sw3 = (*body)[2];
    if (sw3 != 0x90)
        return fail("reader answered SW3 " + formatByte(sw3) + " (" + std::string(sw3Meaning(sw3)) + "), not 0x90");
    std::span<const std::uint8_t> data = body->subspan(3);
    constexpr std::size_t kPlainSize = 4 + kTextBlockSize + kPhotoSize;
    constexpr std::size_t kWithFingerprintSize = 6 + kTextBlockSize + kPhotoSize + kFingerprintSize;
    if (data.size() != kPlainSize && data.size() != kWithFingerprintSize)
        return fail("read reply carries " + std::to_string(data.size()) + " data bytes, expected " +
                    std::to_string(kPlainSize) + " (30 01) or " + std::to_string(kWithFingerprintSize) +
                    " (30 10, with fingerprint)");
    const bool withFingerprint = data.size() == kWithFingerprintSize;
    const std::size_t textLength = bigEndian16(data, 0);
    const std::size_t photoLength = bigEndian16(data, 2);
    if (textLength != kTextBlockSize)
        return fail("text length is " + std::to_string(textLength) + ", expected " + std::to_string(kTextBlockSize));
    if (photoLength != kPhotoSize)
        return fail("photo length is " + std::to_string(photoLength) + ", expected " + std::to_string(kPhotoSize));
    if (withFingerprint && bigEndian16(data, 4) != kFingerprintSize)
        return fail("fingerprint length is " + std::to_string(bigEndian16(data, 4)) + ", expected " +
                    std::to_string(kFingerprintSize));

    const std::size_t textAt = withFingerprint ? 6 : 4;
    auto card = decodeTextBlock(data.subspan(textAt, kTextBlockSize));
    if (!card) return card;
    auto photo = data.subspan(textAt + kTextBlockSize, kPhotoSize);
    card->photoWlt.assign(photo.begin(), photo.end());
    return card;
}

} // namespace kiosk::devices::idcard
