#pragma once
// The foot of a report's last page: who reported and who checked it, the
// note the hospital prints under every report of its kind, whether this is a
// reprint, when and where it was printed, and a QR code staff scan to check
// that the paper came from the hospital.
#include <string>

#include "pdf/report_sheet.hpp"

namespace kiosk::devices::pdf {

struct ReportFooter {
    std::string doctors;      ///< 报告医生 and 审核医生 on one line.
    std::string note;         ///< 本报告仅对本次标本负责
    std::string reprintMark;  ///< Empty on a first print.
    std::string printed;      ///< Printing time and kiosk.
    std::string verifyCode;   ///< The QR code's text; no code when empty.
};

/// Puts the footer at the foot of the current page, or of a new one when
/// what is already on this page leaves too little room.
Result<void> layOutFooter(ReportSheet& sheet, const ReportFooter& footer);

} // namespace kiosk::devices::pdf
