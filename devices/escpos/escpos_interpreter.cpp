#include "escpos/escpos_interpreter.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "escpos/gb18030_text.hpp"
#include "escpos/qr_symbol.hpp"

namespace kiosk::devices::escpos {

namespace {

// Character cells of a typical 203 dpi printer: font A 12×24 dots, font B
// 9×17, hanzi 24×24, each multiplied by the GS ! scale.
constexpr int kHanziDots = 24;
constexpr int kFontAWidth = 12;
constexpr int kFontBWidth = 9;
constexpr int kFontBHeight = 17;
constexpr int kTabColumns = 8;
constexpr std::size_t kMaxWarnings = 50;
constexpr int kCutMargin = 12;  // paper between a cut and what follows, so receipts stay apart

struct PlacedChar {
    char32_t codepoint = 0;
    int x = 0;  ///< From the start of the line.
    int width = 0;
    int height = 0;
    bool fullWidth = false;
    TextStyle style;
};

class Painter {
public:
    Painter(const InterpreterOptions& options, const ReceiptFont& font, Rendering& out)
        : m_options(options), m_font(font), m_out(out)
    {
        m_out.paper.width = options.paperWidthDots;
    }

    void operator()(const TextRun& run)
    {
        if (m_full) return;
        auto chars = run.style.chinese ? fromGb18030(run.bytes) : fromCodePage437(run.bytes);
        int ws = run.style.widthScale, hs = run.style.heightScale;
        int halfWidth = (run.style.fontB ? kFontBWidth : kFontAWidth) * ws;
        for (const PrintedCharacter& c : chars) {
            PlacedChar p{c.codepoint, m_lineWidth, 0, 0, c.fullWidth, run.style};
            if (c.codepoint == '\t') {
                int stop = halfWidth * kTabColumns;
                p.width = stop - m_lineWidth % stop;
                p.codepoint = ' ';
            } else {
                p.width = c.fullWidth ? kHanziDots * ws : halfWidth;
            }
            p.height = (c.fullWidth || !run.style.fontB ? kHanziDots : kFontBHeight) * hs;
            // A line that would run past the paper's edge wraps, as on a printer.
            if (!m_line.empty() && m_lineWidth + p.width > m_options.paperWidthDots) {
                printLine(m_lineSpacing);
                p.x = 0;
            }
            if (m_line.empty()) m_lineAlign = run.style.align;
            m_line.push_back(p);
            m_lineWidth += p.width;
        }
    }

    void operator()(const LineEnd& end)
    {
        m_lineSpacing = end.lineSpacing;
        if (m_line.empty()) {
            advance(end.lines * end.lineSpacing);
            return;
        }
        printLine(end.lines > 0 ? end.lineSpacing : 0);
        advance(std::max(0, end.lines - 1) * end.lineSpacing);
    }

    void operator()(const FeedDots& feed)
    {
        if (m_line.empty())
            advance(feed.dots);
        else
            printLine(feed.dots);
    }

    void operator()(const QrPrint& qr)
    {
        printPendingLine();
        if (m_full || !qr.data) return;
        const Result<QrSymbol>& symbol = symbolFor(qr);
        if (!symbol) return warn("QR code not printed: " + symbol.error().message);
        int dots = (symbol->size + 2 * kQrQuietZone) * qr.moduleSize;
        if (dots > m_options.paperWidthDots)
            return warn("QR code " + std::to_string(dots) + " dots wide does not fit the paper; not printed");
        if (!room(dots)) return;
        m_out.qrCodes.push_back(*qr.data);
        int left = alignedX(qr.align, dots) + kQrQuietZone * qr.moduleSize;
        int top = m_y + kQrQuietZone * qr.moduleSize;
        for (int my = 0; my < symbol->size; ++my)
            for (int mx = 0; mx < symbol->size; ++mx)
                if (symbol->isDark(mx, my))
                    m_out.paper.fill(left + mx * qr.moduleSize, top + my * qr.moduleSize, qr.moduleSize, qr.moduleSize,
                                     0);
        m_y += dots;
    }

    void operator()(const RasterImage& image)
    {
        printPendingLine();
        int width = image.widthBytes * 8 * image.scaleX;
        int height = image.height * image.scaleY;
        if (width > m_options.paperWidthDots)
            warn("raster image " + std::to_string(width) + " dots wide is cut off at the paper's edge");
        if (!room(height)) return;
        int left = alignedX(image.align, std::min(width, m_options.paperWidthDots));
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.widthBytes * 8; ++x)
                if (image.isBlack(x, y))
                    m_out.paper.fill(left + x * image.scaleX, m_y + y * image.scaleY, image.scaleX, image.scaleY, 0);
        m_y += height;
    }

    void operator()(const Cut& cut)
    {
        printPendingLine();
        advance(cut.feedDots);
        if (!room(kCutMargin)) return;
        // A dashed line across the paper; a partial cut leaves a bridge in the middle.
        int width = m_options.paperWidthDots;
        int line = m_y + kCutMargin / 2;
        for (int x = 0; x < width; ++x) {
            bool bridge = cut.partial && std::abs(x - width / 2) < width / 20;
            if (!bridge && x % 12 < 8) m_out.paper.fill(x, line - 1, 1, 2, 0);
        }
        m_y += kCutMargin;
        ++m_out.cuts;
    }

