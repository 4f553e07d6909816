// Names arrive from ID cards and, later, from the hospital: decoding and
// masking must survive any bytes, and masking never lengthens a name's
// character count.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "patient/masking.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto strict = kiosk::decodeUtf8(text);
    auto lossy = kiosk::decodeUtf8Lossy(text);
    if (strict && kiosk::encodeUtf8(*strict) != text) std::abort();  // valid UTF-8 must round-trip
    std::string masked = kiosk::maskName(text);
    if (kiosk::decodeUtf8Lossy(masked).size() > lossy.size()) std::abort();
    (void)kiosk::maskIdNumber(text);
    return 0;
}
