// ID-card reader tools for support staff: decode a reply captured from a
// reader, offline, with the same codec the kiosk uses.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "idcard/hex_text.hpp"
#include "idcard/id_text_block.hpp"
#include "idcard/nations.hpp"
#include "kioskctl/commands.hpp"
#include "patient/masking.hpp"

namespace kiosk::ctl {

namespace {

const char* cardTypeName(CardType type)
{
    switch (type) {
    case CardType::Resident: return "resident ID card (居民身份证)";
    case CardType::ForeignPermanentOld: return "foreign permanent resident card, 2017 (外国人永久居留身份证, 'I')";
    case CardType::ForeignPermanent2023: return "foreign permanent resident card, 2023 (外国人永久居留身份证, 'Y')";
    case CardType::HmtResidencePermit: return "HK/Macau/Taiwan residence permit (港澳台居民居住证, 'J')";
    }
    return "?";
}

const char* sexName(Sex sex)
{
    switch (sex) {
    case Sex::Male: return "male (男)";
    case Sex::Female: return "female (女)";
    case Sex::Unspecified: return "unspecified (未说明)";
    case Sex::Unknown: return "unknown (未知)";
    }
    return "?";
}

std::string formatDate(const CivilDate& d)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

void printField(const char* label, const std::string& value)
{
    if (!value.empty()) std::printf("%-18s %s\n", label, value.c_str());
}

/// Masking follows the kiosk's rule for screens and logs; the birth date and
/// the address are held back too, since they identify a person as well as a
/// name does.
enum class Masking { On, Off };

void printCard(const IdentityCard& card, Masking masking)
{
    const bool masked = masking == Masking::On;
    auto name = [&](const std::string& s) { return masked ? maskName(s) : s; };
    auto number = [&](const std::string& s) { return masked ? maskIdNumber(s) : s; };

    printField("card type:", cardTypeName(card.type));
    printField("name:", name(card.name));
    printField("English name:", name(card.englishName));
    printField("sex:", sexName(card.sex));
    if (card.type == CardType::Resident) {
        auto nation = devices::idcard::nationName(card.nation);
        printField("nation:", card.nation + " " + std::string(nation.value_or("?")));
    } else {
        printField("nationality:", card.nation);
    }
    printField("birth date:", masked ? std::to_string(card.birthDate.year) + "-**-**" : formatDate(card.birthDate));
    if (!card.address.empty()) printField("address:", masked ? "(hidden; --unmasked shows it)" : card.address);
    printField("ID number:", number(card.idNumber));
    printField("pass number:", number(card.passNumber.value_or("")));
    printField("authority:", card.authority);
    printField("authority code:", card.authorityCode.value_or(""));
    printField("valid from:", formatDate(card.validFrom));
    printField("valid to:", card.validTo ? formatDate(*card.validTo) : "长期 (no expiry)");
    if (card.issueCount) printField("issue count:", std::to_string(*card.issueCount));
    if (card.renewalCount) printField("renewal count:", std::to_string(*card.renewalCount));
    printField("card version:", card.cardVersion.value_or(""));
    printField("previous card:", card.previousCardLink.value_or(""));
    printField("photo:", std::to_string(card.photoWlt.size()) + " bytes WLT, undecoded (needs a licensed decoder)");
}

} // namespace

int idcardDecode(Args args)
{
    const Masking masking = takeFlag(args, "--unmasked") ? Masking::Off : Masking::On;
    if (!args.empty()) {
        std::fprintf(stderr, "kioskctl: idcard decode takes only --unmasked; the frame comes as hex on stdin\n");
        return 2;
    }
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    auto frame = devices::idcard::parseHex(text);
    if (!frame) return failWith("stdin is not hex: " + frame.error().message);
    if (frame->empty()) return failWith("no frame on stdin: expected a read reply as hex (AA AA AA 96 69 ...)");
    auto card = devices::idcard::decodeReadResponse(*frame);
    if (!card) return failWith("not a valid read reply: " + card.error().message);
    printCard(*card, masking);
    card->wipe();
    return 0;
}

} // namespace kiosk::ctl
