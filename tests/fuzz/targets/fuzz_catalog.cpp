// Catalog files are edited by hand on site: any bytes must give a catalog or
// an error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "i18n/catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto catalog = kiosk::Catalog::parse(text, "fuzz.catalog");
    if (catalog)
        for (const auto& [key, value] : catalog->entries()) (void)kiosk::substitute(value, {{"name", "x"}});
    return 0;
}
