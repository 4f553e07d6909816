#pragma once
// ESC/POS commands as bytes, one function per command of the reference
// table (shared/reference/devices.md §2.1). The builders trust their callers
// to pass values in the documented ranges (the encoder checks a document
// before it gets here) and keep only the bits a command defines.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "documents/receipt.hpp"
#include "escpos/escpos_status.hpp"
#include "escpos/qr_symbol.hpp"

namespace kiosk::devices::escpos {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint8_t kEsc = 0x1B;
inline constexpr std::uint8_t kGs = 0x1D;
inline constexpr std::uint8_t kFs = 0x1C;
inline constexpr std::uint8_t kDle = 0x10;
inline constexpr std::uint8_t kEot = 0x04;
inline constexpr std::uint8_t kLf = 0x0A;

/// ESC ! bits.
enum PrintModeBits : std::uint8_t {
    kModeFontB = 0x01,
    kModeEmphasized = 0x08,
    kModeDoubleHeight = 0x10,
    kModeDoubleWidth = 0x20,
    kModeUnderline = 0x80,
};

/// GS a bits: which changes the printer reports by itself.
enum AsbEnable : std::uint8_t { kAsbDrawer = 0x01, kAsbOnline = 0x02, kAsbError = 0x04, kAsbPaper = 0x08 };

enum class CutKind { Full, Partial };
enum class QrModel : std::uint8_t { Model1 = 49, Model2 = 50 };
enum class RasterScale : std::uint8_t { Normal = 0, DoubleWidth = 1, DoubleHeight = 2, Quadruple = 3 };

/// ESC @: clears the print buffer and resets every mode to its power-on value.
Bytes initialize();
/// ESC t n: single-byte code page (0 = PC437).
Bytes selectCodePage(std::uint8_t page);
/// FS & / FS .: two-byte (Chinese) character mode on or off.
Bytes chineseMode(bool on);
/// FS SO / FS DC4: double-width Chinese characters on or off.
Bytes chineseDoubleWidth(bool on);
/// FS W n: quadruple-size Chinese characters on or off.
Bytes chineseQuadruple(bool on);
/// ESC ! n: print mode, PrintModeBits combined.
Bytes printMode(std::uint8_t bits);
/// GS ! n: character size, each scale 1–8.
Bytes characterSize(int widthScale, int heightScale);
/// ESC a n.
Bytes align(TextAlign alignment);
/// ESC E n.
Bytes bold(bool on);
/// ESC - n: underline 0 (off), 1 or 2 dots thick.
Bytes underline(int dots);
/// GS B n: white on black.
Bytes reverse(bool on);

/// GS ( k, function 165: QR model.
Bytes qrModel(QrModel model);
/// GS ( k, function 167: module size in dots, 1–16.
Bytes qrModuleSize(int dots);
/// GS ( k, function 169: error correction.
Bytes qrErrorCorrection(QrErrorCorrection level);
/// GS ( k, function 180: store the data to print; at most 65532 bytes.
Bytes qrStore(std::string_view data);
/// GS ( k, function 181: print the stored symbol.
Bytes qrPrint();

/// GS v 0: a raster image; `rows` holds heightDots rows of widthBytes bytes, MSB leftmost, 1 = black.
Bytes rasterImage(int widthBytes, int heightDots, std::span<const std::uint8_t> rows,
                  RasterScale scale = RasterScale::Normal);

/// ESC d n: print the buffer and feed n lines.
Bytes feedLines(std::uint8_t lines);
/// GS V 0 / GS V 1: cut where the paper is now.
Bytes cut(CutKind kind);
/// GS V 65 n / GS V 66 n: feed to the cutter plus n motion units, then cut.
Bytes feedAndCut(CutKind kind, std::uint8_t extra);
/// ESC p m t1 t2: cash-drawer pulse on pin 2 (m = 0) or 5 (m = 1), times in 2 ms units.
Bytes drawerKick(std::uint8_t pin, std::uint8_t onTime, std::uint8_t offTime);
/// DLE EOT n: real-time status request, answered with one byte even while offline.
Bytes realTimeStatus(StatusQuery query);
/// GS a n: Automatic Status Back for the AsbEnable bits combined.
Bytes automaticStatusBack(std::uint8_t enableBits);
/// GS r 1: paper sensor status (not answered while offline; prefer DLE EOT 4).
Bytes paperSensorStatus();

inline void append(Bytes& out, const Bytes& command)
{
    out.insert(out.end(), command.begin(), command.end());
}

}  // namespace kiosk::devices::escpos
