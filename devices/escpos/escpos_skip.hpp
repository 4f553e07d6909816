#pragma once
// How long the ESC/POS commands are that the simulated printer does not act
// on (barcodes, page mode, drawer pulses, stored images…), so the parser can
// step over their parameters and data instead of printing them as text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace kiosk::devices::escpos {

struct SkippedCommand {
    std::size_t length = 0;         ///< 0 when the command continues past the bytes given.
    const char* notDrawn = nullptr;  ///< What a reader misses on the image; null if nothing visible.
};

/// `rest` starts with ESC, GS, FS or DLE; nothing when the command is unknown.
std::optional<SkippedCommand> skipCommand(std::span<const std::uint8_t> rest);

}  // namespace kiosk::devices::escpos
