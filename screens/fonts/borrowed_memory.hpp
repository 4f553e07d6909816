#pragma once
// Lets ImGui use the memory-mapped font without copying it. ImGui 1.86 copies
// font data it does not own (19.5 MB per font size, 58 MB for three sizes)
// and frees data it does own. So the atlas is told it owns the mapping, and
// ImGui's allocator is routed through this object, whose free ignores
// pointers into borrowed ranges. Install before ImGui::CreateContext and keep
// alive until after ImGui::DestroyContext.
#include <cstddef>
#include <vector>

namespace kiosk::screens {

class BorrowedMemory {
public:
    /// Routes ImGui's allocations through this object.
    void install();
    void lend(const void* data, std::size_t size);
    void unlend(const void* data);
    bool contains(const void* ptr) const;

private:
    struct Range {
        const char* begin;
        const char* end;
    };
    std::vector<Range> m_ranges;
};

} // namespace kiosk::screens
