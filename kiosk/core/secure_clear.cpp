#include "core/secure_clear.hpp"

namespace kiosk {

void secureClear(std::string& text)
{
    // Growing to the capacity first brings the tail of a longer value the
    // string held before into range (resize does not reallocate within the
    // capacity). The stores go through a volatile pointer: the compiler may
    // not drop stores to memory it can see is about to be freed.
    text.resize(text.capacity());
    volatile char* p = text.data();
    for (std::size_t i = 0; i < text.size(); ++i) p[i] = 0;
    text.clear();
    text.shrink_to_fit();
}

void secureClear(std::optional<std::string>& text)
{
    if (text) secureClear(*text);
    text.reset();
}

} // namespace kiosk
