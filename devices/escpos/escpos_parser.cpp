#include "escpos/escpos_parser.hpp"

#include <algorithm>
#include <cstdio>

#include "escpos/escpos_commands.hpp"
#include "escpos/escpos_skip.hpp"

namespace kiosk::devices::escpos {

namespace {

constexpr std::size_t kIncomplete = 0;
constexpr int kDefaultLineSpacing = 30;  // ESC 2 on Chinese printers: 3.75 mm at 203 dpi

// Many ESC/POS parameters accept 0…max or the ASCII digits '0'…; -1 otherwise.
int digitParameter(std::uint8_t n, int max)
{
    if (n <= max) return n;
    if (n >= '0' && n <= '0' + max) return n - '0';
    return -1;
}

std::string hex(std::uint8_t b)
{
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", b);
    return text;
}

class Parser {
public:
    Parser(std::span<const std::uint8_t> bytes, const ParseOptions& options)
        : m_in(bytes.first(std::min(bytes.size(), options.paperOutAfter))), m_options(options)
    {
        m_job.paperOut = bytes.size() > m_in.size();
        reset();
    }

    ParsedJob run()
    {
        while (m_pos < m_in.size()) {
            std::size_t used = step();
            if (used == kIncomplete) {
                // A printer would wait for the rest; when the paper ran out, that is expected.
                if (!m_job.paperOut) warn("the last command is incomplete; a printer would wait for the rest");
                break;
            }
            m_pos += used;
        }
        m_job.consumed = m_in.size();
        if (m_suppressed > 0) m_job.warnings.push_back(std::to_string(m_suppressed) + " more warnings");
        return std::move(m_job);
    }

private:
    std::uint8_t at(std::size_t offset) const { return m_in[m_pos + offset]; }
    bool available(std::size_t n) const { return m_in.size() - m_pos >= n; }

    void warn(const std::string& message)
    {
        if (m_job.warnings.size() < m_options.maxWarnings)
            m_job.warnings.push_back("offset " + std::to_string(m_pos) + ": " + message);
        else
            ++m_suppressed;
    }

    void reset()
    {
        m_style = TextStyle{};
        m_style.chinese = m_options.chineseModeAtStart;
        m_lineSpacing = kDefaultLineSpacing;
        // The stored QR data goes too, so that one patient's code can never
        // be printed on the next patient's slip by a bare "print" command.
        m_qrData.reset();
        m_qrModule = 3;
        m_qrLevel = QrErrorCorrection::L;
    }

    void push(PrintOp op)
    {
        bool printsLine = !std::holds_alternative<TextRun>(op) && !std::holds_alternative<StatusRequest>(op);
        m_job.ops.push_back(std::move(op));
        if (printsLine) m_lineStart = m_job.ops.size();
    }

    std::size_t step()
    {
        std::uint8_t b = at(0);
        switch (b) {
        case kEsc: return orSkip(esc());
        case kGs: return orSkip(gs());
        case kFs: return orSkip(fs());
        case kDle: return orSkip(dle());
        case kLf: push(LineEnd{1, m_lineSpacing}); return 1;
        case 0x00:
        case 0x0C:  // FF and CAN only matter in page mode
        case 0x0D:  // CR: printers ignore it unless auto line feed is on
        case 0x18: return 1;
        default: break;
        }
        if (b < 0x20 && b != 0x09) {
            warn("control byte " + hex(b) + " ignored");
            return 1;
        }
        std::size_t n = 0;
        while (m_pos + n < m_in.size() && (at(n) >= 0x20 || at(n) == 0x09))
            ++n;
        auto* last = m_job.ops.empty() ? nullptr : std::get_if<TextRun>(&m_job.ops.back());
        if (!last || !(last->style == m_style)) {
            push(TextRun{{}, m_style});
            last = &std::get<TextRun>(m_job.ops.back());
        }
        last->bytes.append(reinterpret_cast<const char*>(&m_in[m_pos]), n);
        return n;
    }

    static constexpr std::size_t kNotMine = static_cast<std::size_t>(-1);

    // Commands the printer does not act on are stepped over by their length.
    std::size_t orSkip(std::size_t used)
    {
        if (used != kNotMine) return used;
        auto skipped = skipCommand(m_in.subspan(m_pos));
        if (!skipped) {
            std::string prefix = at(0) == kEsc ? "ESC" : at(0) == kGs ? "GS" : at(0) == kFs ? "FS" : "DLE";
            warn("unknown command " + prefix + " " + hex(at(1)) + " skipped");
            // A bare DLE is only a control byte; after ESC, GS or FS the next byte names the command.
            return at(0) == kDle ? 1 : 2;
        }
        if (skipped->length != kIncomplete && skipped->notDrawn)
            warn(std::string(skipped->notDrawn) + " is not drawn by the simulated printer");
        return skipped->length;
    }

