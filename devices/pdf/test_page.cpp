#include "pdf/test_page.hpp"

#include <string>

#include "pdf/pdf_document.hpp"

namespace kiosk::devices::pdf {

namespace {

constexpr double kMm = kPointsPerMm;
constexpr double kLeft = 20 * kMm;

// The test page draws one line of text at a time; this keeps its calls short.
class Page {
public:
    explicit Page(PdfDocument& pdf) : m_pdf(pdf) {}

    /// Draws text with its top-left corner at (x, y); returns its height.
    Result<double> text(double x, double y, const std::string& text, double points, Weight weight = Weight::Normal)
    {
        return m_pdf.text(x, y, text, 0, TextStyle{points, weight});
    }
    void line(double x0, double y0, double x1, double y1, double width) { m_pdf.line(x0, y0, x1, y1, width); }
    void rectangle(double x, double y, double w, double h, double grey) { m_pdf.fill(x, y, w, h, grey); }
    void outline(double x, double y, double w, double h, double width) { m_pdf.outline(x, y, w, h, width); }

private:
    PdfDocument& m_pdf;
};

// Eleven patches from white to black in steps of 10 %: a printer whose
// toner runs low or whose halftoning is off loses the light or dark end.
Result<double> drawGreyRamp(Page& page, double y)
{
    y += KIOSK_TRY(page.text(kLeft, y, "灰阶 Grey ramp, % black", 11)) + 4;
    const double patch = 14 * kMm;
    for (int i = 0; i <= 10; ++i) {
        double x = kLeft + i * patch;
        page.rectangle(x, y, patch, patch, 1.0 - i / 10.0);
        KIOSK_TRY(page.text(x + 2, y + patch + 2, std::to_string(i * 10), 8));
    }
    page.outline(kLeft, y, 11 * patch, patch, 0.5);
    return y + patch + 24;
}

// A 1 mm grid, heavier every 5 and 10 mm: measured on paper it shows the
// scale (a printer that shrinks to fit) and any stretch along the feed.
Result<double> drawGrid(Page& page, double y)
{
    constexpr int kWidthMm = 150;
    constexpr int kHeightMm = 60;
    y += KIOSK_TRY(page.text(kLeft, y, "1 mm 网格 Grid, 150 × 60 mm at 100 %", 11)) + 4;
    for (int mm = 0; mm <= kWidthMm; ++mm) {
        double width = mm % 10 == 0 ? 0.8 : mm % 5 == 0 ? 0.45 : 0.15;
        page.line(kLeft + mm * kMm, y, kLeft + mm * kMm, y + kHeightMm * kMm, width);
        if (mm % 10 == 0) KIOSK_TRY(page.text(kLeft + mm * kMm + 1, y + kHeightMm * kMm + 1, std::to_string(mm), 7));
    }
    for (int mm = 0; mm <= kHeightMm; ++mm) {
        double width = mm % 10 == 0 ? 0.8 : mm % 5 == 0 ? 0.45 : 0.15;
        page.line(kLeft, y + mm * kMm, kLeft + kWidthMm * kMm, y + mm * kMm, width);
    }
    return y + kHeightMm * kMm + 20;
}

Result<void> drawPage(Page& page, const TestPageInfo& info)
{
    // A frame 10 mm inside the paper's edge: all four sides should print,
    // equally far from the edge when the paper is fed straight.
    page.outline(10 * kMm, 10 * kMm, kA4Width - 20 * kMm, kA4Height - 20 * kMm, 0.8);
    KIOSK_TRY(page.text(12 * kMm, kA4Height - 10 * kMm - 12, "边框距纸边 10 mm  Frame 10 mm from the paper edge", 7));

    double y = 22 * kMm;
    y += KIOSK_TRY(page.text(kLeft, y, "打印测试页 / Printer test page", 22, Weight::Bold)) + 12;
    for (const std::string& line : {"终端 Kiosk: " + info.kioskId, "打印机 Destination: " + info.destination,
                                    "时间 Printed: " + localTimeText(info.printedAt, "%Y-%m-%d %H:%M:%S %z")})
        y += KIOSK_TRY(page.text(kLeft, y, line, 12)) + 3;
    y += 18;
    y = KIOSK_TRY(drawGreyRamp(page, y));
    y = KIOSK_TRY(drawGrid(page, y));
    y += KIOSK_TRY(page.text(kLeft, y, std::string("中文 Chinese text, ") + kCjkFamily + ":", 11)) + 4;
    KIOSK_TRY(page.text(kLeft, y, "门诊挂号、缴费、检验报告打印 0123456789", 14));
    return {};
}

} // namespace

Result<std::vector<std::uint8_t>> renderTestPage(const TestPageInfo& info)
{
    KIOSK_TRY_VOID(checkCjkFont("the test page"));
    auto pdf = KIOSK_TRY(PdfDocument::open("the test page", "Printer test page"));
    Page page(*pdf);
    KIOSK_TRY_VOID(drawPage(page, info));
    return pdf->finish();
}

} // namespace kiosk::devices::pdf
