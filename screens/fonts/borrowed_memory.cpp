#include "fonts/borrowed_memory.hpp"

#include <imgui.h>

#include <cstdlib>

namespace kiosk::screens {

namespace {
void* allocate(std::size_t size, void*) { return std::malloc(size); }

void release(void* ptr, void* self)
{
    if (ptr && static_cast<BorrowedMemory*>(self)->contains(ptr)) return;  // not ours to free
    std::free(ptr);
}
} // namespace

void BorrowedMemory::install() { ImGui::SetAllocatorFunctions(allocate, release, this); }

void BorrowedMemory::lend(const void* data, std::size_t size)
{
    const char* begin = static_cast<const char*>(data);
    m_ranges.push_back({begin, begin + size});
}

void BorrowedMemory::unlend(const void* data)
{
    std::erase_if(m_ranges, [&](const Range& r) { return r.begin == static_cast<const char*>(data); });
}

bool BorrowedMemory::contains(const void* ptr) const
{
    const char* p = static_cast<const char*>(ptr);
    for (const Range& r : m_ranges)
        if (p >= r.begin && p < r.end) return true;
    return false;
}

} // namespace kiosk::screens
