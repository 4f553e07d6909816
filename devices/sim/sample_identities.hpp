#pragma once
// Sample identity cards for the demo and the scenarios, read from
// assets/demo/id_cards.tsv (one card per line, tab-separated; see the file's
// header comment for the columns).
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "patient/identity_card.hpp"

namespace kiosk::devices {

struct SampleIdentity {
    std::string key;  ///< Short handle used by scenarios and demo hotkeys, e.g. "zhang-san".
    IdentityCard card;
};

Result<std::vector<SampleIdentity>> parseSampleIdentities(std::string_view text, const std::string& fileName);
Result<std::vector<SampleIdentity>> loadSampleIdentities(const std::string& path);

} // namespace kiosk::devices
