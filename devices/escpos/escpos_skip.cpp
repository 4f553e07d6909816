#include "escpos/escpos_skip.hpp"

#include "escpos/escpos_commands.hpp"

namespace kiosk::devices::escpos {

namespace {

class Skipper {
public:
    explicit Skipper(std::span<const std::uint8_t> rest) : m_rest(rest) {}

    std::optional<SkippedCommand> run()
    {
        if (m_rest.size() < 2) return SkippedCommand{};
        switch (m_rest[0]) {
        case kEsc: return esc(m_rest[1]);
        case kGs: return gs(m_rest[1]);
        case kFs: return fs(m_rest[1]);
        case kDle: return dle(m_rest[1]);
        default: return std::nullopt;
        }
    }

private:
    std::size_t at(std::size_t k) const { return k < m_rest.size() ? m_rest[k] : 0; }

    // A command of `length` bytes, or "incomplete" if fewer are there.
    SkippedCommand take(std::size_t length, const char* notDrawn = nullptr) const
    {
        return {length <= m_rest.size() ? length : 0, notDrawn};
    }
    // Reading a length field needs its bytes first.
    bool lacks(std::size_t n) const { return m_rest.size() < n; }

    std::optional<SkippedCommand> esc(std::uint8_t c) const
    {
        switch (c) {
        case 'S': return take(2);
        case 'L': return take(2, "page mode (ESC L)");
        case 'U':
        case '=':
        case 'T':
        case 'r': return take(3);
        case 'R': return take(3, "international character set (ESC R)");
        case ' ': return take(3, "character right spacing (ESC SP)");
        case 'V': return take(3, "90° rotation (ESC V)");
        case '{': return take(3, "upside-down printing (ESC {)");
        case 'e': return take(3, "reverse feed (ESC e)");
        case '%': return take(3, "user-defined character set (ESC %)");
        case 'c': return take(4);  // ESC c 3/4/5 n: sensors and panel buttons
        case '$':
        case '\\': return take(4, "horizontal position (ESC $ / ESC \\)");
        case 'p': return take(5);  // cash-drawer pulse
        case 'W': return take(10, "page mode area (ESC W)");
        case 'D':
            // Tab stops: at most 32 values ended by NUL.
            for (std::size_t k = 2; k < 2 + 33; ++k) {
                if (lacks(k + 1)) return SkippedCommand{};
                if (at(k) == 0) return take(k + 1, "custom tab stops (ESC D)");
            }
            return take(2 + 33, "custom tab stops (ESC D)");
        case '*': {
            // Bit image: m 0/1 take one byte per column, m 32/33 three.
            if (lacks(5)) return SkippedCommand{};
            std::size_t perColumn = (at(2) == 0 || at(2) == 1) ? 1 : (at(2) == 32 || at(2) == 33) ? 3 : 0;
            if (perColumn == 0) return std::nullopt;
            return take(5 + (at(3) + 256 * at(4)) * perColumn, "bit image (ESC *)");
        }
        case '&': {
            // ESC & y c1 c2, then for each character c1…c2: x and y·x bytes.
            if (lacks(5)) return SkippedCommand{};
            std::size_t y = at(2), c1 = at(3), c2 = at(4);
            if (y == 0 || y > 3 || c2 < c1) return std::nullopt;
            std::size_t k = 5;
            for (std::size_t ch = c1; ch <= c2; ++ch) {
                if (lacks(k + 1)) return SkippedCommand{};
                k += 1 + y * at(k);
            }
            return take(k, "user-defined characters (ESC &)");
        }
        default: return std::nullopt;
        }
    }

    std::optional<SkippedCommand> gs(std::uint8_t c) const
    {
        switch (c) {
        case 'H':
        case 'f':
        case 'h':
        case 'w':
        case 'a':
        case 'r':
        case 'I':
        case 'b':
        case 'E':
        case 'T':
        case 'j': return take(3);
        case '/': return take(3, "downloaded bit image (GS /)");
        case 'L':
        case 'W':
        case 'P': return take(4);
        case '$':
        case '\\': return take(4, "vertical position (GS $ / GS \\)");
        case 'g':
        case '^':
        case 'z': return take(5);
        case '(':
            if (lacks(5)) return SkippedCommand{};
            return take(5 + at(3) + 256 * at(4), "GS ( function");
        case '8':
            // GS 8 L p1 p2 p3 p4: graphics with a 32-bit length.
            if (lacks(3)) return SkippedCommand{};
            if (at(2) != 'L') return std::nullopt;
            if (lacks(7)) return SkippedCommand{};
            return take(7 + (at(3) | at(4) << 8 | at(5) << 16 | at(6) << 24), "graphics (GS 8 L)");
        case 'k':
            // Barcodes: m 0–6 end with NUL, m 65–79 carry a length byte.
            if (lacks(3)) return SkippedCommand{};
            if (at(2) <= 6) {
                for (std::size_t k = 3; k < m_rest.size(); ++k)
                    if (at(k) == 0) return take(k + 1, "barcode (GS k)");
                return SkippedCommand{};
            }
            if (at(2) >= 65 && at(2) <= 79) {
                if (lacks(4)) return SkippedCommand{};
                return take(4 + at(3), "barcode (GS k)");
            }
            return std::nullopt;
        case '*':
            if (lacks(4)) return SkippedCommand{};
            return take(4 + at(2) * at(3) * 8, "downloaded bit image (GS *)");
        default: return std::nullopt;
        }
    }

    std::optional<SkippedCommand> fs(std::uint8_t c) const
    {
        switch (c) {
        case 0x0E:
        case 0x14: return take(2, "Chinese double width (FS SO / FS DC4)");
        case '!': return take(3, "Chinese print mode (FS !)");
        case 'W': return take(3, "Chinese quadruple size (FS W)");
        case '-': return take(3, "Chinese underline (FS -)");
        case 'C': return take(3);
        case 'S': return take(4, "Chinese character spacing (FS S)");
        case '?': return take(4);
        case 'p': return take(4, "NV bit image (FS p)");
        case '2': return take(75, "user-defined Chinese character (FS 2)");
        case '(':
            if (lacks(5)) return SkippedCommand{};
            return take(5 + at(3) + 256 * at(4), "FS ( function");
        case 'q': {
            // FS q n, then n images of xL xH yL yH and x·y·8 bytes.
            if (lacks(3)) return SkippedCommand{};
            std::size_t k = 3;
            for (std::size_t image = 0; image < at(2); ++image) {
                if (lacks(k + 4)) return SkippedCommand{};
                k += 4 + (at(k) + 256 * at(k + 1)) * (at(k + 2) + 256 * at(k + 3)) * 8;
            }
            return take(k, "NV bit image definition (FS q)");
        }
        default: return std::nullopt;
        }
    }

    std::optional<SkippedCommand> dle(std::uint8_t c) const
    {
        if (c != kEot && c != 0x05 && c != 0x14) return std::nullopt;
        if (lacks(3)) return SkippedCommand{};
        std::size_t n = at(2);
        if (c == kEot && (n == 7 || n == 8 || n == 18)) return take(4);  // ink and other extended statuses
        if (c == 0x05) return take(3);                                  // DLE ENQ: error recovery
        if (c == 0x14) return take(n == 7 ? 4 : n == 8 ? 10 : 5);       // DLE DC4: pulse, power off, clear
        return std::nullopt;
    }

    std::span<const std::uint8_t> m_rest;
};

}  // namespace

std::optional<SkippedCommand> skipCommand(std::span<const std::uint8_t> rest)
{
    return Skipper(rest).run();
}

}  // namespace kiosk::devices::escpos
