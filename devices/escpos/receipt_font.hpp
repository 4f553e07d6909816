#pragma once
// The simulated printer's character generator: glyphs from Noto Sans CJK SC
// (stb_truetype), stretched into the fixed cells a thermal printer uses.
#include <memory>
#include <string>

#include "core/result.hpp"
#include "escpos/paper_image.hpp"

namespace kiosk::devices::escpos {

inline constexpr const char* kDefaultReceiptFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
/// Face 2 of the collection is Simplified Chinese (0 is Japanese).
inline constexpr int kDefaultReceiptFontFace = 2;

/// Where and how one character is drawn.
struct GlyphCell {
    int x = 0;
    int y = 0;  ///< Top of the cell.
    int width = 0;
    int height = 0;
    bool fullWidth = false;  ///< A hanzi cell is one em wide, a single-byte cell half an em.
    bool bold = false;
    bool inverse = false;  ///< White on black.
};

class ReceiptFont {
public:
    /// Maps the font file (read-only) for the font's lifetime.
    static Result<ReceiptFont> load(const std::string& path, int face);

    /// Draws one character, scaled to fill the cell's height and at most its
    /// width; a character the font lacks is drawn as an empty box, never skipped.
    void draw(PaperImage& paper, char32_t codepoint, const GlyphCell& cell) const;

private:
    struct Face;
    explicit ReceiptFont(std::shared_ptr<const Face> face) : m_face(std::move(face)) {}
    std::shared_ptr<const Face> m_face;
};

}  // namespace kiosk::devices::escpos
