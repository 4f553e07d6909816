#pragma once
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// On the identify screen: which way of identifying does not work now (the
/// reader or the scanner is missing or broken), and what to do instead;
/// returns the height used, 0 when both work or are still being checked.
float drawIdentifyDeviceNotice(Ui& ui, float x, float y, float width);

/// On the attract screen: printers that cannot print now, one short line
/// each ("收据打印机：缺纸"), so the patient knows before starting and staff
/// passing by see it; returns the height used.
float drawPrinterProblems(Ui& ui, float x, float y, float width);

/// One line per service switched off right now (a printer that cannot print, the hospital not
/// answering), on the home screens; returns the height used.
float drawPausedServices(Ui& ui, float x, float y, float width);

} // namespace kiosk::screens
