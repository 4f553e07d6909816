#include "fonts/font_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stb/stb_truetype.h>

#include <cerrno>
#include <cstring>

namespace kiosk::screens {

Result<FontFile> FontFile::map(const std::string& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail("cannot open the font " + path + " (" + std::strerror(errno) +
                    "): install the Debian package " + kCjkFontPackage);
    struct stat st{};
    if (::fstat(fd, &st) != 0 || st.st_size < 1024) {
        ::close(fd);
        return fail("the font " + path + " is empty or unreadable: reinstall the Debian package " + kCjkFontPackage);
    }
    void* data = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    // Glyph lookups jump around the file; without this, readahead pulls in
    // most of the 19.5 MB for a few hundred glyphs.
    if (data != MAP_FAILED) ::madvise(data, static_cast<std::size_t>(st.st_size), MADV_RANDOM);
    if (data == MAP_FAILED) return fail("cannot map the font " + path + ": " + std::strerror(errno));
    FontFile file(data, static_cast<std::size_t>(st.st_size));
    // The atlas uses faces 2 (SC) and 3 (TC) of the Noto Sans CJK collection;
    // anything else would stop the kiosk inside the font builder.
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (int face : {2, 3}) {
        int offset = stbtt_GetFontOffsetForIndex(bytes, face);
        stbtt_fontinfo info{};
        if (offset < 0 || !stbtt_InitFont(&info, bytes, offset) || stbtt_FindGlyphIndex(&info, U'中') == 0)
            return fail("the font " + path + " is not the Noto Sans CJK collection (no Chinese face " +
                        std::to_string(face) + "): reinstall the Debian package " + kCjkFontPackage);
    }
    return file;
}

FontFile::FontFile(FontFile&& other) noexcept : m_data(other.m_data), m_size(other.m_size)
{
    other.m_data = nullptr;
    other.m_size = 0;
}

FontFile::~FontFile()
{
    if (m_data) ::munmap(m_data, m_size);
}

} // namespace kiosk::screens
