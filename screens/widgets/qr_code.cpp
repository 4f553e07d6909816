#include "widgets/qr_code.hpp"

#include <qrencode.h>

#include <cmath>
#include <memory>

namespace kiosk::screens {

namespace {
struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
// Four modules of quiet zone, as the QR standard asks; phones fail without it.
constexpr int kQuietModules = 4;
} // namespace

bool drawQrCode(Ui& ui, const std::string& text, float x, float y, float side)
{
    // Level M: survives glare and a scratched screen protector, and keeps a
    // payment link at version 4–5, big modules at any size.
    std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!code) return false;
    int n = code->width;
    float module = std::floor(side / static_cast<float>(n + 2 * kQuietModules));
    if (module < 1) return false;
    float size = module * static_cast<float>(n + 2 * kQuietModules);
    float ox = x + (side - size) * 0.5f;
    float oy = y + (side - size) * 0.5f;
    ui.fill(Rect{ox, oy, size, size}, IM_COL32(255, 255, 255, 255));
    float left = ox + module * kQuietModules;
    float top = oy + module * kQuietModules;
    for (int row = 0; row < n; ++row) {
        // Runs of dark modules in a row become one rectangle: fewer quads to draw.
        int col = 0;
        while (col < n) {
            if (!(code->data[row * n + col] & 1)) {
                ++col;
                continue;
            }
            int start = col;
            while (col < n && (code->data[row * n + col] & 1)) ++col;
            ui.fill(Rect{left + module * static_cast<float>(start), top + module * static_cast<float>(row),
                         module * static_cast<float>(col - start), module},
                    IM_COL32(0, 0, 0, 255));
        }
    }
    return true;
}

} // namespace kiosk::screens
