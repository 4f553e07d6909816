// Scenario files are plain text written by people: any bytes must parse or
// give an error naming the line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "script/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)kiosk::parseScenario(text, "fuzz.scenario");
    return 0;
}
