#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "idcard/id_text_block.hpp"
#include "idcard/nations.hpp"

using namespace kiosk;
using namespace kiosk::devices::idcard;

namespace {

using Bytes = std::vector<std::uint8_t>;

/// A 256-byte text block written slot by slot, space-padded like a real card.
/// All people and numbers in this file are invented.
class TextBlock {
public:
    TextBlock()
    {
        for (std::size_t i = 0; i < m_bytes.size(); i += 2) m_bytes[i] = 0x20;
    }
    TextBlock& put(std::size_t offset, std::size_t size, std::u16string_view text)
    {
        REQUIRE(text.size() * 2 <= size);
        for (std::size_t i = 0; i < size / 2; ++i) {
            char16_t c = i < text.size() ? text[i] : u' ';
            m_bytes[offset + 2 * i] = static_cast<std::uint8_t>(c & 0xFF);
            m_bytes[offset + 2 * i + 1] = static_cast<std::uint8_t>(c >> 8);
        }
        return *this;
    }
    TextBlock& flag(char16_t c) { return put(248, 2, std::u16string_view(&c, 1)); }
    TextBlock& raw(std::size_t offset, std::uint8_t byte)
    {
        m_bytes[offset] = byte;
        return *this;
    }
    const Bytes& bytes() const { return m_bytes; }

private:
    Bytes m_bytes = Bytes(256, 0x00);
};

TextBlock residentBlock()
{
    TextBlock b;
    b.put(0, 30, u"张小三").put(30, 2, u"1").put(32, 4, u"01").put(36, 16, u"19850312");
    b.put(52, 70, u"广东省广州市天河区体育西路101号").put(122, 36, u"440106198503121234");
    b.put(158, 30, u"广州市公安局天河分局").put(188, 16, u"20150601").put(204, 16, u"20350601");
    return b;
}

TextBlock hmtBlock()
{
    TextBlock b;
    b.put(0, 30, u"陈家豪").put(30, 2, u"1").put(36, 16, u"19900215").put(52, 70, u"广东省深圳市福田区福华路9号");
    b.put(122, 36, u"810000199002150019").put(158, 30, u"深圳市公安局").put(188, 16, u"20200601");
    b.put(204, 16, u"20250601").put(220, 18, u"H60123457").put(238, 4, u"02").flag(u'J');
    return b;
}

TextBlock foreign2017Block()
{
    TextBlock b;
    b.put(0, 120, u"VAN DER BERG, ANNA MARIA").put(120, 2, u"2").put(122, 30, u"NLD310085062201");
    b.put(152, 6, u"NLD").put(158, 30, u"安娜").put(188, 16, u"20170815").put(204, 16, u"20270815");
    b.put(220, 16, u"19850620").put(236, 4, u"01").put(240, 8, u"1100").flag(u'I');
    return b;
}

TextBlock foreign2023Block()
{
    TextBlock b;
    b.put(0, 30, u"田中美咲").put(30, 2, u"2").put(32, 4, u"01").put(36, 16, u"19660521");
    b.put(52, 70, u"TANAKA MISAKI").put(122, 36, u"932156196605212128").put(158, 30, u"国家移民管理局");
    b.put(188, 16, u"20231201").put(204, 16, u"20331201").put(238, 4, u"03").put(242, 6, u"JPN");
    b.put(250, 6, u"001").flag(u'Y');
    return b;
}

Bytes photoPattern()
{
    Bytes photo(1024);
    for (std::size_t i = 0; i < photo.size(); ++i) photo[i] = static_cast<std::uint8_t>(i * 7 + 3);
    return photo;
}

void appendBigEndian16(Bytes& out, std::size_t value)
{
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value));
}

/// A reader → host frame around SW1 SW2 SW3 and data, checksum computed here.
Bytes replyFrame(std::uint8_t sw3, const Bytes& data)
{
    Bytes frame = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
    appendBigEndian16(frame, 3 + data.size() + 1);
    frame.insert(frame.end(), {0x00, 0x00, sw3});
    frame.insert(frame.end(), data.begin(), data.end());
    std::uint8_t chk = 0;
    for (std::size_t i = 5; i < frame.size(); ++i) chk ^= frame[i];
    frame.push_back(chk);
    return frame;
}

/// The `30 01` reply (text and photo lengths, text, photo) or, with a third
/// length, the `30 10` reply that adds a fingerprint.
Bytes readResponse(const Bytes& text, std::vector<std::size_t> lengths = {256, 1024})
{
    Bytes data;
    for (std::size_t length : lengths) appendBigEndian16(data, length);
    data.insert(data.end(), text.begin(), text.end());
    Bytes photo = photoPattern();
    data.insert(data.end(), photo.begin(), photo.end());
    if (lengths.size() == 3) data.insert(data.end(), 1024, 0x5A);
    return replyFrame(0x90, data);
}

