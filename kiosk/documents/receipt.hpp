#pragma once
// A receipt or slip as a document, independent of the printer's language:
// the flows build these, the ESC/POS encoder in devices/ turns them into
// bytes, and the simulated printer draws them.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

enum class TextAlign { Left, Center, Right };

struct ReceiptText {
    std::string text;  ///< UTF-8; the encoder converts to the printer's code page.
    TextAlign align = TextAlign::Left;
    int widthScale = 1;   ///< 1–8, character width multiplier.
    int heightScale = 1;  ///< 1–8, character height multiplier.
    bool bold = false;
};

struct ReceiptQrCode {
    std::string data;
    int moduleSize = 6;  ///< Dots per module, 1–16.
    TextAlign align = TextAlign::Center;
};

/// A 1-bit image, row-major, one byte per pixel (0 white, non-zero black).
struct ReceiptImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    TextAlign align = TextAlign::Center;
};

struct ReceiptFeed {
    int lines = 1;
};

struct ReceiptCut {
    bool partial = false;
};

using ReceiptElement = std::variant<ReceiptText, ReceiptQrCode, ReceiptImage, ReceiptFeed, ReceiptCut>;

struct ReceiptDocument {
    std::vector<ReceiptElement> elements;
};

} // namespace kiosk
