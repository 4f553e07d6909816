#pragma once
// The QR / barcode scanner as the rest of the kiosk sees it (UnifiedPOS
// Scanner): an InputDevice whose every read arrives as CodeScanned with the
// raw, untrusted text; classifying it is the flow's job
// (scan/scan_classifier.hpp). A keyboard-mode scanner is grabbed exclusively
// on open, so that its keys never reach the UI. The HID POS adapter and the
// simulator implement this.
#include "device/input_device.hpp"

namespace kiosk {

class Scanner : public InputDevice {};

} // namespace kiosk
