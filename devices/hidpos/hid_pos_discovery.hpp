#pragma once
// Finding the HID POS scanner: the hidraw node whose report descriptor
// declares the Bar Code Scanner usage page (0x8C), read from sysfs. Keyboard
// and mouse nodes of the same device are passed over; so is everything else
// on the bus.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace kiosk::devices::hidpos {

/// True if a HID report descriptor sets Usage Page 0x8C anywhere (walking
/// its items, not searching bytes, so data that happens to be 0x8C does not count).
bool declaresBarcodeScannerPage(std::span<const std::uint8_t> descriptor);

/// The /dev node of the first hidraw device under `sysRoot`/class/hidraw
/// that declares page 0x8C, if any.
std::optional<std::string> findHidPosNode(const std::string& sysRoot = "/sys");

} // namespace kiosk::devices::hidpos
