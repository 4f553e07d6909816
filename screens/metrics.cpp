#include "metrics.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

Metrics Metrics::compute(float width, float height, float dpi, bool elder)
{
    Metrics m;
    m.width = width;
    m.height = height;
    m.portrait = height > width;
    m.elder = elder;
    m.pxPerMm = dpi / 25.4f;
    m.minTarget = std::ceil((elder ? kElderTargetMm : kTargetMm) * m.pxPerMm);

    // Body text scales with the short side of the screen: 40 px on a 1080-pixel
    // side, comfortably above the 4.8 mm character height kiosks are held to.
    float shortSide = std::min(width, height);
    float body = std::round(std::clamp(shortSide / 27.0f, 28.0f, 64.0f));
    float scale = elder ? kElderTextScale : 1.0f;
    m.bodySize = std::round(body * scale);
    m.titleSize = std::round(body * 1.4f * scale);
    m.clockSize = std::round(body * 1.6f * scale);
    m.pad = std::round(m.bodySize * 0.5f);
    m.gap = std::round(std::max(3.0f * m.pxPerMm, m.bodySize * 0.3f));
    m.border = elder ? 4.0f : 2.0f;
    return m;
}

} // namespace kiosk::screens