    std::size_t esc();
    std::size_t gs();
    std::size_t fs();
    std::size_t dle();
    std::size_t rasterImage();
    std::size_t qrFunction(std::size_t length);
    void initialize();

    std::span<const std::uint8_t> m_in;
    const ParseOptions& m_options;
    ParsedJob m_job;
    std::size_t m_pos = 0;
    std::size_t m_lineStart = 0;  ///< First op of the line not yet printed.
    std::size_t m_suppressed = 0;
    TextStyle m_style;
    int m_lineSpacing = kDefaultLineSpacing;
    std::shared_ptr<const std::string> m_qrData;  ///< Null until function 180 stores some.
    int m_qrModule = 3;
    QrErrorCorrection m_qrLevel = QrErrorCorrection::L;
};

void Parser::initialize()
{
    // ESC @ also clears the print buffer: text not yet ended by LF is lost.
    auto begin = m_job.ops.begin() + static_cast<std::ptrdiff_t>(m_lineStart);
    if (std::any_of(begin, m_job.ops.end(), [](const PrintOp& op) { return std::holds_alternative<TextRun>(op); })) {
        warn("ESC @ discards text that was not yet printed (no LF before it)");
        auto end = std::remove_if(begin, m_job.ops.end(),
                                  [](const PrintOp& op) { return std::holds_alternative<TextRun>(op); });
        m_job.ops.erase(end, m_job.ops.end());
    }
    m_lineStart = m_job.ops.size();
    reset();
}

std::size_t Parser::esc()
{
    if (!available(2)) return kIncomplete;
    std::uint8_t c = at(1);
    switch (c) {
    case '@': initialize(); return 2;
    case '2': m_lineSpacing = kDefaultLineSpacing; return 2;
    case 'i': push(Cut{false, 0}); return 2;
    case 'm': push(Cut{true, 0}); return 2;
    case '!':
    case 'E':
    case 'G':
    case 'a':
    case '-':
    case 'M':
    case 'd':
    case 'J':
    case '3':
    case 't': break;
    default: return kNotMine;
    }
    if (!available(3)) return kIncomplete;
    std::uint8_t n = at(2);
    switch (c) {
    case '!':
        m_style.fontB = n & kModeFontB;
        m_style.bold = n & kModeEmphasized;
        m_style.heightScale = (n & kModeDoubleHeight) ? 2 : 1;
        m_style.widthScale = (n & kModeDoubleWidth) ? 2 : 1;
        m_style.underline = (n & kModeUnderline) ? 1 : 0;
        break;
    case 'E':
    case 'G': m_style.bold = n & 1; break;  // emphasis and double-strike look alike on paper
    case 'a': {
        int a = digitParameter(n, 2);
        if (a < 0)
            warn("ESC a " + hex(n) + " is not an alignment");
        else
            m_style.align = a == 1 ? TextAlign::Center : a == 2 ? TextAlign::Right : TextAlign::Left;
        break;
    }
    case '-': m_style.underline = std::max(0, digitParameter(n, 2)); break;
    case 'M': m_style.fontB = digitParameter(n, 1) == 1; break;
    case 'd': push(LineEnd{n, m_lineSpacing}); break;
    case 'J': push(FeedDots{n}); break;
    case '3': m_lineSpacing = n; break;
    case 't':
        if (n != 0) warn("code page " + std::to_string(n) + " is drawn as code page 437");
        break;
    }
    return 3;
}

std::size_t Parser::gs()
{
    if (!available(2)) return kIncomplete;
    std::uint8_t c = at(1);
    if (c != '!' && c != 'B' && c != 'V' && c != 'v' && c != '(') return kNotMine;
    if (!available(3)) return kIncomplete;
    std::uint8_t n = at(2);
    switch (c) {
    case '!':
        if ((n >> 4) > 7 || (n & 0x0F) > 7) {
            warn("GS ! " + hex(n) + " asks for a size beyond 8×8; ignored");
        } else {
            m_style.widthScale = (n >> 4) + 1;
            m_style.heightScale = (n & 0x0F) + 1;
        }
        return 3;
    case 'B': m_style.reverse = n & 1; return 3;
    case 'V':
        if (n == 0 || n == 48 || n == 1 || n == 49) {
            push(Cut{n % 48 == 1, 0});
            return 3;
        }
        if (n == 65 || n == 66 || n == 97 || n == 98 || n == 103 || n == 104) {
            if (!available(4)) return kIncomplete;
            push(Cut{n % 2 == 0, at(3)});
            return 4;
        }
        warn("GS V " + hex(n) + " is not a cut");
        return 3;
    case 'v': return n == '0' ? rasterImage() : kNotMine;
    default:
        if (n != 'k') return kNotMine;
        if (!available(5)) return kIncomplete;
        std::size_t length = at(3) + 256u * at(4);
        if (!available(5 + length)) return kIncomplete;
        return qrFunction(length);
    }
}

std::size_t Parser::rasterImage()
{
    // GS v 0 m xL xH yL yH d…: x counts bytes per row, y counts rows.
    if (!available(8)) return kIncomplete;
    std::uint8_t m = at(3);
    RasterImage image;
    image.widthBytes = at(4) + 256 * at(5);
    image.height = at(6) + 256 * at(7);
    std::size_t length = 8 + static_cast<std::size_t>(image.widthBytes) * static_cast<std::size_t>(image.height);
    if (!available(length)) return kIncomplete;
    if (image.widthBytes == 0 || image.height == 0) {
        warn("GS v 0 with an empty image");
        return length;
    }
    if (m <= 3 || (m >= 48 && m <= 51)) {
        image.scaleX = (m & 1) ? 2 : 1;
        image.scaleY = (m & 2) ? 2 : 1;
    } else {
        warn("GS v 0 mode " + hex(m) + " drawn at normal size");
    }
    image.rows.assign(m_in.begin() + static_cast<std::ptrdiff_t>(m_pos + 8),
                      m_in.begin() + static_cast<std::ptrdiff_t>(m_pos + length));
    image.align = m_style.align;
    push(std::move(image));
    return length;
}

// GS ( k pL pH cn fn …, with `length` = pL + 256 pH bytes from cn on, all present.
std::size_t Parser::qrFunction(std::size_t length)
{
    std::size_t total = 5 + length;
    if (length < 2 || at(5) != 49) {
        warn("GS ( k for a 2D symbol other than QR is not drawn by the simulated printer");
        return total;
    }
    std::uint8_t fn = at(6);
    std::uint8_t p0 = length > 2 ? at(7) : 0;
    switch (fn) {
    case 65:
        if (p0 != 50) warn("QR model " + hex(p0) + " is drawn as model 2");
        break;
    case 67:
        if (p0 >= 1 && p0 <= 16)
            m_qrModule = p0;
        else
            warn("QR module size " + std::to_string(p0) + " is outside 1–16");
        break;
    case 69:
        if (p0 >= 48 && p0 <= 51)
            m_qrLevel = static_cast<QrErrorCorrection>(p0 - 48);
        else
            warn("QR error correction " + hex(p0) + " is not 48–51");
        break;
    case 80:
        if (length < 3) {
            warn("QR store without its m byte");
            break;
        }
        m_qrData = std::make_shared<const std::string>(reinterpret_cast<const char*>(&m_in[m_pos + 8]), length - 3);
        break;
    case 81:
        if (!m_qrData)
            warn("QR print with no data stored");
        else
            push(QrPrint{m_qrData, m_qrModule, m_qrLevel, m_style.align});
        break;
    case 82: break;  // size information goes back to the host; nothing to draw
    default: warn("unknown QR function " + std::to_string(fn)); break;
    }
    return total;
}

std::size_t Parser::fs()
{
    if (!available(2)) return kIncomplete;
    switch (at(1)) {
    case '&': m_style.chinese = true; return 2;
    case '.': m_style.chinese = false; return 2;
    default: return kNotMine;
    }
}

std::size_t Parser::dle()
{
    if (!available(2)) return kIncomplete;
    if (at(1) != kEot) return kNotMine;
    if (!available(3)) return kIncomplete;
    std::uint8_t n = at(2);
    if (n >= 1 && n <= 4) {
        push(StatusRequest{n});
        return 3;
    }
    if (n == 7 || n == 8 || n == 18) return kNotMine;  // extended statuses carry one more byte
    warn("DLE EOT " + std::to_string(n) + " is not a status request");
    return 3;
}

}  // namespace

ParsedJob parseEscpos(std::span<const std::uint8_t> bytes, const ParseOptions& options)
{
    return Parser(bytes, options).run();
}

}  // namespace kiosk::devices::escpos
