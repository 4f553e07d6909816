#pragma once
// What an identity card says about its holder, as values. The reader's
// adapter decodes the card; everything after works on this.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace kiosk {

enum class CardType {
    Resident,              ///< 居民身份证
    ForeignPermanentOld,   ///< 外国人永久居留身份证 (2017, flag 'I')
    ForeignPermanent2023,  ///< 外国人永久居留身份证 (2023, flag 'Y')
    HmtResidencePermit,    ///< 港澳台居民居住证 (flag 'J')
};

enum class Sex { Unknown, Male, Female, Unspecified };

struct IdentityCard {
    CardType type = CardType::Resident;
    std::string name;         ///< As printed; Chinese name for foreign cards when present.
    std::string englishName;  ///< Foreign permanent resident cards only.
    Sex sex = Sex::Unknown;
    std::string nation;       ///< 民族 code ("01" = 汉) for resident cards, nationality code for foreign ones.
    CivilDate birthDate;
    std::string address;
    std::string idNumber;
    std::string authority;
    CivilDate validFrom;
    std::optional<CivilDate> validTo;  ///< Empty for 长期 (no expiry).
    std::vector<std::uint8_t> photoWlt;  ///< Opaque; decoding needs a licensed library.

    // Fields that only some card types carry; empty on the others.
    std::optional<std::string> passNumber;        ///< 通行证号码 on an HMT residence permit ('J').
    std::optional<int> issueCount;                ///< 签发次数 ('J'; 'Y' in its unconfirmed layout).
    std::optional<std::string> cardVersion;       ///< 证件版本号 on a 2017 foreign card ('I').
    std::optional<std::string> authorityCode;     ///< 受理机关代码 on a 2017 foreign card ('I').
    std::optional<int> renewalCount;              ///< 换证次数 on a 2023 foreign card ('Y').
    std::optional<std::string> previousCardLink;  ///< 既往版本证件号码关联项 on a 2023 foreign card ('Y').

    /// The name to greet the patient with: Chinese name if any, else English.
    const std::string& displayName() const { return name.empty() ? englishName : name; }

    /// Overwrites every field in place before the memory is released, so no
    /// copy of the patient's data outlives the session in freed heap blocks.
    void wipe();

    // Every copy wipes itself when it goes: the queue's copy, the session's,
    // the ones in flight between threads.
    IdentityCard() = default;
    IdentityCard(const IdentityCard&) = default;
    IdentityCard(IdentityCard&&) noexcept = default;
    IdentityCard& operator=(const IdentityCard&) = default;
    IdentityCard& operator=(IdentityCard&&) noexcept = default;
    ~IdentityCard() { wipe(); }
};

} // namespace kiosk
