#include "widgets/rating.hpp"

#include <cmath>

namespace kiosk::screens {

namespace {
/// A face drawn from circles and a mouth whose curve goes from a frown (1)
/// to a smile (5): understood without reading, in any language.
void drawFace(ImVec2 centre, float radius, int score, ImU32 ink)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float stroke = std::max(2.0f, radius * 0.09f);
    draw->AddCircle(centre, radius, ink, 48, stroke);
    float eyeY = centre.y - radius * 0.28f;
    draw->AddCircleFilled(ImVec2(centre.x - radius * 0.35f, eyeY), radius * 0.1f, ink);
    draw->AddCircleFilled(ImVec2(centre.x + radius * 0.35f, eyeY), radius * 0.1f, ink);
    float curve = static_cast<float>(score - 3) * 0.18f * radius;  // <0 frown, >0 smile
    float mouthY = centre.y + radius * 0.35f;
    float half = radius * 0.45f;
    const int segments = 12;
    ImVec2 points[segments + 1];
    for (int i = 0; i <= segments; ++i) {
        float t = static_cast<float>(i) / segments * 2 - 1;  // -1 … 1
        points[i] = ImVec2(centre.x + t * half, mouthY + curve * (1 - t * t) - curve * 0.5f);
    }
    draw->AddPolyline(points, segments + 1, ink, 0, stroke);
}
} // namespace

namespace {
float faceSide(const Ui& ui, float width)
{
    const Metrics& m = ui.metrics();
    return std::min(std::max(m.minTarget * 1.2f, ui.buttonHeight() * 1.5f), (width - 4 * m.gap) / 5);
}
} // namespace

float ratingHeight(const Ui& ui, float width)
{
    const ServiceHost* host = ui.shell().services();
    if (!host || (!host->canRate() && !host->rated())) return 0;
    const Metrics& m = ui.metrics();
    float line = ui.measure(ui.tr("rating.question"), FontRole::Body, width).y;
    if (host->rated()) return ui.measure(ui.tr("rating.thanks"), FontRole::Body, width).y + m.gap;
    return line + m.gap * 0.5f + faceSide(ui, width) + m.bodySize + m.gap;
}

float drawRating(Ui& ui, float x, float y, float width)
{
    const ServiceHost* host = ui.shell().services();
    if (!host || (!host->canRate() && !host->rated())) return 0;
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    if (host->rated()) return ui.textIn(x, y, width, ui.tr("rating.thanks"), FontRole::Body, t.text) + m.gap;
    float used = ui.textIn(x, y, width, ui.tr("rating.question"), FontRole::Body, t.text) + m.gap * 0.5f;
    float side = faceSide(ui, width);
    float total = side * 5 + m.gap * 4;
    float left = x + (width - total) * 0.5f;
    static constexpr const char* kLabels[] = {"rating.1", "rating.2", "rating.3", "rating.4", "rating.5"};
    for (int score = 1; score <= 5; ++score) {
        // The face above, its word below, both inside one target.
        Rect r{left + static_cast<float>(score - 1) * (side + m.gap), y + used, side, side + m.bodySize};
        // The label is the button's text (for screen readers of the frame
        // record and for scenarios); the face is drawn over the button.
        if (ui.button("rate-" + std::to_string(score), "", r, ButtonStyle::Secondary)) ui.intend(intent::Rate{score});
        drawFace(ImVec2(r.x + side * 0.5f, r.y + side * 0.45f), side * 0.32f, score, t.secondaryText);
        ui.textIn(r.x, r.y + side * 0.85f, side, ui.tr(kLabels[score - 1]), FontRole::Body, t.secondaryText);
    }
    return used + side + m.bodySize + m.gap;
}

} // namespace kiosk::screens
