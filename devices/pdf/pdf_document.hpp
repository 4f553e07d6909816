#pragma once
// What every document the A4 printer gets has in common: an A4 PDF written
// into memory by cairo, text laid out by pango in Noto Sans CJK, and a check
// that this font is really there. Each document (test page, report) only
// decides what goes where.
#include <cairo.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace kiosk::devices::pdf {

inline constexpr double kA4Width = 595;  // PostScript points
inline constexpr double kA4Height = 842;
inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline constexpr const char* kCjkFamily = "Noto Sans CJK SC";

enum class Weight { Normal, Bold };
enum class Align { Left, Center, Right };

struct TextStyle {
    double points = 10;
    Weight weight = Weight::Normal;
    Align align = Align::Left;
    int maxLines = 0;  ///< When wrapped, lines beyond this end in "…"; 0 for no limit.
};

/// Text cut between two lines: what fits, and what goes on.
struct TextSplit {
    std::string head;
    std::string rest;
};

struct Rect {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
};

/// Fails, naming the Debian package, when fontconfig would give another font
/// than Noto Sans CJK: a document in a fallback font, or with boxes for
/// Chinese, must not reach paper. `document` names it in the message.
Result<void> checkCjkFont(std::string_view document);

/// Local time as strftime formats it ("%Y-%m-%d %H:%M").
std::string localTimeText(WallTime when, const char* format);

/// One A4 portrait PDF, drawn page by page. Not movable: cairo writes into it.
class PdfDocument {
public:
    /// `document` names it in error messages ("the test page"); `title` goes
    /// into the PDF's metadata.
    static Result<std::unique_ptr<PdfDocument>> open(std::string document, const std::string& title);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    /// Height of `text` in `width` points (0: one line, never wrapped).
    Result<double> measure(std::string_view text, double width, const TextStyle& style);
    /// Draws `text` with its box's top-left corner at (x, y); returns its height.
    Result<double> text(double x, double y, std::string_view text, double width, const TextStyle& style);
    /// Splits `text`, wrapped to `width`, after the last whole line that fits
    /// into `height` (style.maxLines is ignored); the rest is empty when all fits.
    Result<TextSplit> splitToFit(std::string_view text, double width, const TextStyle& style, double height);

    void line(double x0, double y0, double x1, double y1, double width);
    void fill(double x, double y, double w, double h, double grey);
    void outline(double x, double y, double w, double h, double width);
    /// Fills all rectangles black as one path, so that touching ones print
    /// as one area without hairline seams between them.
    void fillBlack(const std::vector<Rect>& rects);

    /// Ends the current page and starts another.
    Result<void> nextPage();
    /// Ends the last page and returns the whole PDF.
    Result<std::vector<std::uint8_t>> finish();

private:
    explicit PdfDocument(std::string document);
    Result<void> checkStatus(std::string_view doing);

    std::string m_document;
    std::vector<std::uint8_t> m_bytes;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
};

} // namespace kiosk::devices::pdf
