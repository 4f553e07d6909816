#include "patient/identity_card.hpp"

#include <algorithm>

namespace kiosk {

namespace {
void wipeString(std::string& s)
{
    // volatile stops the compiler from dropping stores to memory about to be freed.
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.size(); ++i) p[i] = 0;
    s.clear();
    s.shrink_to_fit();
}
} // namespace

void IdentityCard::wipe()
{
    for (std::string* s : {&name, &englishName, &nation, &address, &idNumber, &authority}) wipeString(*s);
    for (std::optional<std::string>* s : {&passNumber, &cardVersion, &authorityCode, &previousCardLink}) {
        if (*s) wipeString(**s);
        s->reset();
    }
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
