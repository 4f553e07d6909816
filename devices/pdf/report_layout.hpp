#pragma once
// Where each part of a diagnostic report goes on A4: the heading, the
// patient block, the results table (lab) or the findings and conclusion
// (imaging), and the footer. The words on the paper are the hospital's
// Chinese forms, whatever language the kiosk's screen is in.
#include "documents/report_renderer.hpp"
#include "pdf/report_sheet.hpp"

namespace kiosk::devices::pdf {

/// Lays the whole report out; returns its number of pages. With Ink::Off
/// nothing is drawn, and `totalPages` (0 then) is not needed.
Result<int> layOutReport(PdfDocument& pdf, const hospital::Report& report, const ReportPrintFacts& facts, Ink ink,
                         int totalPages);

} // namespace kiosk::devices::pdf
