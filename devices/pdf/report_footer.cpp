#include "pdf/report_footer.hpp"

#include <algorithm>
#include <vector>

#include "escpos/qr_symbol.hpp"

namespace kiosk::devices::pdf {

namespace {

// 24 mm with its quiet zone: a verify code of a few dozen bytes gets modules
// of about 0.6 mm, which phone cameras and 150 dpi scans both resolve.
constexpr double kQrSide = 24 * kPointsPerMm;
constexpr double kQrCaptionGap = 2;
constexpr double kColumnGap = 12;
constexpr double kTopGap = 8;
constexpr double kMarkWidth = 100;
constexpr TextStyle kCaption{8, Weight::Normal, Align::Center, 1};

// Vector squares, one rectangle per run of dark modules in a row: sharp at
// any printer resolution, and a fraction of the paths of one per module.
std::vector<Rect> qrRects(const escpos::QrSymbol& symbol, double x, double y)
{
    const double module = kQrSide / (symbol.size + 2 * escpos::kQrQuietZone);
    const double left = x + escpos::kQrQuietZone * module;
    const double top = y + escpos::kQrQuietZone * module;
    std::vector<Rect> rects;
    for (int row = 0; row < symbol.size; ++row) {
        int col = 0;
        while (col < symbol.size) {
            if (!symbol.isDark(col, row)) {
                ++col;
                continue;
            }
            int start = col;
            while (col < symbol.size && symbol.isDark(col, row)) ++col;
            rects.push_back({left + start * module, top + row * module, (col - start) * module, module});
        }
    }
    return rects;
}

struct Line {
    const std::string& text;
    TextStyle style;
};

} // namespace

Result<void> layOutFooter(ReportSheet& sheet, const ReportFooter& footer)
{
    const bool hasQr = !footer.verifyCode.empty();
    escpos::QrSymbol symbol;
    if (hasQr)
        symbol = KIOSK_TRY(escpos::encodeQrSymbol(footer.verifyCode, escpos::QrErrorCorrection::M,
                                                  escpos::QrCharset::Utf8Eci));
    const double textWidth = ReportSheet::kWidth - (hasQr ? kQrSide + kColumnGap : 0);
    const TextStyle markStyle{11, Weight::Bold, Align::Center, 1};
    const std::vector<Line> lines{{footer.doctors, {10.5, Weight::Normal, Align::Left, 2}},
                                  {footer.note, {9, Weight::Normal, Align::Left, 2}},
                                  {footer.printed, {9, Weight::Normal, Align::Left, 2}}};

    double textHeight = 0;
    for (const Line& line : lines) textHeight += KIOSK_TRY(sheet.measure(line.text, textWidth, line.style)) + 4;
    double markHeight = 0;
    if (!footer.reprintMark.empty())
        markHeight = KIOSK_TRY(sheet.measure(footer.reprintMark, kMarkWidth - 6, markStyle)) + 10;
    double qrHeight = hasQr ? kQrSide + kQrCaptionGap + KIOSK_TRY(sheet.measure("扫码核验", kQrSide, kCaption)) : 0;
    const double height = kTopGap + std::max(textHeight + markHeight, qrHeight);

    KIOSK_TRY_VOID(sheet.keepTogether(height + kTopGap));
    // The footer sits at the foot of the page, where signatures go on a
    // report written by hand, however short the results above it are.
    const double top = sheet.bottom() - height;
    sheet.rule(top, 0.8);
    double y = top + kTopGap;
    for (const Line& line : lines)
        y += KIOSK_TRY(sheet.text(ReportSheet::kLeft, y, line.text, textWidth, line.style)) + 4;
    if (!footer.reprintMark.empty()) {
        double h = KIOSK_TRY(sheet.text(ReportSheet::kLeft + 3, y + 3, footer.reprintMark, kMarkWidth - 6, markStyle));
        sheet.outline(ReportSheet::kLeft, y, kMarkWidth, h + 6, 1.2);
    }
    if (hasQr) {
        const double x = ReportSheet::kRight - kQrSide;
        sheet.fillBlack(qrRects(symbol, x, top + kTopGap));
        KIOSK_TRY(sheet.text(x, top + kTopGap + kQrSide + kQrCaptionGap, "扫码核验", kQrSide, kCaption));
    }
    sheet.moveDown(sheet.bottom() - sheet.y());
    return {};
}

} // namespace kiosk::devices::pdf
