#pragma once
// A QR code as a matrix of modules, made by libqrencode. The encoder uses it
// for the raster fallback and to check that a symbol fits the paper; the
// simulated printer uses it to draw what a printer's native QR engine would.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace kiosk::devices::escpos {

/// QR error-correction levels, in the order ESC/POS numbers them (48 L … 51 H).
enum class QrErrorCorrection : std::uint8_t { L, M, Q, H };

struct QrSymbol {
    int size = 0;                   ///< Modules per side, without the quiet zone.
    std::vector<std::uint8_t> dark;  ///< size × size, row-major, 1 for a dark module.

    bool isDark(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

/// Modules of quiet zone a scanner needs around a symbol (ISO/IEC 18004).
inline constexpr int kQrQuietZone = 4;

/// How a reader is told what the bytes mean.
enum class QrCharset {
    Unmarked,  ///< Bytes only, as a printer's native QR engine makes them.
    Utf8Eci,  ///< With the ECI 26 (UTF-8) designator when the data is not plain ASCII.
};

/// Encodes `data` as bytes (8-bit mode) in the smallest version that holds it.
Result<QrSymbol> encodeQrSymbol(std::string_view data, QrErrorCorrection level,
                                QrCharset charset = QrCharset::Unmarked);

}  // namespace kiosk::devices::escpos
