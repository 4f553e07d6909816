// The simulated printer takes whatever bytes a caller sends, and support
// staff feed it captures from the field: the parser must survive any bytes,
// always move forward, never build more than it was given, and stop exactly
// where the simulated paper runs out. (Parser only: drawing needs the font.)
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <variant>

#include "escpos/escpos_parser.hpp"

using namespace kiosk::devices::escpos;

namespace {

void checkOp(const PrintOp& op, std::size_t& copied)
{
    if (auto* text = std::get_if<TextRun>(&op)) {
        const TextStyle& s = text->style;
        if (text->bytes.empty() || s.widthScale < 1 || s.widthScale > 8 || s.heightScale < 1 || s.heightScale > 8 ||
            s.underline < 0 || s.underline > 2)
            std::abort();
        copied += text->bytes.size();
    } else if (auto* image = std::get_if<RasterImage>(&op)) {
        if (image->widthBytes <= 0 || image->height <= 0 ||
            image->rows.size() !=
                static_cast<std::size_t>(image->widthBytes) * static_cast<std::size_t>(image->height) ||
            image->scaleX < 1 || image->scaleX > 2 || image->scaleY < 1 || image->scaleY > 2)
            std::abort();
        copied += image->rows.size();
    } else if (auto* qr = std::get_if<QrPrint>(&op)) {
        if (!qr->data || qr->moduleSize < 1 || qr->moduleSize > 16) std::abort();
    } else if (auto* end = std::get_if<LineEnd>(&op)) {
        if (end->lines < 0 || end->lines > 255 || end->lineSpacing < 0 || end->lineSpacing > 255) std::abort();
    } else if (auto* cut = std::get_if<Cut>(&op)) {
        if (cut->feedDots < 0 || cut->feedDots > 255) std::abort();
    } else if (auto* request = std::get_if<StatusRequest>(&op)) {
        if (request->n < 1 || request->n > 4) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::span<const std::uint8_t> in(data, size);
    ParseOptions options;
    ParsedJob job = parseEscpos(in, options);
    if (job.consumed != size || job.paperOut) std::abort();
    if (job.warnings.size() > options.maxWarnings + 1) std::abort();
    std::size_t copied = 0;
    for (const PrintOp& op : job.ops)
        checkOp(op, copied);
    if (copied > size) std::abort();  // text and images are the input's own bytes, never more

    if (size == 0) return 0;
    options.paperOutAfter = data[0] % size;
    ParsedJob cut = parseEscpos(in, options);
    if (cut.consumed != options.paperOutAfter || !cut.paperOut) std::abort();
    copied = 0;
    for (const PrintOp& op : cut.ops)
        checkOp(op, copied);
    if (copied > cut.consumed) std::abort();
    return 0;
}