std::string errorOf(const Result<IdentityCard>& result)
{
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

Result<IdentityCard> decode(const TextBlock& block)
{
    return decodeTextBlock(block.bytes());
}

IdentityCard decoded(const Bytes& frame)
{
    auto card = decodeReadResponse(frame);
    REQUIRE_MESSAGE(card.has_value(), (card ? "" : card.error().message));
    return *card;
}

} // namespace

TEST_SUITE("id_text_block")
{
    TEST_CASE("a resident card's 1295-byte read reply decodes field by field")
    {
        const Bytes frame = readResponse(residentBlock().bytes());
        REQUIRE(frame.size() == 1295);
        CHECK((frame[5] == 0x05 && frame[6] == 0x08));  // LEN 05 08, as in the reference
        IdentityCard card = decoded(frame);
        CHECK(card.type == CardType::Resident);
        CHECK(card.name == "张小三");
        CHECK(card.englishName.empty());
        CHECK(card.sex == Sex::Male);
        CHECK(card.nation == "01");
        CHECK(nationName(card.nation) == "汉");
        CHECK(card.birthDate == CivilDate{1985, 3, 12});
        CHECK(card.address == "广东省广州市天河区体育西路101号");
        CHECK(card.idNumber == "440106198503121234");
        CHECK(card.authority == "广州市公安局天河分局");
        CHECK(card.validFrom == CivilDate{2015, 6, 1});
        REQUIRE(card.validTo.has_value());
        CHECK(*card.validTo == CivilDate{2035, 6, 1});
        CHECK(card.photoWlt == photoPattern());
        CHECK_FALSE((card.passNumber || card.issueCount || card.cardVersion || card.authorityCode ||
                     card.renewalCount || card.previousCardLink));
    }

    TEST_CASE("a resident card flag may be a space or zero")
    {
        CHECK(decode(residentBlock().raw(248, 0x00).raw(249, 0x00)).value().type == CardType::Resident);
        CHECK(decode(residentBlock().flag(u' ')).value().type == CardType::Resident);
    }

    TEST_CASE("长期 leaves validTo empty")
    {
        IdentityCard card = decoded(readResponse(residentBlock().put(204, 16, u"长期").bytes()));
        CHECK_FALSE(card.validTo.has_value());
        CHECK(card.validFrom == CivilDate{2015, 6, 1});
    }

    TEST_CASE("an HMT residence permit ('J') decodes with its pass number and issue count")
    {
        IdentityCard card = decoded(readResponse(hmtBlock().bytes()));
        CHECK(card.type == CardType::HmtResidencePermit);
        CHECK(card.name == "陈家豪");
        CHECK(card.sex == Sex::Male);
        CHECK(card.nation.empty());  // reserved on this card
        CHECK(card.birthDate == CivilDate{1990, 2, 15});
        CHECK(card.address == "广东省深圳市福田区福华路9号");
        CHECK(card.idNumber == "810000199002150019");
        CHECK(card.authority == "深圳市公安局");
        CHECK(card.validFrom == CivilDate{2020, 6, 1});
        CHECK(card.validTo == CivilDate{2025, 6, 1});
        CHECK(card.passNumber == "H60123457");
        CHECK(card.issueCount == 2);
        CHECK(card.photoWlt == photoPattern());
        // Taiwan pass numbers have eight digits, one short of the slot.
        CHECK(decode(hmtBlock().put(220, 18, u"01234567")).value().passNumber == "01234567");
    }

    TEST_CASE("a 2017 foreign permanent resident card ('I') keeps the inner spaces of the name")
    {
        IdentityCard card = decoded(readResponse(foreign2017Block().bytes()));
        CHECK(card.type == CardType::ForeignPermanentOld);
        CHECK(card.englishName == "VAN DER BERG, ANNA MARIA");
        CHECK(card.name == "安娜");
        CHECK(card.displayName() == "安娜");
        CHECK(card.sex == Sex::Female);
        CHECK(card.idNumber == "NLD310085062201");
        CHECK(card.nation == "NLD");
        CHECK(card.validFrom == CivilDate{2017, 8, 15});
        CHECK(card.validTo == CivilDate{2027, 8, 15});
        CHECK(card.birthDate == CivilDate{1985, 6, 20});
        CHECK(card.cardVersion == "01");
        CHECK(card.authorityCode == "1100");
        CHECK(card.address.empty());
        CHECK(card.authority.empty());
        CHECK(card.photoWlt == photoPattern());
        // Without a Chinese name the kiosk greets the holder by the English one.
        CHECK(decode(foreign2017Block().put(158, 30, u"")).value().displayName() == "VAN DER BERG, ANNA MARIA");
    }

    TEST_CASE("a 2023 foreign permanent resident card ('Y') decodes in its published layout")
    {
        IdentityCard card = decoded(readResponse(foreign2023Block().bytes()));
        CHECK(card.type == CardType::ForeignPermanent2023);
        CHECK(card.name == "田中美咲");
        CHECK(card.englishName == "TANAKA MISAKI");
        CHECK(card.sex == Sex::Female);
        CHECK(card.renewalCount == 1);
        CHECK(card.birthDate == CivilDate{1966, 5, 21});
        CHECK(card.idNumber == "932156196605212128");
        CHECK(card.authority == "国家移民管理局");
        CHECK(card.validFrom == CivilDate{2023, 12, 1});
        CHECK(card.validTo == CivilDate{2033, 12, 1});
        CHECK(card.issueCount == 3);
        CHECK(card.nation == "JPN");
        CHECK(card.previousCardLink == "001");
        CHECK(card.address.empty());
        CHECK(card.photoWlt == photoPattern());
    }

    TEST_CASE("the 2321-byte 30 10 reply decodes the same card and drops the fingerprint")
    {
        const Bytes frame = readResponse(residentBlock().bytes(), {256, 1024, 1024});
        REQUIRE(frame.size() == 2321);
        CHECK((frame[5] == 0x09 && frame[6] == 0x0A));
        IdentityCard card = decoded(frame);
        CHECK(card.name == "张小三");
        CHECK(card.idNumber == "440106198503121234");
        CHECK(card.photoWlt == photoPattern());
    }

    TEST_CASE("sex codes follow GB/T 2261.1")
    {
        CHECK(decode(residentBlock().put(30, 2, u"0")).value().sex == Sex::Unknown);
        CHECK(decode(residentBlock().put(30, 2, u"2")).value().sex == Sex::Female);
        CHECK(decode(residentBlock().put(30, 2, u"9")).value().sex == Sex::Unspecified);
    }

    TEST_CASE("every nation code 01-56, 97 and 98 has a name, 46 is 德昂")
    {
        for (int code = 1; code <= 56; ++code) {
            std::string text = (code < 10 ? "0" : "") + std::to_string(code);
            CAPTURE(text);
            CHECK(nationName(text).has_value());
        }
        CHECK(nationName("46") == "德昂");
        CHECK(nationName("56") == "基诺");
        CHECK(nationName("97") == "其他");
        CHECK(nationName("98") == "外国血统中国籍人士");
        for (const char* code : {"00", "57", "96", "99", "1", "001"}) CHECK_FALSE(nationName(code).has_value());
        CHECK(decode(residentBlock().put(32, 4, u"46")).value().nation == "46");
    }

    TEST_CASE("29 February is a date only in leap years")
    {
        CHECK(decode(residentBlock().put(36, 16, u"19600229")).value().birthDate == CivilDate{1960, 2, 29});
        CHECK(errorOf(decode(residentBlock().put(36, 16, u"19610229"))) ==
              "birth date '19610229' is not a calendar date from 1900 on");
    }

    TEST_CASE("each malformed field is refused with a message naming it")
    {
        struct Bad {
            TextBlock block;
            std::string error;
        };
        const std::string flags = ", not ' ' (resident), 'I', 'Y' (foreign permanent resident) or 'J' "
                                  "(HK/Macau/Taiwan)";
        const std::string notADate = " is not a calendar date from 1900 on";
        const std::string highInName = "name has an unpaired high surrogate U+D842 at byte ";
        const std::string ofText = " of the text block";
        const Bad cases[] = {
            {residentBlock().flag(u'X'), "card-type flag at offset 248 is 58 00 ('X')" + flags},
            {residentBlock().raw(248, 0x49).raw(249, 0x4E), "card-type flag at offset 248 is 49 4E" + flags},
            {residentBlock().put(30, 2, u"3"), "sex code is '3', expected 0, 1, 2 or 9"},
            {residentBlock().put(30, 2, u""), "sex code is '', expected 0, 1, 2 or 9"},
            {residentBlock().put(32, 4, u"57"), "nation code '57' is not one of 01-56, 97, 98"},
            // Dates: the field and its value.
            {residentBlock().put(36, 16, u"19850231"), "birth date '19850231'" + notADate},
            {residentBlock().put(188, 16, u"20151301"), "valid-from date '20151301'" + notADate},
            {residentBlock().put(36, 16, u"00000101"), "birth date '00000101'" + notADate},
            {residentBlock().put(36, 16, u"1985-3-1"), "birth date is '1985-3-1', not YYYYMMDD"},
            {residentBlock().put(204, 16, u"永久"), "valid-to date is '永久', not YYYYMMDD (nor 长期)"},
            {foreign2017Block().put(220, 16, u""), "birth date is '', not YYYYMMDD"},
            // Text no name is written in. A high surrogate in a slot's last
            // character cannot pair with the next slot's first.
            {residentBlock().put(0, 30, u"张\xD842三"), highInName + "2" + ofText},
            {residentBlock().put(0, 30, u"\xD842\xFF21"), highInName + "0" + ofText},
            {residentBlock().put(52, 70, u"广州\xDFB7"),
             "address has an unpaired low surrogate U+DFB7 at byte 56" + ofText},
            {residentBlock().raw(28, 0x42).raw(29, 0xD8), highInName + "28" + ofText},
            {residentBlock().raw(4, 0x00).raw(5, 0x00), "name has the control character U+0000 at byte 4" + ofText},
            // Numbers: length and characters, never the number itself.
            {residentBlock().put(122, 36, u"44010619850312123"), "ID number has 17 characters, expected 18"},
            {residentBlock().put(122, 36, u"4401061985031212x4"),
             "ID number has a character other than a digit or capital letter at position 17"},
            {residentBlock().put(122, 36, u""), "ID number is empty"},
            {foreign2017Block().put(122, 30, u"NLD3100850622"), "card number has 13 characters, expected 15"},
            {hmtBlock().put(220, 18, u""), "pass number is empty"},
            {residentBlock().put(0, 30, u""), "the card carries no name"},
            {foreign2017Block().put(152, 6, u"nl"), "nationality 'nl' is not a three-letter country code"},
            {hmtBlock().put(238, 4, u"0A"), "issue count is '0A', not a number"},
        };
        for (const Bad& bad : cases) {
            CAPTURE(bad.error);
            CHECK(errorOf(decode(bad.block)) == bad.error);
        }
    }

    TEST_CASE("only trailing spaces are trimmed; leading and inner ones stay")
    {
        auto card = decode(residentBlock().put(52, 70, u" 北京市 朝阳区  建国路"));
        REQUIRE(card.has_value());
        CHECK(card->address == " 北京市 朝阳区  建国路");
    }

    TEST_CASE("surrogate pairs decode and a blank count is no count")
    {
        CHECK(decode(residentBlock().put(0, 30, u"𠮷小明")).value().name == "𠮷小明");
        CHECK_FALSE(decode(hmtBlock().put(238, 4, u"")).value().issueCount.has_value());
    }

    TEST_CASE("a text block of the wrong size is refused")
    {
        Bytes odd = residentBlock().bytes();
        odd.pop_back();
        CHECK(errorOf(decodeTextBlock(odd)) == "text block is 255 bytes, expected 256");
        CHECK(errorOf(decodeTextBlock({})) == "text block is 0 bytes, expected 256");
    }

    TEST_CASE("read replies with wrong lengths, status or checksum are refused")
    {
        const Bytes text = residentBlock().bytes();
        Bytes oddText(text.begin(), text.end() - 1);
        CHECK(errorOf(decodeReadResponse(readResponse(oddText, {255, 1024}))) ==
              "read reply carries 1283 data bytes, expected 1284 (30 01) or 2310 (30 10, with fingerprint)");
        Bytes shiftedLengths = readResponse(text, {255, 1024});
        CHECK(errorOf(decodeReadResponse(shiftedLengths)) == "text length is 255, expected 256");
        CHECK(errorOf(decodeReadResponse(readResponse(text, {256, 1000}))) == "photo length is 1000, expected 1024");

        Bytes wrongChecksum = readResponse(text);
        wrongChecksum.back() ^= 0x01;
        CHECK(errorOf(decodeReadResponse(wrongChecksum)).starts_with("checksum is "));

        Bytes truncated = readResponse(text);
        truncated.resize(1231);
        CHECK(errorOf(decodeReadResponse(truncated)) ==
              "frame is truncated: LEN 05 08 (1288) announces 1295 bytes, got 1231");

        CHECK(errorOf(decodeReadResponse(replyFrame(0x41, {}))) ==
              "reader answered SW3 0x41 (读居民身份证操作失败 reading the card failed), not 0x90");
        CHECK(errorOf(decodeReadResponse(replyFrame(0x90, {}))) ==
              "read reply carries 0 data bytes, expected 1284 (30 01) or 2310 (30 10, with fingerprint)");
        // An error in the text comes through unchanged.
        CHECK(errorOf(decodeReadResponse(readResponse(residentBlock().flag(u'Q').bytes())))
                  .starts_with("card-type flag at offset 248 is 51 00 ('Q')"));
    }

    TEST_CASE("wipe clears the fields that only some card types carry")
    {
        for (const TextBlock& block : {hmtBlock(), foreign2017Block(), foreign2023Block()}) {
            IdentityCard card = decoded(readResponse(block.bytes()));
            card.wipe();
            CHECK((card.name.empty() && card.englishName.empty() && card.idNumber.empty() && card.photoWlt.empty()));
            CHECK_FALSE((card.passNumber || card.issueCount || card.cardVersion || card.authorityCode ||
                         card.renewalCount || card.previousCardLink));
        }
    }
}
