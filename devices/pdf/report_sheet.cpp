#include "pdf/report_sheet.hpp"

#include <utility>

namespace kiosk::devices::pdf {

namespace {

constexpr double kPageNumberTop = kA4Height - ReportSheet::kMargin - 11;
// The first page's title lines stay clear of the reprint mark in the top right corner.
constexpr double kTitleInset = 95;

} // namespace

ReportSheet::ReportSheet(PdfDocument& pdf, Ink ink, SheetHeading heading, int totalPages)
    : m_pdf(pdf), m_ink(ink), m_heading(std::move(heading)), m_totalPages(totalPages)
{
    m_bottom = kPageNumberTop - 8;
}

Result<void> ReportSheet::begin()
{
    m_page = 1;
    m_y = kMargin;
    KIOSK_TRY_VOID(drawFirstHeading());
    m_pageTop = m_y;
    return {};
}

Result<int> ReportSheet::end()
{
    KIOSK_TRY_VOID(drawPageNumber());
    return m_page;
}

Result<double> ReportSheet::text(double x, double y, std::string_view text, double width, const TextStyle& style)
{
    if (m_ink == Ink::Off) return m_pdf.measure(text, width, style);
    return m_pdf.text(x, y, text, width, style);
}

Result<double> ReportSheet::measure(std::string_view text, double width, const TextStyle& style)
{
    return m_pdf.measure(text, width, style);
}

void ReportSheet::rule(double y, double width, double x0, double x1)
{
    if (m_ink == Ink::On) m_pdf.line(x0, y, x1, y, width);
}

void ReportSheet::outline(double x, double y, double w, double h, double width)
{
    if (m_ink == Ink::On) m_pdf.outline(x, y, w, h, width);
}

void ReportSheet::fillBlack(const std::vector<Rect>& rects)
{
    if (m_ink == Ink::On) m_pdf.fillBlack(rects);
}

Result<void> ReportSheet::drawFirstHeading()
{
    KIOSK_TRY_VOID(drawReprintMark(m_y));
    const double x = kLeft + kTitleInset;
    const double width = kWidth - 2 * kTitleInset;
    m_y += KIOSK_TRY(text(x, m_y, m_heading.hospitalName, width, {17, Weight::Bold, Align::Center, 2})) + 4;
    m_y += KIOSK_TRY(text(x, m_y, m_heading.kindTitle, width, {15, Weight::Bold, Align::Center, 1})) + 1;
    m_y += KIOSK_TRY(text(x, m_y, m_heading.reportTitle, width, {12, Weight::Normal, Align::Center, 2})) + 5;
    rule(m_y, 1.2);
    m_y += 7;
    return {};
}

// Pages after the first say whose report they belong to, so that a page
// that slips out of the pile can be put back.
Result<void> ReportSheet::drawRunningHeading()
{
    KIOSK_TRY_VOID(drawReprintMark(m_y));
    const double width = kWidth - kTitleInset;
    std::string title = m_heading.hospitalName + "  " + m_heading.kindTitle + "  " + m_heading.reportTitle;
    m_y += KIOSK_TRY(text(kLeft, m_y, title, width, {10, Weight::Bold, Align::Left, 1})) + 1;
    m_y += KIOSK_TRY(text(kLeft, m_y, m_heading.patientLine, width, {9, Weight::Normal, Align::Left, 1})) + 4;
    rule(m_y, 0.8);
    m_y += 6;
    return {};
}

// A reprint is marked on every page, boxed and bold, so that neither a
// patient nor a clerk takes a second copy for a second, newer result.
Result<void> ReportSheet::drawReprintMark(double top)
{
    if (m_heading.reprintMark.empty()) return {};
    const TextStyle style{11, Weight::Bold, Align::Center, 1};
    const double boxWidth = kTitleInset - 10;
    const double height = KIOSK_TRY(measure(m_heading.reprintMark, boxWidth - 6, style));
    outline(kRight - boxWidth, top, boxWidth, height + 6, 1.2);
    KIOSK_TRY(text(kRight - boxWidth + 3, top + 3, m_heading.reprintMark, boxWidth - 6, style));
    return {};
}

Result<void> ReportSheet::drawPageNumber()
{
    if (m_totalPages <= 0) return {};
    std::string number = "第 " + std::to_string(m_page) + " 页 / 共 " + std::to_string(m_totalPages) + " 页";
    KIOSK_TRY(text(kLeft, kPageNumberTop, number, kWidth, {8.5, Weight::Normal, Align::Center, 1}));
    return {};
}

Result<void> ReportSheet::newPage()
{
    KIOSK_TRY_VOID(drawPageNumber());
    if (m_ink == Ink::On) KIOSK_TRY_VOID(m_pdf.nextPage());
    ++m_page;
    m_y = kMargin;
    KIOSK_TRY_VOID(drawRunningHeading());
    if (m_continuation) KIOSK_TRY_VOID(m_continuation());
    m_pageTop = m_y;
    return {};
}

Result<void> ReportSheet::keepTogether(double height)
{
    if (height > room() && m_y > m_pageTop) return newPage();
    return {};
}

Result<void> ReportSheet::paragraph(std::string_view text, const TextStyle& style)
{
    std::string rest(text);
    while (!rest.empty()) {
        TextSplit split = KIOSK_TRY(m_pdf.splitToFit(rest, kWidth, style, room()));
        if (split.head.empty()) {
            // Not one line fits even on an empty page: only a font size
            // larger than the page could do that, and breaking again would never end.
            if (m_y <= m_pageTop) return fail("a line of text is taller than the room on an empty page");
            KIOSK_TRY_VOID(newPage());
            continue;
        }
        // A paragraph break at the cut would otherwise add an empty line at the page's foot.
        if (split.head.back() == '\n') split.head.pop_back();
        m_y += KIOSK_TRY(this->text(kLeft, m_y, split.head, kWidth, style));
        rest = std::move(split.rest);
        if (!rest.empty()) KIOSK_TRY_VOID(newPage());
    }
    return {};
}

} // namespace kiosk::devices::pdf
