#pragma once
// The first half of the simulated receipt printer: ESC/POS bytes → the
// operations a printer would carry out. Pure and font-free, so it can be
// fuzzed on its own; escpos_interpreter draws the operations on paper.
// It never fails: what it cannot use is skipped with a warning, and every
// step consumes at least one byte.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "documents/receipt.hpp"
#include "escpos/qr_symbol.hpp"

namespace kiosk::devices::escpos {

/// The character modes in force when text arrived.
struct TextStyle {
    TextAlign align = TextAlign::Left;
    int widthScale = 1;  ///< 1–8
    int heightScale = 1;  ///< 1–8
    bool bold = false;
    int underline = 0;  ///< Dots, 0–2.
    bool reverse = false;
    bool fontB = false;  ///< The small 9×17 font for single-byte characters.
    bool chinese = true;  ///< FS &: bytes ≥ 0x80 are GB18030; otherwise code page 437.

    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

/// Printable bytes, as received (GB18030 or single-byte), plus HT as '\t'.
struct TextRun {
    std::string bytes;
    TextStyle style;
};

/// LF (lines = 1) or ESC d n: print the buffered line and feed.
struct LineEnd {
    int lines = 1;
    int lineSpacing = 30;  ///< Dots per line (ESC 2 / ESC 3 n).
};

/// ESC J n: print the buffered line and feed n dots.
struct FeedDots {
    int dots = 0;
};

/// GS ( k function 181: print the stored QR symbol.
struct QrPrint {
    /// Shared with every other print of the same stored data: an 8-byte print
    /// command must not copy up to 64 KB each time.
    std::shared_ptr<const std::string> data;
    int moduleSize = 3;
    QrErrorCorrection level = QrErrorCorrection::L;
    TextAlign align = TextAlign::Left;
};

/// GS v 0: a raster image, rows as received (MSB leftmost, 1 = black).
struct RasterImage {
    int widthBytes = 0;
    int height = 0;
    std::vector<std::uint8_t> rows;
    int scaleX = 1;
    int scaleY = 1;
    TextAlign align = TextAlign::Left;

    bool isBlack(int x, int y) const
    {
        return (rows[static_cast<std::size_t>(y * widthBytes + x / 8)] >> (7 - x % 8)) & 1;
    }
};

/// GS V / ESC i / ESC m: feed `feedDots`, then cut.
struct Cut {
    bool partial = false;
    int feedDots = 0;
};

/// DLE EOT n: the host asked for real-time status n (1–4).
struct StatusRequest {
    int n = 1;
};

using PrintOp = std::variant<TextRun, LineEnd, FeedDots, QrPrint, RasterImage, Cut, StatusRequest>;

struct ParseOptions {
    /// The paper runs out once this many bytes have been taken: the rest is not consumed.
    std::size_t paperOutAfter = std::numeric_limits<std::size_t>::max();
    /// Many Chinese printers start (and return on ESC @) in Chinese mode.
    bool chineseModeAtStart = true;
    std::size_t maxWarnings = 50;
};

struct ParsedJob {
    std::vector<PrintOp> ops;
    std::vector<std::string> warnings;  ///< "offset N: …", at most maxWarnings plus a count of the rest.
    std::size_t consumed = 0;          ///< Bytes the printer took before the job ended or the paper ran out.
    bool paperOut = false;             ///< True when bytes were left over because the paper ran out.
};

ParsedJob parseEscpos(std::span<const std::uint8_t> bytes, const ParseOptions& options = {});

}  // namespace kiosk::devices::escpos
