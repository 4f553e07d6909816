#pragma once
// ReceiptDocument → ESC/POS bytes for a Chinese receipt printer: GB18030
// text with size, alignment and weight, QR codes (the printer's own or
// drawn here as a raster image), 1-bit images, feeds and cuts. Pure: the
// bytes go to whichever transport the adapter has.
#include <array>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "documents/receipt.hpp"
#include "escpos/escpos_commands.hpp"
#include "escpos/escpos_status.hpp"
#include "escpos/gb18030_text.hpp"
#include "escpos/qr_symbol.hpp"

namespace kiosk::devices::escpos {

enum class QrMode {
    Native,  ///< GS ( k: the printer draws the symbol (needs printer support).
    Raster,  ///< libqrencode draws it here (with a UTF-8 ECI for non-ASCII data) and it goes as a GS v 0 image.
};

/// What to do with a character the printer cannot print.
enum class Unencodable {
    Fail,       ///< Refuse the document, naming the character.
    Substitute,  ///< Print the marker instead and list the character in EncodedReceipt::substitutions.
};

enum class CutMode {
    FeedToCutter,  ///< GS V 65/66 0: the last lines are fed past the cutter first.
    Immediate,    ///< GS V 0/1: cuts where the paper is; the last lines stay in the printer.
};

struct EncoderOptions {
    TextEncoding encoding = TextEncoding::Gb18030;
    Unencodable unencodable = Unencodable::Fail;
    std::string marker = "□";  ///< UTF-8; must itself be printable.
    QrMode qrMode = QrMode::Native;
    QrErrorCorrection qrErrorCorrection = QrErrorCorrection::M;
    CutMode cutMode = CutMode::FeedToCutter;
    int paperWidthDots = 576;  ///< 576 for 80 mm paper, 384 for 58 mm (203 dpi).
};

struct EncodedReceipt {
    Bytes bytes;
    /// One line per character printed as the marker: where, which, and why.
    std::vector<std::string> substitutions;
};

/// Encodes a whole receipt, starting with ESC @ and FS &. Fails with a
/// message naming the element for values out of range, QR data that does
/// not fit the paper, and (under Unencodable::Fail) characters that cannot be printed.
Result<EncodedReceipt> encodeReceipt(const ReceiptDocument& document, const EncoderOptions& options = {});

/// DLE EOT n, the real-time status request.
std::array<std::uint8_t, 3> encodeStatusQuery(StatusQuery query);

/// Packs a 1-bit image (one byte per pixel, non-zero black) into GS v 0 rows.
Bytes packRaster(int width, int height, const std::vector<std::uint8_t>& pixels);

}  // namespace kiosk::devices::escpos
