#pragma once
// The A4 printer's test page as a PDF, drawn with cairo and laid out with
// pango: what printed it and where to, when, a grey ramp for the toner and a
// millimetre grid for checking scale and margins, and a line of Chinese in
// the kiosk's font, the script most reports are printed in.
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace kiosk::devices::pdf {

struct TestPageInfo {
    std::string kioskId;
    std::string destination;  ///< The CUPS destination the page is meant for.
    WallTime printedAt;       ///< Shown in local time.
};

/// One A4 page (595×842 pt). Fails when cairo cannot draw or the CJK font
/// is missing (naming its Debian package), never with a page of boxes.
Result<std::vector<std::uint8_t>> renderTestPage(const TestPageInfo& info);

} // namespace kiosk::devices::pdf
