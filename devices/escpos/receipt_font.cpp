#include "escpos/receipt_font.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stb/stb_truetype.h>

namespace kiosk::devices::escpos {

struct ReceiptFont::Face {
    // The font collection is mapped, not read: 19.5 MB of which drawing
    // touches a few hundred kilobytes, shared with every other reader of the
    // file through the page cache.
    const unsigned char* data = nullptr;
    std::size_t size = 0;
    ~Face()
    {
        if (data) munmap(const_cast<unsigned char*>(data), size);
    }
    stbtt_fontinfo info{};
    float unitsToEm = 0;    ///< Scale for a one-dot em.
    float ascentEm = 0.88f;  ///< Baseline below the cell top, in em.
};

Result<ReceiptFont> ReceiptFont::load(const std::string& path, int face)
{
    auto f = std::make_shared<Face>();
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail("cannot read the receipt font " + path + ": install the Debian package fonts-noto-cjk");
    struct stat st {};
    void* mapped = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size > 0)
        mapped = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) return fail("cannot map the receipt font " + path);
    f->data = static_cast<const unsigned char*>(mapped);
    f->size = static_cast<std::size_t>(st.st_size);
    int offset = stbtt_GetFontOffsetForIndex(f->data, face);
    if (offset < 0 || !stbtt_InitFont(&f->info, f->data, offset))
        return fail(path + " has no usable font face " + std::to_string(face));
    f->unitsToEm = stbtt_ScaleForMappingEmToPixels(&f->info, 1.0f);
    // The typographic ascender puts a hanzi's em box exactly into the cell.
    int typoAscent = 0, typoDescent = 0, typoGap = 0;
    if (stbtt_GetFontVMetricsOS2(&f->info, &typoAscent, &typoDescent, &typoGap) && typoAscent > typoDescent)
        f->ascentEm = static_cast<float>(typoAscent) / static_cast<float>(typoAscent - typoDescent);
    return ReceiptFont(std::move(f));
}

void ReceiptFont::draw(PaperImage& paper, char32_t codepoint, const GlyphCell& cell) const
{
    const stbtt_fontinfo& info = m_face->info;
    if (codepoint == ' ' || codepoint == 0x3000) return;
    int glyph = stbtt_FindGlyphIndex(&info, static_cast<int>(codepoint));
    int strike = cell.bold ? std::max(1, cell.width / 12) : 0;  // double strike, wider for wide characters
    auto put = [&](int x, int y, std::uint8_t ink) {
        if (cell.inverse)
            paper.lighten(x, y, ink);
        else
            paper.darken(x, y, ink);
    };
    if (glyph == 0) {
        // Missing from the font: an empty box, so the gap is visible on paper.
        int x0 = cell.x + cell.width / 6, x1 = cell.x + cell.width - 1 - cell.width / 6;
        int y0 = cell.y + cell.height / 8, y1 = cell.y + cell.height - 1 - cell.height / 8;
        for (int x = x0; x <= x1; ++x)
            put(x, y0, 255), put(x, y1, 255);
        for (int y = y0; y <= y1; ++y)
            put(x0, y, 255), put(x1, y, 255);
        return;
    }
    // A cell is one em high; a full-width cell one em wide, a half-width one
    // half an em, into which wide Latin letters are squeezed as printers do.
    float scaleY = m_face->unitsToEm * static_cast<float>(cell.height);
    float scaleX = m_face->unitsToEm * static_cast<float>(cell.fullWidth ? cell.width : 2 * cell.width);
    int advance = 0, bearing = 0;
    stbtt_GetGlyphHMetrics(&info, glyph, &advance, &bearing);
    float advanceDots = static_cast<float>(advance) * scaleX;
    if (advanceDots > static_cast<float>(cell.width) && advance > 0) {
        scaleX *= static_cast<float>(cell.width) / advanceDots;
        advanceDots = static_cast<float>(cell.width);
    }
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&info, glyph, scaleX, scaleY, &x0, &y0, &x1, &y1);
    int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) return;
    std::vector<unsigned char> bitmap(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    stbtt_MakeGlyphBitmap(&info, bitmap.data(), w, h, w, scaleX, scaleY, glyph);
    int originX = cell.x + static_cast<int>(std::lround((static_cast<float>(cell.width) - advanceDots) / 2));
    int baseline = cell.y + static_cast<int>(std::lround(m_face->ascentEm * static_cast<float>(cell.height)));
    for (int pass = 0; pass <= strike; ++pass)
        for (int row = 0; row < h; ++row)
            for (int col = 0; col < w; ++col)
                if (auto ink = bitmap[static_cast<std::size_t>(row * w + col)])
                    put(originX + x0 + col + pass, baseline + y0 + row, ink);
}

}  // namespace kiosk::devices::escpos
