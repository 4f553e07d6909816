#include "pdf/report_pdf.hpp"

#include "pdf/pdf_document.hpp"
#include "pdf/report_layout.hpp"

namespace kiosk::devices::pdf {

Result<std::vector<std::uint8_t>> PdfReportRenderer::render(const hospital::Report& report,
                                                             const ReportPrintFacts& facts)
{
    KIOSK_TRY_VOID(checkCjkFont("the report"));
    std::string title = report.title.empty() ? "Report " + report.id : report.title + " " + report.id;
    auto pdf = KIOSK_TRY(PdfDocument::open("the report", title));
    // Each page says how many there are, which is known only once all are
    // laid out: the first pass only measures, with the same code that draws.
    int pages = KIOSK_TRY(layOutReport(*pdf, report, facts, Ink::Off, 0));
    KIOSK_TRY(layOutReport(*pdf, report, facts, Ink::On, pages));
    return pdf->finish();
}

} // namespace kiosk::devices::pdf
