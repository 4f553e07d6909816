#pragma once
// Turning a diagnostic report into the PDF the A4 printer prints. The
// interface lives here so that the report flow can ask for a document
// without knowing how PDFs are drawn; devices/pdf implements it with cairo
// and pango.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "hospital/hospital_types.hpp"

namespace kiosk {

/// What a printed report says besides the report itself.
struct ReportPrintFacts {
    std::string hospitalName;
    std::string patientName;   ///< Masked (张*三) before it gets here.
    Sex sex = Sex::Unknown;
    int ageYears = -1;         ///< -1 when unknown.
    std::string patientId;     ///< The hospital's patient number (not the ID card number).
    std::string verifyCode;    ///< Text of the QR code that lets staff verify the printout (a kiosk slip code).
    std::string kioskId;
    WallTime printedAt;
    int copy = 1;              ///< 1 for the first print; 2+ marks the paper as a reprint.
};

class ReportRenderer {
public:
    virtual ~ReportRenderer() = default;
    /// One report as a complete PDF document (A4 portrait, as many pages as its results need).
    virtual Result<std::vector<std::uint8_t>> render(const hospital::Report& report, const ReportPrintFacts& facts) = 0;
};

} // namespace kiosk
