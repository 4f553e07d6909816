#pragma once
// The simulated receipt printer's brain: ESC/POS bytes in, a picture of the
// paper out. escpos_parser turns the bytes into operations; this file lays
// them out as a printer head would (fixed character cells, line spacing,
// alignment, QR codes, raster images, cuts) and draws them. Pure apart from
// reading the font once.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "escpos/escpos_parser.hpp"
#include "escpos/paper_image.hpp"
#include "escpos/receipt_font.hpp"

namespace kiosk::devices::escpos {

inline constexpr int kPaper80mmDots = 576;  ///< Printable width of 80 mm paper at 203 dpi.
inline constexpr int kPaper58mmDots = 384;  ///< Printable width of 58 mm paper at 203 dpi.

struct InterpreterOptions {
    int paperWidthDots = kPaper80mmDots;
    std::string fontPath = kDefaultReceiptFont;
    int fontFace = kDefaultReceiptFontFace;
    /// Simulates paper end: only this many bytes are taken.
    std::size_t paperOutAfter = std::numeric_limits<std::size_t>::max();
    bool chineseModeAtStart = true;
    /// Paper beyond this length is not drawn (about 2.5 m), so a runaway job cannot exhaust memory.
    int maxPaperDots = 20000;
};

struct Rendering {
    PaperImage paper;
    ParsedJob job;                     ///< The operations, bytes consumed and paper-out flag.
    std::vector<std::string> warnings;  ///< The parser's and the layout's.
    std::vector<std::string> qrCodes;   ///< What each QR code drawn holds, in order (what a scanner would read).
    int cuts = 0;
};

class EscposInterpreter {
public:
    /// Loads the font; fails with the reason (a missing font names its package).
    static Result<EscposInterpreter> open(InterpreterOptions options = {});

    /// Interprets one job and draws the paper it comes out on.
    Rendering render(std::span<const std::uint8_t> bytes) const;

    const InterpreterOptions& options() const { return m_options; }

private:
    EscposInterpreter(InterpreterOptions options, ReceiptFont font)
        : m_options(std::move(options)), m_font(std::move(font))
    {
    }

    InterpreterOptions m_options;
    ReceiptFont m_font;
};

}  // namespace kiosk::devices::escpos
