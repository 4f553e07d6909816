#include "patient/identity_card.hpp"

#include <algorithm>

#include "core/secure_clear.hpp"

namespace kiosk {

void IdentityCard::wipe()
{
    for (std::string* s : {&name, &englishName, &nation, &address, &idNumber, &authority}) secureClear(*s);
    for (std::optional<std::string>* s : {&passNumber, &cardVersion, &authorityCode, &previousCardLink}) secureClear(*s);
    issueCount.reset();
    renewalCount.reset();
    std::fill(photoWlt.begin(), photoWlt.end(), std::uint8_t{0});
    photoWlt.clear();
    birthDate = {};
    validFrom = {};
    validTo.reset();
    sex = Sex::Unknown;
}

} // namespace kiosk
