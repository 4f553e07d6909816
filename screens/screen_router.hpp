#pragma once
// Draws one whole frame for the shell's state: top bar, the current screen,
// bottom bar, overlay. Returns the intents the patient expressed.
#include <vector>

#include "widgets/ui.hpp"

namespace kiosk::screens {

void drawAttractScreen(Ui& ui, Rect area);
void drawIdentifyScreen(Ui& ui, Rect area);
void drawPatientScreen(Ui& ui, Rect area);
void drawRegistrationScreen(Ui& ui, Rect area);
void drawBillsScreen(Ui& ui, Rect area);
void drawReportsScreen(Ui& ui, Rect area);
void drawCheckInScreen(Ui& ui, Rect area);
void drawPricesScreen(Ui& ui, Rect area);
void drawTransactionLookupScreen(Ui& ui, Rect area);
void drawMaintainerPinScreen(Ui& ui, Rect area);
void drawMaintainerScreen(Ui& ui, Rect area);

std::vector<Intent> drawFrame(Ui& ui);

} // namespace kiosk::screens
