#pragma once
#include <string>

#include "flows/flow_failure.hpp"
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// A service that did not end well: what happened, what became of the money,
/// what to do now (always including the service window), the number staff
/// need, and the ways on: back to the services, or finish.
void drawFailurePanel(Ui& ui, Rect area, const flows::FlowFailure& failure, const std::string& reference);

/// The two ways on after a service: other services, or finish and take the card.
void drawFinishButtons(Ui& ui, Rect area);

} // namespace kiosk::screens
