#pragma once
// The CJK font file, mapped read-only rather than read into memory: only the
// pages that hold the glyphs in use ever become resident, which keeps the
// 19.5 MB collection from costing 19.5 MB of RSS.
#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace kiosk::screens {

class FontFile {
public:
    static Result<FontFile> map(const std::string& path);
    FontFile(FontFile&& other) noexcept;
    FontFile& operator=(FontFile&&) = delete;
    ~FontFile();

    const void* data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    FontFile(void* data, std::size_t size) : m_data(data), m_size(size) {}
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Where Debian's fonts-noto-cjk puts the Sans collection.
inline constexpr const char* kDefaultCjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
inline constexpr const char* kCjkFontPackage = "fonts-noto-cjk";

} // namespace kiosk::screens
