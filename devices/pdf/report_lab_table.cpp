#include "pdf/report_lab_table.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace kiosk::devices::pdf {

namespace {

// A cell grows to at most maxLines lines, so that one row always fits on a
// page; text longer still ends in "…". Results and ranges get the most room:
// a value cut short could be read as another value.
struct Column {
    const char* title;
    double share;  ///< Of the table's width.
    Align align;
    int maxLines;
};

constexpr std::array<Column, 5> kColumns{{
    {"项目", 0.36, Align::Left, 6},
    {"结果", 0.17, Align::Left, 12},
    {"标志", 0.08, Align::Center, 1},
    {"单位", 0.17, Align::Left, 4},
    {"参考范围", 0.22, Align::Left, 12},
}};
constexpr double kCellPadX = 3;
constexpr double kCellPadY = 3;
constexpr double kPoints = 10;

struct Cell {
    std::string text;
    Weight weight = Weight::Normal;
};

// An arrow alone would do on screen; the bold value makes an abnormal row
// stand out on a worn black-and-white printer too, where grey would fade.
std::array<Cell, 5> cellsOf(const hospital::LabResult& r)
{
    bool abnormal = r.flag != hospital::ResultFlag::Normal;
    Weight emphasis = abnormal ? Weight::Bold : Weight::Normal;
    const char* flag = r.flag == hospital::ResultFlag::High ? "↑" : r.flag == hospital::ResultFlag::Low ? "↓" : "";
    return {{{r.name}, {r.value, emphasis}, {flag, Weight::Bold}, {r.unit}, {r.referenceRange}}};
}

Result<double> rowHeight(ReportSheet& sheet, const std::array<Cell, 5>& cells)
{
    double tallest = 0;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        double width = kColumns[i].share * ReportSheet::kWidth - 2 * kCellPadX;
        TextStyle style{kPoints, cells[i].weight, kColumns[i].align, kColumns[i].maxLines};
        tallest = std::max(tallest, KIOSK_TRY(sheet.measure(cells[i].text, width, style)));
    }
    return tallest + 2 * kCellPadY;
}

Result<void> drawRow(ReportSheet& sheet, const std::array<Cell, 5>& cells, double height)
{
    double x = ReportSheet::kLeft;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        double width = kColumns[i].share * ReportSheet::kWidth;
        TextStyle style{kPoints, cells[i].weight, kColumns[i].align, kColumns[i].maxLines};
        KIOSK_TRY(sheet.text(x + kCellPadX, sheet.y() + kCellPadY, cells[i].text, width - 2 * kCellPadX, style));
        x += width;
    }
    sheet.moveDown(height);
    return {};
}

std::array<Cell, 5> headerCells()
{
    std::array<Cell, 5> cells;
    for (std::size_t i = 0; i < kColumns.size(); ++i) cells[i] = {kColumns[i].title, Weight::Bold};
    return cells;
}

Result<void> drawHeaderRow(ReportSheet& sheet)
{
    std::array<Cell, 5> cells = headerCells();
    double height = KIOSK_TRY(rowHeight(sheet, cells));
    sheet.rule(sheet.y(), 0.8);
    KIOSK_TRY_VOID(drawRow(sheet, cells, height));
    sheet.rule(sheet.y(), 0.8);
    return {};
}

} // namespace

Result<void> layOutLabTable(ReportSheet& sheet, const std::vector<hospital::LabResult>& results)
{
    // A header row alone at a page's foot would be followed by nothing.
    double headerHeight = KIOSK_TRY(rowHeight(sheet, headerCells()));
    double firstRow = results.empty() ? headerHeight : KIOSK_TRY(rowHeight(sheet, cellsOf(results.front())));
    KIOSK_TRY_VOID(sheet.keepTogether(headerHeight + firstRow));
    KIOSK_TRY_VOID(drawHeaderRow(sheet));
    if (results.empty()) {
        sheet.moveDown(KIOSK_TRY(sheet.text(ReportSheet::kLeft + kCellPadX, sheet.y() + kCellPadY, "（无检验结果）",
                                            ReportSheet::kWidth, {kPoints})) + 2 * kCellPadY);
        sheet.rule(sheet.y(), 0.8);
        return {};
    }
    sheet.setContinuation([&sheet] { return drawHeaderRow(sheet); });
    for (const hospital::LabResult& result : results) {
        std::array<Cell, 5> cells = cellsOf(result);
        double height = KIOSK_TRY(rowHeight(sheet, cells));
        KIOSK_TRY_VOID(sheet.keepTogether(height));
        KIOSK_TRY_VOID(drawRow(sheet, cells, height));
        // Thin lines guide the eye along a row from the name to its range.
        sheet.rule(sheet.y(), 0.25);
    }
    sheet.setContinuation({});
    sheet.rule(sheet.y(), 0.8);
    return {};
}

} // namespace kiosk::devices::pdf
