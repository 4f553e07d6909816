#pragma once
// The pages of a printed report as they fill from top to bottom: where the
// next thing goes, when a page is full, the header every page carries and
// its number at the bottom. The report is laid out twice with the same
// code, first without ink to count its pages, so that each page can say
// "第 N 页 / 共 M 页" when it is drawn.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/pdf_document.hpp"

namespace kiosk::devices::pdf {

enum class Ink { Off, On };

/// The words a report's pages repeat: the same on every page of one report.
struct SheetHeading {
    std::string hospitalName;
    std::string kindTitle;    ///< 检验报告单, 检查报告单
    std::string reportTitle;  ///< 血常规
    std::string patientLine;  ///< Name and report number, for pages after the first.
    std::string reprintMark;  ///< "补打 (第2份)", empty on a first print.
};

class ReportSheet {
public:
    static constexpr double kMargin = 15 * kPointsPerMm;
    static constexpr double kLeft = kMargin;
    static constexpr double kRight = kA4Width - kMargin;
    static constexpr double kWidth = kRight - kLeft;

    /// `totalPages` is what the page numbers say; 0 while counting.
    ReportSheet(PdfDocument& pdf, Ink ink, SheetHeading heading, int totalPages);

    /// Starts the first page with the full heading.
    Result<void> begin();
    /// Numbers the last page. Returns how many pages there were.
    Result<int> end();

    double y() const { return m_y; }
    void moveDown(double points) { m_y += points; }
    /// Points left above the page number.
    double room() const { return m_bottom - m_y; }
    double bottom() const { return m_bottom; }

    /// Draws text (only measures it without ink); returns its height.
    Result<double> text(double x, double y, std::string_view text, double width, const TextStyle& style);
    Result<double> measure(std::string_view text, double width, const TextStyle& style);
    void rule(double y, double width, double x0 = kLeft, double x1 = kRight);
    void outline(double x, double y, double w, double h, double width);
    void fillBlack(const std::vector<Rect>& rects);

    /// Ends this page and starts the next below its short heading, then runs
    /// the continuation (a table's header row) if one is set.
    Result<void> newPage();
    /// Breaks the page unless `height` fits on what is left of it.
    Result<void> keepTogether(double height);
    /// What each new page repeats below its heading; empty for nothing.
    void setContinuation(std::function<Result<void>()> continuation) { m_continuation = std::move(continuation); }

    /// Wrapped text across the full width, going on over as many pages as it needs.
    Result<void> paragraph(std::string_view text, const TextStyle& style);

private:
    Result<void> drawFirstHeading();
    Result<void> drawRunningHeading();
    Result<void> drawReprintMark(double top);
    Result<void> drawPageNumber();

    PdfDocument& m_pdf;
    Ink m_ink;
    SheetHeading m_heading;
    int m_totalPages;
    int m_page = 0;
    double m_y = 0;
    double m_bottom = 0;
    double m_pageTop = 0;  ///< Where the first thing on this page went: nothing is gained by breaking there.
    std::function<Result<void>()> m_continuation;
};

} // namespace kiosk::devices::pdf
