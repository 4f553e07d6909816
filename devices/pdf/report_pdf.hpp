#pragma once
// Diagnostic reports as A4 PDFs for the A4 printer: cairo draws, pango lays
// the Chinese text out in Noto Sans CJK SC.
#include "documents/report_renderer.hpp"

namespace kiosk::devices::pdf {

class PdfReportRenderer final : public ReportRenderer {
public:
    /// Fails when the CJK font is missing or cairo cannot draw; any report
    /// content, however long or empty, gives pages.
    Result<std::vector<std::uint8_t>> render(const hospital::Report& report, const ReportPrintFacts& facts) override;
};

} // namespace kiosk::devices::pdf
