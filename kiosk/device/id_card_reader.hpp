#pragma once
// The ID-card reader as the rest of the kiosk sees it: an InputDevice whose
// events are CardInserted, CardRemoved and CardReadFailed. The USB adapter
// and the simulator both implement this.
#include "device/input_device.hpp"

namespace kiosk {

class IdCardReader : public InputDevice {};

} // namespace kiosk