    void operator()(const StatusRequest&) {}

    void finish()
    {
        if (!m_line.empty())
            warn(std::to_string(m_line.size()) +
                 " characters at the end were not followed by LF: a printer keeps them in its buffer unprinted");
        if (m_suppressed > 0) m_out.warnings.push_back(std::to_string(m_suppressed) + " more layout warnings");
        m_out.paper.growTo(std::max(1, m_y));
    }

private:
    void warn(std::string message)
    {
        if (m_warnings++ < kMaxWarnings) m_out.warnings.push_back(std::move(message));
        else ++m_suppressed;
    }

    // The same stored data is often printed again and again (and, when it
    // does not fit, takes no paper): encode it once.
    const Result<QrSymbol>& symbolFor(const QrPrint& qr)
    {
        if (qr.data != m_qrData || qr.level != m_qrLevel) {
            m_qrSymbol = encodeQrSymbol(*qr.data, qr.level);
            m_qrData = qr.data;
            m_qrLevel = qr.level;
        }
        return m_qrSymbol;
    }

    // Reserves `dots` of paper below the current position; false once the paper limit is reached.
    bool room(int dots)
    {
        if (m_full) return false;
        if (m_y + dots > m_options.maxPaperDots) {
            m_full = true;
            warn("the receipt is longer than " + std::to_string(m_options.maxPaperDots) +
                 " dots; the rest is not drawn");
            return false;
        }
        m_out.paper.growTo(m_y + dots);
        return true;
    }

    void advance(int dots)
    {
        if (room(dots)) m_y += dots;
    }

    int alignedX(TextAlign align, int width) const
    {
        int free = std::max(0, m_options.paperWidthDots - width);
        return align == TextAlign::Center ? free / 2 : align == TextAlign::Right ? free : 0;
    }

    void printPendingLine()
    {
        if (!m_line.empty()) printLine(m_lineSpacing);
    }

    // Draws the buffered line with its characters on a common bottom edge and
    // moves down by the line pitch: the spacing, or more if the characters are taller.
    void printLine(int pitch)
    {
        int height = 0;
        for (const PlacedChar& c : m_line)
            height = std::max(height, c.height);
        if (room(std::max(height, pitch))) {
            int left = alignedX(m_lineAlign, m_lineWidth);
            for (const PlacedChar& c : m_line)
                drawChar(c, left + c.x, m_y + height - c.height);
            m_y += std::max(height, pitch);
        }
        m_line.clear();
        m_lineWidth = 0;
    }

    void drawChar(const PlacedChar& c, int x, int top)
    {
        if (c.style.reverse) m_out.paper.fill(x, top, c.width, c.height, 0);
        m_font.draw(m_out.paper, c.codepoint,
                    GlyphCell{x, top, c.width, c.height, c.fullWidth, c.style.bold, c.style.reverse});
        for (int row = 0; row < c.style.underline * c.style.heightScale; ++row)
            m_out.paper.fill(x, top + c.height - 1 - row, c.width, 1, c.style.reverse ? 255 : 0);
    }

    const InterpreterOptions& m_options;
    const ReceiptFont& m_font;
    Rendering& m_out;
    int m_y = 0;
    bool m_full = false;
    std::vector<PlacedChar> m_line;
    int m_lineWidth = 0;
    int m_lineSpacing = 30;
    TextAlign m_lineAlign = TextAlign::Left;
    std::size_t m_warnings = 0;
    std::size_t m_suppressed = 0;
    std::shared_ptr<const std::string> m_qrData;
    QrErrorCorrection m_qrLevel = QrErrorCorrection::L;
    Result<QrSymbol> m_qrSymbol = fail("no QR data");
};

}  // namespace

Result<EscposInterpreter> EscposInterpreter::open(InterpreterOptions options)
{
    if (options.paperWidthDots < 64 || options.paperWidthDots > 4096)
        return fail("paper width " + std::to_string(options.paperWidthDots) + " dots is not plausible (576 or 384)");
    auto font = ReceiptFont::load(options.fontPath, options.fontFace);
    if (!font) return std::unexpected(font.error());
    return EscposInterpreter(std::move(options), std::move(*font));
}

Rendering EscposInterpreter::render(std::span<const std::uint8_t> bytes) const
{
    Rendering out;
    ParseOptions parse;
    parse.paperOutAfter = m_options.paperOutAfter;
    parse.chineseModeAtStart = m_options.chineseModeAtStart;
    out.job = parseEscpos(bytes, parse);
    out.warnings = out.job.warnings;
    Painter painter(m_options, m_font, out);
    for (const PrintOp& op : out.job.ops)
        std::visit(painter, op);
    painter.finish();
    if (out.job.paperOut)
        out.warnings.push_back("paper ran out after " + std::to_string(out.job.consumed) + " of " +
                               std::to_string(bytes.size()) + " bytes");
    return out;
}

}  // namespace kiosk::devices::escpos
