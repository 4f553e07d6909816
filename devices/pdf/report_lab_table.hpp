#pragma once
// A lab report's results as a table: 项目 / 结果 / 标志 / 单位 / 参考范围,
// with the header row repeated on every page the rows run onto.
#include <vector>

#include "hospital/hospital_types.hpp"
#include "pdf/report_sheet.hpp"

namespace kiosk::devices::pdf {

/// Lays the rows out from the sheet's current position down, breaking pages as needed.
Result<void> layOutLabTable(ReportSheet& sheet, const std::vector<hospital::LabResult>& results);

} // namespace kiosk::devices::pdf
